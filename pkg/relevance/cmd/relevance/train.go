package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/wiredesk/wiredesk/pkg/relevance"
)

// runTrain fits the model on the train split, chooses the penalty and
// the threshold per language on dev, refits on train and dev, and writes
// the model (by default over the built-in one, which go:embed then
// carries into the binaries).
func runTrain(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	data := fs.String("data", "data/relevance", "the labelled set's directory")
	out := fs.String("out", "pkg/relevance/model.json", "where to write the model")
	refit := fs.Bool("refit", true, "refit the chosen model on train and dev (false: train only, to inspect dev)")
	norm := fs.Bool("norm", relevance.DefaultTrainConfig().Norm, "scale each text's features to unit length")
	lambdas := fs.String("lambdas", "", "comma-separated L2 penalties to try (default: the built-in list)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	items, err := loadItems(*data)
	if err != nil {
		return err
	}
	p, err := relevance.Default()
	if err != nil {
		return err
	}
	cfg := relevance.DefaultTrainConfig()
	cfg.Refit, cfg.Norm = *refit, *norm
	if *lambdas != "" {
		cfg.Lambdas = nil
		for _, f := range strings.Split(*lambdas, ",") {
			v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil {
				return fmt.Errorf("train: -lambdas: %w", err)
			}
			cfg.Lambdas = append(cfg.Lambdas, v)
		}
	}
	m, reports, err := relevance.Train(p, labelled(items, "train"), labelled(items, "dev"), cfg, stdout)
	if err != nil {
		return err
	}
	langs := make([]string, 0, len(reports))
	for l := range reports {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	var about []string
	for _, l := range langs {
		r := reports[l]
		fmt.Fprintf(stdout, "%s: chose lead %d, lambda %g, threshold %.4f (dev F1 %.3f); %d weights after the refit on train+dev\n", l, r.Lead, r.Lambda, r.Threshold, r.DevF1, r.Features)
		about = append(about, fmt.Sprintf("%s: lead %d words, lambda %g, threshold %.4f chosen on dev (F1 %.3f)", l, r.Lead, r.Lambda, r.Threshold, r.DevF1))
	}
	m.About = fmt.Sprintf("Logistic regression over the lead's stems, phrases, cues and shapes; trained by 'relevance train' on %s (train split, then refit on train+dev, min docs %d, %d iterations); %s.",
		*data, cfg.MinDocs, cfg.Iterations, strings.Join(about, "; "))
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := m.Write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return nil
}

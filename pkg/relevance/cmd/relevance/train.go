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

// runTrain fits the model on the train and dev splits, choosing the
// lead, the penalty, the positive weight and the threshold per language by
// cross-validation over groups of source and time, and writes the model (by default over the built-in one, which go:embed then
// carries into the binaries).
func runTrain(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	data := fs.String("data", "data/relevance", "the labelled set's directory")
	out := fs.String("out", "pkg/relevance/model.json", "where to write the model")
	minP := fs.Float64("min-precision", relevance.DefaultTrainConfig().MinPrecision, "the out-of-fold precision the threshold should keep")
	maxLoss := fs.Float64("max-f1-loss", relevance.DefaultTrainConfig().MaxF1Loss, "the most out-of-fold F1 the precision may cost (negative: any)")
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
	cfg.MinPrecision, cfg.MaxF1Loss, cfg.Norm = *minP, *maxLoss, *norm
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
	m, reports, err := relevance.Train(p, examples(items, "train", "dev"), cfg, stdout)
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
		fmt.Fprintf(stdout, "%s: chose lead %d, lambda %g, positive weight %g (CV best F1 %.3f), threshold %.4f (out-of-fold %v over %d folds); %d weights\n", l, r.Lead, r.Lambda, r.PosWeight, r.BestF1, r.Threshold, r.CV, r.Folds, r.Features)
		about = append(about, fmt.Sprintf("%s: lead %d words, lambda %g, positive weight %g, threshold %.4f chosen by %d-fold CV (out-of-fold P %.3f R %.3f F1 %.3f)", l, r.Lead, r.Lambda, r.PosWeight, r.Threshold, r.Folds, r.CV.Precision(), r.CV.Recall(), r.CV.F1()))
	}
	m.About = fmt.Sprintf("Logistic regression over the lead's stems, phrases, cues and shapes; trained by 'relevance train' on %s (train and dev splits, cross-validated by source and time, min docs %d, %d iterations); %s.",
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

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"text/tabwriter"

	"github.com/wiredesk/wiredesk/pkg/relevance"
)

// runCurve prints the learning curve: the out-of-fold F1 per language
// when each fold's model is fitted on a share of the train split's texts
// (the dev split's stay whole), with the same folds and every held-out
// text scored. If F1 still climbs at the full share, labelling more texts
// like them should help; if it is flat, the model's features are the
// limit.
func runCurve(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("curve", flag.ContinueOnError)
	data := fs.String("data", "data/relevance", "the labelled set's directory")
	fractions := fs.String("fractions", "0.25,0.5,0.75,1", "comma-separated shares of the train split's texts")
	leads := fs.String("leads", "60,150", "comma-separated leads (body words) to try")
	lambdas := fs.String("lambdas", "16", "comma-separated L2 penalties to try")
	pos := fs.String("pos-weights", "1,2", "comma-separated weights of a diplomatic text to try")
	vecDir := fs.String("vectors", "none", "read word vectors from this directory, as train does (none: stems and shapes only)")
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
	shares, err := floats(*fractions)
	if err != nil {
		return fmt.Errorf("curve: -fractions: %w", err)
	}
	if cfg.Lambdas, err = floats(*lambdas); err != nil {
		return fmt.Errorf("curve: -lambdas: %w", err)
	}
	if cfg.PosWeights, err = floats(*pos); err != nil {
		return fmt.Errorf("curve: -pos-weights: %w", err)
	}
	if cfg.Leads, err = ints(*leads); err != nil {
		return fmt.Errorf("curve: -leads: %w", err)
	}
	if *vecDir != "none" {
		if cfg.Vectors, err = readVectors(*vecDir, false); err != nil {
			return err
		}
	}
	exs := examples(items, "train", "dev")
	thin := map[string]int{}
	for _, e := range exs {
		if e.Thin {
			thin[e.Lang]++
		}
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "share\tlang\ttrain texts\tbest OOF F1\tsetting\tat the threshold")
	for _, f := range shares {
		if err := ctx.Err(); err != nil {
			return err
		}
		cfg.Fraction = f
		_, reports, err := relevance.Train(p, exs, cfg, io.Discard)
		if err != nil {
			return err
		}
		for _, l := range slices.Sorted(maps.Keys(reports)) {
			r := reports[l]
			fmt.Fprintf(tw, "%.2f\t%s\t~%d\t%.3f\tlead %d, lambda %g, pos %g\t%v\n", f, l, int(f*float64(thin[l])+0.5), r.BestF1, r.Lead, r.Lambda, r.PosWeight, r.CV)
		}
	}
	return tw.Flush()
}

// Command relevance builds, trains and evaluates the diplomacy model:
//
//	relevance extract -corpus NAME -git DIR     every record of a corpus, as JSON lines
//	relevance rebuild [-git name=DIR]           the labelled texts from their public sources, checked
//	relevance draw [-git name=DIR]              unlabelled Russian training texts for reading: the fourth draw
//	relevance train                             fit the model on train, choose its threshold on dev, refit on train+dev
//	relevance vectors [-git name=DIR]           word vectors from the corpora's unlabelled texts, for train
//	relevance curve                             out-of-fold F1 with a share of the train split's texts: the learning curve
//	relevance eval                              precision, recall and F1 on the test split, beside the old profile
//	relevance scores [-o FILE]                  every labelled text's scores at full precision, to compare two trees
//
// See data/relevance/README.md.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "relevance:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: relevance extract|rebuild|draw|vectors|train|curve|eval|scores [flags]")
	}
	switch args[0] {
	case "extract":
		return runExtract(ctx, args[1:], stdout)
	case "rebuild":
		return runRebuild(ctx, args[1:], stdout)
	case "draw":
		return runDraw(ctx, args[1:], stdout)
	case "train":
		return runTrain(ctx, args[1:], stdout)
	case "vectors":
		return runVectors(ctx, args[1:], stdout)
	case "curve":
		return runCurve(ctx, args[1:], stdout)
	case "eval":
		return runEval(ctx, args[1:], stdout)
	case "scores":
		return runScores(ctx, args[1:], stdout)
	}
	return fmt.Errorf("unknown subcommand %q", args[0])
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/wiredesk/wiredesk/pkg/relevance"
)

// runScores writes the built-in scorer's verdicts on every text of the
// labelled set (all splits), one line per text and scorer
// (relevance.WriteScores), to stdout or to -o: two trees' files must be
// the same byte for byte when a change is meant to leave scoring as it was.
func runScores(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("scores", flag.ContinueOnError)
	data := fs.String("data", "data/relevance", "the labelled set's directory")
	out := fs.String("o", "", "the file to write (default: stdout)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	items, err := loadItems(*data)
	if err != nil {
		return err
	}
	texts := make([]relevance.ScoreText, 0, len(items))
	for _, it := range items {
		texts = append(texts, relevance.ScoreText{ID: it.ID, Lang: it.Lang, Title: it.Title, Paragraphs: paragraphs(it.Body)})
	}
	if *out == "" {
		return relevance.WriteScores(stdout, texts)
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := relevance.WriteScores(f, texts); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	fmt.Fprintf(stdout, "%d texts scored into %s\n", len(texts), *out)
	return nil
}

package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/wiredesk/wiredesk/pkg/relevance/corpus"
)

func runExtract(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	name := fs.String("corpus", "", "corpus name (bilcat, sozcu, bilfront, rukw, nerel, riatopics, bsnlp; onetv, read only for the vectors)")
	dir := fs.String("git", "", "git directory holding the corpus's commit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	c, ok := corpus.LookupAny(*name)
	if !ok {
		return fmt.Errorf("extract: unknown corpus %q", *name)
	}
	recs, err := corpus.Extract(ctx, *dir, c)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

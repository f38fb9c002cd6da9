package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"sort"

	"github.com/wiredesk/wiredesk/pkg/relevance/corpus"
)

// fourthDraw is the fourth Russian draw's quota per source and stratum
// (data/relevance/README.md, "The fourth draw").
var fourthDraw = []corpus.DrawQuota{
	{Source: "rt", Counts: map[string]int{corpus.StratumTitle: 200, corpus.StratumDiplomatic: 170, corpus.StratumPolitical: 55, corpus.StratumRest: 15}},
	{Source: "bsnlp", Counts: map[string]int{corpus.StratumTitle: 20, corpus.StratumDiplomatic: 30, corpus.StratumPolitical: 25, corpus.StratumRest: 3}},
	// The earlier draws took nearly all of Wikinews' and Collection5's
	// diplomatic texts: what is left is mostly political.
	{Source: "wikinews", Counts: map[string]int{corpus.StratumTitle: 1, corpus.StratumDiplomatic: 6, corpus.StratumPolitical: 40, corpus.StratumRest: 10}},
	{Source: "collection5", Counts: map[string]int{corpus.StratumPolitical: 20, corpus.StratumRest: 5}},
}

// batchText is a text as a reader gets it: no stratum, no score.
type batchText struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// runDraw draws unlabelled Russian training texts for reading
// (corpus.Draw), writes them as label lines without a label (-out), and
// splits them, shuffled, into batches of -batch texts for readers
// (-batches PREFIX: PREFIX-a.jsonl, PREFIX-b.jsonl, ...), each text cut
// to its title and first 1,200 body characters.
func runDraw(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("draw", flag.ContinueOnError)
	var cf corpusFlags
	cf.register(fs)
	seed := fs.Uint64("seed", 20261211, "the draw's seed")
	out := fs.String("out", "", "write the drawn texts' label lines (no label yet) here")
	batches := fs.String("batches", "", "write reading batches to PREFIX-a.jsonl, PREFIX-b.jsonl, ...")
	size := fs.Int("batch", 300, "texts per reading batch")
	if err := fs.Parse(args); err != nil {
		return err
	}
	labels, err := cf.labels()
	if err != nil {
		return err
	}
	labelled := make(map[string]bool, len(labels))
	for _, l := range labels {
		labelled[l.ID] = true
	}
	var recs []corpus.Record
	for _, name := range []string{"rukw", "nerel", "bsnlp"} {
		c, _ := corpus.Lookup(name)
		rs, err := records(ctx, c, cf.dirs, cf.clones, stdout)
		if err != nil {
			return err
		}
		recs = append(recs, rs...)
	}
	drawn, err := corpus.Draw(recs, labelled, corpus.DrawOptions{Seed: *seed, Quotas: fourthDraw, PerTopicDay: 12})
	if err != nil {
		return err
	}
	counts := map[string]int{}
	for _, d := range drawn {
		counts[d.Source+" "+d.Stratum]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(stdout, "%s: %d\n", k, counts[k])
	}
	fmt.Fprintf(stdout, "drawn: %d\n", len(drawn))
	if *out != "" {
		lines := make([]any, len(drawn))
		for i, d := range drawn {
			lines[i] = corpus.Label{
				ID: d.ID, Lang: d.Lang, Source: d.Source, Section: d.Section, Date: d.Date, Order: d.Order,
				Split: "train", Sampled: d.Stratum, Repo: d.Repo, Commit: d.Commit, Path: d.Path,
				Record: d.RecordNo, URL: d.URL, SHA256: d.SHA256,
			}
		}
		if err := writeLines(*out, lines); err != nil {
			return err
		}
	}
	if *batches != "" {
		// Readers get the texts in an order that says nothing of their
		// source or stratum.
		shuffled := append([]corpus.Drawn(nil), drawn...)
		rand.New(rand.NewPCG(*seed, 1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		for b := 0; b*(*size) < len(shuffled); b++ {
			part := shuffled[b*(*size) : min((b+1)*(*size), len(shuffled))]
			lines := make([]any, len(part))
			for i, d := range part {
				lines[i] = batchText{ID: d.ID, Title: d.Title, Text: corpus.FirstRunes(d.Body, 1200)}
			}
			name := fmt.Sprintf("%s-%c.jsonl", *batches, 'a'+b)
			if err := writeLines(name, lines); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "%s: %d texts\n", name, len(part))
		}
	}
	return nil
}

// writeLines writes values as JSON lines, HTML characters unescaped.
func writeLines(path string, values []any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, v := range values {
		if err := enc.Encode(v); err != nil {
			f.Close()
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return f.Close()
}

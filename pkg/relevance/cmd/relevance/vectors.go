package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/wiredesk/wiredesk/pkg/relevance"
	"github.com/wiredesk/wiredesk/pkg/relevance/corpus"
)

// runVectors builds the word vectors that training reads
// (data/relevance/cache/vectors-LANG.gob) from every record of the
// corpora, unlabelled ones included, except what evaluation holds out:
// every text of the test split, and each test source's held-out stretch
// (heldOut), so that test figures stay those of unseen text.
func runVectors(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("vectors", flag.ContinueOnError)
	data := fs.String("data", "data/relevance", "the labelled set's directory")
	clones := fs.String("clones", "", "where to clone the corpora (default: DATA/cache/git)")
	def := relevance.DefaultVectorConfig("")
	vocab := fs.Int("vocab", def.Vocab, "stems with a vector: the most frequent")
	dim := fs.Int("dim", def.Dim, "dimensions")
	window := fs.Int("window", 0, "context words either side (0: the language's default, 25 Russian, 5 Turkish)")
	sif := fs.Float64("sif", -1, "scale each stem's vector by A/(A+p), p its share of the corpus's words (negative: the language's default, 1e-4 Russian, none Turkish; 0: none)")
	dirs := gitFlags{}
	fs.Var(dirs, "git", "use an existing git directory for a corpus: name=DIR (repeatable)")
	langOnly := fs.String("lang", "", "build only this language's vectors, reading only its corpora (experiments)")
	unlabelled := fs.String("unlabelled", "", "unlabelled corpora to read beside the labelled set's, comma-separated ("+unlabelledNames()+"; experiments: the built-in's vectors read none)")
	unlabelledWeight := fs.Float64("unlabelled-weight", 1, "weight of the unlabelled corpora's co-occurrences against the labelled set's corpora's")
	labelledVocab := fs.Bool("labelled-vocab", false, "give vectors to the most frequent stems of the labelled set's corpora only, counting contexts over every corpus read")
	if err := fs.Parse(args); err != nil {
		return err
	}
	langs := []string{"ru", "tr"}
	if *langOnly != "" {
		langs = []string{*langOnly}
	}
	if *clones == "" {
		*clones = filepath.Join(*data, "cache", "git")
	}
	labels, err := corpus.ReadLabels(filepath.Join(*data, "labels.jsonl"))
	if err != nil {
		return err
	}
	test := map[string]bool{}
	for _, l := range labels {
		if l.Split == "test" {
			test[l.ID] = true
			test[l.SHA256] = true
		}
	}
	byLang := map[string][]corpus.Record{}
	read := slices.Clone(corpus.Corpora)
	for _, name := range strings.Split(*unlabelled, ",") {
		if name == "" {
			continue
		}
		c, ok := corpus.LookupAny(name)
		if !ok || slices.ContainsFunc(corpus.Corpora, func(l corpus.Corpus) bool { return l.Name == name }) {
			return fmt.Errorf("vectors: %q is not an unlabelled corpus", name)
		}
		read = append(read, c)
	}
	for _, c := range read {
		if !slices.Contains(langs, c.Lang) {
			continue
		}
		recs, err := records(ctx, c, dirs, *clones, stdout)
		if err != nil {
			return err
		}
		kept := 0
		for _, r := range recs {
			if test[r.ID] || test[r.SHA256] || heldOut(r) {
				continue
			}
			byLang[r.Lang] = append(byLang[r.Lang], r)
			kept++
		}
		fmt.Fprintf(stdout, "%s: %d of %d records (the rest held out with the test split)\n", c.Name, kept, len(recs))
	}
	for _, lang := range langs {
		recs := byLang[lang]
		cfg := relevance.DefaultVectorConfig(lang)
		cfg.Vocab, cfg.Dim = *vocab, *dim
		if *window > 0 {
			cfg.Window = *window
		}
		if *sif >= 0 {
			cfg.SIF = *sif
		}
		// texts yields the paragraphs of the records keep keeps, each
		// with its corpus's weight.
		texts := func(keep func(corpus.Record) bool) func(yield func(string, float64)) {
			return func(yield func(string, float64)) {
				for _, r := range recs {
					if !keep(r) {
						continue
					}
					w := 1.0
					if !labelledCorpus(r.ID) {
						w = *unlabelledWeight
					}
					if r.Title != "" {
						yield(r.Title, w)
					}
					for _, p := range paragraphs(r.Body) {
						yield(p, w)
					}
				}
			}
		}
		if *labelledVocab {
			labelled := texts(func(r corpus.Record) bool { return labelledCorpus(r.ID) })
			cfg.Stems = relevance.VectorStems(lang, func(yield func(string)) {
				labelled(func(p string, _ float64) { yield(p) })
			}, cfg)
		}
		v, err := relevance.BuildWeightedVectors(lang, texts(func(corpus.Record) bool { return true }), cfg)
		if err != nil {
			return err
		}
		out := filepath.Join(*data, "cache", "vectors-"+lang+".gob")
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		if err := relevance.WriteVectors(f, v); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %d texts, %d stems of %d dimensions (window %d, SIF %g), written to %s\n", lang, len(recs), len(v.Stems), v.Dim, v.Window, v.SIF, out)
		for _, w := range probes[lang] {
			fmt.Fprintf(stdout, "  %s: %s\n", w, strings.Join(v.Nearest(w, 8), " "))
		}
	}
	return nil
}

// labelledCorpus says a record ID is of one of the labelled set's
// corpora (IDs start with the corpus's name).
func labelledCorpus(id string) bool {
	name, _, _ := strings.Cut(id, "/")
	_, ok := corpus.Lookup(name)
	return ok
}

// unlabelledNames lists every unlabelled corpus, the vectors' default.
func unlabelledNames() string {
	var names []string
	for _, c := range corpus.Unlabelled {
		names = append(names, c.Name)
	}
	return strings.Join(names, ",")
}

// heldOut says a record belongs to a test source's held-out stretch, the
// test split's outlets and months (data/relevance/README.md, "Splits"):
// Nezavisimaya Gazeta whole, TRT's February 2011, Sözcü from 21 January
// 2014, RIA Novosti from November 2023, BSNLP's 2019 news and its undated
// or later ones; and Channel One's 2019, an outlet of BSNLP's 2019 news.
func heldOut(r corpus.Record) bool {
	switch r.Source {
	case "ng":
		return true
	case "trt":
		return r.Date >= "2011-02-01"
	case "sozcu":
		return r.Date >= "2014-01-21"
	case "ria":
		return r.Date >= "2023-11-01"
	case "bsnlp":
		return r.Date == "" || r.Date >= "2019-01-01"
	case "1tv":
		// Channel One's 2019: 1tv.ru is among BSNLP's 2019 outlets.
		return strings.HasPrefix(r.Date, "2019")
	}
	return false
}

// probes are words whose nearest neighbours the command prints, to see
// that the vectors mean something.
var probes = map[string][]string{
	"ru": {"переговоры", "санкции", "посол", "выборы", "матч"},
	"tr": {"müzakere", "yaptırım", "büyükelçi", "seçim", "maç"},
}

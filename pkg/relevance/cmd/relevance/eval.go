package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"text/tabwriter"

	"github.com/wiredesk/wiredesk/pkg/relevance"
	"github.com/wiredesk/wiredesk/pkg/relevance/corpus"
)

// runEval scores a split (test by default) with the model and, as the
// baseline, with the old weighted-term profile, and prints precision,
// recall and F1 per language and overall for both, with the thresholds.
func runEval(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	data := fs.String("data", "data/relevance", "the labelled set's directory")
	split := fs.String("split", "test", "the split to score: train, dev or test")
	modelPath := fs.String("model", "", "a model file (default: the built-in model)")
	verbose := fs.Bool("v", false, "list the texts the model gets wrong")
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
	m, name := (*relevance.Model)(nil), "built-in (pkg/relevance/model.json)"
	if *modelPath == "" {
		m, err = relevance.DefaultModel()
	} else {
		name = *modelPath
		var f *os.File
		if f, err = os.Open(*modelPath); err == nil {
			m, err = relevance.LoadModel(f)
			f.Close()
		}
	}
	if err != nil {
		return err
	}
	model := relevance.NewScorer(p, m)
	baseline := relevance.NewScorer(p, nil)

	type row struct{ model, base relevance.Counts }
	rows := map[string]*row{"tr": {}, "ru": {}, "all": {}}
	bySource := map[string]*row{}
	sources := map[string]map[string]int{"tr": {}, "ru": {}}
	var misses []string
	for _, it := range items {
		if it.Split != *split {
			continue
		}
		paras := paragraphs(it.Body)
		got := model.Score(it.Lang, it.Title, paras, 0)
		old := baseline.Score(it.Lang, it.Title, paras, 0)
		for _, k := range []string{it.Lang, "all"} {
			rows[k].model.Add(got.Relevant, it.Diplomatic)
			rows[k].base.Add(old.Relevant, it.Diplomatic)
		}
		sources[it.Lang][it.Source]++
		k := it.Lang + "/" + it.Source
		if bySource[k] == nil {
			bySource[k] = &row{}
		}
		bySource[k].model.Add(got.Relevant, it.Diplomatic)
		bySource[k].base.Add(old.Relevant, it.Diplomatic)
		if got.Relevant != it.Diplomatic {
			misses = append(misses, miss(it, got))
		}
	}
	fmt.Fprintf(stdout, "relevance eval: %s split of %s; model %s; baseline: the weighted-term profile (diplomacy.yaml)\n", *split, *data, name)
	fmt.Fprintf(stdout, "texts: tr %d %v, ru %d %v\n\n", total(sources["tr"]), sources["tr"], total(sources["ru"]), sources["ru"])
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\tlang\tthreshold\tprecision\trecall\tF1\ttp\tfp\tfn\ttn\t")
	for _, side := range []string{"model", "baseline"} {
		for _, lang := range []string{"tr", "ru", "all"} {
			c, th := rows[lang].model, fmt.Sprintf("%.4f (cv)", model.Threshold(lang))
			if side == "baseline" {
				c, th = rows[lang].base, fmt.Sprintf("%.2f", baseline.Threshold(lang))
			}
			if lang == "all" {
				th = ""
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t%d\t\n", side, lang, th, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN, c.TN)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// Per outlet: the splits are by source, and a model that holds on one
	// outlet and not another is not yet general.
	fmt.Fprintln(stdout)
	keys := make([]string, 0, len(bySource))
	for k := range bySource {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintln(tw, "source	texts	diplomatic	model P	R	F1	baseline P	R	F1	")
	for _, k := range keys {
		r := bySource[k]
		m, b := r.model, r.base
		fmt.Fprintf(tw, "%s	%d	%d	%.3f	%.3f	%.3f	%.3f	%.3f	%.3f	\n", k, m.TP+m.FP+m.FN+m.TN, m.TP+m.FN, m.Precision(), m.Recall(), m.F1(), b.Precision(), b.Recall(), b.F1())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(stdout)
	for _, lang := range []string{"tr", "ru", "all"} {
		r := rows[lang]
		fmt.Fprintf(stdout, "%-3s F1 model/baseline %.3f/%.3f = %.2fx; precision %.3f/%.3f\n", lang, r.model.F1(), r.base.F1(), r.model.F1()/r.base.F1(), r.model.Precision(), r.base.Precision())
	}
	if *verbose {
		fmt.Fprintln(stdout)
		for _, s := range misses {
			fmt.Fprintln(stdout, s)
		}
	}
	return nil
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func miss(it corpus.Item, r relevance.Result) string {
	kind := "FP"
	if it.Diplomatic {
		kind = "FN"
	}
	lead := []rune(it.Title + " | " + it.Body)
	if len(lead) > 140 {
		lead = lead[:140]
	}
	return fmt.Sprintf("%s %.3f %s %v: %s", kind, r.Score, it.ID, r.Terms, string(lead))
}

package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/wiredesk/wiredesk/pkg/relevance"
	"github.com/wiredesk/wiredesk/pkg/relevance/corpus"
)

// loadItems reads the labelled set with its texts: the shipped ones and
// those "relevance rebuild" wrote to the cache.
func loadItems(data string) ([]corpus.Item, error) {
	labels, err := corpus.ReadLabels(filepath.Join(data, "labels.jsonl"))
	if err != nil {
		return nil, err
	}
	texts, err := corpus.ReadTexts(filepath.Join(data, "texts"), filepath.Join(data, "cache"))
	if err != nil {
		return nil, err
	}
	items, missing, err := corpus.Join(labels, texts)
	if err != nil {
		return nil, err
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%d labelled texts are not here (the first: %s); run: go run ./pkg/relevance/cmd/relevance rebuild", len(missing), missing[0].ID)
	}
	return items, nil
}

// paragraphs splits a stored body back into its paragraphs.
func paragraphs(body string) []string { return strings.Split(body, "\n\n") }

// foldSize is the most texts of one cross-validation group: a source's
// texts in time order are cut into as few equal stretches as keep each
// under it.
const foldSize = 200

// examples returns the texts of the given splits, each in its
// cross-validation group: its outlet and a stretch of its time.
func examples(items []corpus.Item, splits ...string) []relevance.Labelled {
	bySource := map[string][]corpus.Item{}
	var sources []string
	for _, it := range items {
		for _, s := range splits {
			if it.Split != s {
				continue
			}
			k := it.Lang + "/" + it.Source
			if bySource[k] == nil {
				sources = append(sources, k)
			}
			bySource[k] = append(bySource[k], it)
		}
	}
	sort.Strings(sources)
	var out []relevance.Labelled
	for _, k := range sources {
		its := bySource[k]
		sort.SliceStable(its, func(i, j int) bool { return its[i].Order < its[j].Order })
		n := (len(its) + foldSize - 1) / foldSize
		for i, it := range its {
			out = append(out, relevance.Labelled{
				Lang: it.Lang, Title: it.Title, Paragraphs: paragraphs(it.Body), Diplomatic: it.Diplomatic, ID: it.ID,
				Group: fmt.Sprintf("%s/%d", k, i*n/len(its)),
				Thin:  it.Split == "train",
			})
		}
	}
	return out
}

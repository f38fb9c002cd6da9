package main

import (
	"fmt"
	"path/filepath"
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

func labelled(items []corpus.Item, split string) []relevance.Labelled {
	var out []relevance.Labelled
	for _, it := range items {
		if it.Split == split {
			out = append(out, relevance.Labelled{Lang: it.Lang, Title: it.Title, Paragraphs: paragraphs(it.Body), Diplomatic: it.Diplomatic})
		}
	}
	return out
}

package corpus_test

import (
	"path/filepath"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/relevance/corpus"
)

const data = "../../../data/relevance"

// TestLabelledSet checks the committed labelled set: the shipped texts
// match their checksums, every label's corpus is known, and the splits
// keep to the documented rule (by source and time, never at random).
func TestLabelledSet(t *testing.T) {
	labels, err := corpus.ReadLabels(filepath.Join(data, "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	texts, err := corpus.ReadTexts(filepath.Join(data, "texts"))
	if err != nil {
		t.Fatal(err)
	}
	items, missing, err := corpus.Join(labels, texts)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range missing {
		c, ok := corpus.Lookup(l.Corpus())
		if !ok {
			t.Fatalf("%s: unknown corpus %q", l.ID, l.Corpus())
		}
		if c.Ship {
			t.Errorf("%s: corpus %s is shipped but the text is missing", l.ID, c.Name)
		}
	}
	t.Logf("%d labels, %d texts shipped and verified, %d to rebuild", len(labels), len(items), len(missing))

	counts := map[string]int{}
	diplomatic := 0
	// The last train text of each source must precede its first dev or
	// test text, and each test set must be a source or a period of its own.
	lastTrain := map[string]int64{}
	firstHeld := map[string]int64{}
	for _, l := range labels {
		counts[l.Lang]++
		if l.Diplomatic {
			diplomatic++
		}
		if l.Split == "train" {
			lastTrain[l.Source] = max(lastTrain[l.Source], l.Order)
		} else if o, ok := firstHeld[l.Source]; !ok || l.Order < o {
			firstHeld[l.Source] = l.Order
		}
	}
	for src, first := range firstHeld {
		if last, ok := lastTrain[src]; ok && last >= first {
			t.Errorf("source %s: a train text (order %d) is not older than a held-out one (order %d)", src, last, first)
		}
	}
	if counts["tr"] < 600 || counts["ru"] < 600 {
		t.Errorf("texts per language %v, want at least 600 each", counts)
	}
	if share := float64(diplomatic) / float64(len(labels)); share < 0.30 {
		t.Errorf("diplomatic share %.3f, want at least 0.30", share)
	}
}

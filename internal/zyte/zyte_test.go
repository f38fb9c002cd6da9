package zyte

import (
	"compress/gzip"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// benchDir is the benchmark as the repository keeps it.
var benchDir = filepath.Join("..", "..", "bench", "zyte")

// TestTokens compares the tokenizer with Python's re.findall(r'\w+', s)
// on the same string (output pasted from python3): Turkish apostrophes,
// Cyrillic, digits split by a comma, the underscore, superscripts and
// fractions (numeric, so word characters), Devanagari vowel signs and a
// combining accent (marks, so not word characters), Arabic-Indic digits.
func TestTokens(t *testing.T) {
	s := "Dışişleri Bakanı’nın açıklaması: «Мы готовы» — 3,5 млн ₺; snake_case x²½ नमस्ते café e\u0301 ٣٤ 中文字 l’état"
	want := []string{"Dışişleri", "Bakanı", "nın", "açıklaması", "Мы", "готовы", "3", "5", "млн",
		"snake_case", "x²½", "नमस", "त", "café", "e", "٣٤", "中文字", "l", "état"}
	if got := Tokens(s); !slices.Equal(got, want) {
		t.Errorf("Tokens:\n got %q\nwant %q", got, want)
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name        string
		truth, pred string
		want        Counts
	}{
		{"both empty", "", "", Counts{}},
		{"exact", "one two three four five", "one two three four five", Counts{TP: 1}},
		{"short texts are one shingle", "one two", "one two", Counts{TP: 1}},
		{"nothing predicted", "one two three four five", "", Counts{FN: 1}},
		// 2 true shingles, 3 predicted: 2 shared, 1 extra.
		{"extra text", "a b c d e", "a b c d e f", Counts{TP: 2.0 / 3, FP: 1.0 / 3}},
		// multisets: a repeated shingle counts as often as it occurs.
		{"repeats", "a b c d a b c d", "a b c d", Counts{TP: 1.0 / 5, FN: 4.0 / 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Match(tt.truth, tt.pred)
			if math.Abs(got.TP-tt.want.TP) > 1e-12 || math.Abs(got.FP-tt.want.FP) > 1e-12 || math.Abs(got.FN-tt.want.FN) > 1e-12 {
				t.Errorf("Match = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestAgainstEvaluatePy scores one prediction file, wiredesk's output on
// the 181 pages before the zone work of issue 9, and compares the figures
// with what the benchmark's evaluate.py printed for the same file:
//
//	cp testdata/prediction.json.gz ... && gunzip → output/wiredesk.json
//	python3 evaluate.py --output res.json   (in a copy of bench/zyte)
//
// f1, precision and recall below are res.json's values.
func TestAgainstEvaluatePy(t *testing.T) {
	const (
		wantF1        = 0.9118239269588976
		wantPrecision = 0.8991681985910899
		wantRecall    = 0.9248409981524401
	)
	pages, err := Load(benchDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 181 {
		t.Fatalf("%d pages, want 181", len(pages))
	}
	f, err := os.Open(filepath.Join("testdata", "prediction.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var pred Prediction
	if err := json.NewDecoder(zr).Decode(&pred); err != nil {
		t.Fatal(err)
	}
	var cs []Counts
	for _, p := range pages {
		e, ok := pred[p.ID]
		if !ok {
			t.Fatalf("no prediction for %s", p.ID)
		}
		cs = append(cs, Match(p.Truth, e.ArticleBody))
	}
	m := Score(cs)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"F1", m.F1, wantF1}, {"precision", m.Precision, wantPrecision}, {"recall", m.Recall, wantRecall}} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %.16f, evaluate.py says %.16f", c.name, c.got, c.want)
		}
	}
}

package relevance

import (
	"math"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/stem"
)

func TestDocVectors(t *testing.T) {
	// Three stems on the axes of two dimensions.
	words := []string{"переговоры", "матч", "саммит"}
	v := &Vectors{Lang: "ru", Dim: 2, Vecs: []float32{1, 0, 0, 1, 1, 0}}
	for _, w := range words {
		v.Stems = append(v.Stems, stem.Word("ru", w))
	}
	tests := []struct {
		name       string
		title      string
		body       []string
		head, maxp []float64
	}{
		{"headline and two sentences", "Переговоры и матч", []string{"Саммит прошёл. Матч отменили."}, []float64{0.5, 0.5}, []float64{1, 1}},
		{"no headline: the first words stand in", "", []string{"Матч отменили. Саммит прошёл."}, []float64{0.5, 0.5}, []float64{1, 1}},
		{"one sentence", "Матч", []string{"Переговоры, саммит."}, []float64{0, 1}, []float64{1, 0}},
		{"no word with a vector", "Дождь", []string{"Шёл дождь."}, []float64{0, 0}, []float64{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := [][]token{tokenize(tt.title, "ru")}
			for _, p := range tt.body {
				toks = append(toks, tokenize(p, "ru"))
			}
			head, maxp := docVectors("ru", toks, v, map[string]string{})
			for d := range head {
				if math.Abs(head[d]-tt.head[d]) > 1e-9 || math.Abs(maxp[d]-tt.maxp[d]) > 1e-9 {
					t.Fatalf("head %v maxp %v, want %v and %v", head, maxp, tt.head, tt.maxp)
				}
			}
		})
	}
}

// TestFitJoint: what a linear model cannot separate (XOR of two
// inputs), the network beside it learns.
func TestFitJoint(t *testing.T) {
	var docs []doc
	var ys []bool
	for i := range 200 {
		a, b := float64(i%2)*2-1, float64(i/2%2)*2-1
		a += 0.1 * math.Sin(float64(i))
		docs = append(docs, doc{feats: map[string]bool{}, net: []float64{a, b}})
		ys = append(ys, a*b > 0)
	}
	fs := newFeatureSpace(docs, 1, 0)
	tests := []struct {
		name string
		act  string
	}{{"tanh", "tanh"}, {"relu", "relu"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, b, net := fitJoint(fs, docs, ys, 0.01, 1, 0, 0, 600, false, MLPConfig{Hidden: 8, Act: tt.act, LR: 0.05, Seed: 1}, nil)
			right := 0
			for i, d := range docs {
				if predictJoint(fs, w, b, net, d, false) >= 0.5 == ys[i] {
					right++
				}
			}
			if right < 190 {
				t.Errorf("%d of %d right, want 190 or more", right, len(docs))
			}
		})
	}
}

package relevance

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestPooled(t *testing.T) {
	tests := []struct {
		name        string
		scores      []float64
		head, first int
		want        [numPool]float64
	}{
		{"none", nil, -1, -1, [numPool]float64{}},
		{"one sentence, no title", []float64{0.5}, -1, 0, [numPool]float64{0.5, 0.5, 0.5, 0.5}},
		{"title and body", []float64{1, -1, 3, 0}, 0, 1, [numPool]float64{3, 2, 1, -1}},
		{"title only", []float64{-2}, 0, -1, [numPool]float64{-2, -2, -2, 0}},
		{"ties", []float64{2, 2, 1}, -1, 0, [numPool]float64{2, 2, 2, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := pooled(tc.scores, tc.head, tc.first); got != tc.want {
				t.Errorf("pooled(%v, %d, %d) = %v, want %v", tc.scores, tc.head, tc.first, got, tc.want)
			}
		})
	}
}

// TestSentAcc: the title is one sentence whatever its stops, a body
// segment and a sentence start open new ones, and a sentence without a
// number is none.
func TestSentAcc(t *testing.T) {
	a := newSentAcc(nil, nil)
	a.segment(0)
	a.add(1)
	a.sentence() // a stop inside the title
	a.add(3)
	a.segment(1)
	a.sentence() // nothing added: no sentence
	a.add(4)
	a.sentence()
	a.add(0)
	a.add(2)
	a.segment(2)
	a.add(-6)
	got := a.scores()
	want := []float64{2, 4, 1, -6}
	if len(got) != len(want) {
		t.Fatalf("scores %v, want %v", got, want)
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Fatalf("scores %v, want %v", got, want)
		}
	}
	if a.head != 0 || a.first != 1 {
		t.Errorf("head %d first %d, want 0 and 1", a.head, a.first)
	}
}

// TestPoolMatchesTraining: the scorer's pooled sentences (the stems' Sem
// numbers, summed per sentence on the fast path) give what training's
// standardised sentence vectors and the fold's weights give.
func TestPoolMatchesTraining(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	type text struct{ title, body string }
	texts := map[string][]text{
		"ru": {
			{"Лавров провел переговоры в Анкаре", "Министр иностранных дел России провел переговоры с коллегой из Турции. Стороны обсудили перемирие.\n\nСборная проиграла матч."},
			{"", "Курс рубля на бирже снизился. Инвесторы ждут решения о ставке. Посол Германии вручил верительные грамоты."},
			{"Матч чемпионата", "Тренер команды недоволен игрой."},
		},
		"tr": {
			{"Dışişleri Bakanı Ankara'da görüştü", "Dışişleri Bakanı Rus mevkidaşı ile görüştü. Ateşkes ve anlaşma ele alındı.\n\nBorsa günü düşüşle kapattı."},
			{"", "Milli takım maçı kaybetti. Büyükelçi güven mektubunu sundu. Dolar kuru yükseldi."},
			{"Borsa düştü", "Yatırımcılar faiz kararını bekliyor."},
		},
	}
	for lang, tx := range texts {
		t.Run(lang, func(t *testing.T) {
			vecs, err := BuildVectors(lang, func(yield func(string)) {
				for range 20 {
					for _, x := range tx {
						yield(x.title)
						for _, para := range strings.Split(x.body, "\n\n") {
							yield(para)
						}
					}
				}
			}, VectorConfig{Vocab: 300, MinCount: 1, Dim: 8, Window: 3, Power: 2, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			var docs []doc
			for _, x := range tx {
				memo := map[string]string{}
				_, toks, _ := p.entities(lang, x.title, strings.Split(x.body, "\n\n"), 60, memo, nil)
				d := doc{dense: leadVector(lang, toks, vecs, memo)}
				d.sents, d.sentHead, d.sentFirst = sentenceVectors(lang, toks, vecs, memo)
				docs = append(docs, d)
			}
			sc := standardize(docs)
			rng := rand.New(rand.NewPCG(3, 4))
			w := make([]float64, vecs.Dim)
			for d := range w {
				w[d] = rng.NormFloat64()
			}
			pw := [numPool]float64{0.7, -0.3, 0.5, 0.2}
			lm := &LangModel{Bias: 0.1, Lead: 60, Threshold: 0.5, Weights: map[string]float64{}, Pool: map[string]float64{}}
			for j, k := range poolKeys {
				lm.Pool[k] = pw[j]
			}
			lm.setSem(vecs, sc, w)
			m := &Model{Topic: "diplomacy", Langs: map[string]*LangModel{lang: lm}}
			m.compile()
			s := NewScorer(p, m)
			for i, x := range tx {
				z := lm.Bias
				for d, v := range docs[i].dense {
					z += w[d] * v
				}
				f := poolOf(docs[i], w)
				for j := range f {
					z += pw[j] * f[j]
				}
				want := 1 / (1 + math.Exp(-z))
				got := s.Score(lang, x.title, strings.Split(x.body, "\n\n"), 0)
				// Sem is rounded to two places per stem.
				if math.Abs(got.Score-want) > 0.01 {
					t.Errorf("%.40s: scorer %.4f, training %.4f (pooled %v)", x.body, got.Score, want, f)
				}
				named := false
				for _, term := range got.Terms {
					named = named || strings.HasPrefix(term, poolNames[poolMax])
				}
				if !named && f[poolMax] != 0 {
					t.Errorf("%.40s: evidence %q names no sentence", x.body, got.Terms)
				}
			}
		})
	}
}

// TestNBRatios: a word that leans to one class keeps a lighter penalty
// than a word spread evenly; cues and shapes keep theirs.
func TestNBRatios(t *testing.T) {
	fs := &featureSpace{names: []string{"c:act", "w:even", "w:pos"}}
	xs := [][]int{{0, 1, 2}, {0, 1, 2}, {0, 1}, {0, 1}}
	ys := []bool{true, true, false, false}
	tests := []struct {
		nb   float64
		even func(float64) bool
	}{
		// r = log(7/9) (the classes' totals differ): 1/r^2 is 15.8
		{1, func(f float64) bool { return f > 15 && f < 16 }},
		{0.5, func(f float64) bool { return f > 1.8 && f < 1.9 }},
	}
	for _, tc := range tests {
		got := nbRatios(fs, xs, ys, tc.nb)
		if got[0] != 1 {
			t.Errorf("nb %g: a cue's factor %g, want 1", tc.nb, got[0])
		}
		if !tc.even(got[1]) {
			t.Errorf("nb %g: an even word's factor %g", tc.nb, got[1])
		}
		if got[2] >= got[1] {
			t.Errorf("nb %g: a leaning word's factor %g not below an even word's %g", tc.nb, got[2], got[1])
		}
	}
}

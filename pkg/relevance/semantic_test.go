package relevance

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestSemMatchesTraining: the scorer's folded reading of a lead's
// meaning (a number per stem, less the centre) is what training's
// standardised average vector and its weights give.
func TestSemMatchesTraining(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string][]string{
		"ru": {
			"Министр иностранных дел России провел переговоры с коллегой из Турции в Анкаре о перемирии.",
			"Сборная России проиграла матч чемпионата мира, тренер команды недоволен игрой.",
			"Посол Германии вручил верительные грамоты президенту, стороны обсудили соглашение.",
			"Курс рубля на бирже снизился, инвесторы ждут решения о ставке.",
		},
		"tr": {
			"Dışişleri Bakanı Ankara'da Rus mevkidaşı ile görüştü, ateşkes ve anlaşma ele alındı.",
			"Milli takım deplasmanda maçı kaybetti, teknik direktör takımın oyunundan memnun değil.",
			"Büyükelçi Cumhurbaşkanına güven mektubunu sundu, iki ülke arasındaki anlaşma konuşuldu.",
			"Borsa günü düşüşle kapattı, dolar kuru yükseldi, yatırımcılar faiz kararını bekliyor.",
		},
	}
	for lang, paras := range texts {
		t.Run(lang, func(t *testing.T) {
			vecs, err := BuildVectors(lang, func(yield func(string)) {
				for range 20 {
					for _, s := range paras {
						yield(s)
					}
				}
			}, VectorConfig{Vocab: 200, MinCount: 1, Dim: 8, Window: 3, Power: 2, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			var docs []doc
			for _, s := range paras {
				memo := map[string]string{}
				_, toks, _ := p.entities(lang, "", []string{s}, 60, memo, nil)
				docs = append(docs, doc{dense: leadVector(lang, toks, vecs, memo)})
			}
			sc := standardize(docs)
			rng := rand.New(rand.NewPCG(1, 2))
			w := make([]float64, vecs.Dim)
			for d := range w {
				w[d] = rng.NormFloat64()
			}
			lm := &LangModel{Bias: 0.1, Lead: 60, Threshold: 0.5, Weights: map[string]float64{}}
			lm.setSem(vecs, sc, w)
			m := &Model{Topic: "diplomacy", Langs: map[string]*LangModel{lang: lm}}
			m.compile()
			s := NewScorer(p, m)
			for i, text := range paras {
				z := lm.Bias
				for d, x := range docs[i].dense {
					z += w[d] * x
				}
				want := 1 / (1 + math.Exp(-z))
				got := s.Score(lang, "", []string{text}, 0)
				if math.Abs(got.Score-want) > 0.002 {
					t.Errorf("%.40s: scorer %.4f, training %.4f", text, got.Score, want)
				}
				if len(got.Terms) != 1 || got.Terms[0][:len(semName)] != semName {
					t.Errorf("%.40s: evidence %q, want the lead's meaning", text, got.Terms)
				}
			}
		})
	}
}

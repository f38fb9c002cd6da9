package relevance_test

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/relevance"
)

func defaultScorer(t testing.TB) *relevance.Scorer {
	t.Helper()
	s, err := relevance.DefaultScorer()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestModelOnTeamSample scores the team's own 168 items
// (testdata/labelled.jsonl, written for the first profile) with the
// built-in learned model, which never trained on them, and holds a floor.
// The model's real figures come from "make eval-relevance" on held-out
// real news; this is the fast check that CI can run.
func TestModelOnTeamSample(t *testing.T) {
	s := defaultScorer(t)
	var all relevance.Counts
	byLang := map[string]*relevance.Counts{"tr": {}, "ru": {}}
	for _, it := range loadLabelled(t) {
		r := s.Score(it.Lang, "", []string{it.Text}, 0)
		all.Add(r.Relevant, it.Diplomatic)
		byLang[it.Lang].Add(r.Relevant, it.Diplomatic)
		if testing.Verbose() && r.Relevant != it.Diplomatic {
			t.Logf("miss %s diplomatic=%v p=%.3f %q: %.90s", it.ID, it.Diplomatic, r.Score, r.Terms, it.Text)
		}
	}
	t.Logf("all %v", all)
	for _, lang := range []string{"tr", "ru"} {
		t.Logf("%s  %v", lang, *byLang[lang])
	}
	const floor = 0.85
	if all.F1() < floor {
		t.Errorf("F1 %.3f on the team's sample, below the floor %.2f", all.F1(), floor)
	}
}

// TestModelEvidence checks that the verdict explains itself: the terms
// are features with signed weights, heaviest first, and the countries and
// organisations come from the profile as before.
func TestModelEvidence(t *testing.T) {
	s := defaultScorer(t)
	r := s.Score("tr", "Türkiye ve Rusya Libya için masadaydı", []string{
		"Dışişleri Bakanlığı, Türkiye ve Rusya heyetlerinin Libya’da kalıcı bir ateşkes için ortak çabaları sürdürme kararı aldığını açıkladı. Toplantıda BM Güvenlik Konseyi kararları ele alındı.",
	}, 0)
	if !r.Relevant || r.Score <= 0 || r.Score > 1 {
		t.Fatalf("verdict %+v, want relevant with a probability", r)
	}
	if len(r.Terms) == 0 || len(r.Terms) > relevance.EvidenceTerms {
		t.Fatalf("terms %q", r.Terms)
	}
	for _, term := range r.Terms {
		i := strings.LastIndex(term, ":")
		if i < 0 || (term[i+1] != '+' && term[i+1] != '-') {
			t.Errorf("term %q has no signed weight", term)
		}
	}
	if strings.Join(r.Countries, ",") != "LY,RU,TR" || strings.Join(r.Organizations, ",") != "UN" {
		t.Errorf("countries %v organisations %v", r.Countries, r.Organizations)
	}
	// A sports report naming countries is not diplomatic.
	sport := s.Score("tr", "Milli takım Rusya deplasmanında", []string{"A Milli Futbol Takımı, grubundaki kritik maçta Rusya'ya konuk oluyor. Teknik direktör, Almanya ve Fransa maçlarının ardından takımın moralinin yüksek olduğunu söyledi."}, 0)
	if sport.Relevant {
		t.Errorf("sport report scored relevant: %+v", sport)
	}
}

// TestModelRoundTrip writes the built-in model and reads it back: a
// retrained model is a file of the same form.
func TestModelRoundTrip(t *testing.T) {
	m, err := relevance.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := relevance.LoadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	p, err := relevance.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := []string{"Лавров провел переговоры с главой МИД Турции в Москве."}
	a := relevance.NewScorer(p, m).Score("ru", "", text, 0)
	b := relevance.NewScorer(p, m2).Score("ru", "", text, 0)
	if a.Score != b.Score || strings.Join(a.Terms, "|") != strings.Join(b.Terms, "|") {
		t.Errorf("round trip changed the verdict: %+v vs %+v", a, b)
	}
	if _, err := relevance.LoadModel(strings.NewReader(`{"langs":{"tr":{"threshold":1.5}}}`)); err == nil {
		t.Error("a model whose threshold is not a probability loaded")
	}
}

// TestLongModel checks the cascade: a model sure of its verdict decides
// alone; one within its margin of even odds has its log-odds averaged
// with the long model's, and the evidence of both at half their weight.
func TestLongModel(t *testing.T) {
	p, err := relevance.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := []string{"Лавров провел переговоры с главой МИД Турции в Москве."}
	sigmoid := func(z float64) float64 { return math.Round(1000/(1+math.Exp(-z))) / 1000 }
	tests := []struct {
		name        string
		short, long float64 // the two models' log-odds: their biases
		margin      float64
		want        float64
	}{
		{"sure: the short model alone", 2, -3, 1.5, sigmoid(2)},
		{"sure against: the short model alone", -1.6, 3, 1.5, sigmoid(-1.6)},
		{"unsure: the mean", 0.5, 1.5, 1.5, sigmoid(1)},
		{"unsure against: the mean", -1, -2, 1.5, sigmoid(-1.5)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			js := fmt.Sprintf(`{"langs":{"ru":{"bias":%g,"lead":60,"threshold":0.5,"weights":{"w:переговор":0},`+
				`"long_margin":%g,"long":{"bias":%g,"lead":150,"threshold":0.5,"weights":{"w:лавр":0}}}}}`, tc.short, tc.margin, tc.long)
			m, err := relevance.LoadModel(strings.NewReader(js))
			if err != nil {
				t.Fatal(err)
			}
			got := relevance.NewScorer(p, m).Score("ru", "", text, 0)
			if got.Score != tc.want {
				t.Errorf("score %v, want %v", got.Score, tc.want)
			}
		})
	}
	if _, err := relevance.LoadModel(strings.NewReader(`{"langs":{"ru":{"threshold":0.5,"long":{"lead":150}}}}`)); err == nil {
		t.Error("a long model without a margin loaded")
	}
}

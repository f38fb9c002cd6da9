package relevance_test

import (
	"encoding/json"
	"os"
	"testing"
)

type benchArticle struct {
	Lang, Title string
	Paragraphs  []string
}

// seedArticles are the articles the classifier makes of the two seed pages
// (its golden files): long real wire texts, as the scorer meets them.
func seedArticles(tb testing.TB) []benchArticle {
	tb.Helper()
	var out []benchArticle
	for _, f := range []string{"../classify/testdata/seed000.result.json", "../classify/testdata/seed002.result.json"} {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var r struct{ Article benchArticle }
		if err := json.Unmarshal(b, &r); err != nil {
			tb.Fatal(err)
		}
		out = append(out, r.Article)
	}
	return out
}

// BenchmarkScoreModel scores the seed articles with the built-in model and
// profile, as the classifier does, one article per iteration.
func BenchmarkScoreModel(b *testing.B) {
	s := defaultScorer(b)
	arts := seedArticles(b)
	for i := 0; b.Loop(); i++ {
		a := arts[i%len(arts)]
		s.Score(a.Lang, a.Title, a.Paragraphs, 0)
	}
}

// BenchmarkScoreProfile is the same with the profile's weighted terms
// alone: what scoring cost before the model.
func BenchmarkScoreProfile(b *testing.B) {
	p := diplomacy(b)
	arts := seedArticles(b)
	for i := 0; b.Loop(); i++ {
		a := arts[i%len(arts)]
		p.Score(a.Lang, a.Title, a.Paragraphs)
	}
}

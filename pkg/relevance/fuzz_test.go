package relevance

import (
	"math"
	"testing"
)

// FuzzScore scores arbitrary text with the embedded profile: no panics, a
// finite, non-negative score, and a verdict that agrees with it.
func FuzzScore(f *testing.F) {
	p, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("tr", "Dışişleri Bakanı Moskova'da", "Türkiye ile Rusya arasında ateşkes görüşmeleri yapıldı.")
	f.Add("ru", "Лавров провёл переговоры", "Министр иностранных дел России встретился с послом Турции.")
	f.Add("en", "", "")
	f.Add("xx", "\xff", "NATO НАТО BM ООН")
	f.Fuzz(func(t *testing.T, lang, title, body string) {
		r := p.Score(lang, title, []string{body, body})
		if math.IsNaN(r.Score) || math.IsInf(r.Score, 0) || r.Score < 0 {
			t.Fatalf("score = %v", r.Score)
		}
		if r.Relevant != (r.Score >= p.Threshold()) {
			t.Fatalf("relevant = %v with score %v and threshold %v", r.Relevant, r.Score, p.Threshold())
		}
	})
}

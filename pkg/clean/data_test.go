package clean

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestGluedCommas: gluedCommas never counts fewer commas than
// bareCommaRE finds matches, so that dataLine's count in front of the
// expression never hides a keyword list.
func TestGluedCommas(t *testing.T) {
	pieces := []string{"a", "Z", "ş", "İ", "ж", "Д", "é", "1", "300", ",", ", ", " ,", ",,", "|", ":", " ", "\u00a0", ".", "-",
		"_", "'", "\"", "(", "Erken emeklilik", "Faiz oranları", "\xff", "日本"}
	seps := []string{",", ",", ",", ", ", " ", ",,", "|", ""}
	lines := []string{"Erken emeklilik,Bireysel emeklilik,Faiz oranları", "1,300 and 2,400", "a,1", "1,a,b", "ж,д,е"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		lines = append(lines, b.String())
	}
	several := 0
	for _, l := range lines {
		m := len(bareCommaRE.FindAllStringIndex(l, -1))
		if g := gluedCommas(l); g < m {
			t.Errorf("gluedCommas(%q) = %d, but bareCommaRE matches %d times", l, g, m)
		}
		if m >= minBareCommas {
			several++
		}
	}
	if several < 100 {
		t.Errorf("only %d of %d lines are keyword lists: the test proves little", several, len(lines))
	}
}

package clean

import (
	"strings"
	"testing"
)

// TestShapeWithCountedWords holds the shape checks given a block's whole
// word count (what the first pass counts once) to the same checks counting
// up to their own limits, on blocks of 0 to 45 words: capitals, credits,
// captions, sentence ends, spaces around, a dense script.
func TestShapeWithCountedWords(t *testing.T) {
	words := []string{"söz", "AJANS", "Muhabir", "Ayşe", "Kaya", "by", "Фото:", "Reuters", "再起動して完了", "(AA)", "Getty Images"}
	ends := []string{"", ".", ":", "!", ")", " (Foto: AA)", " Fotoğraf: Reuters", "…"}
	pads := []string{"", " \u00a0\n"}
	n := 0
	for _, w := range words {
		for _, w2 := range words {
			for _, nw := range []int{0, 1, 2, 3, 7, 8, 9, 14, 15, 16, 24, 25, 26, 27, 39, 40, 41, 45} {
				parts := make([]string, nw)
				for i := range parts {
					parts[i] = w
					if i%3 == 1 {
						parts[i] = w2
					}
				}
				for _, end := range ends {
					for _, pad := range pads {
						raw := pad + strings.Join(parts, " ") + end + pad
						text := strings.TrimSpace(raw)
						all := countWords(text)
						if got, want := headlineShapedWords(text, all), headlineShaped(raw); got != want {
							t.Fatalf("headlineShapedWords(%q, %d) = %v, headlineShaped %v", text, all, got, want)
						}
						if got, want := paragraphShapedWords(raw, countWords(raw)), paragraphShaped(raw); got != want {
							t.Fatalf("paragraphShapedWords(%q) = %v, paragraphShaped %v", raw, got, want)
						}
						if got, want := capsHeadingWords(raw, countWords(raw)), capsHeading(raw); got != want {
							t.Fatalf("capsHeadingWords(%q) = %v, capsHeading %v", raw, got, want)
						}
						if got, want := creditLineWords(text, all), creditLine(text); got != want {
							t.Fatalf("creditLineWords(%q) = %v, creditLine %v", text, got, want)
						}
						if got, want := captionLineWords(text, all), captionLine(text); got != want {
							t.Fatalf("captionLineWords(%q) = %v, captionLine %v", text, got, want)
						}
						n++
					}
				}
			}
		}
	}
	t.Logf("%d blocks", n)
}

package clean

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// byteStrings are generated strings of the bytes and characters quoted
// and hasDigit read: the marks, their bytes alone and cut short, other
// characters that share a lead byte (C2 A0, E2 80 94), digits, letters,
// and bytes that are not UTF-8.
func byteStrings(n int) []string {
	pieces := []string{"\"", "“", "”", "«", "»", "„", "‟", "‘", "—", "\u00a0", "\xc2", "\xe2", "\xe2\x80", "\x80\x9c", "\xab", "\xbb",
		"0", "5", "9", "٣", "a", "İ", "ж", "\xff", " ", "söz", "12 of 30", "2 min read"}
	r := rand.New(rand.NewPCG(7, 8))
	out := []string{""}
	for range n {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}

// quoted is strings.ContainsAny with the quotation marks, and hasDigit
// a regexp's \d, on generated strings.
func TestQuotedAndHasDigit(t *testing.T) {
	digit := regexp.MustCompile(`\d`)
	for _, s := range byteStrings(50000) {
		if got, want := quoted(s), strings.ContainsAny(s, "\"“”«»„"); got != want {
			t.Fatalf("quoted(%q) = %v, strings.ContainsAny %v", s, got, want)
		}
		if got, want := hasDigit(s), digit.MatchString(s); got != want {
			t.Fatalf("hasDigit(%q) = %v, \\d %v", s, got, want)
		}
	}
}

// captionLineWordsOne is captionLineWords as it was: the gallery counter
// and the reading time searched for on every line.
func captionLineWordsOne(text string, nwords int) bool {
	bracketed := strings.HasSuffix(strings.TrimRight(text, " \t\n\f\r"), ")")
	if (bracketed && captionCreditRE.MatchString(text)) || galleryCountRE.MatchString(text) || readingTimeRE.MatchString(text) {
		return true
	}
	if nwords <= maxCaptionWords && creditTail(text) {
		if loc := captionTailRE.FindStringIndex(text); loc != nil && countWordsTo(text[:loc[0]+1], 3) >= 3 {
			return true
		}
	}
	return false
}

// captionLineWords decides as captionLineWordsOne on captions, counters,
// reading times and lines like them, with digits and without.
func TestCaptionLineWordsMatchesOne(t *testing.T) {
	lines := []string{
		"", "3 / 12", "Фото 2 из 5", "Image 2 of 5", "Görsel iki / on", "2 min read", "Okuma süresi: 3 dakika", "Время чтения: 4 минуты",
		"Okuma süresi: üç dakika", "Lesezeit: 2 Min.", "reading time", "Bakan açıklama yaptı (Fotoğraf: AA)", "Bakan açıklama yaptı (Fotoğraf)",
		"Dışişleri Bakanı ile görüşen heyet Ankara'ya döndü. Kaynak: AA", "12 of", "of 12", "1 of 6 ", " 10/20 ",
		"Министр заявил, что переговоры продолжатся 5 декабря.", "Mersin'de 2 min okuma",
	}
	lines = append(lines, byteStrings(3000)...)
	for _, s := range lines {
		for _, nw := range []int{countWords(s), maxCaptionWords, maxCaptionWords + 1} {
			if got, want := captionLineWords(s, nw), captionLineWordsOne(s, nw); got != want {
				t.Fatalf("captionLineWords(%q, %d) = %v, captionLineWordsOne %v", s, nw, got, want)
			}
		}
	}
}

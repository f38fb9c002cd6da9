package clean

import (
	"hash/fnv"
	"testing"
	"unicode"
	"unicode/utf8"
)

// fingerprintFNV is fingerprint as hash/fnv computes it, rune by rune.
func fingerprintFNV(text string, maxWords int) (uint64, int) {
	h := fnv.New64a()
	var buf [utf8.UTFMax]byte
	words, inWord := 0, false
	for _, r := range text {
		if !unicode.IsLetter(r) {
			inWord = false
			continue
		}
		if !inWord {
			words++
			if maxWords > 0 && words > maxWords {
				return 0, 0
			}
			if words > 1 {
				h.Write([]byte{' '})
			}
			inWord = true
		}
		h.Write(utf8.AppendRune(buf[:0], unicode.ToLower(r)))
	}
	if words == 0 {
		return 0, 0
	}
	return h.Sum64(), words
}

// fingerprint's FNV-1a and ASCII shortcuts give what hash/fnv and
// unicode give: for every character up to U+2FFF alone and between
// letters, and for lines of several scripts, digits and bad UTF-8.
func TestFingerprintFNV(t *testing.T) {
	texts := []string{
		"", "12 yorum", "13 Yorum!", "İSTANBUL'da  Işık ılık", "МОСКВА, 12 января. /ТАСС/.", "Ёлка ёж",
		"bad \xff utf-8 \xfe x", "a1b2c3", "再起動して 完了", "Ça va? Œuvre ÆØÅ ß",
		"one two three four five six", "—«Hürriyet»— 💬 yorum",
		"\xd0", "\xd0a", "a\xc3", "\xc3\xc3", "\xe2\x80й", "ж\x80",
	}
	for r := rune(0); r < 0x3000; r++ {
		texts = append(texts, string(r), "a"+string(r)+"b", " "+string(r)+" ")
	}
	for _, text := range texts {
		for _, max := range []int{0, 1, 3} {
			gh, gw := fingerprint(text, max)
			wh, ww := fingerprintFNV(text, max)
			if gh != wh || gw != ww {
				t.Fatalf("fingerprint(%q, %d) = %x, %d; want %x, %d", text, max, gh, gw, wh, ww)
			}
		}
	}
}

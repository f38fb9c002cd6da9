package classify

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// lettersTables is letters as unicode's tables alone answer it.
func lettersTables(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				n++
			}
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			n += denseLetters
		case unicode.IsLetter(r):
			n++
		}
	}
	return n
}

// letters' shortcuts count every rune as the tables do.
func TestLettersShortcuts(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if got, want := letters(s), lettersTables(s); got != want {
			t.Fatalf("letters(%U) = %d, want %d", r, got, want)
		}
	}
}

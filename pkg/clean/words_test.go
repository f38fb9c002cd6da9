package clean

import (
	"strings"
	"testing"
	"unicode"
)

// countWordsTo counts as strings.Fields does, up to its limit.
func TestCountWordsTo(t *testing.T) {
	for _, text := range []string{
		"", "  ", "one", " one  two\tthree\n", "Москва,\u00a012 января", "a\u2003b\u0085c",
		"İstanbul'da  bugün", "bad \xff utf-8 \xfe\xfe x", strings.Repeat("söz ", 40),
	} {
		t.Run(text, func(t *testing.T) {
			want := len(strings.Fields(text))
			if got := countWords(text); got != want {
				t.Errorf("countWords = %d, want %d", got, want)
			}
			for limit := range want + 2 {
				if got, w := countWordsTo(text, limit), min(want, limit+1); got != w {
					t.Errorf("countWordsTo(%d) = %d, want %d", limit, got, w)
				}
			}
		})
	}
}

// denseScript's shortcut below denseFirst gives what the tables give, for
// every character.
func TestDenseScriptShortcut(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) ||
			r == 'ー'
		if got := denseScript(r); got != want {
			t.Fatalf("denseScript(%U) = %v, want %v", r, got, want)
		}
	}
}

// spaceRune is unicode.IsSpace beyond ASCII, for every character.
func TestSpaceRune(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if got, want := spaceRune(r), unicode.IsSpace(r); got != want {
			t.Fatalf("spaceRune(%U) = %v, want %v", r, got, want)
		}
	}
}

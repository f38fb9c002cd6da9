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

// countWordsTo's two-byte shortcut counts every character from U+0080 to
// U+07FF as strings.Fields does, inside a word, between words and cut
// short; and a character after a dense script's as the decoding path does.
func TestCountWordsTwoBytes(t *testing.T) {
	for r := rune(0x80); r < 0x800; r++ {
		for _, text := range []string{
			"a" + string(r) + "b", " " + string(r) + " ", string(r), "x " + string(r),
			"a " + string(r)[:1], string(r)[:1] + " b", string(r)[:1] + string(r)[:1],
		} {
			if got, want := countWords(text), len(strings.Fields(text)); got != want {
				t.Fatalf("countWords(%q) = %d, want %d", text, got, want)
			}
		}
	}
	for text, want := range map[string]int{
		"漢字、Москва": 2, "漢字 Москва": 2, "漢字\u00a0Москва": 2, "漢Ж": 2, "漢字Ж漢": 3, "Ж漢字": 2,
	} {
		if got := countWords(text); got != want {
			t.Errorf("countWords(%q) = %d, want %d", text, got, want)
		}
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

// joinedWords is strings.Join(words(lower), " "): for every character
// below U+3100 alone, between letters and beside apostrophes, and for
// lines of several scripts, apostrophes and bad UTF-8.
func TestJoinedWords(t *testing.T) {
	texts := []string{
		"", " ", "'", "'abc def", "libya’da ve rusya'nın", "ab''cd ef`gh ʼx", "bad \xff utf-8 \xfe\xfe x",
		"москва, 12 января. /тасс/.", "再起動して完了 and 漢字", "a1b2 ½ ٣٤", "x\xd0 \xd0x", "— «hürriyet» —",
	}
	for r := rune(0); r < 0x3100; r++ {
		texts = append(texts, string(r), "a"+string(r)+"b", "x '"+string(r)+"' y", "ж"+string(r)+"'ş")
	}
	for _, text := range texts {
		if got, want := joinedWords(text), strings.Join(words(text), " "); got != want {
			t.Fatalf("joinedWords(%q) = %q, want %q", text, got, want)
		}
	}
}

// wordRunes is unicode's letters and digits, for every character below
// U+0800.
func TestWordRunes(t *testing.T) {
	for r := rune(0); r < 0x800; r++ {
		if got, want := wordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Fatalf("wordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

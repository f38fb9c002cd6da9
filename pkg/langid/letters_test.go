package langid

import (
	"strings"
	"testing"
	"unicode"
)

// scriptOfTables is scriptOf as unicode's tables alone answer it.
func scriptOfTables(r rune) script {
	switch {
	case !unicode.IsLetter(r):
		return scriptNone
	case r < 0x250 || unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	}
	return scriptOther
}

// The shortcuts answer as the tables do, for every rune.
func TestLetterShortcuts(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := isLetter(r), unicode.IsLetter(r); got != want {
			t.Fatalf("isLetter(%U) = %v, want %v", r, got, want)
		}
		if got, want := scriptOf(r), scriptOfTables(r); got != want {
			t.Fatalf("scriptOf(%U) = %v, want %v", r, got, want)
		}
	}
}

func BenchmarkAnalyse(b *testing.B) {
	texts := []string{
		strings.Repeat("Dışişleri Bakanı, Ankara'da düzenlenen basın toplantısında iki ülke arasındaki ilişkilerin güçlendirilmesi için yeni adımlar atılacağını söyledi. ", 4),
		strings.Repeat("Министр иностранных дел России Сергей Лавров провёл переговоры с турецким коллегой в Москве, сообщает ТАСС. ", 4),
	}
	for b.Loop() {
		for _, t := range texts {
			analyse(t)
		}
	}
}

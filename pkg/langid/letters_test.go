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

// splitWordsFields is splitWords as strings.FieldsFunc and a second pass
// over each word's runes wrote it.
func splitWordsFields(text string) ([]string, []script, [4]int) {
	words := strings.FieldsFunc(text, func(r rune) bool { return !isLetter(r) && r != '\'' && r != '’' })
	var per [4]int
	scripts := make([]script, len(words))
	for i, w := range words {
		var ws [4]int
		for _, r := range w {
			ws[scriptOf(r)]++
		}
		for sc := scriptLatin; sc <= scriptOther; sc++ {
			per[sc] += ws[sc]
			if ws[sc] > ws[scripts[i]] {
				scripts[i] = sc
			}
		}
	}
	return words, scripts, per
}

// hasAgencyTagEach is hasAgencyTag without its first look.
func hasAgencyTagEach(text string) bool {
	for _, tag := range agencyTags {
		if strings.Contains(text, tag) {
			return true
		}
	}
	return false
}

// splitWords and hasAgencyTag answer as the code they replaced, on texts
// of every script the detector meets, apostrophes, invalid bytes and every
// agency tag, alone and glued.
func TestSplitWords(t *testing.T) {
	pieces := []string{
		"", " ", "Dışişleri", "Bakanı,", "Ankara'da", "l’homme", "'", "’’", "a'", "Лавров", "ТАСС", "РИА Новости", "Интерфакс",
		"DHA", "DHADışişleri", "AA", "İHA", "IHA", "ANKA", "Anadolu Ajansı", "Αθήνα", "東京", "۱۲۳", "٣", "12.5", "\xff", "\xd0", "\xe2\x80",
		"qué", "ǅ", "e\u0301", "\u00a0", "\u2019s", "www.example.org/x", "@handle", "Ёлка",
	}
	for _, a := range pieces {
		for _, b := range pieces {
			for _, sep := range []string{"", " ", "-", "'"} {
				text := a + sep + b
				gw, gs, gp := splitWords(text)
				ww, ws, wp := splitWordsFields(text)
				if strings.Join(gw, "|") != strings.Join(ww, "|") || len(gw) != len(ww) || gp != wp || len(gs) != len(ws) {
					t.Fatalf("splitWords(%q) = %q %v %v, want %q %v %v", text, gw, gs, gp, ww, ws, wp)
				}
				for i := range gs {
					if gs[i] != ws[i] {
						t.Fatalf("splitWords(%q) scripts %v, want %v", text, gs, ws)
					}
				}
				if got, want := hasAgencyTag(text), hasAgencyTagEach(text); got != want {
					t.Fatalf("hasAgencyTag(%q) = %v, want %v", text, got, want)
				}
			}
		}
	}
}

package stem

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

func TestSameStem(t *testing.T) {
	tests := []struct {
		lang  string
		words []string
	}{
		{"tr", []string{"ateşkesi", "ateşkese"}},
		{"tr", []string{"Dışişleri", "DIŞİŞLERİ", "dışişleri"}},
		{"tr", []string{"görüşme", "görüşmede", "görüşmeler", "görüşmelerde"}},
		{"tr", []string{"Rusya", "Rusya'nın", "Rusya’ya"}},
		{"ru", []string{"переговоры", "переговоров", "переговорах", "Переговорам"}},
		{"ru", []string{"министр", "министра", "министром"}},
		{"ru", []string{"ёлка", "елка"}},
		{"en", []string{"negotiation", "negotiations"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.words[0], func(t *testing.T) {
			want := Words(tt.lang, tt.words[0])
			for _, w := range tt.words[1:] {
				if got := Words(tt.lang, w); !slices.Equal(got, want) {
					t.Errorf("stem(%q) = %q, stem(%q) = %q; want the same", w, got, tt.words[0], want)
				}
			}
		})
	}
}

// Snowball's Turkish stemmer reads some nouns' final syllable as a
// personal suffix ("ateşkesin" → "ateşke"). Search therefore matches the
// query's stem as a prefix of indexed words and stems; this checks that
// a query's stem is a prefix of every inflected form it must find.
func TestStemIsPrefix(t *testing.T) {
	tests := []struct {
		lang, query string
		forms       []string
	}{
		{"tr", "ateşkes", []string{"ateşkesin", "ateşkesi", "ateşkeste"}},
		{"tr", "Dışişleri", []string{"dışişleri", "dışişlerinin"}},
		{"ru", "переговоры", []string{"переговоров", "переговорах", "переговорами"}},
	}
	for _, tt := range tests {
		q := Word(tt.lang, tt.query)
		for _, f := range tt.forms {
			if l := Lower(tt.lang, f); !strings.HasPrefix(l, q) {
				t.Errorf("%s: stem %q of %q is not a prefix of %q", tt.lang, q, tt.query, l)
			}
		}
	}
}

func TestLowerTurkish(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"tr", "DIŞİŞLERİ", "dışişleri"},
		{"tr", "İstanbul", "istanbul"},
		{"tr", "IRAK", "ırak"},
		{"en", "IRAQ", "iraq"},
		{"ru", "МИД", "мид"},
	}
	for _, tt := range tests {
		if got := Lower(tt.lang, tt.in); got != tt.want {
			t.Errorf("Lower(%q, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestFoldYo(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"none", "министр", "министр"},
		{"one", "провёл", "провел"},
		{"many", "ещё её", "еще ее"},
		// Only the lower-case letter: callers fold after lowering.
		{"capital", "Ёлка", "Ёлка"},
		{"latin", "yön", "yön"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FoldYo(tt.in); got != tt.want {
				t.Errorf("FoldYo(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplit(t *testing.T) {
	got := Split("Lavrov: \"Rusya'nın tutumu net\" — МИД РФ, 12.01.2020")
	want := []string{"Lavrov", "Rusyanın", "tutumu", "net", "МИД", "РФ", "12", "01", "2020"}
	if !slices.Equal(got, want) {
		t.Errorf("Split = %q, want %q", got, want)
	}
}

func BenchmarkWord(b *testing.B) {
	words := []struct{ lang, w string }{{"tr", "görüşmelerde"}, {"ru", "переговорах"}, {"tr", "Dışişleri"}}
	for b.Loop() {
		for _, w := range words {
			Word(w.lang, w.w)
		}
	}
}

// splitRunes is Split as first written, rune by rune: the reference the
// faster Split must agree with.
func splitRunes(text string) []string {
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	rs := []rune(text)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		case (r == '\'' || r == '’') && b.Len() > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]):
		default:
			flush()
		}
	}
	flush()
	return words
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"Rusya'nın Dışişleri Bakanı", "Türkiye’nin", "a''b", "'x", "x'", "x' y", "переговоров, 2025",
		"İ\u0307stanbul", "\xff\xfeabc'\xffd", "ABD'ye 3'üncü",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Split(s), splitRunes(s); !slices.Equal(got, want) {
			t.Errorf("Split(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	text := strings.Repeat("Dışişleri Bakanı Hakan Fidan, Rusya'nın Moskova kentinde mevkidaşı Sergey Lavrov ile görüştü. ", 20)
	for b.Loop() {
		Split(text)
	}
}

// FuzzTurkishLower holds turkishLower to x/text's Turkish lower-casing,
// outside Greek, whose final sigma x/text treats by context.
func FuzzTurkishLower(f *testing.F) {
	for _, s := range []string{"DIŞİŞLERİ BAKANI", "İstanbul", "IĞDIR", "I\u0307", "Ateşkes", "ПЕРЕГОВОРЫ", "abc", "\xffI", "ǅ", "ΣΑΣ"} {
		f.Add(s)
	}
	lower := cases.Lower(language.Turkish)
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Greek, r) }) {
			return
		}
		if got, want := turkishLower(s), lower.String(s); got != want {
			t.Errorf("turkishLower(%q) = %q, want %q", s, got, want)
		}
	})
}

// Lower gives what strings.ToLower gives (other languages) and what
// unicode.ToLower rune by rune gives (Turkish, with its I), byte for byte:
// for every character, alone and between others, and for bad UTF-8.
func TestLowerTable(t *testing.T) {
	turkish := func(s string) string {
		var b strings.Builder
		for j := 0; j < len(s); {
			r, n := utf8.DecodeRuneInString(s[j:])
			j += n
			switch {
			case r == 'I' && strings.HasPrefix(s[j:], "\u0307"):
				b.WriteByte('i')
				j += len("\u0307")
			case r == 'I':
				b.WriteRune('ı')
			case r == 'İ':
				b.WriteByte('i')
			case r == utf8.RuneError && n == 1:
				b.WriteString(s[j-n : j])
			default:
				b.WriteRune(unicode.ToLower(r))
			}
		}
		return b.String()
	}
	texts := []string{"", "\xff", "A\xffB", "\xd0", "Я\xd0", "\xd0Я", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xe2\x82", "ЁЖ\xd0\x20I\u0307", "Sıcak İSTANBUL, МОСКВА Ёлки"}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		texts = append(texts, string(r), "Ab"+string(r)+"Я", "ж"+string(r))
	}
	for _, s := range texts {
		if got, want := Lower("ru", s), strings.ToLower(s); got != want {
			t.Fatalf("Lower(ru, %q) = %q, want %q", s, got, want)
		}
		if got, want := Lower("tr", s), turkish(s); got != want {
			t.Fatalf("Lower(tr, %q) = %q, want %q", s, got, want)
		}
	}
}

// BenchmarkLower lowers a Russian and a Turkish paragraph.
func BenchmarkLower(b *testing.B) {
	ru := strings.Repeat("МОСКВА, 12 января. Министр иностранных дел России Сергей Лавров провёл переговоры. ", 8)
	tr := strings.Repeat("ANKARA, 12 Ocak. Dışişleri Bakanı İSTANBUL'da görüşmeler yaptı, Irak heyetiyle. ", 8)
	for b.Loop() {
		Lower("ru", ru)
		Lower("tr", tr)
	}
}

// Package stem reduces Turkish, Russian and English words to their Snowball
// stems, so that "ateşkesin" and "ateşkes", or "переговоров" and
// "переговоры", meet. The classifier's relevance matching and the store's
// full-text index use it alike: a search finds what the classifier saw.
package stem

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/snowballstem/turkish"
)

// Word returns the stem of one word in lang ("tr", "ru", "en"). The word
// is lowercased first with the language's rules: Turkish "I" is "ı" and
// "İ" is "i". A language without a stemmer gets the lowercased word.
func Word(lang, word string) string {
	w := Lower(lang, word)
	// Snowball's Turkish stemmer loops on one-syllable words in some
	// versions; short words carry no suffix worth removing.
	if len([]rune(w)) < 3 {
		return w
	}
	env := snowballstem.NewEnv(w)
	switch lang {
	case "tr":
		turkish.Stem(env)
	case "ru":
		// Snowball's Russian treats ё as е only if told so.
		env.SetCurrent(FoldYo(w))
		russian.Stem(env)
	case "en":
		english.Stem(env)
	default:
		return w
	}
	return env.Current()
}

// FoldYo reads the lower-case ё in s as е. Russian prints the same letter
// either way (ещё, еще), so every index and matcher of words folds it
// alike: the stemmer, the relevance terms and the store's search.
func FoldYo(s string) string {
	if !strings.Contains(s, "ё") {
		return s
	}
	return strings.ReplaceAll(s, "ё", "е")
}

// Lower lowercases s with lang's casing rules.
func Lower(lang, s string) string {
	if lang == "tr" || lang == "az" {
		return turkishLower(s)
	}
	return lowerMap(s)
}

// lowerMap is strings.ToLower(s), byte for byte: an invalid byte becomes
// U+FFFD, as strings.Map writes it. Characters of one or two bytes in
// UTF-8 (every letter of Russian and Turkish) are lowered from a table
// and decoded here: strings.ToLower's unicode.ToLower searches the case
// tables for each, and lowering was 6% of a classifier's CPU.
func lowerMap(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		r, n := decode(s, i)
		if r == utf8.RuneError && n == 1 || toLower(r) != r {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := decode(s, i)
		i += n
		b.WriteRune(toLower(r)) // RuneError, for an invalid byte too
	}
	return b.String()
}

// decode is utf8.DecodeRuneInString(s[i:]) with the two-byte characters
// decoded inline.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// toLower is unicode.ToLower, from lower2 (tables.go) where it can.
func toLower(r rune) rune {
	if uint32(r) < 0x800 {
		return lower2[r]
	}
	return unicode.ToLower(r)
}

// turkishLower is cases.Lower(language.Turkish) for the text wiredesk
// reads, without x/text's transformer: I is ı, İ and I followed by a
// combining dot above are i, and every other rune lowers as Unicode says.
// (x/text also lowers a Greek final sigma to ς; Turkish news has none.)
// It is on the path of every word the classifier and the indexers read.
func turkishLower(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return toLower(r) != r || r == '\u0307' })
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for j := i; j < len(s); {
		r, n := decode(s, j)
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
			b.WriteString(s[j-n : j]) // an invalid byte stays as it is
		default:
			b.WriteRune(toLower(r))
		}
	}
	return b.String()
}

// Words splits text into words (letters and digits, with inner
// apostrophes dropped, as in "Türkiye'nin") and stems each.
func Words(lang, text string) []string {
	var out []string
	for _, w := range Split(text) {
		out = append(out, Word(lang, w))
	}
	return out
}

// Split returns the words of text. An apostrophe inside a word joins its
// parts, since Turkish writes suffixes of proper names after one
// ("Rusya'nın" is one word, stemmed to "rusya").
func Split(text string) []string {
	// Words are cut out of text rather than built rune by rune: this runs
	// over every article the store indexes. joined holds the parts of a
	// word before a dropped apostrophe.
	var words []string
	var joined string
	begin := -1 // where the current part of a word begins; -1 between words
	flush := func(end int) {
		if begin >= 0 {
			words = append(words, joined+text[begin:end])
		}
		joined, begin = "", -1
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if begin < 0 {
				begin = i
			}
		case (r == '\'' || r == '’') && begin >= 0 && letterAt(text, i+utf8.RuneLen(r)):
			// Drop the apostrophe, keep the suffix with the name.
			joined += text[begin:i]
			begin = i + utf8.RuneLen(r)
		default:
			flush(i)
		}
	}
	flush(len(text))
	return words
}

// letterAt reports whether text has a letter at byte offset i.
func letterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return i < len(text) && unicode.IsLetter(r)
}

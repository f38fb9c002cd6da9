// Package stem reduces Turkish, Russian and English words to their Snowball
// stems, so that "ateşkesin" and "ateşkes", or "переговоров" and
// "переговоры", meet. The classifier's relevance matching and the store's
// full-text index use it alike: a search finds what the classifier saw.
package stem

import (
	"strings"
	"unicode"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/snowballstem/turkish"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
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
		env.SetCurrent(strings.ReplaceAll(w, "ё", "е"))
		russian.Stem(env)
	case "en":
		english.Stem(env)
	default:
		return w
	}
	return env.Current()
}

// Lower lowercases s with lang's casing rules.
func Lower(lang, s string) string {
	if lang == "tr" || lang == "az" {
		return turkishLower(s)
	}
	return strings.ToLower(s)
}

// turkishLower is cases.Lower(language.Turkish) without the allocation of
// a Caser per call for the common, all-ASCII-lowercase case.
func turkishLower(s string) string {
	for _, r := range s {
		if unicode.IsUpper(r) || r == 'İ' {
			return cases.Lower(language.Turkish).String(s)
		}
	}
	return s
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
			// Drop the apostrophe, keep the suffix with the name.
		default:
			flush()
		}
	}
	flush()
	return words
}

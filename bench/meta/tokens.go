package main

import (
	"strings"
	"unicode"

	"github.com/wiredesk/wiredesk/internal/zyte"
)

// invisible are the characters a page may put inside a word that no
// reader sees: the soft hyphen, which one side of a comparison writes
// ("Not­fall­daten­satz") and the other does not, and the zero-width
// characters.
var invisible = strings.NewReplacer("\u00ad", "", "\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "")

// tokens splits a text into the words the paragraph figures compare,
// zyte.Tokens' words with two artefacts of writing taken out: invisible
// characters are dropped, and Chinese and Japanese script, which puts no
// space between words, is one token a character, so that a reference
// that spaces around a Latin word the page writes without a space
// ("Kindle や" against "Kindleや") compares by its characters.
func tokens(text string) []string {
	if strings.ContainsAny(text, "\u00ad\u200b\u200c\u200d\u2060\ufeff") {
		text = invisible.Replace(text)
	}
	var out []string
	for _, t := range zyte.Tokens(text) {
		if !hasIdeographs(t) {
			out = append(out, t)
			continue
		}
		start := -1
		for i, r := range t {
			if isIdeograph(r) {
				if start >= 0 {
					out = append(out, t[start:i])
					start = -1
				}
				out = append(out, string(r))
				continue
			}
			if start < 0 {
				start = i
			}
		}
		if start >= 0 {
			out = append(out, t[start:])
		}
	}
	return out
}

func hasIdeographs(t string) bool {
	for _, r := range t {
		if isIdeograph(r) {
			return true
		}
	}
	return false
}

// isIdeograph reports a character of a script written without spaces
// between words: Han, Hiragana, Katakana. Hangul, written with spaces,
// is not one.
func isIdeograph(r rune) bool {
	return r >= 0x2e80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

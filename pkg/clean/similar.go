package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiredesk/wiredesk/pkg/stem"
)

// stemRunes is the crude stem: the first runes of a word. It folds most
// Turkish and Russian inflection (Libya'daki, ateşkesin; России, Россией)
// well enough to compare a block with the lead. A real stemmer comes later.
const stemRunes = 5

// stopwords are function words that would make any two texts look alike.
// Short words (under three runes) are skipped anyway.
var stopwords = map[string]bool{
	// tr
	"için": true, "ile": true, "olarak": true, "olan": true, "daha": true, "gibi": true, "kadar": true,
	"sonra": true, "önce": true, "ancak": true, "ama": true, "veya": true, "hem": true, "bir": true,
	"her": true, "çok": true, "bu": true, "şu": true, "da": true, "de": true, "den": true, "dan": true,
	"ise": true, "diye": true, "dedi": true, "yeni": true, "arasında": true, "üzere": true, "olduğu": true,
	// ru
	"что": true, "как": true, "это": true, "для": true, "при": true, "его": true, "она": true, "они": true,
	"так": true, "уже": true, "или": true, "также": true, "после": true, "которые": true, "который": true,
	"года": true, "году": true, "был": true, "была": true, "было": true, "были": true, "будет": true,
	// en
	"the": true, "and": true, "for": true, "with": true, "that": true, "this": true, "from": true,
	"was": true, "were": true, "has": true, "have": true, "said": true, "after": true, "will": true,
}

// lowerer returns lang's lower-casing, which knows Turkish I/ı and İ/i.
func lowerer(lang string) func(string) string {
	return func(s string) string { return stem.Lower(lang, s) }
}

// stems returns the set of crude stems of text's content words.
func stems(text string, lc func(string) string) map[string]bool {
	out := make(map[string]bool)
	for _, w := range words(lc(text)) {
		if utf8.RuneCountInString(w) < 3 && !denseWord(w) || stopwords[w] {
			continue
		}
		out[prefix(w, stemRunes)] = true
	}
	return out
}

// words splits lower-cased text into words, cutting what follows an
// apostrophe: a Turkish suffix (Libya’da) or an English possessive.
func words(text string) []string {
	fields := strings.FieldsFunc(text, func(r rune) bool {
		return !wordRune(r) && !isApostrophe(r)
	})
	out := fields[:0]
	var dense []string
	for _, f := range fields {
		if i := strings.IndexFunc(f, isApostrophe); i >= 0 {
			f = f[:i]
		}
		if f == "" {
			continue
		}
		if strings.IndexFunc(f, denseScript) < 0 {
			out = append(out, f)
			continue
		}
		dense = append(dense, bigrams(f)...)
	}
	// The pieces of dense scripts go after the others: out reuses
	// fields' array, which they would overwrite.
	return append(out, dense...)
}

// bigrams splits a run of text in a script written without spaces into
// its overlapping pairs of characters (再起動 → 再起, 起動), which compare
// as words do: a pair is about a word, and its stem. Other letters in the
// run (Kindle書籍) stay words of their own.
func bigrams(f string) []string {
	var out []string
	rs := []rune(f)
	for i := 0; i < len(rs); {
		if !denseScript(rs[i]) {
			j := i
			for j < len(rs) && !denseScript(rs[j]) {
				j++
			}
			out = append(out, string(rs[i:j]))
			i = j
			continue
		}
		j := i
		for j < len(rs) && denseScript(rs[j]) {
			j++
		}
		if j-i == 1 {
			out = append(out, string(rs[i]))
		}
		for k := i; k+1 < j; k++ {
			out = append(out, string(rs[k:k+2]))
		}
		i = j
	}
	return out
}

// denseWord reports a pair of characters of a script written without
// spaces (bigrams): short, but a word's worth.
func denseWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return utf8.RuneCountInString(w) == 2 && denseScript(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '`' }

func prefix(w string, n int) string {
	i := 0
	for pos := range w {
		if i == n {
			return w[:pos]
		}
		i++
	}
	return w
}

// overlap returns how many of a's stems are in b, and that share of a.
func overlap(a, b map[string]bool) (int, float64) {
	if len(a) == 0 {
		return 0, 0
	}
	n := 0
	for s := range a {
		if b[s] {
			n++
		}
	}
	return n, float64(n) / float64(len(a))
}

// related decides whether a candidate block shares enough with the
// reference (title, lead, and the paragraph a heading introduces). A single
// shared stem is chance (Türkiye, Rusya are in every Turkey-Russia item), so
// longer candidates need two or three and a fair share.
func related(cand, ref map[string]bool) bool {
	n, share := overlap(cand, ref)
	switch {
	case n >= 4:
		return true
	case len(cand) <= 2:
		return n >= 1
	}
	return (n >= 2 && share >= 0.3) || (n >= 3 && share >= 0.2)
}

// headlineShaped reports a short line without final punctuation: a heading,
// a teaser, a menu item. Paragraphs of an article end in punctuation.
func headlineShaped(text string) bool {
	text = strings.TrimSpace(text)
	return headlineShapedWords(text, countWordsTo(text, 25))
}

// headlineShapedWords is headlineShaped for trimmed text whose words are
// counted (countWords, or countWordsTo with a limit of 25 or more): the
// cleaner's first pass counts a block's words once for all its checks.
func headlineShapedWords(text string, nwords int) bool {
	if text == "" || nwords > 25 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	return !strings.ContainsRune(".!?…:;,。！？：；、，", last)
}

// paragraphShaped reports running text: long, or ending like a sentence.
func paragraphShaped(text string) bool {
	return paragraphShapedWords(text, countWordsTo(text, 25))
}

// paragraphShapedWords is paragraphShaped for text whose words are
// counted (as for headlineShapedWords). Spaces around text make no word,
// so the count is the trimmed text's too.
func paragraphShapedWords(text string, nwords int) bool {
	return nwords > 25 || (nwords >= 8 && !headlineShapedWords(strings.TrimSpace(text), nwords))
}

// dedupKey is text reduced to its letters and digits, lower-cased, for
// finding repeated blocks.
func dedupKey(text string, lc func(string) string) string {
	return joinedWords(lc(text))
}

// joinedWords is strings.Join(words(lower), " "), written in one pass
// without the slice of words: the cleaner keys every block by it. Text
// with a character of a dense script, whose words are bigrams placed
// after the others, goes through words.
func joinedWords(lower string) string {
	var b strings.Builder
	b.Grow(len(lower))
	// in: inside a field of letters, digits and apostrophes; cut: after
	// its first apostrophe, whose rest words drops; wrote: some of the
	// field is written.
	in, cut, wrote := false, false, false
	for i := 0; i < len(lower); {
		r, n := rune(lower[i]), 1
		if r >= utf8.RuneSelf {
			if c := lower[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(lower) && lower[i+1]&0xC0 == 0x80 {
				r, n = rune(c&0x1F)<<6|rune(lower[i+1]&0x3F), 2
			} else {
				r, n = utf8.DecodeRuneInString(lower[i:])
			}
		}
		if denseScript(r) {
			return strings.Join(words(lower), " ")
		}
		switch {
		case isApostrophe(r):
			in, cut = true, true
		case wordRune(r):
			if !in {
				in, cut, wrote = true, false, false
			}
			if !cut {
				if !wrote && b.Len() > 0 {
					b.WriteByte(' ')
				}
				wrote = true
				b.WriteString(lower[i : i+n])
			}
		default:
			in = false
		}
		i += n
	}
	return b.String()
}

// wordRune is unicode.IsLetter(r) || unicode.IsDigit(r), from a table
// below U+0800 (wordRunes, tables.go).
func wordRune(r rune) bool {
	if uint32(r) < uint32(len(wordRunes)) {
		return wordRunes[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// countWords is len(strings.Fields(text)) without building the slice (the
// cleaner asks it of every block several times), except in the scripts
// written without spaces (countWordsTo).
func countWords(text string) int {
	return countWordsTo(text, len(text))
}

// countWordsTo is countWords(text) for up to limit words, and limit+1 for
// more: most callers only ask whether a block is short, and body
// paragraphs are long. ASCII is looked at byte by byte, without decoding.
// In the scripts written without spaces between words (denseScript) two
// characters count as a word, about what a word of Japanese or Chinese
// holds: counted by spaces, a paragraph of them is one word and every
// threshold of the cleaner takes it for a label.
func countWordsTo(text string, limit int) int {
	n, in, dense := 0, false, 0
	for i := 0; i < len(text); {
		var space bool
		if c := text[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else if c >= 0xC2 && c < 0xE0 && dense == 0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			// Two bytes, U+0080 to U+07FF: every letter of Turkish and
			// Russian, decoded here (DecodeRuneInString was a third of
			// this loop). None is of a dense script; two are spaces.
			r := rune(c&0x1F)<<6 | rune(text[i+1]&0x3F)
			space = r == 0x85 || r == 0xA0
			i += 2
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			switch {
			case denseScript(r):
				// Two characters of a script written without spaces
				// make a word: 再起動して完了 is about four.
				if dense%2 == 0 {
					if n++; n > limit {
						return n
					}
				}
				dense++
				in = false
				continue
			case dense > 0 && unicode.IsPunct(r):
				// 。、「」 between such characters part words as a
				// space does.
				dense, in = 0, false
				continue
			}
			space = spaceRune(r)
		}
		dense = 0
		if space {
			in = false
		} else if !in {
			in = true
			if n++; n > limit {
				return n
			}
		}
	}
	return n
}

// CountWords is the cleaner's word count (countWords), for the
// classifier's own tests of a page's prose.
func CountWords(text string) int { return countWords(text) }

// denseScript reports a character of a script written without spaces
// between words: Chinese characters, Japanese kana, Thai, Lao, Khmer,
// Myanmar. Korean writes spaces between its words and is counted by them.
func denseScript(r rune) bool {
	// Every letter of Turkish and Russian comes before the first of these
	// scripts (Thai, U+0E01): spared the seven tables, whose look-ups
	// were a tenth of a classifier's CPU on them.
	if r < denseFirst {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) ||
		r == 'ー' // the kana length mark is Common, not Katakana
}

// denseFirst is the first character of the scripts denseScript knows.
const denseFirst = 0x0E01

// spaceRune is unicode.IsSpace for a character beyond ASCII. No
// character from U+0100 to U+167F is a space: Cyrillic and the Turkish
// letters are answered without the table look-up.
func spaceRune(r rune) bool {
	if r < 0x1680 {
		return r == 0x85 || r == 0xA0
	}
	return unicode.IsSpace(r)
}

// asciiSpace is unicode.IsSpace for ASCII.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

package relevance

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// Stemmer reduces a lower-case word to its stem. Profile terms and article
// words go through the same stemmer before they are compared, so a real
// stemmer (Snowball for tr, ru, en) can replace the default without touching
// the profiles.
type Stemmer interface {
	Stem(lang, word string) string
}

// identity is the default stemmer: the suffix tolerance of the matcher
// stands in for stemming until a real stemmer is slotted in.
type identity struct{}

func (identity) Stem(_, word string) string { return word }

// maxSuffix is how many runes a text word's stem may run past a term word's
// stem and still match it: Turkish piles suffixes onto a stem
// (büyükelçi-liğ-i), Russian and English inflect with short endings.
var maxSuffix = map[string]int{"tr": 6, "az": 6, "kk": 6, "ru": 3, "uk": 3, "bg": 3, "en": 3}

func suffixFor(lang string) int {
	if n, ok := maxSuffix[lang]; ok {
		return n
	}
	return 3
}

// minStemRunes is the shortest term word that may take a suffix: shorter
// words ("dış", "дел") would match half the dictionary.
const minStemRunes = 4

// lowerer returns a lower-caser for lang. Turkish and Azerbaijani need their
// own I/ı, İ/i mapping. A Caser is not safe for concurrent use: take one per
// call.
func lowerer(lang string) cases.Caser {
	switch lang {
	case "tr", "az":
		return cases.Lower(language.Turkish)
	case "ru":
		return cases.Lower(language.Russian)
	}
	return cases.Lower(language.Und)
}

// token is one word of text as written and lower-cased.
type token struct {
	orig, lower string
}

// isApostrophe reports the marks that join a Turkish proper noun to its
// suffix (Rusya'nın, Libya’da) or an English possessive.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '`' }

// tokenize splits text into words: runs of letters and digits. What follows
// an apostrophe is a suffix and is dropped, so "Rusya'nın" is "Rusya".
func tokenize(text string, lc cases.Caser) []token {
	var out []token
	start, cut := -1, -1
	flush := func(end int) {
		if start >= 0 {
			if cut >= 0 {
				end = cut
			}
			w := text[start:end]
			out = append(out, token{orig: w, lower: lc.String(w)})
		}
		start, cut = -1, -1
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if start < 0 {
				start = i
			}
		case isApostrophe(r) && start >= 0:
			if cut < 0 {
				cut = i
			}
		default:
			flush(i)
		}
	}
	flush(len(text))
	return out
}

// isAcronym reports a word written in capitals (BM, AGİT, ООН, G20). Such a
// word matches only itself, in capitals: "AB" is the EU, "ab" is nothing.
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2 || (letters == 1 && utf8.RuneCountInString(w) >= 2)
}

// wordMatcher matches one word of a term.
type wordMatcher struct {
	acronym string // exact, case-sensitive
	stem    string // lower-cased and stemmed
	suffix  int    // runes the text stem may add
}

func (m wordMatcher) key() string {
	if m.acronym != "" {
		return m.acronym
	}
	return prefixKey(m.stem)
}

// prefixKey indexes stems by their first three runes: every stem a term word
// matches starts with them.
func prefixKey(stem string) string {
	n := 0
	for i := range stem {
		if n == 3 {
			return stem[:i]
		}
		n++
	}
	return stem
}

func (m wordMatcher) match(t token, stem string) bool {
	if m.acronym != "" {
		return t.orig == m.acronym
	}
	if !strings.HasPrefix(stem, m.stem) {
		return false
	}
	return utf8.RuneCountInString(stem)-utf8.RuneCountInString(m.stem) <= m.suffix
}

// entry is one compiled term form: the words to match and what a match
// counts towards.
type entry struct {
	words []wordMatcher
	item  *item
}

// item is what matches count towards: a term, an organisation or a country.
type item struct {
	kind     kind
	evidence string // the term as the profile writes it, or the entity code
	code     string // organisations and countries
	weight   float64
	order    int // position in the profile, to break weight ties stably
}

type kind int

const (
	kindTerm kind = iota
	kindOrg
	kindCountry
)

// matcher finds the items of one language in text.
type matcher struct {
	lang    string
	stemmer Stemmer
	index   map[string][]*entry // by the first word's key
}

func newMatcher(lang string, stemmer Stemmer) *matcher {
	return &matcher{lang: lang, stemmer: stemmer, index: make(map[string][]*entry)}
}

// add compiles form (written in formLang) as a way of writing it.
func (m *matcher) add(formLang, form string, it *item) {
	lc := lowerer(formLang)
	toks := tokenize(form, lc)
	if len(toks) == 0 {
		return
	}
	e := &entry{item: it}
	for _, t := range toks {
		if isAcronym(t.orig) {
			e.words = append(e.words, wordMatcher{acronym: t.orig})
			continue
		}
		wm := wordMatcher{stem: m.stemmer.Stem(formLang, t.lower)}
		if utf8.RuneCountInString(wm.stem) >= minStemRunes {
			wm.suffix = suffixFor(formLang)
		}
		e.words = append(e.words, wm)
	}
	k := e.words[0].key()
	for _, old := range m.index[k] {
		if old.item == it && sameWords(old.words, e.words) {
			return // two case forms that stem alike
		}
	}
	m.index[k] = append(m.index[k], e)
}

func sameWords(a, b []wordMatcher) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// hit is one match of an item in text.
type hit struct {
	item *item
}

// find returns the items matched in tokens, taking the longest match at each
// position and moving past it, so "Dışişleri Bakanı" is not also "Bakan".
func (m *matcher) find(toks []token) []hit {
	stems := make([]string, len(toks))
	for i, t := range toks {
		stems[i] = m.stemmer.Stem(m.lang, t.lower)
	}
	var hits []hit
	for i := 0; i < len(toks); {
		best := m.longest(toks, stems, i)
		if best == nil {
			i++
			continue
		}
		hits = append(hits, hit{item: best.item})
		i += len(best.words)
	}
	return hits
}

func (m *matcher) longest(toks []token, stems []string, i int) *entry {
	var best *entry
	for _, key := range [2]string{toks[i].orig, prefixKey(stems[i])} {
		for _, e := range m.index[key] {
			if best != nil && len(e.words) <= len(best.words) {
				continue
			}
			if m.matchAt(e, toks, stems, i) {
				best = e
			}
		}
		if toks[i].orig == prefixKey(stems[i]) {
			break // the same bucket twice
		}
	}
	return best
}

func (m *matcher) matchAt(e *entry, toks []token, stems []string, i int) bool {
	if i+len(e.words) > len(toks) {
		return false
	}
	for j, w := range e.words {
		if !w.match(toks[i+j], stems[i+j]) {
			return false
		}
	}
	return true
}

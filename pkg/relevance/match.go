package relevance

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiredesk/wiredesk/pkg/stem"
)

// Stemmer reduces a lower-case word to its stem. Profile terms and article
// words go through the same stemmer before they are compared.
type Stemmer interface {
	Stem(lang, word string) string
}

// Snowball is the default stemmer: pkg/stem's Snowball stemmers for tr, ru
// and en, the lower-cased word for other languages. The store's full-text
// index stems with the same code, so a search finds what was matched here.
type Snowball struct{}

// Stem implements Stemmer.
func (Snowball) Stem(lang, word string) string { return stem.Word(lang, word) }

func (Snowball) snowball() {}

// snowballStemmer is a stemmer that stems as Snowball does (so that the
// matcher may skip the words no term starts with): Snowball, or Snowball
// behind a cache.
type snowballStemmer interface {
	Stemmer
	snowball()
}

// cachedSnowball is Snowball behind a Scorer's caches.
type cachedSnowball map[string]*wordCache

// Stem implements Stemmer.
func (c cachedSnowball) Stem(lang, word string) string {
	if sc, ok := c[lang]; ok {
		return sc.stem(word)
	}
	return stem.Word(lang, word)
}

func (cachedSnowball) snowball() {}

// stemSlack is how many runes two stems may differ by, one a prefix of the
// other, and still be one word. Snowball reads a final syllable as a suffix
// in some forms of a word and not in others: Turkish zirve/zirvesi give
// zirve/zirves, ateşkes/ateşkesin give ateşkes/ateşke, müzakere gives
// müzaker; Russian саммит/саммита give самм/саммит. Two runes absorb that
// without letting a stem swallow derived words (büyükelçi, büyükelçilik).
const stemSlack = 2

// minStemRunes is the shortest stem that may match with slack: shorter
// stems ("dış", "дел") would match half the dictionary.
const minStemRunes = 4

// token is one word of text as written and lower-cased.
type token struct {
	orig, lower string
	// ent marks the first token of a state or an international
	// organisation the profile found (Profile.entities).
	ent bool
	// sent marks a word that starts a sentence after the first of its
	// segment: a capital after a full stop, a question or an exclamation
	// mark (the shapes count sentences with a diplomatic act).
	sent bool
	// The scorer looks each word up once in its cache (wordCache) and
	// keeps the answer here for the matcher and the model: cw, and of it
	// stop, whether it is a stop word (no word feature), and num, the
	// model's number for it. resolved says the matcher may take the
	// word's stem and candidates from cw (the profile stems as the cache
	// does).
	resolved, stop bool
	num            int32
	cw             *cachedWord
}

// isApostrophe reports the marks that join a Turkish proper noun to its
// suffix (Rusya'nın, Libya’da) or an English possessive.
func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '`' }

// lowerWord is stem.Lower(lang, w), with a quick pass first: most words
// of a text have no capital, and a word without one is its own lower
// case. The pass knows ASCII, Latin-1's and Cyrillic's lower-case letters
// and asks unicode about the rest.
func lowerWord(lang, w string) string {
	for _, r := range w {
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				return stem.Lower(lang, w)
			}
		case r >= 0x430 && r <= 0x45F, r >= 0xDF && r <= 0xFF && r != 0xF7:
		case unicode.ToLower(r) != r || r == '\u0307':
			return stem.Lower(lang, w)
		}
	}
	return w
}

// tokenize splits text into words: runs of letters and digits. What follows
// an apostrophe is a suffix and is dropped, so "Rusya'nın" is "Rusya".
//
// Words are lower-cased with lang's rules (Turkish I/ı, İ/i) by stem.Lower,
// which returns a word with no capital as it is, without allocating.
func tokenize(text, lang string) []token {
	return tokenizeInto(make([]token, 0, len(text)/8+1), text, lang, -1) // about one word in 8 bytes of Turkish or Russian
}

// tokenizeInto is tokenize appending to dst, at most limit tokens (all
// when limit < 0): the model reads a lead, and a long paragraph's words
// past it need not be split.
func tokenizeInto(out []token, text, lang string, limit int) []token {
	return tokenizeLower(out, text, lang, limit, true)
}

// tokenizeLower is tokenizeInto, leaving each token's lower case empty
// unless lower: the scorer's word cache gives it (Profile.entities).
//
// It is on the scorer's hot path, so it reads bytes: ASCII and two-byte
// runes (Turkish and Russian letters) are decoded in the loop, the rest
// by utf8, as ranging over the string would.
func tokenizeLower(out []token, text, lang string, limit int, lower bool) []token {
	out, _ = tokenizeAt(out, text, 0, false, lang, limit, lower)
	return out
}

// tokenizeAt is tokenizeLower from byte at of text, where an earlier call
// stopped (prior says it found words), and returns where it stopped in
// turn: len(text) once it reached the end. The tokens of two calls, the
// second going on from the first, are those of one call without a
// limit's stop.
func tokenizeAt(out []token, text string, at int, prior bool, lang string, limit int, lower bool) ([]token, int) {
	if limit == 0 {
		return out, at
	}
	start, cut, n := -1, -1, 0
	stop := false // a full stop since the last word
	for i := at; i < len(text); {
		c := text[i]
		r, size := rune(c), 1
		word := false
		switch {
		case c < utf8.RuneSelf:
			word = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
		case c >= 0xC2 && c < 0xE0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80:
			r, size = rune(c&0x1F)<<6|rune(text[i+1]&0x3F), 2
			word = isWordRune(r)
		default:
			r, size = utf8.DecodeRuneInString(text[i:])
			word = isWordRune(r)
		}
		switch {
		case word:
			if start < 0 {
				start = i
			}
			// The rest of the word's ASCII and two-byte letters, at
			// once.
			i += size
			for i < len(text) {
				c := text[i]
				if c < utf8.RuneSelf {
					if 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' {
						i++
						continue
					}
				} else if c >= 0xC2 && c < 0xE0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 && isWordRune(rune(c&0x1F)<<6|rune(text[i+1]&0x3F)) {
					i += 2
					continue
				}
				break
			}
			continue
		case start >= 0 && isApostrophe(r):
			if cut < 0 {
				cut = i
			}
		default:
			if start >= 0 {
				end := i
				if cut >= 0 {
					end = cut
				}
				out = appendWord(out, text[start:end], lang, stop && (n > 0 || prior), lower)
				n++
				stop = false
				start, cut = -1, -1
				if n == limit {
					return out, i
				}
			}
			if r == '.' || r == '!' || r == '?' || r == '…' {
				stop = true
			}
		}
		i += size
	}
	if start >= 0 {
		end := len(text)
		if cut >= 0 {
			end = cut
		}
		out = appendWord(out, text[start:end], lang, stop && (n > 0 || prior), lower)
	}
	return out, len(text)
}

// appendWord appends the token of w; afterStop says a full stop comes
// before it, after an earlier word.
func appendWord(out []token, w, lang string, afterStop, lower bool) []token {
	t := token{orig: w, sent: afterStop && startsUpper(w)}
	if lower {
		t.lower = lowerWord(lang, w)
	}
	return append(out, t)
}

// startsUpper reports whether a word begins with a capital letter.
func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// isWordRune reports a letter, digit or combining mark, answering the
// runes of Turkish and Russian text without unicode's tables.
func isWordRune(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case r >= 0x410 && r <= 0x44F, r == 0x401, r == 0x451:
		return true
	case r >= 0xC0 && r <= 0xFF:
		return r != 0xD7 && r != 0xF7
	case r >= 0x100 && r <= 0x17F: // Latin Extended-A, all letters: Turkish ğ, ı, İ, ş
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
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
	runes   int    // of stem
}

func (m wordMatcher) key() string {
	if m.acronym != "" {
		return m.acronym
	}
	return prefixKey(m.stem)
}

// prefixKey indexes stems by their first three runes: every stem a term word
// matches starts with them.
func prefixKey(stem string) string { return prefixRunes(stem, 3) }

// prefixRunes returns the first n runes of s.
func prefixRunes(s string, n int) string {
	k := 0
	for i := range s {
		if k == n {
			return s[:i]
		}
		k++
	}
	return s
}

func (m wordMatcher) match(t token, stem string) bool {
	if m.acronym != "" {
		return t.orig == m.acronym
	}
	if stem == m.stem {
		return true
	}
	short, long, n := m.stem, stem, m.runes
	if len(stem) < len(m.stem) {
		short, long, n = stem, m.stem, utf8.RuneCountInString(stem)
	}
	if n < minStemRunes || !strings.HasPrefix(long, short) {
		return false
	}
	return utf8.RuneCountInString(long[len(short):]) <= stemSlack
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
	// starts holds the first startRunes runes of every stem a term can
	// start with (the whole stem when shorter): a cheap test that saves
	// stemming the words no term starts with. Only for Snowball, whose
	// stems are prefixes of their words; nil for other stemmers.
	starts map[string]bool
}

// startRunes is the prefix length in starts. A text stem matches a term
// stem of four runes or more only if they share their first four runes
// (minStemRunes), so four is the longest safe prefix.
const startRunes = minStemRunes

func newMatcher(lang string, stemmer Stemmer) *matcher {
	m := &matcher{lang: lang, stemmer: stemmer, index: make(map[string][]*entry)}
	if _, ok := stemmer.(snowballStemmer); ok {
		m.starts = make(map[string]bool)
	}
	return m
}

// add compiles form (written in formLang) as a way of writing it.
func (m *matcher) add(formLang, form string, it *item) {
	toks := tokenize(form, formLang)
	if len(toks) == 0 {
		return
	}
	e := &entry{item: it}
	for _, t := range toks {
		if isAcronym(t.orig) {
			e.words = append(e.words, wordMatcher{acronym: t.orig})
			continue
		}
		st := m.stemmer.Stem(formLang, t.lower)
		e.words = append(e.words, wordMatcher{stem: st, runes: utf8.RuneCountInString(st)})
	}
	if w := e.words[0]; w.acronym == "" && m.starts != nil {
		m.starts[prefixRunes(w.stem, startRunes)] = true
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
	at   int // the first token's index
}

// neverTerms are function words whose Snowball stem collides with a term's:
// Russian "после" (after) stems to "посл", as "посла" (the ambassador's) does.
var neverTerms = map[string]bool{"после": true}

// find returns the items matched in tokens, taking the longest match at each
// position and moving past it, so "Dışişleri Bakanı" is not also "Bakan".
//
// Stemming is the matcher's main cost, and most words start no term: a
// word is stemmed only when a term starts with its first runes, or when a
// phrase reaches it.
//
// memo holds the stems of words seen before in the same article: names and
// key terms recur from paragraph to paragraph.
func (m *matcher) find(toks []token, memo map[string]string) []hit {
	return m.findInto(nil, toks, memo)
}

// findInto is find appending to hits.
func (m *matcher) findInto(hits []hit, toks []token, memo map[string]string) []hit {
	st := &stems{m: m, toks: toks, memo: memo}
	for i := 0; i < len(toks); {
		best := m.longest(st, i)
		if best == nil {
			i++
			continue
		}
		hits = append(hits, hit{item: best.item, at: i})
		i += len(best.words)
	}
	return hits
}

// stems are the tokens' stems, computed on first use.
type stems struct {
	m     *matcher
	toks  []token
	stems []string
	done  []bool
	memo  map[string]string
}

func (s *stems) at(i int) string {
	if t := &s.toks[i]; t.resolved {
		return t.cw.match
	}
	if s.done == nil {
		s.stems, s.done = make([]string, len(s.toks)), make([]bool, len(s.toks))
	}
	if !s.done[i] {
		s.done[i] = true
		w := s.toks[i].lower
		switch st, ok := s.memo[w]; {
		case ok:
			s.stems[i] = st
		case neverTerms[w]:
			s.stems[i] = "\x00" // matches no term word
		default:
			s.stems[i] = s.m.stemmer.Stem(s.m.lang, w)
			if s.memo != nil { // nil when the stemmer caches
				s.memo[w] = s.stems[i]
			}
		}
	}
	return s.stems[i]
}

// mayStartWord reports whether some term's first word could match the
// lower-case word w.
// Stemming only cuts a word's end, so a matching stem is a prefix of the
// word: its first startRunes runes, or the whole stem when shorter, are in
// m.starts. (Russian ё is read as е by the stemmer and is folded here;
// Turkish final-consonant changes, kitabı → kitap, touch only the last
// rune and are missed in stems shorter than startRunes, which no term has.)
func (m *matcher) mayStartWord(w string) bool {
	if m.starts == nil {
		return true
	}
	w = stem.FoldYo(w)
	n := 0
	for pos := range w {
		if n > 0 && m.starts[w[:pos]] {
			return true
		}
		n++
		if n > startRunes {
			return false
		}
	}
	return m.starts[w]
}

// candidates are the entries longest tries at a word (orig as written,
// lower its lower case, stem its stem for the matcher, may whether a term
// may start with it): those under the word as written, unless it has no
// capital and is longer than three runes (no acronym, and no stem's
// prefix key: no entry is under it), then those under its stem's prefix
// key. The scorer's word cache keeps them,
// so that a word is hashed once, not once more for each key.
func (m *matcher) candidates(orig, lower, stem string, may bool) []*entry {
	var a, b []*entry
	if orig != lower || utf8.RuneCountInString(orig) <= 3 {
		a = m.index[orig]
	}
	if may {
		if k := prefixKey(stem); k != orig {
			b = m.index[k]
		}
	}
	switch {
	case len(b) == 0:
		return a
	case len(a) == 0:
		return b
	}
	return append(slices.Clip(a), b...)
}

func (m *matcher) longest(st *stems, i int) *entry {
	var best *entry
	if t := &st.toks[i]; t.resolved {
		for _, e := range t.cw.cands {
			if best != nil && len(e.words) <= len(best.words) {
				continue
			}
			if m.matchAt(e, st, i) {
				best = e
			}
		}
		return best
	}
	orig := st.toks[i].orig
	keys := [2]string{orig}
	if st.m.mayStartWord(st.toks[i].lower) {
		if k := prefixKey(st.at(i)); k != orig {
			keys[1] = k
		}
	}
	for _, key := range keys {
		if key == "" {
			continue
		}
		for _, e := range m.index[key] {
			if best != nil && len(e.words) <= len(best.words) {
				continue
			}
			if m.matchAt(e, st, i) {
				best = e
			}
		}
	}
	return best
}

func (m *matcher) matchAt(e *entry, st *stems, i int) bool {
	if i+len(e.words) > len(st.toks) {
		return false
	}
	for j, w := range e.words {
		if w.acronym != "" {
			if st.toks[i+j].orig != w.acronym {
				return false
			}
			continue
		}
		if !w.match(st.toks[i+j], st.at(i+j)) {
			return false
		}
	}
	return true
}

package store

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wiredesk/wiredesk/pkg/stem"
)

// This file holds the search API and what every backend shares of it:
// validating a query, turning its words into prefix terms, the cursor, and
// snippets. Snippets are cut in Go from the stored article, so both
// backends return the same spans and neither emits markup.

// SearchQuery selects articles for Search and Scan. All conditions combine
// with AND.
type SearchQuery struct {
	// Text is words that must all match, with Turkish or Russian
	// morphology; "" means no text condition. See terms for the rule.
	Text   string
	Lang   string // "" = any; also picks the casing and stemmer of Text
	Source string // "" = any
	// Country is an ISO 3166-1 alpha-2 code from Article.Countries, in
	// either case.
	Country string
	// Since and Until bound published_at: Since inclusive, Until exclusive.
	// Undated articles never match either.
	Since, Until time.Time
	MinScore     float64 // Relevance.Score >= MinScore
	// Sort orders the hits: SortRelevance, SortNewest or SortScore; ""
	// is SortRelevance with a text condition and SortNewest without.
	Sort   string
	Limit  int    // 0 = DefaultSearchLimit; at most MaxSearchLimit; ignored by Scan
	Cursor string // from SearchPage.Next; "" = first page; ignored by Scan
}

// Orders of Search. Ties go by id, so that pages never overlap.
const (
	SortRelevance = "relevance" // best match first (Hit.Rank); newest first without a text condition
	SortNewest    = "newest"    // newest published first, undated last
	SortScore     = "score"     // most diplomatic first (Relevance.Score)
)

// Limits on SearchQuery.Limit.
const (
	DefaultSearchLimit = 20
	MaxSearchLimit     = 200
)

// Span is a piece of a snippet. Text is plain text: the UI escapes it and
// marks the spans with Match set.
type Span struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

// Hit is one search result.
type Hit struct {
	Record Record
	// Rank orders hits with a text condition, highest first: it is a
	// function of the article and the query alone, never of the rest of the
	// store, so it does not move when articles are added and a cursor on it
	// stays valid. It is 0 without a text condition.
	Rank    float64
	Title   []Span // the title with its matches marked
	Snippet []Span // a passage of the body around the densest matches
}

// SearchPage is one page of results.
type SearchPage struct {
	Hits []Hit
	Next string // cursor of the next page; "" on the last page
	// Total is the number of articles matching the query, all pages
	// together, or -1 when the backend did not count them.
	Total int
}

// StatsQuery selects the articles Stats counts, with SearchQuery's
// conditions, so that a chart follows a search. With Since and Until both
// zero, undated articles count in ByLang and BySource.
type StatsQuery struct {
	Text, Lang, Source, Country string
	Since, Until                time.Time
	MinScore                    float64
}

// search is q as the SearchQuery whose matches Stats counts.
func (q StatsQuery) search() SearchQuery {
	return SearchQuery{Text: q.Text, Lang: q.Lang, Source: q.Source, Country: q.Country,
		Since: q.Since, Until: q.Until, MinScore: q.MinScore}
}

// Stats are counts of articles (not revisions).
type Stats struct {
	Total    int
	ByLang   map[string]int
	BySource map[string]int
	// ByDay counts per UTC day of published_at and language, days in
	// ascending order, then languages; undated articles are not in it.
	ByDay []DayCount
}

// DayCount is one bar of the per-day chart.
type DayCount struct {
	Day   string `json:"day"` // 2006-01-02, UTC
	Lang  string `json:"lang"`
	Count int    `json:"count"`
}

// ErrBadQuery is returned, wrapped and naming the field, for a SearchQuery
// or StatsQuery that cannot be run: the caller's mistake, an HTTP 400.
var ErrBadQuery = errors.New("store: bad query")

// ErrBadCursor is returned, wrapped together with ErrBadQuery, for a cursor
// that does not decode or that belongs to another query.
var ErrBadCursor = errors.New("store: bad cursor")

// MinPrefix is the shortest prefix a query word matches by: shorter words
// ("AB", "ve") match only the identical word, so that "AB" does not find
// "ABD".
const MinPrefix = 3

// searchLangs are the languages whose stemmers a query without Lang is
// read in: a word matches if it matches in any of them.
var searchLangs = []string{"tr", "ru"}

// term is one query word: an article matches it when one of its indexed
// tokens matches one of alts.
type term struct {
	alts []alt
}

// alt is one way a token matches a query word: equal to text (exact),
// starting with it, or, with endings, equal to text plus one of them.
type alt struct {
	text    string
	exact   bool
	endings []string
}

func (a alt) matches(token string) bool {
	switch {
	case a.endings != nil:
		rest, ok := strings.CutPrefix(token, a.text)
		return ok && slices.Contains(a.endings, rest)
	case a.exact:
		return token == a.text
	}
	return strings.HasPrefix(token, a.text)
}

// wordTerm is the term of one query word w, read in each of langs. The
// word is lowercased and stemmed: a word of fewer than MinPrefix letters
// is exact; a longer one matches by the prefix of its stem, and never by
// fewer than MinPrefix letters of the word. With prefix (the user typed
// "müzake*"), it matches by the prefix of the word as typed.
//
// People type as they can: a Turkish word typed without Turkish letters
// ("dunyaya", "Ilkelerinizle") also matches by its folded form (see
// foldTurkish), which the index holds beside the word; е stands for ё
// everywhere; and a Russian noun in its base form whose last vowel drops in
// its other forms (рынок, рынка) also matches those forms.
func wordTerm(langs []string, w string, prefix bool) term {
	var t term
	add := func(a alt) {
		if !slices.ContainsFunc(t.alts, func(b alt) bool {
			return b.text == a.text && b.exact == a.exact && (b.endings == nil) == (a.endings == nil)
		}) {
			t.alts = append(t.alts, a)
		}
	}
	for _, l := range langs {
		low := lowerWord(l, w)
		folded := foldTurkish(low)
		fold := l == "tr" && !hasTurkishLetter(w) && folded != low
		if prefix {
			add(alt{text: low})
			if fold {
				add(alt{text: folded})
			}
			continue
		}
		add(wordAlt(low, stem.Word(l, w)))
		if fold {
			add(wordAlt(folded, foldTurkish(stem.Word("tr", folded))))
		}
		if l == "ru" {
			for _, a := range fleetingAlts(low, stem.Word("ru", w)) {
				add(a)
			}
		}
	}
	return t
}

// wordAlt is how a query word, lowercased low with stem st, matches: by
// the prefix of its stem, or exactly when it is short.
func wordAlt(low, st string) alt {
	if len([]rune(low)) < MinPrefix {
		return alt{text: low, exact: true}
	}
	if len([]rune(st)) < MinPrefix {
		st = string([]rune(low)[:MinPrefix])
	}
	return alt{text: st}
}

// lowerWord is a word as the index holds it: lowercased in lang, with ё
// read as е (Russian writes ё or е for the same letter).
func lowerWord(lang, w string) string {
	return stem.FoldYo(stem.Lower(lang, w))
}

// turkishFold maps the letters of the Turkish alphabet that an English
// keyboard lacks to the ones people type instead.
var turkishFold = strings.NewReplacer("ç", "c", "ğ", "g", "ı", "i", "ö", "o", "ş", "s", "ü", "u")

// foldTurkish is a lowercased Turkish word without its letters: "dünyaya"
// is "dunyaya", "ilkelerinizle" stays, "ılık" is "ilik".
func foldTurkish(low string) string {
	if !strings.ContainsAny(low, "çğıöşü") {
		return low
	}
	return turkishFold.Replace(low)
}

// hasTurkishLetter reports whether w has a letter only Turkish writes: a
// word typed with them means what it says, and is not folded.
func hasTurkishLetter(w string) bool {
	return strings.ContainsAny(w, "çğıİöşüÇĞÖŞÜ")
}

// ruEndings are the case endings of a Russian noun's forms after its
// base form.
var ruEndings = []string{"а", "я", "у", "ю", "ом", "ем", "е", "ы", "и", "ов", "ев", "ей", "ам", "ям", "ами", "ями", "ах", "ях"}

// fleetingAlts are the other forms of a Russian noun typed in its base
// form (low, with stem st) when its last syllable has a vowel that may
// drop: рынок, рынка; день, дня; боец, бойца; палец, пальца. The stem
// without the vowel (or with й or ь for it) plus a case ending must be the
// whole token: a prefix would let "посол" find "последний". Nouns whose
// vowel stays ("закон", "закона") gain alternatives no text holds.
func fleetingAlts(low, st string) []alt {
	if low != st && low != st+"ь" {
		return nil // not a base form: its own stem finds the other forms
	}
	r := []rune(st)
	n := len(r)
	if n < 3 || !strings.ContainsRune("оеё", r[n-2]) || strings.ContainsRune("аеёиоуыэюяйь", r[n-1]) {
		return nil
	}
	head, last := string(r[:n-2]), string(r[n-1])
	var out []alt
	for _, mid := range []string{"", "ь", "й"} {
		out = append(out, alt{text: head + mid + last, endings: ruEndings})
	}
	return out
}

// matches reports whether an indexed token satisfies t.
func (t term) matches(token string) bool {
	for _, a := range t.alts {
		if a.matches(token) {
			return true
		}
	}
	return false
}

// indexTokens returns what is indexed for text in lang: each word
// lowercased (ё as е), followed by its stem when the stem is not a prefix
// of it. A stem that is a prefix adds nothing, since terms match by prefix;
// one that is not (a Turkish consonant that alternates) must be there for
// the query's stem to find it. A Turkish word with letters of its own is
// also indexed without them (foldTurkish), with its stem's folded form
// when that is not a prefix, so that it is found as people type it on any
// keyboard.
//
// cache maps lang+word to the tokens of the word: the words of news
// repeat, and stemming is most of the cost of indexing.
func indexTokens(lang, text string, cache map[string]string) string {
	var b strings.Builder
	// About what it takes: each word lowered, some followed by a stem.
	b.Grow(len(text) + len(text)/4)
	for _, w := range stem.Split(text) {
		// The key is built in the lookup, so that the compiler makes it in
		// a buffer on the stack; only a new word's is allocated.
		toks, ok := cache[lang+":"+w]
		if !ok {
			low := lowerWord(lang, w)
			toks = low
			s := stem.Word(lang, w)
			if !strings.HasPrefix(low, s) {
				toks += " " + s
			}
			if lang == "tr" {
				if f := foldTurkish(low); f != low {
					toks += " " + f
					if fs := foldTurkish(s); !strings.HasPrefix(f, fs) && fs != s {
						toks += " " + fs
					}
				}
			}
			if len(cache) < maxStemCache {
				cache[lang+":"+w] = toks
			}
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(toks)
	}
	return b.String()
}

// maxStemCache bounds the cache of one indexTokens caller.
const maxStemCache = 100000

// normalize validates q and applies its defaults. Errors wrap ErrBadQuery
// and name the field.
func (q SearchQuery) normalize() (SearchQuery, error) {
	bad := func(field, format string, args ...any) error {
		return fmt.Errorf("%w: %s: %s", ErrBadQuery, field, fmt.Sprintf(format, args...))
	}
	switch {
	case q.Limit < 0:
		return q, bad("limit", "%d is negative", q.Limit)
	case q.Limit == 0:
		q.Limit = DefaultSearchLimit
	}
	q.Limit = min(q.Limit, MaxSearchLimit)
	if !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Before(q.Since) {
		return q, bad("until", "%s is before since %s", q.Until.Format(time.RFC3339), q.Since.Format(time.RFC3339))
	}
	if math.IsNaN(q.MinScore) || math.IsInf(q.MinScore, 0) {
		return q, bad("min_score", "%v is not a number", q.MinScore)
	}
	if q.Country != "" {
		c := strings.ToUpper(q.Country)
		if len(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' {
			return q, bad("country", "%q is not an ISO 3166-1 alpha-2 code", q.Country)
		}
		q.Country = c
	}
	if q.Lang != "" && strings.ToLower(q.Lang) != q.Lang {
		q.Lang = strings.ToLower(q.Lang)
	}
	switch q.Sort {
	case "":
		q.Sort = SortNewest
		if strings.TrimSpace(q.Text) != "" {
			q.Sort = SortRelevance
		}
	case SortRelevance, SortNewest, SortScore:
	default:
		return q, bad("sort", "%q is not %s, %s or %s", q.Sort, SortRelevance, SortNewest, SortScore)
	}
	if _, err := parseText(q.Lang, q.Text); err != nil {
		return q, bad("q", "%v", err)
	}
	return q, nil
}

// cursor is the position after the last hit of a page: (rank, id) by
// relevance with a text condition, (score, id) by score, else
// (published_at, id), published_at "" for undated articles, which sort
// last. Query is a fingerprint of the conditions and the order, so that a
// cursor is refused on another query rather than silently skipping
// results.
type cursor struct {
	Query     string  `json:"q"`
	Rank      float64 `json:"r,omitempty"`
	Score     float64 `json:"s,omitempty"`
	Published string  `json:"p,omitempty"`
	ID        string  `json:"i"`
}

// order is how q's hits are ordered: SortRelevance only with text.
func (q SearchQuery) order(tq *textQuery) string {
	if q.Sort == SortRelevance && tq.empty() {
		return SortNewest
	}
	return q.Sort
}

// fingerprint identifies q's conditions, not its page.
func (q SearchQuery) fingerprint() string {
	h := fnv.New64a()
	fmt.Fprintf(h, "%q %q %q %q %s %s %v %q", q.Text, q.Lang, q.Source, q.Country,
		nullableTime(q.Since), nullableTime(q.Until), q.MinScore, q.Sort)
	return strconv.FormatUint(h.Sum64(), 36)
}

func nullableTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return formatTime(t)
}

func (c cursor) encode() string {
	b, err := json.Marshal(c)
	if err != nil {
		// A struct of strings and a finite float always marshals.
		return ""
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor returns nil for "", the first page.
func decodeCursor(q SearchQuery) (*cursor, error) {
	if q.Cursor == "" {
		return nil, nil
	}
	bad := func(why string) error { return fmt.Errorf("%w: cursor: %w: %s", ErrBadQuery, ErrBadCursor, why) }
	b, err := base64.RawURLEncoding.DecodeString(q.Cursor)
	if err != nil {
		return nil, bad("not base64url")
	}
	var c cursor
	if err := json.Unmarshal(b, &c); err != nil || c.ID == "" {
		return nil, bad("does not decode")
	}
	if c.Query != q.fingerprint() {
		return nil, bad("it belongs to another query")
	}
	return &c, nil
}

// wordPos is a word of a text and where it is, in bytes.
type wordPos struct {
	start, end int
	word       string // as stem.Split returns it: inner apostrophes dropped
}

// scanWords splits text as stem.Split does, keeping positions.
func scanWords(text string) []wordPos {
	var out []wordPos
	start := -1
	var b strings.Builder
	flush := func(end int) {
		if start >= 0 {
			out = append(out, wordPos{start: start, end: end, word: b.String()})
			start = -1
			b.Reset()
		}
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if start < 0 {
				start = i
			}
			b.WriteRune(r)
		case (r == '\'' || r == '’') && start >= 0 && nextIsLetter(text[i+utf8.RuneLen(r):]):
		default:
			flush(i)
		}
	}
	flush(len(text))
	return out
}

func nextIsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// matchWords marks the words of ws that match one of terms in lang: one
// of the word's tokens (those indexTokens gives, and its stem even when a
// prefix) matches.
func matchWords(lang string, ws []wordPos, terms []term) []bool {
	hit := make([]bool, len(ws))
	if len(terms) == 0 {
		return hit
	}
	for i, w := range ws {
		low := lowerWord(lang, w.word)
		st := stem.Word(lang, w.word)
		toks := [4]string{low, st}
		n := 2
		if lang == "tr" {
			if f := foldTurkish(low); f != low {
				toks[2], toks[3], n = f, foldTurkish(st), 4
			}
		}
		for _, t := range terms {
			if slices.ContainsFunc(toks[:n], t.matches) {
				hit[i] = true
				break
			}
		}
	}
	return hit
}

// snippetWords is how many words a snippet shows.
const snippetWords = 30

// Highlight returns text, in language lang, as spans with the words that
// q's text matches marked, as Search marks a hit's title and snippet: for
// showing a whole article found by q.
func Highlight(q SearchQuery, lang, text string) []Span {
	tq, _ := parseText(strings.ToLower(q.Lang), q.Text)
	return highlight(lang, text, tq.terms)
}

// highlight returns all of text as spans, its matching words marked.
func highlight(lang, text string, terms []term) []Span {
	ws := scanWords(text)
	if len(ws) == 0 {
		if s := collapse(text); s != "" {
			return []Span{{Text: s}}
		}
		return []Span{}
	}
	return spans(text, ws, matchWords(lang, ws, terms), 0, len(ws))
}

// snippet returns a passage of body of about snippetWords words: the one
// with the most matching words, starting a few words before its first, or
// the beginning of body when nothing matches.
func snippet(lang, body string, terms []term) []Span {
	ws := scanWords(body)
	hit := matchWords(lang, ws, terms)
	best, bestN, n := 0, 0, 0
	for i := range ws {
		if hit[i] {
			n++
		}
		if i >= snippetWords && hit[i-snippetWords] {
			n--
		}
		if n > bestN {
			bestN, best = n, max(0, i-snippetWords+1)
		}
	}
	if bestN > 0 {
		// Start shortly before the first match, for context.
		first := best
		for !hit[first] {
			first++
		}
		best = max(0, first-5)
	}
	end := min(len(ws), best+snippetWords)
	return spans(body, ws, hit, best, end)
}

// spans renders words [from, to) of text with what lies between them,
// whitespace collapsed, and "…" where text was cut.
func spans(text string, ws []wordPos, hit []bool, from, to int) []Span {
	if from >= to {
		return []Span{}
	}
	var out []Span
	add := func(s string, match bool) {
		if !match {
			s = collapse(s)
			if s == "" {
				return
			}
			if n := len(out); n > 0 && !out[n-1].Match {
				out[n-1].Text += s
				return
			}
		}
		out = append(out, Span{Text: s, Match: match})
	}
	if from > 0 {
		add("…", false)
	} else {
		add(text[:ws[0].start], false) // what comes before the first word: «, ", (
	}
	for i := from; i < to; i++ {
		if i > from {
			add(text[ws[i-1].end:ws[i].start], false)
		} else if from > 0 {
			add(" ", false)
		}
		add(text[ws[i].start:ws[i].end], hit[i])
	}
	last := ws[to-1].end
	if to < len(ws) {
		add(" …", false)
	} else {
		add(text[last:], false)
	}
	return out
}

// collapse turns each run of whitespace in s into one space, so that
// paragraph breaks do not reach a one-line snippet.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

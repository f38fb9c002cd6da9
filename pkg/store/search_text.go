package store

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/stem"
)

// The query syntax of SearchQuery.Text, the same on every backend:
//
//	ateşkes moskova        both words (in any of their forms)
//	ateşkes OR müzakere    either word; OR binds the words beside it
//	"dışişleri bakanı"     the words next to each other, in this order
//	müzake*                any word that starts so, as typed
//
// The index has no word positions, so a phrase is matched as all its
// words by the index and then checked in order here, on the article's own
// text: both backends give the same answer.

// textQuery is query text parsed: every clause must match, and a clause
// matches when one of its items does.
type textQuery struct {
	clauses [][]item
	terms   []term // every term of every item: for the rank and the marks
	phrases bool   // some item is a phrase, checked in Go
	// tokens caches the indexed tokens of the words check has read: a
	// phrase query checks every candidate when it counts, and the words
	// of news repeat.
	tokens map[string][]string
	stems  map[string]string
}

// item is one word, or the words of a phrase, which must be adjacent.
type item struct {
	terms []term
}

// minTypedPrefix is the shortest prefix a "word*" may have.
const minTypedPrefix = 2

func (tq *textQuery) empty() bool { return tq == nil || len(tq.clauses) == 0 }

// parseText parses text in lang ("" = each of searchLangs). Text with no
// words parses to an empty query; text that is not blank but gives no word,
// or a prefix too short, is an error.
func parseText(lang, text string) (*textQuery, error) {
	langs := searchLangs
	if lang != "" {
		langs = []string{lang}
	}
	tq := &textQuery{}
	if strings.TrimSpace(text) == "" {
		return tq, nil
	}
	or := false // the last token was OR
	push := func(it item) {
		if or && len(tq.clauses) > 0 {
			last := len(tq.clauses) - 1
			tq.clauses[last] = append(tq.clauses[last], it)
		} else {
			tq.clauses = append(tq.clauses, []item{it})
		}
		or = false
		tq.terms = append(tq.terms, it.terms...)
	}
	for rest := text; rest != ""; {
		r, n := utf8.DecodeRuneInString(rest)
		switch {
		case unicode.IsSpace(r):
			rest = rest[n:]
		case r == '"' || r == '“' || r == '”' || r == '«' || r == '»':
			rest = rest[n:]
			end := strings.IndexAny(rest, `"“”«»`)
			if end < 0 {
				end = len(rest)
			}
			phrase := rest[:end]
			rest = rest[end:]
			if _, m := utf8.DecodeRuneInString(rest); rest != "" {
				rest = rest[m:]
			}
			var it item
			for _, w := range stem.Split(phrase) {
				it.terms = append(it.terms, wordTerm(langs, w, false))
			}
			if len(it.terms) > 0 {
				tq.phrases = tq.phrases || len(it.terms) > 1
				push(it)
			}
		default:
			end := strings.IndexFunc(rest, func(r rune) bool {
				return unicode.IsSpace(r) || r == '"' || r == '“' || r == '”' || r == '«' || r == '»'
			})
			if end < 0 {
				end = len(rest)
			}
			chunk := rest[:end]
			rest = rest[end:]
			if chunk == "OR" {
				or = len(tq.clauses) > 0
				continue
			}
			words := stem.Split(chunk)
			prefix := strings.HasSuffix(strings.TrimRight(chunk, ".,;:!?)"), "*")
			for i, w := range words {
				p := prefix && i == len(words)-1
				if p && utf8.RuneCountInString(w) < minTypedPrefix {
					return nil, fmt.Errorf("%q: a prefix needs %d letters or more", w+"*", minTypedPrefix)
				}
				push(item{terms: []term{wordTerm(langs, w, p)}})
			}
		}
	}
	if len(tq.clauses) == 0 {
		return nil, fmt.Errorf("%q has no words", text)
	}
	return tq, nil
}

// searchBody is the text of a searched beside its title: the standfirst,
// the story in brief, and the body.
func searchBody(a *article.Article) string {
	if a.Standfirst == "" {
		return a.Body
	}
	return a.Standfirst + "\n\n" + a.Body
}

// check reports whether a satisfies tq with its phrases in order: the
// index has found every word. Without phrases there is nothing to check.
func (tq *textQuery) check(a *article.Article) bool {
	if tq.empty() || !tq.phrases {
		return true
	}
	if tq.tokens == nil {
		tq.tokens, tq.stems = map[string][]string{}, map[string]string{}
	}
	texts := [][]string{stem.Split(a.Title), stem.Split(a.Standfirst), stem.Split(a.Body)}
	for _, cl := range tq.clauses {
		if !slices.ContainsFunc(cl, func(it item) bool { return tq.in(it, a.Lang, texts) }) {
			return false
		}
	}
	return true
}

// in reports whether the item's words come one after another in one of
// texts, which are words in lang.
func (tq *textQuery) in(it item, lang string, texts [][]string) bool {
	for _, words := range texts {
	start:
		for i := 0; i+len(it.terms) <= len(words); i++ {
			for k, t := range it.terms {
				if !slices.ContainsFunc(tq.wordTokens(lang, words[i+k]), t.matches) {
					continue start
				}
			}
			return true
		}
	}
	return false
}

// wordTokens returns the indexed tokens of one word.
func (tq *textQuery) wordTokens(lang, w string) []string {
	key := lang + ":" + w
	toks, ok := tq.tokens[key]
	if !ok {
		toks = strings.Split(indexTokens(lang, w, tq.stems), " ")
		if len(tq.tokens) < maxStemCache {
			tq.tokens[key] = toks
		}
	}
	return toks
}

// matchExpr writes tq as a full-text query: and, or and the form of each
// term's alternatives are the backend's.
func (tq *textQuery) matchExpr(and, or string, alt func(alt) []string) string {
	clauses := make([]string, 0, len(tq.clauses))
	for _, cl := range tq.clauses {
		items := make([]string, 0, len(cl))
		for _, it := range cl {
			words := make([]string, 0, len(it.terms))
			for _, t := range it.terms {
				var alts []string
				for _, a := range t.alts {
					alts = append(alts, alt(a)...)
				}
				words = append(words, "("+strings.Join(alts, or)+")")
			}
			items = append(items, "("+strings.Join(words, and)+")")
		}
		clauses = append(clauses, "("+strings.Join(items, or)+")")
	}
	return strings.Join(clauses, and)
}

// statsOf counts what scan passes to its function, as Stats counts in SQL:
// for a query whose phrases only Go can check.
func statsOf(scan func(fn func(Record) error) error) (Stats, error) {
	st := Stats{ByLang: map[string]int{}, BySource: map[string]int{}, ByDay: []DayCount{}}
	days := map[DayCount]int{}
	err := scan(func(r Record) error {
		a := r.Article
		st.Total++
		st.ByLang[a.Lang]++
		st.BySource[a.Source]++
		if !a.PublishedAt.IsZero() {
			days[DayCount{Day: a.PublishedAt.UTC().Format(time.DateOnly), Lang: a.Lang}]++
		}
		return nil
	})
	if err != nil {
		return Stats{}, err
	}
	for d, n := range days {
		d.Count = n
		st.ByDay = append(st.ByDay, d)
	}
	slices.SortFunc(st.ByDay, func(x, y DayCount) int {
		if c := strings.Compare(x.Day, y.Day); c != 0 {
			return c
		}
		return strings.Compare(x.Lang, y.Lang)
	})
	return st, nil
}

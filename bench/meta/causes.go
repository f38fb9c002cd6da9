package main

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// causeTally sorts a set's noise paragraphs by cause, in a fixed
// vocabulary, so that a held-out set can say what leaks without a page
// being read: the zone the extractor gave the block, where the paragraph
// stands against the article's own text, and the block's shape. The
// shape "repeated" (the same text on two pages of the set or more) comes
// first: it is what the classifier's memory of a source learns in
// production and a one-page eval never shows it.
type causeTally struct {
	items []noiseItem
	// pagesOf counts the pages of the set each block's text is on.
	pagesOf map[string]int
	words   int
}

// noiseItem is one noise paragraph, its shape told at print time, when
// the whole set's blocks are known.
type noiseItem struct {
	words      int
	key        string // its block's text, folded, for "repeated"
	zone, pos  string
	shape      string // without "repeated"
	unmatched  bool   // no block found for it
	page, text string // for -v
	desc       string // the block's zone, tag and link density, for -v
	tag        string
	// refWords is how many of its single words the reference holds: most
	// (a paragraph the reference has in another order or spacing, which
	// its shingles miss), some, or none.
	refWords string
}

// Positions against the article's text (the output paragraphs that are
// not noise).
const (
	posNoText  = "no article text"
	posBefore  = "before the headline"
	posAbove   = "above the text"
	posInside  = "inside"
	posAfter   = "after the last paragraph"
	shapeRepet = "repeated across pages"
)

// addPage records one page's blocks and its noise. title is the
// article's headline; paras the body's paragraphs; noise those of them
// that are noise (in order, as tally.add gave them).
func (c *causeTally) addPage(name string, pg *article.Page, title string, paras, noise []string, refSet map[string]bool) {
	if c.pagesOf == nil {
		c.pagesOf = make(map[string]int)
	}
	if pg == nil {
		return
	}
	seen := make(map[string]bool)
	for _, b := range pg.Blocks {
		k := foldKey(b.Text)
		if k != "" && !seen[k] {
			seen[k] = true
			c.pagesOf[k]++
		}
	}
	if len(noise) == 0 {
		return
	}
	at := paragraphBlocks(pg.Blocks, paras)
	isNoise := make([]bool, len(paras))
	ni := 0
	for k, q := range paras {
		if ni < len(noise) && q == noise[ni] {
			isNoise[k] = true
			ni++
		}
	}
	first, last := -1, -1
	for k := range paras {
		if !isNoise[k] {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	head := headlineBlock(pg.Blocks, title)
	for k, q := range paras {
		if !isNoise[k] {
			continue
		}
		it := noiseItem{words: len(tokens(q)), zone: "no block", tag: "none", page: name, text: q}
		switch w := wordsIn(tokens(q), refSet); {
		case w >= 0.8:
			it.refWords = "most"
		case w >= 0.3:
			it.refWords = "some"
		default:
			it.refWords = "few"
		}
		var b article.Block
		if at[k] >= 0 {
			b = pg.Blocks[at[k]]
			it.zone = string(b.Zone)
			it.key = foldKey(b.Text)
			it.desc = describe(b)
			it.tag = b.Tag
		} else {
			it.unmatched = true
			it.key = foldKey(q)
		}
		switch {
		case first < 0:
			it.pos = posNoText
		case k < first && head >= 0 && at[k] >= 0 && at[k] < head:
			it.pos = posBefore
		case k < first:
			it.pos = posAbove
		case k > last:
			it.pos = posAfter
		default:
			it.pos = posInside
		}
		it.shape = shapeOf(b, q, it.unmatched)
		c.items = append(c.items, it)
		c.words += it.words
	}
}

// headlineBlock is the index of the page's headline: the first heading
// whose text is the article's title, -1 when none is.
func headlineBlock(blocks []article.Block, title string) int {
	tt := tokens(title)
	if len(tt) == 0 {
		return -1
	}
	ts := shingleSet(tt)
	for i, b := range blocks {
		if b.Level == 0 && b.Zone != article.ZoneHeading {
			continue
		}
		if toks := tokens(b.Text); len(toks) > 0 && covered(toks, ts) >= 0.8 {
			return i
		}
	}
	return -1
}

var (
	dateLike = regexp.MustCompile(`\b(1[89]|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d\d\b|(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|(?i)\b\d{1,2}\.? (jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)`)
	byLike   = regexp.MustCompile(`(?i)^(by|von|par|por|di|door|av|від|автор|posted by|written by|written|published|updated|posted)(\s|:|$)`)
	capLike  = regexp.MustCompile(`(?i)^(photo|foto|image|picture|pic|bild|credit|source|quelle|fuente|kaynak|fotoğraf|фото|video|watch)(\s|:|$)|©|\(photo|getty images|reuters/|/ap\b|afp/`)
)

// shapeOf is a noise paragraph's shape, the first that fits in this
// order: a heading, a list item, a link-dense block, a caption or credit,
// a date or author line, a short line (up to ten words), a table cell,
// prose.
func shapeOf(b article.Block, q string, unmatched bool) string {
	n := len(tokens(q))
	switch {
	case !unmatched && (b.Level > 0 || b.Zone == article.ZoneHeading):
		return "heading"
	case !unmatched && b.Tag == "li":
		return "list item"
	case !unmatched && b.LinkDensity >= 0.5:
		return "link-dense"
	case b.Zone == article.ZoneCaption || b.Tag == "figcaption" || n <= 40 && capLike.MatchString(q):
		return "caption-like"
	case n <= 15 && (byLike.MatchString(q) || dateLike.MatchString(q)):
		return "date/author line"
	case n <= 10:
		return "short"
	case !unmatched && (b.Tag == "td" || b.Tag == "th"):
		return "table cell"
	default:
		return "prose"
	}
}

// foldKey is a text's tokens, digits folded, for telling a block
// printed on several pages of a set.
func foldKey(s string) string {
	toks := tokens(s)
	if len(toks) == 0 {
		return ""
	}
	k := strings.Join(toks, " ")
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '0'
		}
		return r
	}, k)
}

// print writes the set's noise by zone, by position, by shape and by
// the three together, each ranked by words: aggregates only, so a
// held-out set may print them.
func (c *causeTally) print(w io.Writer, name string) {
	type count struct{ paras, words int }
	zone, pos, shape, all := map[string]*count{}, map[string]*count{}, map[string]*count{}, map[string]*count{}
	tag, rw := map[string]*count{}, map[string]*count{}
	add := func(m map[string]*count, k string, words int) {
		if m[k] == nil {
			m[k] = &count{}
		}
		m[k].paras++
		m[k].words += words
	}
	for _, it := range c.items {
		s := it.shape
		if c.pagesOf[it.key] >= 2 {
			s = shapeRepet
		}
		add(zone, it.zone, it.words)
		add(pos, it.pos, it.words)
		add(shape, s, it.words)
		add(all, it.pos+" / "+s+" / "+it.zone, it.words)
		add(tag, it.tag, it.words)
		add(rw, it.refWords, it.words)
	}
	line := func(label string, m map[string]*count, top int) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if m[keys[i]].words != m[keys[j]].words {
				return m[keys[i]].words > m[keys[j]].words
			}
			return keys[i] < keys[j]
		})
		if top > 0 && len(keys) > top {
			keys = keys[:top]
		}
		var parts []string
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("%s %d words (%.0f%%, %d paragraphs)", k, m[k].words, 100*ratio(m[k].words, c.words), m[k].paras))
		}
		fmt.Fprintf(w, "%-12s noise by %s: %s\n", name, label, strings.Join(parts, "; "))
	}
	fmt.Fprintf(w, "%-12s noise causes over %d paragraphs, %d words\n", name, len(c.items), c.words)
	line("position", pos, 0)
	line("shape", shape, 0)
	line("zone", zone, 0)
	line("tag", tag, 12)
	line("reference's single words held", rw, 0)
	line("position / shape / zone, top 12", all, 12)
}

// list writes every noise paragraph with its causes, for -v on a
// development set.
func (c *causeTally) list(w io.Writer, name string) {
	for _, it := range c.items {
		s := it.shape
		if c.pagesOf[it.key] >= 2 {
			s = shapeRepet
		}
		fmt.Fprintf(w, "%s %s noise cause %s / %s / %s (%s) %d words: %.160s\n", name, it.page, it.pos, s, it.zone, it.desc, it.words, it.text)
	}
}

// wordsIn is the share of toks that are words of the reference (refSet
// holds its single tokens too).
func wordsIn(toks []string, refSet map[string]bool) float64 {
	if len(toks) == 0 {
		return 0
	}
	n := 0
	for _, t := range toks {
		if refSet[t] {
			n++
		}
	}
	return float64(n) / float64(len(toks))
}

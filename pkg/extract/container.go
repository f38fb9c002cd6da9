package extract

import (
	"math"
	"net/url"
	"strings"

	"golang.org/x/net/html/atom"
)

// Container thresholds, in non-space characters of paragraph text.
const (
	minParagraph = 25  // shorter blocks are labels, not paragraphs
	minArticle   = 200 // a container with less is no article
	maxBodies    = 64  // Rules.Body matches considered
	closeRival   = 0.85
	minListPara  = 100 // a list item this long, a sentence, is a paragraph
	maxHeadWords = 12  // a comment's head line: a name, a time, a reply link
)

// layout is the article structure the zones are resolved against.
type layout struct {
	main   int32   // the article container, -1 if none
	bodies []int32 // with Rules.Body: the body containers; else nil
	// page: the article's paragraphs sit in <body> itself, which is then
	// main; its link lines are the page's furniture, not the article's.
	page bool
	// leads are containers before main, under its parent, that hold the
	// article's opening: body like main's.
	leads []int32
}

// paragraphLike blocks count towards container scores: prose, not labels,
// list items or link lists.
func paragraphLike(b *rawBlock) bool {
	if b.chars < minParagraph || b.linkChars*2 >= b.chars || b.node == nil {
		return false
	}
	switch b.node.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return proseHeading(b)
	case atom.Li, atom.H1, atom.Dt, atom.Th, atom.Figcaption, atom.Caption, atom.Summary, atom.Legend:
		return false
	}
	return true
}

// minProseHeading is the least text, in non-space characters, of a
// heading element that is a paragraph set large.
const minProseHeading = 400

// proseHeading reports a lesser heading element that holds a paragraph:
// sentences, 400 letters or more, few links. Old editors set a whole
// paragraph in an h2 or h3 for its size; a headline or a standfirst is
// a line or two.
func proseHeading(b *rawBlock) bool {
	return b.chars >= minProseHeading && b.linkChars*5 < b.chars && sentence(b.text) &&
		strings.Contains(b.text, ". ")
}

// aggregate scores candidate containers the way readability does, from
// the paragraphs below them, and sums block text over every subtree. It is
// linear: each block touches at most three elements, and the subtree sums
// run once over the elements in reverse pre-order (children before parents).
func (w *walker) aggregate() {
	w.threadShapes()
	w.proseComments()
	w.sum(false)
}

// listPara reports a list item that is a paragraph of its own: a long
// sentence with few links, a point of a story told as a list. Menus and
// teasers are short or links.
func listPara(b *rawBlock) bool {
	return b.node != nil && b.node.DataAtom == atom.Li && b.chars >= minListPara &&
		b.linkChars*10 <= b.chars && sentence(b.text)
}

// sum adds up the blocks' text and scores into the elements; with lists,
// list items that are paragraphs (listPara) count too.
func (w *walker) sum(lists bool) {
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.elem < 0 {
			continue
		}
		e := &w.elems[b.elem]
		e.chars += b.chars
		e.linkChars += b.linkChars
		if !paragraphLike(b) && !(lists && listPara(b)) {
			continue
		}
		e.para += b.chars
		e.ownPara += b.chars
		s := 1 + float64(strings.Count(b.text, ",")) + math.Min(float64(b.chars)/100, 3)
		// Paragraphs under furniture count less, per furniture ancestor:
		// a page wrapper with a stray "sidebar" class weakens everything
		// equally, while comments inside it still rank below the article.
		n := 0
		for m := b.marks; m != nil && n < 4; m = m.parent {
			if !m.header && !m.prose {
				n++
			}
		}
		if b.thread {
			n++ // a thread without a comment word counts as one with it
		}
		s /= float64(1 + 3*n)
		// A p scores its parent. So does a div holding nothing but its
		// own text, as div-soup sites write paragraphs in divs; a div with
		// br-separated paragraphs among other blocks scores itself.
		target := b.elem
		if leafy(b.node.DataAtom) || e.end == b.elem+1 {
			target = e.parent
		}
		if target >= 0 {
			w.elems[target].near += b.chars
		}
		for level := 1.0; target >= 0 && level <= 3; level++ {
			w.elems[target].score += s / level
			target = w.elems[target].parent
		}
	}
	for i := len(w.elems) - 1; i > 0; i-- {
		e := &w.elems[i]
		if p := e.parent; p >= 0 {
			w.elems[p].chars += e.chars
			w.elems[p].linkChars += e.linkChars
			w.elems[p].para += e.para
			if e.flags&flagArticle == 0 {
				w.elems[p].ownPara += e.ownPara
			}
		}
	}
}

func (w *walker) within(e, c int32) bool {
	return c >= 0 && e >= c && e < w.elems[c].end
}

// blocksIn returns the blocks within element c, in document order; none
// for c < 0.
func (w *walker) blocksIn(c int32) []rawBlock {
	if c < 0 {
		return nil
	}
	return w.blocks[w.elems[c].firstBlock:w.elems[c].endBlock]
}

// container picks the article. When prose under a comment word outweighs
// the choice, the word gives way and the choice is made again.
//
// A page with no container then may tell its story as a list of long
// points, which count as paragraphs for a last choice; elsewhere a list
// of long items (a FAQ box, a feature list) would outscore the article.
func (w *walker) container() layout {
	l := w.pick()
	if len(w.proseMarks) > 0 && w.proseWins(l) {
		w.resum(false)
		l = w.pick()
	}
	if l.main < 0 && l.bodies == nil {
		w.resum(true)
		if ll := w.pick(); ll.main >= 0 {
			return ll
		}
		w.resum(false)
	}
	return l
}

func (w *walker) resum(lists bool) {
	for i := range w.elems {
		e := &w.elems[i]
		e.score, e.chars, e.linkChars, e.para, e.ownPara, e.near = 0, 0, 0, 0, 0, 0
	}
	w.sum(lists)
}

// pick chooses the article: a source's rules, then microdata
// articleBody, then the <article> holding most of the prose, then the
// best-scoring element.
func (w *walker) pick() layout {
	if l, ok := w.ruleLayout(); ok {
		return l
	}
	if body := w.articleBody(); body >= 0 {
		// The article around the body holds its heading and lead, which are
		// article text too; without one, the body is the article.
		for a := w.elems[body].parent; a >= 0; a = w.elems[a].parent {
			if w.elems[a].flags&(flagArticle|flagArticleScope) != 0 && w.elems[a].flags&flagNoCandidate == 0 {
				return layout{main: a}
			}
		}
		return layout{main: body}
	}
	// outside is the prose in no <article> at all: the best article must
	// hold a good share of the page's prose beside it. Prose in other
	// <article>s (teasers, the next story) does not count against it.
	outside, best := 0, 0
	for i := range w.elems {
		e := &w.elems[i]
		if e.parent < 0 {
			outside += e.ownPara
		}
		if e.flags&flagArticle != 0 && e.flags&flagNoCandidate == 0 {
			best = max(best, e.ownPara)
		}
	}
	if best >= minArticle && best*10 >= (outside+best)*3 {
		// The first substantial one: later ones are often the next story
		// of an infinite scroll, and nested ones are comments or teasers,
		// whose text does not count for the article around them.
		for i := range w.elems {
			e := &w.elems[i]
			if e.flags&flagArticle != 0 && e.flags&flagNoCandidate == 0 && e.ownPara*2 >= best {
				if t := w.titledArticle(int32(i)); t >= 0 {
					return layout{main: t}
				}
				return layout{main: int32(i)}
			}
		}
	}
	main := w.bestScored()
	if b := w.pageBody(main); b >= 0 {
		return layout{main: b, page: true}
	}
	return layout{main: main, leads: w.leads(main)}
}

// articleBody returns the element microdata names the article's body,
// or -1. Some templates put itemprop=articleBody on each paragraph
// instead of their container: when every element so named is a
// paragraph, the body is the nearest element holding them all, not the
// first paragraph alone.
func (w *walker) articleBody() int32 {
	first, body, paras := int32(-1), int32(-1), true
	for i := range w.elems {
		e := &w.elems[i]
		if e.flags&flagArticleBody == 0 || e.chars == 0 {
			continue
		}
		paras = paras && leafy(e.node.DataAtom) && headingLevel(e.node.DataAtom) == 0
		if first < 0 {
			first = int32(i)
		}
		if body < 0 {
			body = int32(i)
			continue
		}
		if !paras {
			break
		}
		for body >= 0 && !w.within(int32(i), body) {
			body = w.elems[body].parent
		}
	}
	if body >= 0 && (w.elems[body].flags&flagArticleBody != 0 || (paras && w.elems[body].flags&flagNoCandidate == 0)) {
		return body
	}
	// Not only paragraphs: the first element named, as before.
	return first
}

// pageBody returns <body> when the page's prose sits in it directly, with
// no element of its own around the paragraphs: more of it than any
// candidate container holds (old hand-written pages, plain documents,
// text between a menu table and a footer). Else -1.
func (w *walker) pageBody(best int32) int32 {
	for i := range w.elems {
		e := &w.elems[i]
		if e.node.DataAtom != atom.Body {
			continue
		}
		// A body with no element of its own holds its text as a lone div
		// does, which scores its parent (sum): here <html>, never a
		// candidate. Its text is all its prose then.
		near := e.near
		if e.end == int32(i)+1 {
			near = e.para
		}
		if near < minArticle || e.linkChars*2 >= e.chars || (best >= 0 && near <= w.elems[best].para) {
			return -1
		}
		return int32(i)
	}
	return -1
}

func (w *walker) final(i int32) float64 {
	e := &w.elems[i]
	if e.flags&flagNoCandidate != 0 || e.chars == 0 {
		return 0
	}
	s := e.score * (1 - float64(e.linkChars)/float64(e.chars))
	if e.flags&flagPositive != 0 {
		s *= 1.25
	}
	// Prose that sits in <article>s nested inside is theirs: an element
	// whose prose is mostly in them is a list of stories or comments, or a
	// wrapper of the one article, which then stands for itself.
	if e.ownPara*2 < e.para {
		s *= float64(e.ownPara) / float64(e.para)
	}
	return s
}

func (w *walker) bestScored() int32 {
	best, bestScore := int32(-1), 0.0
	for i := range w.elems {
		if s := w.final(int32(i)); s > bestScore {
			best, bestScore = int32(i), s
		}
	}
	if best < 0 {
		return -1
	}
	// Reader comments, promotions and the next story come after the
	// article far more often than before it: of two close candidates
	// apart from each other, the first in reading order is the article.
	// Not a first one with no name beside a best one named as an article
	// ("post-body entry-content", <article>): the text before a blog's
	// post is more often its "about me" box than the post.
	named := w.elems[best].flags&(flagPositive|flagArticle) != 0
	for i := int32(0); i < best; i++ {
		if w.within(best, i) || w.final(i) < closeRival*bestScore || w.elems[i].para < minArticle ||
			(named && w.elems[i].flags&(flagPositive|flagArticle) == 0) {
			continue
		}
		best, bestScore = i, w.final(i)
		break
	}
	if p := w.titledPost(best); p >= 0 {
		best, bestScore = p, w.final(p)
	}
	if p := w.namedAfter(best, bestScore); p >= 0 {
		best, bestScore = p, w.final(p)
	}
	// A long thread of readers' comments outscores a short post above
	// it, though each of its paragraphs counts less under its comment
	// word; chosen, it leaves no article text outside comments. Comments
	// follow the article: the best candidate before the thread, outside
	// it, is the article when it holds one.
	thread := int32(-1) // a thread by its shape, left out of the article
	if c := w.threadAround(best); c >= 0 {
		if alt := w.beforeThread(c); alt >= 0 {
			best, bestScore = alt, w.final(alt)
		}
	} else if w.shapedThread(best) {
		// The same with no comment word: the choice's prose is mostly
		// comments by their shape (threadShapes), rows of name, time and
		// text in a table of their own below the story. Their heads
		// may read as date lines, so no zone marks them comments: the
		// article stops short of the thread.
		if alt := w.beforeThread(best); alt >= 0 {
			thread = best
			best, bestScore = alt, w.final(alt)
		}
	}
	// A long text far below the headline (a terms-of-use dialog, a
	// policy box after the page's footer) can outscore the article: the
	// candidate the headline opens is the article then.
	if thread < 0 {
		if h := w.openedByHeadline(best, bestScore); h >= 0 {
			best, bestScore = h, w.final(h)
		}
	}
	// An article split by an ad into sibling containers scores about as
	// well from their common parent: take the parent then.
	for p := w.elems[best].parent; p >= 0 && w.final(p) >= 0.75*bestScore && (thread < 0 || !w.within(thread, p)); p = w.elems[p].parent {
		best = p
	}
	if s := w.sections(best); thread < 0 || !w.within(thread, s) {
		best = s
	}
	if thread < 0 {
		best = w.scatteredCells(best)
	}
	if w.elems[best].para < minArticle && !w.shortArticle(best) {
		return w.namedBrief(best)
	}
	return best
}

// minShort is the least prose of a short article under its headline.
const minShort = 100

// minTitleLine is the least length, in bytes, of a headline matched
// against <title>.
const minTitleLine = 16

func (w *walker) ruleLayout() (layout, bool) {
	if w.rules == nil {
		return layout{}, false
	}
	l := layout{main: -1}
	for i := range w.elems {
		f := w.elems[i].flags
		if f&flagRuleArticle != 0 && l.main < 0 {
			l.main = int32(i)
		}
		if f&flagRuleBody != 0 && len(l.bodies) < maxBodies {
			l.bodies = append(l.bodies, int32(i))
		}
	}
	return l, l.main >= 0 || len(l.bodies) > 0
}

// mailLink stands in hrefs for a block that is one mail link: a link
// off the site, to no page.
const mailLink = "mailto:"

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func (w *walker) isRuleTitle(b *rawBlock) bool {
	if w.rules == nil {
		return false
	}
	for _, n := range w.rules.title {
		if n == b.node {
			return true
		}
	}
	return false
}

// baseURL is the page URL, or the document's <base href> resolved against it.
func (w *walker) baseURL() *url.URL {
	if w.base == "" {
		return w.pageURL
	}
	b, err := url.Parse(w.base)
	if err != nil {
		return w.pageURL
	}
	if w.pageURL != nil {
		b = w.pageURL.ResolveReference(b)
	}
	if !b.IsAbs() {
		return w.pageURL
	}
	return b
}

// resolveLink returns href as an absolute http(s) URL, or "" when it is
// none: an in-page anchor, a script, a relative link without a base.
func resolveLink(base *url.URL, href string) string {
	if href == "" || href[0] == '#' {
		return ""
	}
	if s, ok := fastResolve(base, href); ok {
		return s
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return strings.ToValidUTF8(u.String(), "\uFFFD")
}

// fastResolve handles the common links without parsing: absolute http(s)
// URLs and root-relative paths made of plain characters, for which parsing
// and re-serialising gives the same string back. Teaser-heavy pages have
// hundreds of links, and net/url is a tenth of the work otherwise.
func fastResolve(base *url.URL, href string) (string, bool) {
	if base == nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" || base.User != nil {
		return "", false
	}
	abs := strings.HasPrefix(href, "https://") || strings.HasPrefix(href, "http://")
	if !abs && (len(href) < 2 || href[0] != '/' || href[1] == '/') {
		return "", false
	}
	for i := 0; i < len(href); i++ {
		switch c := href[i]; {
		case c <= ' ' || c >= 0x7f:
			return "", false
		case strings.IndexByte("%\\\"<>`{}|^[]@", c) >= 0:
			return "", false
		}
	}
	if strings.Contains(href, "/.") {
		return "", false
	}
	if abs {
		rest := href[strings.Index(href, "://")+3:]
		if rest == "" || rest[0] == '/' || rest[0] == '?' || rest[0] == '#' || strings.ContainsRune(rest[:hostEnd(rest)], ':') {
			return "", false // no host, or a port to normalise
		}
		return href, true
	}
	return base.Scheme + "://" + base.Host + href, true
}

func hostEnd(s string) int {
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		return i
	}
	return len(s)
}

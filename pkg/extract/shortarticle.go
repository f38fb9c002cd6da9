package extract

import (
	"strings"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// This file holds the checks for a short article the scores pass over:
// a post a heading names, a brief under its headline, the first prose
// after the headline (container.go chooses among the candidates).

// titledPost returns the post that a heading <title> names heads, when
// the choice is headed by no such heading, or -1: a blog prints its name
// in the h1 and the post's title in an h2 or h3 inside the post's box
// ("post", "entry", <article>), and a longer unnamed text before it (the
// blog's own blurb, a notice) outscores a short post. The heading is the
// first h2 to h4 that names the title, in no box of furniture words and
// with prose between it and the choice; the post is its nearest ancestor
// named as an article with a short article's prose, apart from the
// choice.
func (w *walker) titledPost(choice int32) int32 {
	titled := func(b *rawBlock) int {
		if b.node == nil || b.elem < 0 {
			return 0
		}
		level := headingLevel(b.node.DataAtom)
		if level == 0 || level > 4 || b.linkChars*2 >= b.chars || !w.namesTitle(b.text) {
			return 0
		}
		return level
	}
	t := -1
	for i := range w.blocks {
		if titled(&w.blocks[i]) > 1 {
			t = i
			break
		}
	}
	if t < 0 || furnitureMarked(w.blocks[t].marks) || w.firstProse(t, choice) {
		return -1
	}
	a := w.blocks[t].elem
	for ; a >= 0; a = w.elems[a].parent {
		e := &w.elems[a]
		if w.within(choice, a) || e.flags&flagNoCandidate != 0 {
			return -1
		}
		if e.flags&(flagPositive|flagArticle) != 0 && e.para >= minShort && e.linkChars*3 < e.chars {
			break
		}
	}
	if a < 0 || w.within(a, choice) {
		return -1
	}
	// The choice headed already: a heading that names the title in it
	// or in the post around it (up to its parent's parent, short of the
	// element that holds the titled post too).
	post := choice
	for level := 0; level < 2; level++ {
		p := w.elems[post].parent
		if p < 0 || w.elems[p].flags&flagNoCandidate != 0 || w.within(a, p) {
			break
		}
		post = p
	}
	for i := range w.blocks {
		if b := &w.blocks[i]; titled(b) > 0 && w.within(b.elem, post) {
			return -1
		}
	}
	return a
}

// furnitureMarked reports a mark chain holding a furniture word's zone.
func furnitureMarked(m *mark) bool {
	for ; m != nil; m = m.parent {
		if m.zone != "" && m.zone != article.ZoneHeader {
			return true
		}
	}
	return false
}

// shortArticle reports a container with less prose than an article needs
// that is one all the same: the page's headline (its first h1, or on a
// page with none the line <title> writes) opens it or stands right above it, and its text is prose, not links (a third at
// most: a brief's tags and share links). A news
// brief of two sentences is an article; a page of links with a blurb, or
// a "page not found" notice under a lesser heading, is not.
func (w *walker) shortArticle(best int32) bool {
	e := &w.elems[best]
	if e.para < minShort || e.linkChars*3 >= e.chars {
		return false
	}
	t := w.firstTitle
	if t < 0 {
		t = w.titleLine(best)
	}
	if t < 0 {
		return false
	}
	h := w.blocks[t].elem
	if w.within(h, best) {
		return true
	}
	// The headline over the text: before it, under its parent or the
	// parent's parent (the post around the body's wrapper).
	a := best
	for level := 0; level < 2 && a >= 0; level++ {
		a = w.elems[a].parent
	}
	if h < best && a >= 0 && w.elems[a].flags&flagNoCandidate == 0 && w.within(h, a) {
		return true
	}
	return h < best && w.firstProse(t, best)
}

// firstProse reports whether the text of candidate c is the first prose
// after block t, the headline: the lines between them are labels, links
// and stamps (a byline, a date, a share bar, a photo), not a sentence.
// An old template nests the post's text deep in cells and wrappers of its
// own, far from the headline in the tree but right under it on the page.
func (w *walker) firstProse(t int, c int32) bool {
	first := int(w.elems[c].firstBlock)
	if t >= first {
		return false
	}
	for i := t + 1; i < first; i++ {
		if b := &w.blocks[i]; paragraphLike(b) && sentence(b.text) {
			return false
		}
	}
	return true
}

// titleLine stands for the first h1 on a page that has none: an old
// page sets its headline in bold or a lesser heading. It is the block
// that <title> opens with (less the site's name), or that opens with
// <title>'s first part (a date after it), not a link: the first inside
// the choice, else the last before it. -1 when none.
func (w *walker) titleLine(best int32) int {
	tt := clean(w.titleText)
	head := tt
	for _, sep := range titleSeps {
		if i := strings.Index(head, sep); i > 0 {
			head = head[:i]
		}
	}
	if len(head) < minTitleLine {
		return -1
	}
	found := -1
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.elem >= w.elems[best].end {
			break
		}
		if b.linkChars*2 >= b.chars || len(b.text) < minTitleLine ||
			!(strings.HasPrefix(tt, b.text) || strings.HasPrefix(b.text, head)) {
			continue
		}
		found = i
		if b.elem >= best {
			break
		}
	}
	return found
}

// namedBrief returns the box named as an article around a choice too
// short to be one (the choice itself or the nearest such ancestor that is
// one, up to six levels up) when that box is a brief: a short article by its
// headline (shortArticle), or 50 letters of prose or more, few links,
// under a heading that names <title> (h1 to h4, inside the box or the
// last heading before its text with no sentence between; a link to
// the post's own page or not). A blog prints
// its name in the h1 and the post's title in an h2 over the post's box
// ("entry", "post-body", <article>); a brief's one or two sentences
// there score under minShort, or apart in paragraphs of their own, the
// best of them alone. Else -1.
func (w *walker) namedBrief(best int32) int32 {
	for a, level := best, 0; a >= 0 && level <= maxBriefClimb && w.elems[a].flags&flagNoCandidate == 0; a, level = w.elems[a].parent, level+1 {
		if w.elems[a].flags&(flagPositive|flagArticle) != 0 && w.brief(a) {
			return a
		}
	}
	return -1
}

// brief reports a box named as an article that is a brief (namedBrief).
func (w *walker) brief(a int32) bool {
	e := &w.elems[a]
	if e.para < minBrief || e.linkChars*3 >= e.chars {
		return false
	}
	if e.para >= minShort && w.shortArticle(a) {
		return true
	}
	// the post around the box: its parent's parent, short of <body>
	post := a
	for level := 0; level < 2; level++ {
		if p := w.elems[post].parent; p >= 0 && w.elems[p].flags&flagNoCandidate == 0 {
			post = p
		}
	}
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.elem >= e.end {
			break
		}
		if b.node == nil || headingLevel(b.node.DataAtom) == 0 || headingLevel(b.node.DataAtom) > 4 ||
			w.furnitureApart(b.marks, a) || !w.namesTitle(b.text) {
			continue
		}
		if w.within(b.elem, a) || w.firstProse(i, a) || w.within(b.elem, post) {
			return true
		}
	}
	return false
}

// furnitureApart reports a furniture word's zone in the mark chain m on
// an element that is not a nor around it: words on the page's wrapper
// weigh on the article and the heading alike, and tell them nothing.
func (w *walker) furnitureApart(m *mark, a int32) bool {
	for ; m != nil; m = m.parent {
		if m.zone != "" && m.zone != article.ZoneHeader && !w.within(a, m.elem) {
			return true
		}
	}
	return false
}

// minBrief is the least prose of a brief in a box named as an article
// under a heading that names <title>.
const minBrief = 50

// maxBriefClimb is how far above the choice namedBrief looks for the
// brief's box: a post's box, its body and the body's wrappers.
const maxBriefClimb = 6

// maxShortChoice is the most prose of a choice with no article name that
// namedAfter weighs against a named box after it.
const maxShortChoice = 500

// namedAfter returns the first box named as an article after a short
// choice with no such name, under the headline that names <title>, or
// -1. Between a blog's headline and its post's box ("entry",
// "post-body entry-content") a template may print a few lines of its
// own (a notice, an intro to the series, the author's blurb) that
// outscore a post as short; the post's box scores two fifths of the
// choice or more, holds 50 letters of prose with few links, has no
// furniture word apart from it and no like siblings (a list of teasers
// named "entry" is no post).
func (w *walker) namedAfter(best int32, bestScore float64) int32 {
	c := &w.elems[best]
	t := w.firstTitle
	if c.flags&(flagPositive|flagArticle) != 0 || c.para >= maxShortChoice || t < 0 {
		return -1
	}
	if h := w.blocks[t].elem; h < 0 || h >= best || !w.namesTitle(w.blocks[t].text) {
		return -1
	}
	for i := c.end; i < int32(len(w.elems)); i++ {
		e := &w.elems[i]
		if e.flags&(flagPositive|flagArticle) == 0 || e.flags&flagNoCandidate != 0 || w.final(i) < namedShare*bestScore ||
			e.para < minBrief || e.linkChars*3 >= e.chars {
			continue
		}
		if bs := w.blocksIn(i); len(bs) == 0 || w.furnitureApart(bs[0].marks, i) || w.likeRun(i) > 0 {
			return -1
		}
		return i
	}
	return -1
}

// namedShare is the least score, against the choice's, of the named box
// namedAfter takes.
const namedShare = 0.4

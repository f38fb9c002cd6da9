package extract

import (
	"math"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// This file holds how the blocks inside and around the chosen layout are
// zoned: body, furniture words, emptied articles, the blocks in order
// (container.go chooses the layout).

// inBody and inMain say where elem e sits. Without body rules the whole
// article is body.
func (w *walker) inBody(l *layout, e int32) bool {
	if l.bodies == nil {
		if w.within(e, l.main) {
			return true
		}
		for _, b := range l.leads {
			if w.within(e, b) {
				return true
			}
		}
		return false
	}
	for _, b := range l.bodies {
		if w.within(e, b) {
			return true
		}
	}
	return false
}

// encloses reports whether e is an ancestor-or-self of the article or a
// body container: such an element's classes describe the page, not the
// block ("page has-sidebar"), and are ignored.
func (w *walker) encloses(l *layout, e int32) bool {
	if w.within(l.main, e) {
		return true
	}
	for _, b := range l.bodies {
		if w.within(b, e) {
			return true
		}
	}
	return false
}

// furniture is the zone of the innermost mark that counts for elem e with
// mark chain m, or "".
func (w *walker) furniture(l *layout, e int32, m *mark) article.Zone {
	if m := w.furnitureMark(l, e, m); m != nil {
		return m.zone
	}
	return ""
}

// furnitureMark is the innermost mark that counts for elem e with mark
// chain m, or nil.
func (w *walker) furnitureMark(l *layout, e int32, m *mark) *mark {
	inArticle := w.within(e, l.main) || w.inBody(l, e)
	for ; m != nil; m = m.parent {
		if m.forced {
			return m
		}
		// A comment word on prose outside the article leaves it
		// unknown; inside, holdsArticle judges it against the article.
		if w.encloses(l, m.elem) || (m.header && inArticle) || w.holdsArticle(l, m) ||
			(w.keepMain && w.yields(l, m)) ||
			(m.prose && !w.within(m.elem, l.main)) || (inArticle && w.embed(m)) {
			continue
		}
		return m
	}
	return nil
}

// zones turns raw blocks into wire blocks with their zone hints.
//
// The container was chosen for its prose, its class words counted
// against it; when the words inside it then zone all of that prose
// away (comment, related, aside), the page has no article left. The
// words give way then: the choice's prose outweighed them once already.
func (w *walker) zones(l *layout) []article.Block {
	w.countSentences()
	out := w.zoneBlocks(l)
	if w.emptied(l, out) {
		w.keepMain = true
		out = w.zoneBlocks(l)
	}
	return out
}

// emptied reports a container whose paragraphs, an article's worth,
// all went to zones of class words inside it: not one is body.
func (w *walker) emptied(l *layout, out []article.Block) bool {
	if l.main < 0 || l.bodies != nil || l.page {
		return false
	}
	zoned := 0
	for i := range out {
		b := &w.blocks[i]
		if b.elem < 0 || !w.within(b.elem, l.main) {
			continue
		}
		if out[i].Zone == article.ZoneBody || b.thread {
			return false // an article left, or a thread by its shape
		}
		if paragraphLike(b) && w.innerWords(l, b.marks) {
			zoned += b.chars
		}
	}
	return zoned >= minShort
}

// innerWords reports a block's chain of marks with class-word marks
// inside the container l.main, each of which yields.
func (w *walker) innerWords(l *layout, m *mark) bool {
	n := 0
	for ; m != nil; m = m.parent {
		if !w.within(m.elem, l.main) || m.elem == l.main {
			continue
		}
		if !w.yields(l, m) {
			return false
		}
		n++
	}
	return n > 0
}

// yields reports a class-word mark inside the container that gives way
// when the words emptied it: not a comment word on one of a list of like
// items, as a thread's comments are (a photo page's thread chosen for
// want of an article stays a thread).
func (w *walker) yields(l *layout, m *mark) bool {
	return m.weak && !m.forced && m.elem != l.main && w.within(m.elem, l.main)
}

// zoneBlocks zones the blocks against the layout.
func (w *walker) zoneBlocks(l *layout) []article.Block {
	base := w.baseURL()
	out := make([]article.Block, len(w.blocks))
	hrefs := make([]string, len(w.blocks)) // the one link of a mostly-link block
	for i := range w.blocks {
		b := &w.blocks[i]
		tag, level := "body", 0
		if b.node != nil {
			tag, level = b.node.Data, headingLevel(b.node.DataAtom)
			if level > 1 && proseHeading(b) {
				level = 0
			}
		}
		z := w.furniture(l, b.elem, b.marks)
		if z == "" {
			switch {
			case l.page && level == 0 && b.linkChars*2 >= b.chars:
				// Menus and link rows around prose that has no
				// container of its own.
				z = article.ZoneNav
			case w.inBody(l, b.elem) && level > 0:
				z = article.ZoneHeading
			case w.inBody(l, b.elem):
				z = article.ZoneBody
			case w.within(b.elem, l.main) && level > 0:
				z = article.ZoneHeading
			case w.isRuleTitle(b):
				z = article.ZoneHeading
			case i == w.firstTitle:
				// The page's first h1 is the headline even when the
				// container scored is only the body column beside it.
				z = article.ZoneHeading
			default:
				z = article.ZoneUnknown
			}
		}
		out[i] = article.Block{
			I:           i,
			Text:        b.text,
			Tag:         tag,
			Zone:        z,
			LinkDensity: math.Round(float64(b.linkChars)/float64(b.chars)*1000) / 1000,
			Level:       level,
		}
		if !b.multiHref && b.href != "" && b.linkChars*2 >= b.chars {
			hrefs[i] = resolveLink(base, b.href)
			if b.linkChars*10 >= b.chars*8 {
				out[i].Link = hrefs[i]
			}
			if hrefs[i] == "" && hasPrefixFold(b.href, "mailto:") {
				// a writer's address under the text, never a teaser
				hrefs[i] = mailLink
			}
		}
	}
	markLeads(out)
	w.markDecks(out)
	host := ""
	if base != nil {
		host = base.Hostname()
	}
	shapeBody(out, hrefs, host)
	w.leadTeasers(out)
	markComments(out)
	return out
}

package extract

import (
	"strings"

	"golang.org/x/net/html/atom"
)

// Thresholds for the article under its headline.
const (
	minOpened       = 2 * minArticle // prose of the candidate the headline opens
	headlineShare   = 0.25           // of the best score, that candidate's least
	minFurnitureGap = minArticle     // link text between it and the choice
)

// openedByHeadline returns the candidate container that the page's
// headline opens, when the choice lies apart from it further down the
// page, or -1. The headline is the first h1 when it is no link (a logo)
// and <title> names it: the page's own story. Its article is the first
// container after it with prose of an article, with no other prose
// between them; the choice beats it on score, but lies after it with
// the page's furniture (menus, teaser lists, link rows: link text)
// between them, where a site puts a policy box, a sign-up dialog's
// terms or a thread, never the story's own body. A lead and its body,
// or the body and a note under it, stand side by side with no links
// between: leads and sections join those.
func (w *walker) openedByHeadline(best int32, bestScore float64) int32 {
	t := w.firstTitle
	if t < 0 {
		return -1
	}
	hb := &w.blocks[t]
	h := hb.elem
	if h < 0 || w.within(h, best) || h > best || hb.linkChars*2 >= hb.chars || !w.namesTitle(hb.text) {
		return -1
	}
	// The first block after the headline that is prose: its container
	// is the story's, up to the largest one that ends before the choice.
	first := -1
	for i := t + 1; i < len(w.blocks); i++ {
		b := &w.blocks[i]
		if b.elem >= best {
			return -1
		}
		if paragraphLike(b) {
			first = i
			break
		}
	}
	if first < 0 {
		return -1
	}
	pick, pickScore := int32(-1), 0.0
	for c := w.blocks[first].elem; c >= 0 && c > h; c = w.elems[c].parent {
		if w.elems[c].end > best {
			break
		}
		if s := w.final(c); s > pickScore && w.elems[c].para >= minOpened {
			pick, pickScore = c, s
		}
	}
	if pick < 0 || pickScore < headlineShare*bestScore {
		return -1
	}
	// The page's furniture between the story and the choice.
	links := 0
	for i := first; i < len(w.blocks); i++ {
		b := &w.blocks[i]
		if b.elem >= best {
			break
		}
		if b.elem >= w.elems[pick].end {
			links += b.linkChars
		}
	}
	if links < minFurnitureGap {
		return -1
	}
	return pick
}

// namesTitle reports a headline that <title> names: the title holds it,
// or it holds the title's first part (the site's name cut off).
func (w *walker) namesTitle(text string) bool {
	tt := clean(w.titleText)
	if len(text) < minTitleLine || tt == "" {
		return false
	}
	if strings.Contains(tt, text) {
		return true
	}
	head := tt
	for _, sep := range titleSeps {
		if i := strings.Index(head, sep); i > 0 {
			head = head[:i]
		}
	}
	return len(head) >= minTitleLine && strings.Contains(text, head)
}

// titledArticle returns the <article> that the page's own headline
// heads, when it is not the choice, or -1. An infinite scroll prints the
// next stories in <article>s like the page's, one under the other, and
// the next one may be twice as long: the page's story is the one whose
// h1 <title> names, inside it or in the wrapper just around it. The climb from the headline stops at the first
// ancestor holding an article of 200 letters or more: the one heading
// it, or the first after the headline there. An ancestor that holds the
// choice too is the page's column, where the headline may sit over the
// whole feed: the choice stands then, unless it is a live blog's post
// (liveBlog).
func (w *walker) titledArticle(choice int32) int32 {
	h := int32(-1)
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.node != nil && b.node.DataAtom == atom.H1 && b.elem >= 0 && b.linkChars*2 < b.chars && w.namesTitle(b.text) {
			h = b.elem
			break
		}
	}
	if h < 0 || w.within(h, choice) {
		return -1
	}
	substantial := func(i int32) bool {
		e := &w.elems[i]
		return e.flags&flagArticle != 0 && e.flags&flagNoCandidate == 0 && e.ownPara >= minArticle
	}
	next := h + 1 // elements after the headline already looked at end here
	for a := h; a >= 0; a = w.elems[a].parent {
		if substantial(a) {
			return a
		}
		if w.within(choice, a) {
			return w.liveBlog(a, choice)
		}
		for ; next < w.elems[a].end; next++ {
			if substantial(next) {
				return next
			}
		}
	}
	return -1
}

// minPosts is the least number of like <article>s that make a live
// blog's run of posts.
const minPosts = 3

// liveBlog returns the run of posts that a live blog's page tells its
// story in, when the choice is one of them, or -1. The <article> that
// holds the page's headline (a, an ancestor of the choice) has almost
// no prose of its own (a tenth of an article at most: its standfirst),
// and the choice stands among three or more like <article>s (one tag
// and class) under one parent, which together hold half of a's prose
// or more: each post is a part of the story, not the next one, and the
// longest alone would leave the rest out. With a story of its own in
// a, nested articles are its readers' comments, and the choice stands.
func (w *walker) liveBlog(a, choice int32) int32 {
	outer := &w.elems[a]
	if outer.flags&flagArticle == 0 || outer.flags&flagNoCandidate != 0 || outer.ownPara >= minArticle {
		return -1
	}
	c := &w.elems[choice]
	p := c.parent
	if c.flags&flagArticle == 0 || p < 0 || !w.within(p, a) {
		return -1
	}
	class := attr(c.node, "class")
	n, para := 0, 0
	for i := p + 1; i < w.elems[p].end; i = w.elems[i].end {
		e := &w.elems[i]
		if e.flags&flagArticle != 0 && e.node.Data == c.node.Data && attr(e.node, "class") == class {
			n++
			para += e.para
		}
	}
	if n < minPosts || para*2 < outer.para {
		return -1
	}
	return p
}

package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// Thresholds for reading a comment-worded element as one article.
const (
	proseRunParas = 3    // paragraphs in one unbroken run
	proseRunChars = 400  // non-space characters in that run
	proseRunShare = 0.6  // of the element's paragraph text
	proseRunBreak = 0.5  // short lines among the run's paragraphs, per paragraph
	maxProseMarks = 1024 // comment marks judged on one page
)

// proseRun is a run of paragraphs that share one parent element.
type proseRun struct {
	parent       int32
	chars, paras int
	// breaks are the other blocks of the same parent between the run's
	// paragraphs (name and stamp lines); pending are those after its last.
	breaks, pending int
}

// threadStat is what the blocks below one comment mark look like.
type threadStat struct {
	total     int // paragraph text below the mark
	cur, best proseRun
	prose     bool
}

func (s *threadStat) end() {
	if s.cur.chars > s.best.chars {
		s.best = s.cur
	}
	s.cur = proseRun{parent: -1}
}

// proseComments reads the elements whose class or id carries a comment
// word by what they hold. Reader comments are a list of items, each its
// own element with a name line and a stamp before a short text, so their
// paragraphs have as many parents as there are comments, or, written flat,
// a name and a stamp line between every paragraph or two. An article is
// one long run of paragraphs in one parent with few short lines between
// them: an opinion column ("comment", "yorum", "комментарий"), a page
// template that calls everything below the headline a comment block.
// Such a mark is set prose, and counts for nothing in the container
// scores and zones: the class word is a prior, and the shape of the text
// outweighs it.
func (w *walker) proseComments() {
	var stats map[*mark]*threadStat
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.elem < 0 {
			continue
		}
		for m := b.marks; m != nil; m = m.parent {
			if !m.weak {
				continue
			}
			if stats == nil {
				stats = make(map[*mark]*threadStat)
			}
			s := stats[m]
			if s == nil {
				if len(stats) >= maxProseMarks {
					continue
				}
				s = &threadStat{cur: proseRun{parent: -1}, best: proseRun{parent: -1}}
				stats[m] = s
			}
			s.add(w, i)
		}
	}
	for m, s := range stats {
		s.end()
		r := s.best
		s.prose = r.paras >= proseRunParas && r.chars >= proseRunChars &&
			float64(r.chars) >= proseRunShare*float64(s.total) &&
			float64(r.breaks) <= proseRunBreak*float64(r.paras) &&
			!w.repeated(m.elem)
	}
	// One long comment reads as prose by itself: it is the thread around
	// it that says comment. A mark is prose only when every mark of its
	// zone around it is.
	for m, s := range stats {
		if !s.prose {
			continue
		}
		ok := true
		for a := m.parent; a != nil; a = a.parent {
			if as := stats[a]; as != nil && !as.prose && a.zone == m.zone {
				ok = false
				break
			}
		}
		if ok {
			w.proseMarks = append(w.proseMarks, proseMark{m: m, run: s.best.chars})
		}
	}
}

// proseMark is a comment mark whose element reads as one article, with
// the length of its longest run of paragraphs.
type proseMark struct {
	m   *mark
	run int
}

// proseWins sets prose the class-word marks whose elements read as an
// article and are the article by more than their shape: they hold the
// page's headline (the first h1), inside the container chosen with the
// marks counted or beside it when it lacks the headline; or, beside it,
// clearly more of the article than it: twice its paragraph text. Then
// the class word gives way. A long reader's comment, or a sidebar's long
// box, beside or below a real article stays, as the article holds the
// headline or outweighs it. It reports whether any mark changed.
func (w *walker) proseWins(l layout) bool {
	if l.bodies != nil {
		return false
	}
	para := 0
	if l.main >= 0 {
		para = w.elems[l.main].para
	}
	changed := false
	for _, p := range w.proseMarks {
		e := p.m.elem
		if l.main >= 0 && w.within(l.main, e) {
			continue // around the article: its words are the page's
		}
		inside := l.main >= 0 && w.within(e, l.main)
		title := w.firstTitle >= 0 && w.within(w.blocks[w.firstTitle].elem, e)
		// Beside the container chosen, the longest run alone does not
		// outweigh it: a sidebar's long box is no reason to leave the
		// article. The headline does, when the container lacks it.
		if title && !inside && l.main >= 0 && w.within(w.blocks[w.firstTitle].elem, l.main) {
			title = false
		}
		if title || (!inside && p.run >= 2*para) {
			p.m.prose = true
			changed = true
		}
	}
	return changed
}

// repeated reports an element with a sibling of the same tag and classes
// beside it: one item of a list, as comments are.
func (w *walker) repeated(e int32) bool {
	n := w.elems[e].node
	class := attr(n, "class")
	same := func(s *html.Node) bool {
		return s != nil && s.Data == n.Data && attr(s, "class") == class
	}
	p, q := n.PrevSibling, n.NextSibling
	for p != nil && p.Type != html.ElementNode {
		p = p.PrevSibling
	}
	for q != nil && q.Type != html.ElementNode {
		q = q.NextSibling
	}
	return same(p) || same(q)
}

// add counts block i, which sits below the mark.
func (s *threadStat) add(w *walker, i int) {
	b := &w.blocks[i]
	parent := b.elem
	if b.node != nil && (leafy(b.node.DataAtom) || w.elems[b.elem].end == b.elem+1) {
		parent = w.elems[b.elem].parent
	}
	if !paragraphLike(b) {
		if parent == s.cur.parent && s.cur.paras > 0 {
			s.cur.pending++
		}
		return
	}
	s.total += b.chars
	if parent != s.cur.parent {
		s.end()
		s.cur = proseRun{parent: parent}
	}
	s.cur.chars += b.chars
	s.cur.paras++
	s.cur.breaks += s.cur.pending
	s.cur.pending = 0
}

// threadShapes marks the blocks of readers' comment threads by their
// shape, before the article is chosen, as markComments zones them after:
// a name line and a stamp line, or one line holding both, then the
// comment's prose, two such or more in a row. A thread with no comment
// word (a table layout's rows of name, time and text below the story)
// otherwise scores like the story, and longer. A head before any
// paragraph after the headline is the article's byline, not a comment's.
func (w *walker) threadShapes() {
	bs := w.blocks
	short := func(i, n int) bool { return !sentence(bs[i].text) && lineWordsAtMost(bs[i].text, n) }
	prose := func(i int) bool {
		b := &bs[i]
		return b.linkChars*2 < b.chars && sentence(b.text) && wordsUpTo(b.text, 6) >= 6 && headingLevel(atomOf(b)) == 0
	}
	unit := func(i int) int {
		if i+1 >= len(bs) {
			return -1
		}
		j := i + 2
		switch {
		case short(i, 3) && short(i+1, 5) && strings.ContainsAny(bs[i+1].text, "0123456789") && headingLevel(atomOf(&bs[i])) == 0:
		case nameStamp(bs[i].text):
			j = i + 1
		default:
			return -1
		}
		head := j
		for j < len(bs) && prose(j) {
			j++
		}
		if j == head {
			return -1
		}
		for j < len(bs) && wordsUpTo(bs[j].text, 3) <= 2 && bs[j].linkChars*2 >= bs[j].chars {
			j++ // a reply or like link
		}
		return j
	}
	// prose after the headline: before it, a head is the byline's
	seen := false
	for i := 0; i < len(bs); {
		if !seen {
			seen = i > w.firstTitle && paragraphLike(&bs[i])
			i++
			continue
		}
		end := unit(i)
		if end < 0 {
			i++
			continue
		}
		next := unit(end)
		if next < 0 {
			i = end
			continue
		}
		for end >= 0 {
			for k := i; k < end; k++ {
				bs[k].thread = true
			}
			i, end = end, unit(end)
		}
	}
}

func atomOf(b *rawBlock) atom.Atom {
	if b.node == nil {
		return 0
	}
	return b.node.DataAtom
}

// threadAround returns the innermost element around the choice, or the
// choice itself, that a comment word names and that holds a thread: its
// paragraphs in three runs or more, each under a parent of its own (one
// comment each) and opened by a head line (threadRuns), not one
// article's run (proseComments). Else -1. The
// innermost: one long comment may have been chosen inside the thread,
// and a wrapper around the thread may hold the post too.
func (w *walker) threadAround(best int32) int32 {
	var first *rawBlock
	in := w.blocksIn(best)
	for i := range in {
		if paragraphLike(&in[i]) {
			first = &in[i]
			break
		}
	}
	if first == nil {
		return -1
	}
	for m := first.marks; m != nil; m = m.parent {
		if m.zone == article.ZoneComment && m.weak && !m.prose && w.within(best, m.elem) && w.threadRuns(m.elem) >= 3 {
			return m.elem
		}
	}
	return -1
}

// shapedThread reports an element whose paragraph text is mostly in blocks
// threadShapes took for readers' comments.
func (w *walker) shapedThread(best int32) bool {
	all, thread := 0, 0
	in := w.blocksIn(best)
	for i := range in {
		if b := &in[i]; paragraphLike(b) {
			all += b.chars
			if b.thread {
				thread += b.chars
			}
		}
	}
	return thread*2 > all
}

// threadRuns counts, up to three, the runs of paragraphs under one
// parent in element c that a head opens: a short line that is no
// paragraph and no heading (a name, a time, a reply link) between the
// run and the one before. A thread's comments have heads; an article
// whose paragraphs each sit in a wrapper of their own has none.
func (w *walker) threadRuns(c int32) int {
	runs, last, head := 0, int32(-1), true
	in := w.blocksIn(c)
	for i := 0; i < len(in) && runs < 3; i++ {
		b := &in[i]
		if !paragraphLike(b) {
			if b.node != nil && headingLevel(b.node.DataAtom) == 0 && wordsUpTo(b.text, maxHeadWords+1) <= maxHeadWords {
				head = true
			}
			continue
		}
		parent := b.elem
		if leafy(b.node.DataAtom) || w.elems[b.elem].end == b.elem+1 {
			parent = w.elems[b.elem].parent
		}
		if parent != last && head {
			runs++
		}
		last, head = parent, false
	}
	return runs
}

// beforeThread returns the best candidate before thread c and outside it
// that holds an article's prose, or -1.
func (w *walker) beforeThread(c int32) int32 {
	best, bestScore := int32(-1), 0.0
	for i := int32(0); i < c; i++ {
		if w.within(c, i) {
			continue // around the thread
		}
		if s := w.final(i); s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 || (w.elems[best].para < minArticle && !w.shortArticle(best)) {
		return -1
	}
	return best
}

package extract

import "golang.org/x/net/html/atom"

// Thresholds for running text scattered over a table's cells.
const (
	maxCellShare  = 0.25 // of the page's free prose, the most a cell chosen holds
	minTableShare = 0.75 // of it, the least the table taken instead holds
	maxTableLinks = 0.25 // link share of each element climbed through
)

// freeProse reports a block of running text under no furniture word
// and in no comment by its shape: a paragraph ending a sentence.
func freeProse(b *rawBlock) bool {
	if b.elem < 0 || !paragraphLike(b) || !sentence(b.text) || b.thread {
		return false
	}
	for m := b.marks; m != nil; m = m.parent {
		if !m.header && !m.prose {
			return false
		}
	}
	return true
}

// scatteredCells widens a table cell, row or body chosen as the article
// to the nearest element around it that holds most of the page's running
// text, when the choice holds a small part of it: an old table layout
// sets its text cell by cell (a catalogue's entries, a story's parts
// between image cells), the scores reach three levels up, and one cell
// then outscores the table. Each element climbed through is text, not
// links: a menu column stops the climb. A container of another kind (a
// story's div beside a promotions table) is the article as chosen:
// prose elsewhere on the page is no part of it.
func (w *walker) scatteredCells(best int32) int32 {
	switch w.elems[best].node.DataAtom {
	case atom.Td, atom.Tr, atom.Tbody:
	default:
		return best
	}
	free := func(bs []rawBlock) int {
		n := 0
		for i := range bs {
			if freeProse(&bs[i]) {
				n += bs[i].chars
			}
		}
		return n
	}
	total := free(w.blocks)
	if total < 2*minArticle || float64(free(w.blocksIn(best))) >= maxCellShare*float64(total) {
		return best
	}
	for a := w.elems[best].parent; a >= 0 && w.elems[a].flags&flagNoCandidate == 0; a = w.elems[a].parent {
		e := &w.elems[a]
		if float64(e.linkChars) > maxTableLinks*float64(e.chars) {
			break
		}
		if float64(free(w.blocksIn(a))) >= minTableShare*float64(total) {
			return a
		}
	}
	return best
}

package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/net/html/atom"

	"github.com/wiredesk/wiredesk/internal/zyte"
)

var causesGT = flag.String("causes-gt", "", "with -causes: the directory bench/extract's -gtcache filled for the same set: go-trafilatura's text of each page, by the page's hash")

// gtText is go-trafilatura's text of a page from bench/extract's cache
// (-heldout DIR -gtcache CACHE), and whether the cache holds it.
func gtText(page []byte) (string, bool) {
	if *causesGT == "" {
		return "", false
	}
	sum := sha256.Sum256(page)
	b, err := os.ReadFile(filepath.Join(*causesGT, hex.EncodeToString(sum[:12])+".txt"))
	if err != nil {
		return "", false
	}
	return string(b), true
}

// benchLost reports a page lost as bench/extract's -heldout counts it
// on its * rows: recall under 0.1 of the article text, with the title
// in front where the reference opens with the title either extractor
// found.
func benchLost(page []byte, truth string) bool {
	u, _ := url.Parse("http://localhost/page.html")
	r, err := Extract(bytes.NewReader(page), u, nil)
	if err != nil {
		return true
	}
	text := r.ArticleText()
	var gtTitle []byte
	if *causesGT != "" {
		sum := sha256.Sum256(page)
		gtTitle, _ = os.ReadFile(filepath.Join(*causesGT, hex.EncodeToString(sum[:12])+".title"))
	}
	if opensWith(truth, r.Title) || opensWith(truth, string(gtTitle)) {
		if r.Title != "" {
			text = r.Title + "\n\n" + text
		}
	}
	return zyte.Match(truth, text).Recall() < 0.1
}

// opensWith is bench/extract's: the reference's opening holds the
// title, in letters and digits only, case folded.
func opensWith(truth, title string) bool {
	t := foldLetters(title, 200)
	return len(t) >= 10 && strings.Contains(foldLetters(truth, 1500), t)
}

func foldLetters(s string, max int) string {
	var sb strings.Builder
	for _, r := range s {
		if sb.Len() >= max {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}

// elemText is the text of element e's blocks, a line each.
func (w *walker) elemText(e int32) string {
	var sb strings.Builder
	for _, b := range w.blocksIn(e) {
		sb.WriteString(b.text)
		sb.WriteString("\n")
	}
	return sb.String()
}

// leastHolding is the least element (no <html> or <body>) whose blocks
// hold 0.7 of what all the page's blocks hold of text, by the
// benchmark's token recall; -1 if none, and the recall in all blocks.
func (w *walker) leastHolding(text string) (int32, float64) {
	var all strings.Builder
	for i := range w.blocks {
		all.WriteString(w.blocks[i].text)
		all.WriteString("\n")
	}
	in := zyte.Match(text, all.String()).Recall()
	want := in * 0.7
	if want < 0.1 {
		return -1, in
	}
	ref := int32(-1)
	for i := range w.elems {
		e := int32(i)
		if w.elems[i].flags&flagNoCandidate != 0 || w.elems[i].chars == 0 {
			continue
		}
		if (ref < 0 || w.within(e, ref)) && zyte.Match(text, w.elemText(e)).Recall() >= want {
			ref = e
		}
	}
	return ref, in
}

// relation says where element e stands against the container c, in a
// fixed vocabulary.
func (w *walker) relation(e, c int32) string {
	switch {
	case c < 0:
		return "no container"
	case e < 0:
		return "only <body> holds it"
	case e == c:
		return "same"
	case w.within(e, c):
		return "inside"
	case w.within(c, e):
		return "ancestor"
	case w.elems[e].parent == w.elems[c].parent:
		return "sibling"
	case e < c:
		return "disjoint before"
	}
	return "disjoint after"
}

// gtProfile says, for a lost page, whether go-trafilatura keeps it
// (recall 0.1 or more against the reference, no title) and where its
// text lies against the container chosen.
func (w *walker) gtProfile(l *layout, truth, gt string) string {
	keeps := "go-trafilatura loses it"
	if zyte.Match(truth, gt).Recall() >= 0.1 {
		keeps = "go-trafilatura keeps it"
	}
	if len(strings.Fields(gt)) == 0 {
		return keeps + ", no text"
	}
	e, in := w.leastHolding(gt)
	if in < 0.1 {
		return keeps + ", its text in no block"
	}
	return fmt.Sprintf("%s, its text %s the container; that element %s", keeps, w.relation(e, l.main), w.candKind(e))
}

// candKind names an element's kind in a fixed vocabulary: how it is
// named (an article by markup, an article word, a table or list part),
// the zone word on it, and the innermost zone word around it.
func (w *walker) candKind(e int32) string {
	if e < 0 {
		return "none"
	}
	el := &w.elems[e]
	kind := "plain"
	switch {
	case el.flags&(flagArticle|flagArticleScope|flagArticleBody) != 0:
		kind = "article"
	case el.flags&flagPositive != 0:
		kind = "named"
	}
	switch el.node.DataAtom {
	case atom.Table, atom.Tbody, atom.Tr, atom.Td, atom.Th:
		kind += " cell"
	case atom.Ul, atom.Ol, atom.Li, atom.Dl:
		kind += " list"
	case atom.Body:
		kind = "body"
	}
	own, under := "", ""
	if bs := w.blocksIn(e); len(bs) > 0 {
		for m := bs[0].marks; m != nil && under == ""; m = m.parent {
			switch {
			case m.header:
			case m.elem == e && own == "":
				own = " +" + string(m.zone)
				if m.prose {
					own += "(prose)"
				}
			case m.elem < e:
				under = " under " + string(m.zone)
			}
		}
	}
	return kind + own + under
}

// candidates tally: the container chosen against the candidate whose
// text scores best against the reference (F1), by kind, with that F1
// and its score as a share of the choice's.
func (w *walker) candProfile(l *layout, truth string) string {
	best, bestF := int32(-1), 0.0
	for i := range w.elems {
		e := int32(i)
		if w.final(e) <= 0 {
			continue
		}
		if f := zyte.Match(truth, w.elemText(e)).F1(); f > bestF {
			best, bestF = e, f
		}
	}
	fb := func(f float64) string { return fmt.Sprintf("%.1f", float64(int(f*5))/5) }
	if best < 0 {
		return "no candidate holds the reference"
	}
	share := "no container"
	if l.main >= 0 {
		share = fmt.Sprintf("score %s of the choice's", fb(min(w.final(best)/max(w.final(l.main), 1e-9), 1.0)))
	}
	return fmt.Sprintf("chosen %s; best %s, F1 %s, %s the chosen; %s", w.candKind(l.main), w.candKind(best), fb(bestF), w.relation(best, l.main), share)
}

// briefProfile says, for a lost page with no container, what the
// candidate of best F1 against the reference is: its prose, links and
// kind, where the headline stands, and whether it scores best.
func (w *walker) briefProfile(truth string) string {
	best, bestF := int32(-1), 0.0
	top, topScore := int32(-1), 0.0
	for i := range w.elems {
		e := int32(i)
		s := w.final(e)
		if s <= 0 {
			continue
		}
		if s > topScore {
			top, topScore = e, s
		}
		if f := zyte.Match(truth, w.elemText(e)).F1(); f > bestF {
			best, bestF = e, f
		}
	}
	if best < 0 {
		return "no candidate holds the reference"
	}
	e := &w.elems[best]
	bucket := func(n int) string {
		for _, b := range []int{25, 50, 75, 100, 150, 200} {
			if n < b {
				return fmt.Sprintf("<%d", b)
			}
		}
		return ">=200"
	}
	head := "no h1"
	t := w.firstTitle
	if t < 0 {
		if t = w.titleLine(best); t >= 0 {
			head = "title line"
		}
	} else {
		head = "h1"
	}
	if t >= 0 {
		h := w.blocks[t].elem
		switch {
		case w.within(h, best):
			head += " inside"
		case h > best:
			head += " after"
		case w.firstProse(t, best):
			head += " before, first prose after it"
		default:
			head += " before, prose between"
		}
	}
	if w.firstTitle >= 0 && w.namesTitle(w.blocks[w.firstTitle].text) {
		head += " (h1 names <title>)"
	}
	if t >= 0 && w.blocks[t].elem < best {
		n, marked := 0, 0
		for i := t + 1; i < int(e.firstBlock); i++ {
			if b := &w.blocks[i]; paragraphLike(b) && sentence(b.text) {
				n++
				if furnitureMarked(b.marks) {
					marked++
				}
			}
		}
		if n > 0 {
			head += fmt.Sprintf(" (%d prose blocks between, %d under furniture words)", min(n, 5), marked)
		}
	}
	titled := "no lesser heading names <title>"
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.node == nil || headingLevel(b.node.DataAtom) < 2 || headingLevel(b.node.DataAtom) > 4 || !w.namesTitle(b.text) {
			continue
		}
		switch {
		case w.within(b.elem, best):
			titled = "an h2-h4 naming <title> inside"
		case b.elem < best:
			titled = "an h2-h4 naming <title> before"
			if w.firstProse(i, best) {
				titled += " (first prose after it)"
			}
		default:
			titled = "an h2-h4 naming <title> after"
		}
		if b.linkChars*2 >= b.chars {
			titled += " (a link)"
		}
		if w.furnitureApart(b.marks, best) {
			titled += " (furniture words)"
		}
		break
	}
	head += "; " + titled
	rank := "top scorer"
	if top != best {
		rank = "not top: the top " + w.relation(top, best) + " it"
	}
	return fmt.Sprintf("%s para %s chars %s links %d%%, %s; %s; F1 %.1f; reference words %d", w.candKind(best), bucket(e.para), bucket(e.chars),
		e.linkChars*100/max(e.chars, 1)/10*10, head, rank, float64(int(bestF*5))/5, min(len(strings.Fields(truth))/25*25, 100))
}

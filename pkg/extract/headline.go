package extract

import "strings"

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

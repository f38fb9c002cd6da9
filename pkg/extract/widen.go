package extract

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// endsSentence reports whether the text of element e ends a sentence:
// a lead does, where a photo's caption ends with its credit and a byline
// with its date.
func (w *walker) endsSentence(e int32) bool {
	last := ""
	if in := w.blocksIn(e); len(in) > 0 {
		last = in[len(in)-1].text
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(last, " \u00a0\"'”»)]*"))
	return strings.ContainsRune(".!?…。", r)
}

// Leads: how many containers before the article's may be its lead.
const maxLeads = 6

// leads returns the article's opening cut off from its body: the prose
// containers right before the chosen one under the same parent, back to
// the first that is no prose (the byline, the headline), skipping those
// with no text (a photo, an empty ad slot). Templates set the first
// paragraph or the standfirst apart ("first-par", "intro") with a picture
// between it and the body, and the scores, counted per container, leave
// it out. A lead is prose with few links and no furniture words, and
// shorter than the body; none when the headline is in the container.
func (w *walker) leads(main int32) []int32 {
	if main < 0 {
		return nil
	}
	p := w.elems[main].parent
	if p < 0 {
		return nil
	}
	// What comes before the headline is not the article's (an author's
	// box over a column, a site's blurb).
	if t := w.firstTitle; t >= 0 && w.within(w.blocks[t].elem, main) {
		return nil
	}
	var before []int32
	for j := p + 1; j < main; j = w.elems[j].end {
		before = append(before, j)
	}
	var out []int32
	para, inserts := 0, 0
	for i := len(before) - 1; i >= 0 && len(out) < maxLeads; i-- {
		s := &w.elems[before[i]]
		if s.chars == 0 {
			continue
		}
		if s.para == 0 || s.para*10 < s.chars*8 || s.linkChars*10 > s.chars ||
			s.flags&flagNoCandidate != 0 || w.furnitureWords(s.node) || !w.endsSentence(before[i]) {
			// One box of links set into the story ("Related
			// articles") between its lead and its body.
			if len(out) > 0 || inserts > 0 || s.linkChars*2 < s.chars {
				break
			}
			inserts++
			continue
		}
		para += s.para
		out = append(out, before[i])
	}
	if para == 0 || para >= w.elems[main].para {
		return nil
	}
	return out
}

// Sections: how far above the chosen container the run of its like
// siblings is looked for, and how much prose each needs.
const (
	maxSectionLevels = 5
	minSectionShare  = 0.2  // of the chosen container's paragraph text, in a run of three or more
	maxSectionLinks  = 0.05 // link share of a section: teaser boxes open with a linked headline
	maxSectionsLinks = 0.34 // link share of the sections' parent: a teaser or two between modules
	minSectionsShare = 0.7  // of the parent's paragraph text in the sections
)

// furnitureWords reports an element whose class or id names furniture
// (comments, a sidebar, a promotion).
func (w *walker) furnitureWords(n *html.Node) bool {
	var ci classInfo
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && a.Val != "" && a.Namespace == "" {
			w.tok.scan(a.Val, &ci)
		}
	}
	return ci.zone != "" && ci.zone != article.ZoneHeader
}

// sections widens the article from the container chosen to the ancestor
// whose prose sits in a run of containers shaped like it: long texts that
// old sites cut into one table, cell or paragraph-wrapped block per
// section, templates that cut the story into modules between their
// teasers, ads and media, and a stack of posts that the page is. The
// scores only reach three levels up, so such an article's parent scores
// less than its best section. Sections are the ancestor's children alike
// the one holding the choice (alike), each with some of its prose and few
// links; they must hold most of the ancestor's prose, so that a column of
// teasers, a footer row or a comment list beside the article does not
// widen it. A class word on the sections ("sidebar-grid",
// "article-widget") is the template's name for its modules when each
// holds prose: only a comment word keeps a section out, as a thread is a
// run of like items too, and so does a thread by its shape (rows of name,
// time and text in a table like the story's).
func (w *walker) sections(best int32) int32 {
	para := w.elems[best].para
	c := best
	for level := 0; level < maxSectionLevels; level++ {
		a := w.elems[c].parent
		if a < 0 || w.elems[a].flags&flagNoCandidate != 0 {
			break
		}
		ae := &w.elems[a]
		if ae.chars == 0 || float64(ae.linkChars) > maxSectionsLinks*float64(ae.chars) {
			break
		}
		n := w.elems[c].node
		// k, sum: the sections; after: those after the chosen one with
		// less than half its prose.
		k, sum, after := 0, 0, 0
		for j := a + 1; j < ae.end; j = w.elems[j].end {
			s := &w.elems[j]
			if !alike(s.node, n) {
				continue
			}
			if float64(s.para) < minSectionShare*float64(para) || s.para < minArticle/2 ||
				float64(s.linkChars) > maxSectionLinks*float64(s.chars) || w.commentWords(s.node) ||
				(j != c && w.shapedThread(j)) {
				continue
			}
			k++
			sum += s.para
			if j > c && s.para*2 < para {
				after++
			}
		}
		// Of two like sections, a short one after the story is as often
		// a boilerplate box ("About us") as its end; one before it is its
		// opening, cut off by a photo or a teaser. Three or more are a
		// template's cut.
		if (k >= 3 || (k == 2 && after == 0)) && float64(sum) >= minSectionsShare*float64(ae.para) {
			return a
		}
		c = a
	}
	return best
}

// alike reports siblings of one kind: the same tag and class, and the
// same id or none ("left" and "right" columns are no sections), or ids
// a template numbered ("post-12", a UUID per module).
func alike(s, n *html.Node) bool {
	if s.DataAtom != n.DataAtom || s.Data != n.Data || attr(s, "class") != attr(n, "class") {
		return false
	}
	a, b := attr(s, "id"), attr(n, "id")
	return a == b || (numbered(a) && numbered(b))
}

func numbered(id string) bool {
	return strings.ContainsAny(id, "0123456789")
}

// commentWords reports an element whose class or id names comments.
func (w *walker) commentWords(n *html.Node) bool {
	var ci classInfo
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && a.Val != "" && a.Namespace == "" {
			w.tok.scan(a.Val, &ci)
		}
	}
	return ci.zone == article.ZoneComment
}

// holdsArticle reports a class-word mark on an element that holds at least
// half of the article's paragraph text: the words said furniture
// ("content-with-sidebar", "js-search-mark"), the prose says article, and
// the prose wins.
//
// The article may also be cut into a run of like containers that each
// carry the word ("section-and-ad" around every paragraph and its ad
// slot): the run, the element and its siblings of the same tag, class
// and id, holds the article then. Not a comment word's: a thread is such
// a run.
func (w *walker) holdsArticle(l *layout, m *mark) bool {
	if !m.weak || l.main < 0 || !w.within(m.elem, l.main) {
		return false
	}
	if m.prose { // the shape of one article (proseWins)
		return true
	}
	para := w.elems[l.main].para
	if e := &w.elems[m.elem]; e.para*2 >= para && e.para >= minArticle {
		return true
	}
	// Readers' comments are a run of like containers too: a comment word
	// gives way to the shape of one article (proseWins), or on a run
	// whose one member gave way already, holding half the article.
	if m.zone == article.ZoneComment {
		if !m.likeDone {
			m.likeDone = true
			m.inModule = w.articleRun(m.elem, para)
		}
		return m.inModule
	}
	if !m.likeDone {
		m.likeDone = true
		m.likePara = w.likeRun(m.elem)
		m.inModule = w.inModule(l, m, para) || w.proseBox(m)
	}
	return (m.likePara*2 >= para && m.likePara >= minArticle) || m.inModule
}

// inModule reports a mark on prose inside a module of the article that
// holds the article, or stands in a run of like modules that does, and
// whose class the element's class extends, as a template names a block's
// parts ("sidebar-grid__content" in "sidebar-grid"): the module's word
// gave way to its prose, and the same word on its own wrappers is the
// template's too. The element must be prose itself, most of its text in
// paragraphs with few links, so that an ad slot or a share bar inside the
// module keeps its word; and a box of another name inside it (a caption, a
// newsletter form) keeps its zone.
func (w *walker) inModule(l *layout, m *mark, para int) bool {
	ee := &w.elems[m.elem]
	if ee.para < minParagraph || ee.para*10 < ee.chars*8 || ee.linkChars*4 > ee.chars {
		return false
	}
	for p := m.parent; p != nil; p = p.parent {
		if p.zone != m.zone || !p.weak || p.elem == l.main || !w.within(p.elem, l.main) ||
			!extendsClass(ee.node, w.elems[p.elem].node) {
			continue
		}
		if pe := &w.elems[p.elem]; pe.para*2 >= para && pe.para >= minArticle {
			return true
		}
		if r := w.likeRun(p.elem); r*2 >= para && r >= minArticle {
			return true
		}
	}
	return false
}

// proseBox reports a class-word mark inside the article on an element
// that is the article's own prose: a page builder's text block named as
// a widget ("elementor-widget" around each of the story's sections),
// two hundred characters or more of paragraphs, almost no links, ending
// a sentence. A real box inside a story (a promotion, a share bar, a
// teaser with its linked headline) is short, or links, or labels.
// Captions, footers and headers keep their words.
func (w *walker) proseBox(m *mark) bool {
	switch m.zone {
	case article.ZoneAside, article.ZoneNav, article.ZoneRelated:
	default:
		return false
	}
	e := &w.elems[m.elem]
	return e.para >= minArticle && e.para*10 >= e.chars*8 && e.linkChars*10 <= e.chars && w.endsSentence(m.elem)
}

// extendsClass reports an element whose class names a part of outer's:
// one of its classes is one of outer's, or one of outer's followed by
// "__" or "-" and more.
func extendsClass(n, outer *html.Node) bool {
	oc := strings.Fields(attr(outer, "class"))
	for c := range strings.FieldsSeq(attr(n, "class")) {
		for _, o := range oc {
			if rest, ok := strings.CutPrefix(c, o); ok && (rest == "" || strings.HasPrefix(rest, "__") || strings.HasPrefix(rest, "-")) {
				return true
			}
		}
	}
	return false
}

// likeRun is the paragraph text of element e and its siblings alike it
// when there are two or more of them and they are
// prose, three quarters of their text outside links; else 0.
func (w *walker) likeRun(e int32) int {
	p := w.elems[e].parent
	if p < 0 {
		return 0
	}
	n := w.elems[e].node
	k, para, chars, links := 0, 0, 0, 0
	for j := p + 1; j < w.elems[p].end; j = w.elems[j].end {
		s := &w.elems[j]
		if !alike(s.node, n) {
			continue
		}
		k++
		para += s.para
		chars += s.chars
		links += s.linkChars
	}
	if k < 2 || links*4 > chars {
		return 0
	}
	return para
}

// articleRun reports a comment-worded element in a run of like siblings
// that is the article cut in parts ("story__text js-comments-target"
// around the text on each side of an ad): one of them holds half the
// article's paragraph text by itself, the run is prose (likeRun), and
// no comment by its shape (a name and a time over a text) is in the
// element. A thread's comments are each a small part of the article's
// container, and carry their heads.
func (w *walker) articleRun(e int32, para int) bool {
	p := w.elems[e].parent
	if p < 0 || w.likeRun(e) < minArticle {
		return false
	}
	n := w.elems[e].node
	whole := false
	for j := p + 1; j < w.elems[p].end; j = w.elems[j].end {
		if s := &w.elems[j]; alike(s.node, n) && s.para*2 >= para && s.para >= minArticle {
			whole = true
			break
		}
	}
	if !whole {
		return false
	}
	for i := range w.blocks {
		if b := &w.blocks[i]; b.thread && w.within(b.elem, e) {
			return false
		}
	}
	return true
}

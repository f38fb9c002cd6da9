package extract

import (
	"golang.org/x/net/html/atom"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// Embedded posts: the least text, outside links, that makes a box inside
// the article classed as furniture a quotation rather than a row of
// buttons or an advertisement.
const minEmbedText = 60

// embed reports a nav or aside word ("social", "share", "widget") from
// the class of an element inside the article that quotes sentences in a
// blockquote, its text mostly outside links: a post quoted in the story.
// Share bars, tag lists and breadcrumbs are links and labels.
func (w *walker) embed(m *mark) bool {
	if !m.weak || (m.zone != article.ZoneNav && m.zone != article.ZoneAside) || m.sentences == 0 {
		return false
	}
	e := &w.elems[m.elem]
	return e.linkChars*2 < e.chars && e.chars-e.linkChars >= minEmbedText
}

// countSentences counts, for each class-word nav or aside mark, the
// quoted sentences of the blocks below it that are not links.
func (w *walker) countSentences() {
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.linkChars*2 >= b.chars {
			continue
		}
		for m := b.marks; m != nil; m = m.parent {
			if (m.zone == article.ZoneNav || m.zone == article.ZoneAside) && m.weak {
				if (wordsUpTo(b.text, 6) >= 6 || (sentence(b.text) && wordsUpTo(b.text, 3) >= 3)) && w.quoted(b.elem, m.elem) {
					m.sentences++
				}
				break
			}
		}
	}
}

// quoted reports whether elem e sits in a blockquote inside elem top, or
// is one: an embedded post is a quotation of another site's text, where
// a standfirst or a byline in a "byline-social" header is not.
func (w *walker) quoted(e, top int32) bool {
	for ; e >= top && e >= 0; e = w.elems[e].parent {
		if w.elems[e].node.DataAtom == atom.Blockquote {
			return true
		}
	}
	return false
}

package clean

import (
	"strings"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// Minimum words of a list item the text's list takes back: an item
// that says something beside its link, not a bare headline.
const minListItemWords = 12

// listItemsInText gives the body zone back to the items of a list of the
// text that the extractor's link density cut apart: a numbered digest
// whose items open with a linked headline ("Google has bought X. The
// startup was…") is a teaser list by shape, and the items whose link is
// longest cross the density line. When the list's items before and after
// a run of related-zoned items are body, the run is the same list's, as a
// reader sees it. A teaser list, whose items are all related, is left
// alone. It returns blocks itself when nothing changes, else a copy.
func listItemsInText(blocks []Block) []Block {
	var out []Block
	for n := 1; n < len(blocks); n++ {
		if !listRelated(blocks[n]) || !listBody(blocks[n-1]) {
			continue
		}
		end := n
		for end < len(blocks) && listRelated(blocks[end]) {
			end++
		}
		if end == len(blocks) || !listBody(blocks[end]) {
			n = end
			continue
		}
		if !itemsSay(blocks[n:end]) {
			n = end
			continue
		}
		if out == nil {
			out = append([]Block(nil), blocks...)
		}
		for k := n; k < end; k++ {
			out[k].Zone = article.ZoneBody
		}
		n = end
	}
	if out == nil {
		return blocks
	}
	return out
}

// itemsSay reports items that each say something beside their link.
func itemsSay(items []Block) bool {
	for _, b := range items {
		if countWordsTo(b.Text, minListItemWords) < minListItemWords || b.LinkDensity >= 0.75 {
			return false
		}
	}
	return true
}

func listRelated(b Block) bool { return b.Tag == "li" && b.Zone == article.ZoneRelated }

func listBody(b Block) bool { return b.Tag == "li" && b.Zone == article.ZoneBody }

// amidList reports a list item of the container between two of the same
// list's items that are text, not links: a point of the text's own list
// that links a page of the site ("E-posta listeniz büyümeye başlar"), not
// a teaser, which comes in a run of links. The caller asks only after
// the text's first paragraph: a list over it holds the byline and the
// date ("Yazan: …" linked to the writer's page).
func amidList(blocks []Block, n int) bool {
	item := func(k int) bool {
		return k >= 0 && k < len(blocks) && listBody(blocks[k]) && blocks[k].LinkDensity < 0.5
	}
	return listBody(blocks[n]) && item(n-1) && item(n+1)
}

// listStep reports a point of the container's list that a plain point of
// the same list stands beside, one that is text, not a link and not a
// call to action: the list is the article's steps ("Sign up for …", "If
// you already have an account, …"), so an imperative among them is an
// instruction, not the site's call. A list of the site's calls (follow
// us here, subscribe there) has no such point. The caller asks only
// after the text's first paragraph.
func listStep(blocks []Block, n int, cta func(string) bool) bool {
	plain := func(k int) bool {
		if k < 0 || k >= len(blocks) || !listBody(blocks[k]) || blocks[k].LinkDensity >= 0.5 {
			return false
		}
		text := strings.TrimSpace(blocks[k].Text)
		return countWordsTo(text, 3) >= 3 && !cta(text)
	}
	return listBody(blocks[n]) && (plain(n-1) || plain(n+1))
}

// ctaText is decide's call-to-action check on another block's text.
func (c *Cleaner) ctaText(text string, lc func(string) string) bool {
	lower := lc(text)
	nwords := countWordsTo(text, maxCookieWords+1)
	var cues cueHits
	if nwords <= maxCookieWords {
		cues = c.cues.m.scan(lower)
	}
	return ctaLine(lower, nwords, cues)
}

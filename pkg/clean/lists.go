package clean

import "github.com/wiredesk/wiredesk/pkg/article"

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

package clean

import (
	"strings"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// The standfirst (the deck, the summary a template prints under the
// headline) is the story in brief, set apart from the article's text: the
// analyst reads it in a field of its own (Meta.Standfirst), and the body
// holds the article's paragraphs only.

// Bounds of a standfirst: a sentence or two.
const (
	minStandfirstWords = 5
	maxStandfirstWords = 60
)

// standfirst moves the summary under the headline out of the body: the
// one block kept between the headline (the page's first h1 outside the
// site's furniture) and the byline or date line, when the article's
// running text follows them. The byline and the date open the article
// proper; the block above them is the headline's deck. Without a byline or
// date line between, the block under the headline is as often the lead
// itself, with a photo after it, and stays.
func standfirst(in Input, vs []verdict, res *Result, lc func(string) string) {
	h1 := -1
	for n, b := range in.Blocks {
		if _, furniture := zoneReasons[b.Zone]; b.Level == 1 && !furniture {
			h1 = n
			break
		}
	}
	if h1 < 0 {
		return
	}
	cand := -1
	for n := h1 + 1; n < len(vs); n++ {
		b, v := in.Blocks[n], vs[n]
		kept := v.reason == "" && v.text != ""
		switch {
		case cand < 0 && kept:
			nw := countWordsTo(v.text, maxStandfirstWords+1)
			if nw < minStandfirstWords || nw > maxStandfirstWords || b.Level > 3 || capsHeading(v.text) || nameLine(v.text) {
				// Too short or too long for a summary, a minor heading,
				// a label, a line of names (the byline).
				return
			}
			cand = n
		case cand < 0:
			if metaLine(b, v, lc) {
				return // the byline before any summary
			}
		case metaLine(b, v, lc):
			if !bodyAfter(vs, n) {
				return
			}
			c := &vs[cand]
			res.Meta.Standfirst = c.text
			c.reason, c.body, c.heading = article.ReasonStandfirst, false, false
			return
		case kept:
			return
		}
	}
}

// metaLine reports a byline or a date line: a line the cleaner took for
// one, a line that only credits people wherever the template put it (a
// linked "By Name" in a related or header zone), or the template's date
// in a header zone.
func metaLine(b Block, v verdict, lc func(string) string) bool {
	switch {
	case v.reason == article.ReasonCredit || v.reason == article.ReasonDateline:
		return true
	case b.Level == 0 && countWords(b.Text) <= 12 && creditLine(strings.TrimSpace(b.Text)):
		return true
	case b.Zone != article.ZoneHeader:
		return false
	}
	text := strings.TrimSpace(b.Text)
	if _, _, ok := dateLine(text); ok {
		return true
	}
	return dateOnlyLine(lc(text))
}

// bodyAfter reports a paragraph of the article after block n.
func bodyAfter(vs []verdict, n int) bool {
	for _, v := range vs[n+1:] {
		if v.body && v.reason == "" {
			return true
		}
	}
	return false
}

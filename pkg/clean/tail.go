package clean

import (
	"regexp"
	"strings"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// moreLabelRE matches, in lower case, the label a template puts over a list
// of other stories at the end of the article ("You may also like", "More
// Great X Stories", "Popular on X", "Самые популярные …", "Bunlar da
// ilginizi çekebilir"). \b is ASCII-only in RE2, so a Cyrillic label
// spells its edge out. The label alone decides nothing: tailTeasers asks
// that no running text of the article follows it.
var moreLabelRE = regexp.MustCompile(`^(?:you (?:may|might) (?:also )?(?:like|enjoy)|more(?: \S+){0,3} (?:stories|articles|news|videos|reads)\b|more from\b|most (?:read|popular|viewed)\b|popular (?:on|in|now|stories|articles|posts)\b|recommended(?: for you| stories| articles| reading)?$|editors?[’']? picks\b|related (?:stories|articles|posts|coverage)\b|trending(?: now| stories)?$|самые (?:популярные|читаемые|обсуждаемые)|популярное(?:[^\p{L}\p{N}]|$)|рекомендуем(?:[^\p{L}\p{N}]|$)|вам (?:может быть|будет) интересно|ещ[её] (?:по теме|новости)|больше новостей|другие материалы|(?:bunlar da )?ilginizi çekebilir|en çok (?:okunan|izlenen)|çok okunanlar|editörün seçtikleri|benzer haberler|daha fazla haber|öne çıkan haberler|gündemdeki haberler)`)

// maxMoreLabel is the most words a "more stories" label has.
const maxMoreLabel = 8

// tailTeasers drops the list of other stories at the end of the article's
// text: a "more stories" label among the kept blocks (moreLabelRE) and
// every kept block after it, when nothing after the label is a paragraph
// of the article's running text (over tailProse words, mostly unlinked).
// A label in the middle of the text (a tabloid's "Don't miss" over two
// links) is no end: the article's sentences go on after it.
// Teasers there sit inside the container as often as not, so neither their
// zone nor their own shape gives them away; the label and their place do.
func tailTeasers(in Input, vs []verdict, lc func(string) string) {
	label := -1
	for n := len(vs) - 1; n >= 0; n-- {
		v := vs[n]
		if v.reason != "" || v.text == "" {
			continue
		}
		if v.body && countWordsTo(v.text, tailProse) > tailProse && in.Blocks[n].LinkDensity < 0.3 {
			break
		}
		if countWordsTo(v.text, maxMoreLabel) <= maxMoreLabel && moreLabelRE.MatchString(strings.TrimSpace(lc(v.text))) {
			label = n
		}
	}
	if label < 0 || !bodyBefore(vs, label) {
		return
	}
	for n := label; n < len(vs); n++ {
		v := &vs[n]
		if v.reason == "" && v.text != "" {
			v.reason, v.body, v.heading = article.ReasonRelated, false, false
		}
	}
}

// tailProse is the fewest words of a paragraph of running text that ends
// the search for a "more stories" label: a teaser's summary is shorter.
const tailProse = 15

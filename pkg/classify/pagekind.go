package classify

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// Thresholds for telling a listing page from an article. A listing is
// mostly teaser links with little running text; an article has at least a
// few hundred letters of prose outside links, whatever its sidebars hold.
const (
	minListingLinks   = 5   // link blocks before a page can be a listing
	listingLinkShare  = 0.6 // share of content blocks that are links
	articleProseChars = 400 // prose letters that make a page an article anyway
	minProseChars     = 80  // fewer prose letters than this is no article at all
	proseLinkDensity  = 0.5 // blocks above this are links, not prose
	// shortArticleChars of prose in the extractor's article body make a
	// page an article whatever surrounds it: a short story on a busy
	// portal page has a few sentences in its body and many links around.
	shortArticleChars = 150
)

// notArticle reports a page that is not an article: an error page, a
// listing or index of teasers, or a page with no prose.
func notArticle(p *article.Page) (string, bool) {
	if p.HTTP.Status >= 400 {
		return fmt.Sprintf("HTTP status %d", p.HTTP.Status), true
	}
	links, content, prose, bodyProse := 0, 0, 0, 0
	for _, b := range p.Blocks {
		switch b.Zone {
		case article.ZoneNav, article.ZoneFooter, article.ZoneHeader, article.ZoneComment:
			continue
		}
		content++
		if b.LinkDensity >= proseLinkDensity || b.Link != "" {
			links++
			continue
		}
		switch b.Zone {
		case article.ZoneBody, article.ZoneUnknown:
			if proseShaped(b.Text) {
				n := letters(b.Text)
				prose += n
				if b.Zone == article.ZoneBody {
					bodyProse += n
				}
				if isArticle(prose, bodyProse) {
					// The counts only grow: the rest of the page
					// cannot make it anything else.
					return "", false
				}
			}
		}
	}
	switch {
	case isArticle(prose, bodyProse):
		return "", false
	case links >= minListingLinks && float64(links) >= listingLinkShare*float64(content):
		return fmt.Sprintf("listing: %d of %d blocks are links, %d letters of prose", links, content, prose), true
	case prose < minProseChars && links > 0:
		return fmt.Sprintf("no prose: %d letters outside %d link blocks", prose, links), true
	}
	return "", false
}

// isArticle: this much prose makes a page an article, whatever else it
// holds.
func isArticle(prose, bodyProse int) bool {
	return prose >= articleProseChars || bodyProse >= shortArticleChars
}

// proseShaped reports running text rather than a teaser title: several
// words ending like a sentence, or many words. Words are the cleaner's:
// in Chinese and Japanese, which write no spaces, two characters make one,
// or no paragraph of theirs would be prose.
func proseShaped(text string) bool {
	text = strings.TrimSpace(text)
	n := clean.CountWords(text)
	if n > 25 {
		return true
	}
	if n < 6 || text == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune(".!?…»\"”。！？」』", last)
}

// letters counts s's letters, a character of Chinese or Japanese as
// denseLetters: the thresholds above are in Latin and Cyrillic letters,
// and 外務大臣 says in four characters what "foreign minister" says in
// fifteen letters.
func letters(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				n++
			}
		case r >= 0x410 && r <= 0x44F, r == 0x401, r == 0x451, r >= 0x100 && r <= 0x17F:
			// А-я, Ё, ё, and Latin Extended-A (Turkish's ğ, ı, İ, ş):
			// letters, without asking unicode's tables.
			n++
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			n += denseLetters
		case unicode.IsLetter(r):
			n++
		}
	}
	return n
}

// denseLetters is what a character of Chinese or Japanese counts for in
// letters: a word of theirs is two characters or so, one of English or
// Turkish six letters.
const denseLetters = 3

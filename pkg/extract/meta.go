package extract

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/byline"
)

// result resolves the article layout, the zones and the metadata; zone is
// the source's timezone for times without an offset (nil: by language).
func (w *walker) result(zone *time.Location) *Result {
	w.aggregate()
	l := w.container()
	blocks := w.zones(&l)
	ld := parseJSONLD(w.jsonLD)
	res := &Result{
		CanonicalURL: w.canonicalURL(),
		LangHint:     w.langHint(),
		Blocks:       blocks,
	}
	res.Title = w.title(&l, ld)
	head := w.headline(blocks, res.Title)
	res.Byline, res.Attribution = w.byline(&l, ld, blocks, head)
	pub, upd := w.dates(&l, ld, blocks, head, zones{fixed: zone, lang: res.LangHint})
	res.PublishedAt, res.PublishedPrecision = pub.t, pub.prec
	res.PublishedLocal = pub.local
	res.UpdatedAt, res.UpdatedLocal = upd.t, upd.local
	// The dateline opens the story, which may come after a lead, a date
	// line and a credit that are body too.
	for i, n := 0, 0; i < len(blocks) && n < 6; i++ {
		if blocks[i].Zone != article.ZoneBody || blocks[i].Level > 0 {
			continue
		}
		n++
		if d := dateline(blocks[i].Text); d != "" {
			res.Dateline = d
			break
		}
	}
	return res
}

// headline finds the block holding the title and zones it heading: in
// div soup the headline is a div like any other. It returns the block's
// index, or the first h1's, or -1.
func (w *walker) headline(blocks []article.Block, title string) int {
	if title == "" {
		return w.firstTitle
	}
	// The block that is the title (perhaps in capitals: title took the
	// letter case of og:title), else a heading that holds it beside
	// another part (the site's name, the author, a kicker), an h1 first:
	// title chose that part.
	// A copy in a ticker or the page's menus (the story's name in a
	// share bar, a "latest" list) comes first on some pages, and the
	// lines around it are the menu's: a heading goes first, then a copy
	// outside the menus, then the first copy.
	// byline.Fold maps rune to rune, so a block of another length in runes is
	// not the title in other letters: most blocks are told apart without
	// folding them (folding every block was 6% of extraction).
	found, best := -1, -1
	ft, n := byline.Fold(title, len(title)), utf8.RuneCountInString(title)
	same := func(s string) bool {
		return s == title || runesEqual(s, n) && byline.Fold(s, len(s)) == ft
	}
	for pass := range 2 {
		for i := range blocks {
			b := &blocks[i]
			if !same(b.Text) &&
				(pass == 0 || b.Level == 0 || !strings.Contains(b.Text, title)) {
				continue
			}
			score := 0
			if b.Level > 0 {
				score += 2
			}
			if pass == 1 && b.Level == 1 {
				// An h1 that holds the title beside another part before
				// a lower heading that does ("Kicker - Title" in an h3).
				score += 2
			}
			if !menuZone(b.Zone) {
				score++
			}
			if score > best {
				found, best = i, score
			}
		}
		if found >= 0 {
			break
		}
	}
	if found < 0 {
		return w.firstTitle
	}
	if b := &blocks[found]; b.Zone == article.ZoneBody || b.Zone == article.ZoneUnknown {
		b.Zone = article.ZoneHeading
	}
	return found
}

// menuZone is a zone of the page's menus or footer. (A header zone may
// be the article's own <header>, which holds the headline.)
func menuZone(z article.Zone) bool {
	return z == article.ZoneNav || z == article.ZoneFooter
}

// clean collapses whitespace and repairs UTF-8 in attribute-sourced text.
func clean(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

func (w *walker) canonicalURL() string {
	for _, raw := range []string{w.canonical, w.metas["og:url"]} {
		if raw == "" {
			continue
		}
		if s := resolveLink(w.pageURL, raw); s != "" {
			u, err := url.Parse(s)
			if err != nil {
				continue
			}
			u.Fragment, u.RawFragment = "", ""
			return u.String()
		}
	}
	return ""
}

func (w *walker) langHint() string {
	for _, s := range []string{w.lang, w.metas["og:locale"], w.metas["content-language"]} {
		if t := primaryTag(s); t != "" {
			return t
		}
	}
	return ""
}

// primaryTag is the lowercased primary subtag of a language tag or locale:
// "tr-TR", "tr_TR", "TR" → "tr". Anything that is not 2–3 ASCII letters
// gives "".
func primaryTag(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	return strings.ToLower(s)
}

// runesEqual is utf8.RuneCountInString(s) == n without counting a string
// that cannot have n runes: one has at least a rune for every four bytes
// and at most one a byte. Most blocks are far longer than a title.
func runesEqual(s string, n int) bool {
	if len(s) < n || len(s) > utf8.UTFMax*n {
		return false
	}
	return utf8.RuneCountInString(s) == n
}

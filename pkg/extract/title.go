package extract

import (
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/html/atom"
)

// titleSeps separate a page title from the site name in <title>.
var titleSeps = []string{" | ", " - ", " — ", " – ", " :: ", " » ", " / "}

// title is the article's headline: the page's h1 inside the article
// container when it reads like a headline, since og:title and <title> are
// often a social or search variant ("… | Site", another wording); then
// og:title, any h1, the JSON-LD headline and <title>, less the site name.
func (w *walker) title(l *layout, ld ldInfo) string {
	if w.rules != nil && len(w.rules.title) > 0 {
		if t := clean(nodeText(w.rules.title[0], 1000)); t != "" {
			return t
		}
	}
	site := clean(w.metas["og:site_name"])
	first, inMain, n := "", "", 0
	var firstBlock *rawBlock
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.node == nil || b.node.DataAtom != atom.H1 {
			continue
		}
		n++
		if inMain == "" && w.within(b.elem, l.main) {
			inMain = b.text
		}
		if first == "" {
			first, firstBlock = b.text, b
		}
	}
	if headlineLike(inMain, site) {
		return inMain
	}
	// The page's only h1, above a container that holds the body alone,
	// and not in its header or menus.
	if n == 1 && headlineLike(first, site) && w.furniture(l, firstBlock.elem, firstBlock.marks) == "" {
		return first
	}
	if t := clean(w.metas["og:title"]); t != "" {
		return stripHost(stripSite(t, site, false), w.pageURL)
	}
	if first != "" {
		return first
	}
	if t := clean(ld.headline); t != "" {
		return t
	}
	return stripHost(stripSite(clean(w.titleText), site, true), w.pageURL)
}

// headlineLike is an h1 that reads like a headline, not a section name
// or the site's logo: two words or more (eight characters in a script
// written without spaces), and not the site's name.
func headlineLike(s, site string) bool {
	if s == "" || len(s) > 400 || (site != "" && strings.EqualFold(s, site)) {
		return false
	}
	if len(strings.Fields(s)) >= 2 {
		return true
	}
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) {
			n++
		}
	}
	return n >= 8
}

// stripHost removes a trailing segment that names the site by its host:
// "Title | CNN Politics" on www.cnn.com, "Title -- Sott.net" on sott.net.
// The segment must be short and hold the host's main label as a word.
func stripHost(t string, page *url.URL) string {
	if page == nil {
		return t
	}
	label := strings.TrimPrefix(strings.ToLower(page.Hostname()), "www.")
	if i := strings.IndexByte(label, '.'); i > 0 {
		label = label[:i]
	}
	if len(label) < 2 {
		return t
	}
	for _, sep := range append(titleSeps, " -- ") {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := t[:i], t[i+len(sep):]
		if len(strings.Fields(tail)) > 3 || len(strings.Fields(head)) < 2 {
			continue
		}
		squashed := ""
		for _, f := range strings.FieldsFunc(strings.ToLower(tail), func(r rune) bool { return r == ' ' || r == '.' }) {
			if f == label {
				return strings.TrimSpace(head)
			}
			squashed += f
		}
		// "Times of India" on timesofindia.com.
		if len(label) >= 6 && squashed == label {
			return strings.TrimSpace(head)
		}
	}
	return t
}

// stripSite removes the site name from the end of a title. Without a known
// site name (or when guess is set and it did not match) it drops up to two
// short trailing segments ("… - Dünya | Hürriyet"), keeping at least two
// words of title.
func stripSite(t, site string, guess bool) string {
	if site != "" {
		// Named exactly, the site may follow any separator, spaced or not:
		// "…：朝日新聞デジタル", "…:phpspot開発日誌", "… ｜ Site".
		for _, sep := range append(titleSeps, "|", "｜", " ｜ ", ":", "：", " : ", "-", "_", " _ ") {
			if head, ok := strings.CutSuffix(t, sep+site); ok && strings.TrimSpace(head) != "" {
				return strings.TrimSpace(head)
			}
		}
	}
	if !guess {
		return t
	}
	for range 2 {
		cut := -1
		for _, sep := range titleSeps {
			if i := strings.LastIndex(t, sep); i > cut {
				cut = i
			}
		}
		if cut <= 0 {
			break
		}
		head, tail := t[:cut], t[cut:]
		if len(strings.Fields(tail)) > 4 || len(strings.Fields(head)) < 2 {
			break
		}
		t = strings.TrimSpace(head)
	}
	return t
}

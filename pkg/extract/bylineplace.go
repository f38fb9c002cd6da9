package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file holds where a byline element stands: inside readers' comments,
// a quotation, a media box or another story's teaser card, which make its
// names someone other than the article's writer (bylines.go).

// inComment says a byline element is a reader comment's author
// ("comment-author", "yorum-yazar", "comment__author"), by its class or
// its near ancestors'.
func inComment(n *html.Node) bool {
	for d := 0; n != nil && d < 4; n, d = n.Parent, d+1 {
		c := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
		// Not "commentary" or "yorumcu": an opinion piece's writer.
		c = strings.NewReplacer("commentar", "", "yorumcu", "").Replace(c)
		for _, tok := range strings.Fields(c) {
			if (strings.Contains(tok, "comment") || strings.Contains(tok, "yorum")) && !commentCounter(tok) {
				return true
			}
		}
	}
	return false
}

// commentCounter says a class names the link to the comments or their
// count, which a page prints in the line under the headline beside the
// writer and the time ("comments_datetime", "comment-count",
// "yorum-sayisi"), not a reader's comment.
func commentCounter(tok string) bool {
	for _, w := range []string{"count", "link", "num", "total", "datetime", "sayi"} {
		if strings.Contains(tok, w) {
			return true
		}
	}
	return false
}

// inQuote says a byline element is a quotation's speaker ("quoteAuthor"
// in a blockquote's cite, "alinti-sahibi", "цитата__автор"), by the
// element, its class or its near ancestors'.
func inQuote(n *html.Node) bool {
	for d := 0; n != nil && d < 4; n, d = n.Parent, d+1 {
		if n.Type == html.ElementNode && (n.Data == "blockquote" || n.Data == "q" || n.Data == "cite") {
			return true
		}
		c := strings.ToLower(attr(n, "class"))
		for _, w := range []string{"quote", "zitat", "citation", "alinti", "цитат"} {
			if strings.Contains(c, w) {
				return true
			}
		}
	}
	return false
}

// mediaCredit is a byline element whose own class names a media box, a
// video's, an audio's, a gallery's or a photo's ("mediaBox__byline",
// "video-author", "galeri-yazar"), or one inside a picture's caption
// (`<figcaption><span class="author">`), which the walk zoned: it
// credits that medium, not the text.
func (w *walker) mediaCredit(r ref) bool {
	n := r.node
	if n.DataAtom == atom.Figcaption {
		return true
	}
	// A figcaption always carries a zone mark (caption, or what a
	// class word or a rule says): the marks above the element are the
	// block ancestors to look at.
	for m := r.marks; m != nil; m = m.parent {
		if w.elems[m.elem].node.DataAtom == atom.Figcaption {
			return true
		}
	}
	c := strings.ToLower(attr(n, "class"))
	for _, w := range []string{"mediabox", "media-box", "media__", "video", "audio", "podcast", "player", "gallery", "galeri", "photo", "foto", "видео", "фото"} {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

// teaserCredit says a byline element is another story's: it follows,
// within a few ancestors, a lower heading (h2 to h6) that links to
// another page, as the teasers of a sidebar or a "related" list print
// their writers under their linked headlines. The article's own byline
// stands under its own headline, which links nowhere or to the page.
// self holds the page's own addresses (selfLinks).
func (w *walker) teaserCredit(n *html.Node, self map[string]bool) bool {
	if w.inCard(n, self) {
		return true
	}
	for d := 0; n != nil && d < 3; n, d = n.Parent, d+1 {
		for p := n.PrevSibling; p != nil; p = p.PrevSibling {
			if p.Type != html.ElementNode {
				continue
			}
			switch p.DataAtom {
			case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				href := headingLink(p)
				if href == "" || w.pageURL == nil {
					return false
				}
				return !self[trimLink(resolveLink(w.pageURL, href))]
			case atom.H1:
				return false
			}
		}
	}
	return false
}

// selfLinks are the page's own addresses, its URL and its canonical
// link, as trimLink writes them; empty with no page address.
func (w *walker) selfLinks() map[string]bool {
	self := map[string]bool{}
	if w.pageURL != nil {
		self[trimLink(w.pageURL.String())] = true
		if c := resolveLink(w.pageURL, w.canonical); c != "" {
			self[trimLink(c)] = true
		}
	}
	return self
}

// inCard says a byline element sits inside a link to another page that
// holds four words or more besides it: a teaser's or a promotion's card
// (`<a href="/kurs/…"><p>Course</p><p class="author_name">…</p></a>`),
// whose credit is that page's. A link around the byline alone, or
// around a name and its role, is the writer's own.
func (w *walker) inCard(n *html.Node, self map[string]bool) bool {
	if w.pageURL == nil {
		return false
	}
	for p, d := n.Parent, 0; p != nil && d < 5; p, d = p.Parent, d+1 {
		if p.Type != html.ElementNode || p.DataAtom != atom.A {
			continue
		}
		href := attr(p, "href")
		if href == "" || self[trimLink(resolveLink(w.pageURL, href))] {
			return false
		}
		own := len(strings.Fields(nodeText(n, 300)))
		return len(strings.Fields(nodeText(p, 600)))-own >= 4
	}
	return false
}

// headingLink is the href of the link that holds a heading's text.
func headingLink(h *html.Node) string {
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			return attr(c, "href")
		}
	}
	if p := h.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom == atom.A {
		return attr(p, "href")
	}
	return ""
}

// trimLink compares links up to a fragment and a trailing slash.
func trimLink(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSuffix(s, "/")
}

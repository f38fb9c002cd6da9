package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// What a reader never sees is not article text. A page ships much it does
// not show: a login or account dialog with its error messages, a
// newsletter form's steps, a second copy of the story for another layout,
// labels for screen readers ("Opens in a new window", "Share on X"). The
// browser hides them by the hidden attribute, an inline display:none or
// visibility:hidden, a dialog not opened, or a class every CSS framework
// defines as visually hidden; pruneHidden takes them out of the tree
// before the walk.
//
// Some pages ship the story itself hidden and show it with a script. A
// hidden element holding more paragraph text than the rest of the page
// shows is that story, and stays (its own hidden parts are still pruned).

// maxSROnlyRunes bounds a screen-reader label: a few words. A longer
// visually hidden block is kept, as the walk would have read it.
const maxSROnlyRunes = 120

// maxARIAHiddenRunes bounds what aria-hidden alone removes: an icon's
// glyph, a decorative initial, a duplicated counter. aria-hidden hides
// from assistive technology only; a browser still shows it, so a block of
// prose under it stays.
const maxARIAHiddenRunes = 40

// minHiddenStoryRunes is the paragraph text a hidden element must hold to
// be taken for the story shipped hidden: a few sentences at least.
const minHiddenStoryRunes = 200

// pruneHidden removes the hidden elements under the document root,
// keeping the metadata they hold (JSON-LD, meta and link elements are
// moved out before the element, where the walk still reads them).
// ExtractWith runs it with pruneAccountBoxes, in prune.
func pruneHidden(root *html.Node) {
	scanPage(root, true).removeHidden()
}

// collectHidden appends the outermost hidden elements at or under n.
func collectHidden(n *html.Node, out *[]*html.Node) {
	if n.Type == html.ElementNode && hiddenElement(n) {
		*out = append(*out, n)
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collectHidden(c, out)
	}
}

// hiddenElement reports an element a browser does not show.
func hiddenElement(n *html.Node) bool {
	if n.Namespace != "" {
		return false
	}
	switch n.DataAtom {
	case atom.Html, atom.Head, atom.Body, atom.Title, atom.Meta, atom.Link, atom.Script, atom.Style:
		return false
	case atom.Dialog:
		if !hasAttr(n, "open") {
			return true
		}
	}
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		switch a.Key {
		case "hidden":
			// hidden="until-found" is a collapsed section the browser's
			// find opens: text the reader can reach.
			if !strings.EqualFold(strings.TrimSpace(a.Val), "until-found") {
				return true
			}
		case "style":
			if styleHides(a.Val) {
				return true
			}
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") && textRunes(n, maxARIAHiddenRunes+1) <= maxARIAHiddenRunes {
				return true
			}
		case "class":
			if !hidingStem(a.Val) {
				continue
			}
			if srOnlyClass(a.Val) && textRunes(n, maxSROnlyRunes+1) <= maxSROnlyRunes || hiddenClass(a.Val) && !heading(n) {
				return true
			}
		}
	}
	return false
}

// styleHides reports an inline style declaring display:none or
// visibility:hidden (or collapse).
func styleHides(style string) bool {
	for decl := range strings.SplitSeq(style, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important")))
		switch {
		case k == "display" && v == "none":
			return true
		case k == "visibility" && (v == "hidden" || v == "collapse"):
			return true
		}
	}
	return false
}

// hidingStem reports a class attribute holding, in any case, one of the
// stems srOnlyClass and hiddenClass look for: sr, hidden, screen,
// invisible, assistive, d-none. Most hold none, and are passed over
// without lowercasing or splitting: a byte pair no stem opens with is
// passed over by one bit.
func hidingStem(v string) bool {
	for i := 0; i+1 < len(v); i++ {
		// ASCII letters folded; a byte that is no letter may fold
		// onto one here ('\r' onto '-'), which the check after rejects.
		k := uint16(v[i]|0x20)<<8 | uint16(v[i+1]|0x20)
		if stemIndex.pairs[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, stem := range hidingStems {
			if prefixFoldASCII(v[i:], stem) {
				return true
			}
		}
	}
	return false
}

// hidingStems are the stems hidingStem seeks.
var hidingStems = []string{"sr", "hidden", "screen", "invisible", "assistive", "d-none"}

// prefixFoldASCII is strings.HasPrefix with the ASCII letters of s folded
// to lower case; prefix is lower case.
func prefixFoldASCII(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// srOnlyClass reports a class that the CSS frameworks and CMS themes
// define as visually hidden, for screen readers only: Bootstrap's
// sr-only and visually-hidden, WordPress's screen-reader-text, Drupal's
// element-invisible, the offscreen helpers.
func srOnlyClass(v string) bool {
	v = lowerASCII(v)
	// Every name below holds one of these; most class attributes hold
	// none, and are passed over without splitting.
	if !strings.Contains(v, "sr") && !strings.Contains(v, "hidden") && !strings.Contains(v, "screen") &&
		!strings.Contains(v, "invisible") && !strings.Contains(v, "assistive") {
		return false
	}
	if strings.Contains(v, "focusable") {
		// Shown when focused (skip links): left to the zoning.
		return false
	}
	for f := range strings.FieldsSeq(v) {
		switch {
		case f == "sr-only", f == "sr-text", f == "sronly", f == "visually-hidden", f == "visuallyhidden",
			f == "screen-reader-text", f == "screen-reader-only", f == "screenreader-only", f == "screenreader",
			f == "element-invisible", f == "offscreen", f == "a11y-hidden", f == "hidden-visually",
			f == "assistive-text":
			return true
		case strings.HasSuffix(f, "-sr-only"), strings.HasSuffix(f, "__sr-only"), strings.HasSuffix(f, "-visually-hidden"),
			strings.HasSuffix(f, "--visually-hidden"), strings.HasSuffix(f, "-visuallyhidden"), strings.HasSuffix(f, "-offscreen"),
			strings.HasSuffix(f, "-screen-reader-text"):
			return true
		}
	}
	return false
}

// hiddenClass reports the utility class every CSS framework defines as
// display:none ("hidden", Bootstrap's "d-none"), with no class beside it
// that shows the element again at some width or state ("md:block",
// "d-md-flex", "show"): a paywall's or a login's steps the template
// keeps hidden until a script picks one.
func hiddenClass(v string) bool {
	v = lowerASCII(v)
	if !strings.Contains(v, "hidden") && !strings.Contains(v, "d-none") {
		return false
	}
	hidden := false
	for f := range strings.FieldsSeq(v) {
		switch {
		case f == "hidden" || f == "d-none":
			hidden = true
		case strings.Contains(f, ":"), strings.HasPrefix(f, "d-"), f == "show", f == "visible", f == "open", f == "active", f == "in":
			return false
		}
	}
	return hidden
}

// lowerASCII is strings.ToLower for the class names it is given, without
// a copy when they are lower case already, as nearly all are. Only ASCII
// letters are folded: the names matched are ASCII.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// heading reports h1 to h6. A heading the utility class hides is a
// logo's text (the site's name in an h1), which the title rules read to
// cut the site's name from <title>: it stays, zoned as furniture.
func heading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// remove replaces n by a space, first moving out before it the metadata
// elements it holds.
func remove(n *html.Node) {
	p := n.Parent
	if p == nil {
		return
	}
	var keep []*html.Node
	var find func(*html.Node)
	find = func(m *html.Node) {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch {
			case c.DataAtom == atom.Meta, c.DataAtom == atom.Link,
				c.DataAtom == atom.Script && strings.Contains(strings.ToLower(attr(c, "type")), "ld+json"):
				keep = append(keep, c)
			default:
				find(c)
			}
		}
	}
	find(n)
	for _, k := range keep {
		k.Parent.RemoveChild(k)
		p.InsertBefore(k, n)
	}
	// A hidden separator (": " for screen readers between a kicker and
	// the headline, an aria-hidden dash) still parts the words around it,
	// unless punctuation closes the sentence right after it.
	if r := runeAfter(n); !closingPunct(r) {
		p.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, n)
	}
	p.RemoveChild(n)
}

// runeAfter returns the first visible rune of the text after n in
// document order, 0 when none within a few dozen nodes (the bound keeps
// a page of many hidden elements and no text linear).
func runeAfter(n *html.Node) rune {
	budget := 64
	var first func(*html.Node) rune
	first = func(m *html.Node) rune {
		if budget--; budget < 0 {
			return 0
		}
		if m.Type == html.TextNode {
			for _, r := range m.Data {
				if !unicode.IsSpace(r) {
					return r
				}
			}
			return 0
		}
		if m.Type == html.ElementNode && (m.DataAtom == atom.Script || m.DataAtom == atom.Style) {
			return 0
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			if r := first(c); r != 0 {
				return r
			}
		}
		return 0
	}
	for m := n; m != nil && budget > 0; m = m.Parent {
		for s := m.NextSibling; s != nil && budget > 0; s = s.NextSibling {
			if r := first(s); r != 0 {
				return r
			}
		}
	}
	return 0
}

// closingPunct reports punctuation that follows a word without a space.
func closingPunct(r rune) bool {
	return strings.ContainsRune(".,;:!?)]}»…", r)
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

// textRunes counts the non-space runes of the text under n, up to max.
func textRunes(n *html.Node, max int) int {
	count := 0
	var walk func(*html.Node) bool
	walk = func(m *html.Node) bool {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				count += nonSpaceRunes(c.Data)
				if count >= max {
					return false
				}
			case html.ElementNode:
				if c.DataAtom == atom.Script || c.DataAtom == atom.Style {
					continue
				}
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	walk(n)
	return count
}

// proseRunes counts the non-space runes of the paragraphs (<p>) at or
// under n: the measure of an article's text.
func proseRunes(n *html.Node) int {
	if n.Type == html.ElementNode && n.DataAtom == atom.P {
		return textRunes(n, 1<<30)
	}
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sum += proseRunes(c)
	}
	return sum
}

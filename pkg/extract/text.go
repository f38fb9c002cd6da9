package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// text adds a text node to the current block, collapsing whitespace,
// dropping invisible characters and replacing invalid UTF-8, so that block
// text needs no second pass.
func (w *walker) text(s string) {
	visible := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				w.pending = true
				continue
			case c < 0x20 || c == 0x7f:
				continue
			}
			// A run of printable ASCII at once: most of a page's text.
			j := i
			for j < len(s) && s[j] > ' ' && s[j] < 0x7f {
				j++
			}
			w.space()
			w.buf = append(w.buf, s[i-1:j]...)
			visible += j - i + 1
			i = j
			continue
		}
		if c >= 0xc4 && c < 0xe0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
			// A run of two-byte characters from U+0100 to U+07FF at
			// once: the letters of Turkish and Russian words. None of
			// them is a space or one of the invisible characters below.
			j := i + 2
			for j+1 < len(s) && s[j] >= 0xc4 && s[j] < 0xe0 && s[j+1]&0xc0 == 0x80 {
				j += 2
			}
			w.space()
			w.buf = append(w.buf, s[i:j]...)
			visible += (j - i) / 2
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsSpace(r):
			w.pending = true
			continue
		case r == '\u200b' || r == '\ufeff' || r == '\u00ad' || r == '\u2060' || (r >= 0x80 && r < 0xa0):
			// zero-width space, BOM, soft hyphen, word joiner and C1
			// controls: invisible, and they split words for matching.
			continue
		}
		w.space()
		w.buf = utf8.AppendRune(w.buf, r) // r is U+FFFD for invalid bytes
		visible++
	}
	if visible == 0 {
		return
	}
	w.brSeen, w.linkEnded = false, false
	switch {
	case w.chars == 0 && w.inLink:
		w.opens, w.openChars, w.opening = w.linkHref, visible, true
	case w.opening && w.inLink && w.linkHref == w.opens:
		w.openChars += visible
	default:
		w.opening = false
	}
	w.chars += visible
	if w.inLink {
		w.linkChars += visible
		switch {
		case w.href == "" && !w.multiHref:
			w.href = w.linkHref
		case w.href != w.linkHref:
			w.multiHref = true
		}
	}
}

func (w *walker) space() {
	if w.pending && len(w.buf) > 0 {
		w.buf = append(w.buf, ' ')
	}
	w.pending = false
}

// br: one <br> is a space; two in a row end the block, as div-soup sites
// separate paragraphs with <br><br> inside a single element.
func (w *walker) br() {
	if w.brSeen {
		w.flush()
		return
	}
	w.brSeen = true
	w.pending = true
}

// nodeText is the collapsed visible text of n, at most about max bytes.
// Block boundaries and <br> become spaces. It is for short metadata
// elements; it iterates with parent pointers, not recursion.
func nodeText(n *html.Node, max int) string {
	var sb strings.Builder
	pending := false
	for c := n.FirstChild; c != nil && c != n && sb.Len() < max; {
		descend := false
		switch c.Type {
		case html.TextNode:
			for _, r := range c.Data { // yields U+FFFD for invalid bytes
				if unicode.IsSpace(r) {
					pending = true
					continue
				}
				if pending && sb.Len() > 0 {
					sb.WriteByte(' ')
				}
				pending = false
				sb.WriteRune(r)
			}
		case html.ElementNode:
			k := kindOf(c)
			if k == kindBr || k == kindBlock {
				pending = true
			}
			descend = k != kindSkip && c.Namespace == ""
		}
		if descend && c.FirstChild != nil {
			c = c.FirstChild
			continue
		}
		c = leave(c, n, &pending)
	}
	s := sb.String()
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return strings.TrimSpace(s)
}

// leave moves past c, climbing out of finished ancestors below root; it
// returns nil at the end. Leaving a block owes a space.
func leave(c, root *html.Node, pending *bool) *html.Node {
	for c != nil && c != root {
		if c.Type == html.ElementNode && kindOf(c) == kindBlock {
			*pending = true
		}
		if c.NextSibling != nil {
			return c.NextSibling
		}
		c = c.Parent
	}
	return nil
}

// rawText concatenates the text children of n (script contents).
func rawText(n *html.Node) string {
	if n.FirstChild != nil && n.FirstChild.NextSibling == nil && n.FirstChild.Type == html.TextNode {
		return n.FirstChild.Data
	}
	var sb strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
		}
	}
	return sb.String()
}

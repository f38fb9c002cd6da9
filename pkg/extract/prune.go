package extract

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// prune takes out of the tree, before the walk, what a reader never sees
// (hidden.go) and then the account boxes (paywall.go). Both need the
// page's paragraph text, and the account boxes are sought in the tree the
// hidden elements left: one pass over the page (scanPage) finds the hidden
// elements, the controls an account box forms around and the paragraph
// text, so that each pruning touches only what that pass found.
func prune(root *html.Node) {
	s := scanPage(root, true)
	s.removeHidden()
	s.removeAccountBoxes()
}

// pageScan is what scanPage found under a document node.
type pageScan struct {
	root *html.Node
	// hidden are the outermost hidden elements, in document order.
	hidden []hiddenCand
	// controls are the forms, buttons and links outside foreign
	// content, in document order: where pruneAccountBoxes's search
	// for controls may stop.
	controls []controlCand
	// prose is the page's paragraph text (proseRunes of the document),
	// and, once removeHidden has run, of what it left.
	prose int
}

// hiddenCand is one hidden element. prose is proseRunes(node); counted is
// the part of the page's paragraph text under node, which its removal
// takes away (more than prose when node sits inside a paragraph).
type hiddenCand struct {
	node           *html.Node
	prose, counted int
	kept           bool // a story shipped hidden: stays, its own hidden parts go
}

// controlCand is a form, button or link; the controls after it up to end
// are inside it. hidden is 1 + the index of the hidden element it sits
// in, 0 for none.
type controlCand struct {
	node   *html.Node
	end    int32
	hidden int32
}

// scanState is where scanPage stands.
type scanState struct {
	// inP: under a <p>; count: text here is in the page's paragraph
	// text (inside a <p>, not inside a script or style below it).
	inP, count bool
	// the same, for the paragraph text of the hidden element above
	hInP, hCount bool
	hidden       int32 // the hidden element above (1 + index), 0 for none
	foreign      bool  // under svg or math: no controls
}

// scanPage makes the one pass over the document root. hidden: look for
// hidden elements too.
func scanPage(root *html.Node, hidden bool) *pageScan {
	s := &pageScan{root: root}
	s.visit(root, scanState{}, hidden)
	return s
}

func (s *pageScan) visit(n *html.Node, st scanState, hidden bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if !st.count && !st.hCount {
				continue
			}
			r := nonSpaceRunes(c.Data)
			if st.count {
				s.prose += r
				if st.hidden > 0 {
					s.hidden[st.hidden-1].counted += r
				}
			}
			if st.hCount {
				s.hidden[st.hidden-1].prose += r
			}
		case html.ElementNode:
			cs := st
			isP := c.DataAtom == atom.P
			raw := c.DataAtom == atom.Script || c.DataAtom == atom.Style
			// proseRunes: textRunes of each outermost <p>, which skips
			// the scripts and styles under it.
			if st.inP {
				cs.count = st.count && !raw
			} else if isP {
				cs.inP, cs.count = true, true
			}
			newHidden := -1
			if st.hidden > 0 {
				if st.hInP {
					cs.hCount = st.hCount && !raw
				} else if isP {
					cs.hInP, cs.hCount = true, true
				}
			} else if hidden && hiddenElement(c) {
				newHidden = len(s.hidden)
				s.hidden = append(s.hidden, hiddenCand{node: c})
				cs.hidden = int32(newHidden + 1)
				cs.hInP, cs.hCount = isP, isP
			}
			ctl := -1
			if !st.foreign {
				if c.Namespace != "" {
					cs.foreign = true
				} else if c.DataAtom == atom.Form || c.DataAtom == atom.Button || c.DataAtom == atom.A {
					ctl = len(s.controls)
					s.controls = append(s.controls, controlCand{node: c, hidden: cs.hidden})
				}
			}
			s.visit(c, cs, hidden)
			if ctl >= 0 {
				s.controls[ctl].end = int32(len(s.controls))
			}
		default:
			s.visit(c, st, hidden)
		}
	}
}

// removeHidden removes the hidden elements, keeping a story shipped
// hidden (pruneHidden), and leaves in s.prose the paragraph text of what
// is left.
func (s *pageScan) removeHidden() {
	if len(s.hidden) == 0 {
		return
	}
	visible := s.prose
	for i := range s.hidden {
		visible -= s.hidden[i].prose
	}
	recount := false
	for i := range s.hidden {
		h := &s.hidden[i]
		if h.prose > visible && h.prose >= minHiddenStoryRunes {
			// The story shipped hidden: keep it, prune inside it.
			// Rare: its hidden parts are sought only now.
			visible += h.prose
			h.kept = true
			var inner []*html.Node
			for c := h.node.FirstChild; c != nil; c = c.NextSibling {
				collectHidden(c, &inner)
			}
			for _, m := range inner {
				remove(m)
			}
			recount = recount || len(inner) > 0
			continue
		}
		remove(h.node)
		s.prose -= h.counted
	}
	if recount {
		s.prose = proseRunes(s.root)
	}
}

// pruned reports a control that removeHidden took out of the tree.
func (s *pageScan) pruned(c *controlCand) bool {
	if c.hidden == 0 {
		return false
	}
	h := &s.hidden[c.hidden-1]
	if !h.kept {
		return true
	}
	// Inside a hidden story: pruned with one of its hidden parts.
	for m := c.node; m != h.node; m = m.Parent {
		if m.Parent == nil {
			return true
		}
	}
	return false
}

// nonSpaceRunes counts the runes of s that are not white space, an
// invalid byte counting as one rune (as ranging over s does).
func nonSpaceRunes(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if asciiSpace[c] == 0 {
				n++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !spaceRune(r) {
			n++
		}
	}
	return n
}

// asciiSpace marks the ASCII runes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}

// spaceRune is unicode.IsSpace, without its table search for the runes
// between Latin-1 and the first space above it (U+1680): Cyrillic, Greek,
// Hebrew, Arabic letters.
func spaceRune(r rune) bool {
	if r > 0xff && r < 0x1680 {
		return false
	}
	return unicode.IsSpace(r)
}

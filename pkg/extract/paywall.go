package extract

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page's subscription, login, registration and newsletter boxes ("This
// content is reserved for subscribers", "Create an account or sign in to
// continue", "Tu suscripción se está usando en otro dispositivo") sit
// among the article's paragraphs and read like prose. They are not the
// article: they address the reader to act. pruneAccountBoxes recognises
// one by its shape, never by a class name: a control the reader acts with
// (a form, an e-mail or password field, a button or link that says
// subscribe, sign in or register), inside a block that is short beside
// the page's paragraphs, holds no long paragraph, is a box of the
// template (a div, a section, a dialog; never a list, a paragraph or a
// table of the text), and whose words ask the reader again and again to
// subscribe, sign in or sign up. The words are a prior only: the control,
// the box and the size decide.

// Bounds of an account box.
const (
	maxBoxRunes     = 1600 // the whole box's text
	maxBoxParaRunes = 320  // its longest paragraph: a box says little at once
	maxActionRunes  = 40   // a button's or link's label
)

// accountCues are the words of a call to subscribe, sign in or sign up,
// lowercased, in the languages of the sets and the wires. A cue counts
// once per box however often it recurs.
var accountCues = []string{
	// English
	"subscribe", "subscription", "subscriber", "sign in", "sign-in", "sign up", "log in", "login",
	"register", "registration", "create an account", "create a free account", "your account",
	"newsletter", "unlock", "free trial", "already have an account",
	// German
	"abonn", "abo ", "anmelden", "registrier", "einloggen", "konto", "zugang", "passwort",
	// French, Spanish, Italian, Portuguese, Dutch, Polish
	"s'abonner", "abonné", "connectez", "se connecter", "inscri", "compte", "suscri", "iniciar sesión",
	"regístr", "cuenta", "contraseña", "abbona", "accedi", "registrati", "iscriviti", "assina", "inscreva",
	"inloggen", "abonnee", "zaloguj", "prenumerat", "subskrypc",
	// Turkish
	"abone", "üye ol", "üyelik", "giriş yap", "oturum aç", "kaydol", "bülten", "hesab", "şifre",
	// Russian
	"подпис", "подпиш", "войти", "войдите", "вход", "зарегистр", "регистрац", "аккаунт", "личный кабинет", "рассылк", "пароль",
}

// pruneAccountBoxes removes the account boxes under the document root.
// ExtractWith runs it after pruneHidden, in prune.
func pruneAccountBoxes(root *html.Node) {
	scanPage(root, false).removeAccountBoxes()
}

// removeAccountBoxes removes the account boxes in what removeHidden left.
func (s *pageScan) removeAccountBoxes() {
	// The controls the reader acts with, outermost first: a control's
	// own controls (a form's button) are not sought.
	var seeds []*html.Node
	for i := 0; i < len(s.controls); {
		c := &s.controls[i]
		if !s.pruned(c) && accountControl(c.node) {
			seeds = append(seeds, c.node)
			i = int(c.end)
			continue
		}
		i++
	}
	if len(seeds) == 0 {
		return
	}
	removed := make(map[*html.Node]bool)
	// climbed: the ancestors a seed's climb judged, true where it went
	// on above. Another seed reaching one would judge the same from
	// there up: it stops, which keeps a menu of sign-in links linear.
	climbed := make(map[*html.Node]bool)
	for _, n := range seeds {
		if detached(n, removed) {
			continue
		}
		if box := accountBox(n, s.prose, climbed); box != nil {
			removed[box] = true
			remove(box)
		}
	}
}

// detached reports a node already removed with a box.
func detached(n *html.Node, removed map[*html.Node]bool) bool {
	for m := n; m != nil; m = m.Parent {
		if removed[m] {
			return true
		}
	}
	return false
}

// accountControl reports a control the reader acts with to subscribe or
// sign in: a form with an e-mail or password field, or a button or link
// whose short label is a cue.
func accountControl(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Form:
		return hasField(n)
	case atom.Button, atom.A:
		return labelCue(n)
	}
	return false
}

// hasField reports an e-mail or password input under n.
func hasField(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Input {
			switch strings.ToLower(attr(c, "type")) {
			case "email", "password":
				return true
			}
		}
		if hasField(c) {
			return true
		}
	}
	return false
}

// accountBox climbs from a control to the largest block around it that
// is still a box: short, without the page's headline or its long
// paragraphs, a small share of the page's paragraph text. It returns that
// block when its words ask the reader to act often enough (a cue for each
// forty words, two at least), nil otherwise.
//
// Each ancestor is measured once: its text and paragraph text are the
// child's, measured at the step below, and its other children's.
func accountBox(control *html.Node, pageProse int, climbed map[*html.Node]bool) *html.Node {
	var box, child *html.Node
	var m boxMeasure
	for n := control.Parent; n != nil && n.Type == html.ElementNode; n = n.Parent {
		if valid, ok := climbed[n]; ok {
			if valid {
				// The climb before went on above here and judged the
				// box it found there: none, or this seed would be gone.
				return nil
			}
			// The climb before stopped here: so does this one.
			break
		}
		switch n.DataAtom {
		case atom.Body, atom.Html, atom.Main, atom.Article:
			return judgeBox(box)
		}
		if !m.grow(n, child, pageProse) {
			climbed[n] = false
			break
		}
		climbed[n] = true
		if kindOf(n) == kindBlock {
			box = n
		}
		child = n
	}
	return judgeBox(box)
}

// boxMeasure is an ancestor's measure on a control's climb: its text
// (textRunes) and paragraph text (proseRunes). An ancestor still fits a
// box when its text is at most maxBoxRunes, it holds no part of the story
// (holdsStory) and its paragraph text is at most a quarter of the page's.
type boxMeasure struct {
	text, prose int
	pageProse   int
}

// grow measures n, whose child was measured into m at the step below
// (nil at the first step), and reports whether n fits a box. It stops as
// soon as n does not.
func (m *boxMeasure) grow(n, child *html.Node, pageProse int) bool {
	inP := n.DataAtom == atom.P
	b := boxMeasure{pageProse: pageProse}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c == child {
			switch c.DataAtom {
			case atom.H1, atom.Time, atom.Article, atom.Main:
				return false
			case atom.P:
				if m.text > maxBoxParaRunes {
					return false
				}
			}
			b.text += m.text
			if !inP {
				b.prose += m.prose
			}
			if !b.fits() {
				return false
			}
			continue
		}
		if !b.node(c, true, inP) {
			return false
		}
	}
	if inP {
		b.prose = b.text
	}
	if !b.fits() {
		return false
	}
	m.text, m.prose = b.text, b.prose
	return true
}

func (b *boxMeasure) fits() bool {
	return b.text <= maxBoxRunes && b.prose*4 <= b.pageProse
}

// node adds c's text to b (count: c is outside the scripts and styles
// textRunes skips) and its outermost paragraphs' (inP: c is inside a
// paragraph), and reports whether the block measured still fits.
func (b *boxMeasure) node(c *html.Node, count, inP bool) bool {
	switch c.Type {
	case html.TextNode:
		if count {
			b.text += nonSpaceRunes(c.Data)
			return b.text <= maxBoxRunes
		}
	case html.ElementNode:
		switch c.DataAtom {
		case atom.H1, atom.Time, atom.Article, atom.Main:
			return false
		case atom.Script, atom.Style:
			count = false
		case atom.P:
			// Its text is measured apart: a long paragraph is the
			// story's, wherever it sits.
			p := boxMeasure{pageProse: b.pageProse}
			for g := c.FirstChild; g != nil; g = g.NextSibling {
				if !p.node(g, true, true) {
					return false
				}
			}
			if p.text > maxBoxParaRunes {
				return false
			}
			if count {
				b.text += p.text
			}
			if !inP {
				b.prose += p.text
			}
			return b.fits()
		}
		for g := c.FirstChild; g != nil; g = g.NextSibling {
			if !b.node(g, count, inP) {
				return false
			}
		}
	}
	return true
}

func judgeBox(box *html.Node) *html.Node {
	if box == nil {
		return nil
	}
	switch box.DataAtom {
	case atom.Div, atom.Section, atom.Aside, atom.Form, atom.Dialog, atom.Header, atom.Footer, atom.Details, 0:
	default:
		// A list, a paragraph or a table is the text's own: a how-to's
		// "Sign up for an account, then…" steps.
		return nil
	}
	if !hasField(box) && controls(box) < 2 {
		// One link that says "subscribe" is a line's, not a box's.
		return nil
	}
	text := strings.ToLower(nodeText(box, 4*maxBoxRunes))
	words := countFields(text)
	cues := cueCount(text)
	if cues < 2 || cues*40 < words {
		return nil
	}
	return box
}

// controls counts the buttons, and the links labelled with a cue, under n.
func controls(n *html.Node) int {
	count := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Button || accountControl(c) {
			count++
			continue
		}
		count += controls(c)
	}
	return count
}

// labelCue reports a control whose label is short (1 to maxActionRunes
// letters, script and style aside) and holds a cue. It reads the label
// once, lowercased into a small buffer, the words parted as nodeText
// parts them; a headline's link, the common case, stops it early.
func labelCue(n *html.Node) bool {
	var (
		buf     [8 * maxActionRunes]byte
		text    = buf[:0]
		runes   int
		pending bool
	)
	var walk func(m *html.Node, shown bool) bool
	walk = func(m *html.Node, shown bool) bool {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				d := c.Data
				for i := 0; i < len(d); {
					r := rune(d[i])
					if r < utf8.RuneSelf {
						i++
						if asciiSpace[r] != 0 {
							pending = true
							continue
						}
					} else {
						var size int
						r, size = utf8.DecodeRuneInString(d[i:]) // U+FFFD for an invalid byte
						i += size
						if spaceRune(r) {
							pending = true
							continue
						}
					}
					if runes++; runes > maxActionRunes {
						return false
					}
					if !shown {
						continue
					}
					if pending && len(text) > 0 {
						text = append(text, ' ')
					}
					pending = false
					if r < utf8.RuneSelf {
						if 'A' <= r && r <= 'Z' {
							r += 'a' - 'A'
						}
						text = append(text, byte(r))
					} else {
						text = utf8.AppendRune(text, unicode.ToLower(r))
					}
				}
			case html.ElementNode:
				if c.DataAtom == atom.Script || c.DataAtom == atom.Style {
					continue
				}
				k := kindOf(c)
				if k == kindBr || k == kindBlock {
					pending = true
				}
				if !walk(c, shown && k != kindSkip && c.Namespace == "") {
					return false
				}
			}
		}
		return true
	}
	if !walk(n, true) || runes == 0 {
		return false
	}
	return anyCue(text)
}

// anyCue reports a cue in the lowercased text: a control's label, where
// one is enough and most labels ("Politics", "More") have none.
func anyCue(text []byte) bool {
	return matchCues(cueIndex, text, true) > 0
}

// cueCount counts the distinct cues in the lowercased text.
func cueCount(text string) int {
	return matchCues(cueIndex, text, false)
}

// cueTable looks the cues up by their first two bytes: at each byte of a
// text, one bit says whether any cue starts with that pair, and only
// those cues are compared. Every cue is two bytes long at least. The
// tables are generated (cuetables.go): cueIndex finds accountCues in a
// text in one pass over it, and stemIndex has the pairs of hidingStems.
type cueTable struct {
	pairs [1 << 16 / 64]uint64 // bit a<<8|b: some cue starts with a, b
	// rank[w] counts the bits set in pairs[:w]: a pair's bit's rank is
	// its index in first.
	rank  [1 << 16 / 64]uint16
	first []uint16 // per pair set, in order: its cues are cues[first[i]:first[i+1]]
	cues  []string
}

// matchCues counts the distinct cues in text, or with first reports 1
// at the first one found.
func matchCues[T string | []byte](t *cueTable, text T, first bool) int {
	var seen [4]uint64 // up to 256 cues
	n := 0
	for i := 0; i+1 < len(text); i++ {
		k := uint16(text[i])<<8 | uint16(text[i+1])
		w, bit := k/64, uint64(1)<<(k%64)
		if t.pairs[w]&bit == 0 {
			continue
		}
		g := int(t.rank[w]) + bits.OnesCount64(t.pairs[w]&(bit-1))
		for j := int(t.first[g]); j < int(t.first[g+1]); j++ {
			c := t.cues[j]
			if len(text)-i < len(c) || string(text[i:i+len(c)]) != c || seen[j/64]&(1<<(j%64)) != 0 {
				continue
			}
			if first {
				return 1
			}
			seen[j/64] |= 1 << (j % 64)
			n++
		}
	}
	return n
}

// countFields is len(strings.Fields(text)), without the slice.
func countFields(text string) int {
	n := 0
	inField := false
	for i := 0; i < len(text); {
		r := rune(text[i])
		space := false
		if r < utf8.RuneSelf {
			i++
			space = asciiSpace[r] != 0
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(text[i:])
			i += size
			space = spaceRune(r)
		}
		if !space && !inField {
			n++
		}
		inField = !space
	}
	return n
}

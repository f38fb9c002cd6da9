package extract

import (
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

// pruneAccountBoxes removes the account boxes under root.
func pruneAccountBoxes(root *html.Node) {
	var seeds []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.Namespace != "" {
				continue
			}
			if accountControl(c) {
				seeds = append(seeds, c)
				continue
			}
			find(c)
		}
	}
	find(root)
	if len(seeds) == 0 {
		return
	}
	pageProse := proseRunes(root)
	removed := make(map[*html.Node]bool)
	// climbed: the ancestors a seed's climb judged, true where it went
	// on above. Another seed reaching one would judge the same from
	// there up: it stops, which keeps a menu of sign-in links linear.
	climbed := make(map[*html.Node]bool)
	for _, s := range seeds {
		if detached(s, removed) {
			continue
		}
		if box := accountBox(s, pageProse, climbed); box != nil {
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
func accountBox(control *html.Node, pageProse int, climbed map[*html.Node]bool) *html.Node {
	var box *html.Node
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
		if textRunes(n, maxBoxRunes+1) > maxBoxRunes || holdsStory(n) || proseRunes(n)*4 > pageProse {
			climbed[n] = false
			break
		}
		climbed[n] = true
		if kindOf(n) == kindBlock {
			box = n
		}
	}
	return judgeBox(box)
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
	words := len(strings.Fields(text))
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

// holdsStory reports a headline, a date or a long paragraph under n: the
// article's parts, which no box holds.
func holdsStory(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.H1, atom.Time, atom.Article, atom.Main:
			return true
		case atom.P:
			if textRunes(c, maxBoxParaRunes+1) > maxBoxParaRunes {
				return true
			}
		}
		if holdsStory(c) {
			return true
		}
	}
	return false
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
				for _, r := range c.Data {
					if unicode.IsSpace(r) {
						pending = true
						continue
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
					text = utf8.AppendRune(text, unicode.ToLower(r))
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
	return anyCue(string(text))
}

// anyCue reports a cue in the lowercased text: a control's label, where
// one is enough and most labels ("Politics", "More") have none.
func anyCue(text string) bool {
	for _, c := range accountCues {
		if strings.Contains(text, c) {
			return true
		}
	}
	return false
}

// cueCount counts the distinct cues in the lowercased text.
func cueCount(text string) int {
	n := 0
	for _, c := range accountCues {
		if strings.Contains(text, c) {
			n++
		}
	}
	return n
}

package extract

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/byline"
)

// relatedLeads open an inline teaser in the body flow ("İlgili Haber: …",
// "Читайте также: …"), folded by byline.Fold. Longer leads come first, so
// that a lead is matched whole.
var relatedLeads = []string{
	"bunlar da ilginizi cekebilir", "bunlar da ilgini cekebilir", "ilginizi cekebilir",
	"ilgili haberler", "ilgili haber", "ilgili icerikler", "ilgili icerik",
	"ayrica bakiniz", "ayrica bakin", "ayrica okuyun", "ayrica oku",
	"benzer haberler", "diger haberler",
	"читаите также", "читать также", "также по теме", "еще по теме", "смотрите также",
	"см. также", "по теме",
}

// captionLeads open a photo or camera credit standing on its own.
var captionLeads = []string{
	"fotograf", "foto", "kamera", "goruntu", "фото", "photo",
}

// lead returns what follows the first of leads that s starts with as a
// whole word, and whether one did.
func lead(s string, leads []string) (string, bool) {
	s = strings.TrimLeft(s, "([«\"'*•►▶ ")
	for _, l := range leads {
		rest, ok := strings.CutPrefix(s, l)
		if !ok {
			continue
		}
		if r := firstRune(rest); unicode.IsLetter(r) || unicode.IsDigit(r) {
			continue
		}
		return rest, true
	}
	return "", false
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// soft zones are the ones lead text may override: the structure said
// nothing more specific.
func soft(z article.Zone) bool {
	return z == article.ZoneBody || z == article.ZoneUnknown || z == article.ZoneHeading
}

// markLeads zones inline teasers and stand-alone credits by their text. A
// teaser label alone ("Читайте также") also claims the link-dense blocks
// right after it: the teaser list it introduces.
func markLeads(bs []article.Block) {
	run := false
	for i := range bs {
		b := &bs[i]
		if !soft(b.Zone) {
			run = false
			continue
		}
		head := byline.Fold(b.Text, 48)
		if rest, ok := lead(head, relatedLeads); ok {
			rest = strings.TrimLeft(rest, " ")
			label := strings.TrimRight(rest, " :.…»>-–—") == ""
			if label || strings.ContainsAny(firstString(rest), ":-–—|/") || b.LinkDensity >= 0.4 {
				b.Zone = article.ZoneRelated
				run = label
				continue
			}
		}
		if run && b.LinkDensity >= 0.5 && b.Level == 0 {
			b.Zone = article.ZoneRelated
			continue
		}
		run = false
		if b.Zone != article.ZoneHeading && len(b.Text) <= 300 && copyright(head, b.Text) {
			b.Zone = article.ZoneFooter
			continue
		}
		if len(b.Text) <= 200 {
			if rest, ok := lead(head, captionLeads); ok && strings.HasPrefix(strings.TrimLeft(rest, " "), ":") {
				b.Zone = article.ZoneCaption
			}
		}
	}
}

// copyright recognises a site's rights line by its opening or its
// formula; folded is byline.Fold(text, 300).
func copyright(folded, text string) bool {
	if strings.HasPrefix(folded, "©") || strings.HasPrefix(folded, "copyright") || strings.HasPrefix(folded, "(c) ") {
		return true
	}
	f := byline.Fold(text, 300)
	return strings.Contains(f, "tum haklari saklidir") || strings.Contains(f, "все права защищены") ||
		strings.Contains(f, "all rights reserved") || (strings.Contains(f, "©") && len(text) <= 80)
}

func firstString(s string) string {
	for i := range s {
		if i > 0 {
			return s[:i]
		}
	}
	return s
}

// Bounds of a deck's text, in non-space runes: a sentence to a short
// paragraph.
const (
	minDeckChars = 20
	maxDeckChars = 700
)

// markDecks sets Deck on the blocks whose markup sets them apart as a
// summary: a deck word in the class or id of the block's element or of
// an ancestor that holds nothing else (up to two levels up; a short list
// holds its items), or the whole text in bold.
func (w *walker) markDecks(out []article.Block) {
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.node == nil || b.chars < minDeckChars || b.chars > maxDeckChars || out[i].Level == 1 || out[i].Level > 3 {
			continue
		}
		if w.deckMarkup(b) {
			out[i].Deck = true
		}
	}
}

func (w *walker) deckMarkup(b *rawBlock) bool {
	if w.elems[b.elem].flags&flagDeck != 0 || allBold(b.node, b.chars) {
		return true
	}
	e, base := b.elem, b.chars
	for up := 0; up < 2 && e >= 0; up++ {
		p := w.elems[e].parent
		if p < 0 || w.elems[p].node == nil {
			return false
		}
		if n := w.elems[p].node; up == 0 && (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) && w.elems[p].chars <= maxDeckChars {
			// A summary printed as points: the list holds the
			// items and nothing else.
			base = w.elems[p].chars
		} else if w.elems[p].chars > base+base/4+10 {
			// The parent holds more than the block: a class of its
			// names a section, not this summary.
			return false
		}
		if w.elems[p].flags&flagDeck != 0 {
			return true
		}
		e = p
	}
	return false
}

// allBold reports text all of whose letters (nine in ten) sit in <b> or
// <strong> inside n: a lead printed in bold.
func allBold(n *html.Node, chars int) bool {
	bold := boldChars(n, false)
	return bold*10 >= chars*9
}

func boldChars(n *html.Node, in bool) int {
	c := 0
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		switch k.Type {
		case html.TextNode:
			if in {
				for _, r := range k.Data {
					if !unicode.IsSpace(r) {
						c++
					}
				}
			}
		case html.ElementNode:
			c += boldChars(k, in || k.DataAtom == atom.B || k.DataAtom == atom.Strong)
		}
	}
	return c
}

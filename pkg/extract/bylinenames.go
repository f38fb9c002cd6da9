package extract

import (
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/wiredesk/wiredesk/pkg/byline"
)

// This file holds the names the page's metadata gives (author metas that
// list more writers than JSON-LD) and how a name's order and case are
// restored (given name first, particles, the case the page prints it in).

// widerMeta is an author meta that names every person of ld, the
// JSON-LD author, and more: a publishing system that fills JSON-LD's
// author with the first writer only ("author": {"name": "Jane Roe"})
// while the meta lists the three who wrote the story ("Jane Roe, John
// Doe, Ayşe Kaya"). "" when none does.
func (w *walker) widerMeta(ld string, sites []string) string {
	want, _ := byline.Split(ld, sites...)
	if want == "" {
		return ""
	}
	for _, k := range authorMetas {
		v := cleanByline(w.metas[k])
		if v == "" || urlLike(v) {
			continue
		}
		p, _ := byline.Split(v, sites...)
		have := strings.Split(p, ", ")
		if len(have) <= len(strings.Split(want, ", ")) {
			continue
		}
		all := true
		for _, n := range strings.Split(want, ", ") {
			all = all && slices.ContainsFunc(have, func(h string) bool { return strings.EqualFold(h, n) })
		}
		if all {
			return p
		}
	}
	return ""
}

// metaCoAuthors joins the values of an author meta given once per
// writer (two article:author metas, one name each) when every value is
// a person's and no other: one value, or an outlet among them (the
// outlet first and the writer next), is left to the single values.
func (w *walker) metaCoAuthors(key string, sites []string) string {
	more := w.moreAuthors[key]
	if len(more) == 0 {
		return ""
	}
	var all []string
	for _, v := range append([]string{w.metas[key]}, more...) {
		v = cleanByline(v)
		if v == "" || urlLike(v) {
			return ""
		}
		if p, o := byline.Split(v, sites...); p == "" || o != "" || strings.Contains(p, ",") {
			return ""
		}
		if !contains(all, v) {
			all = append(all, v)
		}
	}
	if len(all) < 2 {
		return ""
	}
	return strings.Join(all, ", ")
}

// authorMetas are the <meta> keys holding the author, best first.
var authorMetas = []string{"author", "byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
	"citation_author", "article:author", "og:article:author", "cxenseparse:author"}

// givenFirst turns a name a meta tag writes surname first, as a
// catalogue does ("Соколова, Мария", "Jong, Michiel de"), into the order
// a byline prints it: one word before the one comma, a capitalised given
// name after it with at most two more words, capitalised or particles.
// Split at the comma it would be two writers of one word each, which is
// how no byline credits persons, so it was dropped; a full name before
// the comma ("Мария Соколова, Иван Петров") is a list and stays.
func givenFirst(s string) string {
	surname, given, ok := strings.Cut(s, ",")
	if !ok || strings.Contains(given, ",") {
		return s
	}
	sw, gw := strings.Fields(surname), strings.Fields(given)
	if len(sw) != 1 || len(gw) == 0 || len(gw) > 3 || !titleWord(sw[0]) || !titleWord(gw[0]) {
		return s
	}
	for _, w := range gw[1:] {
		if !titleWord(w) && !givenParticle(w) {
			return s
		}
	}
	return strings.Join(gw, " ") + " " + sw[0]
}

// titleWord is a word written with a capital and then lower-case letters
// (hyphens and apostrophes inside), as a name is and an acronym is not.
func titleWord(w string) bool {
	r := []rune(w)
	if len(r) < 2 || !unicode.IsUpper(r[0]) {
		return false
	}
	lower := false
	for _, c := range r[1:] {
		switch {
		case unicode.IsLower(c):
			lower = true
		case c == '-' || c == '\'' || c == '’' || unicode.IsUpper(c):
		default:
			return false
		}
	}
	return lower
}

// givenParticle is a particle a catalogue moves after the given name
// ("Jong, Michiel de", "Berg, Anna van den").
func givenParticle(w string) bool {
	switch w {
	case "de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "del", "dos", "das", "ter", "ten", "zu":
		return true
	}
	return false
}

// nameParticle is a particle that follows "von", "de" or "van" inside a
// name ("von der Leyen", "de la Cruz").
func nameParticle(w string) bool {
	switch w {
	case "der", "dem", "den", "la", "le", "los", "las", "del":
		return true
	}
	return false
}

// capitalised gives a byline element's lower-case lines the letter case
// the markup around it writes them in: a style sheet capitalises
// "lawrence bonk" on screen, and the writer's photo beside it says
// alt="Lawrence Bonk". An attribute (alt, title, a data-* value) within
// the element's four nearest ancestors that holds the line in other case
// gives it; a line written nowhere else stays as it is.
func capitalised(n *html.Node, s string) string {
	lines := strings.Split(s, "\n")
	changed := false
	top := n
	for d := 0; d < 4 && top.Parent != nil && top.Parent.Type == html.ElementNode; d++ {
		top = top.Parent
	}
	for i, l := range lines {
		if strings.IndexFunc(l, unicode.IsUpper) >= 0 || strings.IndexFunc(l, unicode.IsLetter) < 0 || len(strings.Fields(l)) < 2 {
			continue
		}
		if c := attrCase(top, l, 300); c != "" {
			lines[i], changed = c, true
		} else if slugNames(top, l, 300) {
			// No attribute writes it in capitals, but a link to the
			// writer's page spells the same words ("/author/jane-roe"
			// under "by jane roe"): a name the style sheet lowers.
			lines[i], changed = titleWords(l), true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(lines, "\n")
}

// maxCaseAttr is the longest attribute value attrCase reads: a name's
// spelling is in an alt or a title, not in a path or a srcset. The strip
// cuts longer unread values before the parse (stripAttrs).
const maxCaseAttr = 300

// attrCase looks through up to budget elements under n for an attribute
// value holding lower, a lower-case line, with capitals, and returns
// that spelling.
func attrCase(n *html.Node, lower string, budget int) string {
	found := ""
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		for c := m.FirstChild; c != nil && found == "" && budget > 0; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			budget--
			for _, a := range c.Attr {
				if a.Key == "class" || a.Key == "href" || a.Key == "src" || len(a.Val) > maxCaseAttr {
					continue
				}
				v := strings.Join(strings.Fields(a.Val), " ")
				// An offset into the lowered value holds in v only where
				// lowering kept every byte's length.
				lv := strings.ToLower(v)
				i := strings.Index(lv, lower)
				if i < 0 || len(lv) != len(v) {
					continue
				}
				if m := v[i : i+len(lower)]; m != lower {
					found = m
					return
				}
			}
			walk(c)
		}
	}
	walk(n)
	return found
}

// slugNames reports whether a link within up to budget elements under n
// ends its path with the words of lower, a lower-case line, joined by
// hyphens or underscores: "/author/jane-roe", "/yazar/ayse_kaya".
func slugNames(n *html.Node, lower string, budget int) bool {
	want := byline.Fold(strings.Join(strings.Fields(lower), "-"), 100)
	found := false
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		for c := m.FirstChild; c != nil && !found && budget > 0; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			budget--
			if c.DataAtom == atom.A {
				u, err := url.Parse(attr(c, "href"))
				if err == nil {
					seg := path.Base(strings.TrimSuffix(u.Path, "/"))
					if seg = byline.Fold(strings.ReplaceAll(seg, "_", "-"), 100); seg == want {
						found = true
						return
					}
				}
			}
			walk(c)
		}
	}
	walk(n)
	return found
}

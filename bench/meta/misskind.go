package main

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/publicsuffix"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// The miss kinds, a fixed vocabulary: a whole set's misses tallied by
// kind rank the causes without opening a page, which a held-out set
// allows (its aggregate lines only). The first kind that fits is the
// miss's.
var (
	titleKinds = []string{
		"empty",
		"a segment of <title>",          // ours is one part of <title> cut at a separator
		"ours longer, a segment before", // ours holds the reference after a title separator
		"ours longer, a segment after",  // ours holds the reference before a title separator
		"ours longer, run on",           // ours holds the reference and more words
		"ours shorter",                  // the reference holds ours and more
		"an unrelated h1",               // ours is an h1 sharing no word of four letters with the reference (a logo's, a section's)
		"an h1 rewording it",            // ours is an h1 sharing some
		"og:title",                      // ours is og:title, the reference something else
		"<title> whole",
		"different",
	}
	// Where the reference's title is on the page, for the same misses.
	titleRefKinds = []string{"an h1", "og:title", "<title> whole", "a segment of <title>", "elsewhere"}
	bylineKinds   = []string{
		"empty vs expected",       // we gave none, the reference a person
		"a name vs none expected", // we gave one, the reference none
		"case/diacritics",
		"a site or agency name", // one of ours is the site's or a desk's
		"extra names",           // ours holds the reference's and more
		"fewer names",           // the reference holds ours and more
		"one-word name",         // one of ours is one word
		"a different person",
	}
)

// Where a wrong byline's names are on the page, ours and the
// reference's: in its visible text (outside scripts, styles and the
// head), or only in its markup (metas, JSON-LD, attributes), or nowhere.
var bylineWhereKinds = []string{"ours printed", "ours in the markup only", "ours nowhere",
	"the reference's printed", "the reference's in the markup only", "the reference's nowhere",
	"both printed, ours first", "both printed, the reference's first"}

// missTally counts one tool's misses by kind.
type missTally struct {
	title, titleRef, byline, bylineWhere map[string]int
}

func newMissTally() missTally {
	return missTally{title: map[string]int{}, titleRef: map[string]int{}, byline: map[string]int{}, bylineWhere: map[string]int{}}
}

func (m missTally) print(w io.Writer, who string) {
	line := func(field string, kinds []string, c map[string]int) {
		n := 0
		for _, k := range kinds {
			n += c[k]
		}
		if n == 0 {
			return
		}
		var parts []string
		for _, k := range kinds {
			parts = append(parts, fmt.Sprintf("%s %d", k, c[k]))
		}
		fmt.Fprintf(w, "  %-12s %s misses (%d): %s\n", who, field, n, strings.Join(parts, ", "))
	}
	line("title", titleKinds, m.title)
	line("title's reference is", titleRefKinds, m.titleRef)
	line("byline", bylineKinds, m.byline)
	line("byline's names are", bylineWhereKinds, m.bylineWhere)
}

// titleMiss is the kind of a wrong title, and where the reference's is.
func titleMiss(got, want string, pt pageTitles) (kind, ref string) {
	segs := titleSegments(pt.title)
	inSegs := func(t string) bool {
		for _, s := range segs {
			if sameTitleAsIs(t, s) {
				return true
			}
		}
		return false
	}
	g, w := normTitle(got), normTitle(want)
	switch {
	case g == "":
		kind = "empty"
	case len(segs) > 1 && inSegs(got):
		kind = "a segment of <title>"
	case strings.Contains(g, w):
		kind = "ours longer, run on"
		i := strings.Index(g, w)
		before, after := strings.TrimSpace(g[:i]), strings.TrimSpace(g[i+len(w):])
		for _, sep := range []string{"|", "-", "–", "—", ":", "»", "«", "·", "•", "~", "›", "::"} {
			if before != "" && strings.HasSuffix(before, sep) {
				kind = "ours longer, a segment before"
			}
			if before == "" && strings.HasPrefix(after, sep) {
				kind = "ours longer, a segment after"
			}
		}
	case strings.Contains(w, g):
		kind = "ours shorter"
	case anySame(got, pt.h1s):
		kind = "an h1 rewording it"
		shared := false
		ref := sigWords(want)
		for w := range sigWords(got) {
			shared = shared || ref[w]
		}
		if !shared {
			kind = "an unrelated h1"
		}
	case pt.og != "" && sameTitleAsIs(got, pt.og):
		kind = "og:title"
	case pt.title != "" && sameTitleAsIs(got, pt.title):
		kind = "<title> whole"
	default:
		kind = "different"
	}
	switch {
	case anySame(want, pt.h1s):
		ref = "an h1"
	case pt.og != "" && (sameTitle(pt.og, want) || sameTitle(want, pt.og)):
		ref = "og:title"
	case pt.title != "" && (sameTitle(pt.title, want) || sameTitle(want, pt.title)):
		ref = "<title> whole"
	case len(segs) > 1 && inSegs(want):
		ref = "a segment of <title>"
	default:
		ref = "elsewhere"
	}
	return kind, ref
}

// bylineWhere tallies where the names of a wrong byline stand on the
// page: text is the page's visible text and raw its markup, both folded
// by foldAll's rule.
func bylineWhere(c map[string]int, got, want []string, text, raw string) {
	where := func(names []string, who string) {
		if len(names) == 0 {
			return
		}
		printed, marked := true, true
		for _, n := range foldAll(names) {
			printed = printed && strings.Contains(text, n)
			marked = marked && strings.Contains(raw, n)
		}
		switch {
		case printed:
			c[who+" printed"]++
		case marked:
			c[who+" in the markup only"]++
		default:
			c[who+" nowhere"]++
		}
	}
	where(got, "ours")
	where(want, "the reference's")
	first := func(names []string) int {
		at := -1
		for _, n := range foldAll(names) {
			if i := strings.Index(text, n); i >= 0 && (at < 0 || i < at) {
				at = i
			}
		}
		return at
	}
	if g, w := first(got), first(want); g >= 0 && w >= 0 && g != w {
		if g < w {
			c["both printed, ours first"]++
		} else {
			c["both printed, the reference's first"]++
		}
	}
}

// pageText is the page's visible text and its whole markup, folded as
// foldAll folds a name.
func pageText(doc []byte) (text, raw string) {
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return "", ""
	}
	var b strings.Builder
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Head || n.DataAtom == atom.Noscript) {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	fold := func(s string) string { return " " + strings.Join(foldAll([]string{s}), "") + " " }
	return fold(b.String()), fold(string(doc))
}

// titleSegments cuts <title> at the separators sameTitle knows.
func titleSegments(t string) []string {
	segs := []string{t}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " : ", " » ", " « ", " · ", " • ", " ~ ", " › ", ": "} {
		var next []string
		for _, s := range segs {
			for _, p := range strings.Split(s, sep) {
				if p = strings.TrimSpace(p); p != "" {
					next = append(next, p)
				}
			}
		}
		segs = next
	}
	return segs
}

// bylineMiss is the kind of a wrong byline (both folded by names).
func bylineMiss(got, want []string, u *url.URL) string {
	switch {
	case len(got) == 0:
		return "empty vs expected"
	case len(want) == 0:
		return "a name vs none expected"
	}
	if strings.Join(foldAll(got), "|") == strings.Join(foldAll(want), "|") {
		return "case/diacritics"
	}
	site := siteLabel(u)
	for _, g := range got {
		if isSiteName(g, site) {
			return "a site or agency name"
		}
	}
	switch {
	case subset(want, got):
		return "extra names"
	case subset(got, want):
		return "fewer names"
	}
	for _, g := range got {
		if len(strings.Fields(g)) == 1 {
			return "one-word name"
		}
	}
	return "a different person"
}

func subset(a, b []string) bool {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	for _, s := range a {
		if !in[s] {
			return false
		}
	}
	return true
}

var foldMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

func foldAll(ns []string) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		s, _, err := transform.String(foldMarks, n)
		if err != nil {
			s = n
		}
		out[i] = strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }), " ")
	}
	return out
}

// siteLabel is the registrable domain's first label ("cnn" of
// "edition.cnn.com").
func siteLabel(u *url.URL) string {
	if u == nil {
		return ""
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(u.Hostname())
	if err != nil {
		return ""
	}
	l, _, _ := strings.Cut(d, ".")
	return l
}

// deskWords mark a name as an outlet's or a desk's, not a person's.
var deskWords = map[string]bool{"staff": true, "news": true, "desk": true, "agency": true, "press": true, "editors": true,
	"editorial": true, "team": true, "redaktion": true, "reuters": true, "afp": true, "ap": true, "dpa": true, "magazine": true,
	"times": true, "post": true, "daily": true, "tribune": true, "media": true, "online": true, "com": true, "wire": true}

func isSiteName(name, site string) bool {
	squash := strings.Join(strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), "")
	if site != "" && len(site) >= 3 && (squash == site || strings.Contains(squash, site)) {
		return true
	}
	for _, f := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if deskWords[f] {
			return true
		}
	}
	return false
}

package main

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageTitles are the titles a page gives, read without wiredesk: its h1s'
// texts (distinct, in order), og:title and <title>.
type pageTitles struct {
	h1s       []string
	og, title string
}

func readTitles(doc []byte) pageTitles {
	var pt pageTitles
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return pt
	}
	seen := map[string]bool{}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1:
				if t := strings.Join(strings.Fields(textOf(n)), " "); t != "" && !seen[normTitle(t)] {
					seen[normTitle(t)] = true
					pt.h1s = append(pt.h1s, t)
				}
				return
			case atom.Title:
				if pt.title == "" {
					pt.title = strings.Join(strings.Fields(textOf(n)), " ")
				}
			case atom.Meta:
				var key, content string
				for _, a := range n.Attr {
					switch strings.ToLower(a.Key) {
					case "property", "name":
						key = strings.ToLower(a.Val)
					case "content", "value":
						content = a.Val
					}
				}
				if key == "og:title" && pt.og == "" {
					pt.og = strings.Join(strings.Fields(content), " ")
				}
			case atom.Script, atom.Style, atom.Svg:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	return pt
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

// titleSources tells, per set, which of the page's titles the reference
// takes where the page's h1 and og:title word the headline differently:
// the h1 (the headline as printed), og:title, <title>, or none of them.
func titleSources(spec string, w io.Writer, verbose bool) error {
	for _, part := range strings.Split(spec, ",") {
		kind, path, _ := strings.Cut(part, "=")
		set, ok := pageSets[kind]
		if !ok || path == "" {
			return fmt.Errorf("-title-sources: %q is not NAME=PATH", part)
		}
		pages, err := set.load(path)
		if err != nil {
			return err
		}
		counts := map[string]int{}
		n := 0
		for _, k := range pages {
			if !k.scoreTitle {
				continue
			}
			pt := readTitles(k.html)
			var h1 string
			for _, h := range pt.h1s {
				if len(strings.Fields(h)) >= 2 {
					h1 = h
					break
				}
			}
			if h1 == "" || pt.og == "" || sameTitle(h1, pt.og) || sameTitle(pt.og, h1) {
				continue
			}
			n++
			var src string
			switch {
			case anySame(k.title, pt.h1s) && sameTitle(pt.og, k.title):
				src = "h1 and og:title"
			case anySame(k.title, pt.h1s):
				src = "h1"
			case sameTitle(pt.og, k.title):
				src = "og:title"
			case sameTitle(pt.title, k.title) || sameTitle(k.title, pt.title):
				src = "<title>"
			default:
				src = "none"
			}
			counts[src]++
			if verbose {
				fmt.Fprintf(w, "%s %s: ref %q; h1 %q; og %q\n", src, k.name, k.title, h1, pt.og)
			}
		}
		var keys []string
		for s := range counts {
			keys = append(keys, s)
		}
		sort.Strings(keys)
		fmt.Fprintf(w, "%s: %d of %d pages word the h1 and og:title apart; the reference takes", kind, n, len(pages))
		for _, s := range keys {
			fmt.Fprintf(w, " %s %d,", s, counts[s])
		}
		fmt.Fprintln(w)
	}
	return nil
}

func anySame(ref string, titles []string) bool {
	for _, t := range titles {
		if sameTitle(t, ref) {
			return true
		}
	}
	return false
}

// printedHeadline is the headline the page prints in an h1 when the
// reference is one of the page's meta titles (og:title or <title>, up to
// the site's name) and the h1 words the same story otherwise: issue 10's
// title is the headline as printed (docs/schema.md), while a suite's
// extractor often takes og:title, a social or search variant ("… – and
// How to Solve Them" over the printed "Millennial Decorating Mistakes", a
// kicker added or a clause cut). Either is scored right. The h1 must
// share at least two words of four letters or more, and a third of the
// reference's, so that a logo's or a section's h1 ("Bloomberg UK", "Log
// In") never stands in. "" when there is no such h1.
func printedHeadline(k known) string {
	pt := readTitles(k.html)
	meta := func(t string) bool { return t != "" && (sameTitle(t, k.title) || sameTitle(k.title, t)) }
	if !meta(pt.og) && !meta(pt.title) {
		return ""
	}
	ref := sigWords(k.title)
	if len(ref) < 3 {
		return ""
	}
	for _, h := range pt.h1s {
		if len(strings.Fields(h)) < 3 || sameTitle(h, k.title) {
			continue
		}
		shared := 0
		for w := range sigWords(h) {
			if ref[w] {
				shared++
			}
		}
		if shared >= 2 && 3*shared >= len(ref) {
			return h
		}
	}
	return ""
}

// sigWords are s's words of four letters or more, folded.
func sigWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, f := range strings.FieldsFunc(normTitle(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(f) >= 4 {
			out[f] = true
		}
	}
	return out
}

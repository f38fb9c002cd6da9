// Package heldout reads the held-out page sets that the bench commands
// (bench/extract, bench/meta) score wiredesk on: pages no one on the team
// wrote, with a human reference text. The sets are not in the repository
// (bench/extract/README.md says where they come from); both commands read
// them through this one loader, so that they score the same reference.
package heldout

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// Kind is the form a page's reference came in.
type Kind int

const (
	// Markup is CleanEval markup (a "URL:" line, <p>, <h> and <l> before
	// paragraphs, headings and list items) or plain text.
	Markup Kind = iota
	// Spans is the page itself with the annotators' selections as spans
	// of class x-nc-selN (the L3S-GN1 Google News set). The reference is
	// one run of text, with no paragraphs to count.
	Spans
	// Fragment is an HTML fragment of the article (Mozilla readability's
	// expected output).
	Fragment
	// Labels is the page itself with the annotators' part names in
	// __label attributes (BoilerNet's GoogleTrends-2017 set: main, title,
	// author, date, caption, comment, ...). The reference is the headline
	// and the article, the elements labelled title or main, as dragnet's
	// is; bylines, dates, captions and readers' comments are left out.
	Labels
)

// A Page is one page of a set and its reference text.
type Page struct {
	Name string
	// Site is the name without a trailing _NN; a caller that knows
	// better (a canonical URL's host, say) may replace it.
	Site  string
	HTML  []byte // converted to UTF-8, as the fetcher does
	Truth string
	Kind  Kind
}

var goldTag = regexp.MustCompile(`(?m)^\s*<(p|h|l)>|^URL:.*$`)

// commentsMark is the line dragnet's references put between the article
// and the readers' comments: the article is what comes before it.
var commentsMark = []byte("!@#$%^&*()")

// Load reads a set in the CleanEval layout: DIR/input/NAME.html and its
// reference DIR/GoldStandard/NAME.txt. A page without a reference, or
// whose reference marks nothing as the article, is left out.
func Load(dir string) ([]Page, error) {
	inputs, err := filepath.Glob(filepath.Join(dir, "input", "*.html"))
	if err != nil || len(inputs) == 0 {
		return nil, fmt.Errorf("held-out %s: no input/*.html (%v)", dir, err)
	}
	var pages []Page
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".html")
		gold, err := os.ReadFile(filepath.Join(dir, "GoldStandard", name+".txt"))
		if err != nil {
			continue
		}
		raw, err := os.ReadFile(in)
		if err != nil {
			return nil, err
		}
		utf8, err := Decode(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in, err)
		}
		truth, kind, err := reference(gold)
		if err != nil {
			return nil, fmt.Errorf("%s: reference: %w", in, err)
		}
		if strings.TrimSpace(truth) == "" {
			continue
		}
		site := name
		if i := strings.LastIndexByte(name, '_'); i > 0 {
			site = name[:i]
		}
		pages = append(pages, Page{Name: name, Site: site, HTML: utf8, Truth: truth, Kind: kind})
	}
	return pages, nil
}

// Decode converts a page to UTF-8 as the fetcher does before extraction,
// with no Content-Type header to go by (the saved pages kept none):
// bytes that are UTF-8, or UTF-8 but for a few stray bytes (ten valid
// sequences a stray or more, which the fetcher's detection reads as
// UTF-8 too), are read as UTF-8 whatever the page declares, the strays
// replaced; other bytes are read by the HTML prescan (a charset declared
// in the first 1,024 bytes, windows-1252 otherwise). The prescan alone
// read a UTF-8 page whose <meta charset> comes after a long head of
// scripts as windows-1252, "Whoâ€™s" for "Who’s". The fetcher's guesses
// among legacy encodings (windows-1251, KOI8-R, windows-1254) are not
// repeated here: pkg/fetch imports pkg/extract, whose tests read this
// package.
func Decode(raw []byte) ([]byte, error) {
	if utf8Text(raw) {
		raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
		if utf8.Valid(raw) {
			return raw, nil
		}
		return bytes.ToValidUTF8(raw, []byte("\uFFFD")), nil
	}
	r, err := charset.NewReader(bytes.NewReader(raw), "text/html")
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// utf8Text reports bytes beyond ASCII that are UTF-8 but for at most one
// stray byte in ten valid sequences.
func utf8Text(b []byte) bool {
	good, stray := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			stray++
		} else {
			good++
		}
		i += size
	}
	return good > 0 && good >= 10*stray
}

func reference(gold []byte) (string, Kind, error) {
	switch {
	case bytes.Contains(gold, []byte("x-nc-sel")):
		u, err := Decode(gold)
		if err != nil {
			return "", Spans, err
		}
		s, err := Text(u, func(n *nethtml.Node) bool {
			return n.DataAtom == atom.Span && hasClass(n, "x-nc-sel2")
		})
		return s, Spans, err
	case bytes.Contains(gold, []byte("__label=")):
		u, err := Decode(gold)
		if err != nil {
			return "", Labels, err
		}
		s, err := Text(u, func(n *nethtml.Node) bool {
			for _, a := range n.Attr {
				if a.Key == "__label" {
					v := strings.TrimSpace(a.Val)
					return v == "main" || v == "title"
				}
			}
			return false
		})
		return s, Labels, err
	case bytes.Contains(gold, []byte("</p>")) || bytes.Contains(gold, []byte("</div>")):
		s, err := Text(gold, nil)
		return s, Fragment, err
	}
	if i := bytes.Index(gold, commentsMark); i >= 0 {
		gold = gold[:i]
	}
	if !utf8.Valid(gold) {
		gold = windows1252Bytes(gold)
	}
	return html.UnescapeString(goldTag.ReplaceAllString(string(gold), "")), Markup, nil
}

func hasClass(n *nethtml.Node, c string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && strings.Contains(" "+a.Val+" ", " "+c+" ") {
			return true
		}
	}
	return false
}

// windows1252Bytes reads the bytes of b that are no UTF-8 as
// Windows-1252 and keeps the rest. Chaos's and Big9's references are
// Windows-1252 beside UTF-8 pages: read as UTF-8, every curly quote was
// U+FFFD, and a paragraph with "It’s" in it could never be found in any
// tool's text. A CleanEval reference in UTF-8 with one stray byte keeps
// its UTF-8 letters ("Akgün", not "AkgÃ¼n"): the bytes are read one by
// one when UTF-8's letters outnumber the stray bytes.
func windows1252Bytes(b []byte) []byte {
	dec := charmap.Windows1252.NewDecoder()
	// A reference with more stray bytes than UTF-8 letters is
	// Windows-1252 through and through: a byte pair that happens to be
	// UTF-8 ("\xc2\x95") is its two characters too.
	multi, stray := 0, 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			stray++
		case size > 1:
			multi++
		}
		i += size
	}
	if stray >= multi {
		if u, err := dec.Bytes(b); err == nil {
			return u
		}
	}
	out := make([]byte, 0, len(b)+len(b)/8)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			if u, err := dec.Bytes(b[:1]); err == nil {
				out = append(out, u...)
			}
		} else {
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}

// Text is the visible text of src, a newline at every block; with keep,
// only the text inside the elements keep selects.
func Text(src []byte, keep func(*nethtml.Node) bool) (string, error) {
	doc, err := nethtml.Parse(bytes.NewReader(src))
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	var walk func(n *nethtml.Node, in bool)
	walk = func(n *nethtml.Node, in bool) {
		switch n.Type {
		case nethtml.TextNode:
			if in {
				sb.WriteString(n.Data)
			}
			return
		case nethtml.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Head, atom.Noscript:
				return
			case atom.Span, atom.A, atom.Em, atom.Strong, atom.B, atom.I, atom.U, atom.Sup, atom.Sub, atom.Small, atom.Font, atom.Abbr, atom.Cite, atom.Code, atom.Q, atom.Time, atom.Mark:
			default:
				sb.WriteByte('\n')
			}
			if keep != nil && keep(n) {
				in = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(doc, keep == nil)
	return sb.String(), nil
}

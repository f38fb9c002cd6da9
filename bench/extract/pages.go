// Command extract compares the single-threaded speed of wiredesk's page
// extractor (pkg/extract) with github.com/markusmobius/go-trafilatura on the
// same pages in the same run, and reports how much of trafilatura's main text
// wiredesk's body blocks cover.
//
// It lives in its own module so that trafilatura and its dependencies never
// enter wiredesk's go.mod or shipped binaries.
package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/extract"
)

// Page sets, relative to this directory. The URL bases only resolve
// relative links; nothing is fetched.
var pageRoots = []struct {
	dir  string
	base string
}{
	{"../../pkg/extract/testdata", "https://www.example.com/haber/"},
	{"../../deploy/demo/site", "http://127.0.0.1/"},
}

// page is one HTML document held in memory, so that the timed loops do no I/O.
type page struct {
	name string // root-relative path, for reports
	data []byte
	url  *url.URL
}

// loadPages reads every .html file under the page roots, in a stable order.
func loadPages() ([]page, error) {
	var pages []page
	for _, root := range pageRoots {
		err := filepath.WalkDir(root.dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || filepath.Ext(path) != ".html" {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(root.dir, path)
			if err != nil {
				return err
			}
			rel = filepath.ToSlash(rel)
			u, err := url.Parse(root.base + rel)
			if err != nil {
				return err
			}
			name := filepath.ToSlash(filepath.Join(filepath.Base(root.dir), rel))
			pages = append(pages, page{name: name, data: data, url: u})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("load pages from %s: %w", root.dir, err)
		}
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("load pages: no .html files under %d roots", len(pageRoots))
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].name < pages[j].name })
	return pages, nil
}

func totalBytes(pages []page) int64 {
	var n int64
	for _, p := range pages {
		n += int64(len(p.data))
	}
	return n
}

// runWiredesk extracts with no source rules: the generic extractor is the
// path every page without rules takes, and the slower of the two.
func runWiredesk(p page) (*extract.Result, error) {
	return extract.Extract(bytes.NewReader(p.data), p.url, nil)
}

// runTrafilatura uses trafilatura's defaults (no readability/distiller
// fallback, htmldate in fast mode), its own fastest general configuration.
// Its "not long enough" errors are results, not failures: the page was
// fully processed, as on wiredesk's listing pages.
func runTrafilatura(p page) (*trafilatura.ExtractResult, error) {
	return trafilatura.Extract(bytes.NewReader(p.data), trafilatura.Options{OriginalURL: p.url})
}

// bodyText joins wiredesk's body-zone blocks, whitespace-normalised.
func bodyText(r *extract.Result) string {
	var parts []string
	for _, b := range r.Blocks {
		if b.Zone == article.ZoneBody {
			parts = append(parts, normalize(b.Text))
		}
	}
	return strings.Join(parts, "\n")
}

// blockTags are the elements trafilatura's output tree uses for paragraphs,
// headings, list items, quotes and table cells.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true,
	atom.Pre: true, atom.Td: true, atom.Th: true, atom.Div: true,
	atom.Dt: true, atom.Dd: true, atom.Figcaption: true,
}

// paragraphs lists the text of the innermost block elements of
// trafilatura's content tree, whitespace-normalised. Its ContentText
// cannot serve: it joins paragraphs with spaces.
func paragraphs(root *html.Node) []string {
	var out []string
	var loose strings.Builder // text between blocks, e.g. directly under <body>
	flush := func() {
		if s := normalize(loose.String()); s != "" {
			out = append(out, s)
		}
		loose.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				loose.WriteString(c.Data)
			case c.Type != html.ElementNode:
			case blockTags[c.DataAtom] && !hasBlock(c):
				flush()
				if s := normalize(textOf(c)); s != "" {
					out = append(out, s)
				}
			case blockTags[c.DataAtom]:
				flush()
				walk(c)
				flush()
			default:
				walk(c)
			}
		}
	}
	if root != nil {
		walk(root)
		flush()
	}
	return out
}

func hasBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockTags[c.DataAtom] || hasBlock(c)) {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

func normalize(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// coverage is how much of trafilatura's text appears in wiredesk's blocks.
type coverage struct {
	paras, inBody, inAny int // trafilatura paragraphs: all, in body-zone text, in any block's text
	chars, charsInBody   int
	missing              []miss // paragraphs not in body-zone text
	trafErr              error
}

// miss is a trafilatura paragraph absent from wiredesk's body text, with
// where wiredesk put it instead.
type miss struct {
	text  string
	where string // a zone, "several blocks", or "absent"
}

func compare(p page) (coverage, error) {
	var c coverage
	wr, err := runWiredesk(p)
	if err != nil {
		return c, fmt.Errorf("wiredesk %s: %w", p.name, err)
	}
	tr, err := runTrafilatura(p)
	if err != nil {
		c.trafErr = err
		return c, nil
	}
	body := bodyText(wr)
	blocks := make([]string, len(wr.Blocks))
	for i, b := range wr.Blocks {
		blocks[i] = normalize(b.Text)
	}
	all := strings.Join(blocks, " ")
	for _, para := range paragraphs(tr.ContentNode) {
		n := len([]rune(para))
		c.paras++
		c.chars += n
		if strings.Contains(body, para) {
			c.inBody++
			c.inAny++
			c.charsInBody += n
			continue
		}
		m := miss{text: para, where: "absent"}
		if strings.Contains(all, para) {
			c.inAny++
			m.where = "several blocks"
			for i, b := range blocks {
				if strings.Contains(b, para) {
					m.where = string(wr.Blocks[i].Zone)
					break
				}
			}
		}
		c.missing = append(c.missing, m)
	}
	return c, nil
}

func percent(part, whole int) string {
	if whole == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(part)/float64(whole))
}

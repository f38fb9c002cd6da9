package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/fetch"
)

// A held-out set in the CleanEval layout (DIR/input/NAME.html, its
// reference DIR/GoldStandard/NAME.txt), as bench/extract reads it: CleanEval
// markup (<p>, <h>, <l> before each paragraph), or an HTML fragment of the
// article (Mozilla readability's expected output). Pages with the L3S
// span markup are skipped here: their reference is one run of text with no
// paragraphs to count.

var goldTag = regexp.MustCompile(`(?m)^\s*<(p|h|l)>|^URL:.*$`)

type heldoutPage struct {
	name  string
	html  []byte
	truth string
}

func loadHeldout(dir string) ([]heldoutPage, error) {
	inputs, err := filepath.Glob(filepath.Join(dir, "input", "*.html"))
	if err != nil || len(inputs) == 0 {
		return nil, fmt.Errorf("held-out %s: no input/*.html (%v)", dir, err)
	}
	var pages []heldoutPage
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".html")
		gold, err := os.ReadFile(filepath.Join(dir, "GoldStandard", name+".txt"))
		if err != nil || bytes.Contains(gold, []byte("x-nc-sel")) {
			continue
		}
		raw, err := os.ReadFile(in)
		if err != nil {
			return nil, err
		}
		page, err := decode(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in, err)
		}
		truth := html.UnescapeString(goldTag.ReplaceAllString(string(gold), ""))
		if bytes.Contains(gold, []byte("</p>")) || bytes.Contains(gold, []byte("</div>")) {
			if truth, err = htmlText(gold); err != nil {
				return nil, fmt.Errorf("%s: reference: %w", in, err)
			}
		}
		if strings.TrimSpace(truth) == "" {
			continue
		}
		pages = append(pages, heldoutPage{name: name, html: page, truth: truth})
	}
	return pages, nil
}

func decode(raw []byte) ([]byte, error) {
	r, err := charset.NewReader(bytes.NewReader(raw), "text/html")
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// htmlText is the visible text of src, a line at every block.
func htmlText(src []byte) (string, error) {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Head, atom.Noscript:
				return
			case atom.Span, atom.A, atom.Em, atom.Strong, atom.B, atom.I, atom.U, atom.Sup, atom.Sub, atom.Small, atom.Font, atom.Abbr, atom.Cite, atom.Code, atom.Q, atom.Time, atom.Mark:
			default:
				sb.WriteByte('\n')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return sb.String(), nil
}

// runHeldout measures paragraphs kept and noise on a held-out set, like
// runParagraphs on the Zyte pages. A page has no URL of its own: the
// fetcher's canonical URL stands in when the page gives one, so that a
// link to the page's own site is told from a citation.
func runHeldout(dir string, w io.Writer, verbose bool) error {
	pages, err := loadHeldout(dir)
	if err != nil {
		return err
	}
	cl, err := classify.New(classify.Config{Languages: languages, NoMemory: true}, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	base, _ := url.Parse("http://localhost/page.html")
	var wd, tf tally
	for _, p := range pages {
		var paras []string
		var dropped []article.Dropped
		pg, err := fetch.BuildPage(bytes.NewReader(p.html), base, nil, article.HTTP{Status: 200, ContentType: "text/html; charset=utf-8"}, now)
		if err == nil {
			pg.Source = "heldout"
			if pg.CanonicalURL != "" {
				pg.URL = pg.CanonicalURL
			}
			res, err := cl.Classify(context.Background(), pg, now)
			if err != nil {
				return fmt.Errorf("page %s: %w", p.name, err)
			}
			if res.Article != nil {
				paras, dropped = res.Article.Paragraphs, res.Article.Dropped
			} else {
				wd.dropped++
				if verbose {
					fmt.Fprintf(w, "wiredesk %s: dropped %s (%s)\n", p.name, res.Drop.Reason, res.Drop.Detail)
				}
			}
		} else {
			wd.dropped++
		}
		missed, noise := wd.add(p.truth, paras)
		if verbose {
			for _, m := range missed {
				fmt.Fprintf(w, "wiredesk %s missed (%s): %.120s\n", p.name, whyDropped(m, dropped, pg), m)
			}
			for _, n := range noise {
				fmt.Fprintf(w, "wiredesk %s noise: %.120s\n", p.name, n)
			}
		}
		var tparas []string
		if r, err := trafilatura.Extract(bytes.NewReader(p.html), trafilatura.Options{OriginalURL: base}); err == nil && r != nil {
			tparas = strings.Split(r.ContentText, "\n")
		} else {
			tf.dropped++
		}
		tf.add(p.truth, tparas)
	}
	fmt.Fprintf(w, "held-out %s, %d pages: reference paragraphs kept and noise, as on the Zyte pages\n", dir, len(pages))
	wd.print(w, "wiredesk")
	tf.print(w, "trafilatura")
	return nil
}

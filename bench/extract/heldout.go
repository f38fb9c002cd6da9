package main

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/tabwriter"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html/charset"

	"github.com/wiredesk/wiredesk/internal/zyte"
	"github.com/wiredesk/wiredesk/pkg/extract"
)

// A held-out set in the CleanEval layout: DIR/input/NAME.html and its
// reference text DIR/GoldStandard/NAME.txt (CleanEval markup: a "URL:"
// line, <p>, <h> and <l> tags before paragraphs, headings, list items).
// Pages are grouped into sites by their name without a trailing _NN.

var goldTag = regexp.MustCompile(`(?m)^\s*<(p|h|l)>|^URL:.*$`)

type heldoutPage struct {
	name, site string
	html       []byte
	truth      string
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
		if err != nil {
			continue // a page without reference text is not scored
		}
		raw, err := os.ReadFile(in)
		if err != nil {
			return nil, err
		}
		// The pages come in their own encodings; the fetcher decodes to
		// UTF-8 before extraction, and so does this.
		r, err := charset.NewReader(bytes.NewReader(raw), "text/html")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in, err)
		}
		utf8, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in, err)
		}
		site := name
		if i := strings.LastIndexByte(name, '_'); i > 0 {
			site = name[:i]
		}
		truth := html.UnescapeString(goldTag.ReplaceAllString(string(gold), ""))
		pages = append(pages, heldoutPage{name: name, site: site, html: utf8, truth: truth})
	}
	return pages, nil
}

// runHeldout scores both extractors on a held-out set with the Zyte
// metric, overall and per site, and lists the pages either one loses.
func runHeldout(dir string, stdout io.Writer) error {
	pages, err := loadHeldout(dir)
	if err != nil {
		return err
	}
	u, _ := url.Parse("http://localhost/page.html")
	var wd, tf []zyte.Counts
	type siteRow struct {
		n, wLost, tLost int
		w, t            []zyte.Counts
	}
	sites := map[string]*siteRow{}
	for _, p := range pages {
		text := ""
		if r, err := extract.Extract(bytes.NewReader(p.html), u, nil); err == nil {
			text = r.ArticleText()
		}
		ttext := ""
		if r, err := trafilatura.Extract(bytes.NewReader(p.html), trafilatura.Options{OriginalURL: u}); err == nil {
			ttext = r.ContentText
		}
		cw, ct := zyte.Match(p.truth, text), zyte.Match(p.truth, ttext)
		wd, tf = append(wd, cw), append(tf, ct)
		s := sites[p.site]
		if s == nil {
			s = &siteRow{}
			sites[p.site] = s
		}
		s.n++
		s.w, s.t = append(s.w, cw), append(s.t, ct)
		if cw.Recall() < 0.1 {
			s.wLost++
		}
		if ct.Recall() < 0.1 {
			s.tLost++
		}
	}
	mw, mt := zyte.Score(wd), zyte.Score(tf)
	fmt.Fprintf(stdout, "held-out %s: %d pages, %d sites\n", dir, len(pages), len(sites))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "extractor\tF1\tprecision\trecall\t")
	fmt.Fprintf(tw, "wiredesk\t%.3f\t%.3f\t%.3f\t\n", mw.F1, mw.Precision, mw.Recall)
	fmt.Fprintf(tw, "go-trafilatura\t%.3f\t%.3f\t%.3f\t\n", mt.F1, mt.Precision, mt.Recall)
	tw.Flush()
	names := make([]string, 0, len(sites))
	for s := range sites {
		names = append(names, s)
	}
	sort.Strings(names)
	tw = tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "site\tpages\twiredesk F1\tlost\tgo-trafilatura F1\tlost")
	for _, n := range names {
		s := sites[n]
		if len(names) > 30 && s.wLost == 0 {
			continue // many one-page sites: list only the losses
		}
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%d\t%.3f\t%d\n", n, s.n, zyte.Score(s.w).F1, s.wLost, zyte.Score(s.t).F1, s.tLost)
	}
	return tw.Flush()
}

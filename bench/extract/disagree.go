package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/wiredesk/wiredesk/internal/gittree"
	"github.com/wiredesk/wiredesk/internal/heldout"
	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/extract"
)

// Thresholds of the disagreement hunt: on pages that are all articles
// but carry no body reference, a page is one extractor's loss when the
// other finds at least disagreeMin letters of main text and it finds
// under a share of them (-share, a quarter by default).
const (
	disagreeMin = 500
	// shortBody is the classifier's shortArticleChars: under it, with
	// little prose around, the page may be dropped as not_article.
	shortBody = 150
)

// rawPage is one page of a disagreement set: its name in the set and its
// HTML as UTF-8.
type rawPage struct {
	name string
	html []byte
}

// disagreeRow is one page's figures: the letters of each extractor's
// main text, and where wiredesk zoned the letters of go-trafilatura's.
type disagreeRow struct {
	name           string
	wd, gt         int
	comment        int            // wiredesk's letters zoned comment
	gtZones        map[string]int // go-trafilatura's text found in wiredesk's blocks, by zone
	wdErr, shortWd bool
}

// runDisagree extracts every page of each set with both extractors and
// lists the pages one of them loses: there is no reference, only the
// knowledge that every page is an article. Each arg is a directory
// (read recursively) or a bare git repository, optionally followed by
// ":PREFIX" to read only the files under PREFIX.
func runDisagree(args []string, share float64, cache string, verbose bool, stdout io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("-disagree: name the sets to read after the flags")
	}
	type total struct {
		name                               string
		pages, lost, empty, short, reverse int
		zonedComment                       int
		wd, comment, lostComment           int
		zones                              map[string]int
	}
	var totals []total
	for _, arg := range args {
		pages, err := readSet(arg)
		if err != nil {
			return err
		}
		t := total{name: arg, pages: len(pages), zones: map[string]int{}}
		var lost, reverse, zonedComment []disagreeRow
		for _, p := range pages {
			r := disagreeOne(p, cache)
			t.wd += r.wd
			t.comment += r.comment
			if c := r.gtZones[string(article.ZoneComment)]; c >= 300 && float64(c) >= 0.2*float64(r.gt) {
				t.zonedComment++
				zonedComment = append(zonedComment, r)
			}
			switch {
			case r.gt >= disagreeMin && float64(r.wd) < share*float64(r.gt):
				t.lost++
				t.lostComment += r.comment
				if r.wd == 0 {
					t.empty++
				} else if r.shortWd {
					t.short++
				}
				for z, n := range r.gtZones {
					t.zones[z] += n
				}
				lost = append(lost, r)
			case r.wd >= disagreeMin && float64(r.gt) < share*float64(r.wd):
				t.reverse++
				reverse = append(reverse, r)
			}
		}
		totals = append(totals, t)
		fmt.Fprintf(stdout, "== %s: %d pages; wiredesk loses %d, go-trafilatura %d\n", arg, len(pages), len(lost), len(reverse))
		if verbose || len(lost) > 0 {
			printDisagree(stdout, "wiredesk loses", lost)
		}
		if verbose {
			printDisagree(stdout, "go-trafilatura loses", reverse)
			printDisagree(stdout, "a fifth or more of go-trafilatura's text zoned comment", zonedComment)
		}
	}
	fmt.Fprintf(stdout, "\ndisagreements: pages where one extractor has under %.2f of the other's letters, the other %d or more\n", share, disagreeMin)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\tpages\twd loses\tempty\tshort\tgt loses\tgt text zoned comment\twd comment %\ton lost pages\tgt text on lost pages, by wd zone\t")
	var sum total
	for _, t := range totals {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%d\t%s\t\n", t.name, t.pages, t.lost, t.empty, t.short, t.reverse, t.zonedComment,
			percent(t.comment, t.wd+t.comment), t.lostComment, zoneList(t.zones))
		sum.pages += t.pages
		sum.lost += t.lost
		sum.empty += t.empty
		sum.short += t.short
		sum.reverse += t.reverse
		sum.zonedComment += t.zonedComment
	}
	fmt.Fprintf(tw, "all\t%d\t%d\t%d\t%d\t%d\t%d\t\t\t\t\n", sum.pages, sum.lost, sum.empty, sum.short, sum.reverse, sum.zonedComment)
	return tw.Flush()
}

func printDisagree(w io.Writer, what string, rows []disagreeRow) {
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(w, "  %s:\n", what)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		note := ""
		if r.wdErr {
			note = "error"
		}
		fmt.Fprintf(tw, "  %s\twd %d\tgt %d\tcomment %d\t%s\t%s\n", r.name, r.wd, r.gt, r.comment, zoneList(r.gtZones), note)
	}
	tw.Flush()
}

func zoneList(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] })
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s:%d", k, m[k]))
	}
	return strings.Join(parts, " ")
}

// disagreeOne extracts one page with both extractors. go-trafilatura's
// text is cached by the page's hash when cache is set: only wiredesk
// changes between runs.
func disagreeOne(p rawPage, cache string) disagreeRow {
	row := disagreeRow{name: p.name, gtZones: map[string]int{}}
	u, _ := url.Parse("http://localhost/page.html")
	gtText, _ := gtExtract(p.html, u, cache)
	gt := letters(gtText, len(gtText))
	row.gt = utf8.RuneCountInString(gt)
	r, err := extract.Extract(bytes.NewReader(p.html), u, nil)
	if err != nil {
		row.wdErr = true
		return row
	}
	for _, b := range r.Blocks {
		t := letters(b.Text, len(b.Text))
		n := utf8.RuneCountInString(t)
		switch b.Zone {
		case article.ZoneBody:
			row.wd += n
		case article.ZoneComment:
			row.comment += n
		}
		if n >= 20 && strings.Contains(gt, t) {
			row.gtZones[string(b.Zone)] += n
		}
	}
	row.shortWd = row.wd < shortBody
	return row
}

// readSet reads the .html, .htm and .html.gz files of a directory, or
// of a bare git repository's HEAD, recursively, as UTF-8.
func readSet(arg string) ([]rawPage, error) {
	dir, prefix, _ := strings.Cut(arg, ":")
	rel, err := gittree.Files(dir, prefix, htmlFile)
	if err != nil {
		return nil, err
	}
	// Pages are named by their path in the set, the prefix included.
	files := make(map[string][]byte, len(rel))
	for n, b := range rel {
		files[path.Join(prefix, n)] = b
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	pages := make([]rawPage, 0, len(names))
	for _, n := range names {
		b := files[n]
		if strings.HasSuffix(n, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				return nil, fmt.Errorf("%s: %w", n, err)
			}
			if b, err = io.ReadAll(zr); err != nil {
				return nil, fmt.Errorf("%s: %w", n, err)
			}
		}
		if !utf8.Valid(b) {
			d, err := heldout.Decode(b)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", n, err)
			}
			b = d
		}
		pages = append(pages, rawPage{name: n, html: b})
	}
	return pages, nil
}

func htmlFile(name string) bool {
	name = strings.ToLower(name)
	return strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm") || strings.HasSuffix(name, ".html.gz")
}

// gtExtract is go-trafilatura's main text and title of a page with its
// defaults, an error counting as no text. With cache set, both are kept
// there by the page's hash (a file each), and read back on later runs:
// only wiredesk changes between runs.
func gtExtract(page []byte, u *url.URL, cache string) (text, title string) {
	var file string
	if cache != "" {
		sum := sha256.Sum256(page)
		file = filepath.Join(cache, hex.EncodeToString(sum[:12]))
		t, terr := os.ReadFile(file + ".title")
		b, err := os.ReadFile(file + ".txt")
		if err == nil && terr == nil {
			return string(b), string(t)
		}
	}
	if r, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{OriginalURL: u}); err == nil {
		text, title = r.ContentText, r.Metadata.Title
	}
	if file != "" {
		_ = os.MkdirAll(cache, 0o755)
		_ = os.WriteFile(file+".title", []byte(title), 0o644)
		_ = os.WriteFile(file+".txt", []byte(text), 0o644)
	}
	return text, title
}

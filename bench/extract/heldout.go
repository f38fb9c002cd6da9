package main

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/wiredesk/wiredesk/internal/zyte"
	"github.com/wiredesk/wiredesk/pkg/extract"
)

// A held-out set in the CleanEval layout: DIR/input/NAME.html and its
// reference text DIR/GoldStandard/NAME.txt. Three kinds of reference are
// read:
//
//   - CleanEval markup: a "URL:" line, <p>, <h> and <l> tags before
//     paragraphs, headings, list items (CleanEval, CleanPortalEval), or
//     plain text (dragnet, whose readers' comments after a separator
//     line are cut off: they are not the article);
//   - the page itself with the annotators' selections as spans of class
//     x-nc-selN (the L3S-GN1 Google News set): the reference is the text
//     of the x-nc-sel2 spans, the article's full text, without the
//     headline (x-nc-sel1) or captions, comments and related links;
//   - an HTML fragment of the article (Mozilla readability's expected
//     output): its text, block by block.
//
// Pages are grouped into sites by their name without a trailing _NN, or,
// when names are bare numbers or ids, by the host of the page's canonical
// URL.

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
		utf8, err := decode(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in, err)
		}
		truth, err := goldText(gold)
		if err != nil {
			return nil, fmt.Errorf("%s: reference: %w", in, err)
		}
		if strings.TrimSpace(truth) == "" {
			continue // nothing marked as the article: nothing to score
		}
		site := name
		if i := strings.LastIndexByte(name, '_'); i > 0 {
			site = name[:i]
		}
		pages = append(pages, heldoutPage{name: name, site: site, html: utf8, truth: truth})
	}
	return pages, nil
}

// decode converts a page to UTF-8 from its own charset, as the fetcher
// does before extraction.
func decode(raw []byte) ([]byte, error) {
	r, err := charset.NewReader(bytes.NewReader(raw), "text/html")
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

func goldText(gold []byte) (string, error) {
	switch {
	case bytes.Contains(gold, []byte("x-nc-sel")):
		u, err := decode(gold)
		if err != nil {
			return "", err
		}
		return htmlText(u, func(n *html.Node) bool {
			return n.DataAtom == atom.Span && hasClass(n, "x-nc-sel2")
		})
	case bytes.Contains(gold, []byte("</p>")) || bytes.Contains(gold, []byte("</div>")):
		return htmlText(gold, nil)
	}
	// dragnet's references hold the article, then a line
	// "!@#$%^&*()  COMMENTS" and the readers' comments: the article is
	// what comes before it.
	if i := bytes.Index(gold, []byte("!@#$%^&*()")); i >= 0 {
		gold = gold[:i]
	}
	return html.UnescapeString(goldTag.ReplaceAllString(string(gold), "")), nil
}

func hasClass(n *html.Node, c string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && strings.Contains(" "+a.Val+" ", " "+c+" ") {
			return true
		}
	}
	return false
}

// htmlText is the visible text of src, a newline at every block; with
// keep, only the text inside the elements keep selects.
func htmlText(src []byte, keep func(*html.Node) bool) (string, error) {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	var walk func(n *html.Node, in bool)
	walk = func(n *html.Node, in bool) {
		switch n.Type {
		case html.TextNode:
			if in {
				sb.WriteString(n.Data)
			}
			return
		case html.ElementNode:
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

// heldoutScore is one page's scores: each extractor's text as it is,
// and with its title in front.
type heldoutScore struct {
	page             *heldoutPage
	w, wt, t, tt     zyte.Counts
	headline         bool // the reference holds the page's headline
	wdText, wdTitled string
}

// runHeldout scores both extractors on a held-out set with the Zyte
// metric, overall and per site, and lists the pages and sites each one
// loses.
func runHeldout(dir string, verbose bool, dump string, stdout io.Writer) error {
	var zoned zoneTally
	pages, err := loadHeldout(dir)
	if err != nil {
		return err
	}
	u, _ := url.Parse("http://localhost/page.html")
	scores := make([]heldoutScore, len(pages))
	headlines := 0
	for i := range pages {
		p := &pages[i]
		s := &scores[i]
		s.page = p
		text, title := "", ""
		if r, err := extract.Extract(bytes.NewReader(p.html), u, nil); err == nil {
			text, title = r.ArticleText(), r.Title
			zoned.add(r, p.truth)
			if r.CanonicalURL != "" && numbered(p.name) {
				if cu, err := url.Parse(r.CanonicalURL); err == nil && cu.Hostname() != "" {
					p.site = strings.TrimPrefix(cu.Hostname(), "www.")
				}
			}
		}
		ttext, ttitle := "", ""
		if r, err := trafilatura.Extract(bytes.NewReader(p.html), trafilatura.Options{OriginalURL: u}); err == nil {
			ttext, ttitle = r.ContentText, r.Metadata.Title
		}
		s.wdText, s.wdTitled = text, titled(title, text)
		s.w, s.wt = zyte.Match(p.truth, text), zyte.Match(p.truth, s.wdTitled)
		s.t, s.tt = zyte.Match(p.truth, ttext), zyte.Match(p.truth, titled(ttitle, ttext))
		s.headline = opensWith(p.truth, title) || opensWith(p.truth, ttitle)
		if s.headline {
			headlines++
		}
	}
	// Where a page's reference holds its headline (the title either
	// extractor found opens it), both extractors are scored with their
	// titles in front of their text, like with like; elsewhere as they
	// are. Both ways over the whole set are printed too.
	pick := func(s *heldoutScore) (w, t zyte.Counts) {
		if s.headline {
			return s.wt, s.tt
		}
		return s.w, s.t
	}
	var all [5][]zyte.Counts
	var tall []zyte.Counts
	type siteRow struct {
		n, wLost, tLost int
		w, t            []zyte.Counts
	}
	sites := map[string]*siteRow{}
	wLost, tLost := 0, 0
	for i := range scores {
		s := &scores[i]
		for k, c := range []zyte.Counts{s.w, s.wt, s.t, s.tt} {
			all[k] = append(all[k], c)
		}
		cw, ct := pick(s)
		all[4], tall = append(all[4], cw), append(tall, ct)
		r := sites[s.page.site]
		if r == nil {
			r = &siteRow{}
			sites[s.page.site] = r
		}
		r.n++
		r.w, r.t = append(r.w, cw), append(r.t, ct)
		if cw.Recall() < 0.1 {
			r.wLost++
			wLost++
		}
		if ct.Recall() < 0.1 {
			r.tLost++
			tLost++
		}
	}
	wSites, tSites := 0, 0
	for _, r := range sites {
		if r.wLost*2 >= r.n && r.wLost > 0 {
			wSites++
		}
		if r.tLost*2 >= r.n && r.tLost > 0 {
			tSites++
		}
	}

	fmt.Fprintf(stdout, "held-out %s: %d pages, %d sites; the reference holds the headline on %d pages\n",
		dir, len(pages), len(sites), headlines)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "extractor\ttext\tF1\tprecision\trecall\t")
	rows := []string{"wiredesk\tbody", "wiredesk\ttitle+body", "go-trafilatura\tcontent", "go-trafilatura\ttitle+content"}
	for k, name := range rows {
		m := zyte.Score(all[k])
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t\n", name, m.F1, m.Precision, m.Recall)
	}
	for k, c := range [][]zyte.Counts{all[4], tall} {
		m := zyte.Score(c)
		fmt.Fprintf(tw, "%s\t%s\t%.3f\t%.3f\t%.3f\t\n", []string{"wiredesk *", "go-trafilatura *"}[k],
			"title where the reference has one", m.F1, m.Precision, m.Recall)
	}
	tw.Flush()
	fmt.Fprintf(stdout, "pages lost (recall < 0.1, on the * rows): wiredesk %d, go-trafilatura %d; sites lost (half their pages or more): wiredesk %d, go-trafilatura %d\n",
		wLost, tLost, wSites, tSites)

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
			continue // many small sites: list only the losses
		}
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%d\t%.3f\t%d\n", n, s.n, zyte.Score(s.w).F1, s.wLost, zyte.Score(s.t).F1, s.tLost)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if verbose {
		zoned.print(stdout)
		printHeldoutWorst(stdout, scores, pick)
	}
	if dump != "" {
		if err := os.MkdirAll(dump, 0o755); err != nil {
			return err
		}
		for _, s := range scores {
			text := s.wdText
			if s.headline {
				text = s.wdTitled
			}
			if err := os.WriteFile(filepath.Join(dump, s.page.name+".txt"), []byte(text), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// printHeldoutWorst lists the pages wiredesk scores under .8 on, worst
// first, beside go-trafilatura's figures.
func printHeldoutWorst(w io.Writer, scores []heldoutScore, pick func(*heldoutScore) (zyte.Counts, zyte.Counts)) {
	f1 := func(c zyte.Counts) float64 {
		p, r := c.Precision(), c.Recall()
		if p+r == 0 {
			return 0
		}
		return 2 * p * r / (p + r)
	}
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, _ := pick(&scores[idx[i]])
		b, _ := pick(&scores[idx[j]])
		return f1(a) < f1(b)
	})
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\npage\twiredesk P\tR\tgo-trafilatura P\tR")
	for _, i := range idx {
		a, b := pick(&scores[i])
		if f1(a) >= 0.8 {
			continue
		}
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f\n", scores[i].page.name, a.Precision(), a.Recall(), b.Precision(), b.Recall())
	}
	tw.Flush()
}

func titled(title, text string) string {
	if title == "" {
		return text
	}
	return title + "\n\n" + text
}

// numbered reports a page name that says nothing of its site: digits,
// hex and dashes.
func numbered(name string) bool {
	for _, r := range name {
		if !unicode.Is(unicode.ASCII_Hex_Digit, r) && r != '-' {
			return false
		}
	}
	return true
}

// opensWith reports whether the reference's opening holds the title, in
// letters and digits only, case folded.
func opensWith(truth, title string) bool {
	t := letters(title, 200)
	if len(t) < 10 {
		return false
	}
	return strings.Contains(letters(truth, 1500), t)
}

func letters(s string, max int) string {
	var sb strings.Builder
	for _, r := range s {
		if sb.Len() >= max {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}

// zoneTally says where the reference text went, over a whole set: the
// characters of wiredesk's blocks that are in the reference (found
// verbatim, letters and digits only) and those that are not, by zone.
// It names failure classes (article text zoned comment, or outside the
// container) without reading pages one by one.
type zoneTally struct {
	in, out map[string]int
}

func (z *zoneTally) add(r *extract.Result, truth string) {
	if z.in == nil {
		z.in, z.out = map[string]int{}, map[string]int{}
	}
	gold := letters(truth, len(truth))
	for _, b := range r.Blocks {
		t := letters(b.Text, len(b.Text))
		if len(t) < 20 {
			continue
		}
		zone := string(b.Zone)
		if strings.Contains(gold, t) {
			z.in[zone] += len(t)
		} else {
			z.out[zone] += len(t)
		}
	}
}

func (z *zoneTally) print(w io.Writer) {
	zones := make([]string, 0, len(z.in)+len(z.out))
	for k := range z.in {
		zones = append(zones, k)
	}
	for k := range z.out {
		if _, ok := z.in[k]; !ok {
			zones = append(zones, k)
		}
	}
	sort.Slice(zones, func(i, j int) bool { return z.in[zones[i]] > z.in[zones[j]] })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\nzone\tchars in the reference\tchars not in it\t")
	for _, k := range zones {
		fmt.Fprintf(tw, "%s\t%d\t%d\t\n", k, z.in[k], z.out[k])
	}
	tw.Flush()
}

package main

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/wiredesk/wiredesk/internal/heldout"
	"github.com/wiredesk/wiredesk/internal/zyte"
	"github.com/wiredesk/wiredesk/pkg/extract"
)

// heldoutScore is one page's scores: each extractor's text as it is,
// and with its title in front.
type heldoutScore struct {
	page         *heldout.Page
	w, wt, t, tt zyte.Counts
	headline     bool // the reference holds the page's headline
	// unscorable: the reference is not in the page's own visible text
	// (recall under 0.1 against all of it), so no extractor can find it.
	unscorable       bool
	wdText, wdTitled string
}

// runHeldout scores both extractors on a held-out set with the Zyte
// metric, overall and per site, and lists the pages and sites each one
// loses.
func runHeldout(dir string, verbose bool, dump, gtCache string, stdout io.Writer) error {
	var zoned zoneTally
	pages, err := heldout.Load(dir)
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
		if r, err := extract.Extract(bytes.NewReader(p.HTML), u, nil); err == nil {
			text, title = r.ArticleText(), r.Title
			zoned.add(r, p.Truth)
			if r.CanonicalURL != "" && numbered(p.Name) {
				if cu, err := url.Parse(r.CanonicalURL); err == nil && cu.Hostname() != "" {
					p.Site = strings.TrimPrefix(cu.Hostname(), "www.")
				}
			}
		}
		ttext, ttitle := gtExtract(p.HTML, u, gtCache)
		s.wdText, s.wdTitled = text, titled(title, text)
		s.w, s.wt = zyte.Match(p.Truth, text), zyte.Match(p.Truth, s.wdTitled)
		s.t, s.tt = zyte.Match(p.Truth, ttext), zyte.Match(p.Truth, titled(ttitle, ttext))
		s.headline = opensWith(p.Truth, title) || opensWith(p.Truth, ttitle)
		if visible, err := heldout.Text(p.HTML, nil); err == nil {
			s.unscorable = zyte.Match(p.Truth, visible).Recall() < 0.1
		}
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
		// the same over the scorable pages only
		ns, wLostS, tLostS int
	}
	sites := map[string]*siteRow{}
	wLost, tLost := 0, 0
	var sw, st []zyte.Counts // the * rows over the scorable pages
	unscorable, wLostS, tLostS := 0, 0, 0
	for i := range scores {
		s := &scores[i]
		for k, c := range []zyte.Counts{s.w, s.wt, s.t, s.tt} {
			all[k] = append(all[k], c)
		}
		cw, ct := pick(s)
		all[4], tall = append(all[4], cw), append(tall, ct)
		r := sites[s.page.Site]
		if r == nil {
			r = &siteRow{}
			sites[s.page.Site] = r
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
		if s.unscorable {
			unscorable++
			continue
		}
		r.ns++
		sw, st = append(sw, cw), append(st, ct)
		if cw.Recall() < 0.1 {
			r.wLostS++
			wLostS++
		}
		if ct.Recall() < 0.1 {
			r.tLostS++
			tLostS++
		}
	}
	wSites, tSites, wSitesS, tSitesS := 0, 0, 0, 0
	for _, r := range sites {
		if r.wLost*2 >= r.n && r.wLost > 0 {
			wSites++
		}
		if r.tLost*2 >= r.n && r.tLost > 0 {
			tSites++
		}
		if r.wLostS*2 >= r.ns && r.wLostS > 0 {
			wSitesS++
		}
		if r.tLostS*2 >= r.ns && r.tLostS > 0 {
			tSitesS++
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
	mw, mt := zyte.Score(sw), zyte.Score(st)
	fmt.Fprintf(stdout, "unscorable pages (the reference's recall in the page's own visible text < 0.1): %d; without them, * rows: wiredesk F1 %.3f (P %.3f, R %.3f), go-trafilatura %.3f (%.3f, %.3f); pages lost wiredesk %d, go-trafilatura %d; sites lost wiredesk %d, go-trafilatura %d\n",
		unscorable, mw.F1, mw.Precision, mw.Recall, mt.F1, mt.Precision, mt.Recall, wLostS, tLostS, wSitesS, tSitesS)

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
			if err := os.WriteFile(filepath.Join(dump, s.page.Name+".txt"), []byte(text), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// printHeldoutWorst lists the pages wiredesk scores under .8 on, worst
// first, beside go-trafilatura's figures.
func printHeldoutWorst(w io.Writer, scores []heldoutScore, pick func(*heldoutScore) (zyte.Counts, zyte.Counts)) {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, _ := pick(&scores[idx[i]])
		b, _ := pick(&scores[idx[j]])
		return a.F1() < b.F1()
	})
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\npage\twiredesk P\tR\tgo-trafilatura P\tR")
	for _, i := range idx {
		a, b := pick(&scores[i])
		if a.F1() >= 0.8 {
			continue
		}
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f\n", scores[i].page.Name, a.Precision(), a.Recall(), b.Precision(), b.Recall())
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

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
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/wiredesk/wiredesk/internal/fundus"
	"github.com/wiredesk/wiredesk/internal/zyte"
	"github.com/wiredesk/wiredesk/pkg/extract"
)

// fundusScore is one page's scores against its two references: the body
// (section headlines and paragraphs) and the body with the summary
// (standfirst) in front.
type fundusScore struct {
	page         *fundus.Page
	wBody, wFull zyte.Counts
	tBody, tFull zyte.Counts
	wdText       string
}

// lost is a page whose text holds almost nothing of its reference: recall
// under 0.1 against the body with its summary, the looser of the two.
func (s *fundusScore) lost() (wd, gt bool) {
	return s.wFull.Recall() < 0.1, s.tFull.Recall() < 0.1
}

// runFundus scores both extractors on the fundus parser test pages (see
// internal/fundus) with the Zyte metric, overall and per country, and
// counts the pages and publishers each one loses.
func runFundus(dir string, verbose bool, dump string, stdout io.Writer) error {
	set, err := fundus.Load(dir)
	if err != nil {
		return err
	}
	scores := make([]fundusScore, len(set.Pages))
	var zoned zoneTally
	var wdTime, gtTime time.Duration
	for i := range set.Pages {
		p := &set.Pages[i]
		s := &scores[i]
		s.page = p
		u, err := url.Parse(p.URL)
		if err != nil || p.URL == "" {
			u, _ = url.Parse("http://localhost/" + p.File)
		}
		body, full := p.Body(), p.Full()
		start := time.Now()
		r, err := extract.Extract(bytes.NewReader(p.HTML), u, nil)
		wdTime += time.Since(start)
		if err == nil {
			s.wdText = r.ArticleText()
			zoned.add(r, full)
		}
		start = time.Now()
		tr, err := trafilatura.Extract(bytes.NewReader(p.HTML), trafilatura.Options{OriginalURL: u})
		gtTime += time.Since(start)
		ttext := ""
		if err == nil {
			ttext = tr.ContentText
		}
		s.wBody, s.wFull = zyte.Match(body, s.wdText), zyte.Match(full, s.wdText)
		s.tBody, s.tFull = zyte.Match(body, ttext), zyte.Match(full, ttext)
	}

	type group struct {
		pages, wLost, tLost int
		w, t                []zyte.Counts
	}
	countries, publishers := map[string]*group{}, map[string]*group{}
	var all [4][]zyte.Counts
	wLost, tLost := 0, 0
	for i := range scores {
		s := &scores[i]
		for k, c := range []zyte.Counts{s.wBody, s.wFull, s.tBody, s.tFull} {
			all[k] = append(all[k], c)
		}
		wl, tl := s.lost()
		for _, g := range []struct {
			m   map[string]*group
			key string
		}{{countries, s.page.Country}, {publishers, s.page.Country + "/" + s.page.Publisher}} {
			r := g.m[g.key]
			if r == nil {
				r = &group{}
				g.m[g.key] = r
			}
			r.pages++
			r.w, r.t = append(r.w, s.wFull), append(r.t, s.tFull)
			if wl {
				r.wLost++
			}
			if tl {
				r.tLost++
			}
		}
		if wl {
			wLost++
		}
		if tl {
			tLost++
		}
	}
	wPubs, tPubs := 0, 0
	var wPubNames []string
	for name, r := range publishers {
		if r.wLost > 0 && r.wLost*2 >= r.pages {
			wPubs++
			wPubNames = append(wPubNames, name)
		}
		if r.tLost > 0 && r.tLost*2 >= r.pages {
			tPubs++
		}
	}
	sort.Strings(wPubNames)

	fmt.Fprintf(stdout, "fundus %s: %d pages, %d publishers, %d countries; %d versions unmatched, %d files unused\n",
		dir, len(set.Pages), len(publishers), len(countries), len(set.Unmatched), len(set.Unused))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "extractor\treference\tF1\tprecision\trecall\t")
	for k, name := range []string{"wiredesk\tbody", "wiredesk\tsummary+body", "go-trafilatura\tbody", "go-trafilatura\tsummary+body"} {
		m := zyte.Score(all[k])
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t\n", name, m.F1, m.Precision, m.Recall)
	}
	tw.Flush()
	fmt.Fprintf(stdout, "pages lost (recall < 0.1 on summary+body): wiredesk %d, go-trafilatura %d; publishers lost (half their pages or more): wiredesk %d, go-trafilatura %d\n",
		wLost, tLost, wPubs, tPubs)
	fmt.Fprintf(stdout, "one pass each, not alternated: wiredesk %.1f pages/s, go-trafilatura %.1f pages/s, ratio %.2f (make eval-zyte is the speed figure)\n",
		float64(len(scores))/wdTime.Seconds(), float64(len(scores))/gtTime.Seconds(), gtTime.Seconds()/wdTime.Seconds())
	if len(wPubNames) > 0 {
		fmt.Fprintf(stdout, "publishers wiredesk loses: %s\n", strings.Join(wPubNames, ", "))
	}

	names := make([]string, 0, len(countries))
	for c := range countries {
		names = append(names, c)
	}
	sort.Strings(names)
	tw = tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "country\tpages\twiredesk F1\tlost\tgo-trafilatura F1\tlost\t")
	for _, c := range names {
		g := countries[c]
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%d\t%.3f\t%d\t\n", c, g.pages, zyte.Score(g.w).F1, g.wLost, zyte.Score(g.t).F1, g.tLost)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if verbose {
		if len(set.Unmatched)+len(set.Unused) > 0 {
			fmt.Fprintf(stdout, "\nunmatched versions: %s\nunused files: %s\n", strings.Join(set.Unmatched, ", "), strings.Join(set.Unused, ", "))
		}
		zoned.print(stdout)
		printFundusWorst(stdout, scores)
	}
	if dump != "" {
		if err := os.MkdirAll(dump, 0o755); err != nil {
			return err
		}
		for _, s := range scores {
			name := strings.NewReplacer("/", "_", ".html.gz", "", ".html", "").Replace(s.page.File) + ".txt"
			if err := os.WriteFile(filepath.Join(dump, name), []byte(s.wdText), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// printFundusWorst lists the pages wiredesk scores under .8 on (against
// summary+body), worst first, beside go-trafilatura's figures.
func printFundusWorst(w io.Writer, scores []fundusScore) {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return scores[idx[i]].wFull.F1() < scores[idx[j]].wFull.F1() })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\npage\twiredesk P\tR\tgo-trafilatura P\tR")
	for _, i := range idx {
		a, b := scores[i].wFull, scores[i].tFull
		if a.F1() >= 0.8 {
			continue
		}
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f\n", scores[i].page.File, a.Precision(), a.Recall(), b.Precision(), b.Recall())
	}
	tw.Flush()
}

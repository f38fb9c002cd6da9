package main

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/wiredesk/wiredesk/internal/zyte"
	"github.com/wiredesk/wiredesk/pkg/extract"
)

// zyteOptions configure the Zyte evaluation.
type zyteOptions struct {
	dir     string // the benchmark: ground-truth.json and html/
	rounds  int    // timed passes over the pages, per extractor
	procs   int    // GOMAXPROCS while timing
	out     string // when set, write evaluate.py prediction files here
	verbose bool   // per-page figures, worst first
}

// zyteRun is one extractor's pass over the benchmark.
type zyteRun struct {
	name   string
	texts  map[string]string
	counts []zyte.Counts
	m      zyte.Metrics
	pps    float64 // pages/s, timed
}

// runZyte extracts the benchmark's pages with wiredesk and go-trafilatura
// in the same process and scores both with the benchmark's metric, then
// times both single-threaded over the same in-memory pages.
func runZyte(o zyteOptions, stdout io.Writer) error {
	pages, err := zyte.Load(o.dir)
	if err != nil {
		return err
	}
	urls := make([]*url.URL, len(pages))
	for i, p := range pages {
		if urls[i], err = url.Parse(p.URL); err != nil {
			return fmt.Errorf("page %s: %w", p.ID, err)
		}
	}
	wd := func(i int) (string, error) {
		r, err := extract.Extract(bytes.NewReader(pages[i].HTML), urls[i], nil)
		if err != nil {
			return "", err
		}
		return r.ArticleText(), nil
	}
	tf := func(i int) (string, error) {
		r, err := trafilatura.Extract(bytes.NewReader(pages[i].HTML), trafilatura.Options{OriginalURL: urls[i]})
		if err != nil {
			return "", nil // "not enough text": an empty prediction
		}
		return r.ContentText, nil
	}
	runs := []*zyteRun{{name: "wiredesk"}, {name: "go-trafilatura"}}
	fns := []func(int) (string, error){wd, tf}
	for k, r := range runs {
		r.texts = make(map[string]string, len(pages))
		for i, p := range pages {
			text, err := fns[k](i)
			if err != nil {
				return fmt.Errorf("%s: page %s: %w", r.name, p.ID, err)
			}
			r.texts[p.ID] = text
			r.counts = append(r.counts, zyte.Match(p.Truth, text))
		}
		r.m = zyte.Score(r.counts)
	}

	// Timing: single-threaded, the extractors alternating round by round
	// so that a noisy neighbour hurts both alike.
	prev := runtime.GOMAXPROCS(o.procs)
	elapsed := make([]time.Duration, len(runs))
	for range o.rounds {
		for k := range runs {
			runtime.GC()
			start := time.Now()
			for i := range pages {
				_, _ = fns[k](i)
			}
			elapsed[k] += time.Since(start)
		}
	}
	runtime.GOMAXPROCS(prev)
	for k, r := range runs {
		r.pps = float64(len(pages)*o.rounds) / elapsed[k].Seconds()
	}

	if o.out != "" {
		if err := os.MkdirAll(o.out, 0o755); err != nil {
			return err
		}
		for _, r := range runs {
			var buf bytes.Buffer
			if err := zyte.WritePrediction(&buf, r.texts); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(o.out, r.name+".json"), buf.Bytes(), 0o644); err != nil {
				return err
			}
		}
	}
	if o.verbose {
		printWorst(stdout, pages, runs[0], runs[1])
	}

	fmt.Fprintf(stdout, "Zyte benchmark: %d pages, %.1f MB, GOMAXPROCS=%d, %d timed rounds\n",
		len(pages), float64(totalSize(pages))/1e6, o.procs, o.rounds)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "extractor\tF1\tprecision\trecall\tpages/s\tms/page\t")
	for _, r := range runs {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.1f\t%.2f\t\n", r.name, r.m.F1, r.m.Precision, r.m.Recall, r.pps, 1000/r.pps)
	}
	tw.Flush()
	fmt.Fprintf(stdout, "speed ratio (wiredesk pages/s ÷ go-trafilatura pages/s): %.2f\n", runs[0].pps/runs[1].pps)
	fmt.Fprintf(stdout, "F1 difference (wiredesk − go-trafilatura): %+.3f\n", runs[0].m.F1-runs[1].m.F1)
	return nil
}

func totalSize(pages []zyte.Page) int {
	n := 0
	for _, p := range pages {
		n += len(p.HTML)
	}
	return n
}

// printWorst lists the pages where wiredesk scores lowest, beside
// go-trafilatura's figures on the same page.
func printWorst(w io.Writer, pages []zyte.Page, a, b *zyteRun) {
	idx := make([]int, len(pages))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return a.counts[idx[i]].F1() < a.counts[idx[j]].F1() })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "page\t%s P\tR\t%s P\tR\turl\n", a.name, b.name)
	for _, i := range idx {
		ca, cb := a.counts[i], b.counts[i]
		if ca.F1() >= 0.99 {
			continue
		}
		u := pages[i].URL
		if len(u) > 70 {
			u = u[:70]
		}
		fmt.Fprintf(tw, "%s\t%.2f\t%.2f\t%.2f\t%.2f\t%s\n", pages[i].ID[:8], ca.Precision(), ca.Recall(), cb.Precision(), cb.Recall(), strings.TrimPrefix(u, "https://"))
	}
	tw.Flush()
	fmt.Fprintln(w)
}

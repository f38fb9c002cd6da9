package classify_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/fetch"
)

// realPageGlobs are the real pages the speed bar is measured on, relative
// to this package: the Zyte benchmark's 181 pages (mostly English news and
// blogs, the repository's copy), and the wire pages the repository has
// (the demo site's and the extractor's golden pages, Turkish and Russian).
var realPageGlobs = []string{
	"../../bench/zyte/html/*.html.gz",
	"../../deploy/demo/site/*/*/*.html",
	"../../deploy/demo/site/*/*/*/*/*.html",
	"../../deploy/demo/site/*/*/*/*/*/*.html",
	"../../pkg/extract/testdata/*.html",
}

// realPages extracts every real page as the fetcher would. It skips the
// benchmark when there are none (a partial checkout).
func realPages(tb testing.TB) []*article.Page {
	tb.Helper()
	var pages []*article.Page
	for _, g := range realPageGlobs {
		files, err := filepath.Glob(g)
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			if strings.HasSuffix(f, ".gz") {
				zr, err := gzip.NewReader(bytes.NewReader(data))
				if err != nil {
					tb.Fatalf("%s: %v", f, err)
				}
				if data, err = io.ReadAll(zr); err != nil {
					tb.Fatalf("%s: %v", f, err)
				}
			}
			u, _ := url.Parse("https://www.example.org/" + filepath.Base(f))
			p, err := fetch.BuildPage(bytes.NewReader(data), u, nil, article.HTTP{Status: 200, ContentType: "text/html; charset=utf-8"}, now)
			if err != nil {
				tb.Fatalf("%s: %v", f, err)
			}
			p.Source = "bench"
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		tb.Skip("no real pages in this checkout")
	}
	return pages
}

// BenchmarkSpeedupRealPages is BenchmarkSpeedup on real pages: the whole
// classification of each page against lingua-go (seven languages, high
// accuracy, as the classifier used it before) on every block of it, in the
// same run. The classifier has no per-source memory here, so that every
// round does the same work.
//
//	go test -run '^$' -bench SpeedupRealPages -benchtime 3x ./pkg/classify/
func BenchmarkSpeedupRealPages(b *testing.B) {
	c, err := classify.New(classify.Config{NoMemory: true}, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	d := naiveDetector()
	pages := realPages(b)
	perRound := pageBytes(pages)
	ctx := context.Background()
	var tc, tl time.Duration
	rounds := 0
	kept := 0
	for b.Loop() {
		start := time.Now()
		kept = 0
		for _, p := range pages {
			res, err := c.Classify(ctx, p, now)
			if err != nil {
				b.Fatal(err)
			}
			if res.Article != nil {
				kept++
			}
		}
		mid := time.Now()
		for _, p := range pages {
			for _, bl := range p.Blocks {
				d.DetectLanguageOf(strings.TrimSpace(bl.Text))
			}
		}
		tc += mid.Sub(start)
		tl += time.Since(mid)
		rounds++
	}
	total := float64(perRound * rounds)
	b.ReportMetric(float64(len(pages)), "pages")
	b.ReportMetric(float64(kept), "kept")
	b.ReportMetric(total/tc.Seconds()/1e6, "classify-MB/s")
	b.ReportMetric(total/tl.Seconds()/1e6, "lingua-MB/s")
	b.ReportMetric(tl.Seconds()/tc.Seconds(), "speedup")
}

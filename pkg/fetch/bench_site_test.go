package fetch_test

import (
	"bytes"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/internal/cputime"
	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/fetch"
	"github.com/wiredesk/wiredesk/pkg/sitegen"
)

// BenchmarkBuildPageSite is the fetcher's work on a page of the generated
// site the backfill benchmark reads (bench/pipeline), once the archive
// has handed it over: charset, extraction, the page/v1 message. An op is
// one page, in turn over 400. cpu-µs/op is the process's CPU time (user
// and system, the garbage collector's included) an op, steadier than the
// wall time on a loaded machine.
//
//	go test -run '^$' -bench BuildPageSite -benchmem ./pkg/fetch/
func BenchmarkBuildPageSite(b *testing.B) {
	site := sitegen.New(sitegen.Config{Pages: 400, Seed: 1})
	const base = "http://site.example"
	srcs := site.Sources(base)
	type page struct {
		body []byte
		u    *url.URL
		src  *fetch.Source
	}
	pages := make([]page, site.Pages())
	for i := range pages {
		rec := httptest.NewRecorder()
		site.ServeHTTP(rec, httptest.NewRequest("GET", base+site.Path(i), nil))
		u, err := url.Parse(base + site.Path(i))
		if err != nil {
			b.Fatal(err)
		}
		pages[i] = page{rec.Body.Bytes(), u, fetch.MatchSource(srcs, u)}
	}
	resp := article.HTTP{Status: 200, ContentType: "text/html; charset=utf-8"}
	now := time.Date(2026, 12, 5, 6, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	before := cputime.Process(b)
	n := 0
	for ; b.Loop(); n++ {
		p := &pages[n%len(pages)]
		if _, err := fetch.BuildPage(bytes.NewReader(p.body), p.u, p.src, resp, now); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cputime.Process(b)-before).Microseconds())/float64(n), "cpu-µs/op")
}

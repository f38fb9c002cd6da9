package classify_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/wiredesk/wiredesk/internal/cputime"
	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/fetch"
	"github.com/wiredesk/wiredesk/pkg/sitegen"
)

// sitePages are the encoded page/v1 messages of the first n pages of the
// generated site the pipeline benchmark backfills (bench/pipeline), as the
// fetcher builds them.
func sitePages(tb testing.TB, n int) [][]byte {
	tb.Helper()
	site := sitegen.New(sitegen.Config{Pages: n, Seed: 1})
	const base = "http://site.example"
	msgs := make([][]byte, 0, n)
	for i := range n {
		rec := httptest.NewRecorder()
		site.ServeHTTP(rec, httptest.NewRequest("GET", base+site.Path(i), nil))
		u, _ := url.Parse(base + site.Path(i))
		p, err := fetch.BuildPage(bytes.NewReader(rec.Body.Bytes()), u, nil, article.HTTP{Status: 200, ContentType: "text/html; charset=utf-8"}, now)
		if err != nil {
			tb.Fatalf("page %d: %v", i, err)
		}
		p.Source = "site"
		data, err := json.Marshal(p)
		if err != nil {
			tb.Fatal(err)
		}
		msgs = append(msgs, data)
	}
	return msgs
}

// BenchmarkClassifySite is the classifier service's work on a page of the
// generated site, the backfill benchmark's pages: decoding the page/v1
// message, classifying it with the memory of recurring blocks on, and the
// article's encoding (inside Classify). An op is one page. cpu-µs/op is
// the process's CPU time (user and system, the garbage collector's
// included) an op: on a loaded machine it moves less than the wall time.
//
//	go test -run '^$' -bench ClassifySite -benchmem ./pkg/classify/
func BenchmarkClassifySite(b *testing.B) {
	c, err := classify.New(classify.Config{}, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	msgs := sitePages(b, 400)
	ctx := context.Background()
	before := cputime.Process(b)
	n := 0
	for ; b.Loop(); n++ {
		p, err := article.DecodePage(msgs[n%len(msgs)])
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.Classify(ctx, p, now); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cputime.Process(b)-before).Microseconds())/float64(n), "cpu-µs/op")
}

package fetch

import (
	"context"
	"flag"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiredesk/wiredesk/internal/golden"
	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
)

var (
	update = flag.Bool("update", false, "rewrite golden files")
)

// site is the fixture web: one httptest server that serves a table of
// routes and logs every request, so that tests can assert what was and
// was not asked for, and when.
type site struct {
	srv *httptest.Server

	mu     sync.Mutex
	routes map[string]http.Handler
	hits   []hit
}

type hit struct {
	path   string
	at     time.Time
	header http.Header
}

// newSite serves routes by path. A path without a route is a 404, so a
// site without "/robots.txt" allows everything.
func newSite(t testing.TB, routes map[string]http.Handler) *site {
	t.Helper()
	s := &site{routes: routes}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits = append(s.hits, hit{path: r.URL.RequestURI(), at: time.Now(), header: r.Header.Clone()})
	h := s.routes[r.URL.RequestURI()]
	if h == nil {
		h = s.routes[r.URL.Path]
	}
	s.mu.Unlock()
	if h == nil {
		http.NotFound(w, r)
		return
	}
	h.ServeHTTP(w, r)
}

// route adds or replaces a route while the site runs.
func (s *site) route(path string, h http.Handler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[path] = h
}

func (s *site) url(path string) string { return s.srv.URL + path }

// requests returns the log of requests for path.
func (s *site) requests(path string) []hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []hit
	for _, h := range s.hits {
		if h.path == path {
			out = append(out, h)
		}
	}
	return out
}

// paths returns every path requested, in order.
func (s *site) paths() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, h := range s.hits {
		out = append(out, h.path)
	}
	return out
}

// file serves testdata/web/name with {{BASE}} replaced by the site's URL.
func file(t testing.TB, s **site, name, contentType string) http.Handler {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "web", name))
	if err != nil {
		t.Fatalf("read fixture: %v", err)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write([]byte(strings.ReplaceAll(string(data), "{{BASE}}", (*s).srv.URL)))
	})
}

// serveBytes serves data with the given Content-Type.
func serveBytes(contentType string, data []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.Write(data)
	})
}

func htmlPage(body string) http.Handler {
	return serveBytes("text/html; charset=utf-8", []byte(body))
}

// articleHTML is a minimal news article whose paragraphs the extractor
// keeps as body blocks. head is spliced into <head>.
func articleHTML(lang, head, title string, paras ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=%q><head>%s<title>%s</title></head>\n<body><article><h1>%s</h1>\n",
		lang, head, html.EscapeString(title), html.EscapeString(title))
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
	}
	b.WriteString("</article></body></html>\n")
	return b.String()
}

// story is an English article long enough to extract as an article.
func story(title string) string {
	return articleHTML("en", `<meta charset="utf-8">`, title,
		title+": the ministry said on Tuesday that talks between the two delegations would resume next week in Geneva.",
		"Officials from both sides declined to comment on the details of the draft agreement, citing the sensitivity of the negotiations.",
		"The previous round ended without a joint statement after three days of meetings, according to people familiar with the matter.")
}

// testConfig is a Config with timeouts and backoff short enough for tests.
func testConfig() Config {
	return Config{
		AllowPrivate:  true,
		Timeout:       5 * time.Second,
		HeaderTimeout: 2 * time.Second,
		RetryBase:     10 * time.Millisecond,
		RetryMax:      3 * time.Second,
		Concurrency:   4,
	}
}

// env is a fetcher wired to a real embedded NATS: its PAGES stream and its
// wiredesk_seen bucket.
type env struct {
	conn *bus.Conn
	kv   jetstream.KeyValue
	reg  *prometheus.Registry
	m    *Metrics
	f    *Fetcher
}

func newEnv(t testing.TB, cfg Config) *env {
	t.Helper()
	_, conn := bustest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	kv, err := bus.SeenBucket(ctx, conn.JS, bus.DefaultStreams())
	if err != nil {
		t.Fatalf("seen bucket: %v", err)
	}
	e := &env{conn: conn, kv: kv}
	e.restart(t, cfg)
	return e
}

// restart replaces the fetcher with a new one on the same bus and bucket,
// as a process restart would, with fresh metrics.
func (e *env) restart(t testing.TB, cfg Config) {
	t.Helper()
	e.reg = prometheus.NewRegistry()
	e.m = NewMetrics(e.reg)
	e.f = New(cfg, e.conn, e.kv, bustest.Logger(t), e.m)
}

func (e *env) poll(t testing.TB, srcs ...Source) Stats {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	st, err := e.f.PollAll(ctx, srcs)
	if err != nil {
		t.Fatalf("poll: %v", err)
	}
	return st
}

func (e *env) skips(t testing.TB, source, reason string) int {
	t.Helper()
	return e.counter(t, "wiredesk_fetcher_skipped_total", "source", source, "reason", reason)
}

func (e *env) errs(t testing.TB, source, class string) int {
	t.Helper()
	return e.counter(t, "wiredesk_fetcher_errors_total", "source", source, "class", class)
}

// counter reads one counter from the env's registry; 0 when it was never
// incremented.
func (e *env) counter(t testing.TB, name string, labels ...string) int {
	t.Helper()
	mfs, err := e.reg.Gather()
	if err != nil {
		t.Fatalf("gather: %v", err)
	}
	want := map[string]string{}
	for i := 0; i+1 < len(labels); i += 2 {
		want[labels[i]] = labels[i+1]
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
	metrics:
		for _, m := range mf.GetMetric() {
			for _, lp := range m.GetLabel() {
				if v, ok := want[lp.GetName()]; ok && v != lp.GetValue() {
					continue metrics
				}
			}
			return int(m.GetCounter().GetValue())
		}
	}
	return 0
}

// published is one message read back from stream PAGES.
type published struct {
	subject string
	msgID   string
	page    *article.Page
}

// pages reads every message on news.raw.<source> from stream PAGES with an
// ordered consumer, and checks that each decodes and validates.
func (e *env) pages(t testing.TB, source string) []published {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	stream, err := e.conn.JS.Stream(ctx, bus.StreamPages)
	if err != nil {
		t.Fatalf("stream: %v", err)
	}
	cons, err := stream.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{bus.SubjectRaw(source)},
	})
	if err != nil {
		t.Fatalf("ordered consumer: %v", err)
	}
	info, err := cons.Info(ctx)
	if err != nil {
		t.Fatalf("consumer info: %v", err)
	}
	var out []published
	for n := int(info.NumPending); len(out) < n; {
		batch, err := cons.Fetch(n-len(out), jetstream.FetchMaxWait(5*time.Second))
		if err != nil {
			t.Fatalf("fetch: %v", err)
		}
		got := 0
		for msg := range batch.Messages() {
			got++
			p, err := article.DecodePage(msg.Data())
			if err != nil {
				t.Fatalf("message on %s: %v", msg.Subject(), err)
			}
			out = append(out, published{subject: msg.Subject(), msgID: msg.Headers().Get(jetstream.MsgIDHeader), page: p})
		}
		if err := batch.Error(); err != nil {
			t.Fatalf("fetch: %v", err)
		}
		if got == 0 {
			t.Fatalf("read %d of %d messages", len(out), n)
		}
	}
	return out
}

// byURL indexes published pages by fetch URL.
func byURL(ps []published) map[string]*article.Page {
	m := map[string]*article.Page{}
	for _, p := range ps {
		m[p.page.URL] = p.page
	}
	return m
}

func urls(ps []published) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.page.URL)
	}
	slices.Sort(out)
	return out
}

// bodyText joins a page's body blocks.
func bodyText(p *article.Page) string {
	var parts []string
	for _, b := range p.Blocks {
		if b.Zone == article.ZoneBody {
			parts = append(parts, b.Text)
		}
	}
	return strings.Join(parts, "\n")
}

func allText(p *article.Page) string {
	var parts []string
	for _, b := range p.Blocks {
		parts = append(parts, b.Text)
	}
	return strings.Join(parts, "\n")
}

// checkGolden compares got with testdata/golden/name, or rewrites it with -update.
func checkGolden(t testing.TB, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", "golden", name), got, *update)
}

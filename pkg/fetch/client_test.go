package fetch

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// feedOf serves an RSS feed whose items link to paths (root-relative).
func feedOf(paths ...string) http.Handler {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>`)
	for _, p := range paths {
		fmt.Fprintf(&b, "<item><title>x</title><link>%s</link></item>", p)
	}
	b.WriteString("</channel></rss>")
	return serveBytes("application/rss+xml", []byte(b.String()))
}

// sequence answers the n-th request with the n-th handler, and the last
// one from then on.
func sequence(hs ...http.Handler) http.Handler {
	var n atomic.Int64
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		hs[min(i, len(hs)-1)].ServeHTTP(w, r)
	})
}

func status(code int, header ...string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.WriteHeader(code)
	})
}

func redirect(to string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, to, http.StatusFound)
	})
}

// slow holds the response headers back for d, or until the client gives up.
func slow(d time.Duration, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			h.ServeHTTP(w, r)
		case <-r.Context().Done():
		}
	})
}

// gzipped serves data with Content-Encoding: gzip.
func gzipped(t testing.TB, contentType string, data []byte) http.Handler {
	z := gzipBytes(t, data)
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(z)
	})
}

// bomb is an HTML page followed by size zero bytes, gzip-compressed: about
// 10 KB on the wire for 10 MB inflated.
func bomb(t testing.TB, size int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	zw.Write([]byte(story("Bomb")))
	zero := make([]byte, 64<<10)
	for n := 0; n < size; n += len(zero) {
		zw.Write(zero)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestHTTP runs one article URL through the fetcher against a server that
// misbehaves in one way per case.
func TestHTTP(t *testing.T) {
	const page = "/news/case-page"
	// A host the source does not allow: it must never see a request.
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("the foreign host got a request for %s", r.URL)
	}))
	t.Cleanup(other.Close)
	big := story("Big page") + "<!--" + strings.Repeat("padding ", 20<<10) + "-->"
	var paras []string
	for i := range 50000 {
		paras = append(paras, fmt.Sprintf("Paragraph %d: the delegations met again in Geneva and discussed the draft text, the timetable and the monitoring mission at length.", i))
	}
	huge := articleHTML("en", `<meta charset="utf-8">`, "Huge page", paras...)
	tests := []struct {
		name      string
		cfg       func(*Config)
		routes    map[string]http.Handler
		published int
		skipped   string // the skip reason, "" for none
		errClass  string // the error class, "" for none
		requests  int    // requests to page
		minGap    time.Duration
		check     func(t *testing.T, e *env, s *site, ps []published)
	}{
		{
			name:      "plain",
			routes:    map[string]http.Handler{page: htmlPage(story("Plain"))},
			published: 1, requests: 1,
		},
		{
			name:     "header timeout",
			cfg:      func(c *Config) { c.HeaderTimeout = 100 * time.Millisecond; c.Retries = -1 },
			routes:   map[string]http.Handler{page: slow(2*time.Second, htmlPage(story("Slow")))},
			errClass: "timeout", requests: 1,
		},
		{
			name:     "total timeout",
			cfg:      func(c *Config) { c.Timeout = 150 * time.Millisecond; c.HeaderTimeout = time.Second; c.Retries = -1 },
			routes:   map[string]http.Handler{page: slow(2*time.Second, htmlPage(story("Slow")))},
			errClass: "timeout", requests: 1,
		},
		{
			name: "429 with Retry-After then 200",
			routes: map[string]http.Handler{page: sequence(
				status(http.StatusTooManyRequests, "Retry-After", "1"),
				htmlPage(story("After waiting")))},
			published: 1, requests: 2, minGap: 900 * time.Millisecond,
		},
		{
			name: "429 with Retry-After beyond RetryMax is left for the next poll",
			cfg:  func(c *Config) { c.RetryMax = 500 * time.Millisecond },
			routes: map[string]http.Handler{page: sequence(
				status(http.StatusTooManyRequests, "Retry-After", "3600"),
				htmlPage(story("Too late")))},
			errClass: "http_4xx", requests: 1,
		},
		{
			name: "503 with Retry-After then 200",
			routes: map[string]http.Handler{page: sequence(
				status(http.StatusServiceUnavailable, "Retry-After", "1"),
				htmlPage(story("After maintenance")))},
			published: 1, requests: 2, minGap: 900 * time.Millisecond,
		},
		{
			name: "flapping 500",
			cfg:  func(c *Config) { c.Retries = 3 },
			routes: map[string]http.Handler{page: sequence(
				status(500), status(500), htmlPage(story("Third time lucky")))},
			published: 1, requests: 3,
		},
		{
			name:     "500 until retries run out",
			cfg:      func(c *Config) { c.Retries = 2 },
			routes:   map[string]http.Handler{page: status(500)},
			errClass: "http_5xx", requests: 3,
		},
		{
			name:     "404 is not retried",
			routes:   map[string]http.Handler{page: status(404)},
			errClass: "http_4xx", requests: 1,
		},
		{
			name:     "403 is not retried",
			routes:   map[string]http.Handler{page: status(403)},
			errClass: "http_4xx", requests: 1,
		},
		{
			name:      "408 is retried",
			routes:    map[string]http.Handler{page: sequence(status(408), htmlPage(story("Request timeout")))},
			published: 1, requests: 2,
		},
		{
			name: "3 redirects",
			routes: map[string]http.Handler{
				page: redirect("/r/2"), "/r/2": redirect("/r/1"), "/r/1": redirect("/r/final"),
				"/r/final": htmlPage(story("Moved three times")),
			},
			published: 1, requests: 1,
			check: func(t *testing.T, e *env, s *site, ps []published) {
				if ps[0].page.URL != s.url("/r/final") {
					t.Errorf("url = %s, want the redirect target", ps[0].page.URL)
				}
			},
		},
		{
			name: "5 redirects is the limit",
			routes: map[string]http.Handler{
				page: redirect("/r/4"), "/r/4": redirect("/r/3"), "/r/3": redirect("/r/2"), "/r/2": redirect("/r/1"),
				"/r/1": redirect("/r/final"), "/r/final": htmlPage(story("Moved five times")),
			},
			published: 1, requests: 1,
		},
		{
			name: "6 redirects",
			routes: map[string]http.Handler{
				page: redirect("/r/5"), "/r/5": redirect("/r/4"), "/r/4": redirect("/r/3"), "/r/3": redirect("/r/2"),
				"/r/2": redirect("/r/1"), "/r/1": redirect("/r/final"), "/r/final": htmlPage(story("Moved six times")),
			},
			errClass: "redirect", requests: 1,
			check: func(t *testing.T, e *env, s *site, ps []published) {
				if n := len(s.requests("/r/final")); n != 0 {
					t.Errorf("the 6th redirect was followed")
				}
			},
		},
		{
			name:     "redirect loop",
			routes:   map[string]http.Handler{page: redirect("/r/b"), "/r/b": redirect(page)},
			errClass: "redirect", requests: 1,
		},
		{
			name:    "redirect off the source's hosts",
			routes:  map[string]http.Handler{page: redirect(other.URL + "/news/elsewhere")},
			skipped: "host", requests: 1,
		},
		{
			name:      "body beyond MaxBody",
			cfg:       func(c *Config) { c.MaxBody = 64 << 10 },
			routes:    map[string]http.Handler{page: htmlPage(big)},
			published: 1, requests: 1,
			check: func(t *testing.T, e *env, s *site, ps []published) {
				if !ps[0].page.Truncated {
					t.Errorf("truncated = false for a %d-byte body", len(big))
				}
			},
		},
		{
			// Under MaxBody, over the server's max payload (8 MB in
			// tests): the page is cut to fit rather than failing at every poll.
			name:      "page bigger than the bus carries",
			cfg:       func(c *Config) { c.MaxBody = 64 << 20 },
			routes:    map[string]http.Handler{page: htmlPage(huge)},
			published: 1, requests: 1,
			check: func(t *testing.T, e *env, s *site, ps []published) {
				p := ps[0].page
				if !p.Truncated || len(p.Blocks) == 0 {
					t.Errorf("truncated = %v with %d blocks, want a truncated page with blocks", p.Truncated, len(p.Blocks))
				}
				if p.ContentHash != article.HashBlocks(p.Blocks) {
					t.Errorf("content hash does not match the blocks sent")
				}
			},
		},
		{
			name:      "body within MaxBody",
			cfg:       func(c *Config) { c.MaxBody = 64 << 10 },
			routes:    map[string]http.Handler{page: htmlPage(story("Small"))},
			published: 1, requests: 1,
			check: func(t *testing.T, e *env, s *site, ps []published) {
				if ps[0].page.Truncated {
					t.Errorf("truncated = true for a small body")
				}
			},
		},
		{
			name:      "gzip-encoded page",
			routes:    map[string]http.Handler{page: gzipped(t, "text/html; charset=utf-8", []byte(story("Compressed")))},
			published: 1, requests: 1,
			check: func(t *testing.T, e *env, s *site, ps []published) {
				if !strings.Contains(bodyText(ps[0].page), "Compressed: the ministry said") {
					t.Errorf("body not decompressed: %q", bodyText(ps[0].page))
				}
				if h := s.requests(page)[0].header.Get("Accept-Encoding"); !strings.Contains(h, "gzip") {
					t.Errorf("Accept-Encoding = %q", h)
				}
			},
		},
		{
			name: "gzip bomb",
			cfg:  func(c *Config) { c.MaxBody = 64 << 10 },
			routes: map[string]http.Handler{page: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.Header().Set("Content-Encoding", "gzip")
				w.Write(bomb(t, 10<<20))
			})},
			published: 1, requests: 1,
			check: func(t *testing.T, e *env, s *site, ps []published) {
				if !ps[0].page.Truncated {
					t.Errorf("a 10 MB bomb was not flagged truncated")
				}
			},
		},
		{
			name: "unknown Content-Encoding",
			routes: map[string]http.Handler{page: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Encoding", "br")
				w.Write([]byte("\x1b\x00"))
			})},
			skipped:  "encoding",
			requests: 1,
		},
		{
			name:     "PDF",
			routes:   map[string]http.Handler{page: serveBytes("application/pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"))},
			skipped:  "content_type",
			requests: 1,
		},
		{
			name:     "JPEG",
			routes:   map[string]http.Handler{page: serveBytes("image/jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"))},
			skipped:  "content_type",
			requests: 1,
		},
		{
			name: "no Content-Type, sniffed as HTML",
			routes: map[string]http.Handler{page: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header()["Content-Type"] = nil
				w.Write([]byte(story("Sniffed")))
			})},
			published: 1, requests: 1,
		},
	}
	e := newEnv(t, testConfig())
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			e.restart(t, cfg)
			routes := map[string]http.Handler{"/feed.xml": feedOf(page)}
			for p, h := range tt.routes {
				routes[p] = h
			}
			s := newSite(t, routes)
			id := fmt.Sprintf("http%d", i)
			st := e.poll(t, Source{ID: id, Feeds: []string{s.url("/feed.xml")}, Rate: 1000})

			ps := e.pages(t, id)
			if st.Published != tt.published || len(ps) != tt.published {
				t.Errorf("published %d (stats %+v), %d on the bus, want %d", st.Published, st, len(ps), tt.published)
			}
			wantSkipped := 0
			if tt.skipped != "" {
				wantSkipped = 1
				if n := e.skips(t, id, tt.skipped); n != 1 {
					t.Errorf("skipped{%s} = %d, want 1", tt.skipped, n)
				}
			}
			if st.Skipped != wantSkipped {
				t.Errorf("skipped = %d, want %d", st.Skipped, wantSkipped)
			}
			wantErrs := 0
			if tt.errClass != "" {
				wantErrs = 1
				if n := e.errs(t, id, tt.errClass); n != 1 {
					t.Errorf("errors{%s} = %d, want 1", tt.errClass, n)
				}
			}
			if st.Errors != wantErrs {
				t.Errorf("errors = %d, want %d (stats %+v)", st.Errors, wantErrs, st)
			}
			hits := s.requests(page)
			if len(hits) != tt.requests {
				t.Errorf("%s requested %d times, want %d", page, len(hits), tt.requests)
			}
			if tt.minGap > 0 && len(hits) >= 2 {
				if gap := hits[1].at.Sub(hits[0].at); gap < tt.minGap {
					t.Errorf("retried after %v, want at least %v", gap, tt.minGap)
				}
			}
			if tt.check != nil && !t.Failed() {
				tt.check(t, e, s, ps)
			}
		})
	}
}

// TestReadBodyBounded inflates a gzip bomb through readBody and checks
// that neither the result nor the memory allocated grows with the bomb.
func TestReadBodyBounded(t *testing.T) {
	z := bomb(t, 10<<20)
	if len(z) > 64<<10 {
		t.Fatalf("bomb is %d bytes compressed; the test wants a small one", len(z))
	}
	tests := []struct {
		name     string
		encoding string
		body     []byte
		max      int64
		wantLen  int
		wantTrun bool
	}{
		{"gzip bomb", "gzip", z, 64 << 10, 64 << 10, true},
		{"x-gzip bomb", "x-gzip", z, 64 << 10, 64 << 10, true},
		{"identity under the cap", "", []byte("hello"), 64 << 10, 5, false},
		{"identity at the cap", "identity", bytes.Repeat([]byte("a"), 100), 100, 100, false},
		{"identity over the cap", "", bytes.Repeat([]byte("a"), 101), 100, 100, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := &http.Response{Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(tt.body))}
			if tt.encoding != "" {
				resp.Header.Set("Content-Encoding", tt.encoding)
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			data, truncated, err := readBody(resp, tt.max)
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if len(data) != tt.wantLen || truncated != tt.wantTrun {
				t.Errorf("read %d bytes, truncated %v; want %d, %v", len(data), truncated, tt.wantLen, tt.wantTrun)
			}
			// Generous: the cap plus the decompressor's state, far below
			// the 10 MB the bomb inflates to.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
				t.Errorf("allocated %d bytes reading a body capped at %d", alloc, tt.max)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"1", time.Second},
		{" 120 ", 2 * time.Minute},
		{"-5", 0},
		{"soon", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := retryAfter(tt.in, now); got != tt.want {
				t.Errorf("retryAfter(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestBackoff(t *testing.T) {
	base, ceiling := 100*time.Millisecond, time.Second
	for attempt := range 8 {
		d := backoff(attempt, base, ceiling)
		full := min(base<<attempt, ceiling)
		if d < full/2 || d > full {
			t.Errorf("backoff(%d) = %v, want within [%v, %v]", attempt, d, full/2, full)
		}
	}
}

// TestRefusePrivate checks the default: a fetcher that may not connect to
// private addresses skips a site on loopback without a request.
func TestRefusePrivate(t *testing.T) {
	cfg := testConfig()
	cfg.AllowPrivate = false
	e := newEnv(t, cfg)
	s := newSite(t, map[string]http.Handler{"/feed.xml": feedOf("/news/private-net-story")})
	st := e.poll(t, Source{ID: "private", Feeds: []string{s.url("/feed.xml")}, Rate: 1000})
	if st.Skipped != 1 || st.Published != 0 || e.skips(t, "private", "private_address") != 1 {
		t.Errorf("stats = %+v, want the feed skipped for its private address", st)
	}
	if p := s.paths(); len(p) != 0 {
		t.Errorf("requests reached the server: %v", p)
	}
}

// TestBadCertificate: a page behind a certificate the fetcher does not trust
// fails once, as class tls, and is not retried however many retries the
// config allows.
func TestBadCertificate(t *testing.T) {
	var handshakes atomic.Int32
	tlsSite := httptest.NewUnstartedServer(htmlPage(story("Behind a self-signed certificate")))
	tlsSite.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			handshakes.Add(1)
		}
	}
	tlsSite.StartTLS()
	t.Cleanup(tlsSite.Close)
	page := tlsSite.URL + "/news/secure-page"

	cfg := testConfig()
	cfg.Retries = 3
	e := newEnv(t, cfg)
	s := newSite(t, map[string]http.Handler{"/feed.xml": feedOf(page)})
	host := strings.TrimPrefix(tlsSite.URL, "https://")
	st := e.poll(t, Source{ID: "tls", Feeds: []string{s.url("/feed.xml")}, AllowHosts: []string{host}, Rate: 1000})
	if st.Published != 0 || st.Errors != 1 {
		t.Errorf("stats %+v, want nothing published and one error", st)
	}
	if n := e.errs(t, "tls", "tls"); n != 1 {
		t.Errorf("errors{class=tls} = %d, want 1", n)
	}
	if n := handshakes.Load(); n != 1 {
		t.Errorf("%d connections to the host, want 1: a bad certificate was retried", n)
	}
}

package fetch

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestSitemapCaps parses sitemaps under caps: the newest entries are kept
// (news:publication_date over lastmod, undated ones oldest, ties to the
// earlier entry), returned in document order.
func TestSitemapCaps(t *testing.T) {
	base, _ := url.Parse("http://wire.test/sitemap.xml")
	const head = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">`
	tests := []struct {
		name         string
		xml          string
		maxURLs      int
		maxChildren  int
		wantLinks    []string
		wantChildren []string
		wantURLs     int
	}{
		{
			name: "newest by date",
			xml: head +
				`<url><loc>/a/old</loc><lastmod>2026-01-01</lastmod></url>` +
				`<url><loc>/a/undated</loc></url>` +
				`<url><loc>/a/newest</loc><lastmod>2026-01-02</lastmod><news:news><news:publication_date>2026-03-01T10:00:00Z</news:publication_date></news:news></url>` +
				`<url><loc>/a/mid</loc><lastmod>2026-02-01T08:00:00+02:00</lastmod></url>` +
				`<url><loc>/a/older</loc><lastmod>2025-12-31</lastmod></url>` +
				`</urlset>`,
			maxURLs: 3, wantLinks: []string{"/a/old", "/a/newest", "/a/mid"}, wantURLs: 5,
		},
		{
			name:    "ties keep the earlier entries",
			xml:     head + `<url><loc>/a/1</loc></url><url><loc>/a/2</loc></url><url><loc>/a/3</loc></url></urlset>`,
			maxURLs: 2, wantLinks: []string{"/a/1", "/a/2"}, wantURLs: 3,
		},
		{
			name: "image loc is not the page",
			xml: head + `<url><loc>/a/page</loc><image:image><image:loc>/img/1.jpg</image:loc></image:image></url>` +
				`<url><image:image><image:loc>/img/2.jpg</image:loc></image:image></url></urlset>`,
			wantLinks: []string{"/a/page"}, wantURLs: 1,
		},
		{
			name: "index keeps the newest children",
			xml: `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
				`<sitemap><loc>/s/2024.xml</loc><lastmod>2024-12-31</lastmod></sitemap>` +
				`<sitemap><loc>/s/2026.xml</loc><lastmod>2026-11-20</lastmod></sitemap>` +
				`<sitemap><loc>/s/undated.xml</loc></sitemap>` +
				`<sitemap><loc>/s/2025.xml</loc><lastmod>2025-12-31</lastmod></sitemap>` +
				`</sitemapindex>`,
			maxChildren: 2, wantChildren: []string{"/s/2026.xml", "/s/2025.xml"},
		},
		{
			name:      "cut mid-document keeps what came before",
			xml:       head + `<url><loc>/a/1</loc></url><url><loc>/a/2</loc></url><url><loc>/a/3`,
			wantLinks: []string{"/a/1", "/a/2"}, wantURLs: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := parseSitemap(strings.NewReader(tt.xml), base, tt.maxURLs, tt.maxChildren)
			if err != nil && !strings.HasPrefix(tt.name, "cut") {
				t.Fatal(err)
			}
			paths := func(ls []link) []string {
				var out []string
				for _, l := range ls {
					out = append(out, l.URL.Path)
				}
				return out
			}
			if got := paths(res.links); !slices.Equal(got, tt.wantLinks) {
				t.Errorf("links = %v, want %v", got, tt.wantLinks)
			}
			if got := paths(res.children); !slices.Equal(got, tt.wantChildren) {
				t.Errorf("children = %v, want %v", got, tt.wantChildren)
			}
			if res.urls != tt.wantURLs {
				t.Errorf("urls = %d, want %d", res.urls, tt.wantURLs)
			}
		})
	}
}

// TestLimitedReader reads at most n bytes and says whether there was more.
func TestLimitedReader(t *testing.T) {
	for _, tt := range []struct {
		data      string
		n         int64
		want      string
		truncated bool
	}{
		{"abcdef", 6, "abcdef", false},
		{"abcdef", 4, "abcd", true},
		{"", 4, "", false},
	} {
		lr := &limitedReader{r: strings.NewReader(tt.data), n: tt.n}
		var b bytes.Buffer
		b.ReadFrom(lr)
		if b.String() != tt.want || lr.truncated != tt.truncated {
			t.Errorf("%q/%d: read %q truncated %v, want %q %v", tt.data, tt.n, b.String(), lr.truncated, tt.want, tt.truncated)
		}
	}
}

// TestDiscoveryCaps polls a source past every cap: the poll's, one
// sitemap's and one index's. Each is counted in the metrics and named in
// the log, and what is beyond it is not fetched.
func TestDiscoveryCaps(t *testing.T) {
	cfg := testConfig()
	cfg.MaxPollURLs = 5
	cfg.MaxSitemapURLs = 2
	cfg.MaxSitemapChildren = 2
	e := newEnv(t, cfg)
	var logs syncBuffer
	e.f = New(cfg, e.conn, e.kv, slog.New(slog.NewTextHandler(&logs, nil)), e.m)
	urlset := func(entries ...string) http.Handler {
		var b strings.Builder
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for _, e := range entries {
			path, date, _ := strings.Cut(e, "@")
			fmt.Fprintf(&b, "<url><loc>%s</loc><lastmod>%s</lastmod></url>", path, date)
		}
		b.WriteString("</urlset>")
		return serveBytes("application/xml", []byte(b.String()))
	}
	routes := map[string]http.Handler{
		"/feed.xml": feedOf("/news/feed-story-one", "/news/feed-story-two"),
		"/sitemap.xml": serveBytes("application/xml", []byte(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`+
			`<sitemap><loc>/s/old.xml</loc><lastmod>2020-01-01</lastmod></sitemap>`+
			`<sitemap><loc>/s/a.xml</loc><lastmod>2026-11-20</lastmod></sitemap>`+
			`<sitemap><loc>/s/b.xml</loc><lastmod>2026-11-19</lastmod></sitemap></sitemapindex>`)),
		"/s/a.xml": urlset("/news/a-one-old@2026-01-01", "/news/a-two-new@2026-11-20", "/news/a-three-mid@2026-06-01", "/news/a-four-new@2026-11-19"),
		"/s/b.xml": urlset("/news/b-one-story@2026-11-19", "/news/b-two-story@2026-11-18"),
	}
	for _, p := range []string{"/news/feed-story-one", "/news/feed-story-two", "/news/a-one-old", "/news/a-two-new", "/news/a-three-mid",
		"/news/a-four-new", "/news/b-one-story", "/news/b-two-story"} {
		routes[p] = htmlPage(story(p))
	}
	s := newSite(t, routes)
	st := e.poll(t, Source{ID: "caps", Feeds: []string{s.url("/feed.xml")}, Sitemaps: []string{s.url("/sitemap.xml")}, Rate: 1000})
	if st.Discovered != 5 || st.Published != 5 {
		t.Errorf("stats = %+v, want 5 discovered and published", st)
	}
	want := []string{"/news/a-four-new", "/news/a-two-new", "/news/b-one-story", "/news/feed-story-one", "/news/feed-story-two"}
	var got []string
	for _, p := range e.pages(t, "caps") {
		u, _ := url.Parse(p.page.URL)
		got = append(got, u.Path)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("published %v, want %v", got, want)
	}
	for _, p := range []string{"/s/old.xml", "/news/a-one-old", "/news/a-three-mid", "/news/b-two-story"} {
		if n := len(s.requests(p)); n != 0 {
			t.Errorf("%s requested %d times, want never (beyond a cap)", p, n)
		}
	}
	for cap, n := range map[string]int{"poll_urls": 1, "sitemap_urls": 2, "sitemap_children": 1} {
		if got := e.counter(t, "wiredesk_fetcher_capped_total", "source", "caps", "cap", cap); got != n {
			t.Errorf("capped{cap=%s} = %d, want %d", cap, got, n)
		}
	}
	for _, key := range []string{"fetcher.max_poll_urls", "fetcher.max_sitemap_urls", "fetcher.max_sitemap_children"} {
		if !strings.Contains(logs.String(), "cap="+key) {
			t.Errorf("log does not name %s:\n%s", key, logs.String())
		}
	}
}

// syncBuffer is a bytes.Buffer that a logger may write from many
// goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

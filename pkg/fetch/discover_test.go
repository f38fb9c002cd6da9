package fetch

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
)

// gzipBytes compresses data, for .xml.gz sitemaps and gzip responses.
func gzipBytes(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestParseGolden parses the feed, sitemap and listing fixtures offline
// and compares the links found with golden files.
func TestParseGolden(t *testing.T) {
	base, _ := url.Parse("http://wire.test/feeds/main.xml")
	read := func(t testing.TB, name string) []byte {
		t.Helper()
		data, err := os.ReadFile(filepath.Join("testdata", "web", name))
		if err != nil {
			t.Fatal(err)
		}
		return bytes.ReplaceAll(data, []byte("{{BASE}}"), []byte("http://wire.test"))
	}
	tests := []struct {
		name  string
		parse func(t testing.TB) ([]link, []*url.URL, error)
	}{
		{"rss.xml", func(t testing.TB) ([]link, []*url.URL, error) {
			l, err := parseFeed(read(t, "rss.xml"), base)
			return l, nil, err
		}},
		{"atom.xml", func(t testing.TB) ([]link, []*url.URL, error) {
			l, err := parseFeed(read(t, "atom.xml"), base)
			return l, nil, err
		}},
		{"sitemap_index.xml", func(t testing.TB) ([]link, []*url.URL, error) {
			return sitemapLinks(read(t, "sitemap_index.xml"), base)
		}},
		{"sitemap_archive.xml.gz", func(t testing.TB) ([]link, []*url.URL, error) {
			return sitemapLinks(gzipBytes(t, read(t, "sitemap_archive.xml")), base)
		}},
		{"sitemap_news.xml", func(t testing.TB) ([]link, []*url.URL, error) {
			return sitemapLinks(read(t, "sitemap_news.xml"), base)
		}},
		{"listing.html", func(t testing.TB) ([]link, []*url.URL, error) {
			l, err := parseListing(read(t, "listing.html"), base, "")
			return l, nil, err
		}},
		{"listing.html@selector", func(t testing.TB) ([]link, []*url.URL, error) {
			l, err := parseListing(read(t, "listing.html"), base, "ul.latest li:not(.promo)")
			return l, nil, err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links, children, err := tt.parse(t)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, l := range links {
				fmt.Fprintf(&b, "link %s", l.URL)
				if !l.Published.IsZero() {
					fmt.Fprintf(&b, " published=%s", l.Published.Format(time.RFC3339))
				}
				b.WriteString("\n")
			}
			for _, c := range children {
				fmt.Fprintf(&b, "sitemap %s\n", c)
			}
			checkGolden(t, strings.ReplaceAll(tt.name, "@", "_")+".golden.txt", []byte(b.String()))
		})
	}
}

// sitemapLinks parses a whole sitemap, uncapped.
func sitemapLinks(body []byte, base *url.URL) ([]link, []*url.URL, error) {
	res, err := parseSitemap(bytes.NewReader(body), base, 0, 0)
	var children []*url.URL
	for _, c := range res.children {
		children = append(children, c.URL)
	}
	return res.links, children, err
}

func TestParseErrors(t *testing.T) {
	base, _ := url.Parse("http://wire.test/")
	tests := []struct {
		name string
		fn   func() error
	}{
		{"feed not XML", func() error { _, err := parseFeed([]byte("<html>not a feed"), base); return err }},
		{"sitemap wrong root", func() error { _, _, err := sitemapLinks([]byte("<rss><channel/></rss>"), base); return err }},
		{"sitemap bad gzip", func() error { _, _, err := sitemapLinks([]byte{0x1f, 0x8b, 0, 1, 2}, base); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.fn(); err == nil || !strings.Contains(err.Error(), "parse") {
				t.Errorf("err = %v, want a parse error", err)
			}
		})
	}
}

// TestFeeds polls an RSS and an Atom feed that share a story and link to a
// foreign host.
func TestFeeds(t *testing.T) {
	e := newEnv(t, testConfig())
	var s *site
	s = newSite(t, map[string]http.Handler{
		"/feeds/rss.xml":                file(t, &s, "rss.xml", "application/rss+xml"),
		"/feeds/atom.xml":               file(t, &s, "atom.xml", "application/atom+xml"),
		"/news/talks-resume-in-geneva":  htmlPage(story("Talks resume in Geneva")),
		"/news/border-crossing-reopens": htmlPage(story("Border crossing reopens")),
		"/news/shared-story-both-feeds": htmlPage(story("A story in both feeds")),
		"/news/atom-only-story":         htmlPage(story("Only in the Atom feed")),
		"/news/not-our-story-at-all":    htmlPage(story("Must not be fetched")),
	})
	src := Source{ID: "feeds", Feeds: []string{s.url("/feeds/rss.xml"), s.url("/feeds/atom.xml")}, Rate: 1000}
	st := e.poll(t, src)

	want := Stats{Feeds: 2, Discovered: 4, Fetched: 4, Published: 4, Skipped: 1}
	if st != want {
		t.Errorf("stats = %+v, want %+v", st, want)
	}
	if n := e.skips(t, "feeds", "host"); n != 1 {
		t.Errorf("skipped{host} = %d, want 1", n)
	}
	if n := len(s.requests("/news/shared-story-both-feeds")); n != 1 {
		t.Errorf("shared story requested %d times, want 1", n)
	}
	got := byURL(e.pages(t, "feeds"))
	tests := []struct {
		url, canonical string
		published      time.Time
	}{
		{s.url("/news/talks-resume-in-geneva"), s.url("/news/talks-resume-in-geneva"), time.Date(2026, 3, 3, 9, 15, 0, 0, time.UTC)},
		{s.url("/news/border-crossing-reopens?utm_source=rss&utm_medium=feed"), s.url("/news/border-crossing-reopens"), time.Date(2026, 3, 3, 7, 0, 0, 0, time.UTC)},
		{s.url("/news/shared-story-both-feeds"), s.url("/news/shared-story-both-feeds"), time.Time{}},
		{s.url("/news/atom-only-story"), s.url("/news/atom-only-story"), time.Date(2026, 3, 2, 5, 30, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			p := got[tt.url]
			if p == nil {
				t.Fatalf("not published; published: %v", slices.Sorted(func(yield func(string) bool) {
					for k := range got {
						if !yield(k) {
							return
						}
					}
				}))
			}
			if p.CanonicalURL != tt.canonical {
				t.Errorf("canonical = %s, want %s", p.CanonicalURL, tt.canonical)
			}
			if !tt.published.IsZero() && !p.PublishedAt.Equal(tt.published) {
				t.Errorf("published_at = %v, want %v (from the feed)", p.PublishedAt, tt.published)
			}
			if p.Source != "feeds" || len(p.Blocks) == 0 {
				t.Errorf("source %q, %d blocks", p.Source, len(p.Blocks))
			}
		})
	}
}

// TestSitemaps follows a sitemap index to a gzip-compressed urlset and a
// Google News sitemap.
func TestSitemaps(t *testing.T) {
	e := newEnv(t, testConfig())
	archive, err := os.ReadFile(filepath.Join("testdata", "web", "sitemap_archive.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var s *site
	s = newSite(t, map[string]http.Handler{
		"/sitemap.xml": file(t, &s, "sitemap_index.xml", "application/xml"),
		"/sitemaps/archive.xml.gz": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/x-gzip")
			w.Write(gzipBytes(t, bytes.ReplaceAll(archive, []byte("{{BASE}}"), []byte(s.srv.URL))))
		}),
		"/sitemaps/news.xml":                  file(t, &s, "sitemap_news.xml", "application/xml"),
		"/archive/2026/03/01/old-story":       htmlPage(story("Old story")),
		"/archive/2026/03/02/older-story":     htmlPage(story("Older story")),
		"/news/sitemap-news-story":            htmlPage(story("News sitemap story")),
		"/sitemaps/never-listed-anywhere.xml": htmlPage("never"),
	})
	src := Source{ID: "maps", Sitemaps: []string{s.url("/sitemap.xml")}, Rate: 1000}
	st := e.poll(t, src)
	if want := (Stats{Feeds: 3, Discovered: 3, Fetched: 3, Published: 3}); st != want {
		t.Errorf("stats = %+v, want %+v", st, want)
	}
	got := byURL(e.pages(t, "maps"))
	wantDates := map[string]time.Time{
		// The day in the page's URL, as precise as the sitemap's day;
		// the page is English and its source has no zone, so the day
		// stays the page's own (local, at 00:00 UTC), not a guessed
		// zone's midnight.
		s.url("/archive/2026/03/01/old-story"): time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		// The URL's day, and the sitemap's time that day.
		s.url("/archive/2026/03/02/older-story"): time.Date(2026, 3, 2, 7, 0, 0, 0, time.UTC),
		s.url("/news/sitemap-news-story"):        time.Date(2026, 3, 3, 3, 45, 0, 0, time.UTC),
	}
	for u, want := range wantDates {
		p := got[u]
		if p == nil {
			t.Errorf("%s not published", u)
			continue
		}
		if !p.PublishedAt.Equal(want) {
			t.Errorf("%s: published_at = %v, want %v", u, p.PublishedAt, want)
		}
		if wantLocal := strings.Contains(u, "old-story"); p.PublishedLocal != wantLocal {
			t.Errorf("%s: published_local = %v, want %v", u, p.PublishedLocal, wantLocal)
		}
	}
}

// TestListing follows the links of an index page, with and without a
// link selector.
func TestListing(t *testing.T) {
	tests := []struct {
		name     string
		selector string
		want     []string
	}{
		{"generic", "", []string{"/about/contact-us-here-now", "/news/2026/0303123456", "/news/listing-first-story", "/news/popular-sidebar-story"}},
		{"selector", "ul.latest li:not(.promo)", []string{"/news/2026/0303123456", "/news/listing-first-story"}},
		{"selector on anchors", "aside a", []string{"/news/popular-sidebar-story"}},
	}
	e := newEnv(t, testConfig())
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s *site
			s = newSite(t, map[string]http.Handler{
				"/latest":                     file(t, &s, "listing.html", "text/html; charset=utf-8"),
				"/news/listing-first-story":   htmlPage(story("First story")),
				"/news/2026/0303123456":       htmlPage(story("Numbered story")),
				"/news/popular-sidebar-story": htmlPage(story("Popular story")),
				"/about/contact-us-here-now":  htmlPage(story("Contact page")),
			})
			id := fmt.Sprintf("listing%d", i)
			src := Source{ID: id, StartURLs: []string{s.url("/latest")}, LinkSelector: tt.selector, Rate: 1000}
			st := e.poll(t, src)
			if st.Feeds != 1 || st.Published != len(tt.want) || st.Errors != 0 {
				t.Errorf("stats = %+v, want %d published", st, len(tt.want))
			}
			var want []string
			for _, p := range tt.want {
				want = append(want, s.url(p))
			}
			if got := urls(e.pages(t, id)); !slices.Equal(got, want) {
				t.Errorf("published\n%v\nwant\n%v", got, want)
			}
			if n := len(s.requests("/world/")); n != 0 {
				t.Errorf("section page /world/ requested %d times", n)
			}
		})
	}
}

// TestPublishedMessages checks the wire form of what the fetcher publishes.
func TestPublishedMessages(t *testing.T) {
	cfg := testConfig()
	cfg.Contact = "https://wire.test/crawler"
	e := newEnv(t, cfg)
	s := newSite(t, map[string]http.Handler{
		"/feed.xml": serveBytes("application/rss+xml", []byte(`<rss version="2.0"><channel><title>x</title>
<item><link>/news/wire-form-story-one</link></item><item><link>/news/wire-form-story-two</link></item></channel></rss>`)),
		"/news/wire-form-story-one": htmlPage(story("Wire form one")),
		"/news/wire-form-story-two": htmlPage(story("Wire form two")),
	})
	src := Source{ID: "wire_form-1", Lang: "en", Feeds: []string{s.url("/feed.xml")}, Rate: 1000}
	e.poll(t, src)
	ps := e.pages(t, src.ID)
	if len(ps) != 2 {
		t.Fatalf("%d messages, want 2", len(ps))
	}
	for _, p := range ps {
		t.Run(p.page.URL, func(t *testing.T) {
			if p.subject != bus.SubjectRaw(src.ID) || p.subject != "news.raw.wire_form-1" {
				t.Errorf("subject = %s", p.subject)
			}
			if want := p.page.ID + ":" + p.page.ContentHash; p.msgID != want {
				t.Errorf("Nats-Msg-Id = %q, want %q", p.msgID, want)
			}
			canon, _ := Canonicalize(p.page.URL)
			if p.page.ID != article.IDFor(canon) {
				t.Errorf("id %s is not the hash of %s", p.page.ID, canon)
			}
			if p.page.HTTP.Status != 200 || !strings.HasPrefix(p.page.HTTP.ContentType, "text/html") {
				t.Errorf("http = %+v", p.page.HTTP)
			}
			if p.page.LangHint != "en" || p.page.FetchedAt.IsZero() {
				t.Errorf("lang_hint %q, fetched_at %v", p.page.LangHint, p.page.FetchedAt)
			}
		})
	}
	// Every request names the crawler.
	for _, h := range s.requests("/news/wire-form-story-one") {
		if ua := h.header.Get("User-Agent"); ua != DefaultUserAgent+" contact: https://wire.test/crawler" {
			t.Errorf("User-Agent = %q", ua)
		}
	}
}

package fetch

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/extract"
)

func TestCanonicalize(t *testing.T) {
	tests := []struct {
		in, want string
		err      bool
	}{
		{in: "http://example.com", want: "http://example.com/"},
		{in: "HTTP://WWW.Example.COM/News/A", want: "http://www.example.com/News/A"},
		{in: "http://example.com:80/a", want: "http://example.com/a"},
		{in: "https://example.com:443/a", want: "https://example.com/a"},
		{in: "http://example.com:8080/a", want: "http://example.com:8080/a"},
		{in: "https://example.com:80/a", want: "https://example.com:80/a"},
		{in: "http://example.com./a", want: "http://example.com/a"},
		{in: "http://example.com/a#section-2", want: "http://example.com/a"},
		{in: "http://example.com/a?utm_source=rss&utm_medium=feed&UTM_Campaign=x", want: "http://example.com/a"},
		{in: "http://example.com/a?id=7&fbclid=abc&gclid=def&yclid=123", want: "http://example.com/a?id=7"},
		{in: "http://example.com/a?b=2&a=1&c=3", want: "http://example.com/a?a=1&b=2&c=3"},
		{in: "http://example.com/a?b=2&utm_term=x&a=1#top", want: "http://example.com/a?a=1&b=2"},
		{in: "http://example.com/a/./b/../c", want: "http://example.com/a/c"},
		{in: "http://example.com/a/b/..", want: "http://example.com/a/"},
		{in: "http://example.com/../../x", want: "http://example.com/x"},
		{in: "http://user:pass@example.com/a", want: "http://example.com/a"},
		{in: "http://[::1]:80/a", want: "http://[::1]/a"},
		{in: "http://[2001:DB8::1]:8080/a", want: "http://[2001:db8::1]:8080/a"},
		{in: "https://[2001:db8::1]/", want: "https://[2001:db8::1]/"},
		{in: "  http://example.com/a  ", want: "http://example.com/a"},
		{in: "http://example.com/haber/türkiye", want: "http://example.com/haber/t%C3%BCrkiye"},
		{in: "http://example.com/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8", want: "http://example.com/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8"},
		{in: "ftp://example.com/a", err: true},
		{in: "/relative/path", err: true},
		{in: "http:///nohost", err: true},
		{in: "http://exa mple.com/", err: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Canonicalize(tt.in)
			if tt.err {
				if err == nil {
					t.Errorf("Canonicalize(%q) = %q, want an error", tt.in, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Canonicalize(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			// Canonical is a fixed point.
			if again, _ := Canonicalize(got); again != got {
				t.Errorf("Canonicalize(%q) = %q, not idempotent", got, again)
			}
		})
	}
}

func TestSourceValidate(t *testing.T) {
	ok := Source{ID: "aa-tr", Feeds: []string{"https://www.aa.com.tr/tr/rss/default?cat=guncel"}}
	tests := []struct {
		name   string
		mutate func(s *Source)
		fields []string // fields the error must name; none for a valid source
	}{
		{"valid", func(*Source) {}, nil},
		{"valid with everything", func(s *Source) {
			s.Sitemaps = []string{"https://www.aa.com.tr/sitemap.xml"}
			s.StartURLs = []string{"https://www.aa.com.tr/tr/gundem"}
			s.LinkSelector = "div.news-list a.title"
			s.AllowHosts = []string{"www.aa.com.tr", "cdn.aa.com.tr:8443"}
			s.Interval, s.Rate = time.Minute, 0.5
			s.Timezone = "Asia/Baku"
		}, nil},
		{"unknown timezone", func(s *Source) { s.Timezone = "Europe/Nowhere" }, []string{"timezone"}},
		{"empty id", func(s *Source) { s.ID = "" }, []string{"id"}},
		{"uppercase id", func(s *Source) { s.ID = "AA" }, []string{"id"}},
		{"id with a dot", func(s *Source) { s.ID = "aa.tr" }, []string{"id"}},
		{"id starting with -", func(s *Source) { s.ID = "-aa" }, []string{"id"}},
		{"id too long", func(s *Source) { s.ID = strings.Repeat("a", 65) }, []string{"id"}},
		{"no feeds", func(s *Source) { s.Feeds = nil }, []string{"feeds"}},
		{"bad feed scheme", func(s *Source) { s.Feeds = []string{"ftp://aa.com.tr/rss"} }, []string{"feeds[0]"}},
		{"relative feed", func(s *Source) { s.Feeds = append(s.Feeds, "/rss") }, []string{"feeds[1]"}},
		{"unparseable sitemap", func(s *Source) { s.Sitemaps = []string{"http://a b/"} }, []string{"sitemaps[0]"}},
		{"bad start url", func(s *Source) { s.StartURLs = []string{"https://"} }, []string{"start_urls[0]"}},
		{"bad link_selector", func(s *Source) { s.LinkSelector = "div[" }, []string{"link_selector"}},
		{"bad allow_hosts", func(s *Source) { s.AllowHosts = []string{"", "http://x/"} }, []string{"allow_hosts[0]", "allow_hosts[1]"}},
		{"negative interval", func(s *Source) { s.Interval = -time.Second }, []string{"interval"}},
		{"negative rate", func(s *Source) { s.Rate = -1 }, []string{"rate"}},
		{"bad rules", func(s *Source) { s.Rules = &extract.Rules{Body: "p[["} }, []string{"rules"}},
		{"every problem at once", func(s *Source) { s.ID = "Bad"; s.Feeds = nil; s.Rate = -1 }, []string{"id", "feeds", "rate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ok
			s.Feeds = append([]string(nil), ok.Feeds...)
			tt.mutate(&s)
			err := s.Validate()
			if len(tt.fields) == 0 {
				if err != nil {
					t.Errorf("Validate = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate = nil, want errors for %v", tt.fields)
			}
			for _, f := range tt.fields {
				if !strings.Contains(err.Error(), f+":") {
					t.Errorf("error does not name %s: %v", f, err)
				}
			}
		})
	}
}

func TestAllowed(t *testing.T) {
	src := Source{ID: "x", Feeds: []string{"https://News.Example.com/rss"}}
	withHosts := Source{ID: "y", Feeds: []string{"https://news.example.com/rss"}, AllowHosts: []string{"cdn.example.com"}}
	tests := []struct {
		src  *Source
		u    string
		want bool
	}{
		{&src, "https://news.example.com/a", true},
		{&src, "http://NEWS.example.com/a", true},
		{&src, "https://other.example.com/a", false},
		{&src, "mailto:news@news.example.com", false},
		{&withHosts, "https://cdn.example.com/a", true},
		{&withHosts, "https://news.example.com/a", true}, // a source's own feed hosts are always allowed
		{&withHosts, "https://other.example.com/a", false},
	}
	for _, tt := range tests {
		t.Run(tt.src.ID+" "+tt.u, func(t *testing.T) {
			u, _ := url.Parse(tt.u)
			if got := tt.src.Allowed(u); got != tt.want {
				t.Errorf("Allowed = %v, want %v", got, tt.want)
			}
		})
	}
	srcs := []Source{src, withHosts}
	if m := MatchSource(srcs, mustURL(t, "https://cdn.example.com/x")); m == nil || m.ID != "y" {
		t.Errorf("MatchSource = %v, want y", m)
	}
	if m := MatchSource(srcs, mustURL(t, "https://nowhere.example/x")); m != nil {
		t.Errorf("MatchSource = %v, want nil", m.ID)
	}
}

func mustURL(t testing.TB, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestPageCanonical: a page's rel=canonical is trusted on its own host and
// its source's hosts, and nowhere else.
func TestPageCanonical(t *testing.T) {
	e := newEnv(t, testConfig())
	canon := func(href string) string {
		return articleHTML("en", `<meta charset="utf-8"><link rel="canonical" href="`+href+`">`, "Canonical",
			"The ministry said on Tuesday that talks between the two delegations would resume next week in Geneva.",
			"Officials from both sides declined to comment on the details of the draft agreement.")
	}
	s := newSite(t, map[string]http.Handler{
		"/feed.xml": feedOf("/news/same-host-canonical?utm_source=x", "/news/foreign-canonical-story",
			"/news/relative-canonical-story", "/news/og-url-story"),
	})
	s.route("/news/same-host-canonical", htmlPage(canon(s.url("/news/the-real-one#x"))))
	s.route("/news/foreign-canonical-story", htmlPage(canon("https://foreign.example/news/hijacked")))
	s.route("/news/relative-canonical-story", htmlPage(canon("/news/relative-target-story")))
	s.route("/news/og-url-story", htmlPage(articleHTML("en", `<meta charset="utf-8"><meta property="og:url" content="`+s.url("/news/og-target")+`">`, "OG",
		"The ministry said on Tuesday that talks between the two delegations would resume next week in Geneva.",
		"Officials from both sides declined to comment on the details of the draft agreement.")))
	st := e.poll(t, Source{ID: "canon", Feeds: []string{s.url("/feed.xml")}, Rate: 1000})
	if st.Published != 4 {
		t.Fatalf("stats = %+v", st)
	}
	got := byURL(e.pages(t, "canon"))
	tests := []struct{ fetched, canonical string }{
		{"/news/same-host-canonical?utm_source=x", "/news/the-real-one"},
		{"/news/foreign-canonical-story", "/news/foreign-canonical-story"},
		{"/news/relative-canonical-story", "/news/relative-target-story"},
		{"/news/og-url-story", "/news/og-target"},
	}
	for _, tt := range tests {
		t.Run(tt.fetched, func(t *testing.T) {
			p := got[s.url(tt.fetched)]
			if p == nil {
				t.Fatal("not published")
			}
			if want := s.url(tt.canonical); p.CanonicalURL != want || p.ID != article.IDFor(want) {
				t.Errorf("canonical %s id %s; want %s id %s", p.CanonicalURL, p.ID, want, article.IDFor(want))
			}
		})
	}
}

func TestRedactedLogURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://user:s3cret@feeds.example.com/rss", "https://user:xxxxx@feeds.example.com/rss"},
		{"https://feeds.example.com/rss", "https://feeds.example.com/rss"},
		{"%zz", "%zz"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := redacted(tt.in); got != tt.want {
				t.Errorf("redacted(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

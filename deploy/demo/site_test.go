package demo_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/deploy/demo"
	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/fetch"
)

// knownIssues lists checks skipped for one page because the extractor or
// the classifier gets that page wrong: the page is realistic, the pipeline
// is not there yet. Key: page path, then the check ("title", "lang",
// "diplomatic", "byline", "published_at", "paragraphs"). Remove an entry when the
// pipeline is fixed; the test says when an entry is no longer needed.
var knownIssues = map[string]map[string]string{}

// expected is one entry of expected.json.
type expected struct {
	Path           string `json:"path"`
	CanonicalURL   string `json:"canonical_url"`
	Source         string `json:"source"`
	Lang           string `json:"lang"`
	Diplomatic     bool   `json:"diplomatic"`
	Title          string `json:"title"`
	Byline         string `json:"byline"`
	PublishedAt    string `json:"published_at"`
	Standfirst     bool   `json:"standfirst"`
	BodyParagraphs int    `json:"body_paragraphs"`
}

var now = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

func loadExpected(t testing.TB) []expected {
	t.Helper()
	data, err := demo.Expected()
	if err != nil {
		t.Fatal(err)
	}
	var out []expected
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	if !slices.IsSortedFunc(out, func(a, b expected) int { return strings.Compare(a.Path, b.Path) }) {
		t.Error("expected.json is not sorted by path")
	}
	return out
}

// site serves the demo site on loopback, as wiredesk -demo does.
func site(t testing.TB) (*httptest.Server, []fetch.Source) {
	t.Helper()
	srv := httptest.NewServer(demo.Handler())
	t.Cleanup(srv.Close)
	return srv, demo.Sources(srv.URL, time.Minute)
}

func get(t testing.TB, u string) []byte {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", u, resp.Status)
	}
	return body
}

// feedLinks returns the item links of a source's feed, resolved against
// the feed URL as the fetcher resolves them.
func feedLinks(t testing.TB, feedURL string) []*url.URL {
	t.Helper()
	var rss struct {
		Items []struct {
			Link    string `xml:"link"`
			PubDate string `xml:"pubDate"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal(get(t, feedURL), &rss); err != nil {
		t.Fatalf("%s: %v", feedURL, err)
	}
	base, err := url.Parse(feedURL)
	if err != nil {
		t.Fatal(err)
	}
	var out []*url.URL
	for _, it := range rss.Items {
		if !strings.HasPrefix(it.Link, "/") {
			t.Errorf("%s: link %q is not root-relative", feedURL, it.Link)
		}
		if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
			t.Errorf("%s: item %s: pubDate: %v", feedURL, it.Link, err)
		}
		ref, err := url.Parse(it.Link)
		if err != nil {
			t.Errorf("%s: link %q: %v", feedURL, it.Link, err)
			continue
		}
		out = append(out, base.ResolveReference(ref))
	}
	return out
}

func TestSiteConsistent(t *testing.T) {
	want := loadExpected(t)
	srv, sources := site(t)
	byPath := map[string]expected{}
	for _, e := range want {
		if _, dup := byPath[e.Path]; dup {
			t.Errorf("%s: listed twice in expected.json", e.Path)
		}
		byPath[e.Path] = e
		if _, err := fs.Stat(demo.Site(), strings.TrimPrefix(e.Path, "/")); err != nil {
			t.Errorf("%s: %v", e.Path, err)
		}
		if !strings.HasPrefix(e.Path, "/"+e.Source+"/") {
			t.Errorf("%s: source %q does not match the path", e.Path, e.Source)
		}
		if _, err := time.Parse(time.RFC3339, e.PublishedAt); err != nil {
			t.Errorf("%s: published_at: %v", e.Path, err)
		}
	}
	inFeeds := map[string]bool{}
	for _, src := range sources {
		for _, u := range feedLinks(t, src.Feeds[0]) {
			if u.Host != strings.TrimPrefix(srv.URL, "http://") {
				t.Errorf("%s: feed link %s leaves the site", src.ID, u)
			}
			e, ok := byPath[u.Path]
			switch {
			case !ok:
				t.Errorf("%s: feed link %s is not in expected.json", src.ID, u.Path)
			case e.Source != src.ID:
				t.Errorf("%s: in the feed of %s, expected.json says %s", u.Path, src.ID, e.Source)
			}
			inFeeds[u.Path] = true
		}
	}
	for _, e := range want {
		if !inFeeds[e.Path] {
			t.Errorf("%s: in expected.json, in no feed", e.Path)
		}
		body := string(get(t, srv.URL+e.Path))
		if !strings.Contains(body, `<link rel="canonical" href="`+e.CanonicalURL+`">`) {
			t.Errorf("%s: rel=canonical is not %s", e.Path, e.CanonicalURL)
		}
	}
	get(t, srv.URL+"/")
}

func TestPagesClassify(t *testing.T) {
	want := loadExpected(t)
	srv, sources := site(t)
	cl, err := classify.New(classify.Config{}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	// The scorecard: per check, the pages it held on and the pages it ran on.
	right, ran := map[string]int{}, map[string]int{}
	for _, e := range want {
		t.Run(strings.TrimPrefix(e.Path, "/"), func(t *testing.T) {
			p := buildPage(t, srv.URL+e.Path, sources)
			if p.CanonicalURL != e.CanonicalURL {
				t.Errorf("canonical %s, want %s", p.CanonicalURL, e.CanonicalURL)
			}
			res, err := cl.Classify(context.Background(), p, now)
			if err != nil {
				t.Fatal(err)
			}
			check := func(name string, ok bool, format string, args ...any) {
				t.Helper()
				if why, known := knownIssues[e.Path][name]; known {
					used[e.Path+" "+name] = true
					t.Logf("known issue, %s not checked: %s", name, why)
					return
				}
				ran[name]++
				if ok {
					right[name]++
				}
				if !ok {
					t.Errorf("%s: "+format, append([]any{name}, args...)...)
				}
			}
			if e.Lang != "tr" && e.Lang != "ru" {
				if res.Drop == nil {
					t.Fatalf("kept as %s, want a drop (page is %s)", res.Article.Lang, e.Lang)
				}
				check("lang", res.Drop.Reason == article.DropLang, "dropped as %s (%s), want %s", res.Drop.Reason, res.Drop.Detail, article.DropLang)
				return
			}
			if res.Article == nil {
				t.Fatalf("dropped as %s (%s), want an article", res.Drop.Reason, res.Drop.Detail)
			}
			a := res.Article
			check("lang", a.Lang == e.Lang, "%s, want %s", a.Lang, e.Lang)
			check("title", a.Title == e.Title, "%q, want %q", a.Title, e.Title)
			check("diplomatic", a.Relevance.Relevant == e.Diplomatic, "relevant=%v (score %.2f, terms %q), want %v", a.Relevance.Relevant, a.Relevance.Score, a.Relevance.Terms, e.Diplomatic)
			check("byline", a.Byline == e.Byline, "%q, want %q", a.Byline, e.Byline)
			check("published_at", a.PublishedAt.Format(time.RFC3339) == e.PublishedAt, "%s, want %s", a.PublishedAt.Format(time.RFC3339), e.PublishedAt)
			check("standfirst", (a.Standfirst != "") == e.Standfirst, "%q, want one: %v", a.Standfirst, e.Standfirst)
			check("paragraphs", len(a.Paragraphs) == e.BodyParagraphs, "%d, want %d:\n%s", len(a.Paragraphs), e.BodyParagraphs, numbered(a.Paragraphs))
		})
	}
	for _, src := range sources {
		t.Run(src.ID+"/index", func(t *testing.T) {
			p := buildPage(t, srv.URL+"/"+src.ID+"/", sources)
			res, err := cl.Classify(context.Background(), p, now)
			if err != nil {
				t.Fatal(err)
			}
			if res.Drop == nil || res.Drop.Reason != article.DropNotArticle {
				t.Errorf("index page: got %+v, want a %s drop", res, article.DropNotArticle)
			}
		})
	}
	for _, name := range []string{"lang", "title", "published_at", "byline", "paragraphs", "diplomatic"} {
		t.Logf("scorecard: %-12s right on %d of %d pages", name, right[name], ran[name])
	}
	for p, checks := range knownIssues {
		for c := range checks {
			if !used[p+" "+c] {
				t.Errorf("knownIssues[%q][%q] was not needed: remove it", p, c)
			}
		}
	}
}

func buildPage(t testing.TB, pageURL string, sources []fetch.Source) *article.Page {
	t.Helper()
	u, err := url.Parse(pageURL)
	if err != nil {
		t.Fatal(err)
	}
	src := fetch.MatchSource(sources, u)
	if src == nil {
		t.Fatalf("%s: no source", pageURL)
	}
	if id := strings.Split(strings.TrimPrefix(path.Clean(u.Path), "/"), "/")[0]; id != src.ID {
		// Every source allows the loopback host: pick by path, as the
		// fetcher does by feed.
		for i := range sources {
			if sources[i].ID == id {
				src = &sources[i]
			}
		}
	}
	body := get(t, pageURL)
	p, err := fetch.BuildPage(strings.NewReader(string(body)), u, src, article.HTTP{Status: 200, ContentType: "text/html; charset=utf-8"}, now)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func numbered(paras []string) string {
	var b strings.Builder
	for i, p := range paras {
		if len(p) > 90 {
			p = p[:90] + "…"
		}
		b.WriteString("\t")
		b.WriteString(string(rune('0' + i%10)))
		b.WriteString(" ")
		b.WriteString(p)
		b.WriteString("\n")
	}
	return b.String()
}

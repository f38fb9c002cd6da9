package sitegen_test

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/fetch"
	"github.com/wiredesk/wiredesk/pkg/sitegen"
)

func get(t testing.TB, srv *httptest.Server, path string, hdr http.Header) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func TestSiteServes(t *testing.T) {
	site := sitegen.New(sitegen.Config{Pages: 40, Seed: 7})
	srv := httptest.NewServer(site)
	defer srv.Close()
	sources := site.Sources(srv.URL)
	if len(sources) != sitegen.DefaultSources {
		t.Fatalf("%d sources, want %d", len(sources), sitegen.DefaultSources)
	}
	for _, src := range sources {
		if err := src.Validate(); err != nil {
			t.Errorf("source %s: %v", src.ID, err)
		}
	}
	var listed []string
	for _, src := range sources {
		t.Run(src.ID, func(t *testing.T) {
			_, body := get(t, srv, strings.TrimPrefix(src.Feeds[0], srv.URL), nil)
			var rss struct {
				Items []struct {
					Link string `xml:"link"`
				} `xml:"channel>item"`
			}
			if err := xml.Unmarshal([]byte(body), &rss); err != nil {
				t.Fatal(err)
			}
			if len(rss.Items) != 10 {
				t.Errorf("feed lists %d items, want 10", len(rss.Items))
			}
			_, sm := get(t, srv, strings.TrimPrefix(src.Sitemaps[0], srv.URL), nil)
			for _, it := range rss.Items {
				listed = append(listed, it.Link)
				if !strings.Contains(sm, "<loc>"+it.Link+"</loc>") {
					t.Errorf("sitemap lacks %s", it.Link)
				}
			}
		})
	}
	if len(listed) != 40 {
		t.Errorf("feeds list %d pages, want 40", len(listed))
	}

	tests := []struct {
		name   string
		path   string
		header http.Header
		status int
	}{
		{"page", site.Path(3), nil, 200},
		{"wrong source", "/ajans-tr/haber/000003.html", nil, 404},
		{"out of range", "/ajans-tr/haber/000400.html", nil, 404},
		{"robots", "/robots.txt", nil, 200},
		{"unknown", "/nope/rss.xml", nil, 404},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, srv, tc.path, tc.header)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.status)
			}
			if tc.name != "page" {
				return
			}
			if want := `<link rel="canonical" href="` + srv.URL + tc.path + `">`; !strings.Contains(body, want) {
				t.Errorf("no %s in page", want)
			}
			again, body2 := get(t, srv, tc.path, nil)
			if body2 != body {
				t.Error("the same page served twice differs")
			}
			cond, _ := get(t, srv, tc.path, http.Header{"If-None-Match": {again.Header.Get("ETag")}})
			if cond.StatusCode != http.StatusNotModified {
				t.Errorf("conditional GET: status %d, want 304", cond.StatusCode)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	a := sitegen.New(sitegen.Config{Pages: 500, Seed: 1})
	b := sitegen.New(sitegen.Config{Pages: 500, Seed: 1})
	c := sitegen.New(sitegen.Config{Pages: 500, Seed: 2})
	base := "http://127.0.0.1:1"
	if !slices.Equal(a.Expected(base), b.Expected(base)) {
		t.Error("the same config expects different pages")
	}
	if slices.Equal(a.Expected(base), c.Expected(base)) {
		t.Error("different seeds expect the same pages")
	}
	n := len(a.Expected(base))
	if n < 200 || n > 300 {
		t.Errorf("%d of 500 pages diplomatic at the default share of 0.5", n)
	}
	if got := len(sitegen.New(sitegen.Config{Pages: 100, DiplomaticShare: -1}).Expected(base)); got != 0 {
		t.Errorf("negative share: %d expected pages, want 0", got)
	}
}

// The classifier, as the pipeline runs it, must keep exactly the pages
// Expected names: a site that disagrees with it would make every crash
// test fail for the wrong reason.
func TestExpectedAgreesWithClassifier(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	const sample = 200
	site := sitegen.New(sitegen.Config{Pages: 2000, Seed: 42})
	srv := httptest.NewServer(site)
	defer srv.Close()
	cl, err := classify.New(classify.Config{Languages: []string{"tr", "ru"}}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	sources := site.Sources(srv.URL)
	expected := map[string]bool{}
	for _, u := range site.Expected(srv.URL) {
		expected[u] = true
	}
	ctx := context.Background()
	langs := map[string]int{}
	// Every seventh page (prime to the number of sources): a spread over sources, kinds and combinations.
	for i := 0; i < site.Pages() && i < sample*7; i += 7 {
		resp, body := get(t, srv, site.Path(i), nil)
		u, _ := url.Parse(srv.URL + site.Path(i))
		// Every source is on the one host: the path names the source.
		var src *fetch.Source
		for k := range sources {
			if strings.HasPrefix(u.Path, "/"+sources[k].ID+"/") {
				src = &sources[k]
			}
		}
		p, err := fetch.BuildPage(strings.NewReader(body), u, src,
			article.HTTP{Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type")}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if p.CanonicalURL != u.String() {
			t.Errorf("page %d: canonical %s, want %s", i, p.CanonicalURL, u)
		}
		res, err := cl.Classify(ctx, p, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		stored := res.Article != nil && res.Article.Relevance.Relevant
		if res.Article != nil {
			langs[res.Article.Lang]++
			if res.Article.Lang != src.Lang {
				t.Errorf("page %d: language %s, want %s", i, res.Article.Lang, src.Lang)
			}
		}
		if stored != expected[p.CanonicalURL] {
			var detail string
			switch {
			case res.Drop != nil:
				detail = "dropped: " + res.Drop.Reason + ": " + res.Drop.Detail
			default:
				a := res.Article
				detail = fmt.Sprintf("score %.2f terms %v paragraphs %q", a.Relevance.Score, a.Relevance.Terms, a.Paragraphs)
			}
			t.Errorf("page %d (%s): stored %v, expected %v; %s", i, site.Path(i), stored, expected[p.CanonicalURL], detail)
		}
	}
	if langs["tr"] == 0 || langs["ru"] == 0 {
		t.Errorf("articles per language: %v", langs)
	}
}

package reader_test

import (
	"bytes"
	"context"
	"flag"
	"image/png"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/wiredesk/wiredesk/pkg/article"
)

var screenshotDir = flag.String("screenshot-dir", "",
	"save the browser test's screenshots in this directory (testdata/screenshots, say) instead of a temporary one")

// Selectors of the search form, as the templates write it.
const (
	qBox      = `form.search input[name="q"]`
	langBox   = `form.search select[name="lang"]`
	sourceBox = `form.search select[name="source"]`
	country   = `form.search input[name="country"]`
	sortBox   = `form.search select[name="sort"]`
	searchBtn = `form.search button[type="submit"]`
)

// TestBrowser drives the reader UI in headless Chromium the way an analyst
// does: search, narrow with the form's filters, open an article. Each step
// starts from the page the previous one left, so the first failure ends
// the run.
func TestBrowser(t *testing.T) {
	began := time.Now()
	w := newWire(t)
	srv := newWireServer(t, w)
	ctx := newBrowser(t, 60*time.Second)
	dialogs := watchDialogs(t, ctx)
	shots := *screenshotDir
	if shots == "" {
		shots = t.TempDir()
	}

	steps := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"home shows the chart and every article", func(t *testing.T) {
			open(t, ctx, srv.URL+"/")
			do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`section.chart svg[role="img"]`)))
			// One bar segment per day and language.
			segments := map[string]bool{}
			for _, a := range w.all() {
				segments[a.PublishedAt.Format(time.DateOnly)+" "+a.Lang] = true
			}
			if n := len(textsOf(t, ctx, `section.chart svg rect`)); n != len(segments) {
				t.Errorf("the chart has %d bar segments, want %d", n, len(segments))
			}
			if got, want := textsOf(t, ctx, `p.count .total`), []string{strconv.Itoa(len(w.all()))}; !slices.Equal(got, want) {
				t.Errorf("the count reads %q, want %q", got, want)
			}
			if got, want := hitIDs(t, ctx), ids(w.all()...); !slices.Equal(got, want) {
				t.Errorf("home lists %v, want every article %v", w.label(got), w.label(want))
			}
		}},
		{"search finds inflected forms and marks them", func(t *testing.T) {
			// Typed key by key and sent with Enter, as a person does.
			navigateBy(t, ctx, "search", chromedp.SendKeys(chromedp.CSS(qBox), "ateşkes"+kb.Enter))
			do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`ol.results li.hit`)))
			if q := query(t, ctx).Get("q"); q != "ateşkes" {
				t.Errorf("the form sent q=%q", q)
			}
			if got, want := hitIDs(t, ctx), ids(w.ceasefire, w.blackSea, w.astana, w.evil); !slices.Equal(got, want) {
				t.Errorf("hits %v, want %v (athens and the Russian stories have no ateşkes)", w.label(got), w.label(want))
			}
			marks := textsOf(t, ctx, `li.hit:has(a[href^="/articles/`+w.ceasefire.ID+`?"]) mark`)
			if !containsFold(marks, "ateşkesin") {
				t.Errorf("the ceasefire hit marks %q, want the inflected ateşkesin", marks)
			}
			title := textsOf(t, ctx, `li.hit a.title[href^="/articles/`+w.evil.ID+`?"]`)
			if len(title) != 1 || !strings.Contains(title[0], "<script>alert(1)</script>") {
				t.Errorf("the hostile hit's title reads %q, want its markup as text", title)
			}
			noActiveMarkup(t, ctx)
			// The count and the chart follow the search: four stories on
			// three days, one bar segment each (the chart's tooltips read
			// "day lang: n").
			if got := textsOf(t, ctx, `p.count .total`); !slices.Equal(got, []string{"4"}) {
				t.Errorf("the count reads %q, want 4", got)
			}
			if got, want := textsOf(t, ctx, `section.chart svg rect title`), chartBars(w.ceasefire, w.blackSea, w.astana, w.evil); !slices.Equal(got, want) {
				t.Errorf("the chart shows %q, want the search's %q", got, want)
			}
			if got := textsOf(t, ctx, `p.count .order`); !slices.Equal(got, []string{"best match"}) {
				t.Errorf("the page says it is sorted by %q, want best match", got)
			}
			screenshot(t, ctx, shots, "reader-search.png")
		}},
		{"the user sorts by newest, then by most diplomatic", func(t *testing.T) {
			for _, tc := range []struct {
				value, label string
				want         []*article.Article
			}{
				{"newest", "newest", []*article.Article{w.ceasefire, w.evil, w.blackSea, w.astana}},
				{"score", "most diplomatic", []*article.Article{w.ceasefire, w.blackSea, w.astana, w.evil}},
			} {
				navigateBy(t, ctx, "sort "+tc.value, chromedp.SetValue(chromedp.CSS(sortBox), tc.value), chromedp.Click(chromedp.CSS(searchBtn)))
				do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`ol.results li.hit`)))
				if got := textsOf(t, ctx, `p.count .order`); !slices.Equal(got, []string{tc.label}) {
					t.Errorf("sorted by %q, the page says %q", tc.label, got)
				}
				if got, want := hitOrder(t, ctx), idsInOrder(tc.want...); !slices.Equal(got, want) {
					t.Errorf("by %s: %v, want %v", tc.label, w.label(got), w.label(want))
				}
				if q, s := value(t, ctx, qBox), value(t, ctx, sortBox); q != "ateşkes" || s != tc.value {
					t.Errorf("the form shows q %q sort %q", q, s)
				}
			}
			navigateBy(t, ctx, "sort back", chromedp.SetValue(chromedp.CSS(sortBox), "relevance"), chromedp.Click(chromedp.CSS(searchBtn)))
		}},
		{"a country filter drops the articles without it", func(t *testing.T) {
			navigateBy(t, ctx, "filter", chromedp.SendKeys(chromedp.CSS(country), "SY"), chromedp.Click(chromedp.CSS(searchBtn)))
			do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`ol.results li.hit`)))
			got := hitIDs(t, ctx)
			if want := ids(w.ceasefire, w.astana); !slices.Equal(got, want) {
				t.Errorf("hits %v, want %v", w.label(got), w.label(want))
			}
			if slices.Contains(got, w.blackSea.ID) || slices.Contains(got, w.evil.ID) {
				t.Errorf("articles that do not mention SY are still listed")
			}
			if q := value(t, ctx, qBox); q != "ateşkes" {
				t.Errorf("the search box lost the query: %q", q)
			}
		}},
		{"an article page shows the article", func(t *testing.T) {
			a := w.ceasefire
			navigateBy(t, ctx, "open article", chromedp.Click(chromedp.CSS(`a.title[href^="/articles/`+a.ID+`?"]`)))
			do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`article.full h1`)))
			if loc := location(t, ctx); !strings.HasPrefix(loc, srv.URL+"/articles/"+a.ID+"?") {
				t.Errorf("the click led to %s", loc)
			}
			// The query's words are marked, inflected forms too.
			if marks := textsOf(t, ctx, `article.full mark`); !slices.Equal(marks, []string{"ateşkesin", "ateşkesin"}) {
				t.Errorf("the article marks %q, want ateşkesin in the title and the body", marks)
			}
			if h1 := textsOf(t, ctx, `article.full h1`); !slices.Equal(h1, []string{a.Title}) {
				t.Errorf("title %q, want %q", h1, a.Title)
			}
			if body := textsOf(t, ctx, `article.full > p:not(.back):not(.credit)`); !slices.Equal(body, a.Paragraphs) {
				t.Errorf("body paragraphs\n%q\nwant\n%q", body, a.Paragraphs)
			}
			if cs := textsOf(t, ctx, `aside.evidence .country`); !slices.Equal(cs, a.Countries) {
				t.Errorf("countries %q, want %q", cs, a.Countries)
			}
			link, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`aside.evidence a`), "href"))
			if err != nil {
				t.Fatal(err)
			}
			if !link.Exists || link.Value != a.URL {
				t.Errorf("link to the original %+v, want href %s", link, a.URL)
			}
			screenshot(t, ctx, shots, "reader-article.png")
		}},
		{"← Search goes back to the search", func(t *testing.T) {
			navigateBy(t, ctx, "back", chromedp.Click(chromedp.CSS(`p.back a`)))
			do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`ol.results li.hit`)))
			if q := value(t, ctx, qBox); q != "ateşkes" {
				t.Errorf("back at the search, the box reads %q", q)
			}
			if c := value(t, ctx, country); c != "SY" {
				t.Errorf("back at the search, the country reads %q", c)
			}
			if got, want := hitIDs(t, ctx), ids(w.ceasefire, w.astana); !slices.Equal(got, want) {
				t.Errorf("back at the search: %v, want %v", w.label(got), w.label(want))
			}
		}},
		{"markup in an article stays text", func(t *testing.T) {
			a := w.evil
			open(t, ctx, srv.URL+"/articles/"+a.ID)
			do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`article.full h1`)))
			h1 := textsOf(t, ctx, `article.full h1`)
			if len(h1) != 1 || h1[0] != a.Title || !strings.Contains(h1[0], "<script>") {
				t.Errorf("title reads %q, want the literal %q", h1, a.Title)
			}
			if body := textsOf(t, ctx, `article.full > p:not(.back):not(.credit)`); !slices.Equal(body, a.Paragraphs) {
				t.Errorf("body reads %q, want the literal %q", body, a.Paragraphs)
			}
			noActiveMarkup(t, ctx)
		}},
		{"a phrase and OR narrow and widen a search", func(t *testing.T) {
			open(t, ctx, srv.URL+"/")
			if help := textsOf(t, ctx, `p.help code`); len(help) != 3 {
				t.Errorf("the help line shows %q, want the three forms of query", help)
			}
			navigateBy(t, ctx, "phrase", chromedp.SendKeys(chromedp.CSS(qBox), `"ateşkesin kalıcı"`+kb.Enter))
			do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`ol.results li.hit`)))
			if got, want := hitIDs(t, ctx), ids(w.ceasefire); !slices.Equal(got, want) {
				t.Errorf("phrase: %v, want %v", w.label(got), w.label(want))
			}
			if got := textsOf(t, ctx, `p.count .total`); !slices.Equal(got, []string{"1"}) {
				t.Errorf("phrase: the count reads %q, want 1", got)
			}
			navigateBy(t, ctx, "or", chromedp.SetValue(chromedp.CSS(qBox), "diyalog OR mutabakatın"), chromedp.Click(chromedp.CSS(searchBtn)))
			do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`ol.results li.hit`)))
			if got, want := hitIDs(t, ctx), ids(w.ceasefire, w.athens); !slices.Equal(got, want) {
				t.Errorf("OR: %v, want %v", w.label(got), w.label(want))
			}
		}},
		{"language and source selects narrow a Russian search", func(t *testing.T) {
			open(t, ctx, srv.URL+"/")
			navigateBy(t, ctx, "search ru",
				chromedp.SendKeys(chromedp.CSS(qBox), "переговоры"),
				chromedp.SetValue(chromedp.CSS(langBox), "ru"),
				chromedp.Click(chromedp.CSS(searchBtn)))
			do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`ol.results li.hit`)))
			if got, want := hitIDs(t, ctx), ids(w.phoneCall, w.kremlin, w.istanbul); !slices.Equal(got, want) {
				t.Errorf("hits %v, want %v", w.label(got), w.label(want))
			}
			if marks := textsOf(t, ctx, `ol.results mark`); !containsFold(marks, "переговорах") {
				t.Errorf("marks %q lack the inflected переговорах", marks)
			}
			navigateBy(t, ctx, "filter source",
				chromedp.SetValue(chromedp.CSS(sourceBox), "tass"),
				chromedp.Click(chromedp.CSS(searchBtn)))
			do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`ol.results li.hit`)))
			got := hitIDs(t, ctx)
			if want := ids(w.phoneCall, w.kremlin); !slices.Equal(got, want) {
				t.Errorf("hits %v, want %v", w.label(got), w.label(want))
			}
			if slices.Contains(got, w.istanbul.ID) {
				t.Errorf("AA's Russian story is still listed under source tass")
			}
			if l, s := value(t, ctx, langBox), value(t, ctx, sourceBox); l != "ru" || s != "tass" {
				t.Errorf("the form shows lang %q source %q, want ru tass", l, s)
			}
		}},
	}
	for _, s := range steps {
		ok := t.Run(s.name, s.run)
		// The CSP would stop an injected script, so a dialog means the
		// escaping and the CSP both failed.
		if msgs := dialogs.messages(); len(msgs) > 0 {
			t.Fatalf("%s: the page opened dialogs %q", s.name, msgs)
		}
		if !ok {
			return
		}
	}
	t.Run("the dialog watch sees a dialog", func(t *testing.T) {
		// A watch that sees nothing proves nothing: open a dialog from
		// outside the page (the CSP does not apply to DevTools).
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`void setTimeout(() => alert("wiredesk-probe"), 0)`))
		select {
		case <-dialogs.opened:
		case <-time.After(10 * time.Second):
			t.Fatal("the probe's alert was not seen")
		}
		if msgs := dialogs.messages(); !slices.Equal(msgs, []string{"alert: wiredesk-probe"}) {
			t.Errorf("dialogs %q, want only the probe", msgs)
		}
		// The dismissed dialog must not leave the tab stalled.
		if _, err := chromedp.Run(ctx, chromedp.Title()); err != nil {
			t.Errorf("tab after the probe: %v", err)
		}
	})
	t.Logf("browser test took %v", time.Since(began).Round(time.Millisecond))
}

// open loads a URL and fails unless it answered 200.
func open(t testing.TB, ctx context.Context, u string) {
	t.Helper()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(u))
	if err != nil {
		t.Fatalf("open %s: %v", u, err)
	}
	if resp.Status != 200 {
		t.Fatalf("open %s: status %d", u, resp.Status)
	}
}

func do(t testing.TB, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func location(t testing.TB, ctx context.Context) string {
	t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func query(t testing.TB, ctx context.Context) url.Values {
	t.Helper()
	u, err := url.Parse(location(t, ctx))
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}

func value(t testing.TB, ctx context.Context, css string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("value of %s: %v", css, err)
	}
	return v
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}

// noActiveMarkup fails if the article's markup became elements: the CSP
// would stop a script, so the DOM, not a dialog, is the evidence.
func noActiveMarkup(t testing.TB, ctx context.Context) {
	t.Helper()
	if els := evalStrings(t, ctx, `Array.from(document.querySelectorAll("main script, main img, main [onerror], main [onload]"), e => e.outerHTML)`); len(els) > 0 {
		t.Errorf("article markup became elements: %q", els)
	}
}

// screenshot saves a full-page PNG in dir and checks that it shows
// something: a blank page is one colour.
func screenshot(t testing.TB, ctx context.Context, dir, name string) {
	t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(buf))
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	b := img.Bounds()
	if b.Dx() <= 0 || b.Dy() <= 0 {
		t.Fatalf("screenshot is %dx%d", b.Dx(), b.Dy())
	}
	colours := map[[4]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y && len(colours) < 2; y += 7 {
		for x := b.Min.X; x < b.Max.X && len(colours) < 2; x += 7 {
			r, g, bl, a := img.At(x, y).RGBA()
			colours[[4]uint32{r, g, bl, a}] = true
		}
	}
	if len(colours) < 2 {
		t.Errorf("screenshot %s is a single colour", name)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s (%dx%d, %d bytes)", path, b.Dx(), b.Dy(), len(buf))
}

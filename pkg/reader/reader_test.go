package reader_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/reader"
	"github.com/wiredesk/wiredesk/pkg/store"
	"github.com/wiredesk/wiredesk/pkg/store/storetest"
)

const xss = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`

// fixture is a real SQLite store with n generated articles (tr for even
// n, ru for odd) and one article whose title and body try to inject HTML.
type fixture struct {
	st   store.Store
	srv  *httptest.Server
	evil *article.Article
}

func newFixture(t testing.TB, n int, cfg reader.Config) *fixture {
	t.Helper()
	log := slog.New(slog.DiscardHandler)
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "r.db"), log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var batch []*article.Article
	for i := range n {
		batch = append(batch, storetest.NewArticle(i))
	}
	evil := storetest.NewArticle(n + 1000)
	evil.Title = "Ateşkes " + xss
	evil.URL = "https://aa.example/haber/evil"
	evil.ID = article.IDFor(evil.URL)
	batch = append(batch, evil)
	if _, err := st.Put(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	h, err := reader.New(cfg, st, log)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &fixture{st: st, srv: srv, evil: evil}
}

func get(t testing.TB, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
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

func TestAPIParameters(t *testing.T) {
	f := newFixture(t, 40, reader.Config{})
	id := storetest.NewArticle(3).ID
	tests := []struct {
		path      string
		status    int
		param     string // in the error body
		wantCount int    // articles returned, -1 to skip
	}{
		{"/api/articles", 200, "", 20},
		{"/api/articles?limit=5", 200, "", 5},
		{"/api/articles?lang=ru&limit=200", 200, "", 20},
		{"/api/articles?lang=tr&limit=200", 200, "", 21},
		{"/api/articles?source=tass&limit=200", 200, "", 20},
		{"/api/articles?country=tr&limit=200", 200, "", 41},
		{"/api/articles?country=US", 200, "", 0},
		{"/api/articles?country=XX", 400, "country", -1},
		{"/api/articles?lang=xx", 400, "lang", -1},
		{"/api/articles?lang=en", 400, "lang", -1},
		{"/api/articles?source=nosuch", 400, "source", -1},
		{"/api/export?source=nosuch", 400, "source", -1},
		{"/api/export?format=csv&bom=maybe", 400, "bom", -1},
		{"/api/export?bom=1", 400, "bom", -1},
		{"/api/articles?q=ateşkes&limit=200", 200, "", 21},
		{"/api/articles?q=переговоры&lang=ru&limit=200", 200, "", 20},
		{"/api/articles?q=DIŞİŞLERİ&lang=tr&limit=200", 200, "", 21},
		{"/api/articles?since=2025-03-14T09:46:00Z&limit=200", 200, "", 21},
		{"/api/articles?since=2025-03-14&until=2025-03-14&limit=200", 200, "", 40},
		{"/api/articles?min_score=0.5&limit=200", 200, "", 41},
		{"/api/articles?min_score=5", 200, "", 0},
		{"/api/articles?limit=0", 400, "limit", -1},
		{"/api/articles?limit=201", 400, "limit", -1},
		{"/api/articles?limit=many", 400, "limit", -1},
		{"/api/articles?lang=Turkish", 400, "lang", -1},
		{"/api/articles?source=../etc", 400, "source", -1},
		{"/api/articles?country=TUR", 400, "country", -1},
		{"/api/articles?since=yesterday", 400, "since", -1},
		{"/api/articles?until=2025-13-01", 400, "until", -1},
		{"/api/articles?since=2025-03-16&until=2025-03-14", 400, "until", -1},
		{"/api/articles?min_score=-1", 400, "min_score", -1},
		{"/api/articles?min_score=NaN", 400, "min_score", -1},
		{"/api/articles?cursor=garbage", 400, "cursor", -1},
		{"/api/articles?q=" + strings.Repeat("a", 501), 400, "q", -1},
		{"/api/articles?q=%21%21", 400, "q", -1},
		{"/api/articles?sort=date", 400, "sort", -1},
		{"/api/articles?lang=tr&lang=ru", 400, "lang", -1},
		{"/api/articles/" + id, 200, "", -1},
		{"/api/articles/" + id + "?x=1", 400, "x", -1},
		{"/api/articles/0000000000000000", 404, "", -1},
		{"/api/articles/not-an-id", 404, "", -1},
		{"/api/stats", 200, "", -1},
		{"/api/stats?since=2025-03-14&until=2025-03-14", 200, "", -1},
		{"/api/stats?since=x", 400, "since", -1},
		{"/api/stats?until=2025-01-01&since=2025-02-01", 400, "until", -1},
		{"/api/stats?lang=tr&q=ateşkes&source=aa&country=TR&min_score=0.5", 200, "", -1},
		{"/api/stats?lang=xx", 400, "lang", -1},
		{"/api/stats?limit=5", 400, "limit", -1},
		{"/api/stats?sort=score", 400, "sort", -1},
		{"/api/stats?q=%21%21", 400, "q", -1},
		{"/api/articles?sort=score", 200, "", 20},
		{"/api/articles?sort=oldest", 400, "sort", -1},
		{"/api/export?format=xml", 400, "format", -1},
		{"/api/export?limit=5", 400, "limit", -1},
		{"/api/export?country=1", 400, "country", -1},
		{"/api/nope", 404, "", -1},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := get(t, f.srv.URL+tt.path)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q", ct)
			}
			if tt.status != 200 {
				var e struct{ Error, Param string }
				if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" {
					t.Fatalf("error body %q is not {error, param}: %v", body, err)
				}
				if e.Param != tt.param {
					t.Errorf("param = %q, want %q (%s)", e.Param, tt.param, e.Error)
				}
				return
			}
			if tt.wantCount >= 0 {
				var out struct{ Articles []json.RawMessage }
				if err := json.Unmarshal([]byte(body), &out); err != nil {
					t.Fatal(err)
				}
				if len(out.Articles) != tt.wantCount {
					t.Errorf("%d articles, want %d", len(out.Articles), tt.wantCount)
				}
			}
		})
	}
}

func TestAPIArticleAndPaging(t *testing.T) {
	f := newFixture(t, 30, reader.Config{})
	seen := map[string]bool{}
	url := f.srv.URL + "/api/articles?lang=tr&limit=4"
	for pages := 0; url != ""; pages++ {
		if pages > 10 {
			t.Fatal("paging does not end")
		}
		resp, body := get(t, url)
		if resp.StatusCode != 200 {
			t.Fatalf("%d: %s", resp.StatusCode, body)
		}
		var out struct {
			Articles []struct {
				ID      string
				Snippet []store.Span
			}
			Next string
		}
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatal(err)
		}
		for _, a := range out.Articles {
			if seen[a.ID] {
				t.Errorf("%s seen twice", a.ID)
			}
			seen[a.ID] = true
		}
		url = ""
		if out.Next != "" {
			url = f.srv.URL + "/api/articles?lang=tr&limit=4&cursor=" + out.Next
		}
	}
	if len(seen) != 16 {
		t.Errorf("paged through %d Turkish articles, want 16", len(seen))
	}

	resp, body := get(t, f.srv.URL+"/api/articles/"+storetest.NewArticle(2).ID)
	if resp.StatusCode != 200 {
		t.Fatal(body)
	}
	var a struct {
		article.Article
		Revision  int
		Revisions []struct{ Revision int }
	}
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatal(err)
	}
	if a.Title != storetest.NewArticle(2).Title || a.Revision != 1 || len(a.Revisions) != 1 {
		t.Errorf("article = %q rev %d revisions %v", a.Title, a.Revision, a.Revisions)
	}
}

func TestAPIMethodsAndToken(t *testing.T) {
	f := newFixture(t, 2, reader.Config{Token: "s3cret"})
	tests := []struct {
		name, method, path, auth string
		status                   int
	}{
		{"no token", "GET", "/api/articles", "", 401},
		{"wrong token", "GET", "/api/articles", "Bearer nope", 401},
		{"token", "GET", "/api/articles", "Bearer s3cret", 200},
		{"ui needs it too", "GET", "/", "", 401},
		{"ui with token", "GET", "/", "Bearer s3cret", 200},
		{"static needs it too", "GET", "/static/style.css", "", 401},
		{"static with token", "GET", "/static/style.css", "Bearer s3cret", 200},
		{"post", "POST", "/api/articles", "Bearer s3cret", 405},
		{"delete", "DELETE", "/api/articles/0000000000000000", "Bearer s3cret", 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, f.srv.URL+tt.path, nil)
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if tt.status == 401 && !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without a Bearer challenge")
			}
		})
	}
}

func TestExportStreams(t *testing.T) {
	f := newFixture(t, 600, reader.Config{})
	t.Run("jsonl", func(t *testing.T) {
		resp, err := http.Get(f.srv.URL + "/api/export?lang=ru")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/x-ndjson") {
			t.Errorf("Content-Type = %q", ct)
		}
		// Chunked: the server did not know the length, so it streamed.
		if resp.ContentLength != -1 {
			t.Errorf("Content-Length %d: the export was buffered", resp.ContentLength)
		}
		n := 0
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if _, err := article.DecodeArticle(sc.Bytes()); err != nil {
				t.Fatalf("line %d: %v", n+1, err)
			}
			n++
		}
		if n != 300 {
			t.Errorf("%d lines, want 300", n)
		}
	})
	t.Run("csv", func(t *testing.T) {
		resp, err := http.Get(f.srv.URL + "/api/export?format=csv&q=ateşkes")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		rows, err := csv.NewReader(resp.Body).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 302 || rows[0][0] != "id" || rows[0][len(rows[0])-1] != "body" {
			t.Errorf("%d rows, header %v", len(rows), rows[0])
		}
	})
	t.Run("empty csv has its header", func(t *testing.T) {
		_, body := get(t, f.srv.URL+"/api/export?format=csv&country=US")
		if !strings.HasPrefix(body, "id,url,source") {
			t.Errorf("body = %q", body)
		}
	})
}

// Articles are untrusted: markup in them must come out inert.
func TestNoInjection(t *testing.T) {
	f := newFixture(t, 4, reader.Config{})
	pages := []string{"/?q=ateşkes", "/articles/" + f.evil.ID}
	for _, p := range pages {
		t.Run(p, func(t *testing.T) {
			resp, body := get(t, f.srv.URL+p)
			if resp.StatusCode != 200 {
				t.Fatalf("%d: %s", resp.StatusCode, body)
			}
			if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
				t.Errorf("the page carries the article's markup unescaped")
			}
			if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
				t.Errorf("the escaped title is missing")
			}
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("CSP = %q", csp)
			}
		})
	}
	_, body := get(t, f.srv.URL+"/api/articles?q=ateşkes&limit=200")
	if strings.Contains(body, "<script>") {
		t.Errorf("the API returns raw markup instead of escaped JSON strings")
	}
}

func TestUI(t *testing.T) {
	f := newFixture(t, 10, reader.Config{})
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{`<form class="search"`, "<svg", "Dışişleri"}},
		{"/?q=ateşkes&lang=tr", 200, []string{"<mark>", "ateşkes"}},
		{"/?q=&lang=&source=&country=&since=&until=&min_score=", 200, []string{`class="hit"`}},
		{"/?limit=3", 200, []string{"More results"}},
		{"/?since=nope", 400, []string{`class="error"`, "since"}},
		{"/articles/" + storetest.NewArticle(1).ID, 200, []string{"Why it counts as diplomatic", "Original article", `rel="noopener noreferrer nofollow"`}},
		{"/articles/0000000000000000", 404, []string{"Not found", `href="/"`, "wiredesk"}},
		{"/articles/not-an-id", 404, []string{"Not found", `<link rel="stylesheet" href="/static/style.css">`}},
		{"/nope", 404, []string{"Not found"}},
		{"/static/style.css", 200, []string{"mark {"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := get(t, f.srv.URL+tt.path)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.status)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
}

// TestAPIStoreFailure: when the store fails, every endpoint answers 500
// with a JSON error that does not leak the store's message.
func TestAPIStoreFailure(t *testing.T) {
	f := newFixture(t, 3, reader.Config{})
	if err := f.st.Close(); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"/api/articles",
		"/api/articles?q=ateşkes",
		"/api/articles/" + f.evil.ID,
		"/api/stats",
	} {
		t.Run(path, func(t *testing.T) {
			resp, body := get(t, f.srv.URL+path)
			if resp.StatusCode != http.StatusInternalServerError {
				t.Fatalf("status %d, want 500: %s", resp.StatusCode, body)
			}
			var e struct{ Error string }
			if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error != "internal error" {
				t.Errorf("body %q, want {\"error\": \"internal error\"}", body)
			}
		})
	}
}

// TestArticlePage: sub-headings are headings, the standfirst is shown
// under the headline apart from the text, the photo credit is a credit,
// and the words of the search that led to the page are marked.
func TestArticlePage(t *testing.T) {
	f := newFixture(t, 0, reader.Config{})
	a := storetest.NewArticle(7)
	a.Paragraphs = []string{"Переговоры продолжатся завтра.", "Что дальше", "Стороны обсудили переговорный процесс."}
	a.Body = strings.Join(a.Paragraphs, "\n\n")
	a.Headings = []int{1}
	a.Credit = "Фото: ТАСС"
	a.Standfirst = "Делегации договорились о новом раунде переговоров в Женеве."
	if _, err := f.st.Put(context.Background(), []*article.Article{a}); err != nil {
		t.Fatal(err)
	}
	_, plain := get(t, f.srv.URL+"/articles/"+a.ID)
	for _, want := range []string{`<h2 class="sub">Что дальше</h2>`, `<p class="credit" aria-label="Credit">Фото: ТАСС</p>`,
		`<p class="standfirst" aria-label="Standfirst">Делегации договорились о новом раунде переговоров в Женеве.</p>`,
		`<p>Переговоры продолжатся завтра.</p>`, `<a href="/">← Search</a>`} {
		if !strings.Contains(plain, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(plain, "<mark>") || strings.Contains(plain, "<p>Что дальше</p>") || strings.Contains(plain, "<p>Фото") {
		t.Errorf("without a search, the page marks words or shows the heading or credit as body text")
	}
	_, marked := get(t, f.srv.URL+"/articles/"+a.ID+"?q=переговоры&lang=ru&sort=newest")
	for _, want := range []string{`<mark>Переговоры</mark> продолжатся`, `раунде <mark>переговоров</mark> в Женеве`, `<a href="/?lang=ru&amp;q=%D0%BF%D0%B5%D1%80%D0%B5%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%D1%8B&amp;sort=newest">← Search</a>`} {
		if !strings.Contains(marked, want) {
			t.Errorf("the page found by a search lacks %s", want)
		}
	}
}

// A page that gives only its day shows only the day, not an invented
// midnight.
func TestArticleDatePrecision(t *testing.T) {
	f := newFixture(t, 0, reader.Config{})
	tests := []struct {
		name, precision string
		local           bool
		at              time.Time
		want, notWant   string
	}{
		// Istanbul's midnight is 21:00 UTC the day before: the page's day
		// is still the one shown.
		{"date only", article.PrecisionDate, false, time.Date(2026, 11, 17, 21, 0, 0, 0, time.UTC), "2026-11-18</", "00:00"},
		{"to the minute", article.PrecisionMinute, false, time.Date(2026, 11, 18, 15, 12, 0, 0, time.UTC), "2026-11-18 15:12 UTC", ""},
		// A time with no zone known is shown as the page wrote it.
		{"local time", article.PrecisionMinute, true, time.Date(2026, 11, 18, 15, 12, 0, 0, time.UTC), "2026-11-18 15:12<", "UTC"},
		{"local date", article.PrecisionDate, true, time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC), "2026-11-18</", "00:00"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := storetest.NewArticle(40 + i)
			a.PublishedAt, a.PublishedLocal = tt.at, tt.local
			a.PublishedPrecision = tt.precision
			if _, err := f.st.Put(context.Background(), []*article.Article{a}); err != nil {
				t.Fatal(err)
			}
			_, page := get(t, f.srv.URL+"/articles/"+a.ID)
			_, list := get(t, f.srv.URL+"/?q="+url.QueryEscape(a.Title))
			for name, body := range map[string]string{"article page": page, "result list": list} {
				i := strings.Index(body, "· 2026-11-18")
				if i < 0 {
					t.Fatalf("%s shows no date", name)
				}
				i += len("· ")
				shown := body[i:min(len(body), i+24)]
				if !strings.HasPrefix(body[i:], strings.TrimRight(tt.want, "</")) || (tt.notWant != "" && strings.Contains(shown, tt.notWant)) {
					t.Errorf("%s shows %q, want %q", name, shown, tt.want)
				}
			}
		})
	}
}

// TestWarnOpenWithoutToken: New warns when the reader listens beyond
// loopback with no token, and only then.
func TestWarnOpenWithoutToken(t *testing.T) {
	tests := []struct {
		listen, token string
		warn          bool
	}{
		{"0.0.0.0:8080", "", true},
		{":8080", "", true},
		{"[::]:8080", "", true},
		{"10.0.0.5:8080", "", true},
		{"reader.internal:8080", "", true},
		{"0.0.0.0:8080", "s3cret", false},
		{"127.0.0.1:8080", "", false},
		{"[::1]:8080", "", false},
		{"localhost:8080", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.listen+"/"+tt.token, func(t *testing.T) {
			var buf bytes.Buffer
			log := slog.New(slog.NewTextHandler(&buf, nil))
			if _, err := reader.New(reader.Config{Token: tt.token, Listen: tt.listen}, nil, log); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(buf.String(), "without a token"); got != tt.warn {
				t.Errorf("warned %v, want %v; log:\n%s", got, tt.warn, buf.String())
			}
		})
	}
}

// TestQuerySyntaxInTheUI: the search page says how to write a query, and
// the syntax it shows works through the API.
func TestQuerySyntaxInTheUI(t *testing.T) {
	f := newFixture(t, 6, reader.Config{})
	_, body := get(t, f.srv.URL+"/")
	for _, want := range []string{`class="help"`, "OR", `"dışişleri bakanı"`, "müzake*"} {
		if !strings.Contains(body, want) {
			t.Errorf("the search page lacks %q", want)
		}
	}
	for _, tc := range []struct {
		q    string
		want int
	}{
		{`"dışişleri bakanı"`, 4},
		{`"bakanı dışişleri"`, 0},
		{`dışiş*`, 4},
		{`переговоры OR ateşkes`, 7},
		{`переговоры ateşkes`, 0},
	} {
		_, body := get(t, f.srv.URL+"/api/articles?q="+url.QueryEscape(tc.q)+"&lang=tr")
		if tc.q == `переговоры OR ateşkes` || tc.q == `переговоры ateşkes` {
			_, body = get(t, f.srv.URL+"/api/articles?q="+url.QueryEscape(tc.q))
		}
		var out struct{ Total int }
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			t.Fatal(err)
		}
		if out.Total != tc.want {
			t.Errorf("q=%s: total %d, want %d", tc.q, out.Total, tc.want)
		}
	}
}

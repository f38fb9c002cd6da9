package article_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/internal/golden"
	"github.com/wiredesk/wiredesk/pkg/article"
)

var update = flag.Bool("update", false, "rewrite golden files")

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t testing.TB, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got, *update)
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func indent(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Decoding and re-encoding a message gives the same bytes: no field is
// lost or renamed on the way through a stage.
func TestRoundTrip(t *testing.T) {
	tests := []struct {
		file   string
		decode func([]byte) (any, error)
	}{
		{"page.json", func(b []byte) (any, error) { return article.DecodePage(b) }},
		{"article.json", func(b []byte) (any, error) { return article.DecodeArticle(b) }},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			v, err := tt.decode(readFile(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.file, indent(t, v))
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	page := string(readFile(t, "page.json"))
	tests := []struct {
		name, data, want string
	}{
		{"bad JSON", `{"schema": "page/v1",`, "bad JSON"},
		{"not an object", `[1,2]`, "bad JSON"},
		{"no schema", `{"id": "x"}`, "no schema field"},
		{"unknown schema", `{"schema": "page/v9"}`, `unknown schema "page/v9"`},
		{"article as page", `{"schema": "article/v1"}`, `unknown schema "article/v1", want "page/v1"`},
		{"invalid UTF-8", "{\"schema\": \"page/v1\", \"title\": \"\xff\"}", "not valid UTF-8"},
		{"bad id", strings.Replace(page, `"id": "8bd26ca40170c00a"`, `"id": "XYZ"`, 1), `id: "XYZ" is not 16 lowercase hex digits`},
		{"bad source", strings.Replace(page, `"source": "dha"`, `"source": "D H A"`, 1), `source: "D H A" is not a subject token`},
		{"relative url", strings.Replace(page, `"url": "https://www.dha.com.tr/`, `"url": "/`, 1), "url: "},
		{"bad zone", strings.Replace(page, `"zone": "aside"`, `"zone": "sidebar"`, 1), `zone: "sidebar" is not a known zone`},
		{"block order", strings.Replace(page, `"i": 1,`, `"i": 7,`, 1), "blocks[1].i: is 7, want 1"},
		{"no fetched_at", strings.Replace(page, `"fetched_at": "2020-01-08T16:01:02Z",`, ``, 1), "fetched_at: is missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := article.DecodePage([]byte(tt.data))
			if err == nil {
				t.Fatal("decoded without error")
			}
			if !errors.Is(err, article.ErrMalformed) {
				t.Errorf("error %v does not match ErrMalformed", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestArticleValidate(t *testing.T) {
	base, err := article.DecodeArticle(readFile(t, "article.json"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(a *article.Article)
		want   string
	}{
		{"body mismatch", func(a *article.Article) { a.Body = "x" }, "body: is not the paragraphs joined"},
		{"no paragraphs", func(a *article.Article) { a.Paragraphs = nil; a.Body = "" }, "paragraphs: is empty"},
		{"bad lang", func(a *article.Article) { a.Lang = "TR" }, `lang: "TR" is not a subject token`},
		{"confidence", func(a *article.Article) { a.LangConfidence = 1.5 }, "lang_confidence: 1.5 is outside [0,1]"},
		{"schema", func(a *article.Article) { a.Schema = "page/v1" }, `schema: is "page/v1", want "article/v1"`},
		{"unknown precision", func(a *article.Article) { a.PublishedPrecision = "hour" }, `published_precision: "hour" is not one of`},
		{"precision without a time", func(a *article.Article) { a.PublishedAt = time.Time{}; a.PublishedPrecision = "date" }, "published_precision: is \"date\" but published_at is missing"},
		{"local without a time", func(a *article.Article) {
			a.PublishedAt = time.Time{}
			a.PublishedPrecision = ""
			a.PublishedLocal = true
		}, "published_local: is set but published_at is missing"},
		{"heading out of range", func(a *article.Article) { a.Headings = []int{len(a.Paragraphs)} }, "headings[0]: "},
		{"headings not ascending", func(a *article.Article) { a.Headings = []int{0, 0} }, "headings[1]: 0 is not after 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := *base
			tt.change(&a)
			err := a.Validate()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate() = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestIDAndHash(t *testing.T) {
	if got := article.IDFor("https://www.dha.com.tr/dunya/libya"); len(got) != 16 {
		t.Errorf("IDFor length %d, want 16", len(got))
	}
	a := []article.Block{{I: 0, Text: "Ankara", Tag: "p", Zone: article.ZoneBody}}
	b := []article.Block{{I: 0, Text: "Ankara.", Tag: "p", Zone: article.ZoneBody}}
	if article.HashBlocks(a) == article.HashBlocks(b) {
		t.Error("different texts hash the same")
	}
	if article.HashBlocks(a) != article.HashBlocks(append([]article.Block(nil), a...)) {
		t.Error("hash is not deterministic")
	}
}

// The article hash follows the classifier's output and nothing else.
func TestHashArticle(t *testing.T) {
	base := func() *article.Article {
		return &article.Article{Schema: article.SchemaArticle, ID: "0123456789abcdef", Title: "Başlık",
			Body: "Metin.", Paragraphs: []string{"Metin."}, Relevance: article.Relevance{Topic: "diplomacy", Score: 2, Relevant: true}}
	}
	h0 := article.HashArticle(base())
	for _, tc := range []struct {
		name    string
		edit    func(a *article.Article)
		changes bool
	}{
		{"body", func(a *article.Article) { a.Body = "Başka metin." }, true},
		{"verdict", func(a *article.Article) { a.Relevance.Relevant = false }, true},
		{"score", func(a *article.Article) { a.Relevance.Score = 2.5 }, true},
		{"byline", func(a *article.Article) { a.Byline = "Ad Soyad" }, true},
		{"fetch time", func(a *article.Article) { a.FetchedAt = time.Now() }, false},
		{"classification time", func(a *article.Article) { a.ClassifiedAt = time.Now() }, false},
		{"dropped blocks", func(a *article.Article) { a.Dropped = []article.Dropped{{I: 3, Text: "Menü", Reason: "nav"}} }, false},
		{"the hash itself", func(a *article.Article) { a.ContentHash = "00000000000000000000000000000000" }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := base()
			tc.edit(a)
			if got := article.HashArticle(a) != h0; got != tc.changes {
				t.Errorf("hash changed: %v, want %v", got, tc.changes)
			}
		})
	}
}

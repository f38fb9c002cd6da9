package article_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// EncodeArticle is HashArticle and json.Marshal in one: the same hash,
// the same bytes.
func TestEncodeArticle(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "article.json"))
	if err != nil {
		t.Fatal(err)
	}
	golden, err := article.DecodeArticle(data)
	if err != nil {
		t.Fatal(err)
	}
	when := time.Date(2024, 3, 1, 9, 30, 15, 123456789, time.UTC)
	istanbul := time.FixedZone("+03", 3*3600)
	for _, tc := range []struct {
		name string
		edit func(a *article.Article)
	}{
		{"as decoded", func(a *article.Article) {}},
		{"no fetch time", func(a *article.Article) { a.FetchedAt = time.Time{} }},
		{"no classification time", func(a *article.Article) { a.ClassifiedAt = time.Time{} }},
		{"times in a zone", func(a *article.Article) { a.FetchedAt, a.ClassifiedAt = when.In(istanbul), when.In(istanbul) }},
		{"backfill", func(a *article.Article) { a.Backfill = true; a.FetchedAt = when }},
		{"backfill without a fetch time", func(a *article.Article) { a.Backfill = true; a.FetchedAt = time.Time{} }},
		{"no dropped blocks", func(a *article.Article) { a.Dropped = nil }},
		{"empty dropped blocks", func(a *article.Article) { a.Dropped = []article.Dropped{} }},
		{"escaped text", func(a *article.Article) {
			a.Title = `<b>"Ankara" & Moskova</b>` + "\u2028\xff"
			a.Dropped = []article.Dropped{{I: 1, Text: "<nav>\"Menü\"</nav>\xfe", Reason: article.ReasonNav}}
		}},
		{"headings and organisations", func(a *article.Article) {
			a.Headings, a.Organizations, a.Countries = []int{0}, []string{"UN"}, []string{"TR", "RU"}
		}},
		{"a stale hash", func(a *article.Article) { a.ContentHash = "00000000000000000000000000000000" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := *golden
			a.Paragraphs = append([]string(nil), golden.Paragraphs...)
			tc.edit(&a)
			want := a
			want.ContentHash = article.HashArticle(&want)
			wantData, err := json.Marshal(&want)
			if err != nil {
				t.Fatal(err)
			}
			got, err := article.EncodeArticle(&a)
			if err != nil {
				t.Fatal(err)
			}
			if a.ContentHash != want.ContentHash {
				t.Errorf("content hash %s, want %s", a.ContentHash, want.ContentHash)
			}
			if !bytes.Equal(got, wantData) {
				t.Errorf("encoding differs from json.Marshal:\n got %s\nwant %s", got, wantData)
			}
		})
	}
}

// An article no encoding can hold fails as json.Marshal does.
func TestEncodeArticleError(t *testing.T) {
	a := &article.Article{Schema: article.SchemaArticle, ID: "0123456789abcdef",
		ClassifiedAt: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := json.Marshal(a); err == nil {
		t.Fatal("json.Marshal encoded the year 10000")
	}
	if _, err := article.EncodeArticle(a); err == nil {
		t.Error("EncodeArticle encoded the year 10000")
	}
}

func BenchmarkEncodeArticle(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "article.json"))
	if err != nil {
		b.Fatal(err)
	}
	a, err := article.DecodeArticle(data)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("hash+marshal", func(b *testing.B) {
		for b.Loop() {
			c := *a
			c.ContentHash = article.HashArticle(&c)
			if _, err := json.Marshal(&c); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encode", func(b *testing.B) {
		for b.Loop() {
			c := *a
			if _, err := article.EncodeArticle(&c); err != nil {
				b.Fatal(err)
			}
		}
	})
}

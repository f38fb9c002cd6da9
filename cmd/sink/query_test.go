package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/store"
	"github.com/wiredesk/wiredesk/pkg/store/storetest"
)

// queryStore writes a store with four articles and returns its DSN.
func queryStore(t testing.TB) string {
	t.Helper()
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "w.db")
	ctx := context.Background()
	st, err := store.Open(ctx, dsn, nil)
	if err != nil {
		t.Fatal(err)
	}
	var batch []*article.Article
	for i := range 4 { // tr, ru, tr, ru
		a := storetest.NewArticle(i)
		a.Relevance.Score = float64(i)
		if i == 2 {
			a.Countries = []string{"SY"}
			a.Source = "dha"
		}
		batch = append(batch, a)
	}
	if _, err := st.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return dsn
}

func TestQuery(t *testing.T) {
	dsn := queryStore(t)
	day := storetest.NewArticle(0).PublishedAt.Format(time.DateOnly)
	next := storetest.NewArticle(0).PublishedAt.Add(24 * time.Hour).Format(time.DateOnly)
	tests := []struct {
		name    string
		args    []string
		lines   int      // hit lines (text) or JSON lines
		want    []string // in the output
		wantErr string
	}{
		{"word", []string{"-q", "ateşkes"}, 2, []string{"[ateşkesin]", day + " tr aa ", "2 matching"}, ""},
		{"russian", []string{"-q", "переговоры", "-lang", "ru"}, 2, []string{"[переговоры]", " ru tass "}, ""},
		{"case", []string{"-q", "DIŞİŞLERİ", "-lang", "tr"}, 2, []string{"[Dışişleri]"}, ""},
		{"lang", []string{"-lang", "ru"}, 2, []string{" ru tass "}, ""},
		{"source", []string{"-source", "dha"}, 1, []string{" tr dha "}, ""},
		{"country", []string{"-country", "sy"}, 1, []string{" tr dha "}, ""},
		{"since", []string{"-since", day}, 4, nil, ""},
		{"since tomorrow", []string{"-since", next}, 0, []string{"0 matching"}, ""},
		{"until", []string{"-until", next + "T00:00:00Z"}, 4, nil, ""},
		{"min score", []string{"-min-score", "2"}, 2, nil, ""},
		{"limit", []string{"-limit", "3"}, 3, []string{"next: -cursor "}, ""},
		{"jsonl", []string{"-q", "ateşkes", "-format", "jsonl"}, 2, []string{`"match":true`, `"lang":"tr"`}, ""},
		{"bad since", []string{"-since", "yesterday"}, 0, nil, "-since"},
		{"bad until", []string{"-until", "2026-13-01"}, 0, nil, "-until"},
		{"until before since", []string{"-since", next, "-until", day}, 0, nil, "until"},
		{"bad country", []string{"-country", "TUR"}, 0, nil, "country"},
		{"bad cursor", []string{"-cursor", "xyz"}, 0, nil, "cursor"},
		{"bad limit", []string{"-limit", "-1"}, 0, nil, "limit"},
		{"bad format", []string{"-format", "html"}, 0, nil, "-format"},
		{"stray argument", []string{"ateşkes"}, 0, nil, "-q"},
		{"bad store", []string{"-store", "mysql://x"}, 0, nil, "unknown kind of DSN"},
		{"unknown flag", []string{"-nope"}, 0, nil, "-nope"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"query"}, tc.args...)
			if !strings.Contains(strings.Join(tc.args, " "), "-store") {
				args = append(args, "-store", dsn)
			}
			var out, errb bytes.Buffer
			err := run(context.Background(), args, nil, nil, &out, &errb)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("run(%q) = %v, want an error mentioning %q", args, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("run(%q): %v (stderr %s)", args, err, errb.String())
			}
			lines := 0
			for _, l := range strings.Split(out.String(), "\n") {
				if strings.HasPrefix(l, "{") {
					var v map[string]any
					if err := json.Unmarshal([]byte(l), &v); err != nil {
						t.Errorf("line %q is not JSON: %v", l, err)
					}
					lines++
				} else if len(l) > 10 && (l[:10] == day || l[:10] == "----------") {
					lines++
				}
			}
			if lines != tc.lines {
				t.Errorf("%d hits, want %d:\n%s", lines, tc.lines, out.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output does not contain %q:\n%s", w, out.String())
				}
			}
		})
	}
}

// TestQueryPages follows the printed cursor to the end.
func TestQueryPages(t *testing.T) {
	dsn := queryStore(t)
	seen := map[string]bool{}
	cursor := ""
	for range 10 {
		var out bytes.Buffer
		args := []string{"query", "-store", dsn, "-limit", "1", "-format", "jsonl"}
		if cursor != "" {
			args = append(args, "-cursor", cursor)
		}
		if err := run(context.Background(), args, nil, nil, &out, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
		var h jsonHit
		if err := json.Unmarshal(out.Bytes(), &h); err != nil {
			t.Fatalf("%q: %v", out.String(), err)
		}
		if seen[h.ID] {
			t.Fatalf("article %s twice", h.ID)
		}
		seen[h.ID] = true
		if cursor = h.Next; cursor == "" {
			break
		}
	}
	if len(seen) != 4 {
		t.Errorf("walked %d articles, want 4", len(seen))
	}
}

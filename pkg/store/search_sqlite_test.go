package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/store"
	"github.com/wiredesk/wiredesk/pkg/store/storetest"
)

// TestSQLiteSearchMigration turns a store back into one that only
// migration 0001 made, with articles in it, and checks that reopening it
// indexes them.
func TestSQLiteSearchMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wiredesk.db")
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite:"+path, discard())
	if err != nil {
		t.Fatal(err)
	}
	var batch []*article.Article
	for i := range 520 { // more than one page of indexExisting
		a := storetest.NewArticle(i)
		a.Countries = []string{"TR", "SY"}
		// Short bodies keep this fast under -race. The content hash is
		// the long body's: the store does not check it.
		a.Paragraphs = a.Paragraphs[1:2]
		a.Body = a.Paragraphs[0]
		batch = append(batch, a)
	}
	if _, err := st.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	execSQL(t, path,
		`DROP TABLE articles_fts`, `DROP TABLE search_docs`, `DROP TABLE article_countries`, `DROP TABLE search_pending`,
		`DROP INDEX articles_age`, `DELETE FROM schema_migrations WHERE version >= 2`)

	st = openAt(t, path)
	if got := migrations(t, path); len(got) != 5 {
		t.Fatalf("schema_migrations after reopening: %v, want versions 1 to 5", got)
	}
	tests := []struct {
		q    store.SearchQuery
		want int
	}{
		{store.SearchQuery{Text: "ateşkes"}, 260},
		{store.SearchQuery{Text: "безопасности"}, 260},
		{store.SearchQuery{Country: "sy"}, 520},
		{store.SearchQuery{Text: "görüşme", Country: "TR", Lang: "tr"}, 260},
		{store.SearchQuery{Text: "Dışişleri"}, 260}, // in the Turkish titles
	}
	for _, tc := range tests {
		page, err := st.Search(ctx, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != tc.want {
			t.Errorf("Search(%+v) after migrating: Total %d, want %d", tc.q, page.Total, tc.want)
		}
	}
}

// BenchmarkSearch searches 10,000 articles, half Turkish and half
// Russian, each query matching 5,000 of them, and with a filter that
// narrows them.
func BenchmarkSearch(b *testing.B) {
	st := openAt(b, filepath.Join(b.TempDir(), "wiredesk.db"))
	ctx := context.Background()
	const n = 10000
	for i := 0; i < n; i += 500 {
		batch := make([]*article.Article, 0, 500)
		for j := i; j < i+500; j++ {
			batch = append(batch, storetest.NewArticle(j))
		}
		if _, err := st.Put(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	nextPage, err := st.Search(ctx, store.SearchQuery{Text: "ateşkes"})
	if err != nil {
		b.Fatal(err)
	}
	benches := []struct {
		name string
		q    store.SearchQuery
	}{
		{"word", store.SearchQuery{Text: "ateşkes"}},
		{"word/next page", store.SearchQuery{Text: "ateşkes", Cursor: nextPage.Next}},
		{"two words", store.SearchQuery{Text: "переговоры министр", Lang: "ru"}},
		{"word and since", store.SearchQuery{Text: "ateşkes", Since: storetest.NewArticle(n - 100).PublishedAt}},
		{"no word", store.SearchQuery{}},
		{"country", store.SearchQuery{Country: "TR", Lang: "ru"}},
		{"no match", store.SearchQuery{Text: "deprem"}},
		// Typed as people type, and the query syntax.
		{"word without Turkish letters", store.SearchQuery{Text: "disisleri"}},
		{"russian base form", store.SearchQuery{Text: "рынок"}},
		{"two words, OR", store.SearchQuery{Text: "deprem OR ateşkes"}},
		{"prefix", store.SearchQuery{Text: "ateş*"}},
		{"phrase", store.SearchQuery{Text: `"dışişleri bakanı"`}},
		{"phrase/rare", store.SearchQuery{Text: `"ığdır sınır"`}},
	}
	for _, bc := range benches {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := st.Search(ctx, bc.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

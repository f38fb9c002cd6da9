package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// listFixture is the set List is tested on, by name, so that expectations
// read as names in order.
func listFixture() map[string]*article.Article {
	at := func(minutes int) time.Time { return base().Add(time.Duration(minutes) * time.Minute) }
	mk := func(n int, lang, source string, published time.Time, relevant bool) *article.Article {
		a := NewArticle(n)
		a.Lang, a.Source, a.PublishedAt, a.Relevance.Relevant = lang, source, published, relevant
		return a
	}
	return map[string]*article.Article{
		"tr-aa-1":    mk(100, "tr", "aa", at(10), true),
		"tr-aa-2":    mk(101, "tr", "aa", at(20), false),
		"tr-dha-1":   mk(102, "tr", "dha", at(30), true),
		"ru-tass-1":  mk(103, "ru", "tass", at(15), true),
		"ru-ria-1":   mk(104, "ru", "ria", at(40), false),
		"ru-ria-2":   mk(105, "ru", "ria", at(40), true), // same time as ru-ria-1: ordered by id
		"tr-undated": mk(106, "tr", "aa", time.Time{}, true),
	}
}

func testList(t *testing.T, open func(testing.TB) store.Store) {
	fx := listFixture()
	st := open(t)
	var batch []*article.Article
	for _, a := range fx {
		batch = append(batch, a)
	}
	put(t, st, batch...)

	// Names in the expected order: newest published first, then by id,
	// undated last, as Search without text orders them.
	byTime := func(names ...string) []string { return newestFirst(fx, names...) }
	all := byTime("tr-aa-1", "tr-aa-2", "tr-dha-1", "ru-tass-1", "ru-ria-1", "ru-ria-2", "tr-undated")
	yes, no := true, false

	tests := []struct {
		name string
		q    store.Query
		want []string
	}{
		{"everything", store.Query{}, all},
		{"lang", store.Query{Lang: "ru"}, byTime("ru-tass-1", "ru-ria-1", "ru-ria-2")},
		{"source", store.Query{Source: "aa"}, byTime("tr-aa-1", "tr-aa-2", "tr-undated")},
		{"lang and source", store.Query{Lang: "tr", Source: "dha"}, []string{"tr-dha-1"}},
		{"since is inclusive", store.Query{Since: fx["tr-aa-2"].PublishedAt},
			byTime("tr-aa-2", "tr-dha-1", "ru-ria-1", "ru-ria-2")},
		{"since in another zone", store.Query{Since: fx["tr-aa-2"].PublishedAt.In(time.FixedZone("MSK", 3*3600))},
			byTime("tr-aa-2", "tr-dha-1", "ru-ria-1", "ru-ria-2")},
		{"relevant", store.Query{Relevant: &yes},
			byTime("tr-aa-1", "tr-dha-1", "ru-tass-1", "ru-ria-2", "tr-undated")},
		{"irrelevant", store.Query{Relevant: &no}, byTime("tr-aa-2", "ru-ria-1")},
		{"limit", store.Query{Limit: 2}, all[:2]},
		{"offset", store.Query{Limit: 3, Offset: 2}, all[2:5]},
		{"offset past the end", store.Query{Offset: 100}, []string{}},
		{"negative offset", store.Query{Offset: -1}, all},
		{"no match", store.Query{Lang: "en"}, []string{}},
		{"all filters", store.Query{Lang: "ru", Source: "ria", Since: fx["ru-ria-1"].PublishedAt, Relevant: &yes},
			[]string{"ru-ria-2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs, err := st.List(context.Background(), tc.q)
			if err != nil {
				t.Fatalf("List: %v", err)
			}
			got := make([]string, 0, len(recs))
			for _, r := range recs {
				got = append(got, nameOf(fx, r.Article.ID))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("List(%+v)\n got %v\nwant %v", tc.q, got, tc.want)
			}
		})
	}

	t.Run("default limit", func(t *testing.T) { testListLimits(t, open) })
}

func nameOf(fx map[string]*article.Article, id string) string {
	for name, a := range fx {
		if a.ID == id {
			return name
		}
	}
	return "unknown " + id
}

// testListLimits checks that a zero or negative Limit means DefaultLimit.
// The MaxLimit cap is not exercised here: ten thousand rows would make the
// suite slow, and backends share the code that applies it.
func testListLimits(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	n := store.DefaultLimit + 5
	batch := make([]*article.Article, 0, n)
	for i := range n {
		a := NewArticle(1000 + i)
		// Small bodies keep this fast; size is the benchmark's business.
		setBody(a, []string{a.Paragraphs[0]})
		batch = append(batch, a)
	}
	put(t, st, batch...)
	tests := []struct {
		limit, want int
	}{
		{0, store.DefaultLimit},
		{-3, store.DefaultLimit},
		{n + 1, n},
	}
	for _, tc := range tests {
		recs, err := st.List(context.Background(), store.Query{Limit: tc.limit})
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != tc.want {
			t.Errorf("Limit %d: %d records, want %d", tc.limit, len(recs), tc.want)
		}
	}
}

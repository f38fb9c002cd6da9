package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// The search contract's reads other than Search (Stats, Scan), Prune, and
// the queries every backend must refuse.

func testStats(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	fx := filterFixture()
	var batch []*article.Article
	for _, a := range fx {
		batch = append(batch, a)
	}
	// A day later, so that ByDay has two days.
	late := textArticle(410, "ru", "Завтра", "Новости.")
	late.Source, late.PublishedAt = "tass", base().Add(24*time.Hour)
	put(t, st, append(batch, late)...)
	day := base().Format("2006-01-02")
	next := base().Add(24 * time.Hour).Format("2006-01-02")

	tests := []struct {
		name string
		q    store.StatsQuery
		want store.Stats
	}{
		{"all", store.StatsQuery{}, store.Stats{
			Total:    7,
			ByLang:   map[string]int{"tr": 4, "ru": 3},
			BySource: map[string]int{"aa": 3, "dha": 1, "tass": 2, "ria": 1},
			ByDay: []store.DayCount{{Day: day, Lang: "ru", Count: 2}, {Day: day, Lang: "tr", Count: 3},
				{Day: next, Lang: "ru", Count: 1}},
		}},
		{"bounded", store.StatsQuery{Since: base().Add(30 * time.Minute), Until: base().Add(24 * time.Hour)}, store.Stats{
			Total:    3,
			ByLang:   map[string]int{"tr": 1, "ru": 2},
			BySource: map[string]int{"aa": 1, "tass": 1, "ria": 1},
			ByDay:    []store.DayCount{{Day: day, Lang: "ru", Count: 2}, {Day: day, Lang: "tr", Count: 1}},
		}},
		// A chart follows the search: every search condition applies.
		{"text", store.StatsQuery{Text: "новости"}, store.Stats{
			Total: 1, ByLang: map[string]int{"ru": 1}, BySource: map[string]int{"tass": 1},
			ByDay: []store.DayCount{{Day: next, Lang: "ru", Count: 1}},
		}},
		{"phrase", store.StatsQuery{Text: `"heyetler ateşkes"`}, store.Stats{
			Total: 6, ByLang: map[string]int{"tr": 4, "ru": 2}, BySource: map[string]int{"aa": 3, "dha": 1, "tass": 1, "ria": 1},
			ByDay: []store.DayCount{{Day: day, Lang: "ru", Count: 2}, {Day: day, Lang: "tr", Count: 3}},
		}},
		{"phrase out of order", store.StatsQuery{Text: `"ateşkes heyetler"`}, store.Stats{
			ByLang: map[string]int{}, BySource: map[string]int{}, ByDay: []store.DayCount{},
		}},
		{"text matches none", store.StatsQuery{Text: "barış"}, store.Stats{
			ByLang: map[string]int{}, BySource: map[string]int{}, ByDay: []store.DayCount{},
		}},
		{"lang and source, undated counted but not charted", store.StatsQuery{Lang: "tr", Source: "aa"}, store.Stats{
			Total: 3, ByLang: map[string]int{"tr": 3}, BySource: map[string]int{"aa": 3},
			ByDay: []store.DayCount{{Day: day, Lang: "tr", Count: 2}},
		}},
		{"text, country and score", store.StatsQuery{Text: "ateşkes", Country: "tr", MinScore: 0.5}, store.Stats{
			Total: 2, ByLang: map[string]int{"tr": 2}, BySource: map[string]int{"aa": 1, "dha": 1},
			ByDay: []store.DayCount{{Day: day, Lang: "tr", Count: 2}},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := st.Stats(context.Background(), tc.q)
			if err != nil {
				t.Fatalf("Stats: %v", err)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("Stats(%+v)\n got %+v\nwant %+v", tc.q, got, tc.want)
			}
		})
	}
	_, err := st.Stats(context.Background(), store.StatsQuery{Since: base(), Until: base().Add(-time.Hour)})
	if !errors.Is(err, store.ErrBadQuery) || !strings.Contains(err.Error(), "until") {
		t.Errorf("Stats with until before since: %v, want ErrBadQuery naming until", err)
	}
	_, err = st.Stats(context.Background(), store.StatsQuery{Country: "TUR"})
	if !errors.Is(err, store.ErrBadQuery) || !strings.Contains(err.Error(), "country") {
		t.Errorf("Stats with a bad country: %v, want ErrBadQuery naming country", err)
	}
}

func testScan(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	var batch []*article.Article
	for i := range 30 {
		batch = append(batch, NewArticle(900+i))
	}
	put(t, st, batch...)
	ctx := context.Background()
	for _, q := range []store.SearchQuery{{}, {Text: "переговоры"}, {Lang: "tr", Limit: 3, Cursor: "ignored"}} {
		var got []string
		err := st.Scan(ctx, q, func(r store.Record) error {
			got = append(got, r.Article.ID)
			return nil
		})
		if err != nil {
			t.Fatalf("Scan(%+v): %v", q, err)
		}
		// Scan follows Search's order: compare with walking the pages.
		var want []string
		pq := q
		pq.Cursor, pq.Limit = "", store.MaxSearchLimit
		for _, h := range search(t, st, pq).Hits {
			want = append(want, h.Record.Article.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("Scan(%+v): %d records, want Search's %d in its order", q, len(got), len(want))
		}
	}
	stop := errors.New("enough")
	n := 0
	err := st.Scan(ctx, store.SearchQuery{}, func(store.Record) error {
		if n++; n == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 5 {
		t.Errorf("Scan stopped by fn: err %v after %d calls, want %v after 5", err, n, stop)
	}
	if err := st.Scan(ctx, store.SearchQuery{Country: "Türkiye"}, func(store.Record) error { return nil }); !errors.Is(err, store.ErrBadQuery) {
		t.Errorf("Scan with a bad country: %v, want ErrBadQuery", err)
	}
}

func testPrune(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	ctx := context.Background()
	old := textArticle(950, "tr", "Eski", "Ateşkes eski haber.")
	old.Countries = []string{"TR"}
	put(t, st, old)
	put(t, st, revise(old, time.Hour, "Ek."))
	undatedOld := textArticle(951, "tr", "Tarihsiz", "Ateşkes tarihsiz.")
	undatedOld.PublishedAt = time.Time{}
	recent := textArticle(952, "tr", "Yeni", "Ateşkes yeni haber.")
	recent.Countries = []string{"TR"}
	recent.PublishedAt = base().Add(48 * time.Hour)
	undatedRecent := textArticle(953, "tr", "Tarihsiz yeni", "Ateşkes.")
	undatedRecent.PublishedAt = time.Time{}
	undatedRecent.FetchedAt = base().Add(48 * time.Hour)
	put(t, st, undatedOld, recent, undatedRecent)

	n, err := st.Prune(ctx, base().Add(24*time.Hour))
	if err != nil {
		t.Fatalf("Prune: %v", err)
	}
	if n != 2 {
		t.Errorf("Prune deleted %d, want 2", n)
	}
	for _, a := range []*article.Article{old, undatedOld} {
		if _, err := st.Get(ctx, a.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("pruned %s: Get = %v, want ErrNotFound", a.Title, err)
		}
		if _, err := st.Revisions(ctx, a.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("pruned %s: Revisions = %v, want ErrNotFound", a.Title, err)
		}
	}
	for _, q := range []store.SearchQuery{{Text: "ateşkes"}, {Country: "TR"}, {}} {
		page := search(t, st, q)
		for _, h := range page.Hits {
			if h.Record.Article.ID == old.ID || h.Record.Article.ID == undatedOld.ID {
				t.Errorf("Search(%+v) finds pruned %s", q, h.Record.Article.Title)
			}
		}
	}
	if page := search(t, st, store.SearchQuery{Text: "ateşkes"}); len(page.Hits) != 2 {
		t.Errorf("after Prune, %d hits, want the 2 kept", len(page.Hits))
	}
	if n, err := st.Prune(ctx, base().Add(24*time.Hour)); err != nil || n != 0 {
		t.Errorf("second Prune = %d, %v; want 0", n, err)
	}
}

func testBadQuery(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	put(t, st, NewArticle(960), NewArticle(961), NewArticle(962))
	first := search(t, st, store.SearchQuery{Text: "ateşkes", Limit: 1})
	if first.Next == "" {
		t.Fatal("no next cursor after one hit of several")
	}
	tests := []struct {
		name   string
		q      store.SearchQuery
		field  string
		cursor bool // also ErrBadCursor
	}{
		{"negative limit", store.SearchQuery{Limit: -1}, "limit", false},
		{"until before since", store.SearchQuery{Since: base(), Until: base().Add(-time.Second)}, "until", false},
		{"country of three letters", store.SearchQuery{Country: "TUR"}, "country", false},
		{"country not letters", store.SearchQuery{Country: "1A"}, "country", false},
		{"cursor not base64", store.SearchQuery{Cursor: "!!!"}, "cursor", true},
		{"cursor not json", store.SearchQuery{Cursor: "bm90IGpzb24"}, "cursor", true},
		{"cursor of another query", store.SearchQuery{Text: "barış", Cursor: first.Next}, "cursor", true},
		{"text of no words", store.SearchQuery{Text: "—!?"}, "q", false},
		{"only OR", store.SearchQuery{Text: "OR"}, "q", false},
		{"a prefix of one letter", store.SearchQuery{Text: "a*"}, "q", false},
		{"an empty phrase", store.SearchQuery{Text: `"" ""`}, "q", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := st.Search(context.Background(), tc.q)
			if !errors.Is(err, store.ErrBadQuery) {
				t.Fatalf("Search(%+v) = %v, want ErrBadQuery", tc.q, err)
			}
			if !strings.Contains(err.Error(), tc.field) {
				t.Errorf("error %q does not name %q", err, tc.field)
			}
			if tc.cursor != errors.Is(err, store.ErrBadCursor) {
				t.Errorf("errors.Is(%v, ErrBadCursor) = %v, want %v", err, !tc.cursor, tc.cursor)
			}
		})
	}
	// Limits: 0 is the default, large is capped.
	if page := search(t, st, store.SearchQuery{Limit: 100000}); len(page.Hits) != 3 {
		t.Errorf("Limit 100000: %d hits, want 3", len(page.Hits))
	}
}

// Package storetest is the contract every store backend must pass. A
// backend's test calls Run with a function that opens a fresh, empty store:
//
//	func TestContract(t *testing.T) {
//		storetest.Run(t, func(t testing.TB) store.Store { ... })
//	}
package storetest

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// Run runs the contract suite. open must return a new, empty store for
// each call and close it when t ends (a Close that the suite already made
// must then be harmless).
func Run(t *testing.T, open func(t testing.TB) store.Store) {
	t.Run("Outcomes", func(t *testing.T) { testOutcomes(t, open) })
	t.Run("Bookkeeping", func(t *testing.T) { testBookkeeping(t, open) })
	t.Run("NotFound", func(t *testing.T) { testNotFound(t, open) })
	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(t, open) })
	t.Run("List", func(t *testing.T) { testList(t, open) })
	t.Run("Count", func(t *testing.T) { testCount(t, open) })
	t.Run("Invalid", func(t *testing.T) { testInvalid(t, open) })
	t.Run("Cancelled", func(t *testing.T) { testCancelled(t, open) })
	t.Run("CloseTwice", func(t *testing.T) { testCloseTwice(t, open) })
	t.Run("PutEncoded", func(t *testing.T) { testPutEncoded(t, open) })
	t.Run("Search", func(t *testing.T) { RunSearch(t, open) })
}

// put puts batch and fails t on error.
func put(t testing.TB, st store.Store, batch ...*article.Article) []store.Outcome {
	t.Helper()
	out, err := st.Put(context.Background(), batch)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	if len(out) != len(batch) {
		t.Fatalf("Put returned %d outcomes for %d articles", len(out), len(batch))
	}
	return out
}

func get(t testing.TB, st store.Store, id string) *store.Record {
	t.Helper()
	rec, err := st.Get(context.Background(), id)
	if err != nil {
		t.Fatalf("Get(%s): %v", id, err)
	}
	return rec
}

func testOutcomes(t *testing.T, open func(testing.TB) store.Store) {
	const (
		I = store.Inserted
		U = store.Updated
		N = store.Unchanged
	)
	a := NewArticle(1)
	a2 := revise(a, time.Hour, "Güncelleme: görüşmeler yarın sürecek.")
	a3 := revise(a2, time.Hour, "Второе обновление.")
	sameFetch := revise(a, 0, "Düzeltme aynı anda geldi.")
	older := revise(a, -time.Hour, "Eski sürüm geç geldi.")
	redelivered := clone(a)
	redelivered.ClassifiedAt = a.ClassifiedAt.Add(time.Minute) // reclassified, same content
	reclassified := revise(a, 0, "Şablonun bir satırı artık metinden atıldı.")
	reclassified.ClassifiedAt = a.ClassifiedAt.Add(time.Second) // the same fetch, cleaned again later

	tests := []struct {
		name    string
		batches [][]*article.Article
		want    [][]store.Outcome
		current *article.Article   // what Get returns at the end
		history []*article.Article // what Revisions returns, oldest first
	}{
		{"insert", [][]*article.Article{{a}}, [][]store.Outcome{{I}}, a, []*article.Article{a}},
		{"redelivery is unchanged", [][]*article.Article{{a}, {a}, {redelivered}},
			[][]store.Outcome{{I}, {N}, {N}}, a, []*article.Article{a}},
		{"new content is a revision", [][]*article.Article{{a}, {a2}, {a3}},
			[][]store.Outcome{{I}, {U}, {U}}, a3, []*article.Article{a, a2, a3}},
		{"same fetch time with new content is a revision", [][]*article.Article{{a}, {sameFetch}},
			[][]store.Outcome{{I}, {U}}, sameFetch, []*article.Article{a, sameFetch}},
		{"later classification of the same fetch is a revision", [][]*article.Article{{a}, {reclassified}},
			[][]store.Outcome{{I}, {U}}, reclassified, []*article.Article{a, reclassified}},
		{"earlier classification of the same fetch, late, is ignored", [][]*article.Article{{reclassified}, {a}},
			[][]store.Outcome{{I}, {N}}, reclassified, []*article.Article{reclassified}},
		{"earlier classification after later in a batch", [][]*article.Article{{reclassified, a}},
			[][]store.Outcome{{I, N}}, reclassified, []*article.Article{reclassified}},
		{"older fetch is ignored", [][]*article.Article{{a}, {older}},
			[][]store.Outcome{{I}, {N}}, a, []*article.Article{a}},
		{"older fetch after revisions is ignored", [][]*article.Article{{a}, {a3}, {a2}, {a}},
			[][]store.Outcome{{I}, {U}, {N}, {N}}, a3, []*article.Article{a, a3}},
		{"same id twice in a batch", [][]*article.Article{{a, a2}},
			[][]store.Outcome{{I, U}}, a2, []*article.Article{a, a2}},
		{"same article twice in a batch", [][]*article.Article{{a, a}},
			[][]store.Outcome{{I, N}}, a, []*article.Article{a}},
		{"older after newer in a batch", [][]*article.Article{{a2, a}},
			[][]store.Outcome{{I, N}}, a2, []*article.Article{a2}},
		{"mixed batch", [][]*article.Article{{a, NewArticle(2)}, {NewArticle(3), a2, NewArticle(2)}},
			[][]store.Outcome{{I, I}, {I, U, N}}, a2, []*article.Article{a, a2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			for i, batch := range tc.batches {
				if got := put(t, st, batch...); !reflect.DeepEqual(got, tc.want[i]) {
					t.Fatalf("batch %d: outcomes %v, want %v", i, got, tc.want[i])
				}
			}
			rec := get(t, st, a.ID)
			if !reflect.DeepEqual(rec.Article, *tc.current) {
				t.Errorf("Get: content hash %s, want %s", rec.Article.ContentHash, tc.current.ContentHash)
			}
			if rec.Revision != len(tc.history) {
				t.Errorf("Get: revision %d, want %d", rec.Revision, len(tc.history))
			}
			revs, err := st.Revisions(context.Background(), a.ID)
			if err != nil {
				t.Fatalf("Revisions: %v", err)
			}
			if len(revs) != len(tc.history) {
				t.Fatalf("Revisions: %d, want %d", len(revs), len(tc.history))
			}
			for i, r := range revs {
				if r.Revision != i+1 || !reflect.DeepEqual(r.Article, *tc.history[i]) {
					t.Errorf("revision %d: got revision %d hash %s, want hash %s",
						i+1, r.Revision, r.Article.ContentHash, tc.history[i].ContentHash)
				}
			}
		})
	}
}

// testBookkeeping checks FirstSeen and UpdatedAt against the wall clock:
// they say when the store stored, not when the article was fetched.
func testBookkeeping(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	a := NewArticle(4)
	before := time.Now()
	put(t, st, a)
	first := get(t, st, a.ID)
	mid := time.Now()
	put(t, st, revise(a, time.Hour, "Yeni paragraf."))
	second := get(t, st, a.ID)
	after := time.Now()

	inRange := func(name string, got, lo, hi time.Time) {
		t.Helper()
		// Stores may keep less than nanoseconds; allow a millisecond.
		if got.Before(lo.Add(-time.Millisecond)) || got.After(hi.Add(time.Millisecond)) {
			t.Errorf("%s = %v, want within [%v, %v]", name, got, lo, hi)
		}
	}
	inRange("first FirstSeen", first.FirstSeen, before, mid)
	inRange("first UpdatedAt", first.UpdatedAt, before, mid)
	inRange("second UpdatedAt", second.UpdatedAt, mid, after)
	if !second.FirstSeen.Equal(first.FirstSeen) {
		t.Errorf("FirstSeen moved from %v to %v on update", first.FirstSeen, second.FirstSeen)
	}
	revs, err := st.Revisions(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range revs {
		if !r.FirstSeen.Equal(first.FirstSeen) {
			t.Errorf("revision %d: FirstSeen %v, want %v", i+1, r.FirstSeen, first.FirstSeen)
		}
	}
	if len(revs) == 2 && (!revs[0].UpdatedAt.Equal(first.UpdatedAt) || !revs[1].UpdatedAt.Equal(second.UpdatedAt)) {
		t.Errorf("revision UpdatedAt = %v, %v; want %v, %v",
			revs[0].UpdatedAt, revs[1].UpdatedAt, first.UpdatedAt, second.UpdatedAt)
	}
}

func testNotFound(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	put(t, st, NewArticle(5))
	missing := NewArticle(6).ID
	if _, err := st.Get(context.Background(), missing); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get of a missing id: %v, want ErrNotFound", err)
	}
	if _, err := st.Revisions(context.Background(), missing); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Revisions of a missing id: %v, want ErrNotFound", err)
	}
	for _, ids := range [][]string{nil, {missing}, {NewArticle(5).ID, missing, NewArticle(5).ID}} {
		has, err := st.Has(context.Background(), ids)
		if err != nil {
			t.Fatalf("Has(%q): %v", ids, err)
		}
		for _, id := range ids {
			if want := id != missing; has[id] != want {
				t.Errorf("Has(%q)[%s] = %v, want %v", ids, id, has[id], want)
			}
		}
		if len(has) > 1 {
			t.Errorf("Has(%q) = %v, want at most the one stored", ids, has)
		}
	}
}

func testRoundTrip(t *testing.T, open func(testing.TB) store.Store) {
	full := NewArticle(10)
	full.Credit = "Fotoğraf: AA"
	full.LangConfidence = 0.123456789
	full.Relevance.Score = 0.987654321
	full.Title = "İstanbul'da ılımlı görüşme: Şişli, Ğ ve ğ, İ ve ı"

	ru := NewArticle(11)
	ru.Title = "Лавров: «Переговоры в Стамбуле — шаг вперёд» (ёЁ)"
	ru.Byline = "Сергей Иванов"
	ru.Dateline = "МОСКВА, 14 марта /ТАСС/"

	minimal := NewArticle(12)
	minimal.PublishedAt = time.Time{}
	minimal.FetchedAt = time.Time{}
	minimal.Byline, minimal.Dateline, minimal.Attribution = "", "", ""
	minimal.Countries, minimal.Organizations, minimal.Dropped = nil, nil, nil
	minimal.Relevance = article.Relevance{Topic: "diplomacy"}

	tests := []struct {
		name string
		a    *article.Article
	}{
		{"every field", full},
		{"russian", ru},
		{"optional fields empty", minimal},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			want := clone(tc.a)
			put(t, st, tc.a)
			rec := get(t, st, tc.a.ID)
			if !reflect.DeepEqual(rec.Article, *want) {
				t.Errorf("round trip:\n got %+v\nwant %+v", rec.Article, *want)
			}
			recs, err := st.List(context.Background(), store.Query{})
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 1 || !reflect.DeepEqual(recs[0].Article, *want) {
				t.Errorf("List round trip: got %d records, want the article", len(recs))
			}
		})
	}

	// Wire times may carry any offset: the instant must survive.
	t.Run("time zones", func(t *testing.T) {
		st := open(t)
		a := NewArticle(13)
		ist := time.FixedZone("+03", 3*3600)
		a.PublishedAt = a.PublishedAt.In(ist)
		a.ClassifiedAt = a.ClassifiedAt.In(ist)
		put(t, st, a)
		got := get(t, st, a.ID).Article
		if !got.PublishedAt.Equal(a.PublishedAt) || !got.ClassifiedAt.Equal(a.ClassifiedAt) {
			t.Errorf("times: got %v, %v; want %v, %v", got.PublishedAt, got.ClassifiedAt, a.PublishedAt, a.ClassifiedAt)
		}
	})
}

func testCount(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	count := func() int {
		t.Helper()
		n, err := st.Count(context.Background())
		if err != nil {
			t.Fatalf("Count: %v", err)
		}
		return n
	}
	if n := count(); n != 0 {
		t.Fatalf("empty store: Count = %d", n)
	}
	a := NewArticle(20)
	put(t, st, a, NewArticle(21), NewArticle(22))
	put(t, st, revise(a, time.Hour, "Ek bilgi."), NewArticle(21))
	// Revisions are not articles.
	if n := count(); n != 3 {
		t.Errorf("Count = %d, want 3", n)
	}
}

func testInvalid(t *testing.T, open func(testing.TB) store.Store) {
	bad := NewArticle(31)
	bad.Lang = "Türkçe"
	tests := []struct {
		name  string
		batch []*article.Article
		want  []string // in the error text
	}{
		{"nil", []*article.Article{NewArticle(30), nil}, []string{"1"}},
		{"fails Validate", []*article.Article{NewArticle(30), bad, NewArticle(32)}, []string{"1", bad.ID, "lang"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := open(t)
			out, err := st.Put(context.Background(), tc.batch)
			if err == nil {
				t.Fatalf("Put = %v, want an error", out)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			// The batch is one transaction: nothing of it is stored.
			if n, err := st.Count(context.Background()); err != nil || n != 0 {
				t.Errorf("after a refused batch: Count = %d, %v; want 0", n, err)
			}
		})
	}
}

func testCancelled(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	a := NewArticle(40)
	put(t, st, a)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := []struct {
		name string
		call func() error
	}{
		{"Put", func() error { _, err := st.Put(ctx, []*article.Article{NewArticle(41)}); return err }},
		{"Get", func() error { _, err := st.Get(ctx, a.ID); return err }},
		{"Revisions", func() error { _, err := st.Revisions(ctx, a.ID); return err }},
		{"List", func() error { _, err := st.List(ctx, store.Query{}); return err }},
		{"Count", func() error { _, err := st.Count(ctx); return err }},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			if err := c.call(); !errors.Is(err, context.Canceled) {
				t.Errorf("%s with a cancelled context: %v, want context.Canceled", c.name, err)
			}
		})
	}
	if _, err := st.Get(context.Background(), NewArticle(41).ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a cancelled Put stored its article: Get = %v", err)
	}
}

func testCloseTwice(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	put(t, st, NewArticle(50))
	if err := st.Close(); err != nil {
		t.Fatalf("first Close: %v", err)
	}
	if err := st.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := st.Count(context.Background()); err == nil {
		t.Error("Count after Close succeeded")
	}
}

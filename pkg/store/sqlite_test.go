package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/internal/cputime"
	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/store"
	"github.com/wiredesk/wiredesk/pkg/store/storetest"
)

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

// openAt opens the SQLite store at path and closes it when t ends.
func openAt(t testing.TB, path string) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), "sqlite:"+path, discard())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return st
}

func TestSQLiteContract(t *testing.T) {
	storetest.Run(t, func(t testing.TB) store.Store {
		return openAt(t, filepath.Join(t.TempDir(), "wiredesk.db"))
	})
}

// migrations reads schema_migrations behind the store's back.
func migrations(t testing.TB, path string) map[int]string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT version, applied_at FROM schema_migrations`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[int]string{}
	for rows.Next() {
		var v int
		var at string
		if err := rows.Scan(&v, &at); err != nil {
			t.Fatal(err)
		}
		got[v] = at
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestSQLiteReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wiredesk.db")
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite:"+path, discard())
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.NewArticle(1)
	if _, err := st.Put(ctx, []*article.Article{a, storetest.NewArticle(2)}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	before := migrations(t, path)
	if len(before) == 0 {
		t.Fatal("no migrations recorded")
	}

	st = openAt(t, path)
	if n, err := st.Count(ctx); err != nil || n != 2 {
		t.Errorf("Count after reopen = %d, %v; want 2", n, err)
	}
	out, err := st.Put(ctx, []*article.Article{a})
	if err != nil || out[0] != store.Unchanged {
		t.Errorf("Put of a stored article after reopen = %v, %v; want unchanged", out, err)
	}
	after := migrations(t, path)
	if fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("reopen re-ran migrations: before %v, after %v", before, after)
	}
}

func TestSQLiteNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wiredesk.db")
	st, err := store.Open(context.Background(), "sqlite:"+path, discard())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (9999, 'later')`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	st, err = store.Open(context.Background(), "sqlite:"+path, discard())
	if err == nil {
		st.Close()
		t.Fatal("Open of a newer schema succeeded")
	}
	if !strings.Contains(err.Error(), "schema version 9999 is newer than this build") {
		t.Errorf("error = %v", err)
	}
}

func TestSQLiteDSNForms(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	tests := []struct {
		dsn, file string
	}{
		{"sqlite:relative/nested/a.db", "relative/nested/a.db"},
		{"sqlite://./data/b.db", "data/b.db"},
		{"sqlite:" + filepath.Join(dir, "abs", "c.db"), "abs/c.db"},
		{"sqlite://" + filepath.Join(dir, "abs2", "d.db"), "abs2/d.db"},
	}
	for _, tc := range tests {
		t.Run(tc.dsn, func(t *testing.T) {
			st, err := store.Open(context.Background(), tc.dsn, discard())
			if err != nil {
				t.Fatal(err)
			}
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(filepath.Join(dir, tc.file)); err != nil {
				t.Errorf("database file: %v", err)
			}
		})
	}
}

func TestSQLiteConcurrentPut(t *testing.T) {
	st := openAt(t, filepath.Join(t.TempDir(), "wiredesk.db"))
	const writers, batches, size = 8, 5, 10
	shared := storetest.NewArticle(0)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		inserted int // of the shared article
	)
	errs := make(chan error, writers)
	for w := range writers {
		wg.Go(func() {
			for b := range batches {
				batch := []*article.Article{shared}
				for i := range size {
					batch = append(batch, storetest.NewArticle(1+(w*batches+b)*size+i))
				}
				out, err := st.Put(context.Background(), batch)
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				if out[0] == store.Inserted {
					inserted++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n, err := st.Count(context.Background()); err != nil || n != 1+writers*batches*size {
		t.Errorf("Count = %d, %v; want %d", n, err, 1+writers*batches*size)
	}
	if inserted != 1 {
		t.Errorf("shared article inserted %d times, want 1", inserted)
	}
}

func TestOpenBadDSN(t *testing.T) {
	tests := []struct {
		dsn, want string
	}{
		{"", "sqlite:PATH"},
		{"mysql://x", "sqlite:PATH"},
		{"wiredesk.db", "sqlite:PATH"},
		{"sqlite:", "empty path"},
		{"sqlite::memory:", "file path"},
		{"sqlite:a.db?cache=shared", "must not contain"},
	}
	for _, tc := range tests {
		t.Run(tc.dsn, func(t *testing.T) {
			st, err := store.Open(context.Background(), tc.dsn, discard())
			if err == nil {
				st.Close()
				t.Fatal("Open succeeded")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("error %q leaks the password", err)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	tests := []struct {
		dsn, want string
	}{
		{"sqlite:./data/wiredesk.db", "sqlite:./data/wiredesk.db"},
		{"sqlite:///var/lib/wiredesk.db", "sqlite:///var/lib/wiredesk.db"},
		{"postgres://u:secret@h/db", "postgres://u:xxxxx@h/db"},
		{"postgresql://u:secret@h:5432/db?sslmode=disable", "postgresql://u:xxxxx@h:5432/db?sslmode=disable"},
		{"postgres://u@h/db", "postgres://u@h/db"},
		{"postgres://h/db?user=u&password=secret", "postgres://h/db?password=xxxxx&user=u"},
		{"postgres://u:p%40ss@h/db", "postgres://u:xxxxx@h/db"},
		{"postgres://u:bad%zz@h/db", "postgres://u:xxxxx@h/db"},
		{"host=h user=u password=secret dbname=db", "host=h user=u password=xxxxx dbname=db"},
		{"host=h password='se cret' dbname=db", "host=h password=xxxxx dbname=db"},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.dsn, func(t *testing.T) {
			if got := store.Redact(tc.dsn); got != tc.want {
				t.Errorf("Redact(%q) = %q, want %q", tc.dsn, got, tc.want)
			}
		})
	}
}

func TestOutcomeString(t *testing.T) {
	tests := []struct {
		o    store.Outcome
		want string
	}{
		{store.Inserted, "inserted"},
		{store.Updated, "updated"},
		{store.Unchanged, "unchanged"},
		{0, "Outcome(0)"},
	}
	for _, tc := range tests {
		if got := tc.o.String(); got != tc.want {
			t.Errorf("Outcome(%d).String() = %q, want %q", int(tc.o), got, tc.want)
		}
	}
}

// BenchmarkPutBatch measures committing batches of 256 new articles of
// realistic size (4-6 KB of JSON each, 5 KB on average), the sink's default batch.
func BenchmarkPutBatch(b *testing.B) {
	st := openAt(b, filepath.Join(b.TempDir(), "wiredesk.db"))
	const size = 256
	n := 0
	batch := make([]*article.Article, size)
	b.ReportAllocs()
	// Articles are made before the clock starts, and the search index is
	// brought up to date inside it: the figure is sustained throughput,
	// not a burst that leaves the indexing for later.
	var batches [][]*article.Article
	for range b.N {
		for i := range batch {
			batch[i] = storetest.NewArticle(n)
			n++
		}
		batches = append(batches, slices.Clone(batch))
	}
	b.ResetTimer()
	start := time.Now()
	for i := range b.N {
		if _, err := st.Put(context.Background(), batches[i]); err != nil {
			b.Fatal(err)
		}
	}
	// What the sink waits on before it acks: the commits, with the indexer
	// working beside them.
	committed := time.Since(start)
	if _, err := st.Search(context.Background(), store.SearchQuery{Text: "zzzz"}); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(n)/committed.Seconds(), "committed-articles/s")
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkPutTrickle is what a sink does while articles flow: Put a
// batch of 10 new articles every 60 ms (the sink commits every 50 ms),
// with the indexer beside it, indexing at every pause in writes (as
// before issue #15) and waiting for a batch's worth (or its 2 s lag).
// It reports the process's CPU (user+sys) per article, indexing
// included: the search at the end drains what is pending.
//
//	go test -run '^$' -bench PutTrickle -benchtime 100x ./pkg/store/
func BenchmarkPutTrickle(b *testing.B) {
	for _, tc := range []struct {
		name     string
		minBatch int64
	}{{"every-pause", 1}, {"batched", 0}} {
		b.Run(tc.name, func(b *testing.B) {
			st := openAt(b, filepath.Join(b.TempDir(), "wiredesk.db"))
			if tc.minBatch > 0 {
				store.SetIndexMinBatch(st, tc.minBatch)
			}
			const size = 10
			var batches [][]*article.Article
			n := 0
			for range b.N {
				var batch []*article.Article
				for range size {
					batch = append(batch, storetest.NewArticle(n))
					n++
				}
				batches = append(batches, batch)
			}
			b.ResetTimer()
			start := cputime.Process(b)
			for i := range b.N {
				if _, err := st.Put(context.Background(), batches[i]); err != nil {
					b.Fatal(err)
				}
				time.Sleep(60 * time.Millisecond)
			}
			if _, err := st.Search(context.Background(), store.SearchQuery{Text: "zzzz"}); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64((cputime.Process(b)-start).Microseconds())/1000/float64(n), "cpu-ms/article")
		})
	}
}

// TestSQLiteMigrationCurrentOnce: a database from before migration 3, whose
// revisions table also holds each current revision, comes out with the
// current revision once.
func TestSQLiteMigrationCurrentOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wiredesk.db")
	st := openAt(t, path)
	a := storetest.NewArticle(1)
	b := *a
	b.Title += " (güncellendi)"
	b.ContentHash = strings.Repeat("b", len(a.ContentHash))
	b.FetchedAt = a.FetchedAt.Add(time.Hour)
	for _, x := range []*article.Article{a, &b} {
		if _, err := st.Put(ctx, []*article.Article{x}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	execSQL(t, path,
		`INSERT INTO revisions (id, revision, content_hash, fetched_at, stored_at, doc)
			SELECT id, revision, content_hash, fetched_at, updated_at, doc FROM articles`,
		`DELETE FROM schema_migrations WHERE version >= 3`)
	st = openAt(t, path)
	revs, err := st.Revisions(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(revs) != 2 || revs[0].Revision != 1 || revs[1].Revision != 2 || revs[1].Article.Title != b.Title {
		t.Errorf("revisions after migrating: %d, want 1 and 2 with the update last", len(revs))
	}
}

// execSQL runs stmts on the closed store at path, as an older build or an
// operator would have left it.
func execSQL(t testing.TB, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, stmt := range stmts {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
}

package store_test

import (
	"context"
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/store"
	"github.com/wiredesk/wiredesk/pkg/store/storetest"
)

// adminDSN returns the DSN of a server the tests may create databases on,
// or skips t; CI must not skip silently.
func adminDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("WIREDESK_TEST_POSTGRES")
	switch {
	case dsn != "":
		return dsn
	case os.Getenv("CI") != "":
		t.Fatal("WIREDESK_TEST_POSTGRES is not set, and CI must run the PostgreSQL tests")
	default:
		t.Skip("PostgreSQL tests skipped: set WIREDESK_TEST_POSTGRES=postgres://... to run them")
	}
	return ""
}

// newDatabase creates an empty database for t alone, drops it when t ends,
// and returns its DSN.
func newDatabase(t testing.TB) string {
	t.Helper()
	admin := adminDSN(t)
	u, err := url.Parse(admin)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("WIREDESK_TEST_POSTGRES must be a postgres:// URL, got %q", store.Redact(admin))
	}
	name := "wiredesk_test_" + strings.ToLower(crand.Text()[:12])
	ctx := context.Background()
	exec := func(sql string) error {
		conn, err := pgx.Connect(ctx, admin)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, sql)
		return err
	}
	if err := exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		if err := exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}

// openPG opens the store at dsn and closes it when t ends.
func openPG(t testing.TB, dsn string) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dsn, discard())
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

func TestPostgresContract(t *testing.T) {
	adminDSN(t)
	storetest.Run(t, func(t testing.TB) store.Store {
		return openPG(t, newDatabase(t))
	})
}

// pgMigrations reads schema_migrations behind the store's back.
func pgMigrations(t testing.TB, dsn string) map[int]time.Time {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT version, applied_at FROM schema_migrations`)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int]time.Time{}
	var v int
	var at time.Time
	if _, err := pgx.ForEachRow(rows, []any{&v, &at}, func() error { got[v] = at; return nil }); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestPostgresReopen(t *testing.T) {
	dsn := newDatabase(t)
	ctx := context.Background()
	st, err := store.Open(ctx, dsn, discard())
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
	before := pgMigrations(t, dsn)
	if len(before) == 0 {
		t.Fatal("no migrations recorded")
	}

	st = openPG(t, dsn)
	if n, err := st.Count(ctx); err != nil || n != 2 {
		t.Errorf("Count after reopen = %d, %v; want 2", n, err)
	}
	out, err := st.Put(ctx, []*article.Article{a})
	if err != nil || out[0] != store.Unchanged {
		t.Errorf("Put of a stored article after reopen = %v, %v; want unchanged", out, err)
	}
	if after := pgMigrations(t, dsn); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("reopen re-ran migrations: before %v, after %v", before, after)
	}
}

// TestPostgresConcurrentOpen starts several stores on one empty database at
// once, as sink replicas do: the advisory lock must let exactly one migrate.
func TestPostgresConcurrentOpen(t *testing.T) {
	dsn := newDatabase(t)
	const n = 4
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			st, err := store.Open(context.Background(), dsn, discard())
			if err != nil {
				errs <- err
				return
			}
			errs <- st.Close()
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	want, err := filepath.Glob("migrations/postgres/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	if got := pgMigrations(t, dsn); len(got) != len(want) {
		t.Errorf("schema_migrations = %v, want one row per migration (%d)", got, len(want))
	}
}

func TestPostgresNewerSchema(t *testing.T) {
	dsn := newDatabase(t)
	ctx := context.Background()
	st, err := store.Open(ctx, dsn, discard())
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	_, err = conn.Exec(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (9999, now())`)
	conn.Close(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st, err = store.Open(ctx, dsn, discard())
	if err == nil {
		st.Close()
		t.Fatal("Open of a newer schema succeeded")
	}
	if !strings.Contains(err.Error(), "schema version 9999 is newer than this build") {
		t.Errorf("error = %v", err)
	}
}

// reviseTo returns a copy of a with content and fetch time set by round r,
// the same for every caller, so that writers putting the same round agree.
func reviseTo(a *article.Article, r int) *article.Article {
	b := *a
	b.Paragraphs = append(slices.Clip(a.Paragraphs), fmt.Sprintf("Güncelleme %d.", r))
	b.Body = strings.Join(b.Paragraphs, "\n\n")
	sum := sha256.Sum256([]byte(b.Body))
	b.ContentHash = hex.EncodeToString(sum[:16])
	b.FetchedAt = a.FetchedAt.Add(time.Duration(r) * time.Minute)
	b.ClassifiedAt = a.ClassifiedAt.Add(time.Duration(r) * time.Minute)
	return &b
}

// TestPostgresConcurrentPut has writers, on one pool or on two (as two sink
// replicas), put rounds of revisions of the same articles in different
// orders, with articles of their own between. Whatever the interleaving,
// every Inserted or Updated outcome must be exactly one stored revision,
// revisions must be numbered 1..n with fetch times rising, and the newest
// round must end up current.
func TestPostgresConcurrentPut(t *testing.T) {
	tests := []struct {
		name  string
		pools int
	}{
		{"one pool", 1},
		{"two pools", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dsn := newDatabase(t)
			stores := make([]store.Store, tc.pools)
			for i := range stores {
				stores[i] = openPG(t, dsn)
			}
			const writers, rounds, shared, own = 8, 6, 12, 5
			var (
				wg      sync.WaitGroup
				mu      sync.Mutex
				written = map[string]int{} // Inserted or Updated outcomes per id
			)
			errs := make(chan error, writers)
			for w := range writers {
				st := stores[w%len(stores)]
				rng := rand.New(rand.NewPCG(uint64(w), 1))
				wg.Go(func() {
					for r := range rounds {
						var batch []*article.Article
						for i := range shared {
							batch = append(batch, reviseTo(storetest.NewArticle(i), r))
						}
						for i := range own {
							batch = append(batch, storetest.NewArticle(1000+(w*rounds+r)*own+i))
						}
						rng.Shuffle(len(batch), func(i, j int) { batch[i], batch[j] = batch[j], batch[i] })
						out, err := st.Put(context.Background(), batch)
						if err != nil {
							errs <- fmt.Errorf("writer %d round %d: %w", w, r, err)
							return
						}
						mu.Lock()
						for i, o := range out {
							if o != store.Unchanged {
								written[batch[i].ID]++
							}
						}
						mu.Unlock()
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatal(err)
			}

			st := stores[0]
			ctx := context.Background()
			if n, err := st.Count(ctx); err != nil || n != shared+writers*rounds*own {
				t.Errorf("Count = %d, %v; want %d", n, err, shared+writers*rounds*own)
			}
			for i := range shared {
				id := storetest.NewArticle(i).ID
				revs, err := st.Revisions(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if len(revs) != written[id] {
					t.Errorf("article %d: %d revisions stored, %d reported written", i, len(revs), written[id])
				}
				for j, r := range revs {
					if r.Revision != j+1 {
						t.Errorf("article %d: revision %d numbered %d", i, j+1, r.Revision)
					}
					if j > 0 && !r.Article.FetchedAt.After(revs[j-1].Article.FetchedAt) {
						t.Errorf("article %d: revision %d not fetched after the one before", i, j+1)
					}
				}
				rec, err := st.Get(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if want := reviseTo(storetest.NewArticle(i), rounds-1); rec.Article.ContentHash != want.ContentHash {
					t.Errorf("article %d: current is not the newest round", i)
				}
			}
		})
	}
}

// silentServer accepts connections and never answers, like a host behind
// a firewall that drops packets, but without depending on the network.
func silentServer(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		var conns []net.Conn
		defer func() {
			for _, c := range conns {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	})
	t.Cleanup(func() {
		ln.Close()
		wg.Wait()
	})
	return ln.Addr().String()
}

// TestPostgresBadDSN needs no server: every DSN here must fail fast and
// keep its password out of the error.
func TestPostgresBadDSN(t *testing.T) {
	silent := silentServer(t)
	tests := []struct {
		name, dsn, want string
	}{
		{"connection refused", "postgres://u:secret@127.0.0.1:1/db?connect_timeout=2&sslmode=disable", "connect"},
		{"unreachable host", "postgresql://u:secret@192.0.2.1:5432/db?connect_timeout=1&sslmode=disable", "connect"},
		{"server never answers", "postgres://u:secret@" + silent + "/db?connect_timeout=1", "connect"},
		{"bad pool size", "postgres://u:secret@127.0.0.1/db?pool_max_conns=many", "invalid DSN"},
		{"bad port", "postgres://u:secret@127.0.0.1:port/db", "invalid DSN"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			start := time.Now()
			st, err := store.Open(ctx, tc.dsn, discard())
			if err == nil {
				st.Close()
				t.Fatal("Open succeeded")
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("Open took %v to fail", d)
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

func TestPostgresRefusesNUL(t *testing.T) {
	st := openPG(t, newDatabase(t))
	a := storetest.NewArticle(1)
	a.Title = "a\x00b"
	if _, err := st.Put(context.Background(), []*article.Article{a}); err == nil || !strings.Contains(err.Error(), "NUL") {
		t.Errorf("Put of an article with NUL: %v, want an error naming NUL", err)
	} else if !errors.Is(err, store.ErrUnstorable) {
		// The sink sends ErrUnstorable to the DLQ at once; anything else
		// is retried at every redelivery first.
		t.Errorf("Put of an article with NUL: %v, want store.ErrUnstorable", err)
	}
}

// BenchmarkPostgresPutBatch is BenchmarkPutBatch against PostgreSQL: the
// articles are made before the clock starts, as there.
func BenchmarkPostgresPutBatch(b *testing.B) {
	st := openPG(b, newDatabase(b))
	const size = 256
	batches := make([][]*article.Article, b.N)
	n := 0
	for i := range batches {
		for range size {
			batches[i] = append(batches[i], storetest.NewArticle(n))
			n++
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if _, err := st.Put(context.Background(), batches[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

package sink_test

import (
	"context"
	crand "crypto/rand"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/sink"
	"github.com/wiredesk/wiredesk/pkg/store"
	"github.com/wiredesk/wiredesk/pkg/store/storetest"
)

// openPostgres opens a store on a database of its own on the server of
// WIREDESK_TEST_POSTGRES, dropped when t ends; it skips t without one
// (CI sets it).
func openPostgres(t testing.TB) store.Store {
	t.Helper()
	admin := os.Getenv("WIREDESK_TEST_POSTGRES")
	if admin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("WIREDESK_TEST_POSTGRES is not set, and CI must run the PostgreSQL tests")
		}
		t.Skip("PostgreSQL tests skipped: set WIREDESK_TEST_POSTGRES=postgres://... to run them")
	}
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
	name := "wiredesk_sink_test_" + strings.ToLower(crand.Text()[:12])
	if err := exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		if err := exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	st, err := store.Open(ctx, u.String(), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestPostgresNULGoesToDLQ: PostgreSQL can never store a NUL character;
// the sink fails that article's handler with a permanent error (the DLQ
// at the first delivery) and stores the rest of its batch.
func TestPostgresNULGoesToDLQ(t *testing.T) {
	st := openPostgres(t)
	arts := []*article.Article{storetest.NewArticle(1), storetest.NewArticle(2), storetest.NewArticle(3)}
	arts[1].Title = "Talks resume\x00 in Geneva"
	handle := startSink(t, sink.Config{BatchSize: 3, BatchWait: time.Second, StoreAll: true}, st)
	var results []<-chan error
	for _, a := range arts {
		results = append(results, handle(a))
	}
	for i, r := range results {
		select {
		case err := <-r:
			if nul := i == 1; nul != bus.IsPermanent(err) || nul != (err != nil) {
				t.Errorf("article %d: handler = %v (permanent %v), want a permanent error only for the one with NUL", i, err, bus.IsPermanent(err))
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("article %d: no result", i)
		}
	}
	if n, err := st.Count(context.Background()); err != nil || n != 2 {
		t.Errorf("stored %d (%v), want the 2 others", n, err)
	}
}

package sink_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/sink"
	"github.com/wiredesk/wiredesk/pkg/store"
	"github.com/wiredesk/wiredesk/pkg/store/storetest"
)

// Retain deletes what is older than the retention from a real store and
// keeps the rest.
func TestRetain(t *testing.T) {
	log := slog.New(slog.DiscardHandler)
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "r.db"), log)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	old, fresh := storetest.NewArticle(1), storetest.NewArticle(2)
	fresh.PublishedAt = time.Now().Add(-time.Hour)
	if _, err := st.Put(context.Background(), []*article.Article{old, fresh}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { sink.Retain(ctx, st, 30*24*time.Hour, time.Hour, log); close(done) }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		n, err := st.Count(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d articles after retention, want 1", n)
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	if _, err := st.Get(context.Background(), fresh.ID); err != nil {
		t.Errorf("the fresh article is gone: %v", err)
	}
}

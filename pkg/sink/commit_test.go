package sink_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/sink"
	"github.com/wiredesk/wiredesk/pkg/store"
	"github.com/wiredesk/wiredesk/pkg/store/storetest"
)

// outage is a real SQLite store that can be made to stop answering, as a
// PostgreSQL server behind a cut network does, or to refuse one article.
type outage struct {
	store.Store
	down   atomic.Bool
	refuse string // an article id whose batches fail while the store answers
	// unstorable is an article id whose batches fail as PostgreSQL fails
	// a NUL byte: never storable.
	unstorable string
	puts       atomic.Int64
}

var errDown = errors.New("connection refused")

func (o *outage) Put(ctx context.Context, batch []*article.Article) ([]store.Outcome, error) {
	o.puts.Add(1)
	if o.down.Load() {
		return nil, errDown
	}
	for _, a := range batch {
		if a.ID == o.refuse {
			return nil, errors.New("value too long for type character varying(64)")
		}
		if a.ID == o.unstorable {
			return nil, fmt.Errorf("put article (id %s): contains NUL, which PostgreSQL cannot store: %w", a.ID, store.ErrUnstorable)
		}
	}
	return o.Store.Put(ctx, batch)
}

func (o *outage) Ping(context.Context) error {
	if o.down.Load() {
		return errDown
	}
	return nil
}

// startSink runs a sink over w and returns a function that hands it one
// article and returns its handler's result on a channel.
func startSink(t testing.TB, cfg sink.Config, w sink.Writer) func(a *article.Article) <-chan error {
	t.Helper()
	handle := startSinkMsgs(t, cfg, w)
	return func(a *article.Article) <-chan error {
		data, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		return handle(&bus.Msg{Subject: "news.clean.tr.aa", Data: data})
	}
}

// startSinkMsgs is startSink handing the sink whole messages.
func startSinkMsgs(t testing.TB, cfg sink.Config, w sink.Writer) func(m *bus.Msg) <-chan error {
	t.Helper()
	log := slog.New(slog.DiscardHandler)
	s := sink.New(cfg, w, log, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return func(m *bus.Msg) <-chan error {
		res := make(chan error, 1)
		go func() { res <- s.Handle(ctx, m) }()
		return res
	}
}

func openSQLite(t testing.TB) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "s.db"), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestCommitWaitsForStore: while the store does not answer, handlers wait
// (their messages stay unacked, and no delivery is spent) and the batch
// is committed once the store is back.
func TestCommitWaitsForStore(t *testing.T) {
	o := &outage{Store: openSQLite(t)}
	o.down.Store(true)
	handle := startSink(t, sink.Config{BatchSize: 2, BatchWait: 10 * time.Millisecond, StoreAll: true}, o)
	a, b := storetest.NewArticle(1), storetest.NewArticle(2)
	ra, rb := handle(a), handle(b)
	deadline := time.Now().Add(10 * time.Second)
	for o.puts.Load() < 2 {
		if time.Now().After(deadline) {
			t.Fatalf("%d commit attempts in 10s, want the sink to keep trying", o.puts.Load())
		}
		select {
		case err := <-ra:
			t.Fatalf("handler returned %v while the store was down, want it to wait", err)
		case <-time.After(20 * time.Millisecond):
		}
	}
	o.down.Store(false)
	for _, r := range []<-chan error{ra, rb} {
		select {
		case err := <-r:
			if err != nil {
				t.Errorf("handler = %v after the store came back", err)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("handler still waiting after the store came back")
		}
	}
	if n, err := o.Count(context.Background()); err != nil || n != 2 {
		t.Errorf("stored %d (%v), want 2", n, err)
	}
}

// TestCommitIsolatesRefusedArticle: a batch the store refuses while it
// answers is committed article by article; only the refused one fails.
func TestCommitIsolatesRefusedArticle(t *testing.T) {
	arts := []*article.Article{storetest.NewArticle(1), storetest.NewArticle(2), storetest.NewArticle(3)}
	o := &outage{Store: openSQLite(t), refuse: arts[1].ID}
	handle := startSink(t, sink.Config{BatchSize: 3, BatchWait: time.Second, StoreAll: true}, o)
	var results []<-chan error
	for _, a := range arts {
		results = append(results, handle(a))
	}
	for i, r := range results {
		select {
		case err := <-r:
			if refused := arts[i].ID == o.refuse; refused != (err != nil) {
				t.Errorf("article %d: handler = %v, want an error only for the refused one", i, err)
			}
			if bus.IsPermanent(err) {
				t.Errorf("article %d: handler = %v, permanent; want it retried (the store may take it later)", i, err)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("article %d: no result", i)
		}
	}
	if n, err := o.Count(context.Background()); err != nil || n != 2 {
		t.Errorf("stored %d (%v), want the 2 others", n, err)
	}
}

// TestCommitUnstorableIsPermanent: an article the store can never hold
// fails its handler with a permanent error, which sends it to the DLQ at
// once instead of after every redelivery; the others of its batch are
// stored.
func TestCommitUnstorableIsPermanent(t *testing.T) {
	arts := []*article.Article{storetest.NewArticle(1), storetest.NewArticle(2), storetest.NewArticle(3)}
	o := &outage{Store: openSQLite(t), unstorable: arts[2].ID}
	handle := startSink(t, sink.Config{BatchSize: 3, BatchWait: time.Second, StoreAll: true}, o)
	var results []<-chan error
	for _, a := range arts {
		results = append(results, handle(a))
	}
	for i, r := range results {
		select {
		case err := <-r:
			unstorable := arts[i].ID == o.unstorable
			if unstorable != bus.IsPermanent(err) || unstorable != (err != nil) {
				t.Errorf("article %d: handler = %v (permanent %v), want a permanent error only for the unstorable one", i, err, bus.IsPermanent(err))
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("article %d: no result", i)
		}
	}
	if n, err := o.Count(context.Background()); err != nil || n != 2 {
		t.Errorf("stored %d (%v), want the 2 others", n, err)
	}
}

// TestIrrelevantOnlyRevises: an irrelevant article is stored only as a
// revision of one the store holds, with the articles of its batch asked
// about at once; the others are acked and not stored.
func TestIrrelevantOnlyRevises(t *testing.T) {
	st := openSQLite(t)
	ctx := context.Background()
	held := storetest.NewArticle(1)
	if _, err := st.Put(ctx, []*article.Article{held}); err != nil {
		t.Fatal(err)
	}
	irrelevant := func(a *article.Article) *article.Article {
		b := *a
		b.Relevance.Relevant, b.Relevance.Score = false, 0.1
		b.ClassifiedAt = a.ClassifiedAt.Add(time.Hour)
		b.ContentHash = article.HashArticle(&b)
		return &b
	}
	revision, unknown := irrelevant(held), irrelevant(storetest.NewArticle(2))
	handle := startSink(t, sink.Config{BatchSize: 2, BatchWait: time.Second}, st)
	for _, r := range []<-chan error{handle(revision), handle(unknown)} {
		select {
		case err := <-r:
			if err != nil {
				t.Errorf("handler = %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("handler still waiting")
		}
	}
	if _, err := st.Get(ctx, unknown.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("irrelevant article not stored before: Get = %v, want ErrNotFound", err)
	}
	rec, err := st.Get(ctx, held.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Revision != 2 || rec.Article.Relevance.Relevant {
		t.Errorf("stored article: revision %d, relevant %v; want revision 2, irrelevant", rec.Revision, rec.Article.Relevance.Relevant)
	}
}

// TestIrrelevantByHeader: an article the classifier's headers call
// irrelevant is decoded only when the store holds it (then revised as
// before); one it does not hold is acked undecoded, and one whose body
// contradicts its headers goes to the DLQ.
func TestIrrelevantByHeader(t *testing.T) {
	st := openSQLite(t)
	ctx := context.Background()
	held, other := storetest.NewArticle(1), storetest.NewArticle(3)
	if _, err := st.Put(ctx, []*article.Article{held, other}); err != nil {
		t.Fatal(err)
	}
	irrelevant := func(a *article.Article) *article.Article {
		b := *a
		b.Relevance.Relevant, b.Relevance.Score = false, 0.1
		b.ClassifiedAt = a.ClassifiedAt.Add(time.Hour)
		b.ContentHash = article.HashArticle(&b)
		return &b
	}
	msg := func(id string, a *article.Article) *bus.Msg {
		data := []byte("not json: never decoded")
		if a != nil {
			var err error
			if data, err = json.Marshal(a); err != nil {
				t.Fatal(err)
			}
		}
		return &bus.Msg{Subject: "news.clean.tr.aa", Data: data,
			Header: nats.Header{bus.HeaderArticleID: {id}, bus.HeaderRelevant: {"false"}}}
	}
	tests := []struct {
		name      string
		m         *bus.Msg
		permanent bool
	}{
		{"not held: acked undecoded", msg(storetest.NewArticle(2).ID, nil), false},
		{"held: decoded and revised", msg(held.ID, irrelevant(held)), false},
		{"held, the body another article's", msg(other.ID, irrelevant(held)), true},
	}
	handle := startSinkMsgs(t, sink.Config{BatchSize: 1, BatchWait: time.Millisecond}, st)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			select {
			case err := <-handle(tt.m):
				if (err != nil) != tt.permanent || (err != nil && !bus.IsPermanent(err)) {
					t.Errorf("handler = %v, want permanent %v", err, tt.permanent)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("handler still waiting")
			}
		})
	}
	if _, err := st.Get(ctx, storetest.NewArticle(2).ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("irrelevant article not held: Get = %v, want ErrNotFound", err)
	}
	rec, err := st.Get(ctx, held.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Revision != 2 || rec.Article.Relevance.Relevant {
		t.Errorf("held article: revision %d, relevant %v; want revision 2, irrelevant", rec.Revision, rec.Article.Relevance.Relevant)
	}
	if rec, err := st.Get(ctx, other.ID); err != nil || rec.Revision != 1 {
		t.Errorf("the article named by lying headers: %v, %v; want revision 1 untouched", rec, err)
	}
}

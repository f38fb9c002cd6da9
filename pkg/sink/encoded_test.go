package sink_test

import (
	"bytes"
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/sink"
	"github.com/wiredesk/wiredesk/pkg/store"
	"github.com/wiredesk/wiredesk/pkg/store/storetest"
)

// docs is a real SQLite store that records the documents the sink hands
// it with each article.
type docs struct {
	store.Store
	mu  sync.Mutex
	got map[string][]byte
}

func (d *docs) PutEncoded(ctx context.Context, batch []*article.Article, encoded [][]byte) ([]store.Outcome, error) {
	d.mu.Lock()
	for i, a := range batch {
		d.got[a.ID] = encoded[i]
	}
	d.mu.Unlock()
	return d.Store.(store.Encoded).PutEncoded(ctx, batch, encoded)
}

// TestSinkStoresTheMessage: an article a classifier published (its
// headers name it) is stored as the message that carried it, not encoded
// again; one without the headers (a replay from the DLQ) is encoded by
// the store. Either way the store holds the article.
func TestSinkStoresTheMessage(t *testing.T) {
	for _, tc := range []struct {
		name    string
		headers bool
		wantDoc bool
	}{
		{"from a classifier", true, true},
		{"without headers", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &docs{Store: openSQLite(t), got: map[string][]byte{}}
			handle := startSinkMsgs(t, sink.Config{BatchSize: 1, BatchWait: time.Millisecond}, d)
			a := storetest.NewArticle(3)
			data, err := json.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			m := &bus.Msg{Subject: "news.clean.ru.tass", Data: data}
			if tc.headers {
				m.Header = nats.Header{bus.HeaderArticleID: []string{a.ID}, bus.HeaderRelevant: []string{"true"}}
			}
			if err := <-handle(m); err != nil {
				t.Fatalf("handle: %v", err)
			}
			d.mu.Lock()
			doc, ok := d.got[a.ID]
			d.mu.Unlock()
			switch {
			case !ok:
				t.Fatal("the article was not put")
			case tc.wantDoc && !bytes.Equal(doc, data):
				t.Errorf("document %q, want the message", doc)
			case !tc.wantDoc && doc != nil:
				t.Errorf("document %q, want none (the store encodes it)", doc)
			}
			// What the store would have encoded itself, from the
			// article the sink decoded: the same bytes.
			again, err := article.DecodeArticle(data)
			if err != nil {
				t.Fatal(err)
			}
			if enc, err := json.Marshal(again); err != nil || !bytes.Equal(enc, data) {
				t.Errorf("the decoded article encodes differently from the message (%v)", err)
			}
			rec, err := d.Get(context.Background(), a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if rec.Article.Body != a.Body || rec.Article.ContentHash != a.ContentHash {
				t.Error("the stored article is not the one sent")
			}
		})
	}
}

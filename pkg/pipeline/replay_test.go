package pipeline_test

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/pipeline"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// TestReplayPagesThroughUpgradedClassifier follows docs/operations.md:
// a classifier that only knew Turkish is replaced by one that knows
// Russian too; its durable is removed, the new one re-reads PAGES, and the
// store ends with exactly the expected articles, none twice.
func TestReplayPagesThroughUpgradedClassifier(t *testing.T) {
	h := newHarness(t)
	h.startSink()
	old, err := classify.New(classify.Config{Languages: []string{"tr"}}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	stopOld := h.stage("classifier v1", func(ctx context.Context, conn *bus.Conn) error {
		return pipeline.RunClassifier(ctx, conn, old, 2, bustest.Logger(t), prometheus.NewRegistry())
	})
	h.poll()
	h.waitDrained()
	var turkish []string
	for _, p := range expected(t) {
		if p.Lang == "tr" {
			turkish = append(turkish, p.CanonicalURL)
		}
	}
	diff(t, h.stored(), turkish)

	stopOld()
	ctx := context.Background()
	if err := h.conn.JS.DeleteConsumer(ctx, bus.StreamPages, pipeline.DurableClassifier); err != nil {
		t.Fatal(err)
	}
	h.startClassifier() // knows tr and ru; recreates the durable from the start of PAGES
	h.waitDrained()
	diff(t, h.stored(), expectedURLs(t))
}

// TestReplayRevisesWhatChanged replays PAGES twice: through the same
// classifier, which publishes nothing new and revises nothing, then
// through one with a higher threshold, which revises exactly the stored
// articles whose output changed (here: those it finds irrelevant now).
func TestReplayRevisesWhatChanged(t *testing.T) {
	h := newHarness(t)
	h.startSink()
	mk := func(threshold float64) *classify.Classifier {
		cl, err := classify.New(classify.Config{Threshold: threshold}, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		return cl
	}
	run := func(name string, cl *classify.Classifier) {
		t.Helper()
		ctx := context.Background()
		err := h.conn.JS.DeleteConsumer(ctx, bus.StreamPages, pipeline.DurableClassifier)
		if err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
			t.Fatal(err)
		}
		stop := h.stage(name, func(ctx context.Context, conn *bus.Conn) error {
			return pipeline.RunClassifier(ctx, conn, cl, 2, bustest.Logger(t), prometheus.NewRegistry())
		})
		h.waitDrained()
		stop()
	}
	v1 := mk(0)
	h.poll()
	run("classifier v1", v1)
	before := h.records()
	if len(before) == 0 {
		t.Fatal("nothing stored")
	}
	published := h.articleMessages()

	t.Run("same classifier", func(t *testing.T) {
		run("classifier v1 again", v1)
		if n := h.articleMessages(); n != published {
			t.Errorf("replay published %d articles, want none", n-published)
		}
		for id, r := range h.records() {
			if r.Revision != before[id].Revision || r.Article.ContentHash != before[id].Article.ContentHash {
				t.Errorf("%s: revision %d, hash %s -> %s", r.Article.URL, r.Revision, before[id].Article.ContentHash, r.Article.ContentHash)
			}
		}
	})

	t.Run("higher threshold", func(t *testing.T) {
		// The median score of the stored articles: about half of them
		// are no longer relevant.
		var scores []float64
		for _, r := range before {
			scores = append(scores, r.Article.Relevance.Score)
		}
		slices.Sort(scores)
		v2, ref := mk(scores[len(scores)/2]), mk(scores[len(scores)/2])
		// What v2 makes of each page once its memory of furniture has
		// seen them all, as the shared memory has.
		pages := h.pages()
		for _, p := range pages {
			if _, err := ref.Classify(context.Background(), p, time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		want := map[string]string{} // id → content hash v2 gives it
		for _, p := range pages {
			res, err := ref.ClassifyShared(context.Background(), p, time.Now(), nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Article != nil {
				want[p.ID] = res.Article.ContentHash
			}
		}
		run("classifier v2", v2)
		after := h.records()
		revised := 0
		for id, old := range before {
			r := after[id]
			changed := want[id] != old.Article.ContentHash
			if changed {
				revised++
			}
			switch {
			case changed && (r.Revision != old.Revision+1 || r.Article.ContentHash != want[id]):
				t.Errorf("%s: output changed, stored revision %d with hash %s, want revision %d with %s", old.Article.URL, r.Revision, r.Article.ContentHash, old.Revision+1, want[id])
			case !changed && r.Revision != old.Revision:
				t.Errorf("%s: output unchanged, stored revision %d, was %d", old.Article.URL, r.Revision, old.Revision)
			}
		}
		if revised == 0 || len(after) != len(before) {
			t.Errorf("%d of %d articles revised, %d stored after: want some revised, none added", revised, len(before), len(after))
		}
		t.Logf("%d of %d stored articles revised", revised, len(before))
	})
}

// records returns the stored articles by id.
func (h *harness) records() map[string]store.Record {
	h.t.Helper()
	recs, err := h.st.List(context.Background(), store.Query{Limit: store.MaxLimit})
	if err != nil {
		h.t.Fatal(err)
	}
	out := map[string]store.Record{}
	for _, r := range recs {
		out[r.Article.ID] = r
	}
	return out
}

// articleMessages counts the messages in ARTICLES.
func (h *harness) articleMessages() uint64 {
	h.t.Helper()
	n, err := pipeline.SubjectCounts(context.Background(), h.conn.JS, bus.StreamArticles, "news.clean.>")
	if err != nil {
		h.t.Fatal(err)
	}
	var total uint64
	for _, v := range n {
		total += v
	}
	return total
}

// pages returns the pages in PAGES.
func (h *harness) pages() []*article.Page {
	h.t.Helper()
	ctx := context.Background()
	s, err := h.conn.JS.Stream(ctx, bus.StreamPages)
	if err != nil {
		h.t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		h.t.Fatal(err)
	}
	var out []*article.Page
	for seq := info.State.FirstSeq; info.State.Msgs > 0 && seq <= info.State.LastSeq; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if err != nil {
			continue
		}
		p, err := article.DecodePage(m.Data)
		if err != nil {
			h.t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

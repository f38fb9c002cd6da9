package pipeline_test

import (
	"context"
	"log/slog"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/pipeline"
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

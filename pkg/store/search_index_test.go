package store

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"
)

// TestIndexerWaitsForABatch: a pause in writes starts indexing only once
// a batch's worth of articles is pending (issue #15: a sink that commits
// every 50 ms used to index ten articles a transaction). The test ticks
// the idle timer itself; the lag bound is out of reach.
func TestIndexerWaitsForABatch(t *testing.T) {
	var runs atomic.Int64
	idle := make(chan time.Time) // unbuffered: a tick is taken when the loop waits again
	x := startIndexer(func(context.Context) error { runs.Add(1); return nil }, slog.New(slog.DiscardHandler), indexTiming{
		idle: time.Millisecond, maxLag: time.Hour, minBatch: 3,
		after: func(time.Duration) <-chan time.Time { return idle },
	})
	defer x.stop()
	tick := func() {
		t.Helper()
		select {
		case idle <- time.Now():
		case <-time.After(10 * time.Second):
			t.Fatal("the indexer does not wait on its idle timer")
		}
	}
	waitRuns := func(want int64) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for runs.Load() != want {
			if time.Now().After(deadline) {
				t.Fatalf("%d drains, want %d", runs.Load(), want)
			}
			time.Sleep(time.Millisecond)
		}
	}

	// What a previous process left pending is indexed at the first pause.
	tick()
	waitRuns(1)

	x.poke(1)
	tick()
	tick() // taken only once the loop waits again: the first pause passed over
	if n := runs.Load(); n != 1 {
		t.Fatalf("%d drains after a pause with 1 article pending, want none more", n)
	}
	x.poke(2)
	tick()
	waitRuns(2)

	// A search drains whatever is pending, at once.
	x.poke(1)
	if err := x.drain(context.Background()); err != nil {
		t.Fatal(err)
	}
	waitRuns(3)
}

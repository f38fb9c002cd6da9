package bus_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
)

// A message that failed for a reason since fixed is replayed from the
// DLQ to its original subject, reaches the stage again, and leaves the DLQ.
func TestReplayDLQ(t *testing.T) {
	_, c := bustest.Start(t)
	var (
		mu    sync.Mutex
		fixed bool
		got   []string
	)
	h := func(ctx context.Context, m *bus.Msg) error {
		mu.Lock()
		defer mu.Unlock()
		if !fixed {
			return bus.Permanent(errors.New("schema page/v9 is unknown"))
		}
		got = append(got, string(m.Data))
		return nil
	}
	runConsumer(t, c, testConsumer("classifier"), h)
	// The same Msg-Id as a replay would carry if it reused the original:
	// inside the duplicate window, JetStream would drop it.
	publish(t, c, "news.raw.a", "a:1", "first")
	publish(t, c, "news.raw.b", "b:1", "second")
	eventually(t, 10*time.Second, "two dead letters", func() bool { return len(dlqMessages(t, c)) == 2 })

	ctx := context.Background()
	t.Run("dry run lists and keeps", func(t *testing.T) {
		var seen []bus.DeadLetter
		n, err := bus.ReplayDLQ(ctx, c, bus.ReplayOptions{Stage: "classifier", DryRun: true}, func(d bus.DeadLetter) { seen = append(seen, d) })
		if err != nil || n != 2 {
			t.Fatalf("dry run = %d, %v; want 2", n, err)
		}
		// Workers run in parallel: the two may have failed in either order.
		subjects := map[string]bool{}
		for _, d := range seen {
			subjects[d.Subject] = true
			if d.Stage != "classifier" || d.Error == "" || d.Deliveries != "1" {
				t.Errorf("dead letter = %+v", d)
			}
		}
		if !subjects["news.raw.a"] || !subjects["news.raw.b"] {
			t.Errorf("dead letters are from %v, want news.raw.a and news.raw.b", subjects)
		}
		if len(dlqMessages(t, c)) != 2 {
			t.Error("a dry run removed dead letters")
		}
	})
	t.Run("other stage matches nothing", func(t *testing.T) {
		n, err := bus.ReplayDLQ(ctx, c, bus.ReplayOptions{Stage: "sink"}, nil)
		if err != nil || n != 0 {
			t.Fatalf("replay sink = %d, %v; want 0", n, err)
		}
	})
	t.Run("replay with limit, then the rest", func(t *testing.T) {
		mu.Lock()
		fixed = true
		mu.Unlock()
		n, err := bus.ReplayDLQ(ctx, c, bus.ReplayOptions{Stage: "classifier", Limit: 1}, nil)
		if err != nil || n != 1 {
			t.Fatalf("replay = %d, %v; want 1", n, err)
		}
		if len(dlqMessages(t, c)) != 1 {
			t.Errorf("%d dead letters left, want 1", len(dlqMessages(t, c)))
		}
		n, err = bus.ReplayDLQ(ctx, c, bus.ReplayOptions{}, nil)
		if err != nil || n != 1 {
			t.Fatalf("replay = %d, %v; want 1", n, err)
		}
		eventually(t, 10*time.Second, "both replayed messages handled", func() bool {
			mu.Lock()
			defer mu.Unlock()
			return len(got) == 2
		})
		if left := dlqMessages(t, c); len(left) != 0 {
			t.Errorf("%d dead letters left after the replay", len(left))
		}
	})
}

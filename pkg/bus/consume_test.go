package bus_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
)

// eventually polls cond until it holds or the deadline passes.
func eventually(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", d, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func testConsumer(stage string) bus.ConsumerConfig {
	return bus.ConsumerConfig{
		Stream:        bus.StreamPages,
		Durable:       stage,
		FilterSubject: "news.raw.>",
		Stage:         stage,
		Workers:       4,
		AckWait:       2 * time.Second,
		MaxDeliver:    3,
		BackoffBase:   10 * time.Millisecond,
		BackoffMax:    50 * time.Millisecond,
		Grace:         2 * time.Second,
	}
}

// runConsumer runs Consume in the background and stops it at cleanup.
func runConsumer(t testing.TB, c *bus.Conn, cfg bus.ConsumerConfig, h bus.Handler) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Consume(ctx, cfg, h, bus.NewMetrics(prometheus.NewRegistry())) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("consume: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Errorf("consume did not return after cancel")
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func publish(t testing.TB, c *bus.Conn, subject, id, data string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.Publish(ctx, subject, id, []byte(data)); err != nil {
		t.Fatal(err)
	}
}

func dlqMessages(t testing.TB, c *bus.Conn) []jetstream.RawStreamMsg {
	t.Helper()
	ctx := context.Background()
	s, err := c.JS.Stream(ctx, bus.StreamDLQ)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []jetstream.RawStreamMsg
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if err != nil {
			continue
		}
		out = append(out, *m)
	}
	return out
}

func TestConsumeOutcomes(t *testing.T) {
	_, c := bustest.Start(t)
	var (
		mu       sync.Mutex
		acked    = map[string]bool{}
		attempts = map[string]int{}
	)
	h := func(ctx context.Context, m *bus.Msg) error {
		mu.Lock()
		defer mu.Unlock()
		body := string(m.Data)
		attempts[body]++
		switch body {
		case "ok":
			acked[body] = true
			return nil
		case "flaky":
			if attempts[body] < 2 {
				return errors.New("store unavailable")
			}
			acked[body] = true
			return nil
		case "poison":
			return bus.Permanent(fmt.Errorf("bad JSON"))
		case "always-fails":
			return errors.New("still down")
		}
		return nil
	}
	runConsumer(t, c, testConsumer("outcomes"), h)
	for _, body := range []string{"ok", "flaky", "poison", "always-fails"} {
		publish(t, c, "news.raw.test", body, body)
	}
	eventually(t, 10*time.Second, "two messages in the DLQ and two acked", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return acked["ok"] && acked["flaky"] && len(dlqMessages(t, c)) == 2
	})

	tests := []struct {
		body, errPart string
		deliveries    string
	}{
		{"poison", "bad JSON", "1"},
		{"always-fails", "gave up after 3 deliveries: still down", "3"},
	}
	dlq := dlqMessages(t, c)
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			var got *jetstream.RawStreamMsg
			for i := range dlq {
				if string(dlq[i].Data) == tt.body {
					got = &dlq[i]
				}
			}
			if got == nil {
				t.Fatalf("%s not in the DLQ", tt.body)
			}
			if got.Subject != "news.dlq.outcomes" {
				t.Errorf("subject = %q", got.Subject)
			}
			checks := map[string]string{
				bus.HeaderError:      tt.errPart,
				bus.HeaderSubject:    "news.raw.test",
				bus.HeaderStream:     bus.StreamPages,
				bus.HeaderStage:      "outcomes",
				bus.HeaderDeliveries: tt.deliveries,
				bus.HeaderMsgID:      tt.body, // the original Msg-Id survives
			}
			for k, want := range checks {
				if v := got.Header.Get(k); v != want && !(k == bus.HeaderError && strings.Contains(v, want)) {
					t.Errorf("header %s = %q, want %q", k, v, want)
				}
			}
		})
	}
	mu.Lock()
	defer mu.Unlock()
	if attempts["poison"] != 1 {
		t.Errorf("poison handled %d times, want 1 (no retry for permanent errors)", attempts["poison"])
	}
	if attempts["always-fails"] != 3 {
		t.Errorf("always-fails handled %d times, want 3 (MaxDeliver)", attempts["always-fails"])
	}
}

// A handler slower than AckWait keeps its message with InProgress: it is
// handled once, not redelivered to another worker meanwhile.
func TestConsumeInProgress(t *testing.T) {
	_, c := bustest.Start(t)
	cfg := testConsumer("slow")
	cfg.AckWait = 300 * time.Millisecond
	var calls atomic.Int32
	var done atomic.Bool
	runConsumer(t, c, cfg, func(ctx context.Context, m *bus.Msg) error {
		calls.Add(1)
		deadline := time.Now().Add(1200 * time.Millisecond) // four AckWaits
		for time.Now().Before(deadline) {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			time.Sleep(20 * time.Millisecond)
		}
		done.Store(true)
		return nil
	})
	publish(t, c, "news.raw.test", "slow-1", "slow")
	eventually(t, 10*time.Second, "slow handler done", done.Load)
	if n := calls.Load(); n != 1 {
		t.Errorf("handler called %d times, want 1", n)
	}
}

// Publishing the same Msg-Id twice stores one message.
func TestPublishDeduplicates(t *testing.T) {
	_, c := bustest.Start(t)
	publish(t, c, "news.raw.test", "page-1:hash-1", "a")
	publish(t, c, "news.raw.test", "page-1:hash-1", "a")
	publish(t, c, "news.raw.test", "page-1:hash-2", "b")
	s, err := c.JS.Stream(context.Background(), bus.StreamPages)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if info.State.Msgs != 2 {
		t.Errorf("stream holds %d messages, want 2", info.State.Msgs)
	}
}

// Stopping a consumer mid-stream and starting another on the same durable
// loses nothing: every message is acked exactly by someone.
func TestConsumeRestartLosesNothing(t *testing.T) {
	_, c := bustest.Start(t)
	const n = 200
	var mu sync.Mutex
	seen := map[string]int{}
	h := func(ctx context.Context, m *bus.Msg) error {
		mu.Lock()
		seen[string(m.Data)]++
		mu.Unlock()
		return nil
	}
	stop := runConsumer(t, c, testConsumer("restart"), h)
	for i := range n {
		publish(t, c, "news.raw.test", fmt.Sprint("m", i), fmt.Sprint("m", i))
		if i == n/3 {
			stop()
			runConsumer(t, c, testConsumer("restart"), h)
		}
	}
	eventually(t, 10*time.Second, "all messages handled", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(seen) == n
	})
}

func TestRedactURLs(t *testing.T) {
	// Connecting with a bad password must not print the password.
	srvURL := "nats://user:s3cret@127.0.0.1:1"
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := bus.Connect(ctx, bus.Config{URL: srvURL}, bustest.Logger(t))
	if err == nil {
		t.Fatal("connect to a closed port succeeded")
	}
	if strings.Contains(err.Error(), "s3cret") {
		t.Errorf("error leaks the password: %v", err)
	}
}

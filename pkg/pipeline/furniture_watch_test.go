package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// TestSharedMemoryWatchdog: a log consumer that silently stops
// delivering (after a NATS node's restart one can go on receiving
// heartbeats and no messages, and nats.go never makes it again) is
// replaced, and the log is applied on from where it stood, each
// observation once.
func TestSharedMemoryWatchdog(t *testing.T) {
	tests := []struct {
		name  string
		stall bool // stop the consumer behind the watchdog's back
	}{
		{"delivering", false},
		{"stalled", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, conn := bustest.Start(t)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			mem := clean.NewSourceMemory(clean.MemoryConfig{})
			s, stop, err := startSharedMemory(ctx, conn, mem, 1, bustest.Logger(t), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer stop()
			publish := func(i int) uint64 {
				t.Helper()
				data, err := json.Marshal(clean.Observation{Source: "wire", Page: fmt.Sprintf("p%d", i), Story: uint64(i), Blocks: []uint64{uint64(1000 + i)}})
				if err != nil {
					t.Fatal(err)
				}
				ack, err := conn.PublishAck(ctx, &nats.Msg{Subject: bus.SubjectFurniture("wire"), Data: data}, fmt.Sprintf("p%d", i))
				if err != nil {
					t.Fatal(err)
				}
				return ack.Sequence
			}
			last := publish(1)
			if err := s.wait(ctx, last, 10*time.Second); err != nil {
				t.Fatal(err)
			}
			if tt.stall {
				s.cc.Stop()
			}
			for i := 2; i <= 5; i++ {
				last = publish(i)
			}
			// Two watchdog periods and the consumer's start, with room
			// for a loaded machine.
			if err := s.wait(ctx, last, 4*watchEvery+10*time.Second); err != nil {
				t.Fatal(err)
			}
			if got := s.seq(); got != last {
				t.Errorf("applied to %d, want %d", got, last)
			}
			if st := mem.Stats(); st.Sources != 1 {
				t.Errorf("memory has %d sources, want 1", st.Sources)
			}
		})
	}
}

package pipeline

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

func TestDecodeObservations(t *testing.T) {
	tests := []struct {
		name, data string
		want       int // observations; -1 an error
	}{
		{"one observation, as the log held before batches", `{"source":"wire","page":"p1","story":1,"blocks":[7]}`, 1},
		{"a batch", `{"obs":[{"source":"wire","page":"p1","story":1,"blocks":[7]},{"source":"wire","page":"p2","story":2,"blocks":[7]}]}`, 2},
		{"neither", `{"x":1}`, -1},
		{"not JSON", `obs`, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			obs, err := decodeObservations([]byte(tt.data))
			switch {
			case tt.want < 0 && err == nil:
				t.Errorf("got %d observations, want an error", len(obs))
			case tt.want >= 0 && (err != nil || len(obs) != tt.want):
				t.Errorf("got %d observations (%v), want %d", len(obs), err, tt.want)
			}
		})
	}
}

// TestBatcher: observations go out in one message when every worker
// waits, when the batch is full, or after the linger, on their source's
// subject, or on the mixed one for several sources; a barrier with
// nothing to send reads the log's last sequence; the memory applies each
// observation of a batch.
func TestBatcher(t *testing.T) {
	tests := []struct {
		name     string
		workers  int
		max      int
		linger   time.Duration
		pages    int
		sources  int
		messages int // the log's messages after
	}{
		{"every worker waiting", 4, 64, time.Hour, 4, 1, 1},
		{"full batches", 100, 3, time.Hour, 6, 1, 2},
		{"linger", 100, 64, 200 * time.Millisecond, 5, 1, 1},
		{"two sources", 6, 64, time.Hour, 6, 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, conn := bustest.Start(t)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			mem := clean.NewSourceMemory(clean.MemoryConfig{})
			s, stop, err := startSharedMemory(ctx, conn, mem, tt.workers, bustest.Logger(t), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer stop()
			s.batch.max, s.batch.linger = tt.max, tt.linger
			seqs := make([]uint64, tt.pages)
			var wg sync.WaitGroup
			for i := range tt.pages {
				wg.Go(func() {
					// Three stories sharing block 7 make it furniture.
					o := clean.Observation{Source: fmt.Sprint("wire", i%tt.sources), Page: fmt.Sprintf("%016x", i+1), Story: uint64(i + 1), Blocks: []uint64{7, uint64(100 + i)}}
					seq, err := s.batch.add(&o).wait(ctx)
					if err != nil {
						t.Error(err)
					}
					seqs[i] = seq
				})
			}
			wg.Wait()
			info, err := s.furniture.Info(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if info.State.Msgs != uint64(tt.messages) {
				t.Errorf("%d messages in the log for %d pages, want %d", info.State.Msgs, tt.pages, tt.messages)
			}
			for i, seq := range seqs {
				if seq == 0 || seq > info.State.LastSeq {
					t.Errorf("page %d: sequence %d, the log's last is %d", i, seq, info.State.LastSeq)
				}
			}
			// A barrier alone, after the linger: the source's last
			// sequence.
			s.batch.mu.Lock()
			s.batch.linger = 10 * time.Millisecond
			s.batch.mu.Unlock()
			last, err := s.batch.add(nil).wait(ctx)
			if err != nil || last != info.State.LastSeq {
				t.Errorf("barrier: %d, %v; want %d", last, err, info.State.LastSeq)
			}
			if err := s.wait(ctx, last, 10*time.Second); err != nil {
				t.Fatal(err)
			}
			for src := range tt.sources {
				if n := mem.Furniture(fmt.Sprint("wire", src), []uint64{7}); n != 1 {
					t.Errorf("block 7 on %d pages' observations applied: furniture of wire%d %d, want 1", tt.pages, src, n)
				}
			}
			if st := mem.Stats(); st.Blocks != tt.pages+tt.sources {
				t.Errorf("memory holds %d blocks, want %d", st.Blocks, tt.pages+tt.sources)
			}
			subject := bus.SubjectFurniture("wire0")
			if tt.sources > 1 {
				subject = bus.SubjectFurnitureMixed
			}
			if m, err := s.furniture.GetLastMsgForSubject(ctx, subject); err != nil || m.Sequence != last {
				t.Errorf("last message on %s: %v, %v; want sequence %d", subject, m, err, last)
			}
		})
	}
}

package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// A classifier appends its pages' observations to the log a batch at a
// time, not one message a page: one message, its ack and its delivery to
// each replica were a third of a backfill's messages. A page hands its
// observation to the batch and waits; the batch goes out when it holds
// batchMax observations, batchLinger after its first, or at once when
// every worker of the classifier is waiting on the memory (nothing more
// is coming). One batch is in flight at a time: what comes meanwhile
// goes in the next. A batch of one source's pages goes on that source's
// subject; one of several sources' (batched per source, they were a
// page or two each) on SubjectFurnitureMixed.
//
// The second look after a page's result is published waits the same
// way, for a barrier: the ack of the next batch that goes out, which is
// later in the log than anything published before it, or when no
// observation is pending, one read of the log's last sequence for every
// page waiting then.
const (
	batchMax    = 64
	batchLinger = 20 * time.Millisecond
)

// obsBatch is one message of the log: observations, in the order they
// were recorded. A message of a single Observation (what
// the log held before batches) is read too.
type obsBatch struct {
	Obs []clean.Observation `json:"obs"`
}

// decodeObservations reads one message of the log.
func decodeObservations(data []byte) ([]clean.Observation, error) {
	var m struct {
		clean.Observation
		Obs []clean.Observation `json:"obs"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	if len(m.Obs) > 0 {
		return m.Obs, nil
	}
	if m.Source == "" {
		return nil, fmt.Errorf("neither an observation nor a batch of them")
	}
	return []clean.Observation{m.Observation}, nil
}

// ticket is a page waiting on the next flush: seq is the log sequence
// that flush reached, or err why it failed.
type ticket struct {
	seq  uint64
	err  error
	done chan struct{}
}

// wait waits for the flush, or for ctx.
func (t *ticket) wait(ctx context.Context) (uint64, error) {
	select {
	case <-t.done:
		return t.seq, t.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// batcher batches one classifier's appends to the log.
type batcher struct {
	s       *sharedMemory
	ctx     context.Context // the memory's lifetime; a flush outlives the page that started it
	workers int
	linger  time.Duration
	max     int
	sizes   prometheus.Observer // observations a batch; nil: not measured

	mu       sync.Mutex
	obs      []clean.Observation
	tickets  []*ticket // the observations' and the barriers'
	first    time.Time // when the first of them came
	timer    *time.Timer
	inFlight bool
	waiting  int // tickets not yet resolved, in flight too
}

func newBatcher(ctx context.Context, s *sharedMemory, workers int) *batcher {
	return &batcher{s: s, ctx: ctx, workers: max(1, workers), linger: batchLinger, max: batchMax}
}

// add hands o (nil: a barrier) to the next flush.
func (b *batcher) add(o *clean.Observation) *ticket {
	t := &ticket{done: make(chan struct{})}
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.tickets) == 0 {
		b.first = time.Now()
	}
	if o != nil {
		b.obs = append(b.obs, *o)
	}
	b.tickets = append(b.tickets, t)
	b.waiting++
	switch {
	case b.waiting >= b.workers || len(b.obs) >= b.max:
		// Full, or every worker waits on the memory: no page is being
		// cleaned that could join the batch.
		b.startLocked()
	case b.timer == nil && !b.inFlight:
		b.timerLocked(b.linger)
	}
	return t
}

func (b *batcher) timerLocked(d time.Duration) {
	b.timer = time.AfterFunc(d, func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.timer = nil
		b.startLocked()
	})
}

// startLocked sends what is pending, unless a flush is in flight (its
// end sends the rest).
func (b *batcher) startLocked() {
	if b.inFlight || len(b.tickets) == 0 {
		return
	}
	if b.timer != nil {
		b.timer.Stop()
		b.timer = nil
	}
	obs, tickets := b.obs, b.tickets
	b.obs, b.tickets = nil, nil
	b.inFlight = true
	go b.flush(obs, tickets)
}

// flush sends one batch and resolves its tickets.
func (b *batcher) flush(obs []clean.Observation, tickets []*ticket) {
	seq, err := b.send(obs)
	b.mu.Lock()
	b.inFlight = false
	if len(b.tickets) > 0 {
		// What came while this one was out.
		switch wait := b.linger - time.Since(b.first); {
		case wait <= 0 || len(b.obs) >= b.max || b.waiting >= b.workers:
			b.startLocked()
		case b.timer == nil:
			b.timerLocked(wait)
		}
	}
	b.waiting -= len(tickets)
	b.mu.Unlock()
	for _, t := range tickets {
		t.seq, t.err = seq, err
		close(t.done)
	}
}

// send appends obs to the log and returns the sequence of the batch; with
// none, it returns the log's last sequence.
func (b *batcher) send(obs []clean.Observation) (uint64, error) {
	ctx, cancel := context.WithTimeout(b.ctx, appendWait)
	defer cancel()
	if len(obs) == 0 {
		return b.s.lastSeq(ctx, "")
	}
	subject := bus.SubjectFurniture(obs[0].Source)
	for _, o := range obs[1:] {
		if o.Source != obs[0].Source {
			subject = bus.SubjectFurnitureMixed
			break
		}
	}
	data, err := json.Marshal(obsBatch{Obs: obs})
	if err != nil {
		return 0, fmt.Errorf("furniture log: %w", err)
	}
	if b.sizes != nil {
		b.sizes.Observe(float64(len(obs)))
	}
	// No Msg-Id: a redelivered page's observation goes out again in
	// another batch, and applying an observation again changes nothing.
	ack, err := b.s.conn.PublishAck(ctx, &nats.Msg{Subject: subject, Data: data}, "")
	if err != nil {
		return 0, fmt.Errorf("furniture log: %w", err)
	}
	return ack.Sequence, nil
}

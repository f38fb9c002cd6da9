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

// A classifier appends its pages' observations to the log a batch per
// source at a time, not one message a page: one message, its ack and
// its delivery to each replica were a third of a backfill's messages.
// A page hands its observation to its source's batch and waits; the
// batch goes out when it holds batchMax observations, batchLinger after
// its first, or at once when every worker of the classifier is waiting
// on the memory (nothing more is coming). One batch of a source is in
// flight at a time: what comes meanwhile goes in the next.
//
// The second look after a page's result is published waits the same
// way, for a barrier: the ack of the next batch of its source that goes
// out, which is later in the log than anything published before it, or
// when no observation is pending, one direct get of the source's last
// message for every page waiting then.
const (
	batchMax    = 64
	batchLinger = 20 * time.Millisecond
)

// obsBatch is one message of the log: observations of one source, in
// the order they were recorded. A message of a single Observation (what
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

// ticket is a page waiting on its source's next flush: seq is the log
// sequence that flush reached, or err why it failed.
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

// sourceBatch is what waits for one source's next flush.
type sourceBatch struct {
	source   string
	obs      []clean.Observation
	tickets  []*ticket // the observations' and the barriers'
	first    time.Time // when the first of them came
	timer    *time.Timer
	inFlight bool
}

// batcher batches one classifier's appends to the log.
type batcher struct {
	s       *sharedMemory
	ctx     context.Context // the memory's lifetime; a flush outlives the page that started it
	workers int
	linger  time.Duration
	max     int
	sizes   prometheus.Observer // observations a batch; nil: not measured

	mu      sync.Mutex
	sources map[string]*sourceBatch
	waiting int // tickets not yet resolved, over all sources
}

func newBatcher(ctx context.Context, s *sharedMemory, workers int) *batcher {
	return &batcher{s: s, ctx: ctx, workers: max(1, workers), linger: batchLinger, max: batchMax,
		sources: map[string]*sourceBatch{}}
}

// add hands o (nil: a barrier) to its source's next flush.
func (b *batcher) add(source string, o *clean.Observation) *ticket {
	t := &ticket{done: make(chan struct{})}
	b.mu.Lock()
	defer b.mu.Unlock()
	sb := b.sources[source]
	if sb == nil {
		sb = &sourceBatch{source: source}
		b.sources[source] = sb
	}
	if len(sb.tickets) == 0 {
		sb.first = time.Now()
	}
	if o != nil {
		sb.obs = append(sb.obs, *o)
	}
	sb.tickets = append(sb.tickets, t)
	b.waiting++
	switch {
	case b.waiting >= b.workers:
		// Every worker waits on the memory: no page is being cleaned
		// that could join a batch.
		for _, x := range b.sources {
			b.startLocked(x)
		}
	case len(sb.obs) >= b.max:
		b.startLocked(sb)
	case sb.timer == nil && !sb.inFlight:
		b.timerLocked(sb, b.linger)
	}
	return t
}

func (b *batcher) timerLocked(sb *sourceBatch, d time.Duration) {
	sb.timer = time.AfterFunc(d, func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		sb.timer = nil
		b.startLocked(sb)
	})
}

// startLocked sends what sb holds, unless a flush of it is in flight
// (its end sends the rest).
func (b *batcher) startLocked(sb *sourceBatch) {
	if sb.inFlight || len(sb.tickets) == 0 {
		return
	}
	if sb.timer != nil {
		sb.timer.Stop()
		sb.timer = nil
	}
	obs, tickets := sb.obs, sb.tickets
	sb.obs, sb.tickets = nil, nil
	sb.inFlight = true
	go b.flush(sb, obs, tickets)
}

// flush sends one batch and resolves its tickets.
func (b *batcher) flush(sb *sourceBatch, obs []clean.Observation, tickets []*ticket) {
	seq, err := b.send(sb.source, obs)
	b.mu.Lock()
	sb.inFlight = false
	if len(sb.tickets) > 0 {
		// What came while this one was out.
		switch wait := b.linger - time.Since(sb.first); {
		case wait <= 0 || len(sb.obs) >= b.max || b.waiting >= b.workers:
			b.startLocked(sb)
		case sb.timer == nil:
			b.timerLocked(sb, wait)
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
// none, it returns the source's last sequence in the log.
func (b *batcher) send(source string, obs []clean.Observation) (uint64, error) {
	ctx, cancel := context.WithTimeout(b.ctx, bus.PublishTimeout)
	defer cancel()
	if len(obs) == 0 {
		return b.s.lastSeq(ctx, source)
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
	ack, err := b.s.conn.PublishAck(ctx, &nats.Msg{Subject: bus.SubjectFurniture(source), Data: data}, "")
	if err != nil {
		return 0, fmt.Errorf("furniture log: %w", err)
	}
	return ack.Sequence, nil
}

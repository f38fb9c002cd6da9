package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// The classifiers' memory of recurring blocks is shared through stream
// FURNITURE, a log of observations: before cleaning a page, a classifier
// appends what the page teaches (a few hundred bytes: the fingerprints of
// its short blocks and its story), and every replica applies the log, in
// its order, to a memory of its own. Every replica so comes to the same
// memory whatever pages it cleaned itself; a new or restarted one reads the
// log from the start (bounded by the stream's limits) before it takes a
// page. Appends are batched (furniture_batch.go), with no
// compare-and-set: replicas never contend.
//
// A page cleaned before one of its blocks was known to be furniture kept
// it. The page whose observation makes a block furniture knows the pages
// that kept it (a few: those before the MinPages-th story), and its
// handler cleans them again from PAGES, so that the stored articles do not
// depend on the order pages came in. A second look after publishing
// catches a block learned by another replica while the page was cleaned.
// Of two classifications of one fetch, the store keeps the later.

// Bounds on waiting for the shared memory.
const (
	// memoryStartWait is how long a classifier reads the log at start
	// before it takes pages with what it has.
	memoryStartWait = 2 * time.Minute
	// memoryWait is how long a page waits for the log to reach its own
	// observation before it is cleaned with the memory as it is.
	memoryWait = 5 * time.Second
	// appendWait bounds one append of a batch to the log (or the read of
	// its last sequence), shorter than a publish's usual bound: every page
	// in the batch waits on it, and after a node's loss an append sent
	// to the old leader gets no ack. A page whose batch times out is
	// retried, and an observation appended twice changes nothing.
	appendWait = 5 * time.Second
)

// sharedMemory is one replica's view of the log, applied to mem.
type sharedMemory struct {
	conn *bus.Conn
	mem  *clean.SourceMemory
	log  *slog.Logger
	m    *ClassifierMetrics
	// furniture and pages are the streams, looked up once: a lookup is
	// a STREAM.INFO request, which the server answers by encoding the
	// stream's whole state, and pages are cleaned by the thousand.
	furniture, pages jetstream.Stream

	mu      sync.Mutex
	applied uint64        // last log sequence applied
	changed chan struct{} // closed and replaced when applied moves

	// applyMu makes apply one at a time: a replacement consumer may
	// start while the old one hands over a last message, and Observe is
	// not idempotent, so a sequence applied already is skipped.
	applyMu sync.Mutex
	// cc is the log's consumer; the watchdog alone replaces it.
	cc jetstream.ConsumeContext
	// batch appends the observations, and answers the second looks.
	batch *batcher
}

// startSharedMemory applies the log to mem from its start, in the
// background until stop is called, and returns once it has caught up with
// the log as it was (or after memoryStartWait). Stop it after the consume
// loop: the pages in hand at shutdown still wait on it. workers is how
// many pages the classifier handles at once: when all of them wait on
// the memory, a batch goes out without lingering.
func startSharedMemory(ctx context.Context, conn *bus.Conn, mem *clean.SourceMemory, workers int, log *slog.Logger, m *ClassifierMetrics) (s *sharedMemory, stop func(), err error) {
	s = &sharedMemory{conn: conn, mem: mem, log: log, m: m, changed: make(chan struct{})}
	if s.furniture, err = conn.JS.Stream(ctx, bus.StreamFurniture); err != nil {
		return nil, nil, fmt.Errorf("furniture log: %w", err)
	}
	if s.pages, err = conn.JS.Stream(ctx, bus.StreamPages); err != nil {
		return nil, nil, fmt.Errorf("furniture log: %w", err)
	}
	if s.cc, err = s.consume(ctx, 1); err != nil {
		return nil, nil, err
	}
	start := time.Now()
	last, err := s.lastSeq(ctx, "")
	if err == nil {
		err = s.wait(ctx, last, memoryStartWait)
	}
	if err != nil {
		log.Warn("furniture log not read to its end; cleaning with what was read", "err", err)
	}
	st := mem.Stats()
	log.Info("furniture log read", "seq", s.seq(), "took", time.Since(start).Round(time.Millisecond),
		"sources", st.Sources, "blocks", st.Blocks, "furniture", st.Furniture)
	wctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s.batch = newBatcher(wctx, s, workers)
	if m != nil {
		s.batch.sizes = m.memBatch
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.watch(wctx)
	}()
	stop = func() {
		cancel()
		<-done
		s.cc.Stop()
	}
	return s, stop, nil
}

// consume starts an ordered consumer of the log from sequence from.
func (s *sharedMemory) consume(ctx context.Context, from uint64) (jetstream.ConsumeContext, error) {
	cons, err := s.conn.JS.OrderedConsumer(ctx, bus.StreamFurniture, jetstream.OrderedConsumerConfig{
		DeliverPolicy: jetstream.DeliverByStartSequencePolicy,
		OptStartSeq:   from,
	})
	if err != nil {
		return nil, fmt.Errorf("furniture log: %w", err)
	}
	// With nats.go's default pull (15 s heartbeat) a pull lost to a
	// node's death went unnoticed for 30 s, and every page meanwhile
	// waited memoryWait twice for a log that did not move: a pipeline
	// that should ride out the loss of one node of three all but
	// stopped (the crash test's cluster_node_loss stored 4 pages in
	// 30 s). The ordered consumer makes a new consumer on a missed
	// heartbeat, so that it resumes within about 2*PullHeartbeat.
	cc, err := cons.Consume(s.apply,
		jetstream.PullExpiry(bus.PullExpiry),
		jetstream.PullHeartbeat(bus.PullHeartbeat),
		jetstream.ConsumeErrHandler(func(_ jetstream.ConsumeContext, err error) {
			// Rare outside a fault, and what to look at when the log
			// lags: a consumer nats.go fails to make again.
			s.log.Warn("furniture log consumer", "err", err)
		}))
	if err != nil {
		return nil, fmt.Errorf("furniture log: %w", err)
	}
	return cc, nil
}

// watchEvery is how often the watchdog compares the log with what is
// applied. It steps in only when the log was behind at two ticks in a
// row with nothing applied between them, longer than the ordered
// consumer's own recovery (a missed heartbeat, 2*PullHeartbeat), and
// not for a message that merely arrived just before a tick.
const watchEvery = 2 * bus.PullHeartbeat

// watch replaces the log's consumer when the log has moved on and
// nothing was applied for a whole period. After a cluster node restarts,
// a consumer can be left where heartbeats still arrive but messages no
// longer do: nats.go sees nothing wrong and never makes it again, and
// every page then waits memoryWait twice (the crash test's
// cluster_node_loss, 57 of 147 pages stored in a minute).
func (s *sharedMemory) watch(ctx context.Context) {
	t := time.NewTicker(watchEvery)
	defer t.Stop()
	prev, behind := s.seq(), false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		applied := s.seq()
		if applied != prev {
			prev, behind = applied, false
			continue
		}
		last, err := s.lastSeq(ctx, "")
		if err != nil || last <= applied {
			behind = false
			continue
		}
		if !behind {
			behind = true
			continue
		}
		behind = false
		s.log.Warn("furniture log stalled; consuming it again", "applied", applied, "last", last)
		s.m.memory("resubscribe")
		s.cc.Stop()
		cc, err := s.consume(ctx, applied+1)
		if err != nil {
			// Tried again at the next tick; pages meanwhile clean
			// with the memory as it is.
			s.log.Warn("furniture log: consuming again failed", "err", err)
			continue
		}
		s.cc = cc
	}
}

// apply applies one observation of the log.
func (s *sharedMemory) apply(msg jetstream.Msg) {
	meta, err := msg.Metadata()
	if err != nil {
		return
	}
	s.applyMu.Lock()
	defer s.applyMu.Unlock()
	if meta.Sequence.Stream <= s.seq() {
		return
	}
	obs, err := decodeObservations(msg.Data())
	if err != nil {
		s.log.Warn("furniture log: bad observation; skipped", "seq", meta.Sequence.Stream, "err", err)
	}
	for _, o := range obs {
		// A batch's observations share its position: what one of
		// them makes furniture is named by its page, not by it.
		s.mem.Observe(o, meta.Sequence.Stream)
	}
	s.mu.Lock()
	s.applied = meta.Sequence.Stream
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

func (s *sharedMemory) seq() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.applied
}

// wait waits until the log is applied up to seq, for at most d.
func (s *sharedMemory) wait(ctx context.Context, seq uint64, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		s.mu.Lock()
		applied, changed := s.applied, s.changed
		s.mu.Unlock()
		if applied >= seq {
			return nil
		}
		select {
		case <-changed:
		case <-t.C:
			return fmt.Errorf("furniture log applied to %d, not %d, after %v", applied, seq, d)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// lastSeq returns the log's last sequence, of source's subject when
// source is not "".
func (s *sharedMemory) lastSeq(ctx context.Context, source string) (uint64, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	st := s.furniture
	if source == "" {
		info, err := st.Info(ctx)
		if err != nil {
			return 0, fmt.Errorf("furniture log: %w", err)
		}
		return info.State.LastSeq, nil
	}
	m, err := st.GetLastMsgForSubject(ctx, bus.SubjectFurniture(source))
	if err != nil {
		return 0, fmt.Errorf("furniture log: %w", err)
	}
	return m.Sequence, nil
}

// observed is a page's observation and where it is in the log.
type observed struct {
	obs    clean.Observation
	at     uint64
	before int // how many of its blocks were furniture when it was cleaned
}

// classify classifies p, at seq in PAGES, recording its observation in
// the log first and cleaning it once the memory reflects it. It returns
// nil for a page dropped before cleaning, which teaches nothing.
func (s *sharedMemory) classify(ctx context.Context, cl *classify.Classifier, p *article.Page, seq uint64, now time.Time) (classify.Result, *observed, error) {
	var o *observed
	res, err := cl.ClassifyShared(ctx, p, now, func(ctx context.Context, obs clean.Observation) error {
		obs.Seq = seq
		at, err := s.batch.add(&obs).wait(ctx)
		if err != nil {
			return err
		}
		if err := s.wait(ctx, at, memoryWait); err != nil {
			if ctx.Err() != nil {
				return err
			}
			// Never hold a page for the log: clean it with what this
			// replica knows, and say so.
			s.m.memory("lagging")
			s.log.Warn("furniture log lagging; cleaning with the memory as it is", "url", p.URL, "err", err)
		}
		o = &observed{obs: obs, at: at, before: s.mem.Furniture(obs.Source, obs.Blocks)}
		return nil
	})
	return res, o, err
}

// settle is the rest of a page's handling once its result is published:
// clean again the pages that kept what it taught, and look again at the
// page itself if a block it kept was learned meanwhile.
func (s *sharedMemory) settle(ctx context.Context, c *Classifier, p *article.Page, o *observed) error {
	for _, ref := range s.mem.Learned(o.obs) {
		if err := s.reclean(ctx, c, ref); err != nil {
			return err
		}
	}
	// The log as it stands now, after the result: the next flush says
	// how far it reaches.
	last, err := s.batch.add(nil).wait(ctx)
	if err == nil {
		err = s.wait(ctx, last, memoryWait)
	}
	if err != nil {
		// The page stands as cleaned; a block learned meanwhile cleans
		// it again from the page that taught it, unless that page was
		// cleaned on a lagging view too.
		s.log.Debug("furniture log: no second look", "url", p.URL, "err", err)
		return nil
	}
	if s.mem.Furniture(o.obs.Source, o.obs.Blocks) == o.before {
		return nil
	}
	s.m.memory("second_look")
	res, err := c.cl.ClassifyShared(ctx, p, time.Now().UTC(), nil)
	if err != nil {
		return fmt.Errorf("classify %s again: %w", p.URL, err)
	}
	// Its own Msg-Id: another replica may have published the same
	// article already, and this one's later classification must reach
	// the store after the stale one it replaces.
	_, err = c.publish(ctx, p, res, time.Now().UTC(), ":again")
	return err
}

// reclean classifies the page at ref again and publishes the result.
func (s *sharedMemory) reclean(ctx context.Context, c *Classifier, ref clean.PageRef) error {
	gctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	var data []byte
	msg, err := s.pages.GetMsg(gctx, ref.Seq)
	switch {
	case err == nil:
		data = msg.Data
	case errors.Is(err, jetstream.ErrMsgNotFound):
		// A direct get may be answered by a replica still catching
		// up: the leader says whether the page is gone.
		data, err = s.conn.GetMsgFromLeader(gctx, bus.StreamPages, ref.Seq)
	}
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		s.m.memory("reclean_gone")
		return nil
	}
	if err != nil {
		return fmt.Errorf("clean page %s again: %w", ref.ID, err)
	}
	q, err := article.DecodePage(data)
	if err != nil || q.ID != ref.ID {
		s.m.memory("reclean_gone")
		return nil
	}
	now := time.Now().UTC()
	res, err := c.cl.ClassifyShared(ctx, q, now, nil)
	if err != nil {
		return fmt.Errorf("clean page %s again: %w", q.URL, err)
	}
	s.m.memory("reclean")
	_, err = c.publish(ctx, q, res, now, "")
	return err
}

package sink

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// pinger is a store that can say whether it answers (both of wiredesk's
// backends can).
type pinger interface {
	Ping(ctx context.Context) error
}

// Waits between commits while the store does not answer.
const (
	storeWaitMin = 500 * time.Millisecond
	storeWaitMax = 10 * time.Second
)

// commit stores batch and tells each handler how it went.
//
// While the store does not answer, commit waits and tries again instead
// of failing the handlers: a failed handler naks its message, and an
// outage longer than the redelivery budget would send good articles to
// the DLQ. The handlers keep their messages alive meanwhile, and
// MaxAckPending bounds how many wait.
//
// When the store answers but refuses the batch, the articles are tried
// one at a time, so that one article the store cannot take does not fail
// the others with it.
func (s *Sink) commit(ctx context.Context, batch []request) {
	arts := make([]*article.Article, len(batch))
	docs := make([][]byte, len(batch))
	for i, r := range batch {
		arts[i], docs[i] = r.a, r.data
	}
	outcomes, err := s.put(ctx, arts, docs)
	wait := storeWaitMin
	for err != nil && ctx.Err() == nil && s.unavailable(ctx) {
		if !s.down {
			s.down = true
			s.log.Warn("store not answering; holding the batch until it does", "articles", len(batch), "err", err)
		}
		s.m.storeWait()
		if !sleep(ctx, wait) {
			break
		}
		wait = min(2*wait, storeWaitMax)
		outcomes, err = s.put(ctx, arts, docs)
	}
	if err == nil && s.down {
		s.down = false
		s.log.Info("store answering again")
	}
	if err != nil && len(batch) > 1 && ctx.Err() == nil {
		s.log.Warn("store refused a batch; committing its articles one by one", "articles", len(batch), "err", err)
		for i := range batch {
			s.commit(ctx, batch[i:i+1])
		}
		return
	}
	if err != nil {
		err = fmt.Errorf("commit batch of %d: %w", len(batch), err)
		if errors.Is(err, store.ErrUnstorable) {
			// No redelivery can store it: straight to the DLQ, with the
			// reason, instead of MaxDeliver attempts first.
			err = bus.Permanent(err)
		}
		s.m.count("error")
	} else {
		s.committed.Add(int64(len(batch)))
	}
	for i, r := range batch {
		if err == nil {
			s.m.outcome(outcomes[i])
		}
		r.done <- err
	}
}

// put is one attempt at committing arts, with their messages as docs
// (nil where the sink holds none) for a store that keeps them as they
// are. Shutdown does not cut it short: the handlers are waiting on it.
func (s *Sink) put(ctx context.Context, arts []*article.Article, docs [][]byte) ([]store.Outcome, error) {
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	start := time.Now()
	var outcomes []store.Outcome
	var err error
	if e, ok := s.w.(store.Encoded); ok {
		outcomes, err = e.PutEncoded(cctx, arts, docs)
	} else {
		outcomes, err = s.w.Put(cctx, arts)
	}
	s.m.observeBatch(len(arts), time.Since(start))
	if err == nil && len(outcomes) != len(arts) {
		err = fmt.Errorf("store returned %d outcomes for %d articles", len(outcomes), len(arts))
	}
	return outcomes, err
}

// unavailable reports whether the store does not answer. A store that
// cannot say is taken to answer: its errors then go to the handlers.
func (s *Sink) unavailable(ctx context.Context) bool {
	p, ok := s.w.(pinger)
	if !ok {
		return false
	}
	pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return p.Ping(pctx) != nil
}

// sleep waits d and reports whether ctx is still live.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// Package sink is the stage that commits cleaned articles to the store.
// Handlers block until their article's batch is committed, so that the
// consume loop acks only what is durable; batching amortises one
// transaction over many messages.
package sink

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// Writer is what the sink needs of a store.
type Writer interface {
	Put(ctx context.Context, batch []*article.Article) ([]store.Outcome, error)
}

// Config tunes batching.
type Config struct {
	// BatchSize commits once this many articles wait.
	BatchSize int
	// BatchWait commits a partial batch after this long, bounding latency.
	BatchWait time.Duration
	// StoreAll stores irrelevant articles too (with their score).
	StoreAll bool
}

// Sink batches articles into the store.
type Sink struct {
	cfg Config
	w   Writer
	log *slog.Logger
	m   *Metrics
	in  chan request
	// down is whether the last commit found the store not answering;
	// only Run's goroutine touches it.
	down bool
	// committed counts the articles committed since New, for the
	// shutdown log.
	committed atomic.Int64
}

// Committed returns how many articles the sink has committed (inserted,
// updated or found unchanged) since it was made.
func (s *Sink) Committed() int64 { return s.committed.Load() }

type request struct {
	// a is the article; nil for an irrelevant one not yet decoded, of
	// which id and data stand in until the store is found to hold it.
	a  *article.Article
	id string
	// data is the message when a classifier published it (its headers
	// name the article): json.Marshal's encoding of the article, which
	// the store keeps as the document instead of encoding it again. A
	// message without the headers (a replay from the DLQ, or anything
	// else published on news.clean) is stored as the sink decoded it.
	data []byte
	// irrelevant is stored only if the store holds the article already.
	irrelevant bool
	done       chan error
}

// New returns a sink; call Run to start committing.
func New(cfg Config, w Writer, log *slog.Logger, m *Metrics) *Sink {
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 256
	}
	if cfg.BatchWait <= 0 {
		cfg.BatchWait = 50 * time.Millisecond
	}
	return &Sink{cfg: cfg, w: w, log: log, m: m, in: make(chan request)}
}

// Handle is the sink's bus.Handler.
func (s *Sink) Handle(ctx context.Context, m *bus.Msg) error {
	// An irrelevant article is stored only as a revision of one the
	// store holds: a newer classification (a retuned profile, a higher
	// threshold) that finds it irrelevant says so, instead of leaving it
	// relevant in the store. Its batch asks about them all at once. Half
	// of what a sink takes is irrelevant and almost none of it is held:
	// the classifier's headers name it, and it is decoded only if held.
	req := request{done: make(chan error, 1)}
	id := m.Header.Get(bus.HeaderArticleID)
	if id != "" && m.Header.Get(bus.HeaderRelevant) == "false" && !s.cfg.StoreAll {
		req.id, req.data, req.irrelevant = id, m.Data, true
	} else {
		a, err := article.DecodeArticle(m.Data)
		if err != nil {
			return bus.Permanent(err)
		}
		req.a, req.id, req.irrelevant = a, a.ID, !a.Relevance.Relevant && !s.cfg.StoreAll
		if id == a.ID {
			req.data = m.Data
		}
	}
	select {
	case s.in <- req:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-req.done:
		return err
	case <-ctx.Done():
		// The batch may still commit; if it does, the redelivery is a no-op.
		return ctx.Err()
	}
}

// haver is a store that can say which articles it holds (both of
// wiredesk's backends can). Half of what a sink takes is irrelevant and
// asked about: once a batch, without reading the articles.
type haver interface {
	Has(ctx context.Context, ids []string) (map[string]bool, error)
}

// skipUnknown settles the irrelevant articles of batch that are not
// stored, neither in the store nor earlier in the batch, and returns the
// rest to commit. If the store cannot say, the irrelevant articles fail
// and come back. A store that cannot say at all holds nothing the sink
// need revise.
func (s *Sink) skipUnknown(ctx context.Context, batch []request) []request {
	var ids []string
	for _, r := range batch {
		if r.irrelevant {
			ids = append(ids, r.id)
		}
	}
	if len(ids) == 0 {
		return batch
	}
	held := map[string]bool{}
	if h, ok := s.w.(haver); ok {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		var err error
		held, err = h.Has(cctx, ids)
		cancel()
		if err != nil {
			err = fmt.Errorf("look up %d irrelevant articles: %w", len(ids), err)
			kept := batch[:0:0]
			for _, r := range batch {
				if r.irrelevant {
					r.done <- err
				} else {
					kept = append(kept, r)
				}
			}
			return kept
		}
	}
	kept := batch[:0:0]
	for _, r := range batch {
		if r.irrelevant && !held[r.id] {
			s.m.count("skipped_irrelevant")
			r.done <- nil
			continue
		}
		if r.a == nil {
			a, err := decodeAs(r.data, r.id)
			if err != nil {
				r.done <- bus.Permanent(err)
				continue
			}
			r.a = a
		}
		held[r.id] = true
		kept = append(kept, r)
	}
	return kept
}

// decodeAs decodes an article whose headers said it is id and irrelevant;
// an article that is not what they said is refused, as it would be
// stored under an id other than the one looked up.
func decodeAs(data []byte, id string) (*article.Article, error) {
	a, err := article.DecodeArticle(data)
	if err != nil {
		return nil, err
	}
	if a.ID != id || a.Relevance.Relevant {
		return nil, fmt.Errorf("article %s: its headers say %s, irrelevant", a.ID, id)
	}
	return a, nil
}

// Run commits batches until ctx is done. Stop it only after the consume
// loop has returned, so that no handler waits on a batch that never comes.
func (s *Sink) Run(ctx context.Context) error {
	batch := make([]request, 0, s.cfg.BatchSize)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	flush := func() {
		if len(batch) == 0 {
			return
		}
		if kept := s.skipUnknown(ctx, batch); len(kept) > 0 {
			s.commit(ctx, kept)
		}
		batch = batch[:0]
	}
	for {
		select {
		case <-ctx.Done():
			flush()
			return nil
		case req := <-s.in:
			if len(batch) == 0 {
				timer.Reset(s.cfg.BatchWait)
			}
			batch = append(batch, req)
			if len(batch) >= s.cfg.BatchSize {
				timer.Stop()
				flush()
			}
		case <-timer.C:
			flush()
		}
	}
}

// Metrics counts what the sink stored.
type Metrics struct {
	articles *prometheus.CounterVec
	batch    prometheus.Histogram
	commit   prometheus.Histogram
	waits    prometheus.Counter
}

// NewMetrics registers the sink's metrics on reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wiredesk_sink_articles_total",
			Help: "Articles by outcome: inserted, updated, unchanged, skipped_irrelevant, error.",
		}, []string{"outcome"}),
		batch: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "wiredesk_sink_batch_size",
			Help:    "Articles per committed batch.",
			Buckets: prometheus.ExponentialBuckets(1, 2, 11),
		}),
		commit: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "wiredesk_sink_commit_seconds",
			Help:    "Time to commit one batch.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
		}),
	}
	m.waits = prometheus.NewCounter(prometheus.CounterOpts{
		Name: "wiredesk_sink_store_waits_total",
		Help: "Commits retried because the store did not answer.",
	})
	reg.MustRegister(m.articles, m.batch, m.commit, m.waits)
	return m
}

func (m *Metrics) count(outcome string) {
	if m != nil {
		m.articles.WithLabelValues(outcome).Inc()
	}
}

func (m *Metrics) outcome(o store.Outcome) {
	switch o {
	case store.Inserted:
		m.count("inserted")
	case store.Updated:
		m.count("updated")
	case store.Unchanged:
		m.count("unchanged")
	}
}

func (m *Metrics) storeWait() {
	if m != nil {
		m.waits.Inc()
	}
}

func (m *Metrics) observeBatch(n int, d time.Duration) {
	if m != nil {
		m.batch.Observe(float64(n))
		m.commit.Observe(d.Seconds())
	}
}

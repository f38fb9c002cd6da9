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
	a    *article.Article
	done chan error
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
	a, err := article.DecodeArticle(m.Data)
	if err != nil {
		return bus.Permanent(err)
	}
	if !a.Relevance.Relevant && !s.cfg.StoreAll {
		known, err := s.known(ctx, a.ID)
		if err != nil {
			return err
		}
		if !known {
			s.m.count("skipped_irrelevant")
			return nil
		}
		// A stored article that a newer classification (a retuned
		// profile, a higher threshold) finds irrelevant gets a revision
		// that says so, instead of staying relevant in the store.
	}
	req := request{a: a, done: make(chan error, 1)}
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

// haver is a store that can say whether it holds an article (both of
// wiredesk's backends can). Half of what a sink takes is irrelevant and
// asked about, so it asks without reading the article.
type haver interface {
	Has(ctx context.Context, id string) (bool, error)
}

// known reports whether the store holds article id. A store that cannot
// say holds nothing the sink need revise.
func (s *Sink) known(ctx context.Context, id string) (bool, error) {
	h, ok := s.w.(haver)
	if !ok {
		return false, nil
	}
	has, err := h.Has(ctx, id)
	if err != nil {
		return false, fmt.Errorf("look up article %s: %w", id, err)
	}
	return has, nil
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
		s.commit(ctx, batch)
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

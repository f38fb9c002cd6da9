package fetch

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"sync"
	"sync/atomic"
	"time"
)

// Publisher publishes one message with a deduplication id, returning once
// the bus has stored it. *bus.Conn is one.
type Publisher interface {
	Publish(ctx context.Context, subject, msgID string, data []byte) error
}

// Stats counts what polls did.
type Stats struct {
	Feeds       int // feeds, sitemaps and listing pages read
	Discovered  int // distinct article URLs found
	Fetched     int // article pages downloaded (200)
	Published   int // new or changed pages published
	Unchanged   int // downloaded, same content as last time
	NotModified int // 304 on a conditional GET
	Skipped     int // robots, foreign host, not HTML, bad charset
	Errors      int
}

type counters struct {
	feeds, discovered, fetched, published, unchanged, notModified, skipped, errors atomic.Int64
}

func (c *counters) stats() Stats {
	return Stats{
		Feeds: int(c.feeds.Load()), Discovered: int(c.discovered.Load()), Fetched: int(c.fetched.Load()),
		Published: int(c.published.Load()), Unchanged: int(c.unchanged.Load()),
		NotModified: int(c.notModified.Load()), Skipped: int(c.skipped.Load()), Errors: int(c.errors.Load()),
	}
}

// Fetcher polls sources and publishes their pages. It is safe for
// concurrent use.
type Fetcher struct {
	cfg    Config
	pub    Publisher
	seen   KV
	log    *slog.Logger
	m      *Metrics
	client *client
	hosts  hosts
	slots  chan struct{}
	now    func() time.Time
}

// New returns a fetcher that publishes to pub and remembers what it saw in
// seen (the wiredesk_seen bucket; nil remembers nothing). m may be nil.
func New(cfg Config, pub Publisher, seen KV, log *slog.Logger, m *Metrics) *Fetcher {
	cfg = cfg.withDefaults()
	return &Fetcher{
		cfg: cfg, pub: pub, seen: seen, log: log, m: m,
		client: newClient(cfg),
		slots:  make(chan struct{}, cfg.Concurrency),
		now:    time.Now,
	}
}

// PollAll polls every source once, concurrently, and returns when all are
// done. Failures of single URLs are counted and logged, not returned: one
// broken page must not stop a poll. The error is the context's.
func (f *Fetcher) PollAll(ctx context.Context, sources []Source) (Stats, error) {
	var c counters
	var wg sync.WaitGroup
	for i := range sources {
		wg.Go(func() { f.pollSource(ctx, &sources[i], &c) })
	}
	wg.Wait()
	return c.stats(), ctx.Err()
}

// Run polls each source every interval, with jitter, until ctx ends.
func (f *Fetcher) Run(ctx context.Context, sources []Source) error {
	var wg sync.WaitGroup
	for i := range sources {
		src := &sources[i]
		wg.Go(func() {
			interval := src.Interval
			if interval <= 0 {
				interval = DefaultInterval
			}
			// A random first delay keeps replicas and restarts from
			// hitting every site at once.
			wait := jitter(interval, 1) / 10
			for {
				if sleepCtx(ctx, wait) != nil {
					return
				}
				var c counters
				f.pollSource(ctx, src, &c)
				st := c.stats()
				if ctx.Err() != nil {
					// Shutdown cut the poll short: it is not done.
					f.log.Info("poll stopped before it finished", "source", src.ID, "published", st.Published, "errors", st.Errors)
					return
				}
				f.log.Info("poll done", "source", src.ID, "discovered", st.Discovered,
					"published", st.Published, "unchanged", st.Unchanged+st.NotModified,
					"skipped", st.Skipped, "errors", st.Errors)
				wait = interval - time.Duration(float64(interval)*f.cfg.Jitter/2) + jitter(interval, f.cfg.Jitter)
			}
		})
	}
	wg.Wait()
	return nil
}

// jitter returns a random duration in [0, frac*d).
func jitter(d time.Duration, frac float64) time.Duration {
	n := int64(float64(d) * frac)
	if n <= 0 {
		return 0
	}
	return time.Duration(rand.Int64N(n))
}

// pollSource discovers the source's article URLs and processes each:
// discovery feeds a bounded queue that Concurrency workers drain, so a
// poll holds a fixed number of goroutines however many URLs a site lists.
func (f *Fetcher) pollSource(ctx context.Context, src *Source, c *counters) {
	start := time.Now()
	defer func() { f.m.poll(src.ID, time.Since(start)) }()
	queue := make(chan link, f.cfg.Concurrency)
	var wg sync.WaitGroup
	for range f.cfg.Concurrency {
		wg.Go(func() {
			for l := range queue {
				f.processLink(ctx, src, l, c)
			}
		})
	}
	f.discover(ctx, src, c, queue)
	close(queue)
	wg.Wait()
}

// do fetches u for src, politely: robots.txt, the host's rate, and a
// global slot for each attempt. Redirect targets pass the same checks.
func (f *Fetcher) do(ctx context.Context, src *Source, u *url.URL, cond conditional, kind string, consume func(base *url.URL, body io.Reader) error) (*response, error) {
	if err := f.check(ctx, src, u); err != nil {
		return nil, err
	}
	start := time.Now()
	defer func() { f.m.request(kind, time.Since(start)) }()
	req := request{u: u, cond: cond, gate: f.gate(f.hosts.get(u, src.Rate), true), consume: consume,
		check: func(ctx context.Context, u *url.URL) error { return f.check(ctx, src, u) }}
	if kind == "sitemap" {
		req.maxBody = f.bodyCap(kind)
	}
	return f.client.get(ctx, req)
}

// bodyCap is the most bytes read of a response of kind: sitemaps may be as
// large as their protocol allows.
func (f *Fetcher) bodyCap(kind string) int64 {
	if kind == "sitemap" {
		return max(maxSitemap, f.cfg.MaxBody)
	}
	return f.cfg.MaxBody
}

// check says whether src may fetch u: its hosts, and robots.txt.
func (f *Fetcher) check(ctx context.Context, src *Source, u *url.URL) error {
	if !src.Allowed(u) {
		return errNotAllowed
	}
	if f.cfg.IgnoreRobots {
		return nil
	}
	hs := f.hosts.get(u, src.Rate)
	ok, err := hs.allowed(ctx, u, f.cfg.UserAgent, func(ctx context.Context, ru *url.URL) (int, []byte, error) {
		return f.robots(ctx, hs, ru)
	})
	if err != nil {
		return err
	}
	if !ok {
		return errRobots
	}
	return nil
}

// gate waits for the host's turn and, when slot is set, for one of the
// global slots. robots.txt fetches take no slot: they may run while the
// request that redirected holds one, and must not wait on it.
func (f *Fetcher) gate(hs *host, slot bool) gate {
	return func(ctx context.Context) (func(), error) {
		if err := hs.wait(ctx); err != nil {
			return nil, err
		}
		if !slot {
			return func() {}, nil
		}
		select {
		case f.slots <- struct{}{}:
			return func() { <-f.slots }, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// robots fetches a robots.txt. Only network failures are errors: an HTTP
// status, even 5xx after retries, is an answer robotstxt interprets.
func (f *Fetcher) robots(ctx context.Context, hs *host, u *url.URL) (int, []byte, error) {
	start := time.Now()
	defer func() { f.m.request("robots", time.Since(start)) }()
	r, err := f.client.get(ctx, request{u: u, gate: f.gate(hs, false)})
	var se *statusError
	switch {
	case errors.As(err, &se):
		return se.Code, nil, nil
	case err != nil:
		return 0, nil, err
	}
	return r.Status, r.Body, nil
}

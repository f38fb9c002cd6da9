package fetch

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics are the fetcher's Prometheus metrics. A nil *Metrics records
// nothing.
type Metrics struct {
	pages    *prometheus.CounterVec
	skipped  *prometheus.CounterVec
	errors   *prometheus.CounterVec
	requests *prometheus.HistogramVec
	polls    *prometheus.HistogramVec
	caps     *prometheus.CounterVec
}

// NewMetrics registers the fetcher's metrics with reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		pages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wiredesk_fetcher_pages_total",
			Help: "Article URLs processed, by source and outcome (published, unchanged, not_modified, skipped, error).",
		}, []string{"source", "outcome"}),
		skipped: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wiredesk_fetcher_skipped_total",
			Help: "URLs not fetched or not published, by reason (robots, host, content_type, charset, encoding).",
		}, []string{"source", "reason"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wiredesk_fetcher_errors_total",
			Help: "Failures by source and class (http_4xx, http_5xx, network, timeout, redirect, parse, too_large, publish, kv).",
		}, []string{"source", "class"}),
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "wiredesk_fetcher_request_seconds",
			Help:    "HTTP request latency, retries included, by kind (page, feed, sitemap, listing, robots).",
			Buckets: prometheus.ExponentialBuckets(0.01, 2.5, 10),
		}, []string{"kind"}),
		polls: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "wiredesk_fetcher_poll_seconds",
			Help:    "Duration of one poll of a source.",
			Buckets: prometheus.ExponentialBuckets(0.1, 2.5, 10),
		}, []string{"source"}),
		caps: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wiredesk_fetcher_capped_total",
			Help: "What discovery left out at a cap, by source and cap: URLs beyond fetcher.max_poll_urls (poll_urls, fetched at a later poll), the oldest URLs beyond fetcher.max_sitemap_urls (sitemap_urls), child sitemaps beyond fetcher.max_sitemap_children (sitemap_children), sitemaps cut at their size cap (sitemap_size), pages whose last blocks were cut to fit the bus's max payload (page_payload).",
		}, []string{"source", "cap"}),
	}
	reg.MustRegister(m.pages, m.skipped, m.errors, m.requests, m.polls, m.caps)
	return m
}

func (m *Metrics) page(source, outcome string) {
	if m != nil {
		m.pages.WithLabelValues(source, outcome).Inc()
	}
}

func (m *Metrics) skip(source, reason string) {
	if m != nil {
		m.skipped.WithLabelValues(source, reason).Inc()
	}
}

func (m *Metrics) fail(source, class string) {
	if m != nil {
		m.errors.WithLabelValues(source, class).Inc()
	}
}

func (m *Metrics) request(kind string, d time.Duration) {
	if m != nil {
		m.requests.WithLabelValues(kind).Observe(d.Seconds())
	}
}

func (m *Metrics) poll(source string, d time.Duration) {
	if m != nil {
		m.polls.WithLabelValues(source).Observe(d.Seconds())
	}
}

func (m *Metrics) capped(source, cap string, n int) {
	if m != nil && n > 0 {
		m.caps.WithLabelValues(source, cap).Add(float64(n))
	}
}

package fetch

import "github.com/prometheus/client_golang/prometheus"

// BackfillMetrics are the backfill's Prometheus metrics. A nil
// *BackfillMetrics records nothing.
type BackfillMetrics struct {
	records *prometheus.CounterVec
	bytes   prometheus.Counter
	files   *prometheus.CounterVec
}

// NewBackfillMetrics registers the backfill's metrics with reg.
func NewBackfillMetrics(reg prometheus.Registerer) *BackfillMetrics {
	m := &BackfillMetrics{
		records: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wiredesk_backfill_records_total",
			Help: "WARC records read, by outcome: published, unchanged (the URL was published before), error, or why the record was skipped (host, record_type, not_html, status, too_large, inflate_limit, truncated, content_length, bad_header, http_header, bad_uri, extract).",
		}, []string{"outcome"}),
		bytes: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "wiredesk_backfill_bytes_total",
			Help: "Bytes of WARC files read (as stored, compressed or not).",
		}),
		files: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wiredesk_backfill_files_total",
			Help: "WARC files finished, by outcome (done, failed).",
		}, []string{"outcome"}),
	}
	reg.MustRegister(m.records, m.bytes, m.files)
	return m
}

func (m *BackfillMetrics) record(outcome string, size int64) {
	if m != nil {
		m.records.WithLabelValues(outcome).Inc()
		m.bytes.Add(float64(size))
	}
}

func (m *BackfillMetrics) file(outcome string) {
	if m != nil {
		m.files.WithLabelValues(outcome).Inc()
	}
}

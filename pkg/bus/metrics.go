package bus

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metrics counts what the consume loop did with each message.
type Metrics struct {
	messages *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

// NewMetrics registers the consume loop's metrics on reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		messages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wiredesk_bus_messages_total",
			Help: "Messages handled by the consume loop, by stage and outcome (ack, nak, term).",
		}, []string{"stage", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "wiredesk_bus_handle_seconds",
			Help:    "Time from delivery to ack, nak or term, by stage.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
		}, []string{"stage"}),
	}
	reg.MustRegister(m.messages, m.latency)
	return m
}

func (m *Metrics) observe(stage, outcome string, d time.Duration) {
	if m == nil {
		return
	}
	m.messages.WithLabelValues(stage, outcome).Inc()
	m.latency.WithLabelValues(stage).Observe(d.Seconds())
}

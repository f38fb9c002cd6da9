// Package pipeline wires wiredesk's stages to the bus. The separate
// services and the all-in-one run the same code from here, so that what is
// tested in one process is what runs in three.
package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/classify"
)

// Durable consumer names, shared by every replica of a stage.
const (
	DurableClassifier = "classifier"
	DurableSink       = "sink"
)

// ClassifierConsumer is the classifier's durable consumer on PAGES.
func ClassifierConsumer(workers int) bus.ConsumerConfig {
	return bus.ConsumerConfig{
		Stream:        bus.StreamPages,
		Durable:       DurableClassifier,
		FilterSubject: bus.SubjectRaw(">"),
		Stage:         "classifier",
		Workers:       workers,
		MaxAckPending: max(64, workers*8),
	}
}

// SinkConsumer is the sink's durable consumer on ARTICLES. Its workers
// mostly wait for their batch to commit, so there are many of them.
func SinkConsumer(workers int) bus.ConsumerConfig {
	return bus.ConsumerConfig{
		Stream:        bus.StreamArticles,
		Durable:       DurableSink,
		FilterSubject: "news.clean.>",
		Stage:         "sink",
		Workers:       workers,
		MaxAckPending: max(512, workers*2),
	}
}

// Output is one classifier result as it goes on the bus.
type Output struct {
	Subject string
	MsgID   string
	Message any
}

// Route returns where a classifier result is published.
func Route(res classify.Result) (Output, error) {
	switch {
	case res.Article != nil:
		a := res.Article
		return Output{bus.SubjectClean(a.Lang, a.Source), article.MsgID(a.ID, a.ContentHash), a}, nil
	case res.Drop != nil:
		d := res.Drop
		return Output{bus.SubjectDropped(d.Reason), article.MsgID(d.ID, d.ContentHash), d}, nil
	}
	return Output{}, fmt.Errorf("classifier returned neither an article nor a drop")
}

// Classifier is the classifier stage: page/v1 in, article/v1 or drop/v1 out.
type Classifier struct {
	cl     *classify.Classifier
	conn   *bus.Conn
	log    *slog.Logger
	m      *ClassifierMetrics
	shared *sharedMemory // nil: the classifier's memory is its own, or off
}

// NewClassifier returns the stage around cl.
func NewClassifier(cl *classify.Classifier, conn *bus.Conn, log *slog.Logger, m *ClassifierMetrics) *Classifier {
	return &Classifier{cl: cl, conn: conn, log: log, m: m}
}

// Handle is the classifier's bus.Handler.
func (c *Classifier) Handle(ctx context.Context, m *bus.Msg) error {
	p, err := article.DecodePage(m.Data)
	if err != nil {
		c.m.count("malformed", "")
		return bus.Permanent(err)
	}
	now := time.Now().UTC()
	var res classify.Result
	var obs *observed
	switch {
	case len(p.Blocks) > MaxBlocks:
		// No article page has this many blocks; classifying it would hold
		// a worker for many seconds and yield a message too big to publish.
		res = oversize(p, now, fmt.Sprintf("%d blocks; the limit is %d", len(p.Blocks), MaxBlocks))
	case c.shared != nil:
		res, obs, err = c.shared.classify(ctx, c.cl, p, m.StreamSeq, now)
	default:
		res, err = c.cl.Classify(ctx, p, now)
	}
	if err != nil {
		return fmt.Errorf("classify %s: %w", p.URL, err)
	}
	res, err = c.publish(ctx, p, res, now, "")
	if err != nil {
		return err
	}
	if res.Article != nil {
		c.m.count("kept", res.Article.Lang)
	} else {
		c.m.count("dropped_"+res.Drop.Reason, "")
	}
	if obs != nil {
		return c.shared.settle(ctx, c, p, obs)
	}
	return nil
}

// publish publishes a result for p, a drop record when the article is
// too big for the bus, and returns what it published; suffix is added to
// its Msg-Id.
func (c *Classifier) publish(ctx context.Context, p *article.Page, res classify.Result, now time.Time, suffix string) (classify.Result, error) {
	out, data, err := encode(res)
	if err != nil {
		return res, bus.Permanent(fmt.Errorf("classify %s: %w", p.URL, err))
	}
	if limit := c.conn.NC.MaxPayload(); limit > 0 && int64(len(data)) > limit-4096 {
		size := len(data)
		if res.Article != nil {
			if a, d, how, ok := fitArticle(res.Article, limit-4096); ok {
				res.Article, res.Encoded, data = a, d, d
				c.m.oversize(how)
				c.log.Warn("article larger than the bus carries: "+how, "url", p.URL, "bytes", size, "max_payload", limit)
				return res, c.conn.PublishMsg(ctx, message(out.Subject, res, data), article.MsgID(a.ID, a.ContentHash)+suffix)
			}
		}
		c.m.oversize("dropped")
		res = oversize(p, now, fmt.Sprintf("the article is %d bytes; the bus carries %d", size, limit))
		if out, data, err = encode(res); err != nil {
			return res, bus.Permanent(fmt.Errorf("classify %s: %w", p.URL, err))
		}
	}
	return res, c.conn.PublishMsg(ctx, message(out.Subject, res, data), out.MsgID+suffix)
}

// message is a result as it goes on the bus: an article carries its id
// and verdict in headers, for the sink to settle one it will not store
// without decoding it.
func message(subject string, res classify.Result, data []byte) *nats.Msg {
	msg := &nats.Msg{Subject: subject, Data: data}
	if a := res.Article; a != nil {
		msg.Header = nats.Header{
			bus.HeaderArticleID: []string{a.ID},
			bus.HeaderRelevant:  []string{strconv.FormatBool(a.Relevance.Relevant)},
		}
	}
	return msg
}

// MaxBlocks bounds the blocks of a page the classifier looks at. Real
// article pages have hundreds.
const MaxBlocks = 10000

func encode(res classify.Result) (Output, []byte, error) {
	out, err := Route(res)
	if err != nil {
		return Output{}, nil, err
	}
	if res.Article != nil && res.Encoded != nil {
		return out, res.Encoded, nil
	}
	data, err := json.Marshal(out.Message)
	if err != nil {
		return Output{}, nil, fmt.Errorf("encode: %w", err)
	}
	return out, data, nil
}

// fitArticle makes a fit in limit bytes: first by leaving the text out of
// its audit of dropped blocks (a page of a hundred thousand menu items is
// mostly that), then by cutting its last paragraphs, which one Dropped
// entry (I -1, reason oversize) records. It reports how, and false when
// not even the first paragraph fits.
func fitArticle(a *article.Article, limit int64) (*article.Article, []byte, string, bool) {
	b := *a
	b.Dropped = make([]article.Dropped, len(a.Dropped))
	for i, d := range a.Dropped {
		b.Dropped[i] = article.Dropped{I: d.I, Reason: d.Reason}
	}
	data, err := json.Marshal(&b)
	if err == nil && int64(len(data)) <= limit {
		return &b, data, "audit_trimmed", true
	}
	all := len(a.Paragraphs)
	keep := all
	for err == nil && int64(len(data)) > limit && keep > 1 {
		keep = max(1, min(keep-1, int(float64(keep)*float64(limit)/float64(len(data))*0.9)))
		b.Paragraphs = a.Paragraphs[:keep]
		b.Body = strings.Join(b.Paragraphs, "\n\n")
		b.Headings = nil
		for _, h := range a.Headings {
			if h < keep {
				b.Headings = append(b.Headings, h)
			}
		}
		b.Dropped = append(b.Dropped[:len(a.Dropped)], article.Dropped{I: -1, Reason: article.ReasonOversize,
			Text: fmt.Sprintf("%d of %d paragraphs cut: the article was larger than the bus carries", all-keep, all)})
		data, err = article.EncodeArticle(&b)
	}
	if err != nil || int64(len(data)) > limit {
		return nil, nil, "", false
	}
	return &b, data, "paragraphs_cut", true
}

func oversize(p *article.Page, now time.Time, detail string) classify.Result {
	return classify.Result{Drop: &article.Drop{
		Schema: article.SchemaDrop, ID: p.ID, URL: p.CanonicalURL, Source: p.Source,
		Reason: article.DropOversize, Detail: detail, Title: p.Title,
		ContentHash: p.ContentHash, DroppedAt: now,
	}}
}

// ClassifierMetrics counts the classifier's verdicts.
type ClassifierMetrics struct {
	pages     *prometheus.CounterVec
	memEvents *prometheus.CounterVec
	memBatch  prometheus.Histogram
	oversized *prometheus.CounterVec
}

// NewClassifierMetrics registers the classifier stage's metrics on reg.
func NewClassifierMetrics(reg prometheus.Registerer) *ClassifierMetrics {
	m := &ClassifierMetrics{pages: prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "wiredesk_classifier_pages_total",
		Help: "Pages classified, by verdict (kept, dropped_<reason>, malformed) and language.",
	}, []string{"verdict", "lang"})}
	m.memEvents = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "wiredesk_classifier_memory_total",
		Help: "Shared memory of recurring blocks: pages cleaned again because a block they kept became furniture (reclean), pages no longer in PAGES to do so (reclean_gone), pages looked at again after a block was learned while they were cleaned (second_look), pages cleaned without waiting for the log (lagging), the log consumed afresh after it stood still while the stream moved on (resubscribe).",
	}, []string{"event"})
	m.oversized = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "wiredesk_classifier_oversize_total",
		Help: "Articles larger than the bus carries, by what was done: audit_trimmed (the text of dropped blocks left out), paragraphs_cut (the last paragraphs cut, recorded in dropped), dropped (a drop record with reason oversize instead).",
	}, []string{"action"})
	m.memBatch = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "wiredesk_classifier_memory_batch_size",
		Help:    "Observations per message appended to the shared memory's log (stream FURNITURE): a source's pages batched for up to 20 ms.",
		Buckets: prometheus.ExponentialBuckets(1, 2, 7),
	})
	reg.MustRegister(m.pages, m.memEvents, m.memBatch, m.oversized)
	return m
}

func (m *ClassifierMetrics) oversize(action string) {
	if m != nil {
		m.oversized.WithLabelValues(action).Inc()
	}
}

func (m *ClassifierMetrics) memory(event string) {
	if m != nil {
		m.memEvents.WithLabelValues(event).Inc()
	}
}

func (m *ClassifierMetrics) count(verdict, lang string) {
	if m != nil {
		m.pages.WithLabelValues(verdict, lang).Inc()
	}
}

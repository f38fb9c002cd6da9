package bus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Msg is what a handler sees of a delivered message. Handlers never ack:
// the consume loop does, from the error they return.
type Msg struct {
	Subject    string
	Data       []byte
	Header     nats.Header
	Deliveries int
	StreamSeq  uint64
}

// Handler processes one message. It returns nil once its output is
// published or committed (the message is acked), a Permanent error for a
// message that can never succeed (terminated and copied to the DLQ), or
// any other error for a transient failure (redelivered after a backoff).
type Handler func(ctx context.Context, m *Msg) error

type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// Permanent marks err as one that no retry can fix.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanentError{err}
}

// IsPermanent reports whether err was marked with Permanent.
func IsPermanent(err error) bool {
	var p permanentError
	return errors.As(err, &p)
}

// ConsumerConfig describes a durable pull consumer and its loop.
type ConsumerConfig struct {
	Stream        string
	Durable       string
	FilterSubject string
	// Stage names the consumer in the DLQ subject, news.dlq.<stage>.
	Stage string
	// Workers handle messages concurrently.
	Workers int
	// MaxAckPending bounds the messages handed out and not yet acked, and
	// so the memory a slow stage can hold.
	MaxAckPending int
	// AckWait is how long the server waits for an ack before redelivering;
	// long handlers keep their message alive with InProgress.
	AckWait time.Duration
	// MaxDeliver is how many deliveries a message gets before it goes to
	// the DLQ. It is enforced here, not by the server, so that a message
	// that exhausts its deliveries is never dropped silently.
	MaxDeliver int
	// Backoff for a nak: BackoffBase doubled per delivery up to BackoffMax.
	BackoffBase time.Duration
	BackoffMax  time.Duration
	// Grace is how long handlers may run after shutdown starts.
	Grace time.Duration
}

func (cfg *ConsumerConfig) setDefaults() {
	if cfg.Workers <= 0 {
		cfg.Workers = 4
	}
	if cfg.MaxAckPending <= 0 {
		cfg.MaxAckPending = max(256, cfg.Workers*2)
	}
	if cfg.AckWait <= 0 {
		// Short, because a message dropped by a client (a slow consumer
		// after a reconnect) waits this long to come back; long work is
		// covered by InProgress keepalives.
		cfg.AckWait = 10 * time.Second
	}
	if cfg.MaxDeliver <= 0 {
		cfg.MaxDeliver = 10
	}
	if cfg.BackoffBase <= 0 {
		cfg.BackoffBase = time.Second
	}
	if cfg.BackoffMax <= 0 {
		cfg.BackoffMax = 2 * time.Minute
	}
	if cfg.Grace <= 0 {
		cfg.Grace = 10 * time.Second
	}
}

// backoff returns the nak delay after the nth delivery, with jitter so that
// a burst of failures does not come back as a burst.
func (cfg *ConsumerConfig) backoff(n int) time.Duration {
	d := cfg.BackoffBase
	for i := 1; i < n && d < cfg.BackoffMax; i++ {
		d *= 2
	}
	d = min(d, cfg.BackoffMax)
	return d/2 + rand.N(d/2+1)
}

// Consume runs the consume loop until ctx is done, then drains: messages
// already received are handled and acked, for up to Grace. The durable
// consumer is created or updated first, so that every replica of a stage
// shares it. Losing NATS does not end the loop; it waits and resumes.
func (c *Conn) Consume(ctx context.Context, cfg ConsumerConfig, h Handler, m *Metrics) error {
	cfg.setDefaults()
	l := &loop{c: c, cfg: cfg, h: h, m: m, log: c.log.With("stage", cfg.Stage)}
	return l.run(ctx)
}

type loop struct {
	c   *Conn
	cfg ConsumerConfig
	h   Handler
	m   *Metrics
	log *slog.Logger
}

func (l *loop) consumer(ctx context.Context) (jetstream.Consumer, error) {
	return l.c.JS.CreateOrUpdateConsumer(ctx, l.cfg.Stream, jetstream.ConsumerConfig{
		Durable:       l.cfg.Durable,
		FilterSubject: l.cfg.FilterSubject,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       l.cfg.AckWait,
		MaxDeliver:    -1,
		MaxAckPending: l.cfg.MaxAckPending,
		DeliverPolicy: jetstream.DeliverAllPolicy,
	})
}

func (l *loop) run(ctx context.Context) error {
	// Handlers outlive ctx by Grace so that the messages in hand are
	// finished, not abandoned to a redelivery after AckWait.
	hctx, hcancel := context.WithCancel(context.WithoutCancel(ctx))
	defer hcancel()
	stopGrace := context.AfterFunc(ctx, func() {
		t := time.AfterFunc(l.cfg.Grace, hcancel)
		<-hctx.Done()
		t.Stop()
	})
	defer stopGrace()

	work := make(chan jetstream.Msg)
	var wg sync.WaitGroup
	for range l.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for msg := range work {
				l.handle(hctx, msg)
			}
		}()
	}
	err := l.feed(ctx, work)
	close(work)
	wg.Wait()
	return err
}

// A pull request sent while a cluster elects a new consumer leader (the
// old one killed, the client reconnected elsewhere) reaches nobody and is
// not answered. The client notices by missing two heartbeats and pulls
// again: with nats.go's defaults (30 s expiry, 15 s heartbeat) the stage
// stood still for 30 s; with these, for about 4 s. The cost is one idle
// heartbeat per consumer every 2 s. Every long-lived pull in wiredesk
// uses them, the classifiers' ordered consumer of the furniture log too.
const (
	PullExpiry    = 10 * time.Second
	PullHeartbeat = 2 * time.Second
)

// feed hands messages to the workers until ctx is done, re-creating the
// consumer and its iterator whenever they are lost (server restart,
// consumer deleted by an operator).
func (l *loop) feed(ctx context.Context, work chan<- jetstream.Msg) error {
	retry := 0
	for ctx.Err() == nil {
		cons, err := l.consumer(ctx)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			retry++
			l.log.Warn("create consumer; retrying", "durable", l.cfg.Durable, "err", err)
			sleep(ctx, min(time.Duration(retry)*time.Second, 10*time.Second))
			continue
		}
		it, err := cons.Messages(
			jetstream.PullMaxMessages(min(l.cfg.MaxAckPending, l.cfg.Workers*4)),
			jetstream.PullExpiry(PullExpiry),
			jetstream.PullHeartbeat(PullHeartbeat))
		if err != nil {
			retry++
			l.log.Warn("open consumer; retrying", "durable", l.cfg.Durable, "err", err)
			sleep(ctx, min(time.Duration(retry)*time.Second, 10*time.Second))
			continue
		}
		retry = 0
		l.drainOnDone(ctx, it, work)
	}
	return nil
}

func (l *loop) drainOnDone(ctx context.Context, it jetstream.MessagesContext, work chan<- jetstream.Msg) {
	// At shutdown the iterator drains: buffered messages still come out of
	// Next. If NATS is gone, draining cannot finish, so Next gets Grace.
	nctx, ncancel := context.WithCancel(context.WithoutCancel(ctx))
	defer ncancel()
	stop := context.AfterFunc(ctx, func() {
		it.Drain()
		t := time.AfterFunc(l.cfg.Grace, ncancel)
		<-nctx.Done()
		t.Stop()
	})
	defer stop()
	defer it.Stop()
	for {
		msg, err := it.Next(jetstream.NextContext(nctx))
		switch {
		case nctx.Err() != nil:
			return
		case errors.Is(err, jetstream.ErrMsgIteratorClosed):
			if ctx.Err() == nil {
				l.log.Warn("consumer iterator closed; reopening", "durable", l.cfg.Durable, "err", err)
				sleep(ctx, time.Second)
			}
			return
		case err != nil:
			// Missed heartbeats while NATS is away: the iterator goes on
			// by itself once the connection is back.
			l.log.Debug("consumer next", "durable", l.cfg.Durable, "err", err)
			sleep(nctx, 100*time.Millisecond)
			continue
		}
		work <- msg
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

func (l *loop) handle(ctx context.Context, msg jetstream.Msg) {
	start := time.Now()
	meta, err := msg.Metadata()
	if err != nil {
		// Not a JetStream message: nothing to ack, nothing to redeliver.
		l.log.Error("message without metadata", "subject", msg.Subject(), "err", err)
		return
	}
	m := &Msg{
		Subject:    msg.Subject(),
		Data:       msg.Data(),
		Header:     msg.Headers(),
		Deliveries: int(meta.NumDelivered),
		StreamSeq:  meta.Sequence.Stream,
	}
	var herr error
	if m.Deliveries > l.cfg.MaxDeliver {
		// It was delivered and never acked that often: its handler
		// crashed or hung every time.
		herr = Permanent(fmt.Errorf("delivered %d times without an ack (max %d)", m.Deliveries-1, l.cfg.MaxDeliver))
	} else {
		stop := KeepAlive(msg, l.cfg.AckWait)
		herr = l.h(ctx, m)
		stop()
	}
	outcome := l.settle(ctx, msg, m, herr)
	l.m.observe(l.cfg.Stage, outcome, time.Since(start))
}

// settle acks, naks or terminates msg according to the handler's error.
func (l *loop) settle(ctx context.Context, msg jetstream.Msg, m *Msg, herr error) string {
	switch {
	case herr == nil:
		if err := msg.Ack(); err != nil {
			l.log.Warn("ack", "subject", m.Subject, "seq", m.StreamSeq, "err", err)
		}
		return "ack"
	case !IsPermanent(herr) && m.Deliveries < l.cfg.MaxDeliver:
		d := l.cfg.backoff(m.Deliveries)
		l.log.Warn("transient failure; will retry", "subject", m.Subject, "seq", m.StreamSeq,
			"delivery", m.Deliveries, "retry_in", d.Round(time.Millisecond), "err", herr)
		if err := msg.NakWithDelay(d); err != nil {
			l.log.Warn("nak", "subject", m.Subject, "seq", m.StreamSeq, "err", err)
		}
		return "nak"
	}
	if !IsPermanent(herr) {
		herr = fmt.Errorf("gave up after %d deliveries: %w", m.Deliveries, herr)
	}
	if err := l.deadLetter(ctx, m, herr); err != nil {
		// Keep the message rather than lose it: it comes back later.
		l.log.Error("dead-letter failed; will retry", "subject", m.Subject, "seq", m.StreamSeq, "err", err)
		_ = msg.NakWithDelay(l.cfg.backoff(m.Deliveries))
		return "nak"
	}
	l.log.Warn("message sent to DLQ", "subject", m.Subject, "seq", m.StreamSeq,
		"dlq", SubjectDLQ(l.cfg.Stage), "err", herr)
	if err := msg.TermWithReason(truncate(herr.Error(), 200)); err != nil {
		l.log.Warn("term", "subject", m.Subject, "seq", m.StreamSeq, "err", err)
	}
	return "term"
}

// KeepAlive tells the server the message is still being worked on, a
// third of ackWait apart, so that long work is not redelivered to another
// replica meanwhile. Call stop when the work is done.
//
// It is a timer that sets itself again, not a goroutine with a ticker:
// every message a stage handles gets one, and almost all are done long
// before it first fires (starting the goroutine was 2% of a sink's CPU).
func KeepAlive(msg jetstream.Msg, ackWait time.Duration) (stop func()) {
	every := max(ackWait/3, 50*time.Millisecond)
	var mu sync.Mutex
	stopped := false
	var t *time.Timer
	mu.Lock()
	defer mu.Unlock()
	t = time.AfterFunc(every, func() {
		_ = msg.InProgress()
		mu.Lock()
		defer mu.Unlock()
		if !stopped {
			t.Reset(every)
		}
	})
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		t.Stop()
	}
}

// Headers the classifier sets on an article, so that the sink can settle
// one it will not store without decoding it. A message without them (a
// replay from the DLQ, which drops Wiredesk- headers) is decoded.
const (
	HeaderArticleID = "Wiredesk-Article-Id"
	// HeaderRelevant is "true" or "false", the article's relevance verdict.
	HeaderRelevant = "Wiredesk-Relevant"
)

// DLQ headers.
const (
	HeaderError      = "Wiredesk-Error"
	HeaderStage      = "Wiredesk-Stage"
	HeaderSubject    = "Wiredesk-Subject"
	HeaderStream     = "Wiredesk-Stream"
	HeaderSeq        = "Wiredesk-Stream-Seq"
	HeaderDeliveries = "Wiredesk-Deliveries"
	HeaderFailedAt   = "Wiredesk-Failed-At"
	HeaderMsgID      = "Wiredesk-Msg-Id"
)

// deadLetter copies m to news.dlq.<stage> with its original headers and
// the error. Its Msg-Id is the stream position, so that a crash between
// the copy and the term does not copy it twice.
func (l *loop) deadLetter(ctx context.Context, m *Msg, cause error) error {
	out := nats.NewMsg(SubjectDLQ(l.cfg.Stage))
	out.Data = m.Data
	for k, vs := range m.Header {
		if k == nats.MsgIdHdr {
			out.Header[HeaderMsgID] = vs
			continue
		}
		out.Header[k] = vs
	}
	out.Header.Set(HeaderError, truncate(oneLine(cause.Error()), 2048))
	out.Header.Set(HeaderStage, l.cfg.Stage)
	out.Header.Set(HeaderSubject, m.Subject)
	out.Header.Set(HeaderStream, l.cfg.Stream)
	out.Header.Set(HeaderSeq, strconv.FormatUint(m.StreamSeq, 10))
	out.Header.Set(HeaderDeliveries, strconv.Itoa(m.Deliveries))
	out.Header.Set(HeaderFailedAt, time.Now().UTC().Format(time.RFC3339Nano))
	id := fmt.Sprintf("dlq:%s:%s:%d", l.cfg.Stage, l.cfg.Stream, m.StreamSeq)
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return l.c.PublishMsg(pctx, out, id)
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

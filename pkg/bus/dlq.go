package bus

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// DeadLetter is one message in stream DLQ, with what the stage that gave up
// on it recorded.
type DeadLetter struct {
	Seq        uint64 // in stream DLQ
	Stage      string
	Subject    string // where the message was originally published
	Error      string
	Deliveries string
	FailedAt   string
	Data       []byte
	Header     nats.Header
}

// ReplayOptions selects dead letters to list or replay.
type ReplayOptions struct {
	Stage  string // "" = every stage
	Limit  int    // 0 = all
	DryRun bool   // list only; publish and delete nothing
}

// ReplayDLQ republishes dead letters to their original subjects and removes
// each from the DLQ once the republish is acknowledged, so that a crash
// mid-replay repeats at most one message and loses none. fn, when set, sees
// every dead letter before it is replayed.
//
// The republished message gets a new Msg-Id: the original one may still be
// inside the duplicate window, where JetStream would silently drop it.
func ReplayDLQ(ctx context.Context, c *Conn, opt ReplayOptions, fn func(DeadLetter)) (int, error) {
	stream, err := c.JS.Stream(ctx, StreamDLQ)
	if err != nil {
		return 0, fmt.Errorf("replay dlq: %w", err)
	}
	filter := SubjectDLQ(">")
	if opt.Stage != "" {
		filter = SubjectDLQ(opt.Stage)
	}
	info, err := stream.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("replay dlq: %w", err)
	}
	last := info.State.LastSeq
	n := 0
	for seq := info.State.FirstSeq; seq <= last && seq > 0; {
		if opt.Limit > 0 && n >= opt.Limit {
			break
		}
		raw, err := stream.GetMsg(ctx, seq, jetstream.WithGetMsgSubject(filter))
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			break // nothing at or after seq on the filter
		}
		if err != nil {
			return n, fmt.Errorf("replay dlq: get %d: %w", seq, err)
		}
		if raw.Sequence > last {
			break // arrived after the replay began
		}
		dl := deadLetter(raw)
		if fn != nil {
			fn(dl)
		}
		seq = raw.Sequence + 1
		n++
		if opt.DryRun {
			continue
		}
		if err := replayOne(ctx, c, dl); err != nil {
			return n - 1, err
		}
		if err := stream.DeleteMsg(ctx, dl.Seq); err != nil {
			return n, fmt.Errorf("replay dlq: delete %d: %w", dl.Seq, err)
		}
	}
	return n, nil
}

func deadLetter(m *jetstream.RawStreamMsg) DeadLetter {
	h := m.Header
	return DeadLetter{
		Seq:        m.Sequence,
		Stage:      strings.TrimPrefix(m.Subject, SubjectDLQ("")),
		Subject:    h.Get(HeaderSubject),
		Error:      h.Get(HeaderError),
		Deliveries: h.Get(HeaderDeliveries),
		FailedAt:   h.Get(HeaderFailedAt),
		Data:       m.Data,
		Header:     h,
	}
}

func replayOne(ctx context.Context, c *Conn, dl DeadLetter) error {
	if dl.Subject == "" {
		return fmt.Errorf("replay dlq: message %d has no %s header", dl.Seq, HeaderSubject)
	}
	msg := nats.NewMsg(dl.Subject)
	msg.Data = dl.Data
	for k, vs := range dl.Header {
		if strings.HasPrefix(k, "Wiredesk-") || k == nats.MsgIdHdr {
			continue
		}
		msg.Header[k] = vs
	}
	msg.Header.Set("Wiredesk-Replayed-At", time.Now().UTC().Format(time.RFC3339))
	id := fmt.Sprintf("replay:%s:%d", dl.Header.Get(HeaderStream), dl.Seq)
	if err := c.PublishMsg(ctx, msg, id); err != nil {
		return fmt.Errorf("replay dlq: republish %d to %s: %w", dl.Seq, dl.Subject, err)
	}
	return nil
}

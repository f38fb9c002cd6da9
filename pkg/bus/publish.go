package bus

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Publish publishes data on subject with Nats-Msg-Id msgID and waits for
// the stream's acknowledgement. The publish itself is asynchronous: many
// goroutines publishing at once pipeline their acks, and the connection's
// MaxPending bounds how many are in flight.
func (c *Conn) Publish(ctx context.Context, subject, msgID string, data []byte) error {
	return c.PublishMsg(ctx, &nats.Msg{Subject: subject, Data: data}, msgID)
}

// PublishTimeout bounds the wait for one acknowledgement. An ack lost with
// a cluster node that died would otherwise hold the publisher forever; a
// timed-out publish is an error the caller retries like any other.
const PublishTimeout = 15 * time.Second

// PublishMsg is Publish for a message with headers.
func (c *Conn) PublishMsg(ctx context.Context, msg *nats.Msg, msgID string) error {
	_, err := c.PublishAck(ctx, msg, msgID)
	return err
}

// PublishAck is PublishMsg returning the stream's acknowledgement: the
// message's sequence, or, for a duplicate Msg-Id, the first one's.
func (c *Conn) PublishAck(ctx context.Context, msg *nats.Msg, msgID string) (*jetstream.PubAck, error) {
	// A timer, not a context with a timeout: that context would join
	// ctx's children, under a lock every worker of the stage shares.
	timeout := time.NewTimer(PublishTimeout)
	defer timeout.Stop()
	opts := []jetstream.PublishOpt{jetstream.WithStallWait(30 * time.Second)}
	if msgID != "" {
		opts = append(opts, jetstream.WithMsgID(msgID))
	}
	fut, err := c.JS.PublishMsgAsync(msg, opts...)
	if err != nil {
		return nil, fmt.Errorf("publish %s: %w", msg.Subject, err)
	}
	select {
	case ack := <-fut.Ok():
		return ack, nil
	case err := <-fut.Err():
		return nil, fmt.Errorf("publish %s: %w", msg.Subject, err)
	case <-ctx.Done():
		return nil, fmt.Errorf("publish %s: %w", msg.Subject, ctx.Err())
	case <-timeout.C:
		return nil, fmt.Errorf("publish %s: %w", msg.Subject, context.DeadlineExceeded)
	}
}

// MaxPayload is the largest message the server accepts.
func (c *Conn) MaxPayload() int64 { return c.NC.MaxPayload() }

package pipeline

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// WaitDrained waits until each durable consumer on its stream has nothing
// pending and nothing awaiting an ack, twice in a row (a message can be
// between two stages for a moment).
func WaitDrained(ctx context.Context, js jetstream.JetStream, consumers map[string]string) error {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	quiet := 0
	for quiet < 2 {
		select {
		case <-ctx.Done():
			return fmt.Errorf("wait for the pipeline to drain: %w", ctx.Err())
		case <-t.C:
		}
		idle := true
		for durable, stream := range consumers {
			if !consumerIdle(ctx, js, stream, durable) {
				idle = false
			}
		}
		if idle {
			quiet++
		} else {
			quiet = 0
		}
	}
	return nil
}

// consumerIdle reports whether a consumer exists and has nothing pending
// and nothing awaiting an ack. Each look has a deadline of its own: a
// request lost while a cluster moves the consumer's leader would otherwise
// wait out the caller's whole deadline, and fail a drain that finished.
func consumerIdle(ctx context.Context, js jetstream.JetStream, stream, durable string) bool {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	c, err := js.Consumer(ctx, stream, durable)
	if err != nil {
		return false // not created yet, or no answer this time
	}
	info, err := c.Info(ctx)
	return err == nil && info.NumPending == 0 && info.NumAckPending == 0
}

// SubjectCounts returns the number of messages per subject in a stream.
func SubjectCounts(ctx context.Context, js jetstream.JetStream, stream, filter string) (map[string]uint64, error) {
	s, err := js.Stream(ctx, stream)
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", stream, err)
	}
	info, err := s.Info(ctx, jetstream.WithSubjectFilter(filter))
	if err != nil {
		return nil, fmt.Errorf("stream %s: %w", stream, err)
	}
	return info.State.Subjects, nil
}

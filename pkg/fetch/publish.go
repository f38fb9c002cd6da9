package fetch

import (
	"context"
	"errors"
	"time"

	"github.com/nats-io/nats.go"
)

// Publish retries. A NATS restart or a cluster electing a stream leader
// refuses publishes for a few seconds; that is not the site's failure, and
// counted as a fetch error (class=publish) it could set off the
// fetch-error alert during maintenance. The page's Msg-Id makes a retry
// that follows a lost acknowledgement a no-op.
const (
	publishAttempts = 6
	publishWaitMin  = 500 * time.Millisecond
	publishWaitMax  = 8 * time.Second
)

// publishRetrying publishes data, retrying with backoff while the bus
// refuses it, until publishAttempts or ctx ends.
func (f *Fetcher) publishRetrying(ctx context.Context, src *Source, url, subject, msgID string, data []byte) error {
	wait := publishWaitMin
	for attempt := 1; ; attempt++ {
		err := f.pub.Publish(ctx, subject, msgID, data)
		if err == nil || ctx.Err() != nil || attempt == publishAttempts || errors.Is(err, nats.ErrMaxPayload) {
			return err
		}
		d := wait/2 + jitter(wait, 0.5)
		f.log.Warn("publish failed; retrying", "source", src.ID, "url", url, "attempt", attempt,
			"retry_in", d.Round(time.Millisecond), "err", err)
		if sleepCtx(ctx, d) != nil {
			return err
		}
		wait = min(2*wait, publishWaitMax)
	}
}

package fetch

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/wiredesk/wiredesk/pkg/bus"
)

// Queue is what the backfill needs of the work queue's durable consumer.
type Queue interface {
	Fetch(batch int, opts ...jetstream.FetchOpt) (jetstream.MessageBatch, error)
}

// Work takes files from the backfill work queue, one at a time, and
// backfills each. A file is acked when it is read to its end. While it is
// read its message is kept alive, so no other fetcher takes it; a fetcher
// that dies leaves it to another after bus.BackfillAckWait, and that one
// resumes from the saved progress. A fetcher that is stopped hands its
// file back at once. With drain, Work returns when the queue is empty.
func (b *Backfiller) Work(ctx context.Context, q Queue, drain bool) error {
	for {
		if ctx.Err() != nil {
			return nil
		}
		batch, err := q.Fetch(1, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			b.f.log.Warn("backfill queue: fetch failed; retrying", "err", err)
			_ = sleepCtx(ctx, time.Second)
			continue
		}
		var msg jetstream.Msg
		for m := range batch.Messages() {
			msg = m
		}
		if msg == nil {
			if err := batch.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) {
				b.f.log.Debug("backfill queue", "err", err)
			}
			if drain {
				return nil
			}
			continue
		}
		b.take(ctx, msg)
	}
}

func (b *Backfiller) take(ctx context.Context, msg jetstream.Msg) {
	file := string(msg.Data())
	stop := bus.KeepAlive(msg, bus.BackfillAckWait)
	_, err := b.File(ctx, file)
	stop()
	switch {
	case err == nil || errors.Is(err, ErrBackfillDone):
		if err != nil {
			b.f.log.Info("backfill: already done", "file", file)
		}
		if aerr := msg.DoubleAck(context.WithoutCancel(ctx)); aerr != nil {
			// Redelivered, it finds its progress done and is acked then.
			b.f.log.Warn("backfill queue: ack failed", "file", file, "err", aerr)
		}
	case ctx.Err() != nil:
		// Stopped: hand the file back now, not after AckWait. Its
		// progress is saved; whoever takes it resumes there.
		_ = msg.Nak()
		b.f.log.Info("backfill: stopped; file handed back to the queue", "file", file)
	default:
		b.m.file("failed")
		b.f.log.Warn("backfill failed; file back in the queue", "file", file, "err", err)
		_ = msg.NakWithDelay(30 * time.Second)
	}
}

// Enqueuer is what queueing files needs: a publisher with Msg-Id.
type Enqueuer interface {
	Publish(ctx context.Context, subject, msgID string, data []byte) error
}

// EnqueueBackfill queues files (paths that every backfilling fetcher can
// open) on the work queue. Queueing a file again within a day is a no-op.
func EnqueueBackfill(ctx context.Context, pub Enqueuer, files []string) error {
	for _, f := range files {
		if err := pub.Publish(ctx, bus.SubjectBackfill, "file:"+f, []byte(f)); err != nil {
			return fmt.Errorf("queue %s: %w", f, err)
		}
	}
	return nil
}

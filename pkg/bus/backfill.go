package bus

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// The backfill's work queue and progress. They are created only by the
// backfill commands, not by EnsureStreams: a deployment that never reads
// an archive carries neither.
const (
	// StreamBackfill is a work queue of WARC files to read: each message
	// is one file's path or URL, removed when a fetcher has read it all.
	StreamBackfill = "BACKFILL"
	// SubjectBackfill is where files are queued.
	SubjectBackfill = "wiredesk.backfill.files"
	// BucketBackfill holds each file's progress: the offset of the first
	// record not yet published, and what was counted so far.
	BucketBackfill = "wiredesk_backfill"
	// ConsumerBackfill is the durable that all backfilling fetchers share.
	ConsumerBackfill = "backfill"
)

// BackfillAckWait is how long a file stays with a fetcher that stopped
// answering: a fetcher killed mid-file leaves it to another after this.
// A live fetcher keeps its file with InProgress well within it.
const BackfillAckWait = 60 * time.Second

// EnsureBackfill creates or updates the backfill work queue, its durable
// consumer and the progress bucket, and returns the two.
func EnsureBackfill(ctx context.Context, js jetstream.JetStream, cfg StreamsConfig) (jetstream.Consumer, jetstream.KeyValue, error) {
	storage := jetstream.FileStorage
	if cfg.Memory {
		storage = jetstream.MemoryStorage
	}
	_, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        StreamBackfill,
		Description: "WARC files waiting to be backfilled (a work queue: each file goes to one fetcher)",
		Subjects:    []string{SubjectBackfill},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     storage,
		Replicas:    max(cfg.Replicas, 1),
		// Queueing the same file twice within a day queues it once.
		Duplicates: 24 * time.Hour,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("stream %s: %w", StreamBackfill, err)
	}
	cons, err := js.CreateOrUpdateConsumer(ctx, StreamBackfill, jetstream.ConsumerConfig{
		Durable:       ConsumerBackfill,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       BackfillAckWait,
		MaxAckPending: 1024,
		// A file that fails this often is left in the queue's history
		// and in its progress entry with the error, for an operator.
		MaxDeliver: 10,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("consumer %s: %w", ConsumerBackfill, err)
	}
	kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      BucketBackfill,
		Description: "backfill progress per WARC file",
		History:     1,
		Storage:     storage,
		Replicas:    max(cfg.Replicas, 1),
	})
	if err != nil {
		return nil, nil, fmt.Errorf("kv %s: %w", BucketBackfill, err)
	}
	return cons, kv, nil
}

// ErrQueueEmpty is returned by NextBackfill when no file is waiting.
var ErrQueueEmpty = errors.New("backfill queue is empty")

package bus

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Limits caps one stream.
type Limits struct {
	MaxAge   time.Duration `yaml:"max_age"`
	MaxBytes int64         `yaml:"max_bytes"`
}

// StreamsConfig sizes the streams and the KV bucket.
type StreamsConfig struct {
	// Replicas is 1 on a single server and 3 on a cluster (R3).
	Replicas int `yaml:"replicas"`
	// Memory keeps streams in memory instead of on file: for tests only.
	Memory   bool   `yaml:"memory"`
	Pages    Limits `yaml:"pages"`
	Articles Limits `yaml:"articles"`
	Dropped  Limits `yaml:"dropped"`
	DLQ      Limits `yaml:"dlq"`
	// Furniture is the classifiers' shared memory of recurring blocks:
	// one small observation per cleaned page, replayed by every replica
	// at start. Its age and size bound what the memory can learn from.
	Furniture Limits `yaml:"furniture"`
	// Duplicates is JetStream's Msg-Id deduplication window.
	Duplicates time.Duration `yaml:"duplicates"`
}

// DefaultStreams returns the limits from DESIGN.md: pages are kept a week
// so they can be replayed through an upgraded classifier, articles 30 days,
// drops 3 days for audit, the DLQ 90 days for operators.
func DefaultStreams() StreamsConfig {
	return StreamsConfig{
		Replicas:   1,
		Pages:      Limits{MaxAge: 7 * 24 * time.Hour, MaxBytes: 10 << 30},
		Articles:   Limits{MaxAge: 30 * 24 * time.Hour, MaxBytes: 10 << 30},
		Dropped:    Limits{MaxAge: 3 * 24 * time.Hour, MaxBytes: 1 << 30},
		DLQ:        Limits{MaxAge: 90 * 24 * time.Hour, MaxBytes: 1 << 30},
		Furniture:  Limits{MaxAge: 30 * 24 * time.Hour, MaxBytes: 1 << 30},
		Duplicates: 2 * time.Minute,
	}
}

func (cfg StreamsConfig) streams() []jetstream.StreamConfig {
	storage := jetstream.FileStorage
	if cfg.Memory {
		storage = jetstream.MemoryStorage
	}
	mk := func(name, subject, desc string, l Limits) jetstream.StreamConfig {
		maxBytes := l.MaxBytes
		if maxBytes == 0 {
			maxBytes = -1
		}
		return jetstream.StreamConfig{
			Name:        name,
			Description: desc,
			Subjects:    []string{subject},
			Retention:   jetstream.LimitsPolicy,
			Discard:     jetstream.DiscardOld,
			MaxAge:      l.MaxAge,
			MaxBytes:    maxBytes,
			Storage:     storage,
			Replicas:    max(cfg.Replicas, 1),
			Duplicates:  cfg.Duplicates,
		}
	}
	furniture := mk(StreamFurniture, prefixFurniture+">", "what each cleaned page taught the classifiers' memory of recurring blocks", cfg.Furniture)
	furniture.MaxMsgsPerSubject = FurniturePerSource
	// A direct get is answered by the stream itself, where the
	// STREAM.MSG.GET API goes through the server's API queue and a JSON
	// response (7% of nats-server's CPU in a backfill, when each page
	// asked for its source's last observation).
	furniture.AllowDirect = true
	pages := mk(StreamPages, prefixRaw+">", "fetched pages (page/v1), replayable", cfg.Pages)
	// A page cleaned again (a block it kept became furniture) is read
	// back by its sequence: a direct get carries it as it is, where the
	// API wraps it in base64 inside JSON for the server to encode and
	// the classifier to decode (a sixth of a classifier's CPU while its
	// memory learns a source's furniture). A page never changes; a
	// replica still catching up may not hold it yet, so a "not found"
	// is asked again of the leader (Conn.GetMsgFromLeader).
	pages.AllowDirect = true
	return []jetstream.StreamConfig{
		pages,
		mk(StreamArticles, prefixClean+">", "cleaned articles (article/v1)", cfg.Articles),
		mk(StreamDropped, prefixDropped+">", "why pages were dropped (drop/v1), for audit", cfg.Dropped),
		mk(StreamDLQ, prefixDLQ+">", "messages a stage could never process, with the error", cfg.DLQ),
		furniture,
	}
}

// FurniturePerSource bounds the messages kept per subject in stream
// FURNITURE: the memory a new classifier replica starts from covers the
// last this many batches of each source's pages (a batch holds one page
// or more), and as many batches of several sources' pages.
const FurniturePerSource = 20000

// EnsureStreams creates or updates the streams and the KV bucket. It is
// idempotent: every service calls it at start, so that any of them can be
// the first to run against a new server.
func EnsureStreams(ctx context.Context, js jetstream.JetStream, cfg StreamsConfig) error {
	// A cluster that has just formed answers before it can place R3
	// streams; retry for a while rather than exit and wait for a restart.
	deadline := time.Now().Add(ensureFor)
	wait := 250 * time.Millisecond
	for {
		err := ensureStreams(ctx, js, cfg)
		if err == nil || ctx.Err() != nil || time.Now().After(deadline) {
			return err
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
		wait = min(2*wait, 5*time.Second)
	}
}

// ensureFor is how long EnsureStreams keeps trying.
const ensureFor = 60 * time.Second

func ensureStreams(ctx context.Context, js jetstream.JetStream, cfg StreamsConfig) error {
	for _, sc := range cfg.streams() {
		if _, err := js.CreateOrUpdateStream(ctx, sc); err != nil {
			return fmt.Errorf("stream %s: %w", sc.Name, err)
		}
	}
	if _, err := SeenBucket(ctx, js, cfg); err != nil {
		return err
	}
	return nil
}

// SeenBucket creates or updates the fetcher's KV bucket and returns it.
func SeenBucket(ctx context.Context, js jetstream.JetStream, cfg StreamsConfig) (jetstream.KeyValue, error) {
	storage := jetstream.FileStorage
	if cfg.Memory {
		storage = jetstream.MemoryStorage
	}
	kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      BucketSeen,
		Description: "fetcher state per URL: validators, content hash, last fetch",
		History:     1,
		Storage:     storage,
		Replicas:    max(cfg.Replicas, 1),
	})
	if err != nil {
		return nil, fmt.Errorf("kv %s: %w", BucketSeen, err)
	}
	return kv, nil
}

package fetch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// KV is what the fetcher needs of the wiredesk_seen bucket.
type KV interface {
	Get(ctx context.Context, key string) (jetstream.KeyValueEntry, error)
	Put(ctx context.Context, key string, value []byte) (uint64, error)
}

// seenState is what the fetcher remembers of a URL between polls and
// across restarts, in KV wiredesk_seen.
type seenState struct {
	URL          string    `json:"url"`
	CanonicalURL string    `json:"canonical_url,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	ContentHash  string    `json:"content_hash,omitempty"`
	FetchedAt    time.Time `json:"fetched_at"`
}

// seenKey is the KV key of a URL. The key is the fetch URL's, not the
// canonical one's: the fetch URL is what is known before the page is, and
// a conditional GET needs its validators then. Hashing keeps the key
// within the characters KV allows.
func seenKey(canonicalFetchURL string) string { return "u." + article.IDFor(canonicalFetchURL) }

func loadSeen(ctx context.Context, kv KV, key string) (*seenState, error) {
	if kv == nil {
		return nil, nil
	}
	e, err := kv.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrKeyDeleted) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("seen %s: %w", key, err)
	}
	var st seenState
	if err := json.Unmarshal(e.Value(), &st); err != nil {
		// A damaged entry only costs a full fetch.
		return nil, nil
	}
	return &st, nil
}

func saveSeen(ctx context.Context, kv KV, key string, st *seenState) error {
	if kv == nil {
		return nil
	}
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	if _, err := kv.Put(ctx, key, data); err != nil {
		return fmt.Errorf("seen %s: %w", key, err)
	}
	return nil
}

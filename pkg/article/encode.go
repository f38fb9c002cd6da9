package article

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// EncodeArticle sets a's ContentHash to HashArticle's and returns a as
// json.Marshal writes it, byte for byte, from one encoding where the two
// took two. The hash covers a's JSON with the fields it leaves out zeroed,
// which differs from the whole only in its last fields (dropped,
// content_hash, fetched_at, classified_at): the encoding hashed is the
// whole one's prefix, and the rest is appended to it.
func EncodeArticle(a *Article) ([]byte, error) {
	c := *a
	c.ContentHash, c.FetchedAt, c.ClassifiedAt, c.Dropped = "", time.Time{}, time.Time{}, nil
	hashed, err := json.Marshal(&c)
	if err != nil {
		return nil, fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	sum := sha256.Sum256(hashed)
	a.ContentHash = hex.EncodeToString(sum[:16])
	tail := hashedTail
	if a.Backfill {
		tail = hashedTailBackfill
	}
	if !bytes.HasSuffix(hashed, tail) {
		// Not the field order this function knows (a field added after
		// Backfill): encode the whole again rather than guess.
		return marshalArticle(a)
	}
	dropped, err := json.Marshal(a.Dropped)
	if err != nil {
		return nil, fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	classified, err := a.ClassifiedAt.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("encode article %s: classified_at: %w", a.ID, err)
	}
	var fetched []byte
	if !a.FetchedAt.IsZero() {
		if fetched, err = a.FetchedAt.MarshalJSON(); err != nil {
			return nil, fmt.Errorf("encode article %s: fetched_at: %w", a.ID, err)
		}
	}
	prefix := hashed[:len(hashed)-len(tail)]
	out := make([]byte, 0, len(prefix)+len(dropped)+len(a.ContentHash)+len(fetched)+len(classified)+96)
	out = append(out, prefix...)
	out = append(out, `"dropped":`...)
	out = append(out, dropped...)
	out = append(out, `,"content_hash":"`...)
	out = append(out, a.ContentHash...)
	out = append(out, '"')
	if fetched != nil {
		out = append(out, `,"fetched_at":`...)
		out = append(out, fetched...)
	}
	out = append(out, `,"classified_at":`...)
	out = append(out, classified...)
	if a.Backfill {
		out = append(out, `,"backfill":true`...)
	}
	return append(out, '}'), nil
}

// The end of the encoding HashArticle hashes: the fields it zeroes, from
// Dropped on, as encoding/json writes them in the struct's order.
var (
	hashedTail         = []byte(`"dropped":null,"content_hash":"","classified_at":"0001-01-01T00:00:00Z"}`)
	hashedTailBackfill = []byte(`"dropped":null,"content_hash":"","classified_at":"0001-01-01T00:00:00Z","backfill":true}`)
)

func marshalArticle(a *Article) ([]byte, error) {
	b, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	return b, nil
}

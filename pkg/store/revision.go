package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// This file holds what every backend shares, whatever its SQL dialect: the
// decision between inserting, revising and ignoring, the article document
// and the text form of times.

// current is what a backend knows of a stored article when it decides.
type current struct {
	revision     int
	hash         string
	fetchedAt    time.Time
	classifiedAt time.Time // zero when unknown
}

// decide returns the outcome of storing a over cur (nil when the id is new)
// and the revision a then carries when it is stored.
func decide(cur *current, a *article.Article) (Outcome, int) {
	switch {
	case cur == nil:
		return Inserted, 1
	case cur.hash == a.ContentHash:
		return Unchanged, cur.revision
	case fetchTime(a).Before(cur.fetchedAt):
		// A late redelivery of an older fetch: keeping it would roll the
		// article back, and recording it would make the history lie about
		// order.
		return Unchanged, cur.revision
	case sameTime(fetchTime(a), cur.fetchedAt) && a.ClassifiedAt.Before(cur.classifiedAt):
		// An older classification of the same fetch, late: a replica
		// that had not yet learned what another cleaned the page with.
		return Unchanged, cur.revision
	}
	return Updated, cur.revision + 1
}

// sameTime compares to the microsecond, which is all PostgreSQL keeps.
func sameTime(a, b time.Time) bool {
	return a.Truncate(time.Microsecond).Equal(b.Truncate(time.Microsecond))
}

// parseClassified reads the classification time of a stored document,
// "" (unknown) as zero.
func parseClassified(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return parseTime("classified_at", s)
}

// fetchTime orders revisions. FetchedAt is optional on the wire, so an
// article without it falls back to when it was classified.
func fetchTime(a *article.Article) time.Time {
	if a.FetchedAt.IsZero() {
		return a.ClassifiedAt
	}
	return a.FetchedAt
}

// checkBatch refuses a batch with a nil or invalid article. The sink
// validates first; this guards the store from other callers.
func checkBatch(batch []*article.Article) error {
	for i, a := range batch {
		if a == nil {
			return fmt.Errorf("put: article %d is nil", i)
		}
		if err := a.Validate(); err != nil {
			return fmt.Errorf("put: article %d (id %q): %w", i, a.ID, err)
		}
	}
	return nil
}

// Encoded is a store that takes articles with their documents as the
// caller holds them: docs[i] is batch[i] as json.Marshal writes it (the
// message the sink took from the bus, as the classifier encoded it), kept
// as the stored document instead of encoding the article again; a nil
// docs[i], or nil docs, is encoded by the store. Both of wiredesk's
// backends are.
type Encoded interface {
	PutEncoded(ctx context.Context, batch []*article.Article, docs [][]byte) ([]Outcome, error)
}

// checkDocs refuses documents that do not pair with batch.
func checkDocs(batch []*article.Article, docs [][]byte) error {
	if docs != nil && len(docs) != len(batch) {
		return fmt.Errorf("put: %d documents for %d articles", len(docs), len(batch))
	}
	return nil
}

// docFor is a's stored document: encoded when the caller holds it, else
// a encoded here.
func docFor(a *article.Article, encoded []byte) (string, error) {
	if encoded != nil {
		return string(encoded), nil
	}
	return encodeDoc(a)
}

func encodeDoc(a *article.Article) (string, error) {
	b, err := json.Marshal(a)
	if err != nil {
		return "", fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	return string(b), nil
}

func decodeDoc(id, doc string) (article.Article, error) {
	var a article.Article
	if err := json.Unmarshal([]byte(doc), &a); err != nil {
		return a, fmt.Errorf("decode stored article %s: %w", id, err)
	}
	return a, nil
}

// timeLayout is RFC 3339 with a fixed nine-digit fraction: in UTC its text
// sorts as its time does, which RFC3339Nano (trailing zeros trimmed) does not.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// nullTime is formatTime with a zero time as SQL NULL, so that articles
// without a publication time sort last and never match Since.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return formatTime(t)
}

func parseTime(col, s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored %s %q: %w", col, s, err)
	}
	return t, nil
}

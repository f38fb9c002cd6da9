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

// BackfillProgress is what is known of one file: saved in the progress
// bucket, and reported while the file is read.
type BackfillProgress struct {
	File string `json:"file"`
	Size int64  `json:"size"`
	// Offset is where the first record not yet published starts.
	Offset    int64            `json:"offset"`
	Records   int64            `json:"records"`
	Published int64            `json:"published"`
	Unchanged int64            `json:"unchanged"`
	Skipped   map[string]int64 `json:"skipped,omitempty"`
	Errors    int64            `json:"errors"`
	Done      bool             `json:"done"`
	Error     string           `json:"error,omitempty"`
	Started   time.Time        `json:"started"`
	Updated   time.Time        `json:"updated"`
	// Rate is records per second in this run, and ETA the time left at
	// that rate; neither is saved.
	Rate float64       `json:"-"`
	ETA  time.Duration `json:"-"`
}

// Kept is the records that became pages.
func (p BackfillProgress) Kept() int64 { return p.Published + p.Unchanged }

// SkippedTotal is the records passed over, for every reason.
func (p BackfillProgress) SkippedTotal() int64 {
	var n int64
	for _, v := range p.Skipped {
		n += v
	}
	return n
}

func progressKey(file string) string { return "f." + article.IDFor(file) }

// Progress returns the saved progress of a file, or nil.
func (b *Backfiller) Progress(ctx context.Context, file string) (*BackfillProgress, error) {
	if b.progress == nil {
		return nil, nil
	}
	e, err := b.progress.Get(ctx, progressKey(file))
	if errors.Is(err, jetstream.ErrKeyNotFound) || errors.Is(err, jetstream.ErrKeyDeleted) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("backfill progress of %s: %w", file, err)
	}
	var p BackfillProgress
	if err := json.Unmarshal(e.Value(), &p); err != nil {
		return nil, fmt.Errorf("backfill progress of %s: %w", file, err)
	}
	return &p, nil
}

func (b *Backfiller) save(ctx context.Context, p BackfillProgress) error {
	if b.progress == nil {
		return nil
	}
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	if _, err := b.progress.Put(ctx, progressKey(p.File), data); err != nil {
		return fmt.Errorf("backfill progress of %s: %w", p.File, err)
	}
	return nil
}

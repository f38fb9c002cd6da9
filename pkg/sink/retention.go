package sink

import (
	"context"
	"log/slog"
	"time"
)

// Pruner deletes articles older than a time.
type Pruner interface {
	Prune(ctx context.Context, olderThan time.Time) (int, error)
}

// Retain deletes articles older than keep, now and then every interval,
// until ctx ends. A failed prune is logged and tried again next time:
// retention is housekeeping, and must not stop the sink.
func Retain(ctx context.Context, p Pruner, keep, interval time.Duration, log *slog.Logger) {
	if keep <= 0 {
		return
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		n, err := p.Prune(ctx, time.Now().Add(-keep))
		switch {
		case ctx.Err() != nil:
			return
		case err != nil:
			log.Warn("retention: prune failed; will retry", "err", err)
		case n > 0:
			log.Info("retention: pruned old articles", "deleted", n, "older_than", keep)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

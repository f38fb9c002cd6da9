package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// indexer moves the articles Put recorded in search_pending into the
// full-text index, off the write path: once a batch's worth is pending it
// waits until writes pause, and a lag bound passed it indexes whatever is
// pending; either way in batches. Searches call drain first, so they
// never miss a committed article.
type indexer struct {
	run    func(ctx context.Context) error
	log    *slog.Logger
	timing indexTiming
	wake   chan struct{}
	added  atomic.Int64 // articles Put added since the last drain began
	mu     sync.Mutex   // one drain at a time
	stopc  context.CancelFunc
	done   chan struct{}
}

// indexTiming is when the indexer indexes; after is time.After, or the
// tests' own ticks.
type indexTiming struct {
	idle, maxLag time.Duration
	minBatch     int64
	after        func(time.Duration) <-chan time.Time
}

// Indexer timing: idle is the pause in writes it waits for, once minBatch
// articles are pending; maxLag bounds how long articles stay out of the
// index (where a search does not index them first).
//
// A sink commits every 50 ms (its batch_wait) while articles flow, so the
// idle wait alone used to end after nearly every commit: a backfill's
// sink indexed some ten articles a transaction, and the index's commits,
// FTS5's segment writes and its merges of those small segments were a
// fifth of the sink's CPU (issue #15). Now a transaction indexes up to
// maxLag's worth, or minBatch. What a search sees is unchanged, as it
// drains first; it may find more to index then, up to maxLag's worth.
const (
	indexIdle     = 50 * time.Millisecond
	indexMaxLag   = 2 * time.Second
	indexMinBatch = 1024
)

func defaultIndexTiming() indexTiming {
	return indexTiming{idle: indexIdle, maxLag: indexMaxLag, minBatch: indexMinBatch, after: time.After}
}

func startIndexer(run func(ctx context.Context) error, log *slog.Logger, timing indexTiming) *indexer {
	ctx, cancel := context.WithCancel(context.Background())
	x := &indexer{run: run, log: log, timing: timing, wake: make(chan struct{}, 1), stopc: cancel, done: make(chan struct{})}
	go x.loop(ctx)
	x.poke(int(timing.minBatch)) // what a previous process left pending, at once
	return x
}

// poke tells the indexer that n more articles are pending; it never
// blocks.
func (x *indexer) poke(n int) {
	if x == nil {
		return
	}
	x.added.Add(int64(n))
	select {
	case x.wake <- struct{}{}:
	default:
	}
}

func (x *indexer) loop(ctx context.Context) {
	defer close(x.done)
	for {
		select {
		case <-ctx.Done():
			return
		case <-x.wake:
		}
		deadline := time.NewTimer(x.timing.maxLag)
	settle:
		for {
			select {
			case <-ctx.Done():
				deadline.Stop()
				return
			case <-x.wake:
			case <-x.timing.after(x.timing.idle):
				if x.added.Load() >= x.timing.minBatch {
					break settle
				}
			case <-deadline.C:
				break settle
			}
		}
		deadline.Stop()
		if err := x.drain(ctx); err != nil && ctx.Err() == nil {
			// Searches drain too, and report their own errors; the next
			// write retries here.
			x.log.Warn("search index", "err", err)
		}
	}
}

// drain indexes everything pending.
func (x *indexer) drain(ctx context.Context) error {
	if x == nil {
		return nil
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	x.added.Store(0)
	return x.run(ctx)
}

func (x *indexer) stop() {
	if x == nil {
		return
	}
	x.stopc()
	<-x.done
}

// indexPending indexes the pending articles, a batch per transaction.
// FTS5 writes a segment per transaction and merges segments as they pile
// up: batches of 1,024 rather than 256 made sustained Put with indexing
// about 40% faster (BenchmarkPutBatch), for some 8 MiB of tokens in memory.
func (s *sqliteStore) indexPending(ctx context.Context) error {
	const batch = 1024
	for {
		n, err := s.indexBatch(ctx, batch)
		if err != nil {
			return fmt.Errorf("store %s: index: %w", s.name, err)
		}
		if n < batch {
			return nil
		}
	}
}

// indexBatch reads pending articles on a reader and tokenises them before
// it takes the writer, so that stemming does not hold up Put. A pending
// entry is cleared only for the revision that was indexed: one that Put
// replaced meanwhile stays, and the next batch indexes the newer text.
func (s *sqliteStore) indexBatch(ctx context.Context, limit int) (int, error) {
	ps, err := s.pending(ctx, limit)
	if err != nil || len(ps) == 0 {
		return 0, err
	}
	for i := range ps {
		// No article: it was pruned, or replaced by a revision that has
		// its own pending entry by now.
		if ps[i].a != nil {
			ps[i].row = tokenize(ps[i].a, s.stems)
		}
	}

	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	x, err := prepareSQLiteIndex(ctx, tx)
	if err != nil {
		return 0, err
	}
	done, err := tx.PrepareContext(ctx, `DELETE FROM search_pending WHERE id = ? AND content_hash = ?`)
	if err != nil {
		return 0, err
	}
	for _, p := range ps {
		if p.row != nil {
			if err := x.add(ctx, p.row); err != nil {
				return 0, err
			}
		}
		if _, err := done.ExecContext(ctx, p.id, p.hash); err != nil {
			return 0, err
		}
	}
	if err := x.flush(ctx); err != nil {
		return 0, err
	}
	return len(ps), tx.Commit()
}

// pend is one pending index entry and, when it is still current, its
// article.
type pend struct {
	id, hash string
	a        *article.Article
	row      *indexRow
}

// pending reads up to limit pending entries with their articles: from
// fresh when Put left them there, else from the database.
func (s *sqliteStore) pending(ctx context.Context, limit int) ([]pend, error) {
	// current: the article is there at the pending revision (not pruned,
	// not replaced since).
	rows, err := s.r.QueryContext(ctx, `SELECT p.id, p.content_hash, a.id IS NOT NULL FROM search_pending p
		LEFT JOIN articles a ON a.id = p.id AND a.content_hash = p.content_hash ORDER BY p.id LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	var ps []pend
	var current []bool
	for rows.Next() {
		var p pend
		var cur bool
		if err := rows.Scan(&p.id, &p.hash, &cur); err != nil {
			rows.Close()
			return nil, err
		}
		ps = append(ps, p)
		current = append(current, cur)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		s.fresh.reset()
		return nil, nil
	}
	for i := range ps {
		if !current[i] {
			continue
		}
		if ps[i].a = s.fresh.take(ps[i].id, ps[i].hash); ps[i].a != nil {
			continue
		}
		var doc string
		err := s.r.QueryRowContext(ctx, `SELECT doc FROM articles WHERE id = ? AND content_hash = ?`, ps[i].id, ps[i].hash).Scan(&doc)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return nil, err
		default:
			a, err := decodeDoc(ps[i].id, doc)
			if err != nil {
				return nil, err
			}
			ps[i].a = &a
		}
	}
	return ps, nil
}

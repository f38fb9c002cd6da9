package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers driver "sqlite"

	"github.com/wiredesk/wiredesk/pkg/article"
)

//go:embed migrations/sqlite/*.sql
var sqliteMigrations embed.FS

// Pragmas every connection gets. busy_timeout comes first so that the
// others wait for a lock instead of failing while another process migrates.
// The writer gets a 64 MiB page cache (SQLite's default is 2 MiB, smaller
// than the index pages one batch touches) and checkpoints the WAL every
// 8,192 pages (32 MiB) rather than 1,000, so that pages written again and
// again reach the database file once per checkpoint: together about a
// quarter more articles per second (BenchmarkPutBatch).
const (
	sqliteWriterParams = "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)" +
		"&_pragma=cache_size(-65536)&_pragma=wal_autocheckpoint(8192)&_txlock=immediate"
	sqliteReaderParams = "?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=query_only(1)"
)

// sqliteStore has one writer connection, because SQLite serialises writers
// anyway and a single connection turns lock contention into queueing, and
// a pool of readers, which WAL lets run beside the writer.
type sqliteStore struct {
	name string // for errors: sqlite:PATH
	w, r *sql.DB
	log  *slog.Logger

	indexer *indexer
	// stems caches tokens by word across index batches: the words of news
	// repeat from day to day. Only indexBatch uses it, and the indexer
	// runs one batch at a time.
	stems map[string]string
	fresh *fresh

	closeOnce sync.Once
	closeErr  error
}

func openSQLite(ctx context.Context, path string, log *slog.Logger) (_ *sqliteStore, err error) {
	name := "sqlite:" + path
	switch {
	case path == "":
		return nil, fmt.Errorf("store %s: empty path; want sqlite:PATH", name)
	case path == ":memory:" || strings.HasPrefix(path, "file:"):
		return nil, fmt.Errorf("store %s: want a file path (readers and the writer share the file)", name)
	case strings.ContainsAny(path, "?#"):
		return nil, fmt.Errorf("store %s: path must not contain ? or #", name)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("store %s: %w", name, err)
	}
	s := &sqliteStore{name: name, log: log, stems: map[string]string{}, fresh: newFresh()}
	if s.w, err = sql.Open("sqlite", path+sqliteWriterParams); err != nil {
		return nil, fmt.Errorf("store %s: %w", name, err)
	}
	s.w.SetMaxOpenConns(1)
	// Idle connections would otherwise be closed and reopened, repeating the
	// pragmas and losing SQLite's page cache.
	s.w.SetConnMaxIdleTime(0)
	defer func() {
		if err != nil {
			err = errors.Join(err, s.Close())
		}
	}()
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	// Readers open after the migration has switched the file to WAL.
	if s.r, err = sql.Open("sqlite", path+sqliteReaderParams); err != nil {
		return nil, fmt.Errorf("store %s: %w", name, err)
	}
	s.r.SetMaxOpenConns(max(4, runtime.NumCPU()))
	s.r.SetMaxIdleConns(max(4, runtime.NumCPU()))
	if err := s.r.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("store %s: %w", name, err)
	}
	s.indexer = startIndexer(s.indexPending, log, defaultIndexTiming())
	return s, nil
}

func (s *sqliteStore) migrate(ctx context.Context) error {
	ms, err := loadMigrations(sqliteMigrations, "migrations/sqlite")
	if err != nil {
		return fmt.Errorf("store %s: %w", s.name, err)
	}
	if _, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("store %s: create schema_migrations: %w", s.name, err)
	}
	latest := ms[len(ms)-1].version
	var have int
	if err := s.w.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("store %s: read schema version: %w", s.name, err)
	}
	if have > latest {
		return fmt.Errorf("store %s: schema version %d is newer than this build (%d)", s.name, have, latest)
	}
	for _, m := range ms {
		if m.version <= have {
			continue
		}
		applied, err := s.apply(ctx, m)
		if err != nil {
			return fmt.Errorf("store %s: migration %s: %w", s.name, m.name, err)
		}
		if applied {
			s.log.Info("store migrated", "store", s.name, "version", m.version, "migration", m.name)
		}
	}
	return nil
}

// apply runs one migration in its own transaction. The transaction takes
// the write lock first (_txlock=immediate), so a second process opening the
// same file waits, then sees the version recorded and skips it.
func (s *sqliteStore) apply(ctx context.Context, m migration) (bool, error) {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
		m.version, formatTime(time.Now())); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// sqlitePut holds the statements of one Put transaction, prepared once per
// batch rather than once per article.
type sqlitePut struct {
	current, insert, update, revision, pending *sql.Stmt
}

func (s *sqliteStore) Put(ctx context.Context, batch []*article.Article) ([]Outcome, error) {
	return s.PutEncoded(ctx, batch, nil)
}

// PutEncoded is Put with the articles' documents as the caller holds
// them (see Encoded).
func (s *sqliteStore) PutEncoded(ctx context.Context, batch []*article.Article, docs [][]byte) (_ []Outcome, err error) {
	if err := checkBatch(batch); err != nil {
		return nil, err
	}
	if err := checkDocs(batch, docs); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store %s: put: %w", s.name, err)
	}
	if len(batch) == 0 {
		return []Outcome{}, nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store %s: put: %w", s.name, err)
	}
	defer tx.Rollback()
	p, err := prepareSQLitePut(ctx, tx)
	if err != nil {
		return nil, fmt.Errorf("store %s: put: %w", s.name, err)
	}
	now := formatTime(time.Now())
	outcomes := make([]Outcome, len(batch))
	for i, a := range batch {
		var doc []byte
		if docs != nil {
			doc = docs[i]
		}
		if outcomes[i], err = p.put(ctx, a, doc, now); err != nil {
			return nil, fmt.Errorf("store %s: put article %d (id %s): %w", s.name, i, a.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store %s: put: commit: %w", s.name, err)
	}
	s.fresh.add(batch, outcomes)
	s.indexer.poke(len(batch))
	return outcomes, nil
}

func prepareSQLitePut(ctx context.Context, tx *sql.Tx) (*sqlitePut, error) {
	var p sqlitePut
	for _, st := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&p.current, `SELECT revision, content_hash, fetched_at, COALESCE(json_extract(doc, '$.classified_at'), '') FROM articles WHERE id = ?`},
		{&p.insert, `INSERT INTO articles (id, url, source, lang, title, published_at, fetched_at,
			content_hash, relevant, score, revision, first_seen, updated_at, doc)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`},
		{&p.update, `UPDATE articles SET url = ?, source = ?, lang = ?, title = ?, published_at = ?,
			fetched_at = ?, content_hash = ?, relevant = ?, score = ?, revision = ?, updated_at = ?, doc = ?
			WHERE id = ?`},
		// The current revision lives in articles only; an update first
		// moves it to revisions. A new article is written once, not twice.
		{&p.revision, `INSERT INTO revisions (id, revision, content_hash, fetched_at, stored_at, doc)
			SELECT id, revision, content_hash, fetched_at, updated_at, doc FROM articles WHERE id = ?`},
		{&p.pending, `INSERT OR REPLACE INTO search_pending (id, content_hash) VALUES (?, ?)`},
	} {
		stmt, err := tx.PrepareContext(ctx, st.query)
		if err != nil {
			return nil, err
		}
		*st.dst = stmt
	}
	return &p, nil
}

// put stores a; encoded is its document as the caller holds it, nil to
// encode it here.
func (p *sqlitePut) put(ctx context.Context, a *article.Article, encoded []byte, now string) (Outcome, error) {
	var cur *current
	var c current
	var fetched, classified string
	err := p.current.QueryRowContext(ctx, a.ID).Scan(&c.revision, &c.hash, &fetched, &classified)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return 0, err
	default:
		if c.fetchedAt, err = parseTime("fetched_at", fetched); err != nil {
			return 0, err
		}
		if c.classifiedAt, err = parseClassified(classified); err != nil {
			return 0, err
		}
		cur = &c
	}
	outcome, rev := decide(cur, a)
	if outcome == Unchanged {
		return outcome, nil
	}
	doc, err := docFor(a, encoded)
	if err != nil {
		return 0, err
	}
	fetchedAt := formatTime(fetchTime(a))
	if outcome == Inserted {
		_, err = p.insert.ExecContext(ctx, a.ID, a.URL, a.Source, a.Lang, a.Title, nullTime(a.PublishedAt),
			fetchedAt, a.ContentHash, a.Relevance.Relevant, a.Relevance.Score, now, now, doc)
	} else {
		if _, err := p.revision.ExecContext(ctx, a.ID); err != nil {
			return 0, err
		}
		_, err = p.update.ExecContext(ctx, a.URL, a.Source, a.Lang, a.Title, nullTime(a.PublishedAt),
			fetchedAt, a.ContentHash, a.Relevance.Relevant, a.Relevance.Score, rev, now, doc, a.ID)
	}
	if err != nil {
		return 0, err
	}
	if _, err := p.pending.ExecContext(ctx, a.ID, a.ContentHash); err != nil {
		return 0, err
	}
	return outcome, nil
}

// Ping reports whether the database can be read: the sink's readiness.
// It reads on a reader connection, so that a long write does not make the
// store look down.
func (s *sqliteStore) Ping(ctx context.Context) error {
	var one int
	if err := s.r.QueryRowContext(ctx, `SELECT 1 FROM schema_migrations LIMIT 1`).Scan(&one); err != nil {
		return fmt.Errorf("store %s: %w", s.name, err)
	}
	return nil
}

func (s *sqliteStore) Get(ctx context.Context, id string) (*Record, error) {
	rows, err := s.r.QueryContext(ctx,
		`SELECT id, doc, revision, first_seen, updated_at FROM articles WHERE id = ?`, id)
	if err != nil {
		return nil, fmt.Errorf("store %s: get %s: %w", s.name, id, err)
	}
	recs, err := scanRecords(rows)
	if err != nil {
		return nil, fmt.Errorf("store %s: get %s: %w", s.name, id, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("get %s: %w", id, ErrNotFound)
	}
	return &recs[0], nil
}

func (s *sqliteStore) Has(ctx context.Context, ids []string) (map[string]bool, error) {
	has := make(map[string]bool, len(ids))
	for len(ids) > 0 {
		// SQLite binds at most 32,766 parameters a statement.
		chunk := ids[:min(len(ids), 512)]
		ids = ids[len(chunk):]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.r.QueryContext(ctx, `SELECT id FROM articles WHERE id IN (?`+strings.Repeat(`, ?`, len(chunk)-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("store %s: has: %w", s.name, err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store %s: has: %w", s.name, err)
			}
			has[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store %s: has: %w", s.name, err)
		}
	}
	return has, nil
}

func (s *sqliteStore) Revisions(ctx context.Context, id string) ([]Record, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT r.id, r.doc, r.revision, a.first_seen, r.stored_at
		FROM revisions r JOIN articles a ON a.id = r.id WHERE r.id = ?1
		UNION ALL SELECT id, doc, revision, first_seen, updated_at FROM articles WHERE id = ?1
		ORDER BY 3`, id)
	if err != nil {
		return nil, fmt.Errorf("store %s: revisions %s: %w", s.name, id, err)
	}
	recs, err := scanRecords(rows)
	if err != nil {
		return nil, fmt.Errorf("store %s: revisions %s: %w", s.name, id, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("revisions %s: %w", id, ErrNotFound)
	}
	return recs, nil
}

func (s *sqliteStore) List(ctx context.Context, q Query) ([]Record, error) {
	query, args := listSQL(q, func(int) string { return "?" })
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store %s: list: %w", s.name, err)
	}
	recs, err := scanRecords(rows)
	if err != nil {
		return nil, fmt.Errorf("store %s: list: %w", s.name, err)
	}
	return recs, nil
}

func (s *sqliteStore) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store %s: count: %w", s.name, err)
	}
	return n, nil
}

func (s *sqliteStore) Close() error {
	s.closeOnce.Do(func() {
		var errs []error
		// What is still pending stays in search_pending for the next open.
		s.indexer.stop()
		for _, db := range []*sql.DB{s.r, s.w} {
			if db != nil {
				errs = append(errs, db.Close())
			}
		}
		if err := errors.Join(errs...); err != nil {
			s.closeErr = fmt.Errorf("store %s: close: %w", s.name, err)
		}
	})
	return s.closeErr
}

// scanRecords reads rows of (id, doc, revision, first_seen, updated_at) and
// closes them.
func scanRecords(rows *sql.Rows) ([]Record, error) {
	defer rows.Close()
	recs := []Record{}
	for rows.Next() {
		var id, doc, first, updated string
		var r Record
		if err := rows.Scan(&id, &doc, &r.Revision, &first, &updated); err != nil {
			return nil, err
		}
		var err error
		if r.Article, err = decodeDoc(id, doc); err != nil {
			return nil, err
		}
		if r.FirstSeen, err = parseTime("first_seen", first); err != nil {
			return nil, err
		}
		if r.UpdatedAt, err = parseTime("updated_at", updated); err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	return recs, rows.Err()
}

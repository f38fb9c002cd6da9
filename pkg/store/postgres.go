package store

import (
	"context"
	"embed"
	"fmt"
	"hash/fnv"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/wiredesk/wiredesk/pkg/article"
)

//go:embed migrations/postgres/*.sql
var postgresMigrations embed.FS

// defaultPoolSize applies when the DSN sets no pool_max_conns. pgxpool's
// own default follows the CPU count of the client, which says nothing about
// what the server can take.
const defaultPoolSize = 8

// Advisory lock keys. The migration lock uses the two-int4 key space and
// the article locks the int8 one; PostgreSQL keeps the two apart, so no
// article hash can collide with the migration lock.
const (
	migrationLockClass = 0x77646b // "wdk"
	migrationLockID    = 1
)

// postgresStore is the PostgreSQL backend. Several sink replicas may write
// to one database: Put serialises writers per article with transaction
// advisory locks, taken in one sorted sweep so that writers cannot deadlock.
type postgresStore struct {
	name string // the redacted DSN, for errors and logs
	pool *pgxpool.Pool
	log  *slog.Logger

	closeOnce sync.Once
}

func openPostgres(ctx context.Context, dsn string, log *slog.Logger) (_ *postgresStore, err error) {
	name := Redact(dsn)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// pgx quotes the DSN in some parse errors; say only what it found.
		return nil, fmt.Errorf("store %s: invalid DSN: %s", name, redactError(err, dsn))
	}
	if !strings.Contains(dsn, "pool_max_conns=") {
		cfg.MaxConns = defaultPoolSize
	}
	s := &postgresStore{name: name, log: log}
	if s.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, fmt.Errorf("store %s: %s", name, redactError(err, dsn))
	}
	defer func() {
		if err != nil {
			s.Close()
		}
	}()
	if err := s.pool.Ping(ctx); err != nil {
		return nil, fmt.Errorf("store %s: connect: %w", name, err)
	}
	if err := s.migrate(ctx); err != nil {
		return nil, err
	}
	log.Info("store opened", "store", name, "pool_max_conns", cfg.MaxConns)
	return s, nil
}

// redactError is err's text with any password of dsn masked, for errors
// that may quote the DSN they failed on.
func redactError(err error, dsn string) string {
	msg := err.Error()
	if strings.Contains(msg, dsn) {
		msg = strings.ReplaceAll(msg, dsn, Redact(dsn))
	}
	return msg
}

func (s *postgresStore) migrate(ctx context.Context) error {
	ms, err := loadMigrations(postgresMigrations, "migrations/postgres")
	if err != nil {
		return fmt.Errorf("store %s: %w", s.name, err)
	}
	latest := ms[len(ms)-1].version
	for _, m := range ms {
		applied, err := s.apply(ctx, m, latest)
		if err != nil {
			return fmt.Errorf("store %s: migration %s: %w", s.name, m.name, err)
		}
		if applied {
			s.log.Info("store migrated", "store", s.name, "version", m.version, "migration", m.name)
		}
	}
	return nil
}

// apply runs one migration in its own transaction under a database-wide
// advisory lock, so that of two sinks starting together one migrates and
// the other, once the lock is its, sees the version recorded and skips it.
// The lock also covers creating schema_migrations, which two concurrent
// CREATE TABLE IF NOT EXISTS would otherwise race on.
func (s *postgresStore) apply(ctx context.Context, m migration, latest int) (bool, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback(ctx) //nolint:errcheck // after Commit it is a no-op
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, $2)`, migrationLockClass, migrationLockID); err != nil {
		return false, fmt.Errorf("lock: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY, applied_at timestamptz NOT NULL)`); err != nil {
		return false, fmt.Errorf("create schema_migrations: %w", err)
	}
	var have int
	var done bool
	if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0), COALESCE(bool_or(version = $1), false)
		FROM schema_migrations`, m.version).Scan(&have, &done); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	if have > latest {
		return false, fmt.Errorf("schema version %d is newer than this build (%d)", have, latest)
	}
	if done {
		return false, nil
	}
	// Without arguments pgx uses the simple protocol, which runs a file of
	// several statements.
	if _, err := tx.Exec(ctx, m.sql); err != nil {
		return false, err
	}
	if err := s.afterMigration(ctx, tx, m.version); err != nil {
		return false, err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now())`,
		m.version); err != nil {
		return false, err
	}
	return true, tx.Commit(ctx)
}

// Put takes, in one round trip, an advisory lock per article id (in key
// order, so that concurrent Puts on overlapping ids queue rather than
// deadlock) and the stored state of those ids; decides every article as
// SQLite does; then sends all writes as one pipelined batch. Row locks
// (SELECT ... FOR UPDATE) would not cover ids that do not exist yet, and
// two replicas inserting the same new id would then fail on the key.
func (s *postgresStore) Put(ctx context.Context, batch []*article.Article) (_ []Outcome, err error) {
	if err := checkBatch(batch); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store %s: put: %w", s.name, err)
	}
	if len(batch) == 0 {
		return []Outcome{}, nil
	}
	docs := make([]string, len(batch))
	for i, a := range batch {
		if docs[i], err = encodeDoc(a); err != nil {
			return nil, fmt.Errorf("store %s: put article %d: %w", s.name, i, err)
		}
		// jsonb and text refuse NUL; fail with a reason rather than
		// PostgreSQL's "unsupported Unicode escape sequence".
		if strings.Contains(docs[i], `\u0000`) {
			return nil, fmt.Errorf("store %s: put article %d (id %s): contains NUL, which PostgreSQL cannot store",
				s.name, i, a.ID)
		}
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("store %s: put: %w", s.name, err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck // after Commit it is a no-op
	known, err := lockCurrent(ctx, tx, batch)
	if err != nil {
		return nil, fmt.Errorf("store %s: put: %w", s.name, err)
	}
	outcomes, writes := planPut(batch, known, time.Now())
	if err := sendWrites(ctx, tx, batch, docs, writes); err != nil {
		return nil, fmt.Errorf("store %s: put: write: %w", s.name, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("store %s: put: commit: %w", s.name, err)
	}
	return outcomes, nil
}

// lockCurrent locks the ids of batch for the rest of tx and returns what
// is stored under them. Each statement of a READ COMMITTED transaction
// takes a new snapshot, so the SELECT after the lock sees whatever the
// previous holder committed.
func lockCurrent(ctx context.Context, tx pgx.Tx, batch []*article.Article) (map[string]*current, error) {
	ids := make([]string, 0, len(batch))
	for _, a := range batch {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	keys := make([]int64, 0, len(ids))
	for _, id := range ids {
		keys = append(keys, lockKey(id))
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)

	b := &pgx.Batch{}
	// unnest yields the array in order, and the locks are taken row by row.
	b.Queue(`SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k`, keys)
	b.Queue(`SELECT id, revision, content_hash, fetched_at FROM articles WHERE id = ANY($1)`, ids)
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	if _, err := br.Exec(); err != nil {
		return nil, fmt.Errorf("lock articles: %w", err)
	}
	rows, err := br.Query()
	if err != nil {
		return nil, fmt.Errorf("read current: %w", err)
	}
	known := make(map[string]*current, len(ids))
	var id string
	var c current
	_, err = pgx.ForEachRow(rows, []any{&id, &c.revision, &c.hash, &c.fetchedAt}, func() error {
		cc := c
		known[id] = &cc
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read current: %w", err)
	}
	return known, br.Close()
}

// lockKey maps an id to an advisory lock key. Two ids sharing a key only
// wait for each other.
func lockKey(id string) int64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	return int64(h.Sum64())
}

// moveCurrent opens the statement of an update: the current revision lives
// in articles only, and moves to revisions before the update overwrites
// it. Every part of one statement sees the same snapshot, so it reads the
// row as it was before the update in the same statement.
const moveCurrent = `WITH old AS (INSERT INTO revisions (id, revision, content_hash, fetched_at, stored_at, doc)
	SELECT id, revision, content_hash, fetched_at, updated_at, doc FROM articles WHERE id = $1), `

// written ends the statements of queueWrite, whose work is in their WITH
// clauses.
const written = `SELECT count(*) FROM a`

// indexCTEs are the clauses of queueWrite's statements that keep the
// search index and the countries of the row written by WITH a (...) up to
// date; title, body and countries are the numbers of their bind
// parameters. They hang on a so that they run in its statement: the index
// costs no statement of its own. An update deletes the countries the
// article lost and inserts the rest, rather than deleting all and
// inserting again, because one statement cannot delete and insert a row.
func indexCTEs(title, body, countries int, update bool) string {
	var lost string
	if update {
		lost = fmt.Sprintf(`d AS (DELETE FROM article_countries ac USING a
			WHERE ac.id = a.id AND ac.country <> ALL ($%d::text[])),`, countries)
	}
	return fmt.Sprintf(`, s AS (INSERT INTO article_search (id, title, body)
			SELECT id, $%[1]d::text, $%[2]d::text FROM a
			ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body),
		%[4]s
		c AS (INSERT INTO article_countries (country, id) SELECT x, a.id FROM a, unnest($%[3]d::text[]) AS x
			ON CONFLICT DO NOTHING)
		`, title, body, countries, lost)
}

// putWrite is one article planPut decided to store.
type putWrite struct {
	i       int // in the batch
	outcome Outcome
	rev     int
	now     time.Time
	fetched time.Time
}

// planPut decides every article of batch against known, which it updates
// as it goes so that an id repeated in the batch is decided against its
// earlier self, and returns the outcomes and the articles to write.
func planPut(batch []*article.Article, known map[string]*current, now time.Time) ([]Outcome, []putWrite) {
	// PostgreSQL keeps microseconds. Compare fetch times as stored, so that
	// an id repeated in the batch is decided as it would be across batches.
	now = now.Truncate(time.Microsecond)
	outcomes := make([]Outcome, len(batch))
	var writes []putWrite
	for i, a := range batch {
		outcome, rev := decide(known[a.ID], a)
		outcomes[i] = outcome
		if outcome == Unchanged {
			continue
		}
		fetched := fetchTime(a).Truncate(time.Microsecond)
		known[a.ID] = &current{revision: rev, hash: a.ContentHash, fetchedAt: fetched}
		writes = append(writes, putWrite{i: i, outcome: outcome, rev: rev, now: now, fetched: fetched})
	}
	return outcomes, writes
}

// writeChunk is how many articles sendWrites pipelines at a time.
const writeChunk = 64

// sendWrites sends the statements of writes in pipelined batches of
// writeChunk. A goroutine tokenises the articles meanwhile, so that
// stemming the next chunk overlaps with the server writing this one: in
// one batch the server would wait for all the stemming, then the client
// for all the writing.
func sendWrites(ctx context.Context, tx pgx.Tx, batch []*article.Article, docs []string, writes []putWrite) error {
	rows := make(chan *indexRow, len(writes)) // never blocks: no goroutine outlives an early return
	go func() {
		stems := map[string]string{}
		for _, w := range writes {
			rows <- tokenize(batch[w.i], stems)
		}
		close(rows)
	}()
	for start := 0; start < len(writes); start += writeChunk {
		b := &pgx.Batch{}
		for _, w := range writes[start:min(start+writeChunk, len(writes))] {
			queueWrite(b, batch[w.i], docs[w.i], w, <-rows)
		}
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
	}
	return nil
}

// queueWrite queues the one statement that stores a, its revision and its
// index entry x.
func queueWrite(b *pgx.Batch, a *article.Article, doc string, w putWrite, x *indexRow) {
	countries := upperCountries(a.Countries)
	// published_at goes as text, as List's Since does, so that both are
	// rounded to microseconds by the same parser.
	if w.outcome == Inserted {
		b.Queue(`WITH a AS (INSERT INTO articles (id, url, source, lang, title, published_at, fetched_at,
			content_hash, relevant, score, revision, first_seen, updated_at, doc)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11, $12)
			RETURNING id)
			`+indexCTEs(13, 14, 15, false)+written,
			a.ID, a.URL, a.Source, a.Lang, a.Title, nullTime(a.PublishedAt), w.fetched,
			a.ContentHash, a.Relevance.Relevant, a.Relevance.Score, w.now, doc,
			x.title, x.body, countries)
		return
	}
	b.Queue(moveCurrent+`a AS (UPDATE articles SET url = $2, source = $3, lang = $4, title = $5,
		published_at = $6, fetched_at = $7, content_hash = $8, relevant = $9, score = $10,
		revision = $11, updated_at = $12, doc = $13 WHERE id = $1
		RETURNING id)
		`+indexCTEs(14, 15, 16, true)+written,
		a.ID, a.URL, a.Source, a.Lang, a.Title, nullTime(a.PublishedAt), w.fetched,
		a.ContentHash, a.Relevance.Relevant, a.Relevance.Score, w.rev, w.now, doc,
		x.title, x.body, countries)
}

// Ping reports whether the server answers: the sink's readiness.
func (s *postgresStore) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return fmt.Errorf("store %s: %w", s.name, err)
	}
	return nil
}

func (s *postgresStore) Get(ctx context.Context, id string) (*Record, error) {
	recs, err := s.records(ctx, `SELECT id, doc::text, revision, first_seen, updated_at FROM articles WHERE id = $1`, id)
	if err != nil {
		return nil, fmt.Errorf("store %s: get %s: %w", s.name, id, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("get %s: %w", id, ErrNotFound)
	}
	return &recs[0], nil
}

func (s *postgresStore) Revisions(ctx context.Context, id string) ([]Record, error) {
	recs, err := s.records(ctx, `SELECT r.id, r.doc::text, r.revision, a.first_seen, r.stored_at
		FROM revisions r JOIN articles a ON a.id = r.id WHERE r.id = $1
		UNION ALL SELECT id, doc::text, revision, first_seen, updated_at FROM articles WHERE id = $1
		ORDER BY 3`, id)
	if err != nil {
		return nil, fmt.Errorf("store %s: revisions %s: %w", s.name, id, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("revisions %s: %w", id, ErrNotFound)
	}
	return recs, nil
}

func (s *postgresStore) List(ctx context.Context, q Query) ([]Record, error) {
	query, args := listSQL(q, func(n int) string { return fmt.Sprintf("$%d", n) })
	// listSQL selects doc itself; jsonb is read as its text.
	query = strings.Replace(query, "SELECT id, doc,", "SELECT id, doc::text,", 1)
	recs, err := s.records(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store %s: list: %w", s.name, err)
	}
	return recs, nil
}

func (s *postgresStore) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store %s: count: %w", s.name, err)
	}
	return n, nil
}

// Close waits for connections in use to come back, then closes them all.
func (s *postgresStore) Close() error {
	s.closeOnce.Do(s.pool.Close)
	return nil
}

// records runs a query of (id, doc, revision, first_seen, updated_at).
func (s *postgresStore) records(ctx context.Context, query string, args ...any) ([]Record, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	recs := []Record{}
	var id, doc string
	var r Record
	_, err = pgx.ForEachRow(rows, []any{&id, &doc, &r.Revision, &r.FirstSeen, &r.UpdatedAt}, func() error {
		a, err := decodeDoc(id, doc)
		if err != nil {
			return err
		}
		recs = append(recs, Record{Article: a, Revision: r.Revision,
			FirstSeen: r.FirstSeen.UTC(), UpdatedAt: r.UpdatedAt.UTC()})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return recs, nil
}

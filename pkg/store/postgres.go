package store

import (
	"context"
	"embed"
	"fmt"
	"log/slog"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
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

func (s *postgresStore) Has(ctx context.Context, ids []string) (map[string]bool, error) {
	has := make(map[string]bool, len(ids))
	if len(ids) == 0 {
		return has, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT id FROM articles WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("store %s: has: %w", s.name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store %s: has: %w", s.name, err)
		}
		has[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store %s: has: %w", s.name, err)
	}
	return has, nil
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

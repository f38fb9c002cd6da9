package store

import (
	"context"
	"fmt"
	"time"
)

// The methods the search work added to Store. They live apart from
// postgres.go so that PostgreSQL's own full-text search can replace this
// file whole.

// errNoSearch is what the search methods return until PostgreSQL has its
// own full-text index.
var errNoSearch = fmt.Errorf("postgres: search: not implemented yet")

func (s *postgresStore) Search(context.Context, SearchQuery) (SearchPage, error) {
	return SearchPage{}, errNoSearch
}

func (s *postgresStore) Scan(context.Context, SearchQuery, func(Record) error) error {
	return errNoSearch
}

func (s *postgresStore) Stats(context.Context, StatsQuery) (Stats, error) {
	return Stats{}, errNoSearch
}

// Prune needs no search index here: revisions go with their article by
// ON DELETE CASCADE.
func (s *postgresStore) Prune(ctx context.Context, olderThan time.Time) (int, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM articles WHERE COALESCE(published_at, fetched_at) < $1`, olderThan)
	if err != nil {
		return 0, fmt.Errorf("store %s: prune: %w", s.name, err)
	}
	return int(tag.RowsAffected()), nil
}

// Package store keeps cleaned articles with their revision history behind
// one small interface, so that the sink does not care whether it writes to
// the embedded SQLite file or to PostgreSQL.
//
// A Put is idempotent: JetStream redelivers, and a redelivered article must
// not become a new revision. An article whose content changed becomes a new
// revision; an older fetch that arrives late never overwrites a newer one.
package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// Outcome says what a Put did with one article.
type Outcome int

// Outcomes.
const (
	Inserted  Outcome = iota + 1 // a new article
	Updated                      // a known article whose content changed: a new revision
	Unchanged                    // same content hash as stored (a redelivery), or an older fetch than stored
)

func (o Outcome) String() string {
	switch o {
	case Inserted:
		return "inserted"
	case Updated:
		return "updated"
	case Unchanged:
		return "unchanged"
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// Record is a stored article with its bookkeeping.
type Record struct {
	Article   article.Article
	Revision  int       // 1 for the first version
	FirstSeen time.Time // when revision 1 was stored
	UpdatedAt time.Time // when the current revision was stored
}

// Query selects articles for List.
type Query struct {
	Lang, Source string    // "" = any
	Since        time.Time // published_at >= Since when non-zero
	Relevant     *bool     // nil = any
	Limit        int       // 0 = 100; capped at 10000
	Offset       int
}

// Limits on Query.Limit.
const (
	DefaultLimit = 100
	MaxLimit     = 10000
)

// ErrNotFound is returned, wrapped, for an id the store does not hold.
var ErrNotFound = errors.New("store: not found")

// ErrUnstorable is returned, wrapped, by Put for an article holding a
// value the store can never hold (PostgreSQL: a NUL character, a data
// exception). Trying again cannot help: the sink sends it to the DLQ.
var ErrUnstorable = errors.New("store: a value the store cannot hold")

// Store is what every backend provides.
type Store interface {
	// Put commits the batch in one transaction and returns one Outcome per
	// article, in order. It is idempotent: putting the same article again is Unchanged.
	Put(ctx context.Context, batch []*article.Article) ([]Outcome, error)
	// Get returns the current revision of an article; ErrNotFound wrapped when absent.
	Get(ctx context.Context, id string) (*Record, error)
	// Has returns which of ids the store holds, without reading the
	// articles.
	Has(ctx context.Context, ids []string) (map[string]bool, error)
	// Revisions returns all revisions of an article, oldest first.
	Revisions(ctx context.Context, id string) ([]Record, error)
	// List returns current revisions, newest published first, then by id.
	List(ctx context.Context, q Query) ([]Record, error)
	// Count returns the number of articles (not revisions).
	Count(ctx context.Context) (int, error)
	// Search returns one page of current revisions matching q: by Rank
	// then id with a text condition, newest published first then id
	// without. Bad input is an error wrapping ErrBadQuery.
	Search(ctx context.Context, q SearchQuery) (SearchPage, error)
	// Scan calls fn for every article matching q, in Search's order,
	// without holding them all in memory; q.Limit and q.Cursor are
	// ignored. An error from fn stops the scan and is returned, wrapped.
	Scan(ctx context.Context, q SearchQuery, fn func(Record) error) error
	// Stats counts articles per language, source and day.
	Stats(ctx context.Context, q StatsQuery) (Stats, error)
	// Prune deletes the articles, with their revisions and index entries,
	// published before olderThan (fetched before it, when undated), and
	// returns how many it deleted.
	Prune(ctx context.Context, olderThan time.Time) (int, error)
	// Close releases the store; it is safe to call more than once.
	Close() error
}

const acceptedForms = "sqlite:PATH, sqlite://PATH or postgres://..."

// Open opens the store a DSN names and brings its schema up to date.
//
// "sqlite:PATH" or "sqlite://PATH" is SQLite; PATH may be relative, and its
// parent directories are created. "postgres://..." and "postgresql://..."
// name the PostgreSQL backend.
func Open(ctx context.Context, dsn string, log *slog.Logger) (Store, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	switch {
	case dsn == "":
		return nil, fmt.Errorf("store: empty DSN; want %s", acceptedForms)
	case strings.HasPrefix(dsn, "sqlite:"):
		path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//")
		return openSQLite(ctx, path, log)
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return openPostgres(ctx, dsn, log)
	}
	return nil, fmt.Errorf("store %s: unknown kind of DSN; want %s", Redact(dsn), acceptedForms)
}

var (
	// userinfoRE catches a password in a URL that net/url refuses to parse.
	userinfoRE = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*://[^:/@]*:)[^@]*@`)
	// keywordRE catches libpq's key=value form: "host=h password=secret".
	keywordRE = regexp.MustCompile(`(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)`)
)

// Redact returns dsn with any password replaced by "xxxxx", for logs.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" || u.Opaque != "" {
		dsn = userinfoRE.ReplaceAllString(dsn, "${1}xxxxx@")
		return keywordRE.ReplaceAllString(dsn, "${1}xxxxx")
	}
	changed := false
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
		changed = true
	}
	q := u.Query()
	for k := range q {
		if strings.EqualFold(k, "password") {
			q[k] = []string{"xxxxx"}
			changed = true
		}
	}
	if !changed {
		// Re-encoding could alter an innocent DSN; return it as given.
		return dsn
	}
	u.RawQuery = q.Encode()
	return u.String()
}

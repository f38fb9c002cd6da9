package store

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// The PostgreSQL write path: Put locks the batch's ids, decides each
// article against what is stored, and sends new articles as one statement
// per chunk and new revisions as one statement each.

// Put takes, in one round trip, an advisory lock per article id (in key
// order, so that concurrent Puts on overlapping ids queue rather than
// deadlock) and the stored state of those ids; decides every article as
// SQLite does; then sends all writes as one pipelined batch. Row locks
// (SELECT ... FOR UPDATE) would not cover ids that do not exist yet, and
// two replicas inserting the same new id would then fail on the key.
func (s *postgresStore) Put(ctx context.Context, batch []*article.Article) ([]Outcome, error) {
	return s.PutEncoded(ctx, batch, nil)
}

// PutEncoded is Put with the articles' documents as the caller holds
// them (see Encoded).
func (s *postgresStore) PutEncoded(ctx context.Context, batch []*article.Article, encoded [][]byte) (_ []Outcome, err error) {
	if err := checkBatch(batch); err != nil {
		return nil, err
	}
	if err := checkDocs(batch, encoded); err != nil {
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
		var enc []byte
		if encoded != nil {
			enc = encoded[i]
		}
		if docs[i], err = docFor(a, enc); err != nil {
			return nil, fmt.Errorf("store %s: put article %d: %w", s.name, i, err)
		}
		// jsonb and text refuse NUL; fail with a reason rather than
		// PostgreSQL's "unsupported Unicode escape sequence".
		if strings.Contains(docs[i], `\u0000`) {
			return nil, fmt.Errorf("store %s: put article %d (id %s): contains NUL, which PostgreSQL cannot store: %w",
				s.name, i, a.ID, ErrUnstorable)
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
		var pe *pgconn.PgError
		if errors.As(err, &pe) && strings.HasPrefix(pe.Code, "22") {
			// Class 22, data exception: a value PostgreSQL refuses (bad
			// encoding, out of range), whatever the state of the server.
			return nil, fmt.Errorf("store %s: put: write: %w: %w", s.name, ErrUnstorable, err)
		}
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
	b.Queue(`SELECT id, revision, content_hash, fetched_at, COALESCE(doc->>'classified_at', '') FROM articles WHERE id = ANY($1)`, ids)
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
	var id, classified string
	var c current
	_, err = pgx.ForEachRow(rows, []any{&id, &c.revision, &c.hash, &c.fetchedAt, &classified}, func() error {
		cc := c
		var err error
		if cc.classifiedAt, err = parseClassified(classified); err != nil {
			return err
		}
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

// written ends the statements of sendWrites, whose work is in their WITH
// clauses.
const written = `SELECT count(*) FROM a`

// indexCTEs are the clauses of queueUpdate's statement that keep the
// search index and the countries of the row written by WITH a (...) up to
// date; title, body and countries are the numbers of their bind
// parameters. They hang on a so that they run in its statement: the index
// costs no statement of its own. The countries the article lost are
// deleted and the rest inserted, rather than all deleted and inserted
// again, because one statement cannot delete and insert a row.
func indexCTEs(title, body, countries int) string {
	return fmt.Sprintf(`, s AS (INSERT INTO article_search (id, title, body)
			SELECT id, $%[1]d::text, $%[2]d::text FROM a
			ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body),
		d AS (DELETE FROM article_countries ac USING a
			WHERE ac.id = a.id AND ac.country <> ALL ($%[3]d::text[])),
		c AS (INSERT INTO article_countries (country, id) SELECT x, a.id FROM a, unnest($%[3]d::text[]) AS x
			ON CONFLICT DO NOTHING)
		`, title, body, countries)
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
		known[a.ID] = &current{revision: rev, hash: a.ContentHash, fetchedAt: fetched, classifiedAt: a.ClassifiedAt}
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
		var ins inserts
		var updates []func()
		for _, w := range writes[start:min(start+writeChunk, len(writes))] {
			x := <-rows
			if w.outcome == Inserted {
				ins.add(batch[w.i], docs[w.i], w, x)
				continue
			}
			// After the chunk's inserts: an id new in this batch and
			// changed later in it is inserted first.
			updates = append(updates, func() { queueUpdate(b, batch[w.i], docs[w.i], w, x) })
		}
		ins.queue(b)
		for _, u := range updates {
			u()
		}
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
	}
	return nil
}

// inserts are the new articles of a chunk, as the columns of one
// statement: one INSERT ... SELECT FROM unnest costs the server far less
// than a statement per article.
type inserts struct {
	ids, urls, sources, langs, titles, hashes, docs []string
	published                                       []*string
	fetched, now                                    []time.Time
	relevant                                        []bool
	scores                                          []float64
	searchTitles, searchBodies                      []string
	countryIDs, countries                           []string
}

func (in *inserts) add(a *article.Article, doc string, w putWrite, x *indexRow) {
	in.ids = append(in.ids, a.ID)
	in.urls = append(in.urls, a.URL)
	in.sources = append(in.sources, a.Source)
	in.langs = append(in.langs, a.Lang)
	in.titles = append(in.titles, a.Title)
	in.hashes = append(in.hashes, a.ContentHash)
	in.docs = append(in.docs, doc)
	// published_at goes as text, as List's Since does, so that both are
	// rounded to microseconds by the same parser.
	var pub *string
	if !a.PublishedAt.IsZero() {
		p := formatTime(a.PublishedAt)
		pub = &p
	}
	in.published = append(in.published, pub)
	in.fetched = append(in.fetched, w.fetched)
	in.now = append(in.now, w.now)
	in.relevant = append(in.relevant, a.Relevance.Relevant)
	in.scores = append(in.scores, a.Relevance.Score)
	in.searchTitles = append(in.searchTitles, x.title)
	in.searchBodies = append(in.searchBodies, x.body)
	for _, c := range upperCountries(a.Countries) {
		in.countryIDs = append(in.countryIDs, a.ID)
		in.countries = append(in.countries, c)
	}
}

func (in *inserts) queue(b *pgx.Batch) {
	if len(in.ids) == 0 {
		return
	}
	b.Queue(`WITH a AS (INSERT INTO articles (id, url, source, lang, title, published_at, fetched_at,
			content_hash, relevant, score, revision, first_seen, updated_at, doc)
		SELECT id, url, source, lang, title, pub::timestamptz, fetched, hash, relevant, score, 1, now, now, doc::jsonb
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
			$8::text[], $9::bool[], $10::float8[], $11::timestamptz[], $12::text[])
			AS t(id, url, source, lang, title, pub, fetched, hash, relevant, score, now, doc)
		RETURNING id),
	s AS (INSERT INTO article_search (id, title, body) SELECT * FROM unnest($13::text[], $14::text[], $15::text[])),
	c AS (INSERT INTO article_countries (id, country) SELECT * FROM unnest($16::text[], $17::text[])
		ON CONFLICT DO NOTHING)
	`+written,
		in.ids, in.urls, in.sources, in.langs, in.titles, in.published, in.fetched,
		in.hashes, in.relevant, in.scores, in.now, in.docs,
		in.ids, in.searchTitles, in.searchBodies, in.countryIDs, in.countries)
}

// queueUpdate queues the one statement that stores a new revision of a,
// moves the one it replaces to revisions, and updates its index entry x.
func queueUpdate(b *pgx.Batch, a *article.Article, doc string, w putWrite, x *indexRow) {
	b.Queue(moveCurrent+`a AS (UPDATE articles SET url = $2, source = $3, lang = $4, title = $5,
		published_at = $6, fetched_at = $7, content_hash = $8, relevant = $9, score = $10,
		revision = $11, updated_at = $12, doc = $13 WHERE id = $1
		RETURNING id)
		`+indexCTEs(14, 15, 16)+written,
		a.ID, a.URL, a.Source, a.Lang, a.Title, nullTime(a.PublishedAt), w.fetched,
		a.ContentHash, a.Relevance.Relevant, a.Relevance.Score, w.rev, w.now, doc,
		x.title, x.body, upperCountries(a.Countries))
}

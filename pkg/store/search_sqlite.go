package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// sqliteIndex keeps the search index of the articles of one transaction
// up to date. Full-text rows are written last, together, by flush: FTS5
// writes its pending terms to disk at every statement savepoint, and
// interleaving its inserts with the other statements of Put made it write
// one small segment per article, and spend its time merging them.
type sqliteIndex struct {
	docid, ftsDelete, ftsInsert, countriesDelete, countryInsert *sql.Stmt

	pending []ftsRow
}

type ftsRow struct {
	docid       int64
	title, body string
}

func prepareSQLiteIndex(ctx context.Context, tx *sql.Tx) (*sqliteIndex, error) {
	var x sqliteIndex
	for _, st := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&x.docid, `INSERT INTO search_docs (id) VALUES (?)
			ON CONFLICT (id) DO UPDATE SET id = excluded.id RETURNING docid`},
		{&x.ftsDelete, `DELETE FROM articles_fts WHERE rowid = ?`},
		{&x.ftsInsert, `INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)`},
		{&x.countriesDelete, `DELETE FROM article_countries WHERE id = ?`},
		{&x.countryInsert, `INSERT OR IGNORE INTO article_countries (country, id) VALUES (?, ?)`},
	} {
		stmt, err := tx.PrepareContext(ctx, st.query)
		if err != nil {
			return nil, fmt.Errorf("prepare search index: %w", err)
		}
		*st.dst = stmt
	}
	return &x, nil
}

// indexRow is what the index holds of one article, tokenised.
type indexRow struct {
	id          string
	title, body string
	countries   []string
}

// tokenize prepares a's index entry; stems caches stems across a batch.
func tokenize(a *article.Article, stems map[string]string) *indexRow {
	return &indexRow{
		id:        a.ID,
		title:     indexTokens(a.Lang, a.Title, stems),
		body:      indexTokens(a.Lang, searchBody(a), stems),
		countries: a.Countries,
	}
}

// add replaces what the index holds of r's article; its text goes in at
// flush.
func (x *sqliteIndex) add(ctx context.Context, r *indexRow) error {
	var docid int64
	if err := x.docid.QueryRowContext(ctx, r.id).Scan(&docid); err != nil {
		return fmt.Errorf("index %s: %w", r.id, err)
	}
	x.pending = append(x.pending, ftsRow{docid: docid, title: r.title, body: r.body})
	if _, err := x.countriesDelete.ExecContext(ctx, r.id); err != nil {
		return fmt.Errorf("index %s countries: %w", r.id, err)
	}
	for _, c := range r.countries {
		if _, err := x.countryInsert.ExecContext(ctx, strings.ToUpper(c), r.id); err != nil {
			return fmt.Errorf("index %s countries: %w", r.id, err)
		}
	}
	return nil
}

// flush writes the pending full-text rows, in order, so that the last
// version of an article twice in a batch wins.
func (x *sqliteIndex) flush(ctx context.Context) error {
	for _, r := range x.pending {
		if _, err := x.ftsDelete.ExecContext(ctx, r.docid); err != nil {
			return fmt.Errorf("index: %w", err)
		}
		if _, err := x.ftsInsert.ExecContext(ctx, r.docid, r.title, r.body); err != nil {
			return fmt.Errorf("index: %w", err)
		}
	}
	x.pending = x.pending[:0]
	return nil
}

// sqliteFilter is the FROM and WHERE of the articles q selects, as
// articles a (joined to the full-text index f when there are terms).
func sqliteFilter(q SearchQuery, tq *textQuery) (string, []any) {
	var where []string
	var args []any
	add := func(cond string, a ...any) {
		where = append(where, cond)
		args = append(args, a...)
	}
	from := ` FROM articles a`
	if !tq.empty() {
		from = ` FROM articles_fts f JOIN search_docs d ON d.docid = f.rowid JOIN articles a ON a.id = d.id`
		add(`articles_fts MATCH ?`, ftsQuery(tq))
	}
	if q.Lang != "" {
		add(`a.lang = ?`, q.Lang)
	}
	if q.Source != "" {
		add(`a.source = ?`, q.Source)
	}
	if q.Country != "" {
		add(`EXISTS (SELECT 1 FROM article_countries c WHERE c.country = ? AND c.id = a.id)`, q.Country)
	}
	if !q.Since.IsZero() {
		add(`a.published_at >= ?`, formatTime(q.Since))
	}
	if !q.Until.IsZero() {
		add(`a.published_at < ?`, formatTime(q.Until))
	}
	if q.MinScore != 0 {
		add(`a.score >= ?`, q.MinScore)
	}
	if len(where) > 0 {
		from += " WHERE " + strings.Join(where, " AND ")
	}
	return from, args
}

// sqliteSearchSQL builds the query of Search (with a cursor and a limit),
// of Scan (without) and, with count, of Total. Its columns are those of
// scanRecords, then rank and published_at ("" when undated), keys of the
// cursor. The keys are ordered and cut first and the documents joined
// after, so that sorting thousands of matches does not move their JSON.
func sqliteSearchSQL(q SearchQuery, tq *textQuery, cur *cursor, limit int, count bool) (string, []any) {
	var b strings.Builder
	var args []any
	switch {
	case count:
		b.WriteString(`SELECT COUNT(*)`)
	case !tq.empty():
		rank, rankArgs := sqliteRank(tq.terms)
		b.WriteString(`SELECT a.id AS id, ` + rank + ` AS rank, COALESCE(a.published_at, '') AS pub, a.score AS scr`)
		args = append(args, rankArgs...)
	default:
		b.WriteString(`SELECT a.id AS id, 0.0 AS rank, COALESCE(a.published_at, '') AS pub, a.score AS scr`)
	}
	from, fargs := sqliteFilter(q, tq)
	b.WriteString(from)
	args = append(args, fargs...)
	if count {
		return b.String(), args
	}
	var order, keyset string
	switch q.order(tq) {
	case SortRelevance:
		order = ` ORDER BY rank DESC, id ASC`
		if cur != nil {
			keyset = ` WHERE rank < ? OR (rank = ? AND id > ?)`
			args = append(args, cur.Rank, cur.Rank, cur.ID)
		}
	case SortScore:
		order = ` ORDER BY scr DESC, id ASC`
		if cur != nil {
			keyset = ` WHERE scr < ? OR (scr = ? AND id > ?)`
			args = append(args, cur.Score, cur.Score, cur.ID)
		}
	default:
		order = ` ORDER BY pub DESC, id ASC`
		if cur != nil {
			keyset = ` WHERE pub < ? OR (pub = ? AND id > ?)`
			args = append(args, cur.Published, cur.Published, cur.ID)
		}
	}
	// LIMIT -1 keeps SQLite from flattening the subquery, which would
	// compute the rank expression once per use instead of once per row.
	keys := `SELECT * FROM (` + b.String() + ` LIMIT -1)` + keyset + order
	if limit > 0 {
		keys += ` LIMIT ?`
		args = append(args, limit)
	}
	return `SELECT k.id, a.doc, a.revision, a.first_seen, a.updated_at, k.rank, k.pub
		FROM (` + keys + `) k JOIN articles a ON a.id = k.id` + strings.ReplaceAll(order, "id ASC", "k.id ASC"), args
}

// ftsQuery is tq as an FTS5 query. Tokens hold only letters and digits,
// so quoting is safe.
func ftsQuery(tq *textQuery) string {
	return tq.matchExpr(" AND ", " OR ", func(a alt) []string {
		switch {
		case a.endings != nil:
			out := make([]string, 0, len(a.endings))
			for _, e := range a.endings {
				out = append(out, `"`+a.text+e+`"`)
			}
			return out
		case a.exact:
			return []string{`"` + a.text + `"`}
		}
		return []string{`"` + a.text + `"*`}
	})
}

// sqliteRank is the rank expression: for each term, its occurrences in
// the title counted three times plus its occurrences in the body, the best
// alternative's. bm25() would be the FTS5 idiom, but it weighs words by
// how rare they are in the whole store, so a hit's rank would change as
// articles arrive and a cursor on it would skip or repeat hits. An
// alternative with endings counts by the prefix of its text.
func sqliteRank(terms []term) (string, []any) {
	var sum []string
	var args []any
	// count is how often ' '||token-prefix occurs in ' '||column: the
	// length the occurrences take, over the length of one.
	count := func(col string, exact bool) string {
		if exact {
			return fmt.Sprintf(`((length(' '||%[1]s||' ') - length(replace(' '||%[1]s||' ', ' '||?||' ', ' '))) / (length(?)+1))`, col)
		}
		return fmt.Sprintf(`((length(' '||%[1]s) - length(replace(' '||%[1]s, ' '||?, ''))) / (length(?)+1))`, col)
	}
	for _, t := range terms {
		var alts []string
		for _, a := range t.alts {
			alts = append(alts, "(3*"+count("f.title", a.exact)+" + "+count("f.body", a.exact)+")")
			args = append(args, a.text, a.text, a.text, a.text)
		}
		if len(alts) == 1 {
			sum = append(sum, alts[0])
		} else {
			sum = append(sum, "max("+strings.Join(alts, ", ")+")")
		}
	}
	return "CAST(" + strings.Join(sum, " + ") + " AS REAL)", args
}

func (s *sqliteStore) Search(ctx context.Context, q SearchQuery) (SearchPage, error) {
	q, err := q.normalize()
	if err != nil {
		return SearchPage{}, err
	}
	if err := s.indexer.drain(ctx); err != nil {
		return SearchPage{}, err
	}
	cur, err := decodeCursor(q)
	if err != nil {
		return SearchPage{}, err
	}
	tq, _ := parseText(q.Lang, q.Text) // normalize checked it
	query, args := sqliteSearchSQL(q, tq, cur, q.Limit+1, false)
	if tq.phrases {
		// Some candidates fail the phrase check: read on until the page
		// is full.
		query, args = sqliteSearchSQL(q, tq, cur, 0, false)
	}
	page, err := searchPage(ctx, s, s.name, q, tq, cur, query, args)
	if err != nil || tq.phrases {
		return page, err
	}
	countQuery, countArgs := sqliteSearchSQL(q, tq, nil, 0, true)
	if err := s.r.QueryRowContext(ctx, countQuery, countArgs...).Scan(&page.Total); err != nil {
		return SearchPage{}, fmt.Errorf("store %s: search: count: %w", s.name, err)
	}
	return page, nil
}

// errStopScan ends a scan early without being an error.
var errStopScan = errors.New("stop scan")

// newHit cuts the title and snippet spans of a hit.
func newHit(r Record, rank float64, terms []term) Hit {
	return Hit{
		Record:  r,
		Rank:    rank,
		Title:   highlight(r.Article.Lang, r.Article.Title, terms),
		Snippet: snippet(r.Article.Lang, searchBody(&r.Article), terms),
	}
}

func (s *sqliteStore) Scan(ctx context.Context, q SearchQuery, fn func(Record) error) error {
	q.Limit, q.Cursor = 0, ""
	q, err := q.normalize()
	if err != nil {
		return err
	}
	if err := s.indexer.drain(ctx); err != nil {
		return err
	}
	tq, _ := parseText(q.Lang, q.Text) // normalize checked it
	query, args := sqliteSearchSQL(q, tq, nil, 0, false)
	if err := s.scanSearch(ctx, query, args, func(r Record, _ float64, _ string) error {
		if !tq.check(&r.Article) {
			return nil
		}
		return fn(r)
	}); err != nil {
		return fmt.Errorf("store %s: scan: %w", s.name, err)
	}
	return nil
}

// scanSearch runs a query of sqliteSearchSQL and calls fn for each row as
// it is read.
func (s *sqliteStore) scanSearch(ctx context.Context, query string, args []any,
	fn func(r Record, rank float64, pub string) error) error {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, doc, first, updated, pub string
		var r Record
		var rank float64
		if err := rows.Scan(&id, &doc, &r.Revision, &first, &updated, &rank, &pub); err != nil {
			return err
		}
		if r.Article, err = decodeDoc(id, doc); err != nil {
			return err
		}
		if r.FirstSeen, err = parseTime("first_seen", first); err != nil {
			return err
		}
		if r.UpdatedAt, err = parseTime("updated_at", updated); err != nil {
			return err
		}
		if err := fn(r, rank, pub); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (s *sqliteStore) Stats(ctx context.Context, sq StatsQuery) (Stats, error) {
	q, err := sq.search().normalize()
	if err != nil {
		return Stats{}, err
	}
	if err := s.indexer.drain(ctx); err != nil {
		return Stats{}, err
	}
	tq, _ := parseText(q.Lang, q.Text) // normalize checked it
	if tq.phrases {
		return statsOf(func(fn func(Record) error) error { return s.Scan(ctx, q, fn) })
	}
	from, args := sqliteFilter(q, tq)
	st := Stats{ByLang: map[string]int{}, BySource: map[string]int{}, ByDay: []DayCount{}}
	for _, g := range []struct {
		col string
		dst map[string]int
	}{{"lang", st.ByLang}, {"source", st.BySource}} {
		err := s.queryRows(ctx, `SELECT a.`+g.col+`, COUNT(*)`+from+` GROUP BY 1`, args,
			func(rows *sql.Rows) error {
				var k string
				var n int
				if err := rows.Scan(&k, &n); err != nil {
					return err
				}
				g.dst[k] = n
				if g.col == "lang" {
					st.Total += n
				}
				return nil
			})
		if err != nil {
			return Stats{}, fmt.Errorf("store %s: stats by %s: %w", s.name, g.col, err)
		}
	}
	dated := " WHERE a.published_at IS NOT NULL"
	if strings.Contains(from, " WHERE ") {
		dated = " AND a.published_at IS NOT NULL"
	}
	err = s.queryRows(ctx, `SELECT substr(a.published_at, 1, 10), a.lang, COUNT(*)`+from+dated+
		` GROUP BY 1, 2 ORDER BY 1, 2`, args, func(rows *sql.Rows) error {
		var d DayCount
		if err := rows.Scan(&d.Day, &d.Lang, &d.Count); err != nil {
			return err
		}
		st.ByDay = append(st.ByDay, d)
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("store %s: stats by day: %w", s.name, err)
	}
	return st, nil
}

func (s *sqliteStore) queryRows(ctx context.Context, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// pruneBatch bounds one Prune transaction, so that the writer is not held
// for long and the sink's batches interleave.
const pruneBatch = 1000

func (s *sqliteStore) Prune(ctx context.Context, olderThan time.Time) (int, error) {
	total := 0
	for {
		res, err := s.w.ExecContext(ctx, `DELETE FROM articles WHERE id IN (SELECT id FROM articles
			WHERE COALESCE(published_at, fetched_at) < ? LIMIT ?)`, formatTime(olderThan), pruneBatch)
		if err != nil {
			return total, fmt.Errorf("store %s: prune: %w", s.name, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return total, fmt.Errorf("store %s: prune: %w", s.name, err)
		}
		total += int(n)
		if n < pruneBatch {
			return total, nil
		}
	}
}

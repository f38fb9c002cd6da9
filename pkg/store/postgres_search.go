package store

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// PostgreSQL's full-text search, with the semantics of search_sqlite.go:
// the same tokens, terms, rank, order and cursor. article_search holds the
// tokens of indexTokens and a tsvector of them in the 'simple'
// configuration, which only splits and lowercases what is already lower
// case; Put keeps it and article_countries up to date in its own
// statements (see indexCTEs), so a committed article is searchable at once.

// pgArgs collects bind parameters and names them $1, $2, ...
type pgArgs []any

func (a *pgArgs) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// pgFilter is the FROM and WHERE of the articles q selects, as articles
// a (joined to article_search s when there are terms).
func pgFilter(q SearchQuery, tq *textQuery, args *pgArgs) string {
	var where []string
	from := ` FROM articles a`
	if !tq.empty() {
		from = ` FROM article_search s JOIN articles a ON a.id = s.id`
		where = append(where, `s.tsv @@ `+args.add(tsQuery(tq))+`::tsquery`)
	}
	if q.Lang != "" {
		where = append(where, `a.lang = `+args.add(q.Lang))
	}
	if q.Source != "" {
		where = append(where, `a.source = `+args.add(q.Source))
	}
	if q.Country != "" {
		where = append(where, `EXISTS (SELECT 1 FROM article_countries c WHERE c.country = `+
			args.add(q.Country)+` AND c.id = a.id)`)
	}
	// Bounds go as text, as Put's published_at does, so that both are
	// rounded to microseconds by the same parser.
	if !q.Since.IsZero() {
		where = append(where, `a.published_at >= `+args.add(formatTime(q.Since))+`::timestamptz`)
	}
	if !q.Until.IsZero() {
		where = append(where, `a.published_at < `+args.add(formatTime(q.Until))+`::timestamptz`)
	}
	if q.MinScore != 0 {
		where = append(where, `a.score >= `+args.add(q.MinScore))
	}
	if len(where) > 0 {
		from += " WHERE " + strings.Join(where, " AND ")
	}
	return from
}

// pgSearchSQL builds the query of Search (with a cursor and a limit), of
// Scan (without) and, with count, of Total. Its columns are id, doc,
// revision, first_seen, updated_at, then keys of the cursor: rank and
// published_at (NULL when undated). The keys are ordered and cut first
// and the documents joined after, so that sorting thousands of matches
// does not move their JSON.
func pgSearchSQL(q SearchQuery, tq *textQuery, cur *cursor, limit int, count bool) (string, []any, error) {
	var args pgArgs
	var b strings.Builder
	switch {
	case count:
		b.WriteString(`SELECT COUNT(*)`)
	case !tq.empty():
		b.WriteString(`SELECT a.id, ` + pgRank(tq.terms, &args) + ` AS rank, a.published_at AS pub, a.score AS scr`)
	default:
		b.WriteString(`SELECT a.id, 0::float8 AS rank, a.published_at AS pub, a.score AS scr`)
	}
	b.WriteString(pgFilter(q, tq, &args))
	if count {
		return b.String(), args, nil
	}
	// Ids compare as bytes, as SQLite's do, whatever the database's
	// collation.
	var order, keyset string
	if !tq.empty() {
		// OFFSET 0 keeps the planner from inlining the subquery, which
		// would compute the rank once per use instead of once per row.
		b.WriteString(` OFFSET 0`)
	}
	switch q.order(tq) {
	case SortRelevance:
		order = ` ORDER BY k.rank DESC, k.id COLLATE "C"`
		if cur != nil {
			r, id := args.add(cur.Rank), args.add(cur.ID)
			keyset = ` WHERE k.rank < ` + r + ` OR (k.rank = ` + r + ` AND k.id COLLATE "C" > ` + id + `)`
		}
	case SortScore:
		order = ` ORDER BY k.scr DESC, k.id COLLATE "C"`
		if cur != nil {
			sc, id := args.add(cur.Score), args.add(cur.ID)
			keyset = ` WHERE k.scr < ` + sc + ` OR (k.scr = ` + sc + ` AND k.id COLLATE "C" > ` + id + `)`
		}
	default:
		order = ` ORDER BY k.pub DESC NULLS LAST, k.id COLLATE "C"`
		if cur != nil {
			id := args.add(cur.ID)
			if cur.Published == "" {
				keyset = ` WHERE k.pub IS NULL AND k.id COLLATE "C" > ` + id
			} else {
				pub, err := time.Parse(time.RFC3339Nano, cur.Published)
				if err != nil {
					return "", nil, fmt.Errorf("%w: cursor: %w: bad published time", ErrBadQuery, ErrBadCursor)
				}
				p := args.add(formatTime(pub)) + `::timestamptz`
				keyset = ` WHERE k.pub < ` + p + ` OR k.pub IS NULL OR (k.pub = ` + p + ` AND k.id COLLATE "C" > ` + id + `)`
			}
		}
	}
	keys := `SELECT * FROM (` + b.String() + `) k` + keyset + order
	if limit > 0 {
		keys += ` LIMIT ` + args.add(limit)
	}
	return `SELECT k.id, a.doc::text, a.revision, a.first_seen, a.updated_at, k.rank, k.pub
		FROM (` + keys + `) k JOIN articles a ON a.id = k.id` + order, args, nil
}

// tsQuery is tq as a tsquery. Tokens hold only letters and digits; the
// escaping is for safety, not for use.
func tsQuery(tq *textQuery) string {
	return tq.matchExpr(" & ", " | ", func(a alt) []string {
		switch {
		case a.endings != nil:
			out := make([]string, 0, len(a.endings))
			for _, e := range a.endings {
				out = append(out, tsQuote(a.text+e))
			}
			return out
		case a.exact:
			return []string{tsQuote(a.text)}
		}
		return []string{tsQuote(a.text) + ":*"}
	})
}

// pgRank is sqliteRank in PostgreSQL: for each term, its occurrences in
// the title counted three times plus its occurrences in the body, the best
// alternative's, counted with the same text arithmetic so that both
// backends rank alike to the last tie. ts_rank would weigh by document
// length and is not what SQLite computes.
func pgRank(terms []term, args *pgArgs) string {
	// count is how often ' '||token-prefix occurs in ' '||column: the
	// length the occurrences take, over the length of one. Integer
	// division, as in SQLite.
	count := func(col, p string, exact bool) string {
		if exact {
			return fmt.Sprintf(`((length(' '||%[1]s||' ') - length(replace(' '||%[1]s||' ', ' '||%[2]s||' ', ' '))) / (length(%[2]s)+1))`, col, p)
		}
		return fmt.Sprintf(`((length(' '||%[1]s) - length(replace(' '||%[1]s, ' '||%[2]s, ''))) / (length(%[2]s)+1))`, col, p)
	}
	sum := make([]string, 0, len(terms))
	for _, t := range terms {
		var alts []string
		for _, a := range t.alts {
			p := args.add(a.text) + "::text"
			alts = append(alts, "(3*"+count("s.title", p, a.exact)+" + "+count("s.body", p, a.exact)+")")
		}
		if len(alts) == 1 {
			sum = append(sum, alts[0])
		} else {
			sum = append(sum, "GREATEST("+strings.Join(alts, ", ")+")")
		}
	}
	return "(" + strings.Join(sum, " + ") + ")::float8"
}

func (s *postgresStore) Search(ctx context.Context, q SearchQuery) (SearchPage, error) {
	q, err := q.normalize()
	if err != nil {
		return SearchPage{}, err
	}
	cur, err := decodeCursor(q)
	if err != nil {
		return SearchPage{}, err
	}
	tq, _ := parseText(q.Lang, q.Text) // normalize checked it
	limit := q.Limit + 1
	if tq.phrases {
		// Some candidates fail the phrase check: read on until the page
		// is full.
		limit = 0
	}
	query, args, err := pgSearchSQL(q, tq, cur, limit, false)
	if err != nil {
		return SearchPage{}, err
	}
	page, err := searchPage(ctx, s, s.name, q, tq, cur, query, args)
	if err != nil || tq.phrases {
		return page, err
	}
	countQuery, countArgs, _ := pgSearchSQL(q, tq, nil, 0, true)
	if err := s.pool.QueryRow(ctx, countQuery, countArgs...).Scan(&page.Total); err != nil {
		return SearchPage{}, fmt.Errorf("store %s: search: count: %w", s.name, err)
	}
	return page, nil
}

func (s *postgresStore) Scan(ctx context.Context, q SearchQuery, fn func(Record) error) error {
	q.Limit, q.Cursor = 0, ""
	q, err := q.normalize()
	if err != nil {
		return err
	}
	tq, _ := parseText(q.Lang, q.Text) // normalize checked it
	query, args, _ := pgSearchSQL(q, tq, nil, 0, false)
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

// scanSearch runs a query of pgSearchSQL and calls fn for each row as it
// is read; pub is formatTime of published_at, "" when undated, as the
// cursor holds it.
func (s *postgresStore) scanSearch(ctx context.Context, query string, args []any,
	fn func(r Record, rank float64, pub string) error) error {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, doc string
		var r Record
		var rank float64
		var pub *time.Time
		if err := rows.Scan(&id, &doc, &r.Revision, &r.FirstSeen, &r.UpdatedAt, &rank, &pub); err != nil {
			return err
		}
		if r.Article, err = decodeDoc(id, doc); err != nil {
			return err
		}
		r.FirstSeen, r.UpdatedAt = r.FirstSeen.UTC(), r.UpdatedAt.UTC()
		p := ""
		if pub != nil {
			p = formatTime(*pub)
		}
		if err := fn(r, rank, p); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Stats sends its three counts as one pipelined batch.
func (s *postgresStore) Stats(ctx context.Context, sq StatsQuery) (Stats, error) {
	q, err := sq.search().normalize()
	if err != nil {
		return Stats{}, err
	}
	tq, _ := parseText(q.Lang, q.Text) // normalize checked it
	if tq.phrases {
		return statsOf(func(fn func(Record) error) error { return s.Scan(ctx, q, fn) })
	}
	var args pgArgs
	from := pgFilter(q, tq, &args)
	dated := " WHERE a.published_at IS NOT NULL"
	if strings.Contains(from, " WHERE ") {
		dated = " AND a.published_at IS NOT NULL"
	}
	st := Stats{ByLang: map[string]int{}, BySource: map[string]int{}, ByDay: []DayCount{}}
	b := &pgx.Batch{}
	for _, g := range []struct {
		col string
		dst map[string]int
	}{{"lang", st.ByLang}, {"source", st.BySource}} {
		b.Queue(`SELECT a.`+g.col+`, COUNT(*)`+from+` GROUP BY 1`, args...).Query(
			func(rows pgx.Rows) error {
				var k string
				var n int
				_, err := pgx.ForEachRow(rows, []any{&k, &n}, func() error {
					g.dst[k] = n
					if g.col == "lang" {
						st.Total += n
					}
					return nil
				})
				if err != nil {
					return fmt.Errorf("by %s: %w", g.col, err)
				}
				return nil
			})
	}
	// Languages order as bytes, as SQLite's do.
	b.Queue(`SELECT to_char(a.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), a.lang, COUNT(*)`+from+
		dated+` GROUP BY 1, 2 ORDER BY 1, a.lang COLLATE "C"`, args...).Query(func(rows pgx.Rows) error {
		var d DayCount
		_, err := pgx.ForEachRow(rows, []any{&d.Day, &d.Lang, &d.Count}, func() error {
			st.ByDay = append(st.ByDay, d)
			return nil
		})
		if err != nil {
			return fmt.Errorf("by day: %w", err)
		}
		return nil
	})
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return Stats{}, fmt.Errorf("store %s: stats: %w", s.name, err)
	}
	return st, nil
}

// Prune needs no more than the articles: revisions, index entries and
// countries go with their article by ON DELETE CASCADE.
func (s *postgresStore) Prune(ctx context.Context, olderThan time.Time) (int, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM articles WHERE COALESCE(published_at, fetched_at) < $1`, olderThan)
	if err != nil {
		return 0, fmt.Errorf("store %s: prune: %w", s.name, err)
	}
	return int(tag.RowsAffected()), nil
}

// upperCountries is what article_countries holds of cs: upper case, each
// once, never nil (unnest and <> ALL of NULL would match nothing).
func upperCountries(cs []string) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		if c = strings.ToUpper(c); !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// afterMigration does in Go what a migration's SQL cannot, in its
// transaction.
func (s *postgresStore) afterMigration(ctx context.Context, tx pgx.Tx, version int) error {
	// 2 creates the index; 5 changes its tokens.
	if version != 2 && version != 5 {
		return nil
	}
	n, err := indexExisting(ctx, tx)
	if err != nil {
		return fmt.Errorf("index existing articles: %w", err)
	}
	s.log.Info("store indexed existing articles", "store", s.name, "articles", n)
	return nil
}

// indexExisting fills article_search and article_countries from the
// articles stored, a batch at a time in id order, replacing what the index
// held of them.
func indexExisting(ctx context.Context, tx pgx.Tx) (int, error) {
	const batch = 500
	stems := map[string]string{}
	total, last := 0, ""
	for {
		rows, err := tx.Query(ctx, `SELECT id, doc::text FROM articles WHERE id > $1 ORDER BY id LIMIT $2`, last, batch)
		if err != nil {
			return total, err
		}
		var ids, titles, bodies, cids, countries []string
		var id, doc string
		_, err = pgx.ForEachRow(rows, []any{&id, &doc}, func() error {
			a, err := decodeDoc(id, doc)
			if err != nil {
				return err
			}
			x := tokenize(&a, stems)
			ids, titles, bodies = append(ids, id), append(titles, x.title), append(bodies, x.body)
			for _, c := range upperCountries(a.Countries) {
				cids, countries = append(cids, id), append(countries, c)
			}
			last = id
			return nil
		})
		if err != nil {
			return total, err
		}
		if len(ids) == 0 {
			return total, nil
		}
		b := &pgx.Batch{}
		b.Queue(`INSERT INTO article_search (id, title, body)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
			ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body`, ids, titles, bodies)
		b.Queue(`INSERT INTO article_countries (id, country)
			SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, cids, countries)
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return total, err
		}
		total += len(ids)
		if len(ids) < batch {
			return total, nil
		}
	}
}

// tsQuote quotes a token for the input syntax of tsvector and tsquery.
// Tokens hold only letters and digits; the escaping is for safety.
func tsQuote(tok string) string {
	if strings.ContainsAny(tok, `\'`) {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, `\`, `\\`), `'`, `''`)
	}
	return `'` + tok + `'`
}

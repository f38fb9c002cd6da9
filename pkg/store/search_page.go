package store

import (
	"context"
	"errors"
	"fmt"
)

// searchRows is what searchPage reads of a store: the rows of its search
// query, and every match of a query (a phrase search's total).
type searchRows interface {
	scanSearch(ctx context.Context, query string, args []any, fn func(r Record, rank float64, pub string) error) error
	Scan(ctx context.Context, q SearchQuery, fn func(Record) error) error
}

// searchPage reads the page of hits of q from the rows of query (the
// store's search query from cur on): each candidate checked against tq,
// at most q.Limit hits, and the next page's cursor when there are more.
// With a phrase, only Go can count the matches, so the page's Total is
// counted here; else it is -1, for the store's count query.
func searchPage(ctx context.Context, st searchRows, name string, q SearchQuery, tq *textQuery, cur *cursor, query string, args []any) (SearchPage, error) {
	page := SearchPage{Hits: []Hit{}, Total: -1}
	var last cursor
	checked := 0
	err := st.scanSearch(ctx, query, args, func(r Record, rank float64, pub string) error {
		if !tq.check(&r.Article) {
			return nil
		}
		if tq.phrases {
			// One pass reads the page and counts the rest (from the
			// first page on).
			checked++
			if len(page.Hits) == q.Limit {
				page.Next = last.encode()
				return nil
			}
		}
		if len(page.Hits) == q.Limit {
			page.Next = last.encode()
			return errStopScan
		}
		page.Hits = append(page.Hits, newHit(r, rank, tq.terms))
		last = cursor{Query: q.fingerprint(), Rank: rank, Score: r.Article.Relevance.Score, Published: pub, ID: r.Article.ID}
		return nil
	})
	if err != nil && !errors.Is(err, errStopScan) {
		return SearchPage{}, fmt.Errorf("store %s: search: %w", name, err)
	}
	if tq.phrases {
		// A later page's pass saw only what follows its cursor.
		if page.Total = checked; cur != nil {
			page.Total = 0
			if err := st.Scan(ctx, q, func(Record) error { page.Total++; return nil }); err != nil {
				return SearchPage{}, err
			}
		}
	}
	return page, nil
}

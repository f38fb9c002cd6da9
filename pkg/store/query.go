package store

import (
	"fmt"
	"strings"
)

// normalize applies the documented defaults and caps of a Query.
func (q Query) normalize() Query {
	if q.Limit <= 0 {
		q.Limit = DefaultLimit
	}
	q.Limit = min(q.Limit, MaxLimit)
	q.Offset = max(q.Offset, 0)
	return q
}

// listSQL builds List's query over the articles table. placeholder(n)
// returns the dialect's n-th (1-based) bind parameter: "?" or "$n".
func listSQL(q Query, placeholder func(n int) string) (string, []any) {
	q = q.normalize()
	var where []string
	var args []any
	add := func(cond string, arg any) {
		args = append(args, arg)
		where = append(where, fmt.Sprintf(cond, placeholder(len(args))))
	}
	if q.Lang != "" {
		add("lang = %s", q.Lang)
	}
	if q.Source != "" {
		add("source = %s", q.Source)
	}
	if !q.Since.IsZero() {
		add("published_at >= %s", formatTime(q.Since))
	}
	if q.Relevant != nil {
		add("relevant = %s", *q.Relevant)
	}
	var b strings.Builder
	b.WriteString("SELECT id, doc, revision, first_seen, updated_at FROM articles")
	if len(where) > 0 {
		b.WriteString(" WHERE " + strings.Join(where, " AND "))
	}
	args = append(args, q.Limit, q.Offset)
	fmt.Fprintf(&b, " ORDER BY published_at DESC NULLS LAST, id ASC LIMIT %s OFFSET %s",
		placeholder(len(args)-1), placeholder(len(args)))
	return b.String(), args
}

package store

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestListSQL(t *testing.T) {
	yes := true
	since := time.Date(2025, 3, 14, 12, 0, 0, 0, time.FixedZone("+03", 3*3600))
	dollar := func(n int) string { return fmt.Sprintf("$%d", n) }
	tests := []struct {
		name  string
		q     Query
		where string
		args  []any
	}{
		{"defaults", Query{}, "", []any{DefaultLimit, 0}},
		{"negative", Query{Limit: -1, Offset: -5}, "", []any{DefaultLimit, 0}},
		{"capped", Query{Limit: MaxLimit + 1, Offset: 7}, "", []any{MaxLimit, 7}},
		{"every filter", Query{Lang: "tr", Source: "aa", Since: since, Relevant: &yes, Limit: 5},
			" WHERE lang = $1 AND source = $2 AND published_at >= $3 AND relevant = $4",
			[]any{"tr", "aa", "2025-03-14T09:00:00.000000000Z", true, 5, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			query, args := listSQL(tc.q, dollar)
			n := len(tc.args)
			want := fmt.Sprintf("FROM articles%s ORDER BY published_at DESC NULLS LAST, id ASC LIMIT $%d OFFSET $%d",
				tc.where, n-1, n)
			if !strings.HasSuffix(query, want) {
				t.Errorf("query %q\ndoes not end %q", query, want)
			}
			if !reflect.DeepEqual(args, tc.args) {
				t.Errorf("args %v, want %v", args, tc.args)
			}
		})
	}
}

func TestFormatTimeSorts(t *testing.T) {
	// RFC3339Nano would render the first as ...:00Z and sort it after the second.
	a := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	b := a.Add(500 * time.Millisecond)
	c := b.In(time.FixedZone("", -5*3600)).Add(time.Nanosecond)
	if !(formatTime(a) < formatTime(b) && formatTime(b) < formatTime(c)) {
		t.Errorf("not sorted: %s, %s, %s", formatTime(a), formatTime(b), formatTime(c))
	}
	got, err := parseTime("t", formatTime(c))
	if err != nil || !got.Equal(c) {
		t.Errorf("parseTime(formatTime(c)) = %v, %v; want %v", got, err, c)
	}
}

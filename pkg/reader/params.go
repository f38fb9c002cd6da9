package reader

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// paramError is a bad query parameter, answered with 400.
type paramError struct{ param, msg string }

func (e *paramError) Error() string { return e.param + ": " + e.msg }

func bad(param, format string, args ...any) error {
	return &paramError{param: param, msg: fmt.Sprintf(format, args...)}
}

var (
	langRE    = regexp.MustCompile(`^[a-z]{2,3}$`)
	countryRE = regexp.MustCompile(`^[A-Za-z]{2}$`)
)

// searchParams are the parameters /api/articles, /api/export and the UI take.
var searchParams = map[string]bool{
	"q": true, "lang": true, "source": true, "country": true, "since": true, "until": true,
	"min_score": true, "sort": true, "limit": true, "cursor": true,
}

// sorts name the orders the UI offers, as the user reads them.
var sorts = []struct{ Value, Label string }{
	{store.SortRelevance, "best match"},
	{store.SortNewest, "newest"},
	{store.SortScore, "most diplomatic"},
}

// parseSearch validates every parameter; extra names the others the
// endpoint allows. An unknown parameter is an error: a misspelt filter
// must not silently return everything.
func parseSearch(v url.Values, extra ...string) (store.SearchQuery, error) {
	var q store.SearchQuery
	for name := range v {
		if !searchParams[name] && !contains(extra, name) {
			return q, bad(name, "unknown parameter")
		}
		if len(v[name]) > 1 {
			return q, bad(name, "given %d times", len(v[name]))
		}
	}
	q.Text = v.Get("q")
	if len(q.Text) > 500 {
		return q, bad("q", "longer than 500 bytes")
	}
	if q.Lang = v.Get("lang"); q.Lang != "" && !langRE.MatchString(q.Lang) {
		return q, bad("lang", "%q is not a language code like tr or ru", q.Lang)
	}
	if q.Source = v.Get("source"); q.Source != "" && !article.ValidSourceID(q.Source) {
		return q, bad("source", "%q is not a source id", q.Source)
	}
	if q.Country = v.Get("country"); q.Country != "" && !countryRE.MatchString(q.Country) {
		return q, bad("country", "%q is not an ISO 3166-1 alpha-2 code", q.Country)
	}
	var err error
	if q.Since, err = parseTime("since", v.Get("since"), false); err != nil {
		return q, err
	}
	if q.Until, err = parseTime("until", v.Get("until"), true); err != nil {
		return q, err
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Before(q.Since) {
		return q, bad("until", "is before since")
	}
	if s := v.Get("min_score"); s != "" {
		if q.MinScore, err = strconv.ParseFloat(s, 64); err != nil || q.MinScore < 0 || q.MinScore > 1e6 {
			return q, bad("min_score", "%q is not a number between 0 and 1000000", s)
		}
	}
	if s := v.Get("limit"); s != "" {
		if q.Limit, err = strconv.Atoi(s); err != nil || q.Limit < 1 || q.Limit > store.MaxSearchLimit {
			return q, bad("limit", "%q is not a number from 1 to %d", s, store.MaxSearchLimit)
		}
	}
	if q.Sort = v.Get("sort"); q.Sort != "" && !slices.ContainsFunc(sorts, func(s struct{ Value, Label string }) bool { return s.Value == q.Sort }) {
		return q, bad("sort", "%q is not relevance, newest or score", q.Sort)
	}
	q.Cursor = v.Get("cursor")
	return q, nil
}

// parseTime reads RFC 3339 or a date. A bare until date means the end of
// that day, so that since=until=2026-11-20 is that whole day.
func parseTime(param, s string, endOfDay bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, bad(param, "%q is neither RFC 3339 nor YYYY-MM-DD", s)
	}
	if endOfDay {
		t = t.AddDate(0, 0, 1)
	}
	return t, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/config"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// query runs "sink query": one page of store.Search, printed.
func query(ctx context.Context, args, env []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sink query", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		configPath = fs.String("config", "", "configuration file (YAML); also WIREDESK_CONFIG")
		storeURL   = fs.String("store", "", "sqlite:PATH or postgres://... (default: the configuration's)")
		text       = fs.String("q", "", "words that must all match; Turkish and Russian inflections match")
		lang       = fs.String("lang", "", "language: tr, ru")
		source     = fs.String("source", "", "source id")
		country    = fs.String("country", "", "ISO 3166-1 alpha-2 country code")
		since      = fs.String("since", "", "published at or after: 2006-01-02 or RFC 3339")
		until      = fs.String("until", "", "published before: 2006-01-02 or RFC 3339")
		minScore   = fs.Float64("min-score", 0, "minimum relevance score")
		limit      = fs.Int("limit", store.DefaultSearchLimit, "hits per page")
		cursor     = fs.String("cursor", "", "cursor of the next page, from a previous query")
		format     = fs.String("format", "text", "output: text or jsonl")
	)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: sink query [flags]\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // -h asked for the usage, which is printed
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("query: unexpected arguments %q; words go in -q", fs.Args())
	}
	if *format != "text" && *format != "jsonl" {
		return fmt.Errorf("query: -format %q: want text or jsonl", *format)
	}
	q := store.SearchQuery{Text: *text, Lang: *lang, Source: *source, Country: *country,
		MinScore: *minScore, Limit: *limit, Cursor: *cursor}
	var err error
	if q.Since, err = parseDate("since", *since); err != nil {
		return err
	}
	if q.Until, err = parseDate("until", *until); err != nil {
		return err
	}
	dsn := *storeURL
	if dsn == "" {
		cfg, err := config.FromEnv(*configPath, env)
		if err != nil {
			return err
		}
		dsn = cfg.Sink.Store
	}
	st, err := store.Open(ctx, dsn, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	page, err := st.Search(ctx, q)
	if err != nil {
		return errors.Join(fmt.Errorf("query: %w", err), st.Close())
	}
	if *format == "jsonl" {
		err = printJSONL(stdout, page)
	} else {
		err = printText(stdout, page)
	}
	return errors.Join(err, st.Close())
}

// parseDate reads a day (UTC midnight) or an RFC 3339 time; "" is zero.
func parseDate(flagName, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("query: -%s %q: want 2006-01-02 or RFC 3339", flagName, s)
	}
	return t, nil
}

// printText writes one hit a line: date, language, source, title and the
// snippet with its matches in brackets; then the next cursor.
func printText(w io.Writer, page store.SearchPage) error {
	for _, h := range page.Hits {
		a := h.Record.Article
		date := "----------"
		if !a.PublishedAt.IsZero() {
			date = a.PublishedAt.UTC().Format(time.DateOnly)
		}
		if _, err := fmt.Fprintf(w, "%s %s %s %s — %s\n", date, a.Lang, a.Source,
			bracket(h.Title), bracket(h.Snippet)); err != nil {
			return err
		}
	}
	if page.Total >= 0 {
		if _, err := fmt.Fprintf(w, "%d matching\n", page.Total); err != nil {
			return err
		}
	}
	if page.Next != "" {
		if _, err := fmt.Fprintf(w, "next: -cursor %s\n", page.Next); err != nil {
			return err
		}
	}
	return nil
}

func bracket(spans []store.Span) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Match {
			b.WriteString("[" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// jsonHit is one line of -format jsonl.
type jsonHit struct {
	ID          string       `json:"id"`
	URL         string       `json:"url"`
	Lang        string       `json:"lang"`
	Source      string       `json:"source"`
	Title       string       `json:"title"`
	PublishedAt *time.Time   `json:"published_at,omitempty"`
	Score       float64      `json:"score"`
	Rank        float64      `json:"rank"`
	TitleSpans  []store.Span `json:"title_spans"`
	Snippet     []store.Span `json:"snippet"`
	// Next is set on the last hit of a page that has a next one, so that
	// a script reading lines finds the cursor without a trailer line.
	Next string `json:"next,omitempty"`
}

func printJSONL(w io.Writer, page store.SearchPage) error {
	enc := json.NewEncoder(w)
	for i, h := range page.Hits {
		a := h.Record.Article
		line := jsonHit{ID: a.ID, URL: a.URL, Lang: a.Lang, Source: a.Source, Title: a.Title,
			Score: a.Relevance.Score, Rank: h.Rank, TitleSpans: h.Title, Snippet: h.Snippet}
		if !a.PublishedAt.IsZero() {
			line.PublishedAt = &a.PublishedAt
		}
		if i == len(page.Hits)-1 {
			line.Next = page.Next
		}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	return nil
}

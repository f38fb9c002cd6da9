package reader

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// summary is one hit in /api/articles.
type summary struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Source        string       `json:"source"`
	Lang          string       `json:"lang"`
	Title         string       `json:"title"`
	PublishedAt   time.Time    `json:"published_at,omitzero"`
	Byline        string       `json:"byline,omitempty"`
	Score         float64      `json:"score"`
	Countries     []string     `json:"countries,omitempty"`
	Organizations []string     `json:"organizations,omitempty"`
	TitleSpans    []store.Span `json:"title_spans"`
	Snippet       []store.Span `json:"snippet"`
}

func (h *Handler) articles(w http.ResponseWriter, r *http.Request) {
	q, err := parseSearch(r.URL.Query())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	page, err := h.st.Search(r.Context(), q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := struct {
		Articles []summary `json:"articles"`
		Next     string    `json:"next,omitempty"`
	}{Articles: []summary{}, Next: page.Next}
	for _, hit := range page.Hits {
		a := hit.Record.Article
		out.Articles = append(out.Articles, summary{
			ID: a.ID, URL: a.URL, Source: a.Source, Lang: a.Lang, Title: a.Title, PublishedAt: a.PublishedAt,
			Byline: a.Byline, Score: a.Relevance.Score, Countries: a.Countries, Organizations: a.Organizations,
			TitleSpans: hit.Title, Snippet: hit.Snippet,
		})
	}
	writeJSON(w, http.StatusOK, out)
}

// revision is one entry of an article's history.
type revision struct {
	Revision    int       `json:"revision"`
	ContentHash string    `json:"content_hash"`
	FetchedAt   time.Time `json:"fetched_at,omitzero"`
	StoredAt    time.Time `json:"stored_at"`
}

func (h *Handler) article(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.Query()) > 0 {
		for name := range r.URL.Query() {
			writeError(w, http.StatusBadRequest, name, "unknown parameter")
			return
		}
	}
	id := r.PathValue("id")
	if !validID(id) {
		writeError(w, http.StatusNotFound, "", "no such article")
		return
	}
	rec, err := h.st.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	revs, err := h.st.Revisions(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := struct {
		article.Article
		Revision  int        `json:"revision"`
		FirstSeen time.Time  `json:"first_seen"`
		UpdatedAt time.Time  `json:"updated_at"`
		Revisions []revision `json:"revisions"`
	}{Article: rec.Article, Revision: rec.Revision, FirstSeen: rec.FirstSeen, UpdatedAt: rec.UpdatedAt}
	for _, rv := range revs {
		out.Revisions = append(out.Revisions, revision{rv.Revision, rv.Article.ContentHash, rv.Article.FetchedAt, rv.UpdatedAt})
	}
	writeJSON(w, http.StatusOK, out)
}

// validID is the shape of article.IDFor: 16 lowercase hex digits.
func validID(id string) bool {
	if len(id) != 16 {
		return false
	}
	for _, c := range id {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func (h *Handler) stats(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	for name := range v {
		if name != "since" && name != "until" {
			writeError(w, http.StatusBadRequest, name, "unknown parameter")
			return
		}
	}
	var q store.StatsQuery
	var err error
	if q.Since, err = parseTime("since", v.Get("since"), false); err == nil {
		q.Until, err = parseTime("until", v.Get("until"), true)
	}
	if err == nil && !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Before(q.Since) {
		err = bad("until", "is before since")
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	st, err := h.st.Stats(r.Context(), q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if st.ByDay == nil {
		st.ByDay = []store.DayCount{}
	}
	writeJSON(w, http.StatusOK, struct {
		Total    int              `json:"total"`
		ByLang   map[string]int   `json:"by_lang"`
		BySource map[string]int   `json:"by_source"`
		ByDay    []store.DayCount `json:"by_day"`
	}{st.Total, st.ByLang, st.BySource, st.ByDay})
}

// flushEvery bounds how much of an export waits in buffers.
const flushEvery = 100

func (h *Handler) export(w http.ResponseWriter, r *http.Request) {
	q, err := parseSearch(r.URL.Query(), "format")
	if err == nil && (q.Limit != 0 || q.Cursor != "") {
		err = bad("limit", "export takes no limit or cursor: it streams every match")
	}
	format := r.URL.Query().Get("format")
	if err == nil && format != "" && format != "jsonl" && format != "csv" {
		err = bad("format", "%q is not jsonl or csv", format)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if format == "" {
		format = "jsonl"
	}
	flusher, _ := w.(http.Flusher)
	n := 0
	var write func(store.Record) error
	started := false
	start := func() {
		if started {
			return
		}
		started = true
		if format == "csv" {
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		} else {
			w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
		}
		w.Header().Set("Content-Disposition", `attachment; filename="wiredesk-articles.`+format+`"`)
		w.WriteHeader(http.StatusOK)
	}
	if format == "csv" {
		cw := csv.NewWriter(w)
		write = func(rec store.Record) error {
			if !started {
				start()
				cw.Write([]string{"id", "url", "source", "lang", "published_at", "title", "score", "countries", "body"})
			}
			a := rec.Article
			pub := ""
			if !a.PublishedAt.IsZero() {
				pub = a.PublishedAt.UTC().Format(time.RFC3339)
			}
			cw.Write([]string{a.ID, a.URL, a.Source, a.Lang, pub, a.Title,
				strconv.FormatFloat(a.Relevance.Score, 'f', -1, 64), strings.Join(a.Countries, " "), a.Body})
			if n++; n%flushEvery == 0 {
				cw.Flush()
				if flusher != nil {
					flusher.Flush()
				}
			}
			return cw.Error()
		}
		defer cw.Flush()
	} else {
		enc := json.NewEncoder(w)
		write = func(rec store.Record) error {
			start()
			if err := enc.Encode(rec.Article); err != nil {
				return err
			}
			if n++; n%flushEvery == 0 && flusher != nil {
				flusher.Flush()
			}
			return nil
		}
	}
	err = h.st.Scan(r.Context(), q, write)
	if err != nil && !started {
		h.fail(w, r, err)
		return
	}
	if err != nil {
		// The status is out; the truncated body is all a client can see,
		// and the log says why.
		h.log.Error("export", "err", err, "rows", n)
		return
	}
	if !started {
		start()
		if format == "csv" {
			cw := csv.NewWriter(w)
			cw.Write([]string{"id", "url", "source", "lang", "published_at", "title", "score", "countries", "body"})
			cw.Flush()
		}
	}
}

package reader

import (
	"encoding/csv"
	"encoding/json"
	"io"
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
	if err == nil {
		err = h.known(r.Context(), q)
	}
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
		Total    int       `json:"total"` // matches, all pages together
		Articles []summary `json:"articles"`
		Next     string    `json:"next,omitempty"`
	}{Total: page.Total, Articles: []summary{}, Next: page.Next}
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

// stats takes the search's conditions, so that a chart follows a search.
func (h *Handler) stats(w http.ResponseWriter, r *http.Request) {
	q, err := parseSearch(r.URL.Query())
	for name, set := range map[string]bool{"limit": q.Limit != 0, "cursor": q.Cursor != "", "sort": q.Sort != ""} {
		if err == nil && set {
			err = bad(name, "stats count every match: they take no %s", name)
		}
	}
	if err == nil {
		err = h.known(r.Context(), q)
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	st, err := h.st.Stats(r.Context(), statsQuery(q))
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

// statsQuery is the StatsQuery of a search's matches.
func statsQuery(q store.SearchQuery) store.StatsQuery {
	return store.StatsQuery{Text: q.Text, Lang: q.Lang, Source: q.Source, Country: q.Country,
		Since: q.Since, Until: q.Until, MinScore: q.MinScore}
}

// flushEvery bounds how much of an export waits in buffers.
const flushEvery = 100

// csvHeader names the columns of the CSV export; csvRow writes them.
var csvHeader = []string{"id", "url", "source", "lang", "published_at", "title", "score", "countries",
	"organizations", "byline", "attribution", "body"}

func csvRow(a *article.Article) []string {
	pub := ""
	if !a.PublishedAt.IsZero() {
		pub = a.PublishedAt.UTC().Format(time.RFC3339)
		if a.PublishedLocal { // the clock the page showed, in no known zone
			pub = a.PublishedAt.UTC().Format("2006-01-02T15:04:05")
		}
	}
	row := []string{a.ID, a.URL, a.Source, a.Lang, pub, a.Title,
		strconv.FormatFloat(a.Relevance.Score, 'f', -1, 64), strings.Join(a.Countries, " "),
		strings.Join(a.Organizations, " "), a.Byline, a.Attribution, a.Body}
	for i := range row {
		row[i] = csvCell(row[i])
	}
	return row
}

// csvCell neutralises a cell that a spreadsheet would read as a formula
// (OWASP, CSV injection): one that starts with =, +, -, @, a tab or a
// carriage return gets a leading single quote, which Excel, LibreOffice
// and Google Sheets show as text. Every column goes through it: a hostile
// page controls titles and bodies, and a source or URL is no safer.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// utf8BOM makes Excel read a CSV file as UTF-8 rather than the system's
// code page, which garbles Turkish and Russian.
const utf8BOM = "\ufeff"

func (h *Handler) export(w http.ResponseWriter, r *http.Request) {
	q, err := parseSearch(r.URL.Query(), "format", "bom")
	if err == nil && (q.Limit != 0 || q.Cursor != "") {
		err = bad("limit", "export takes no limit or cursor: it streams every match")
	}
	format := r.URL.Query().Get("format")
	if err == nil && format != "" && format != "jsonl" && format != "csv" {
		err = bad("format", "%q is not jsonl or csv", format)
	}
	bom := false
	if err == nil {
		switch b := r.URL.Query().Get("bom"); {
		case b == "" || b == "0" || b == "false":
		case (b == "1" || b == "true") && format == "csv":
			bom = true
		case b == "1" || b == "true":
			err = bad("bom", "only a CSV export takes a byte order mark")
		default:
			err = bad("bom", "%q is not 1 or 0", b)
		}
	}
	if err == nil {
		err = h.known(r.Context(), q)
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
	var cw *csv.Writer
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
		if format == "csv" {
			if bom {
				io.WriteString(w, utf8BOM)
			}
			cw.Write(csvHeader)
		}
	}
	if format == "csv" {
		cw = csv.NewWriter(w)
		write = func(rec store.Record) error {
			start()
			cw.Write(csvRow(&rec.Article))
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
		// JSONL is for programs: every string stays as stored.
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
	start() // an empty CSV export still has its header
}

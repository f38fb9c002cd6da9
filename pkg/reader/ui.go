package reader

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/store"
)

//go:embed templates
var templates embed.FS

type ui struct {
	st      Store
	catalog *catalog
	log     *slog.Logger
	searchT *template.Template
	artT    *template.Template
	errT    *template.Template
	css     []byte
}

func newUI(st Store, c *catalog, log *slog.Logger) (*ui, error) {
	u := &ui{st: st, catalog: c, log: log}
	var err error
	if u.errT, err = template.New("layout.html").Funcs(pageFuncs).ParseFS(templates, "templates/layout.html", "templates/error.html"); err != nil {
		return nil, fmt.Errorf("reader: %w", err)
	}
	if u.searchT, err = template.New("layout.html").Funcs(pageFuncs).ParseFS(templates, "templates/layout.html", "templates/search.html"); err != nil {
		return nil, fmt.Errorf("reader: %w", err)
	}
	if u.artT, err = template.New("layout.html").Funcs(pageFuncs).ParseFS(templates, "templates/layout.html", "templates/article.html"); err != nil {
		return nil, fmt.Errorf("reader: %w", err)
	}
	if u.css, err = templates.ReadFile("templates/style.css"); err != nil {
		return nil, fmt.Errorf("reader: %w", err)
	}
	return u, nil
}

// pageFuncs are the templates' helpers.
var pageFuncs = template.FuncMap{"published": published}

// published is an article's publication time as an analyst should read
// it: a day for a date-only page, the day it names in its own zone (the
// start of that day in a zone within twelve hours of UTC, so noon UTC
// falls on it); the clock time the page wrote, without a zone, for a
// local time (published_local); else the instant in UTC.
func published(a article.Article) string {
	t := a.PublishedAt.UTC()
	switch {
	case t.IsZero():
		return ""
	case a.PublishedPrecision == article.PrecisionDate:
		if a.PublishedLocal {
			return t.Format("2006-01-02")
		}
		return t.Add(12 * time.Hour).Format("2006-01-02")
	case a.PublishedLocal:
		return t.Format("2006-01-02 15:04")
	}
	return t.Format("2006-01-02 15:04") + " UTC"
}

func (u *ui) style(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "max-age=3600")
	w.Write(u.css)
}

type searchPage struct {
	Q                      store.SearchQuery
	Since, Until, MinScore string
	Sources                []string
	Sorts                  []struct{ Value, Label string }
	Sort                   string // the order the form shows chosen
	SortLabel              string // the order in use
	Hits                   []store.Hit
	Total                  int // -1: not counted
	State                  string
	Next                   string
	Error                  string
	Chart                  template.HTML
}

// ArticleHref links a hit to its page, carrying the search along, so that
// the page can mark the query's words and lead back to the results.
func (p searchPage) ArticleHref(id string) template.URL {
	h := "/articles/" + url.PathEscape(id)
	if p.State != "" {
		h += "?" + p.State
	}
	return template.URL(h)
}

// searchState is what of a search a link carries: its conditions and
// order, not its page. Values come from parseSearch, so they are valid.
func searchState(v url.Values) url.Values {
	out := url.Values{}
	for k := range v {
		if k != "cursor" && k != "limit" && v.Get(k) != "" {
			out.Set(k, v.Get(k))
		}
	}
	return out
}

func (u *ui) search(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	// The form sends every field, empty ones too; empty means "any".
	for k, vs := range v {
		if len(vs) == 1 && vs[0] == "" {
			v.Del(k)
		}
	}
	p := searchPage{Since: v.Get("since"), Until: v.Get("until"), MinScore: v.Get("min_score"), Sorts: sorts, Total: -1}
	status := http.StatusOK
	q, err := parseSearch(v)
	p.Q = q
	if err == nil {
		err = checkKnown(r.Context(), u.catalog, q)
	}
	if err == nil {
		var page store.SearchPage
		if page, err = u.st.Search(r.Context(), q); err == nil {
			p.Hits, p.Total = page.Hits, page.Total
			p.State = searchState(v).Encode()
			if page.Next != "" {
				next := searchState(v)
				if l := v.Get("limit"); l != "" {
					next.Set("limit", l)
				}
				next.Set("cursor", page.Next)
				p.Next = "/?" + next.Encode()
			}
		}
	}
	// The form keeps what the user chose; best match is the default, and
	// the page says when there are no words to match and it is newest.
	p.Sort = q.Sort
	if p.Sort == "" {
		p.Sort = store.SortRelevance
	}
	for _, s := range sorts {
		if s.Value == sortInUse(q) {
			p.SortLabel = s.Label
		}
	}
	if err != nil {
		if param, msg, ok := badRequest(err); ok {
			p.Error, status = msg, http.StatusBadRequest
			if param != "" {
				p.Error = param + ": " + msg
			}
		} else {
			u.log.Error("reader: search", "err", err)
			p.Error, status = "The search failed; try again.", http.StatusInternalServerError
		}
	}
	// The chart counts what the search finds; the source list, everything.
	if _, sources, err := u.catalog.lookup(r.Context(), func(_, _ []string) bool { return true }); err == nil {
		p.Sources = sources
	}
	if status == http.StatusOK {
		if st, err := u.st.Stats(r.Context(), statsQuery(q)); err == nil {
			p.Chart = chart(st.ByDay)
		} else {
			u.log.Error("reader: stats", "err", err)
		}
	}
	u.render(w, u.searchT, status, p)
}

// sortInUse is the order Search applies to q.
func sortInUse(q store.SearchQuery) string {
	text := strings.TrimSpace(q.Text) != ""
	switch {
	case q.Sort == store.SortScore, q.Sort == store.SortNewest:
		return q.Sort
	case text:
		return store.SortRelevance
	}
	return store.SortNewest
}

// para is a paragraph of the article page, its words marked.
type para struct {
	Heading bool
	Spans   []store.Span
}

func (u *ui) article(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var rec *store.Record
	err := store.ErrNotFound
	if validID(id) {
		rec, err = u.st.Get(r.Context(), id)
	}
	if err != nil {
		status := http.StatusNotFound
		if !errors.Is(err, store.ErrNotFound) {
			u.log.Error("reader: article", "id", id, "err", err)
			status = http.StatusInternalServerError
		}
		u.errorPage(w, status)
		return
	}
	a := rec.Article
	data := struct {
		A          article.Article
		Title      []store.Span
		Standfirst []store.Span
		Paras      []para
		Revision   int
		Link       string
		Back       string
		Query      string
	}{A: a, Revision: rec.Revision, Back: "/"}
	// The search that led here, if any: its words are marked, and the way
	// back keeps it. A link that does not parse is only a link.
	var q store.SearchQuery
	if v := r.URL.Query(); len(v) > 0 {
		if sq, err := parseSearch(v); err == nil {
			q = sq
			if st := searchState(v).Encode(); st != "" {
				data.Back = "/?" + st
			}
			data.Query = strings.TrimSpace(q.Text)
		}
	}
	data.Title = store.Highlight(q, a.Lang, a.Title)
	if a.Standfirst != "" {
		data.Standfirst = store.Highlight(q, a.Lang, a.Standfirst)
	}
	for i, p := range a.Paragraphs {
		data.Paras = append(data.Paras, para{Heading: slices.Contains(a.Headings, i), Spans: store.Highlight(q, a.Lang, p)})
	}
	// Only web links: an article's URL is untrusted, and a javascript:
	// URL must never become a link.
	if l, err := url.Parse(a.URL); err == nil && (l.Scheme == "http" || l.Scheme == "https") {
		data.Link = l.String()
	}
	u.render(w, u.artT, http.StatusOK, data)
}

// notFound answers a path the reader does not serve with its own page.
func (u *ui) notFound(w http.ResponseWriter, r *http.Request) {
	u.errorPage(w, http.StatusNotFound)
}

// errorPage is the reader's page for a 404 or a 500, in its own layout
// with a way back.
func (u *ui) errorPage(w http.ResponseWriter, status int) {
	data := struct{ Title, Message string }{"Not found", "There is no such article here: it may have been pruned, or the link is wrong."}
	if status != http.StatusNotFound {
		data = struct{ Title, Message string }{"Something went wrong", "The reader could not load this page; try again."}
	}
	u.render(w, u.errT, status, data)
}

func (u *ui) render(w http.ResponseWriter, t *template.Template, status int, data any) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, pageTemplate(t), data); err != nil {
		u.log.Error("reader: render", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// pageTemplate is the file template of a set (search.html, article.html).
func pageTemplate(t *template.Template) string {
	for _, name := range []string{"search.html", "article.html", "error.html"} {
		if t.Lookup(name) != nil {
			return name
		}
	}
	return ""
}

// chart draws articles per day per language as an inline SVG bar chart,
// so that the page needs no script.
func chart(days []store.DayCount) template.HTML {
	if len(days) == 0 {
		return ""
	}
	byDay := map[string]map[string]int{}
	var order []string
	peak := 0
	for _, d := range days {
		if byDay[d.Day] == nil {
			byDay[d.Day] = map[string]int{}
			order = append(order, d.Day)
		}
		byDay[d.Day][d.Lang] += d.Count
	}
	sort.Strings(order)
	// The last 30 days that have articles: an archive that stopped last
	// month still shows its shape.
	order = order[max(0, len(order)-30):]
	for _, d := range order {
		total := 0
		for _, n := range byDay[d] {
			total += n
		}
		peak = max(peak, total)
	}
	const width, height, pad = 600, 120, 18
	bar := float64(width) / float64(len(order))
	colors := map[string]string{"tr": "#c8363d", "ru": "#1f5fbf"}
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg viewBox="0 0 %d %d" role="img" aria-label="Articles per day per language">`, width, height+pad)
	for i, d := range order {
		y := float64(height)
		langs := make([]string, 0, len(byDay[d]))
		for l := range byDay[d] {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		for _, l := range langs {
			n := byDay[d][l]
			h := float64(n) / float64(peak) * (height - 10)
			y -= h
			c, ok := colors[l]
			if !ok {
				c = "#888"
			}
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s %s: %d</title></rect>`,
				float64(i)*bar+1, y, max(bar-2, 1), h, c, template.HTMLEscapeString(d), template.HTMLEscapeString(l), n)
		}
	}
	fmt.Fprintf(&b, `<text x="0" y="%d" font-size="11" fill="#5d6677">%s</text>`, height+pad-4, template.HTMLEscapeString(order[0]))
	fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" fill="#5d6677" text-anchor="end">%s · peak %s · <tspan fill="#c8363d">tr</tspan> <tspan fill="#1f5fbf">ru</tspan></text>`,
		width, height+pad-4, template.HTMLEscapeString(order[len(order)-1]), strconv.Itoa(peak))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

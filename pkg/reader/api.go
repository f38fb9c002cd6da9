// Package reader is where analysts meet the store: a read-only JSON API
// (/api/...) and a server-rendered reader UI (/) over the same queries.
// Articles are untrusted input: the API returns them as JSON strings and
// the UI escapes them through html/template.
package reader

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/wiredesk/wiredesk/pkg/store"
)

// Store is what the reader needs of the store.
type Store interface {
	Get(ctx context.Context, id string) (*store.Record, error)
	Revisions(ctx context.Context, id string) ([]store.Record, error)
	Search(ctx context.Context, q store.SearchQuery) (store.SearchPage, error)
	Scan(ctx context.Context, q store.SearchQuery, fn func(store.Record) error) error
	Stats(ctx context.Context, q store.StatsQuery) (store.Stats, error)
}

// Config configures the handler.
type Config struct {
	// Token, when set, is required as "Authorization: Bearer <token>" on
	// every request, the UI's included: a browser then reaches the UI
	// through a proxy that adds the header.
	Token string
	// Listen is the address the handler is served on, for the warning
	// New logs when it is beyond loopback with no Token.
	Listen string
}

// Handler serves the API and the UI.
type Handler struct {
	cfg Config
	st  Store
	log *slog.Logger
	mux *http.ServeMux
	ui  *ui
	// catalog is what known checks lang and source against.
	catalog *catalog
}

// New returns the handler.
func New(cfg Config, st Store, log *slog.Logger) (*Handler, error) {
	h := &Handler{cfg: cfg, st: st, log: log, mux: http.NewServeMux(), catalog: &catalog{st: st}}
	if cfg.Token == "" && beyondLoopback(cfg.Listen) {
		log.Warn("the reader (API and UI) listens beyond loopback without a token: whoever reaches it reads every article; "+
			"set sink.api_token (WIREDESK_SINK_API_TOKEN) or listen on 127.0.0.1", "addr", cfg.Listen)
	}
	var err error
	if h.ui, err = newUI(st, h.catalog, log); err != nil {
		return nil, err
	}
	h.mux.HandleFunc("GET /api/articles", h.auth(h.articles))
	h.mux.HandleFunc("GET /api/articles/{id}", h.auth(h.article))
	h.mux.HandleFunc("GET /api/stats", h.auth(h.stats))
	h.mux.HandleFunc("GET /api/export", h.auth(h.export))
	h.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "", "no such endpoint: %s", r.URL.Path)
	})
	h.mux.HandleFunc("GET /{$}", h.auth(h.ui.search))
	h.mux.HandleFunc("GET /articles/{id}", h.auth(h.ui.article))
	// The stylesheet too: every request needs the token, as Config says,
	// so that an open port tells nothing of what is behind it.
	h.mux.HandleFunc("GET /static/style.css", h.auth(h.ui.style))
	h.mux.HandleFunc("/", h.auth(h.ui.notFound))
	return h, nil
}

// beyondLoopback reports whether addr listens beyond the loopback
// interface: every interface (":8080", "0.0.0.0:8080", "[::]:8080"), an
// address of another interface, or a name that may resolve to one.
func beyondLoopback(addr string) bool {
	if addr == "" {
		return false
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return false
	}
	ip, err := netip.ParseAddr(host)
	return err != nil || !ip.IsLoopback()
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		writeError(w, http.StatusMethodNotAllowed, "", "the API is read-only: %s is not allowed", r.Method)
		return
	}
	h.mux.ServeHTTP(w, r)
}

func (h *Handler) auth(next http.HandlerFunc) http.HandlerFunc {
	if h.cfg.Token == "" {
		return next
	}
	want := []byte("Bearer " + h.cfg.Token)
	return func(w http.ResponseWriter, r *http.Request) {
		got := []byte(r.Header.Get("Authorization"))
		if subtle.ConstantTimeCompare(got, want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="wiredesk"`)
			writeError(w, http.StatusUnauthorized, "", "a valid bearer token is required")
			return
		}
		next(w, r)
	}
}

// apiError is the body of every error response.
type apiError struct {
	Error string `json:"error"`
	Param string `json:"param,omitempty"`
}

func writeError(w http.ResponseWriter, status int, param, format string, args ...any) {
	writeJSON(w, status, apiError{Error: fmt.Sprintf(format, args...), Param: param})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// fail answers a store error: the caller's mistake as 400 or 404 in the
// caller's words, anything else as 500 without the store's (they are
// logged).
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	if param, msg, ok := badRequest(err); ok {
		writeError(w, http.StatusBadRequest, param, "%s", msg)
		return
	}
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "", "no such article")
	case errors.Is(err, context.Canceled):
	default:
		h.log.Error("reader", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "", "internal error")
	}
}

// badRequest reports whether err is the caller's mistake, and if so the
// parameter it names and what to tell the caller: the store's words
// without its internal names ("store: bad query: cursor: store: bad
// cursor: not base64url" is "bad cursor: not base64url" on "cursor").
func badRequest(err error) (param, msg string, ok bool) {
	var pe *paramError
	switch {
	case errors.As(err, &pe):
		return pe.param, pe.msg, true
	case errors.Is(err, store.ErrBadQuery):
		msg = err.Error()
		if i := strings.Index(msg, store.ErrBadQuery.Error()+": "); i >= 0 {
			msg = msg[i+len(store.ErrBadQuery.Error()+": "):]
		}
		if i := strings.Index(msg, ": "); i > 0 && !strings.Contains(msg[:i], " ") {
			param, msg = msg[:i], msg[i+2:]
		}
		return param, strings.ReplaceAll(msg, "store: ", ""), true
	}
	return "", "", false
}

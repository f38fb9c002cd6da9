package reader_test

import (
	"bytes"
	"context"
	crand "crypto/rand"
	"encoding/csv"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/reader"
	"github.com/wiredesk/wiredesk/pkg/store"
	"github.com/wiredesk/wiredesk/pkg/store/storetest"
)

// backends opens an empty store of each kind the machine can run:
// SQLite always, PostgreSQL when WIREDESK_TEST_POSTGRES names a server
// (CI sets it), in a database of its own.
func backends(t *testing.T) map[string]func(t testing.TB) store.Store {
	open := func(t testing.TB, dsn string) store.Store {
		st, err := store.Open(context.Background(), dsn, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	out := map[string]func(t testing.TB) store.Store{
		"sqlite": func(t testing.TB) store.Store { return open(t, "sqlite:"+filepath.Join(t.TempDir(), "r.db")) },
	}
	admin := os.Getenv("WIREDESK_TEST_POSTGRES")
	if admin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("WIREDESK_TEST_POSTGRES is not set, and CI must run the PostgreSQL tests")
		}
		t.Log("PostgreSQL skipped: set WIREDESK_TEST_POSTGRES=postgres://... to run it")
		return out
	}
	out["postgres"] = func(t testing.TB) store.Store {
		u, err := url.Parse(admin)
		if err != nil {
			t.Fatalf("WIREDESK_TEST_POSTGRES: %v", err)
		}
		name := "wiredesk_reader_" + strings.ToLower(crand.Text()[:12])
		exec := func(sql string) error {
			ctx := context.Background()
			conn, err := pgx.Connect(ctx, admin)
			if err != nil {
				return err
			}
			defer conn.Close(ctx)
			_, err = conn.Exec(ctx, sql)
			return err
		}
		if err := exec("CREATE DATABASE " + name); err != nil {
			t.Fatalf("create test database: %v", err)
		}
		t.Cleanup(func() {
			if err := exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
				t.Errorf("drop test database %s: %v", name, err)
			}
		})
		u.Path = "/" + name
		return open(t, u.String())
	}
	return out
}

// serve serves the reader over st.
func serve(t testing.TB, st store.Store) *httptest.Server {
	h, err := reader.New(reader.Config{}, st, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// TestExportFormulas: a hostile page controls what the CSV export writes,
// and a spreadsheet runs a cell that starts like a formula. Every such
// cell comes out neutralised, in every column, on both backends; the JSONL
// export stays verbatim.
func TestExportFormulas(t *testing.T) {
	hostile := []string{
		`=cmd|' /C calc'!A0`,
		`+SUM(1,2)`,
		`-2+3+cmd|' /C calc'!A0`,
		`@SUM(1,2)`,
		"\t=1+1",
		"\r=1+1",
	}
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			st := open(t)
			var batch []*article.Article
			for i, h := range hostile {
				a := storetest.NewArticle(100 + 2*i)
				a.Title = h
				a.Byline, a.Attribution = h, h
				a.Organizations = []string{h}
				a.Paragraphs = []string{h, "Ateşkes sürüyor."}
				a.Body = strings.Join(a.Paragraphs, "\n\n")
				batch = append(batch, a)
			}
			if _, err := st.Put(context.Background(), batch); err != nil {
				t.Fatal(err)
			}
			srv := serve(t, st)

			resp, body := get(t, srv.URL+"/api/export?format=csv")
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			if strings.HasPrefix(body, "\ufeff") {
				t.Errorf("a byte order mark without bom=1")
			}
			rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			header := rows[0]
			for _, col := range []string{"id", "title", "byline", "attribution", "organizations", "countries", "body"} {
				if !slices.Contains(header, col) {
					t.Errorf("header %q lacks %s", header, col)
				}
			}
			if len(rows) != len(hostile)+1 {
				t.Fatalf("%d rows, want %d", len(rows), len(hostile)+1)
			}
			for _, row := range rows[1:] {
				for i, cell := range row {
					if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
						t.Errorf("column %s: %q starts like a formula", header[i], cell)
					}
				}
				title := row[slices.Index(header, "title")]
				if !strings.HasPrefix(title, "'") || !slices.Contains(hostile, title[1:]) {
					t.Errorf("title %q, want a hostile title behind a single quote", title)
				}
			}

			// JSONL is for programs: it keeps every string as stored.
			_, body = get(t, srv.URL+"/api/export")
			var titles []string
			for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
				var a article.Article
				if err := json.Unmarshal([]byte(line), &a); err != nil {
					t.Fatal(err)
				}
				titles = append(titles, a.Title)
			}
			slices.Sort(titles)
			want := slices.Clone(hostile)
			slices.Sort(want)
			if !slices.Equal(titles, want) {
				t.Errorf("JSONL titles %q, want them verbatim %q", titles, want)
			}
		})
	}
}

func TestExportBOM(t *testing.T) {
	f := newFixture(t, 3, reader.Config{})
	resp, err := http.Get(f.srv.URL + "/api/export?format=csv&bom=1")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\xef\xbb\xbfid,url,")) {
		t.Errorf("body starts %q, want a UTF-8 byte order mark, then the header", b[:min(len(b), 20)])
	}
	// An empty export has its mark and header too.
	_, body := get(t, f.srv.URL+"/api/export?format=csv&bom=1&country=US")
	if !strings.HasPrefix(body, "\ufeffid,url,") {
		t.Errorf("empty export %q", body)
	}
}

// TestErrorsSayNoInternals: what a caller reads names parameters, never
// the store's packages or types.
func TestErrorsSayNoInternals(t *testing.T) {
	f := newFixture(t, 3, reader.Config{})
	for _, path := range []string{"/api/articles?cursor=garbage", "/api/articles?cursor=eyJxIjoiMSIsImkiOiIxIn0", "/?cursor=garbage"} {
		t.Run(path, func(t *testing.T) {
			resp, body := get(t, f.srv.URL+path)
			if resp.StatusCode != 400 {
				t.Fatalf("status %d, want 400", resp.StatusCode)
			}
			if strings.Contains(body, "store") || !strings.Contains(body, "bad cursor") {
				t.Errorf("body %q: want \"bad cursor\" and no \"store\"", body)
			}
		})
	}
}

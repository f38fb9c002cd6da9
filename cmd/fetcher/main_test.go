package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiredesk/wiredesk/internal/golden"
	"github.com/wiredesk/wiredesk/pkg/article"
)

var update = flag.Bool("update", false, "rewrite golden files")

// The pages are two of the extractor's golden pages, read in place.
var (
	trPage = filepath.Join("..", "..", "pkg", "extract", "testdata", "tr_aa_microdata.html")
	ruPage = filepath.Join("..", "..", "pkg", "extract", "testdata", "ru_tass.html")
)

// TestExtract runs "fetcher extract" as an operator would and compares
// its page/v1 lines with golden files. cmd/classifier reads those golden
// files as its input, so the two commands are tested as a pipe.
func TestExtract(t *testing.T) {
	tests := []struct {
		name, url, file string
	}{
		{"tr_page", "https://www.aa.com.tr/tr/dunya/disisleri-bakani-cavusoglu-rus-mevkidasi-lavrov-ile-telefonda-gorustu/1700000", trPage},
		{"ru_page", "https://tass.ru/politika/7480000", ruPage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			args := []string{"extract", "-url", tt.url, tt.file}
			if err := run(context.Background(), args, nil, nil, &out, &errb); err != nil {
				t.Fatalf("extract: %v\n%s", err, errb.String())
			}
			p, err := article.DecodePage(bytes.TrimSpace(out.Bytes()))
			if err != nil {
				t.Fatalf("output is not a valid page/v1: %v", err)
			}
			if p.URL != tt.url {
				t.Errorf("url = %q, want %q", p.URL, tt.url)
			}
			checkGolden(t, filepath.Join("testdata", tt.name+".page.jsonl"), normalise(t, out.Bytes()))
		})
	}
}

func TestExtractStdinAndErrors(t *testing.T) {
	html, err := os.ReadFile(trPage)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		args      []string
		wantLines int
		wantErr   string
	}{
		{"stdin", []string{"extract", "-url", "https://example.org/a/b-c-d"}, 1, ""},
		{"dash", []string{"extract", "-"}, 1, ""},
		{"missing file does not hide the others", []string{"extract", "testdata/nope.html", ruPage}, 1, "nope.html"},
		{"unknown source", []string{"extract", "-source", "nosuch", ruPage}, 0, `source "nosuch" is not configured`},
		{"bad url", []string{"extract", "-url", "::", ruPage}, 0, "-url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), tt.args, nil, bytes.NewReader(html), &out, &errb)
			if tt.wantErr == "" && err != nil {
				t.Fatalf("err = %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
			}
			if n := bytes.Count(out.Bytes(), []byte("\n")); n != tt.wantLines {
				t.Errorf("%d lines out, want %d", n, tt.wantLines)
			}
		})
	}
}

// normalise blanks the fetch time, the one field that changes per run.
func normalise(t testing.TB, jsonl []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	for _, line := range bytes.Split(bytes.TrimSpace(jsonl), []byte("\n")) {
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			t.Fatal(err)
		}
		m["fetched_at"] = "2026-01-01T00:00:00Z"
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

func checkGolden(t testing.TB, path string, got []byte) {
	t.Helper()
	golden.Check(t, path, got, *update)
}

// TestExtractManifest extracts several pages in one run from a manifest of
// URL<TAB>PATH lines: one page/v1 per entry, in the manifest's order, each
// under its own URL and the same as extracting that page alone; a missing
// file is reported with its line and does not hide the pages after it.
func TestExtractManifest(t *testing.T) {
	dir := t.TempDir()
	trAbs, err := filepath.Abs(trPage)
	if err != nil {
		t.Fatal(err)
	}
	ru, err := os.ReadFile(ruPage)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ru.html"), ru, 0o644); err != nil {
		t.Fatal(err)
	}
	entries := []struct{ url, path string }{
		{"https://www.aa.com.tr/tr/dunya/a/1", trAbs},
		{"https://tass.ru/politika/2", "ru.html"}, // relative to the manifest
		{"https://tass.ru/politika/3", "missing.html"},
		{"https://www.aa.com.tr/tr/dunya/b/4", trAbs},
	}
	var m strings.Builder
	m.WriteString("# pages to check\n\n")
	for _, e := range entries {
		m.WriteString(e.url + "\t" + e.path + "\n")
	}
	manifest := filepath.Join(dir, "pages.tsv")
	if err := os.WriteFile(manifest, []byte(m.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	var out, errb bytes.Buffer
	err = run(context.Background(), []string{"extract", "-manifest", manifest}, nil, nil, &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "pages.tsv:5") || !strings.Contains(err.Error(), "missing.html") {
		t.Errorf("err = %v, want the missing file reported with its manifest line (5)", err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []int{0, 1, 3} // the entries that exist, in order
	if len(lines) != len(want) {
		t.Fatalf("%d pages out, want %d:\n%s", len(lines), len(want), out.String())
	}
	for i, line := range lines {
		e := entries[want[i]]
		p, err := article.DecodePage([]byte(line))
		if err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if p.URL != e.url {
			t.Errorf("line %d: url %q, want %q", i, p.URL, e.url)
		}
		// The same page as a run of its own on that one file.
		var one bytes.Buffer
		path := e.path
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
		if err := run(context.Background(), []string{"extract", "-url", e.url, path}, nil, nil, &one, &errb); err != nil {
			t.Fatal(err)
		}
		if got, alone := normalise(t, []byte(line)), normalise(t, one.Bytes()); !bytes.Equal(got, alone) {
			t.Errorf("line %d differs from extracting the page alone:\n got %s\nwant %s", i, got, alone)
		}
	}

	t.Run("bad line", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.tsv")
		if err := os.WriteFile(bad, []byte("https://tass.ru/x ru.html\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		err := run(context.Background(), []string{"extract", "-manifest", bad}, nil, nil, &out, &errb)
		if err == nil || !strings.Contains(err.Error(), "bad.tsv:1") {
			t.Errorf("err = %v, want the line without a tab reported", err)
		}
	})
	t.Run("stdin", func(t *testing.T) {
		var o bytes.Buffer
		in := strings.NewReader(entries[0].url + "\t" + trAbs + "\n")
		if err := run(context.Background(), []string{"extract", "-manifest", "-"}, nil, in, &o, &errb); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(o.String(), "\n"); n != 1 {
			t.Errorf("%d lines, want 1", n)
		}
	})
}

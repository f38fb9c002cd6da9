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

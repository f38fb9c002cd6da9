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
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestClassify reads the golden output of "fetcher extract" (so that the
// two commands are tested as the pipe DESIGN.md describes) and compares
// what "classifier classify" prints with golden files.
func TestClassify(t *testing.T) {
	for _, name := range []string{"tr_page", "ru_page"} {
		t.Run(name, func(t *testing.T) {
			in := filepath.Join("..", "fetcher", "testdata", name+".page.jsonl")
			var out, errb bytes.Buffer
			if err := run(context.Background(), []string{"classify", in}, nil, nil, &out, &errb); err != nil {
				t.Fatalf("classify: %v\n%s", err, errb.String())
			}
			var line struct {
				Subject string          `json:"subject"`
				Message json.RawMessage `json:"message"`
			}
			if err := json.Unmarshal(out.Bytes(), &line); err != nil {
				t.Fatalf("output line: %v", err)
			}
			if !strings.HasPrefix(line.Subject, "news.clean.") {
				t.Errorf("subject = %q, want news.clean.*", line.Subject)
			}
			checkGolden(t, filepath.Join("testdata", name+".classified.jsonl"), normalise(t, out.Bytes()))
		})
	}
}

func TestClassifyBadInput(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("..", "fetcher", "testdata", "ru_page.page.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		input   string
		wantErr []string
	}{
		{"bad json", "{not json\n" + string(good), []string{"-:1:"}},
		{"unknown schema", `{"schema":"page/v9"}` + "\n" + string(good), []string{"-:1:", "schema"}},
		{"invalid page", `{"schema":"page/v1","id":"x"}` + "\n" + string(good), []string{"-:1:"}},
		{"blank lines are fine", "\n\n" + string(good) + "\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), []string{"classify"}, nil, strings.NewReader(tt.input), &out, &errb)
			if n := bytes.Count(out.Bytes(), []byte("\n")); n != 1 {
				t.Errorf("%d lines out, want 1: the good page must still be classified", n)
			}
			if len(tt.wantErr) == 0 {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("no error for bad input")
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("err = %v, want it to contain %q", err, w)
				}
			}
		})
	}
}

// normalise blanks the classification time, the one field that changes
// per run.
func normalise(t testing.TB, jsonl []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	for _, line := range bytes.Split(bytes.TrimSpace(jsonl), []byte("\n")) {
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			t.Fatal(err)
		}
		if msg, ok := m["message"].(map[string]any); ok {
			for _, k := range []string{"classified_at", "dropped_at"} {
				if _, ok := msg[k]; ok {
					msg[k] = "2026-01-01T00:00:00Z"
				}
			}
		}
		b, err := json.MarshalIndent(m, "", "  ")
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

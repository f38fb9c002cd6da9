package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/deploy/demo"
	"github.com/wiredesk/wiredesk/pkg/archive/archivetest"
	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/service/servicetest"
	"github.com/wiredesk/wiredesk/pkg/sitegen"
)

// demoWARC writes the demo site's article pages as a WARC file, each
// under its source's canonical host, and returns the file and the pages
// by URL.
func demoWARC(t *testing.T, gz bool) (string, map[string]string) {
	t.Helper()
	hosts := map[string]string{"haberajans": "www.haberajans.example", "vestnik": "vestnik.example", "gundem": "www.gundem.example"}
	pages := map[string]string{}
	path := filepath.Join(t.TempDir(), "demo.warc")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := archivetest.NewWriter(f, gz)
	if err != nil {
		t.Fatal(err)
	}
	site := demo.Site()
	err = fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") || strings.HasSuffix(p, "index.html") {
			return err
		}
		src, _, _ := strings.Cut(p, "/")
		body, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		u := "https://" + hosts[src] + "/" + p
		pages[u] = filepath.Join(t.TempDir(), filepath.Base(p))
		if err := os.WriteFile(pages[u], body, 0o644); err != nil {
			return err
		}
		return w.Write(archivetest.Capture{URI: u, Body: body, Date: time.Date(2020, 1, 16, 12, 0, 0, 0, time.UTC)})
	})
	if err != nil {
		t.Fatal(err)
	}
	// A record of another kind and an image: skipped.
	w.Write(archivetest.Capture{URI: "https://vestnik.example/logo.png", ContentType: "image/png", Body: []byte("\x89PNG")})
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path, pages
}

// "fetcher extract -warc" gives, for every HTML record, the page/v1 that
// "fetcher extract" gives for the same page fetched from the same URL.
func TestExtractWARC(t *testing.T) {
	for _, gz := range []bool{true, false} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			warc, pages := demoWARC(t, gz)
			var out, errb bytes.Buffer
			if err := run(context.Background(), []string{"extract", "-warc", warc}, nil, nil, &out, &errb); err != nil {
				t.Fatalf("extract -warc: %v\n%s", err, errb.String())
			}
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")
			if len(lines) != len(pages) {
				t.Fatalf("%d pages, want %d", len(lines), len(pages))
			}
			if !strings.Contains(errb.String(), "not_html 1") {
				t.Errorf("stderr does not count the image: %q", errb.String())
			}
			for _, line := range lines {
				p, err := article.DecodePage([]byte(line))
				if err != nil {
					t.Fatal(err)
				}
				if p.FetchedAt != time.Date(2020, 1, 16, 12, 0, 0, 0, time.UTC) {
					t.Errorf("%s: fetched_at %v, want the capture time", p.URL, p.FetchedAt)
				}
				var one bytes.Buffer
				if err := run(context.Background(), []string{"extract", "-url", p.URL, pages[p.URL]}, nil, nil, &one, &errb); err != nil {
					t.Fatal(err)
				}
				q, err := article.DecodePage(bytes.TrimSpace(one.Bytes()))
				if err != nil {
					t.Fatal(err)
				}
				if a, b := comparable(p), comparable(q); a != b {
					t.Errorf("%s: extract -warc and extract differ:\n%s\n%s", p.URL, a, b)
				}
			}
		})
	}
}

// comparable is a page without what only the fetch decides.
func comparable(p *article.Page) string {
	p.FetchedAt, p.HTTP = time.Time{}, article.HTTP{}
	b, _ := json.Marshal(p)
	return string(b)
}

// TestBackfillCommand runs "fetcher backfill" as an operator would: a file
// read now, then the same file again, then files through the work queue.
func TestBackfillCommand(t *testing.T) {
	srv, conn := bustest.Start(t)
	site := sitegen.New(sitegen.Config{Pages: 30, Seed: 5})
	dir := t.TempDir()
	var files []string
	for i := range 3 {
		path := filepath.Join(dir, fmt.Sprintf("cc-news-%d.warc.gz", i))
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := site.WriteWARC(f, i*10, (i+1)*10, 0.3); err != nil {
			t.Fatal(err)
		}
		f.Close()
		files = append(files, path)
	}
	var cfg strings.Builder
	cfg.WriteString("sources:\n")
	for _, s := range site.ArchiveSources() {
		fmt.Fprintf(&cfg, "  - id: %s\n    lang: %s\n    feeds: [%s]\n", s.ID, s.Lang, s.Feeds[0])
	}
	cfgPath := filepath.Join(dir, "wiredesk.yaml")
	if err := os.WriteFile(cfgPath, []byte(cfg.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	base := []string{"backfill", "-config", cfgPath, "-nats", srv.ClientURL(), "-listen", servicetest.FreeAddr(t)}
	cmd := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if err := run(context.Background(), append(append([]string{}, base...), args...), nil, nil, &out, &errb); err != nil {
			t.Fatalf("fetcher %s: %v\n%s", strings.Join(args, " "), err, errb.String())
		}
		return out.String()
	}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"a file", []string{files[0]}, []string{"15 records, 10 published, 0 unchanged, 5 skipped (host 4, record_type 1)"}},
		{"the same file again", []string{files[0]}, []string{"already backfilled (15 records, 10 published)"}},
		{"queue the others", []string{"-enqueue", files[1], files[2]}, []string{"queued 2 files"}},
		{"work the queue", []string{"-queue", "-drain"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := cmd(tt.args...)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output %q does not say %q", out, w)
				}
			}
		})
	}
	n, err := subjectCount(t, conn)
	if err != nil {
		t.Fatal(err)
	}
	if n != 30 {
		t.Errorf("%d pages on PAGES, want 30", n)
	}
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/deploy/demo"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/service/servicetest"
)

// TestServiceOnce runs the fetcher as main does, with a configuration
// file, against a real NATS server and the demo site on httptest: one
// poll publishes every feed page on news.raw.<source>.
func TestServiceOnce(t *testing.T) {
	srv, conn := bustest.Start(t)
	site := httptest.NewServer(demo.Handler())
	t.Cleanup(site.Close)
	cfg := filepath.Join(t.TempDir(), "wiredesk.yaml")
	host := strings.TrimPrefix(site.URL, "http://")
	yaml := fmt.Sprintf(`fetcher:
  allow_private: true
sources:
  - id: vestnik
    lang: ru
    feeds: [%s/vestnik/rss.xml]
    allow_hosts: [%s, vestnik.example]
    rate: 100
`, site.URL, host)
	if err := os.WriteFile(cfg, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr servicetest.Buffer
	err := run(context.Background(), []string{"-config", cfg, "-nats", srv.ClientURL(), "-once", "-listen", servicetest.FreeAddr(t)}, nil, nil, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	counts, err := subjectCount(t, conn)
	if err != nil {
		t.Fatal(err)
	}
	if counts < 14 {
		t.Errorf("%d pages on news.raw.vestnik, want the feed's 14\n%s", counts, stderr.String())
	}
}

func subjectCount(t testing.TB, conn *bus.Conn) (uint64, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := conn.JS.Stream(ctx, bus.StreamPages)
	if err != nil {
		return 0, err
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, err
	}
	return info.State.Msgs, nil
}

func TestCheckConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.yaml", "sources:\n  - id: a\n    feeds: [https://a.example/rss]\n")
	tests := []struct {
		name, file, wantOut, wantErr string
	}{
		{"good", good, "configuration ok: 1 sources", ""},
		{"bad id", write("id.yaml", "sources:\n  - id: A B\n    feeds: [https://a.example/rss]\n"), "", "sources[0]"},
		{"no feeds", write("nofeeds.yaml", "sources:\n  - id: a\n"), "", "feed"},
		{"bad selector", write("sel.yaml", "sources:\n  - id: a\n    start_urls: [https://a.example/]\n    link_selector: 'a[['\n"), "", "link_selector"},
		{"unknown key", write("key.yaml", "sources:\n  - id: a\n    feedz: [x]\n"), "", "feedz"},
		{"missing file", filepath.Join(dir, "none.yaml"), "", "none.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), []string{"-check-config", "-config", tt.file}, nil, nil, &out, &errb)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
			} else if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.wantErr)
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("stdout = %q, want %q", out.String(), tt.wantOut)
			}
		})
	}
}

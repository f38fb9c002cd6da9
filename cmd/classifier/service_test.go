package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/service/servicetest"
)

// TestService runs the classifier as main does against a real NATS
// server: it becomes ready, turns a page into an article on news.clean.>,
// sends a poison message to the DLQ, and stops cleanly.
func TestService(t *testing.T) {
	srv, conn := bustest.Start(t)
	page, err := os.ReadFile(filepath.Join("..", "fetcher", "testdata", "ru_page.page.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := article.DecodePage(bytes.TrimSpace(page))
	if err != nil {
		t.Fatal(err)
	}
	admin := servicetest.FreeAddr(t)
	var stderr servicetest.Buffer
	stop := servicetest.Start(t, func(ctx context.Context) error {
		return run(ctx, []string{"-nats", srv.ClientURL(), "-listen", admin, "-log-format", "json"},
			nil, nil, &bytes.Buffer{}, &stderr)
	})
	servicetest.Get(t, "http://"+admin+"/readyz", 200, 20*time.Second)

	ctx := context.Background()
	if err := conn.Publish(ctx, bus.SubjectRaw(p.Source), "", bytes.TrimSpace(page)); err != nil {
		t.Fatal(err)
	}
	if err := conn.Publish(ctx, bus.SubjectRaw(p.Source), "", []byte("{not json")); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		bus.StreamArticles: bus.SubjectClean("ru", p.Source),
		bus.StreamDLQ:      bus.SubjectDLQ("classifier"),
	}
	for stream, subject := range want {
		deadline := time.Now().Add(20 * time.Second)
		for {
			s, err := conn.JS.Stream(ctx, stream)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.GetLastMsgForSubject(ctx, subject); err == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("nothing on %s\n%s", subject, stderr.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	m := servicetest.Get(t, "http://"+admin+"/metrics", 200, 5*time.Second)
	if !strings.Contains(m, `wiredesk_classifier_pages_total{lang="ru",verdict="kept"} 1`) {
		t.Errorf("metrics do not count the kept page:\n%s", m)
	}

	// The poison message is still poison: a replay sends it back through
	// the classifier, which dead-letters it again.
	var out bytes.Buffer
	if err := run(ctx, []string{"replay-dlq", "-nats", srv.ClientURL(), "-dry-run"}, nil, nil, &out, &out); err != nil {
		t.Fatalf("replay-dlq -dry-run: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "would replay 1 dead letters") || !strings.Contains(out.String(), "classifier") {
		t.Errorf("replay-dlq -dry-run printed:\n%s", out.String())
	}
	out.Reset()
	if err := run(ctx, []string{"replay-dlq", "-nats", srv.ClientURL(), "-stage", "classifier"}, nil, nil, &out, &out); err != nil {
		t.Fatalf("replay-dlq: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "replayed 1 dead letters") {
		t.Errorf("replay-dlq printed:\n%s", out.String())
	}
	s, err := conn.JS.Stream(ctx, bus.StreamDLQ)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		info, err := s.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// The replayed copy was deleted; the classifier dead-lettered it anew.
		if info.State.Msgs == 1 && info.State.LastSeq == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("DLQ state after replay: %+v", info.State)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := stop(); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	// The shutdown is logged step by step, at info level, in order.
	inOrder(t, stderr.String(), "shutting down: stopping intake", "intake stopped", "nats drained", "classifier stopped")
}

// inOrder checks that log holds each of want, in that order.
func inOrder(t *testing.T, log string, want ...string) {
	t.Helper()
	last := -1
	for _, w := range want {
		i := strings.Index(log, w)
		if i < 0 || i < last {
			t.Errorf("%q missing or out of order in the log:\n%s", w, log)
			return
		}
		last = i
	}
}

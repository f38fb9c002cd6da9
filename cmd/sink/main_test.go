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

// TestService runs the sink as main does, against a real NATS server and
// a real SQLite file: it becomes ready, stores what arrives on
// news.clean.>, and stops cleanly when its context ends.
func TestService(t *testing.T) {
	srv, conn := bustest.Start(t)
	data, err := os.ReadFile(filepath.Join("..", "..", "pkg", "article", "testdata", "article.json"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.DecodeArticle(data)
	if err != nil {
		t.Fatal(err)
	}
	admin, api := servicetest.FreeAddr(t), servicetest.FreeAddr(t)
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "w.db")
	var stderr servicetest.Buffer
	stop := servicetest.Start(t, func(ctx context.Context) error {
		return run(ctx, []string{"-nats", srv.ClientURL(), "-listen", admin, "-api-listen", api, "-store", dsn, "-store-all"},
			nil, nil, &bytes.Buffer{}, &stderr)
	})
	servicetest.Get(t, "http://"+admin+"/readyz", 200, 20*time.Second)

	ctx := context.Background()
	subject := bus.SubjectClean(a.Lang, a.Source)
	// Twice: the second is a redelivery, which must not become a second row.
	for range 2 {
		if err := conn.Publish(ctx, subject, "", data); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		m := servicetest.Get(t, "http://"+admin+"/metrics", 200, 5*time.Second)
		if strings.Contains(m, `wiredesk_sink_articles_total{outcome="inserted"} 1`) &&
			strings.Contains(m, `wiredesk_sink_articles_total{outcome="unchanged"} 1`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the sink did not store the article once and skip its redelivery:\n%s", grep(m, "wiredesk_sink_articles_total"))
		}
		time.Sleep(20 * time.Millisecond)
	}
	// The reader serves what was stored.
	body := servicetest.Get(t, "http://"+api+"/api/articles/"+a.ID, 200, 5*time.Second)
	if !strings.Contains(body, `"revision":1`) {
		t.Errorf("GET /api/articles/%s = %s", a.ID, body)
	}
	if err := stop(); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	// The shutdown is logged step by step, at info level, in order; the
	// article and its redelivery were committed.
	last := -1
	for _, w := range []string{"shutting down: stopping intake", "intake stopped", "nats drained",
		"last batch committed", "committed=2", "store closed", "sink stopped"} {
		i := strings.Index(stderr.String(), w)
		if i < 0 || i < last {
			t.Errorf("%q missing or out of order in the log:\n%s", w, stderr.String())
			break
		}
		last = i
	}
}

func TestMigrateAndCheckConfig(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("sink:\n  batch_size: lots\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		env     []string
		wantOut string
		wantErr string
	}{
		{"migrate", []string{"migrate", "-store", "sqlite:" + filepath.Join(dir, "m.db")}, nil, "is migrated", ""},
		{"migrate again is a no-op", []string{"migrate", "-store", "sqlite:" + filepath.Join(dir, "m.db")}, nil, "is migrated", ""},
		{"check-config ok", []string{"-check-config"}, nil, "configuration ok", ""},
		{"check-config bad file", []string{"-check-config", "-config", bad}, nil, "", "sink.batch_size"},
		{"bad env", []string{"-check-config"}, []string{"WIREDESK_SINK_BATCH_SIZE=x"}, "", "WIREDESK_SINK_BATCH_SIZE"},
		{"unknown env", []string{"-check-config"}, []string{"WIREDESK_SINKK=1"}, "", "WIREDESK_SINKK"},
		{"bad store", []string{"migrate", "-store", "mysql://x"}, nil, "", "mysql"},
		{"bad flag", []string{"-nope"}, nil, "", "nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), tt.args, tt.env, nil, &out, &errb)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("err = %v\n%s", err, errb.String())
				}
			} else if err == nil || !strings.Contains(err.Error()+errb.String(), tt.wantErr) {
				t.Fatalf("err = %v, want it to mention %q", err, tt.wantErr)
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("stdout = %q, want %q", out.String(), tt.wantOut)
			}
		})
	}
}

func grep(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestSecretsNotLogged runs the sink at debug level with a NATS user and
// password and an API token, and with a PostgreSQL DSN carrying a password
// for migrate: none of the secrets may appear in what it prints.
func TestSecretsNotLogged(t *testing.T) {
	const secret = "hunter2-wd"
	srv, _ := bustest.Start(t)
	admin, api := servicetest.FreeAddr(t), servicetest.FreeAddr(t)
	env := []string{
		"WIREDESK_NATS_USER=wiredesk", "WIREDESK_NATS_PASSWORD=" + secret + "-nats",
		"WIREDESK_SINK_API_TOKEN=" + secret + "-token", "WIREDESK_LOG_LEVEL=debug",
	}
	var stdout, stderr servicetest.Buffer
	stop := servicetest.Start(t, func(ctx context.Context) error {
		return run(ctx, []string{"-nats", srv.ClientURL(), "-listen", admin, "-api-listen", api,
			"-store", "sqlite:" + filepath.Join(t.TempDir(), "w.db")}, env, nil, &stdout, &stderr)
	})
	servicetest.Get(t, "http://"+admin+"/readyz", 200, 20*time.Second)
	if err := stop(); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	// A DSN whose server is not there: the error names the store, not
	// its password.
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"migrate", "-store",
		"postgres://wiredesk:" + secret + "-pg@127.0.0.1:1/wiredesk?connect_timeout=1"}, nil, nil, &out, &errb)
	if err == nil {
		t.Fatal("migrate against no server succeeded")
	}
	printed := stdout.String() + stderr.String() + out.String() + errb.String() + err.Error()
	if strings.Contains(printed, secret) {
		t.Errorf("a secret was printed:\n%s", grep(printed, secret))
	}
	if !strings.Contains(stderr.String(), "level=DEBUG") {
		t.Errorf("no debug lines: the test did not run at debug level")
	}
}

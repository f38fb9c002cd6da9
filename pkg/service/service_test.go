package service_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiredesk/wiredesk/pkg/service"
)

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func TestAdminEndpoints(t *testing.T) {
	reg := service.NewRegistry()
	c := prometheus.NewCounter(prometheus.CounterOpts{Name: "wiredesk_test_total", Help: "test"})
	reg.MustRegister(c)
	c.Add(3)
	a := service.NewAdmin(reg)
	var ready atomic.Bool
	a.AddCheck("nats", func(context.Context) error {
		if !ready.Load() {
			return errors.New("nats: DISCONNECTED")
		}
		return nil
	})

	ctx, cancel := context.WithCancel(context.Background())
	addr, wait, err := a.Serve(ctx, "127.0.0.1:0", slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + addr
	tests := []struct {
		path       string
		wantStatus int
		wantBody   string
	}{
		{"/healthz", 200, "ok"},
		{"/readyz", 503, "nats: nats: DISCONNECTED"},
		{"/metrics", 200, "wiredesk_test_total 3"},
		{"/metrics", 200, "process_resident_memory_bytes"},
		{"/debug/pprof/", 200, "goroutine"},
		{"/debug/pprof/heap?debug=1", 200, "heap profile"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, body := get(t, base+tt.path)
			if status != tt.wantStatus || !strings.Contains(body, tt.wantBody) {
				t.Errorf("GET %s = %d %q, want %d containing %q", tt.path, status, body, tt.wantStatus, tt.wantBody)
			}
		})
	}
	ready.Store(true)
	if status, _ := get(t, base+"/readyz"); status != 200 {
		t.Errorf("/readyz = %d once the check passes, want 200", status)
	}
	cancel()
	done := make(chan error, 1)
	go func() { done <- wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("wait: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("admin server did not stop")
	}
}

func TestNewLogger(t *testing.T) {
	tests := []struct {
		format, want string
		wantErr      bool
	}{
		{"text", "level=INFO msg=hello", false},
		{"json", `"msg":"hello"`, false},
		{"xml", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var b strings.Builder
			log, err := service.NewLogger(&b, tt.format, slog.LevelInfo)
			if tt.wantErr {
				if err == nil {
					t.Fatal("no error for a bad format")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			log.Info("hello")
			if !strings.Contains(b.String(), tt.want) {
				t.Errorf("log = %q, want %q", b.String(), tt.want)
			}
		})
	}
}

// TestLogOnStop: once ctx is done, the stop line comes before whatever
// the caller logs after settle, every time; when ctx never ends, the line
// is never written, even if ctx ends after settle.
func TestLogOnStop(t *testing.T) {
	for _, tc := range []struct {
		name   string
		cancel bool
		want   string
	}{
		{"stopped", true, "stopping intake|intake stopped|"},
		{"not stopped", false, "intake stopped|"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for range 200 {
				var b strings.Builder
				log := slog.New(slog.NewTextHandler(&lineWriter{b: &b}, &slog.HandlerOptions{
					ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
						if a.Key != slog.MessageKey {
							return slog.Attr{}
						}
						return a
					},
				}))
				ctx, cancel := context.WithCancel(context.Background())
				settle := service.LogOnStop(ctx, log, "stopping intake")
				if tc.cancel {
					cancel()
				}
				settle()
				log.Info("intake stopped")
				cancel()
				settle() // a second call (deferred) neither blocks nor logs
				if got := b.String(); got != tc.want {
					t.Fatalf("log %q, want %q", got, tc.want)
				}
			}
		})
	}
}

// lineWriter keeps each log line's message, bar-separated.
type lineWriter struct {
	mu sync.Mutex
	b  *strings.Builder
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	msg := strings.TrimSpace(strings.TrimPrefix(string(p), "msg="))
	w.b.WriteString(strings.Trim(msg, `"`) + "|")
	return len(p), nil
}

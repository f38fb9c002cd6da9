// Package bustest starts a real, embedded NATS server with JetStream for
// tests, with wiredesk's streams already created.
package bustest

import (
	"context"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/wiredesk/wiredesk/pkg/bus"
)

// Start runs an embedded server on a random port with its store in a
// temporary directory, connects to it and creates the streams. Both are
// closed when the test ends.
func Start(t testing.TB) (*bus.Embedded, *bus.Conn) {
	t.Helper()
	return StartWith(t, bus.EmbeddedConfig{})
}

// StartWith is Start with cfg's other settings (MaxPayload).
func StartWith(t testing.TB, cfg bus.EmbeddedConfig) (*bus.Embedded, *bus.Conn) {
	t.Helper()
	cfg.StoreDir, cfg.Port = t.TempDir(), -1
	if cfg.MaxStore == 0 {
		// The streams' reservations, not the disk's free space, decide
		// whether they can be created: a test's streams hold megabytes.
		cfg.MaxStore = 1 << 40
	}
	srv, err := bus.StartEmbedded(cfg)
	if err != nil {
		t.Fatalf("start nats: %v", err)
	}
	t.Cleanup(srv.Shutdown)
	return srv, Connect(t, srv.ClientURL())
}

// Connect opens a connection to url and ensures the streams exist.
func Connect(t testing.TB, url string) *bus.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	c, err := bus.Connect(ctx, bus.Config{URL: url, Name: t.Name()}, Logger(t))
	if err != nil {
		t.Fatalf("connect nats: %v", err)
	}
	t.Cleanup(c.NC.Close)
	if err := bus.EnsureStreams(ctx, c.JS, bus.DefaultStreams()); err != nil {
		t.Fatalf("ensure streams: %v", err)
	}
	return c
}

// Logger returns a logger that writes to stderr when -v is set and
// discards otherwise. It does not use t.Log: background goroutines may
// still log after the test has returned.
func Logger(t testing.TB) *slog.Logger {
	t.Helper()
	var w io.Writer = io.Discard
	if testing.Verbose() {
		w = os.Stderr
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// StartAuth runs a plain NATS server (no JetStream) on a random loopback
// port that wants user and password: for tests of a refused connection.
func StartAuth(t testing.TB, user, password string) string {
	t.Helper()
	srv, err := server.NewServer(&server.Options{
		Host: "127.0.0.1", Port: -1, Username: user, Password: password, NoLog: true, NoSigs: true,
	})
	if err != nil {
		t.Fatalf("start nats: %v", err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats not ready")
	}
	t.Cleanup(srv.Shutdown)
	return srv.ClientURL()
}

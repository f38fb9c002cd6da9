package bus

import (
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// EmbeddedConfig configures the in-process NATS server.
type EmbeddedConfig struct {
	// StoreDir holds JetStream's file store.
	StoreDir string
	// Host and Port to listen on. Port -1 picks a free port (tests);
	// 0 means the NATS default, 4222.
	Host string
	Port int
	// ServerName names the server in JetStream; it must be stable across
	// restarts on the same StoreDir.
	ServerName string
	// MaxPayload is the largest message the server takes; 0 is 8 MiB.
	// Tests set NATS's own default, 1 MiB, to see what a server run with
	// it does to large pages.
	MaxPayload int32
	// MaxStore bounds JetStream's file store in bytes; 0 is nats-server's
	// default, 75% of the disk's free space when it starts. The default
	// streams reserve 23 GiB (their max_bytes), so a server on a disk
	// with less than about 31 GB free refuses to create them; tests set
	// it, as their streams hold a few megabytes.
	MaxStore int64
}

// Embedded is the real nats-server, running in this process with JetStream.
type Embedded struct {
	srv *server.Server
}

// StartEmbedded starts a nats-server in process and waits until it accepts
// connections.
func StartEmbedded(cfg EmbeddedConfig) (*Embedded, error) {
	if cfg.StoreDir == "" {
		return nil, errors.New("embedded nats: store dir is required")
	}
	if cfg.Host == "" {
		cfg.Host = "127.0.0.1"
	}
	if cfg.ServerName == "" {
		cfg.ServerName = "wiredesk"
	}
	opts := &server.Options{
		ServerName: cfg.ServerName,
		Host:       cfg.Host,
		Port:       cfg.Port,
		JetStream:  true,
		StoreDir:   cfg.StoreDir,
		NoSigs:     true, // signals belong to main
		NoLog:      true,
		// Large pages (up to the fetcher's 5 MiB cap, as JSON) must fit.
		MaxPayload: 8 << 20,
	}
	if cfg.MaxPayload > 0 {
		opts.MaxPayload = cfg.MaxPayload
	}
	if cfg.MaxStore > 0 {
		opts.JetStreamMaxStore = cfg.MaxStore
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("embedded nats: %w", err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(15 * time.Second) {
		srv.Shutdown()
		return nil, errors.New("embedded nats: not ready for connections after 15s")
	}
	return &Embedded{srv: srv}, nil
}

// ClientURL is the URL clients connect to.
func (e *Embedded) ClientURL() string { return e.srv.ClientURL() }

// Shutdown stops the server and waits until it has stopped, so that its
// store is closed cleanly.
func (e *Embedded) Shutdown() {
	e.srv.Shutdown()
	e.srv.WaitForShutdown()
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/config"
	"github.com/wiredesk/wiredesk/pkg/pipeline"
	"github.com/wiredesk/wiredesk/pkg/reader"
	"github.com/wiredesk/wiredesk/pkg/service"
	"github.com/wiredesk/wiredesk/pkg/sink"
	"github.com/wiredesk/wiredesk/pkg/store"
)

func run(ctx context.Context, args, env []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "query" {
		return query(ctx, args[1:], env, stdout, stderr)
	}
	sub := ""
	if len(args) > 0 && args[0] == "migrate" {
		sub, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet("sink", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		configPath  = fs.String("config", "", "configuration file (YAML); also WIREDESK_CONFIG")
		checkConfig = fs.Bool("check-config", false, "validate the configuration and exit")
		natsURL     = fs.String("nats", "", "NATS URL, comma-separated for a cluster")
		listen      = fs.String("listen", "", "admin address for /metrics, /healthz, /readyz")
		logFormat   = fs.String("log-format", "", "log format: text or json")
		logLevel    = fs.String("log-level", "", "log level: debug, info, warn, error")
		storeURL    = fs.String("store", "", "sqlite:PATH or postgres://...")
		storeAll    = fs.Bool("store-all", false, "store every cleaned article, not only the relevant ones")
		apiListen   = fs.String("api-listen", "", `address of the reader API and UI; "" keeps the configured one`)
	)
	var batchSize config.Int
	var batchWait config.Duration
	fs.Var(&batchSize, "batch-size", "commit after this `number` of articles")
	fs.Var(&batchWait, "batch-wait", "commit a partial batch after this `duration`")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: sink [flags]\n       sink migrate [flags]\n       sink query [flags]\n\nflags:\n")
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nenvironment:\n%s", config.EnvHelp())
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // -h asked for the usage, which is printed
		}
		return err
	}
	cfg, err := config.FromEnv(*configPath, env)
	if err != nil {
		return err
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "nats":
			cfg.NATS.URL = *natsURL
		case "listen":
			cfg.Sink.Listen = *listen
		case "log-format":
			cfg.Log.Format = *logFormat
		case "log-level":
			cfg.Log.Level = *logLevel
		case "store":
			cfg.Sink.Store = *storeURL
		case "store-all":
			cfg.Sink.StoreAll = *storeAll
		case "batch-size":
			cfg.Sink.BatchSize = int(batchSize)
		case "batch-wait":
			cfg.Sink.BatchWait = time.Duration(batchWait)
		case "api-listen":
			cfg.Sink.APIListen = *apiListen
		}
	})
	if err := errors.Join(cfg.Validate(), cfg.CheckFiles()); err != nil {
		return fmt.Errorf("invalid configuration:\n%w", err)
	}
	if *checkConfig {
		fmt.Fprintln(stdout, "configuration ok")
		return nil
	}
	level, _ := config.ParseLevel(cfg.Log.Level)
	log, err := service.NewLogger(stderr, cfg.Log.Format, level)
	if err != nil {
		return err
	}
	if sub == "migrate" {
		// Open migrates; say so, and close.
		st, err := store.Open(ctx, cfg.Sink.Store, log)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "store %s is migrated\n", store.Redact(cfg.Sink.Store))
		return st.Close()
	}
	return serve(ctx, cfg, log)
}

func serve(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	reg := service.NewRegistry()
	admin := service.NewAdmin(reg)
	ready := admin.Starting()
	_, waitAdmin, err := admin.Serve(ctx, cfg.Sink.Listen, log)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, cfg.Sink.Store, log)
	if err != nil {
		return err
	}
	cfg.NATS.Name = "wiredesk-sink"
	conn, err := bus.Connect(ctx, cfg.NATS, log)
	if err != nil {
		return errors.Join(err, st.Close())
	}
	admin.AddCheck("nats", func(context.Context) error { return conn.Ready() })
	if p, ok := st.(pinger); ok {
		// A store that does not answer makes the sink not ready: its
		// commits fail and the articles wait in ARTICLES meanwhile.
		admin.AddCheck("store", p.Ping)
	}
	if err := bus.EnsureStreams(ctx, conn.JS, cfg.Streams); err != nil {
		conn.NC.Close()
		return errors.Join(err, st.Close())
	}
	// The reader and retention run beside the sink and stop before the
	// store closes.
	sideCtx, stopSide := context.WithCancel(ctx)
	defer stopSide()
	rd, err := reader.New(reader.Config{Token: cfg.Sink.APIToken, Listen: cfg.Sink.APIListen}, st, log)
	if err != nil {
		conn.NC.Close()
		return errors.Join(err, st.Close())
	}
	_, waitReader, err := service.Serve(sideCtx, "reader (API and UI)", cfg.Sink.APIListen, rd, log)
	if err != nil {
		conn.NC.Close()
		return errors.Join(err, st.Close())
	}
	retained := make(chan struct{})
	go func() {
		defer close(retained)
		sink.Retain(sideCtx, st, cfg.Sink.Retention, time.Hour, log)
	}()
	ready()
	runErr := pipeline.RunSink(ctx, conn, st, pipeline.SinkOptions{
		Sink:    sink.Config{BatchSize: cfg.Sink.BatchSize, BatchWait: cfg.Sink.BatchWait, StoreAll: cfg.Sink.StoreAll},
		Workers: cfg.Sink.Workers,
	}, log.With("store", store.Redact(cfg.Sink.Store)), reg)
	stopSide()
	<-retained
	readerErr := waitReader()
	closeErr := st.Close()
	if closeErr == nil {
		log.Info("store closed")
	}
	err = errors.Join(runErr, readerErr, closeErr, waitAdmin())
	if err != nil {
		log.Error("sink stopped", "err", err)
	} else {
		log.Info("sink stopped")
	}
	return err
}

// pinger is a store that can say whether it answers.
type pinger interface {
	Ping(ctx context.Context) error
}

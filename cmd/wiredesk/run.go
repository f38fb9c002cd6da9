package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/config"
	"github.com/wiredesk/wiredesk/pkg/service"
)

// options are the all-in-one's own settings, beside the shared config.
type options struct {
	dataDir  string
	demo     bool
	once     bool
	natsPort int
	listen   string
	timeout  time.Duration
}

func run(ctx context.Context, args, env []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wiredesk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		o           options
		configPath  = fs.String("config", "", "configuration file (YAML); also WIREDESK_CONFIG")
		checkConfig = fs.Bool("check-config", false, "validate the configuration and exit")
		logFormat   = fs.String("log-format", "", "log format: text or json")
		logLevel    = fs.String("log-level", "", "log level: debug, info, warn, error")
		storeURL    = fs.String("store", "", "sqlite:PATH or postgres://... (default sqlite:DATA/wiredesk.db)")
		storeAll    = fs.Bool("store-all", false, "store every cleaned article, not only the relevant ones")
	)
	fs.StringVar(&o.dataDir, "data", "./data", "directory for the embedded NATS store and the SQLite database")
	fs.BoolVar(&o.demo, "demo", false, "serve the bundled demo site on loopback and crawl it")
	fs.BoolVar(&o.once, "once", false, "poll every source once, wait until the pipeline is drained, print a summary and exit")
	fs.IntVar(&o.natsPort, "nats-port", 0, "port of the embedded NATS server (default 4222; a free port with -once)")
	fs.StringVar(&o.listen, "listen", "127.0.0.1:9100", "admin address for /metrics, /healthz, /readyz (empty: off)")
	fs.DurationVar(&o.timeout, "once-timeout", 10*time.Minute, "with -once, give up waiting for the pipeline after this long")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: wiredesk [flags]\n\nflags:\n")
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nenvironment:\n%s", config.EnvHelp())
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // -h asked for the usage, which is printed
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	cfg, err := config.FromEnv(*configPath, env)
	if err != nil {
		return err
	}
	defaultStore := config.Default().Sink.Store
	if cfg.Sink.Store == defaultStore {
		cfg.Sink.Store = "sqlite:" + filepath.Join(o.dataDir, "wiredesk.db")
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "log-format":
			cfg.Log.Format = *logFormat
		case "log-level":
			cfg.Log.Level = *logLevel
		case "store":
			cfg.Sink.Store = *storeURL
		case "store-all":
			cfg.Sink.StoreAll = *storeAll
		}
	})
	if o.natsPort == 0 {
		o.natsPort = 4222
		if o.once {
			o.natsPort = -1
		}
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("invalid configuration:\n%w", err)
	}
	if *checkConfig {
		fmt.Fprintf(stdout, "configuration ok: %d sources\n", len(cfg.Sources))
		return nil
	}
	if len(cfg.Sources) == 0 && !o.demo {
		return fmt.Errorf("no sources: give -config with a sources: list, or -demo")
	}
	level, _ := config.ParseLevel(cfg.Log.Level)
	log, err := service.NewLogger(stderr, cfg.Log.Format, level)
	if err != nil {
		return err
	}
	return allInOne(ctx, cfg, o, log, stdout)
}

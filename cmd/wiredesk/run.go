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

	"github.com/wiredesk/wiredesk/deploy/demo"
	"github.com/wiredesk/wiredesk/pkg/config"
	"github.com/wiredesk/wiredesk/pkg/service"
)

// options are the all-in-one's own settings, beside the shared config.
type options struct {
	dataDir  string
	demo     bool
	demoAddr string
	once     bool
	natsPort int
	listen   string
	timeout  time.Duration
}

func run(ctx context.Context, args, env []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "demo-site" {
		return runDemoSite(ctx, args[1:], stdout, stderr)
	}
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
	fs.StringVar(&o.demoAddr, "demo-addr", demo.Addr, "with -demo, where to serve the demo site: a fixed address, so that a rerun finds the pages it has seen")
	fs.BoolVar(&o.once, "once", false, "poll every source once, wait until the pipeline is drained, print a summary and exit")
	fs.Var((*config.Int)(&o.natsPort), "nats-port", "`port` of the embedded NATS server (default 4222; a free port with -once)")
	fs.StringVar(&o.listen, "listen", "127.0.0.1:9100", "admin address for /metrics, /healthz, /readyz (empty: off)")
	o.timeout = 10 * time.Minute
	fs.Var((*config.Duration)(&o.timeout), "once-timeout", "with -once, give up waiting for the pipeline after this `duration`")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: wiredesk [flags]\n       wiredesk demo-site [-addr HOST:PORT]\n\nflags:\n")
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
	if err := errors.Join(cfg.Validate(), cfg.CheckFiles(), config.CheckProxyEnv(env)); err != nil {
		return fmt.Errorf("invalid configuration:\n%w", err)
	}
	if !o.demo {
		if err := cfg.NeedSources(); err != nil {
			return fmt.Errorf("%w, or run with -demo", err)
		}
	}
	if *checkConfig {
		if o.demo {
			// -demo replaces the file's sources with the demo site's.
			fmt.Fprintf(stdout, "configuration ok: the demo site's %d sources\n", len(demo.Sources("http://"+o.demoAddr, time.Minute)))
		} else {
			fmt.Fprintf(stdout, "configuration ok: %d sources\n", len(cfg.Sources))
		}
		return nil
	}
	level, _ := config.ParseLevel(cfg.Log.Level)
	log, err := service.NewLogger(stderr, cfg.Log.Format, level)
	if err != nil {
		return err
	}
	return allInOne(ctx, cfg, o, log, stdout)
}

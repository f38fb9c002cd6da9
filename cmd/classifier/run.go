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
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/config"
	"github.com/wiredesk/wiredesk/pkg/pipeline"
	"github.com/wiredesk/wiredesk/pkg/service"
)

func run(ctx context.Context, args, env []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "classify" {
		return runClassify(ctx, args[1:], env, stdin, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "replay-dlq" {
		return runReplay(ctx, args[1:], env, stdout, stderr)
	}
	fs := flag.NewFlagSet("classifier", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		configPath  = fs.String("config", "", "configuration file (YAML); also WIREDESK_CONFIG")
		checkConfig = fs.Bool("check-config", false, "validate the configuration and exit")
		natsURL     = fs.String("nats", "", "NATS URL, comma-separated for a cluster")
		listen      = fs.String("listen", "", "admin address for /metrics, /healthz, /readyz")
		logFormat   = fs.String("log-format", "", "log format: text or json")
		logLevel    = fs.String("log-level", "", "log level: debug, info, warn, error")
		langs       = fs.String("languages", "", "in-scope languages, comma-separated (default tr,ru)")
		profile     = fs.String("profile", "", "relevance profile YAML (default: the embedded diplomacy profile)")
	)
	var workers config.Int
	fs.Var(&workers, "workers", "`number` of pages classified in parallel")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: classifier [flags]\n       classifier classify [-config FILE] [FILE|-]...\n       classifier replay-dlq [-stage S] [-limit N] [-dry-run]\n\nflags:\n")
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
			cfg.Classifier.Listen = *listen
		case "log-format":
			cfg.Log.Format = *logFormat
		case "log-level":
			cfg.Log.Level = *logLevel
		case "workers":
			cfg.Classifier.Workers = int(workers)
		case "languages":
			cfg.Classifier.Languages = config.SplitList(*langs)
		case "profile":
			cfg.Classifier.Profile = *profile
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
	return serve(ctx, cfg, log)
}

func newClassifier(c config.Classifier, log *slog.Logger) (*classify.Classifier, error) {
	return classify.New(classify.Config{Languages: c.Languages, Profile: c.Profile, Threshold: c.Threshold}, log)
}

func serve(ctx context.Context, cfg config.Config, log *slog.Logger) error {
	reg := service.NewRegistry()
	admin := service.NewAdmin(reg)
	ready := admin.Starting()
	_, waitAdmin, err := admin.Serve(ctx, cfg.Classifier.Listen, log)
	if err != nil {
		return err
	}
	start := time.Now()
	cl, err := newClassifier(cfg.Classifier, log)
	if err != nil {
		return err
	}
	log.Info("classifier models loaded", "took", time.Since(start).Round(time.Millisecond))
	cfg.NATS.Name = "wiredesk-classifier"
	conn, err := bus.Connect(ctx, cfg.NATS, log)
	if err != nil {
		return err
	}
	admin.AddCheck("nats", func(context.Context) error { return conn.Ready() })
	if err := bus.EnsureStreams(ctx, conn.JS, cfg.Streams); err != nil {
		conn.NC.Close()
		return err
	}
	ready()
	runErr := pipeline.RunClassifier(ctx, conn, cl, cfg.Classifier.Workers, log, reg)
	err = errors.Join(runErr, waitAdmin())
	if err != nil {
		log.Error("classifier stopped", "err", err)
	} else {
		log.Info("classifier stopped")
	}
	return err
}

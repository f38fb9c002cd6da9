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
	"github.com/wiredesk/wiredesk/pkg/fetch"
	"github.com/wiredesk/wiredesk/pkg/pipeline"
	"github.com/wiredesk/wiredesk/pkg/service"
)

func run(ctx context.Context, args, env []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "extract" {
		return runExtract(args[1:], env, stdin, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "backfill" {
		return runBackfill(ctx, args[1:], env, stdout, stderr)
	}
	fs := flag.NewFlagSet("fetcher", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		sf          = addServiceFlags(fs, "configuration file (YAML); also WIREDESK_CONFIG")
		checkConfig = fs.Bool("check-config", false, "validate the configuration and exit")
		shard       = fs.String("shard", "", "poll only the sources of shard i/n")
		once        = fs.Bool("once", false, "poll every source once and exit")
	)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: fetcher [flags]\n       fetcher extract [-url URL] [-source ID] [-config FILE] [-warc] [FILE|-]...\n       fetcher extract -manifest FILE [-source ID] [-config FILE]\n       fetcher backfill [flags] FILE... | -enqueue FILE... | -queue [-drain]\n\nflags:\n")
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nenvironment:\n%s", config.EnvHelp())
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // -h asked for the usage, which is printed
		}
		return err
	}
	cfg, err := sf.load(fs, env)
	if err != nil {
		return err
	}
	if isSet(fs, "shard") {
		cfg.Fetcher.Shard = *shard
	}
	if err := errors.Join(cfg.Validate(), cfg.CheckFiles(), config.CheckProxyEnv(env)); err != nil {
		return fmt.Errorf("invalid configuration:\n%w", err)
	}
	if err := cfg.NeedSources(); err != nil {
		return fmt.Errorf("invalid configuration:\n%w", err)
	}
	if *checkConfig {
		fmt.Fprintf(stdout, "configuration ok: %d sources\n", len(cfg.Sources))
		return nil
	}
	level, _ := config.ParseLevel(cfg.Log.Level)
	log, err := service.NewLogger(stderr, cfg.Log.Format, level)
	if err != nil {
		return err
	}
	return serve(ctx, cfg, log, *once)
}

func serve(ctx context.Context, cfg config.Config, log *slog.Logger, once bool) error {
	reg := service.NewRegistry()
	admin := service.NewAdmin(reg)
	ready := admin.Starting()
	// The admin endpoint outlives a -once poll only until serve returns.
	adminCtx, stopAdmin := context.WithCancel(ctx)
	defer stopAdmin()
	_, waitAdmin, err := admin.Serve(adminCtx, cfg.Fetcher.Listen, log)
	if err != nil {
		return err
	}
	cfg.NATS.Name = "wiredesk-fetcher"
	conn, err := bus.Connect(ctx, cfg.NATS, log)
	if err != nil {
		return err
	}
	admin.AddCheck("nats", func(context.Context) error { return conn.Ready() })
	if err := bus.EnsureStreams(ctx, conn.JS, cfg.Streams); err != nil {
		conn.NC.Close()
		return err
	}
	seen, err := bus.SeenBucket(ctx, conn.JS, cfg.Streams)
	if err != nil {
		conn.NC.Close()
		return err
	}
	i, n, _ := config.ParseShard(cfg.Fetcher.Shard)
	sources := pipeline.Shard(cfg.Sources, i, n)
	log.Info("fetcher starting", "sources", len(sources), "shard", cfg.Fetcher.Shard)
	f := fetch.New(fetchConfig(cfg.Fetcher), conn, seen, log, fetch.NewMetrics(reg))

	ready()
	settle := service.LogOnStop(ctx, log, "shutting down: stopping intake (polls)")
	defer settle()
	var runErr error
	if once {
		var st fetch.Stats
		st, runErr = f.PollAll(ctx, sources)
		settle()
		msg := "poll done"
		if runErr != nil {
			msg = "poll stopped before it finished"
		}
		log.Info(msg, "fetched", st.Fetched, "published", st.Published, "unchanged", st.Unchanged, "errors", st.Errors)
	} else {
		runErr = f.Run(ctx, sources)
		settle()
	}
	// Shut down in order: intake has stopped; flush what was published.
	if ctx.Err() != nil {
		log.Info("intake stopped: no poll is running")
	}
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	drainErr := conn.Drain(dctx)
	if drainErr != nil {
		log.Warn("nats drain failed", "err", drainErr)
	} else {
		log.Info("nats drained: what was published is stored")
	}
	stopAdmin()
	err = errors.Join(ignoreCanceled(runErr), drainErr, waitAdmin())
	if err != nil {
		log.Error("fetcher stopped", "err", err)
	} else {
		log.Info("fetcher stopped")
	}
	return err
}

func fetchConfig(c config.Fetcher) fetch.Config {
	return fetch.Config{
		UserAgent: c.UserAgent, Contact: c.Contact, Timeout: c.Timeout, MaxBody: c.MaxBody,
		Concurrency: c.Concurrency, Retries: c.Retries, IgnoreRobots: c.IgnoreRobots, AllowPrivate: c.AllowPrivate,
		MaxPollURLs: c.MaxPollURLs, MaxSitemapURLs: c.MaxSitemapURLs, MaxSitemapChildren: c.MaxSitemapChildren,
	}
}

func ignoreCanceled(err error) error {
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

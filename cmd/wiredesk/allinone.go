package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiredesk/wiredesk/deploy/demo"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/config"
	"github.com/wiredesk/wiredesk/pkg/fetch"
	"github.com/wiredesk/wiredesk/pkg/pipeline"
	"github.com/wiredesk/wiredesk/pkg/reader"
	"github.com/wiredesk/wiredesk/pkg/service"
	"github.com/wiredesk/wiredesk/pkg/sink"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// startSide starts what serves beside the pipeline while it runs, unless
// the run is -once: the reader (API and UI) and retention. The returned
// function stops them and waits; call it before the store closes.
func startSide(ctx context.Context, cfg config.Config, o options, st store.Store, log *slog.Logger) (stop func() error, err error) {
	if o.once {
		return func() error { return nil }, nil
	}
	ctx, cancel := context.WithCancel(ctx)
	waitReader := func() error { return nil }
	if cfg.Sink.APIListen != "" {
		rd, err := reader.New(reader.Config{Token: cfg.Sink.APIToken, Listen: cfg.Sink.APIListen}, st, log)
		if err != nil {
			cancel()
			return nil, err
		}
		var addr string
		if addr, waitReader, err = service.Serve(ctx, "reader (API and UI)", cfg.Sink.APIListen, rd, log); err != nil {
			cancel()
			return nil, err
		}
		log.Info("read the articles at http://" + addr + "/")
	}
	retained := make(chan struct{})
	go func() {
		defer close(retained)
		sink.Retain(ctx, st, cfg.Sink.Retention, time.Hour, log)
	}()
	return func() error {
		cancel()
		<-retained
		return waitReader()
	}, nil
}

// startStages runs the sink and the classifier, each on a context of its
// own, and returns the function that stops them in pipeline order
// (classifier, then sink) and returns their errors.
func startStages(ctx context.Context, cfg config.Config, conns *stageConns, st store.Store, cl *classify.Classifier,
	reg prometheus.Registerer, log *slog.Logger) (stop func() error) {
	sinkCtx, stopSink := context.WithCancel(context.WithoutCancel(ctx))
	clsCtx, stopCls := context.WithCancel(context.WithoutCancel(ctx))
	sinkDone := make(chan error, 1)
	go func() {
		sinkDone <- pipeline.RunSink(sinkCtx, conns.sink, st, pipeline.SinkOptions{
			Sink:    sink.Config{BatchSize: cfg.Sink.BatchSize, BatchWait: cfg.Sink.BatchWait, StoreAll: cfg.Sink.StoreAll},
			Workers: cfg.Sink.Workers,
		}, log.With("stage", "sink"), stageReg(reg, "sink"))
	}()
	clsDone := make(chan error, 1)
	go func() {
		clsDone <- pipeline.RunClassifier(clsCtx, conns.classifier, cl, cfg.Classifier.Workers,
			log.With("stage", "classifier"), stageReg(reg, "classifier"))
	}()
	return func() error {
		stopCls()
		clsErr := <-clsDone
		stopSink()
		return errors.Join(clsErr, <-sinkDone)
	}
}

// stageReg gives each stage its own "service" label on the shared
// registry, as if it ran as its own process.
func stageReg(reg prometheus.Registerer, name string) prometheus.Registerer {
	return prometheus.WrapRegistererWith(prometheus.Labels{"service": name}, reg)
}

func allInOne(ctx context.Context, cfg config.Config, o options, log *slog.Logger, stdout io.Writer) (err error) {
	start := time.Now()
	reg := service.NewRegistry()
	admin := service.NewAdmin(reg)
	ready := admin.Starting()
	actx, stopAdmin := context.WithCancel(context.WithoutCancel(ctx))
	defer stopAdmin()
	_, waitAdmin, err := admin.Serve(actx, o.listen, log)
	if err != nil {
		return err
	}
	defer func() { stopAdmin(); err = errors.Join(err, waitAdmin()) }()

	if o.demo {
		base, stop, err := serveDemo(ctx, o.demoAddr, log)
		if err != nil {
			return err
		}
		defer stop()
		cfg.Sources = demo.Sources(base, time.Minute)
		// The demo site is on loopback, which the fetcher refuses by default.
		cfg.Fetcher.AllowPrivate = true
	}

	srv, err := bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: filepath.Join(o.dataDir, "nats"), Port: o.natsPort})
	if err != nil {
		return err
	}
	defer srv.Shutdown()
	cfg.NATS.URL = srv.ClientURL()
	log.Info("embedded NATS running", "url", cfg.NATS.URL, "store", filepath.Join(o.dataDir, "nats"))

	st, err := store.Open(ctx, cfg.Sink.Store, log)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, st.Close()) }()

	cl, err := classify.New(classify.Config{
		Languages: cfg.Classifier.Languages, Profile: cfg.Classifier.Profile, Threshold: cfg.Classifier.Threshold,
	}, log)
	if err != nil {
		return err
	}
	conns, err := connectStages(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer conns.close()
	admin.AddCheck("nats", func(context.Context) error { return conns.fetcher.Ready() })
	if p, ok := st.(interface{ Ping(context.Context) error }); ok {
		admin.AddCheck("store", p.Ping)
	}
	seen, err := bus.SeenBucket(ctx, conns.fetcher.JS, cfg.Streams)
	if err != nil {
		return err
	}

	stopSide, err := startSide(ctx, cfg, o, st, log)
	if err != nil {
		return err
	}
	stopStages := startStages(ctx, cfg, conns, st, cl, reg, log)

	ready()
	f := fetch.New(fetch.Config{
		UserAgent: cfg.Fetcher.UserAgent, Contact: cfg.Fetcher.Contact, Timeout: cfg.Fetcher.Timeout,
		MaxBody: cfg.Fetcher.MaxBody, Concurrency: cfg.Fetcher.Concurrency,
		Retries: cfg.Fetcher.Retries, IgnoreRobots: cfg.Fetcher.IgnoreRobots, AllowPrivate: cfg.Fetcher.AllowPrivate,
		MaxPollURLs: cfg.Fetcher.MaxPollURLs, MaxSitemapURLs: cfg.Fetcher.MaxSitemapURLs, MaxSitemapChildren: cfg.Fetcher.MaxSitemapChildren,
	}, conns.fetcher, seen, log.With("stage", "fetcher"), fetch.NewMetrics(stageReg(reg, "fetcher")))
	var stats fetch.Stats
	var runErr error
	if o.once {
		stats, runErr = f.PollAll(ctx, cfg.Sources)
		if runErr == nil {
			wctx, cancel := context.WithTimeout(ctx, o.timeout)
			runErr = pipeline.WaitDrained(wctx, conns.fetcher.JS, map[string]string{
				pipeline.DurableClassifier: bus.StreamPages,
				pipeline.DurableSink:       bus.StreamArticles,
			})
			cancel()
		}
	} else {
		log.Info("wiredesk running; stop with Ctrl-C", "sources", len(cfg.Sources), "admin", o.listen)
		runErr = f.Run(ctx, cfg.Sources)
	}
	if errors.Is(runErr, context.Canceled) {
		runErr = nil
	}
	// Stop intake first, then each stage downstream of it.
	if ctx.Err() != nil {
		log.Info("shutting down: intake stopped; stopping the classifier, then the sink")
	}
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	fetchErr := conns.fetcher.Drain(dctx)
	if err := errors.Join(runErr, fetchErr, stopStages(), stopSide()); err != nil {
		return err
	}
	total, err := st.Count(context.WithoutCancel(ctx))
	if err != nil {
		return err
	}
	log.Info("wiredesk stopped", "articles_in_store", total)
	s := summarize(reg, stats, total, o.once)
	s.took = time.Since(start)
	s.store = store.Redact(cfg.Sink.Store)
	s.reader = cfg.Sink.APIListen
	s.print(stdout)
	return nil
}

type stageConns struct {
	fetcher, classifier, sink *bus.Conn
}

// connectStages gives each stage its own connection, as separate processes
// would have, so that each can be drained on its own at shutdown.
func connectStages(ctx context.Context, cfg config.Config, log *slog.Logger) (*stageConns, error) {
	var c stageConns
	for _, s := range []struct {
		name string
		conn **bus.Conn
	}{{"fetcher", &c.fetcher}, {"classifier", &c.classifier}, {"sink", &c.sink}} {
		nc := cfg.NATS
		nc.Name = "wiredesk-" + s.name
		// "conn", not "stage": the consume loop adds stage= itself.
		conn, err := bus.Connect(ctx, nc, log.With("conn", s.name))
		if err != nil {
			c.close()
			return nil, err
		}
		*s.conn = conn
	}
	if err := bus.EnsureStreams(ctx, c.fetcher.JS, cfg.Streams); err != nil {
		c.close()
		return nil, err
	}
	return &c, nil
}

func (c *stageConns) close() {
	for _, conn := range []*bus.Conn{c.fetcher, c.classifier, c.sink} {
		if conn != nil {
			conn.NC.Close()
		}
	}
}

// serveDemo serves the demo site on addr until stop is called.
func serveDemo(ctx context.Context, addr string, log *slog.Logger) (base string, stop func(), err error) {
	ctx, cancel := context.WithCancel(ctx)
	bound, wait, err := service.Serve(ctx, "demo site", addr, demo.Handler(), log)
	if err != nil {
		cancel()
		return "", nil, fmt.Errorf("%w (another wiredesk -demo or demo-site running? give -demo-addr another address)", err)
	}
	return "http://" + bound, func() { cancel(); _ = wait() }, nil
}

package pipeline

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/service"
	"github.com/wiredesk/wiredesk/pkg/sink"
)

// drainTimeout bounds how long a stage waits for NATS to flush at shutdown.
const drainTimeout = 30 * time.Second

// RunClassifier consumes pages until ctx is done, then stops intake (the
// messages in hand are finished and acked) and drains conn.
func RunClassifier(ctx context.Context, conn *bus.Conn, cl *classify.Classifier, workers int, log *slog.Logger, reg prometheus.Registerer) error {
	stage := NewClassifier(cl, conn, log, NewClassifierMetrics(reg))
	stopMemory := func() {}
	if mem := cl.Memory(); mem != nil {
		// Every replica cleans with the memory all of them build.
		shared, stop, err := startSharedMemory(ctx, conn, mem, workers, log, stage.m)
		if err != nil {
			return err
		}
		stage.shared, stopMemory = shared, stop
	}
	log.Info("classifier consuming", "workers", workers)
	settle := service.LogOnStop(ctx, log, "shutting down: stopping intake")
	defer settle()
	runErr := conn.Consume(ctx, ClassifierConsumer(workers), stage.Handle, bus.NewMetrics(reg))
	settle()
	stopMemory()
	log.Info("intake stopped; the pages in hand are classified and acked")
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), drainTimeout)
	defer cancel()
	drainErr := conn.Drain(dctx)
	logDrained(log, drainErr)
	return errors.Join(runErr, drainErr)
}

// logDrained says how draining the connection went.
func logDrained(log *slog.Logger, err error) {
	if err != nil {
		log.Warn("nats drain failed", "err", err)
		return
	}
	log.Info("nats drained: acks and publishes flushed")
}

// SinkOptions configures the sink stage.
type SinkOptions struct {
	Sink    sink.Config
	Workers int
}

// RunSink consumes articles into w until ctx is done, then shuts down in
// order: stop intake, drain conn, and flush the last batch. The caller
// closes the store after.
func RunSink(ctx context.Context, conn *bus.Conn, w sink.Writer, opts SinkOptions, log *slog.Logger, reg prometheus.Registerer) error {
	s := sink.New(opts.Sink, w, log, sink.NewMetrics(reg))
	bctx, stopBatcher := context.WithCancel(context.WithoutCancel(ctx))
	defer stopBatcher()
	batcher := make(chan error, 1)
	go func() { batcher <- s.Run(bctx) }()
	log.Info("sink consuming", "workers", opts.Workers, "batch", opts.Sink.BatchSize)
	settle := service.LogOnStop(ctx, log, "shutting down: stopping intake")
	defer settle()
	runErr := conn.Consume(ctx, SinkConsumer(opts.Workers), s.Handle, bus.NewMetrics(reg))
	settle()
	log.Info("intake stopped; the articles in hand are committed and acked")
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), drainTimeout)
	defer cancel()
	drainErr := conn.Drain(dctx)
	logDrained(log, drainErr)
	stopBatcher()
	batchErr := <-batcher
	log.Info("last batch committed", "committed", s.Committed())
	return errors.Join(runErr, drainErr, batchErr)
}

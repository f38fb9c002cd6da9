package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/pipeline"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// stack is what every measured run starts before its fetcher: a
// nats-server, the store, the sink and the classifier, ready and
// consuming, and a NATS connection to watch the streams with.
type stack struct {
	dir, cfgPath  string
	ns, sink, cls *proc
	procs         []*proc // the services started, stopped by close
	st            store.Store
	nc            *nats.Conn
	js            jetstream.JetStream
	o             options
	ctx           context.Context
}

// startStack starts the stack in dir with the config that write writes.
// On error, what was started is stopped.
func startStack(ctx context.Context, o options, dir string, write func(cfgPath, natsURL, dbPath string) error) (s *stack, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	s = &stack{dir: dir, cfgPath: filepath.Join(dir, "wiredesk.yaml"), o: o, ctx: ctx}
	defer func() {
		if err != nil {
			s.close()
		}
	}()
	ns, natsAddr, err := startNATS(ctx, o, dir)
	if err != nil {
		return s, err
	}
	s.ns = ns
	dbPath := filepath.Join(dir, "wiredesk.db")
	if err := write(s.cfgPath, "nats://"+natsAddr, dbPath); err != nil {
		return s, err
	}
	// Opening the store first creates its schema; the benchmark then
	// watches it while the sink writes (WAL lets a second process read).
	if s.st, err = store.Open(ctx, "sqlite:"+dbPath, nil); err != nil {
		return s, err
	}
	if s.sink, err = s.start("sink"); err != nil {
		return s, err
	}
	if s.cls, err = s.start("classifier", "-log-level", "info"); err != nil {
		return s, err
	}
	// /readyz answers before the classifier has loaded its models; its
	// log line says when it consumes. Wait for both to be up and give the
	// classifier the time its models take, outside the measurement.
	for _, p := range []*proc{s.sink, s.cls} {
		if err := waitFor(time.Minute, p.name+" ready", func() bool { return !p.exited() && p.ready() }); err != nil {
			return s, err
		}
	}
	if err := waitFor(time.Minute, "classifier consuming", func() bool { return logHas(dir, "classifier", "classifier consuming") }); err != nil {
		return s, err
	}
	if s.nc, err = nats.Connect("nats://"+natsAddr, nats.Name("bench-pipeline")); err != nil {
		return s, err
	}
	if s.js, err = jetstream.New(s.nc); err != nil {
		return s, err
	}
	return s, nil
}

// start starts bin/name as a service of the stack, with an admin address.
func (s *stack) start(name string, extra ...string) (*proc, error) {
	p, err := startService(s.ctx, s.o, s.dir, s.cfgPath, name, extra...)
	if err == nil {
		s.procs = append(s.procs, p)
	}
	return p, err
}

// add makes p, started some other way, one of the stack's processes.
func (s *stack) add(p *proc) { s.procs = append(s.procs, p) }

// settle waits until fetcher has exited and the pipeline has stored what
// it published; want is for the error.
func (s *stack) settle(ctx context.Context, fetcher *proc, want int) error {
	if n, err := waitSettled(ctx, s.o.timeout, s.js, s.st, fetcher); err != nil {
		return fmt.Errorf("%w (%d stored, %d labelled diplomatic; logs in %s)", err, n, want, s.dir)
	}
	return nil
}

// finish records the run's time since begin, its latencies and each
// process's usage once stopped.
func (s *stack) finish(res *result, fetcher *proc, begin time.Time) error {
	res.elapsed = time.Since(begin)
	if fetcher.err != nil {
		return fmt.Errorf("%s: %w (log in %s)", fetcher.name, fetcher.err, s.dir)
	}
	if err := latencies(s.ctx, s.st, res); err != nil {
		return err
	}
	var errs []error
	for _, p := range s.procs {
		errs = append(errs, p.stop(30*time.Second))
	}
	s.procs = nil
	errs = append(errs, s.ns.stop(10*time.Second))
	for _, p := range []*proc{fetcher, s.cls, s.sink, s.ns} {
		res.processes = append(res.processes, procResult{p.name, p.usage()})
	}
	return errors.Join(errs...)
}

// close stops what is still running. Stopping twice is harmless, and a
// process the run stopped (SIGSTOP) is continued first, as it only acts on
// SIGTERM once continued.
func (s *stack) close() {
	for _, p := range s.procs {
		if !p.exited() {
			p.cmd.Process.Signal(syscall.SIGCONT)
		}
		p.stop(30 * time.Second)
	}
	if s.nc != nil {
		s.nc.Close()
	}
	if s.st != nil {
		s.st.Close()
	}
	if s.ns != nil {
		s.ns.stop(10 * time.Second)
	}
}

// startNATS runs nats-server with JetStream on file storage under dir and
// waits until it listens; it returns the server and its address.
func startNATS(ctx context.Context, o options, dir string) (*proc, string, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, "", err
	}
	_, port, _ := net.SplitHostPort(addr)
	// nats-server serves its profiles on a port of their own.
	prof, err := freeAddr()
	if err != nil {
		return nil, "", err
	}
	_, profPort, _ := net.SplitHostPort(prof)
	ns, err := startProc(ctx, dir, "nats-server", o.procs["nats-server"], filepath.Join(o.bin, "nats-server"),
		"-js", "-sd", filepath.Join(dir, "nats"), "-a", "127.0.0.1", "-p", port, "--profile", profPort)
	if err != nil {
		return nil, "", err
	}
	ns.listen = prof
	if err := waitFor(20*time.Second, "nats-server listening", func() bool {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
		}
		return err == nil
	}); err != nil {
		ns.stop(10 * time.Second)
		return nil, "", err
	}
	return ns, addr, nil
}

// startService starts bin/name with the config and an admin address of
// its own.
func startService(ctx context.Context, o options, dir, cfgPath, name string, extra ...string) (*proc, error) {
	listen, err := freeAddr()
	if err != nil {
		return nil, err
	}
	args := append([]string{"-config", cfgPath, "-listen", listen}, extra...)
	p, err := startProc(ctx, dir, name, o.procs[name], filepath.Join(o.bin, name), args...)
	if err != nil {
		return nil, err
	}
	p.listen = listen
	return p, nil
}

func logHas(dir, name, s string) bool {
	data, err := os.ReadFile(filepath.Join(dir, name+".log"))
	return err == nil && bytes.Contains(data, []byte(s))
}

// settled reports whether the pipeline has nothing left in hand: the
// classifier has acked every page in PAGES and the sink every article in
// ARTICLES. The classifier publishes its results before it acks a page,
// so asked in this order nothing is between the two. Call it once the
// fetcher has exited, when every page is in PAGES.
func settled(ctx context.Context, js jetstream.JetStream) bool {
	for _, c := range []struct{ stream, durable string }{
		{bus.StreamPages, pipeline.DurableClassifier},
		{bus.StreamArticles, pipeline.DurableSink},
	} {
		cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		cons, err := js.Consumer(cctx, c.stream, c.durable)
		var info *jetstream.ConsumerInfo
		if err == nil {
			info, err = cons.Info(cctx)
		}
		cancel()
		if err != nil || info.NumPending > 0 || info.NumAckPending > 0 {
			return false
		}
	}
	return true
}

// waitSettled waits until the fetcher has exited and the pipeline has
// settled, and returns how many articles the store holds then. The
// benchmark does not wait for the articles the site's generator labels
// diplomatic: the relevance model is learned from real labels and need
// not agree with the generator on every page, and a run must end
// either way.
func waitSettled(ctx context.Context, d time.Duration, js jetstream.JetStream, st store.Store, fetcher *proc) (int, error) {
	err := waitFor(d, "fetcher done and every page classified and stored", func() bool {
		return fetcher.exited() && settled(ctx, js)
	})
	n, cerr := st.Count(ctx)
	return n, errors.Join(err, cerr)
}

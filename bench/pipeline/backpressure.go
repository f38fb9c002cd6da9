package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/pipeline"
	"github.com/wiredesk/wiredesk/pkg/sitegen"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// The processes of a back-pressure run, in table order.
const (
	pFetcher = iota
	pClassifier
	pSink
	pNATS
	nProcs
)

var procNames = [nProcs]string{"fetcher", "classifier", "sink", "nats-server"}

type streamState struct{ msgs, bytes uint64 }

type consumerState struct {
	pending       uint64 // in the stream, not yet delivered
	ackPending    int    // delivered, not yet acked
	redelivered   int
	maxAckPending int
}

// sample is the state of the run at one instant.
type sample struct {
	at              time.Duration // since the fetcher started
	phase           int           // 1: sink stopped (or slow), 2: sink draining
	rss             [nProcs]int64 // bytes (VmRSS); 0 once the process has exited
	pages, articles streamState
	cls, snk        consumerState
	stored          int
}

// backlog is what ARTICLES holds that the sink has not acked.
func (s sample) backlog() uint64 { return s.snk.pending + uint64(s.snk.ackPending) }

// classified is how many pages the classifier has acked.
func (s sample) classified() uint64 {
	return s.pages.msgs - min(s.pages.msgs, s.cls.pending+uint64(s.cls.ackPending))
}

// bpResult is one back-pressure run.
type bpResult struct {
	want    int
	idle    sample // models loaded, nothing crawled yet
	samples []sample
	// Phase marks, since the fetcher started: the last page classified,
	// the sink resumed (end of phase 1), the backlog drained.
	classifiedAt, resumedAt, drainedAt time.Duration
	usage                              [nProcs]usage
	wall                               time.Duration // the whole run, model loading included
	loadStart, loadEnd                 string        // /proc/loadavg: the machine may be shared
}

// runBackpressure runs the services with the sink stopped (SIGSTOP) until
// every page is classified and for o.hold more, then resumes it until the
// backlog is drained, sampling RSS and the streams every second.
func runBackpressure(ctx context.Context, o options, dir string, site *sitegen.Site, base string, stdout io.Writer) error {
	res, err := backpressure(ctx, o, dir, site, base, stdout)
	if err != nil {
		return fmt.Errorf("backpressure: %w", err)
	}
	text := renderBackpressure(o, res)
	fmt.Fprint(stdout, "\n"+text)
	if o.out != "" {
		if err := writeResults(o.out, text, true); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\nwritten to %s\n", o.out)
	}
	return nil
}

func backpressure(ctx context.Context, o options, dir string, site *sitegen.Site, base string, stdout io.Writer) (*bpResult, error) {
	started := time.Now()
	res := &bpResult{want: len(site.Expected(base)), loadStart: loadavg()}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	override := map[string]map[string]any{
		// Each source's feed lists a quarter of the site: past 10,000
		// pages it outgrows the default 5 MiB body cap.
		"fetcher": {"max_body": max(5<<20, int64(o.pages)*2<<10)},
	}
	if o.slow == "batch1" {
		override["sink"] = map[string]any{"batch_size": 1, "workers": 1}
	}
	s, err := startStack(ctx, o, dir, func(cfgPath, natsURL, dbPath string) error {
		return writeConfig(cfgPath, natsURL, dbPath, site, base, override)
	})
	if err != nil {
		return nil, fmt.Errorf("%w (logs in %s)", err, dir)
	}
	defer s.close()
	var procs [nProcs]*proc
	procs[pNATS], procs[pSink], procs[pClassifier] = s.ns, s.sink, s.cls
	st, js := s.st, s.js
	sm := &sampler{js: js, st: st, procs: &procs}
	sink := procs[pSink]
	for _, c := range []struct {
		what string
		cond func() bool
	}{
		{"sink consumer", func() bool { return sm.hasConsumer(ctx, bus.StreamArticles, pipeline.DurableSink) }},
	} {
		if err := waitFor(time.Minute, c.what, c.cond); err != nil {
			return nil, fmt.Errorf("%w (logs in %s)", err, dir)
		}
	}
	if res.idle, err = sm.take(ctx); err != nil {
		return nil, err
	}
	if o.slow == "stop" {
		if err := sink.cmd.Process.Signal(syscall.SIGSTOP); err != nil {
			return nil, fmt.Errorf("stop the sink: %w", err)
		}
	}
	begin := time.Now()
	if procs[pFetcher], err = s.start("fetcher", "-once"); err != nil {
		return nil, err
	}
	if err := res.phases(ctx, o, sm, begin, stdout); err != nil {
		last := sample{}
		if n := len(res.samples); n > 0 {
			last = res.samples[n-1]
		}
		return nil, fmt.Errorf("%w (at %v: %d pages, %d classified, backlog %d, %d of %d stored; logs in %s)",
			err, last.at.Round(time.Second), last.pages.msgs, last.classified(), last.backlog(), last.stored, res.want, dir)
	}
	var errs []error
	for _, i := range []int{pFetcher, pClassifier, pSink, pNATS} {
		errs = append(errs, procs[i].stop(30*time.Second))
		res.usage[i] = procs[i].usage()
	}
	res.wall = time.Since(started)
	res.loadEnd = loadavg()
	return res, errors.Join(errs...)
}

// phases samples every second: phase 1 until every page is classified
// (and, with a stopped sink, o.hold more), then resumes the sink; phase 2
// until every expected article is stored and the sink's backlog is empty.
func (res *bpResult) phases(ctx context.Context, o options, sm *sampler, begin time.Time, stdout io.Writer) error {
	fetcher, sink := sm.procs[pFetcher], sm.procs[pSink]
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	phase, failures := 1, 0
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
		if time.Since(begin) > o.timeout {
			return fmt.Errorf("timed out after %v in phase %d", o.timeout, phase)
		}
		// Once the fetcher has exited, PAGES is complete: it waits for
		// its publishes' acks before it exits.
		crawled := fetcher.exited()
		if crawled && fetcher.err != nil {
			return fmt.Errorf("fetcher: %w", fetcher.err)
		}
		for _, i := range []int{pClassifier, pSink, pNATS} {
			if p := sm.procs[i]; p.exited() {
				return fmt.Errorf("%s exited: %v", p.name, p.err)
			}
		}
		s, err := sm.take(ctx)
		if err != nil {
			// A busy server may miss a deadline; a run of misses is a fault.
			if failures++; failures >= 10 {
				return err
			}
			continue
		}
		failures = 0
		if crawled && s.pages.msgs == 0 {
			return errors.New("the fetcher exited without publishing a page")
		}
		s.at, s.phase = time.Since(begin), phase
		res.samples = append(res.samples, s)
		if phase == 1 && res.classifiedAt == 0 && crawled && s.cls.pending == 0 && s.cls.ackPending == 0 {
			res.classifiedAt = s.at
			fmt.Fprintf(stdout, "%5.0fs all %d pages classified; %d articles in ARTICLES, backlog %d\n",
				s.at.Seconds(), s.pages.msgs, s.articles.msgs, s.backlog())
		}
		if phase == 1 && res.classifiedAt > 0 && (o.slow != "stop" || s.at-res.classifiedAt >= o.hold) {
			phase, res.resumedAt = 2, s.at
			if o.slow == "stop" {
				if err := sink.cmd.Process.Signal(syscall.SIGCONT); err != nil {
					return fmt.Errorf("resume the sink: %w", err)
				}
			}
			fmt.Fprintf(stdout, "%5.0fs phase 2: the sink drains\n", s.at.Seconds())
			continue
		}
		if phase == 2 && s.stored >= res.want && s.backlog() == 0 {
			res.drainedAt = s.at
			fmt.Fprintf(stdout, "%5.0fs drained: %d stored\n", s.at.Seconds(), s.stored)
			return nil
		}
		if len(res.samples)%10 == 0 {
			fmt.Fprintf(stdout, "%5.0fs phase %d: pages %d, classified %d, backlog %d, stored %d, RSS MiB %s\n",
				s.at.Seconds(), phase, s.pages.msgs, s.classified(), s.backlog(), s.stored, rssList(s))
		}
	}
}

func rssList(s sample) string {
	var parts []string
	for i := range nProcs {
		parts = append(parts, fmt.Sprintf("%s %s", procNames[i], mib(s.rss[i])))
	}
	return strings.Join(parts, ", ")
}

// sampler reads the processes' RSS from /proc and the streams and
// consumers from JetStream.
type sampler struct {
	js    jetstream.JetStream
	st    store.Store
	procs *[nProcs]*proc
}

func (sm *sampler) hasConsumer(ctx context.Context, stream, durable string) bool {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	_, err := sm.js.Consumer(ctx, stream, durable)
	return err == nil
}

func (sm *sampler) take(ctx context.Context) (sample, error) {
	var s sample
	for i, p := range sm.procs {
		if p != nil && !p.exited() {
			s.rss[i], _ = rss(p.cmd.Process.Pid)
		}
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	var err error
	if s.pages, err = sm.stream(ctx, bus.StreamPages); err != nil {
		return s, err
	}
	if s.articles, err = sm.stream(ctx, bus.StreamArticles); err != nil {
		return s, err
	}
	if s.cls, err = sm.consumer(ctx, bus.StreamPages, pipeline.DurableClassifier); err != nil {
		return s, err
	}
	if s.snk, err = sm.consumer(ctx, bus.StreamArticles, pipeline.DurableSink); err != nil {
		return s, err
	}
	if s.stored, err = sm.st.Count(ctx); err != nil {
		return s, fmt.Errorf("count stored: %w", err)
	}
	return s, nil
}

func (sm *sampler) stream(ctx context.Context, name string) (streamState, error) {
	str, err := sm.js.Stream(ctx, name)
	if err != nil {
		return streamState{}, fmt.Errorf("stream %s: %w", name, err)
	}
	info, err := str.Info(ctx)
	if err != nil {
		return streamState{}, fmt.Errorf("stream %s info: %w", name, err)
	}
	return streamState{msgs: info.State.Msgs, bytes: info.State.Bytes}, nil
}

func (sm *sampler) consumer(ctx context.Context, stream, durable string) (consumerState, error) {
	c, err := sm.js.Consumer(ctx, stream, durable)
	if err != nil {
		return consumerState{}, fmt.Errorf("consumer %s/%s: %w", stream, durable, err)
	}
	info, err := c.Info(ctx)
	if err != nil {
		return consumerState{}, fmt.Errorf("consumer %s/%s info: %w", stream, durable, err)
	}
	return consumerState{
		pending: info.NumPending, ackPending: info.NumAckPending,
		redelivered: info.NumRedelivered, maxAckPending: info.Config.MaxAckPending,
	}, nil
}

func loadavg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

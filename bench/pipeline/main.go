// Command pipeline is the whole-pipeline load benchmark: a generated site
// of N pages (pkg/sitegen) crawled by the real fetcher, classifier and
// sink binaries over a real nats-server with JetStream file storage into
// SQLite, and then by the all-in-one wiredesk binary. It reports pages
// and articles per second end to end, the latency from fetch to store,
// and each process's peak RSS and CPU time, prints a table and writes it
// to RESULTS.md.
//
// With -mode backfill it writes the site as a WARC file and measures the
// archive host filter and the pipeline fed by "fetcher backfill" against
// the crawl of the same site (backfill.go).
//
// With -mode backpressure it instead runs the services with a stalled
// sink and samples every process's RSS and the JetStream backlog each
// second, to show that the backlog waits on disk in JetStream and not in
// the services' memory (backpressure.go).
//
// It builds nothing: "make bench-pipeline" and "make bench-backpressure"
// build the binaries into bin/.
//
//	go run ./bench/pipeline -bin bin -pages 10000
//	go run ./bench/pipeline -bin bin -pages 10000 -mode backpressure
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/wiredesk/wiredesk/pkg/sitegen"
	"github.com/wiredesk/wiredesk/pkg/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "pipeline:", err)
		os.Exit(1)
	}
}

type options struct {
	bin     string
	pages   int
	seed    int64
	out     string
	keep    string
	timeout time.Duration
	skipAIO bool

	mode  string        // services (the default) or backpressure
	slow  string        // backpressure: how the sink is slowed, stop or batch1
	hold  time.Duration // backpressure: how long the stopped sink stays stopped once all is classified
	every time.Duration // backpressure: time series row interval in RESULTS.md
	// profile, when set, is where backfill writes a CPU profile of each
	// process (fetcher, classifier, sink, nats-server) taken mid-run.
	profile string
	// trace, when set, is where backfill writes a runtime trace of each
	// process (go tool trace), from the fetcher's start for traceFor.
	trace    string
	traceFor time.Duration
	// procs is the GOMAXPROCS of the processes it names (-gomaxprocs);
	// the others keep the runtime's.
	procs     map[string]int
	procsFlag string
	// countMsgs makes backfill count the messages the server routes, by
	// kind, in place of measuring speed.
	countMsgs bool
	// countBase, with countMsgs, is a second bin directory counted the
	// same way, as the baseline; countBaseName says what it is.
	countBase, countBaseName string
	// noLive leaves out the live crawl that backfill compares with, for
	// runs that compare binaries instead.
	noLive bool
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("pipeline", flag.ContinueOnError)
	var o options
	fs.StringVar(&o.bin, "bin", "bin", "directory with fetcher, classifier, sink, wiredesk and nats-server")
	fs.IntVar(&o.pages, "pages", 10000, "pages on the generated site (tr and ru, half diplomatic)")
	fs.Int64Var(&o.seed, "seed", 1, "site seed")
	fs.StringVar(&o.out, "out", "bench/pipeline/RESULTS.md", "write the results table here (empty: only print)")
	fs.StringVar(&o.keep, "keep", "", "keep logs, config and databases in this directory (default: a removed temp dir)")
	fs.DurationVar(&o.timeout, "timeout", 15*time.Minute, "give up on a run after this long")
	fs.BoolVar(&o.skipAIO, "skip-allinone", false, "measure only the three services")
	fs.StringVar(&o.mode, "mode", "services", "services: throughput of the services and the all-in-one; backpressure: RSS over a run with a slow sink; backfill: the site as a WARC file through fetcher backfill, against the crawl")
	fs.StringVar(&o.slow, "slow", "stop", "backpressure: stop (SIGSTOP the sink until all is classified) or batch1 (sink.batch_size 1, one worker)")
	fs.DurationVar(&o.hold, "hold", 30*time.Second, "backpressure: keep the stopped sink stopped this long after the last page is classified")
	fs.DurationVar(&o.every, "every", 10*time.Second, "backpressure: one time series row per this interval in the results")
	fs.StringVar(&o.profile, "profile", "", "backfill: write a CPU profile of each process, taken while the backfill runs, to this directory (and of the live crawl to its live/)")
	fs.StringVar(&o.trace, "trace", "", "backfill: write a runtime trace of each process, from the fetcher's start for -trace-for, to this directory (go tool trace)")
	fs.DurationVar(&o.traceFor, "trace-for", 10*time.Second, "with -trace: how long to trace")
	gomaxprocs := fs.String("gomaxprocs", defaultProcs, "GOMAXPROCS of the processes started, as name=n,... (fetcher, classifier, sink, nats-server, wiredesk); \"\": the runtime's for all")
	fs.BoolVar(&o.countMsgs, "count-msgs", false, "backfill: count the messages per page by kind (a tap on \">\"), instead of measuring speed")
	fs.StringVar(&o.countBase, "count-base", "", "backfill: also run (with -count-msgs: count) with the binaries in this directory, as the baseline, in the same run")
	fs.StringVar(&o.countBaseName, "count-base-name", "another build", "with -count-base: what the baseline is, for the table")
	fs.BoolVar(&o.noLive, "no-live", false, "backfill: leave out the live crawl of the same site (to compare binaries run against run)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var err error
	o.procsFlag = *gomaxprocs
	if o.procs, err = parseProcs(*gomaxprocs); err != nil {
		return fmt.Errorf("-gomaxprocs: %w", err)
	}
	switch {
	case o.mode != "services" && o.mode != "backpressure" && o.mode != "backfill":
		return fmt.Errorf("-mode %q: want services, backpressure or backfill", o.mode)
	case o.slow != "stop" && o.slow != "batch1":
		return fmt.Errorf("-slow %q: want stop or batch1", o.slow)
	}
	dir := o.keep
	if dir == "" {
		d, err := os.MkdirTemp("", "wiredesk-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	site := sitegen.New(sitegen.Config{Pages: o.pages, Seed: o.seed})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: site, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	want := len(site.Expected(base))
	fmt.Fprintf(stdout, "site: %d pages, %d diplomatic (expected stored) at %s\n", o.pages, want, base)
	if o.mode == "backpressure" {
		return runBackpressure(ctx, o, filepath.Join(dir, "backpressure"), site, base, stdout)
	}
	if o.mode == "backfill" {
		return runBackfillBench(ctx, o, dir, site, base, stdout)
	}

	var results []result
	r, err := runServices(ctx, o, filepath.Join(dir, "services"), site, base)
	if err != nil {
		return fmt.Errorf("services: %w", err)
	}
	results = append(results, r)
	if !o.skipAIO {
		r, err := runAllInOne(ctx, o, filepath.Join(dir, "allinone"), site, base)
		if err != nil {
			return fmt.Errorf("all-in-one: %w", err)
		}
		results = append(results, r)
	}
	table := render(o, want, results)
	fmt.Fprint(stdout, "\n"+table)
	if o.out != "" {
		if err := writeResults(o.out, table, false); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\nwritten to %s\n", o.out)
	}
	return nil
}

// defaultProcs runs nats-server and the sink on one P each, as
// docs/operations.md advises for a machine that runs the whole pipeline on
// a few cores: their work is serial (the server's per-message syscalls,
// the store's one writer), and a second P only spins and wakes threads
// for it, CPU the classifier would use. Eight pairs of 8,000 to 35,000
// pages at 2 CPUs: nats-server's CPU a stored article 0.85x, the sink's
// 0.89x (bench/pipeline/BACKFILL.md, session 13).
const defaultProcs = "nats-server=1,sink=1"

// procsNote says which processes ran at which GOMAXPROCS, for a table's
// heading.
func (o options) procsNote() string {
	if len(o.procs) == 0 {
		return "every process at the runtime's GOMAXPROCS"
	}
	return "GOMAXPROCS " + o.procsFlag + " (-gomaxprocs), the rest the runtime's"
}

// parseProcs parses name=n,... into GOMAXPROCS by process name.
func parseProcs(s string) (map[string]int, error) {
	procs := map[string]int{}
	for _, kv := range strings.Split(s, ",") {
		if kv = strings.TrimSpace(kv); kv == "" {
			continue
		}
		name, n, ok := strings.Cut(kv, "=")
		v, err := strconv.Atoi(n)
		if !ok || err != nil || v < 1 {
			return nil, fmt.Errorf("%q: want name=n, n at least 1", kv)
		}
		procs[name] = v
	}
	return procs, nil
}

// bpHeading starts the back-pressure section of RESULTS.md; each mode
// rewrites its own part of the file and keeps the other's.
const bpHeading = "## Back-pressure and memory"

// writeResults writes text as the services part of path (before
// bpHeading) or, with bp, as its back-pressure part.
func writeResults(path, text string, bp bool) error {
	return writePart(path, bpHeading, text, bp)
}

// writePart writes text as the part of path before heading or, with
// second, as the part from heading on, and keeps the other part.
func writePart(path, heading, text string, second bool) error {
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	head, tail := string(old), ""
	if i := bytes.Index(old, []byte("\n"+heading)); i >= 0 {
		head, tail = string(old[:i+1]), string(old[i+1:])
	}
	var out string
	if second {
		out = strings.TrimRight(head, "\n") + "\n\n" + text
	} else {
		out = text
		if tail != "" {
			out = strings.TrimRight(text, "\n") + "\n\n" + tail
		}
	}
	return os.WriteFile(path, []byte(strings.TrimLeft(out, "\n")), 0o644)
}

// result is one measured run.
type result struct {
	name      string
	elapsed   time.Duration // from the fetcher's start until the last expected article was stored
	pages     int
	stored    int
	p50, p99  time.Duration // fetched_at → stored
	processes []procResult
}

type procResult struct {
	name string
	usage
}

// writeConfig writes the wiredesk config for the site; override adds to or
// replaces settings, by section ("sink": {"batch_size": 1}).
func writeConfig(path, natsURL, dbPath string, site *sitegen.Site, base string, override map[string]map[string]any) error {
	var sources []map[string]any
	for _, s := range site.Sources(base) {
		sources = append(sources, map[string]any{
			"id": s.ID, "lang": s.Lang, "feeds": s.Feeds, "rate": s.Rate, "interval": "1h",
		})
	}
	sections := map[string]map[string]any{
		"log":     {"level": "warn"},
		"nats":    {"url": natsURL},
		"fetcher": {"allow_private": true, "concurrency": 16},
		// No reader: the benchmark measures ingestion, and the default
		// port may be taken on the machine.
		"sink": {"store": "sqlite:" + dbPath, "api_listen": ""},
	}
	for name, kv := range override {
		if sections[name] == nil {
			sections[name] = map[string]any{}
		}
		maps.Copy(sections[name], kv)
	}
	cfg := map[string]any{"sources": sources}
	for name, kv := range sections {
		cfg[name] = kv
	}
	data, err := yaml.Marshal(cfg)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

func runServices(ctx context.Context, o options, dir string, site *sitegen.Site, base string) (result, error) {
	return runServicesWith(ctx, o, dir, site, base, nil)
}

// runServicesWith is runServices with config overrides, as writeConfig
// takes them.
func runServicesWith(ctx context.Context, o options, dir string, site *sitegen.Site, base string, override map[string]map[string]any) (result, error) {
	res := result{name: "services (fetcher, classifier, sink) + nats-server", pages: site.Pages()}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s, err := startStack(ctx, o, dir, func(cfgPath, natsURL, dbPath string) error {
		return writeConfig(cfgPath, natsURL, dbPath, site, base, override)
	})
	if err != nil {
		return res, err
	}
	defer s.close()
	want := len(site.Expected(base))
	begin := time.Now()
	fetcher, err := s.start("fetcher", "-once")
	if err != nil {
		return res, err
	}
	if o.profile != "" && o.mode == "backfill" {
		// The live crawl of the same site, profiled alike, to compare
		// the two modes' CPU per page.
		go profileAll(ctx, filepath.Join(o.profile, "live"), []*proc{fetcher, s.cls, s.sink, s.ns})
	}
	if err := s.settle(ctx, fetcher, want); err != nil {
		return res, err
	}
	return res, s.finish(&res, fetcher, begin)
}

func runAllInOne(ctx context.Context, o options, dir string, site *sitegen.Site, base string) (result, error) {
	res := result{name: "all-in-one (wiredesk -once, embedded NATS)", pages: site.Pages()}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, err
	}
	dbPath := filepath.Join(dir, "wiredesk.db")
	cfgPath := filepath.Join(dir, "wiredesk.yaml")
	// The NATS URL is unused: wiredesk embeds its server.
	if err := writeConfig(cfgPath, "nats://127.0.0.1:4222", dbPath, site, base, nil); err != nil {
		return res, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	begin := time.Now()
	p, err := startProc(ctx, dir, "wiredesk", o.procs["wiredesk"], filepath.Join(o.bin, "wiredesk"),
		"-config", cfgPath, "-once", "-data", filepath.Join(dir, "data"), "-listen", "",
		"-once-timeout", o.timeout.String())
	if err != nil {
		return res, err
	}
	if err := waitFor(o.timeout+time.Minute, "wiredesk -once exit", p.exited); err != nil {
		p.stop(10 * time.Second)
		return res, err
	}
	// Model loading is inside this figure (the services' excludes it);
	// the table says so.
	res.elapsed = time.Since(begin)
	if p.err != nil {
		return res, fmt.Errorf("wiredesk: %w (log in %s)", p.err, dir)
	}
	st, err := store.Open(ctx, "sqlite:"+dbPath, nil)
	if err != nil {
		return res, err
	}
	defer st.Close()
	if err := latencies(ctx, st, &res); err != nil {
		return res, err
	}
	res.processes = []procResult{{"wiredesk", p.usage()}}
	return res, nil
}

// latencies fills stored, p50 and p99 from the store: FirstSeen (when the
// sink committed the article) minus the article's FetchedAt.
func latencies(ctx context.Context, st store.Store, res *result) error {
	var lat []time.Duration
	for offset := 0; ; offset += store.MaxLimit {
		recs, err := st.List(ctx, store.Query{Limit: store.MaxLimit, Offset: offset})
		if err != nil {
			return err
		}
		for _, r := range recs {
			lat = append(lat, r.FirstSeen.Sub(r.Article.FetchedAt))
		}
		if len(recs) < store.MaxLimit {
			break
		}
	}
	res.stored = len(lat)
	if len(lat) == 0 {
		return nil
	}
	slices.Sort(lat)
	res.p50 = lat[len(lat)/2]
	res.p99 = lat[min(len(lat)-1, len(lat)*99/100)]
	return nil
}

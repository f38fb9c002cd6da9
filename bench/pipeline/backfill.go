package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/wiredesk/wiredesk/pkg/archive"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/fetch"
	"github.com/wiredesk/wiredesk/pkg/sitegen"
)

// bfResult is one backfill benchmark run.
type bfResult struct {
	records, pages, foreign int
	want                    int // pages the site's generator labels diplomatic
	fileBytes               int64
	filterOnly, filterKeep  float64 // records/s on one core
	pipeline                result
	// base is the same backfill with the binaries of -count-base, in
	// the same run; elapsed 0 when there is none.
	base               result
	rssAt10, rssAt100  int64 // the backfilling fetcher's RSS at 10% and 100% of the pages published
	loadStart, loadEnd string
}

// runBackfillBench writes the site as a WARC file (30% of its records
// HTML of hosts that no source allows), measures the host filter on one
// core in this process, and then the whole pipeline with "fetcher
// backfill" in place of the crawl, against the crawl of the same site in
// the same run.
func runBackfillBench(ctx context.Context, o options, dir string, site *sitegen.Site, base string, stdout io.Writer) error {
	res := &bfResult{loadStart: loadavg()}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	warc := filepath.Join(dir, "news.warc.gz")
	f, err := os.Create(warc)
	if err != nil {
		return err
	}
	t0 := time.Now()
	st, err := site.WriteWARC(f, 0, site.Pages(), 0.3)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fi, _ := os.Stat(warc)
	res.pages, res.foreign, res.records, res.fileBytes = st.Pages, st.Foreign, st.Pages+st.Foreign+1, fi.Size()
	fmt.Fprintf(stdout, "warc: %d records (%d pages, %d foreign HTML), %.1f MiB, written in %v\n",
		res.records, res.pages, res.foreign, float64(res.fileBytes)/(1<<20), time.Since(t0).Round(time.Second))

	if o.countMsgs {
		return countBackfill(ctx, o, filepath.Join(dir, "backfill"), site, warc, res, stdout)
	}
	// The filter alone (every record refused) and the filter with the
	// kept records parsed, one goroutine each.
	b := fetch.NewBackfiller(nil, fetch.BackfillConfig{Sources: site.ArchiveSources()}, nil, nil)
	if res.filterOnly, err = readRate(warc, func(*url.URL) bool { return false }); err != nil {
		return err
	}
	if res.filterKeep, err = readRate(warc, b.Filter()); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "host filter: %.0f records/s refusing every record, %.0f records/s keeping the sources' pages\n",
		res.filterOnly, res.filterKeep)

	// A source's feed lists a quarter of the site: past 10,000 pages it
	// outgrows the default body cap, and one poll must take every page.
	var live result
	if !o.noLive {
		live, err = runServicesWith(ctx, o, filepath.Join(dir, "live"), site, base, map[string]map[string]any{
			"fetcher": {"max_body": max(5<<20, int64(o.pages)*2<<10), "max_poll_urls": o.pages},
		})
		if err != nil {
			return fmt.Errorf("live crawl: %w", err)
		}
	}
	if o.countBase != "" {
		ob, rb := o, *res
		ob.bin = o.countBase
		if err := backfillPipeline(ctx, ob, filepath.Join(dir, "backfill-base"), site, warc, &rb); err != nil {
			return fmt.Errorf("backfill, baseline: %w", err)
		}
		res.base = rb.pipeline
		res.base.name = "baseline backfill (" + o.countBaseName + ")"
	}
	if err := backfillPipeline(ctx, o, filepath.Join(dir, "backfill"), site, warc, res); err != nil {
		return fmt.Errorf("backfill: %w", err)
	}
	res.loadEnd = loadavg()
	table := renderBackfill(o, res, live)
	fmt.Fprint(stdout, "\n"+table)
	if o.out != "" {
		out := filepath.Join(filepath.Dir(o.out), "BACKFILL.md")
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		if err := writePart(out, msgHeading, table, false); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\nwritten to %s\n", out)
	}
	return nil
}

func readRate(path string, filter archive.Filter) (float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	r, err := archive.NewReader(f, 0, filter, archive.Limits{})
	if err != nil {
		return 0, err
	}
	begin := time.Now()
	n := 0
	for {
		_, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return 0, err
		}
		n++
	}
	return float64(n) / time.Since(begin).Seconds(), nil
}

// countBackfill runs the backfill with a tap on every message and prints
// the messages per page by kind.
func countBackfill(ctx context.Context, o options, dir string, site *sitegen.Site, warc string, res *bfResult, stdout io.Writer) error {
	var counts, base map[string]int
	if err := backfillPipelineTap(ctx, o, dir, site, warc, res, func(m map[string]int) { counts = m }); err != nil {
		return err
	}
	if o.countBase != "" {
		ob, rb := o, *res
		ob.bin = o.countBase
		if err := backfillPipelineTap(ctx, ob, dir+"-base", site, warc, &rb, func(m map[string]int) { base = m }); err != nil {
			return fmt.Errorf("baseline: %w", err)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", msgHeading)
	baseFlag := ""
	if base != nil {
		baseFlag = " -count-base BASEBIN"
	}
	fmt.Fprintf(&b, "%s, `go run ./bench/pipeline -bin bin -pages %d -mode backfill -count-msgs%s`: every message nats-server routed from the backfilling fetcher's start until the pipeline settled (%d pages, %d articles stored), counted by a subscription to \">\" and named by subject, or for a reply by what it carries. A delivery keeps the subject it was published on.",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), o.pages, baseFlag, res.pages, res.pipeline.stored)
	if base != nil {
		fmt.Fprintf(&b, " The baseline is %s.", o.countBaseName)
	}
	fmt.Fprintf(&b, "\n\n")
	renderCounts(&b, counts, base, res.pages, res.pages)
	fmt.Fprint(stdout, "\n"+b.String())
	if o.out != "" {
		out := filepath.Join(filepath.Dir(o.out), "BACKFILL.md")
		if err := writePart(out, msgHeading, b.String(), true); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\nwritten to %s\n", out)
	}
	return nil
}

// msgHeading starts the message counts in BACKFILL.md; the speed run and
// the counting run each rewrite their own part of the file.
const msgHeading = "## Messages per page"

func backfillPipeline(ctx context.Context, o options, dir string, site *sitegen.Site, warc string, res *bfResult) error {
	return backfillPipelineTap(ctx, o, dir, site, warc, res, nil)
}

// backfillPipelineTap is backfillPipeline; with counted set, it taps
// every message from the fetcher's start until the pipeline has settled
// and hands counted the counts.
func backfillPipelineTap(ctx context.Context, o options, dir string, site *sitegen.Site, warc string, res *bfResult, counted func(map[string]int)) error {
	r := &res.pipeline
	r.name = "backfill (fetcher backfill, classifier, sink) + nats-server"
	r.pages = res.pages
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var sources []map[string]any
	for _, s := range site.ArchiveSources() {
		sources = append(sources, map[string]any{"id": s.ID, "lang": s.Lang, "feeds": s.Feeds, "allow_hosts": s.AllowHosts})
	}
	s, err := startStack(ctx, o, dir, func(cfgPath, natsURL, dbPath string) error {
		data, err := yaml.Marshal(map[string]any{
			"log": map[string]any{"level": "warn"}, "nats": map[string]any{"url": natsURL},
			"sink": map[string]any{"store": "sqlite:" + dbPath, "api_listen": ""}, "sources": sources,
		})
		if err != nil {
			return err
		}
		return os.WriteFile(cfgPath, data, 0o644)
	})
	if err != nil {
		return err
	}
	defer s.close()
	js := s.js
	want := 0
	for i := range site.Pages() {
		if site.Diplomatic(i) {
			want++
		}
	}
	res.want = want
	var tap *msgTap
	if counted != nil {
		if tap, err = startTap(s.nc); err != nil {
			return err
		}
	}
	begin := time.Now()
	fetcherListen := ""
	if o.profile != "" || o.trace != "" {
		if fetcherListen, err = freeAddr(); err != nil {
			return err
		}
	}
	fetcher, err := startProc(ctx, dir, "fetcher", o.procs["fetcher"], filepath.Join(o.bin, "fetcher"), "backfill", "-config", s.cfgPath,
		"-listen", fetcherListen, "-progress", "off", warc)
	if err != nil {
		return err
	}
	fetcher.listen = fetcherListen
	s.add(fetcher)
	if o.profile != "" {
		go profileAll(ctx, o.profile, []*proc{fetcher, s.cls, s.sink, s.ns})
	}
	if o.trace != "" {
		go traceAll(ctx, o.trace, o.traceFor, []*proc{fetcher, s.cls, s.sink, s.ns})
	}
	// The fetcher's RSS against how much of the file it has published.
	published := func() uint64 {
		sctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		s, err := js.Stream(sctx, bus.StreamPages)
		if err != nil {
			return 0
		}
		info, err := s.Info(sctx)
		if err != nil {
			return 0
		}
		return info.State.Msgs
	}
	go func() {
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			if fetcher.exited() {
				return
			}
			n := published()
			rs, _ := rss(fetcher.cmd.Process.Pid)
			if n <= uint64(res.pages)/10 {
				res.rssAt10 = max(res.rssAt10, rs)
			}
			res.rssAt100 = max(res.rssAt100, rs)
		}
	}()
	if err := s.settle(ctx, fetcher, want); err != nil {
		return err
	}
	if tap != nil {
		counted(tap.stop())
	}
	return s.finish(r, fetcher, begin)
}

func renderBackfill(o options, res *bfResult, live result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Backfill benchmark\n\n")
	fmt.Fprintf(&b, "%s, %s/%s, %d CPUs, %s. `make bench-backfill`; %s. Load average at start %s, at end %s (a shared machine).\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version(),
		o.procsNote(), res.loadStart, res.loadEnd)
	fmt.Fprintf(&b, "A generated WARC (gzip per record): %d records, of which %d article pages of the configured sources and %d HTML pages of other hosts (%.0f%%); %.1f MiB.\n\n",
		res.records, res.pages, res.foreign, 100*float64(res.foreign)/float64(res.records), float64(res.fileBytes)/(1<<20))
	fmt.Fprintf(&b, "A run's time goes from the fetcher's start until it has exited and the classifier and the sink have acked every message.\n\n")
	fmt.Fprintf(&b, "| what | figure | bar |\n|---|---:|---:|\n")
	fmt.Fprintf(&b, "| host filter, one goroutine, every record refused | %.0f records/s | 5,000 |\n", res.filterOnly)
	fmt.Fprintf(&b, "| host filter, one goroutine, the sources' records parsed | %.0f records/s | 5,000 |\n", res.filterKeep)
	var runs []result
	for _, r := range []result{live, res.base, res.pipeline} {
		if r.elapsed > 0 {
			runs = append(runs, r)
		}
	}
	for _, r := range runs {
		sec := r.elapsed.Seconds()
		fmt.Fprintf(&b, "| %s: pages/s, articles stored/s | %.0f, %.0f | 600 articles/s |\n", r.name, float64(r.pages)/sec, float64(r.stored)/sec)
	}
	if live.elapsed > 0 && res.pipeline.elapsed > 0 && live.stored > 0 {
		fmt.Fprintf(&b, "| backfill ÷ live crawl, articles/s, same run | %.2fx | |\n",
			float64(res.pipeline.stored)/res.pipeline.elapsed.Seconds()/(float64(live.stored)/live.elapsed.Seconds()))
	}
	if base := res.base; base.elapsed > 0 && base.stored > 0 && res.pipeline.stored > 0 {
		fmt.Fprintf(&b, "| backfill ÷ baseline backfill, same run: articles/s; CPU per stored article | %.2fx; %.2fx | |\n",
			float64(res.pipeline.stored)/res.pipeline.elapsed.Seconds()/(float64(base.stored)/base.elapsed.Seconds()),
			cpuPer(res.pipeline)/cpuPer(base))
	}
	fmt.Fprintf(&b, "| articles stored, live crawl and backfill, of %d the generator labels diplomatic | %d, %d | |\n", res.want, live.stored, res.pipeline.stored)
	fmt.Fprintf(&b, "| backfilling fetcher RSS at 10%% and 100%% of the pages published | %s, %s | flat |\n\n", mib(res.rssAt10), mib(res.rssAt100))
	fmt.Fprintf(&b, "| run | process | peak RSS (VmHWM) | CPU (user+sys) | CPU per stored article |\n|---|---|---:|---:|---:|\n")
	for _, r := range runs {
		var total time.Duration
		for _, p := range r.processes {
			fmt.Fprintf(&b, "| %s | %s | %.0f MiB | %.1fs | %s |\n", short(r.name), p.name, float64(p.PeakRSS)/(1<<20), p.CPU.Seconds(), perArticle(p.CPU, r.stored))
			total += p.CPU
		}
		fmt.Fprintf(&b, "| %s | all four | | %.1fs | %s |\n", short(r.name), total.Seconds(), perArticle(total, r.stored))
	}
	return b.String()
}

// profileAll takes a CPU profile of each process at once, 3 s into the run
// for 15 s (the run's steady state), and writes DIR/<name>.pprof. A profile
// that fails is reported and the run goes on: it is a diagnosis, not a
// result.
func profileAll(ctx context.Context, dir string, procs []*proc) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(os.Stderr, "profile: %v\n", err)
		return
	}
	select {
	case <-ctx.Done():
		return
	case <-time.After(3 * time.Second):
	}
	var wg sync.WaitGroup
	for _, p := range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := profile(ctx, p, filepath.Join(dir, p.name+".pprof"), 15*time.Second); err != nil {
				fmt.Fprintf(os.Stderr, "profile %s: %v\n", p.name, err)
			}
		}()
	}
	wg.Wait()
}

// traceAll takes a runtime trace of each process at once, from now for d,
// and writes DIR/<name>.trace: where a process's goroutines wait, and
// when its Ps have nothing to run (go tool trace). Like a profile, a
// trace that fails is reported and the run goes on.
func traceAll(ctx context.Context, dir string, d time.Duration, procs []*proc) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(os.Stderr, "trace: %v\n", err)
		return
	}
	var wg sync.WaitGroup
	for _, p := range procs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// The fetcher, just started, may not listen yet.
			waitFor(5*time.Second, p.name+" listening", func() bool {
				c, err := net.DialTimeout("tcp", p.listen, time.Second)
				if err == nil {
					c.Close()
				}
				return err == nil
			})
			if err := fetchDebug(ctx, p, "trace", filepath.Join(dir, p.name+".trace"), d); err != nil {
				fmt.Fprintf(os.Stderr, "trace %s: %v\n", p.name, err)
			}
		}()
	}
	wg.Wait()
}

func profile(ctx context.Context, p *proc, path string, d time.Duration) error {
	return fetchDebug(ctx, p, "profile", path, d)
}

// fetchDebug writes to path what p's /debug/pprof/KIND?seconds= serves.
func fetchDebug(ctx context.Context, p *proc, kind, path string, d time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, d+10*time.Second)
	defer cancel()
	u := fmt.Sprintf("http://%s/debug/pprof/%s?seconds=%g", p.listen, kind, d.Seconds())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// cpuPer is the CPU of all of a run's processes per stored article.
func cpuPer(r result) float64 {
	var total time.Duration
	for _, p := range r.processes {
		total += p.CPU
	}
	return total.Seconds() / float64(max(1, r.stored))
}

// perArticle is CPU time per stored article, in milliseconds.
func perArticle(cpu time.Duration, stored int) string {
	if stored == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f ms", cpu.Seconds()*1000/float64(stored))
}

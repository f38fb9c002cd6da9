package main

import (
	"fmt"
	"runtime"
	"strings"
	"time"
)

// target is the goal: articles per second end to end on 2 cores.
const target = 300

func render(o options, want int, results []result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Pipeline benchmark\n\n")
	fmt.Fprintf(&b, "%s, %s/%s, %d CPUs; %s. Site: %d pages (tr, ru), %d diplomatic, seed %d.\n",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(),
		o.procsNote(), o.pages, want, o.seed)
	fmt.Fprintf(&b, "JetStream file storage, SQLite (WAL). Target: >= %d articles/s end to end.\n\n", target)
	fmt.Fprintf(&b, "| run | elapsed | pages/s | articles stored | articles/s | fetch→stored p50 | p99 |\n")
	fmt.Fprintf(&b, "|---|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range results {
		sec := r.elapsed.Seconds()
		fmt.Fprintf(&b, "| %s | %.1fs | %.0f | %d | %.0f | %v | %v |\n", r.name, sec,
			float64(r.pages)/sec, r.stored, float64(r.stored)/sec, r.p50.Round(time.Millisecond), r.p99.Round(time.Millisecond))
	}
	fmt.Fprintf(&b, "\n| run | process | peak RSS (VmHWM) | CPU (user+sys) |\n|---|---|---:|---:|\n")
	for _, r := range results {
		for _, p := range r.processes {
			fmt.Fprintf(&b, "| %s | %s | %.0f MiB | %.1fs |\n", short(r.name), p.name, float64(p.PeakRSS)/(1<<20), p.CPU.Seconds())
		}
	}
	fmt.Fprintf(&b, "\nServices: elapsed runs from the start of `fetcher -once` (classifier models already loaded)\n")
	fmt.Fprintf(&b, "until the fetcher has exited and the classifier and the sink have acked every message (every article\n")
	fmt.Fprintf(&b, "in SQLite); CPU and RSS cover each process's whole life.\n")
	fmt.Fprintf(&b, "All-in-one: elapsed is the whole `wiredesk -once` run, model loading and drain included.\n")
	fmt.Fprintf(&b, "Latency: the store's first_seen minus the article's fetched_at.\n")
	return b.String()
}

func short(name string) string {
	if i := strings.IndexByte(name, ' '); i > 0 {
		return name[:i]
	}
	return name
}

package main

import (
	"fmt"
	"runtime"
	"strings"
	"time"
)

func renderBackpressure(o options, res *bpResult) string {
	var b strings.Builder
	last := res.samples[len(res.samples)-1]
	peak := res.samples[0]
	for _, s := range res.samples {
		if s.backlog() > peak.backlog() {
			peak = s
		}
	}
	meanArticle := 0.0
	if last.articles.msgs > 0 {
		meanArticle = float64(last.articles.bytes) / float64(last.articles.msgs)
	}
	fmt.Fprintf(&b, "%s\n\n", bpHeading)
	fmt.Fprintf(&b, "%s, %s/%s, %d CPUs, %s. Site: %d pages, seed %d, %d expected stored. ",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(),
		runtime.Version(), o.pages, o.seed, res.want)
	fmt.Fprintf(&b, "Load average (1, 5, 15 min) at start %s, at end %s: the machine is shared with other jobs.\n\n",
		res.loadStart, res.loadEnd)
	switch o.slow {
	case "stop":
		fmt.Fprintf(&b, "The sink is stopped (SIGSTOP) before the fetcher starts and stays stopped until every page is\n")
		fmt.Fprintf(&b, "classified and %v more (phase 1), then continued (SIGCONT) and left to drain ARTICLES (phase 2).\n", o.hold)
	case "batch1":
		fmt.Fprintf(&b, "The sink runs with `sink.batch_size: 1` and one worker; phase 1 lasts until every page is\n")
		fmt.Fprintf(&b, "classified, phase 2 until ARTICLES is drained.\n")
	}
	fmt.Fprintf(&b, "`make bench-backpressure`; RSS is VmRSS from /proc/PID/status, sampled every second with the\n")
	fmt.Fprintf(&b, "streams and consumers (JetStream API).\n\n")
	fmt.Fprintf(&b, "Whole run %.0fs (model loading included). From the fetcher's start: every page classified at %.0fs,\n",
		res.wall.Seconds(), res.classifiedAt.Seconds())
	fmt.Fprintf(&b, "sink resumed at %.0fs, backlog drained at %.0fs. Bounds in force (the server's consumer info):\n",
		res.resumedAt.Seconds(), res.drainedAt.Seconds())
	fmt.Fprintf(&b, "classifier MaxAckPending %d, sink MaxAckPending %d; publishes in flight: nats.max_pending 256.\n\n",
		last.cls.maxAckPending, last.snk.maxAckPending)
	fmt.Fprintf(&b, "Backlog peak: %d articles not acked by the sink, %.1f MiB of ARTICLES at a mean %.1f KiB per\n",
		peak.backlog(), float64(peak.backlog())*meanArticle/(1<<20), meanArticle/1024)
	fmt.Fprintf(&b, "article (MaxAckPending x mean article = %.1f MiB); PAGES then held %d pages, %.1f MiB.\n",
		float64(last.snk.maxAckPending)*meanArticle/(1<<20), peak.pages.msgs, float64(peak.pages.bytes)/(1<<20))
	fmt.Fprintf(&b, "Sink redeliveries: %d.\n\n", last.snk.redelivered)

	fmt.Fprintf(&b, "RSS in MiB. Phase 1 at 25%% and 100%% of each process's own work: the fetcher's pages published,\n")
	fmt.Fprintf(&b, "the classifier's pages classified, and for the sink and nats-server the articles in ARTICLES\n")
	fmt.Fprintf(&b, "(the backlog). A ratio near 1 means memory does not grow with the backlog.\n\n")
	fmt.Fprintf(&b, "| process | idle | phase 1 at 25%% | at 100%% | 100%%/25%% | max phase 1 | end phase 1 | max phase 2 | final | peak (VmHWM) | CPU |\n")
	fmt.Fprintf(&b, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	progress := [nProcs]func(sample) float64{
		pFetcher:    func(s sample) float64 { return frac(s.pages.msgs, last.pages.msgs) },
		pClassifier: func(s sample) float64 { return frac(s.classified(), last.pages.msgs) },
		pSink:       func(s sample) float64 { return frac(s.articles.msgs, last.articles.msgs) },
		pNATS:       func(s sample) float64 { return frac(s.articles.msgs, last.articles.msgs) },
	}
	for i := range nProcs {
		at25, p25 := checkpoint(res.samples, i, progress[i], 0.25)
		at100, p100 := checkpoint(res.samples, i, progress[i], 1)
		ratio := "-"
		if at25.rss[i] > 0 && at100.rss[i] > 0 {
			ratio = fmt.Sprintf("%.2f", float64(at100.rss[i])/float64(at25.rss[i]))
		}
		var max1, max2 int64
		var end1 sample
		for _, s := range res.samples {
			switch s.phase {
			case 1:
				max1, end1 = max(max1, s.rss[i]), s
			case 2:
				max2 = max(max2, s.rss[i])
			}
		}
		idle := mib(res.idle.rss[i])
		if i == pFetcher {
			idle = "-" // it starts the run
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1fs |\n", procNames[i],
			idle, mibAt(at25.rss[i], p25, 0.25), mibAt(at100.rss[i], p100, 1), ratio,
			mib(max1), mib(end1.rss[i]), mib(max2), mib(last.rss[i]),
			mib(res.usage[i].PeakRSS), res.usage[i].CPU.Seconds())
	}
	fmt.Fprintf(&b, "\n\"exited\": the fetcher (-once) exits when its crawl is done; a percentage in brackets is the\n")
	fmt.Fprintf(&b, "progress at its last sample. Peak (VmHWM) and CPU cover each process's whole life.\n\n")

	fmt.Fprintf(&b, "Time series (one row per %v, and at each event):\n\n", o.every)
	fmt.Fprintf(&b, "| t | phase | event | PAGES msgs | classified | ARTICLES msgs | ARTICLES MiB | sink backlog | sink ack pending | stored | fetcher | classifier | sink | nats-server |\n")
	fmt.Fprintf(&b, "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	next := time.Duration(0)
	for j, s := range res.samples {
		event := ""
		switch s.at {
		case res.classifiedAt:
			event = "all classified"
		case res.resumedAt:
			event = "sink resumed"
		case res.drainedAt:
			event = "drained"
		}
		if s.at == peak.at && event == "" {
			event = "backlog peak"
		}
		if event == "" && s.at < next && j > 0 {
			continue
		}
		for next <= s.at {
			next += o.every
		}
		fmt.Fprintf(&b, "| %.0fs | %d | %s | %d | %d | %d | %.1f | %d | %d | %d |", s.at.Seconds(), s.phase, event,
			s.pages.msgs, s.classified(), s.articles.msgs, float64(s.articles.bytes)/(1<<20),
			s.backlog(), s.snk.ackPending, s.stored)
		for i := range nProcs {
			fmt.Fprintf(&b, " %s |", mib(s.rss[i]))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// checkpoint returns the first phase-1 sample at which process i was alive
// and progress had reached f, or else the last phase-1 sample at which it
// was alive, with the progress there.
func checkpoint(samples []sample, i int, progress func(sample) float64, f float64) (sample, float64) {
	var alive sample
	for _, s := range samples {
		if s.phase != 1 || s.rss[i] == 0 {
			continue
		}
		if p := progress(s); p >= f {
			return s, p
		}
		alive = s
	}
	return alive, progress(alive)
}

func frac(n, of uint64) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

func mib(n int64) string {
	if n == 0 {
		return "exited"
	}
	return fmt.Sprintf("%.0f", float64(n)/(1<<20))
}

// mibAt is mib, with the progress in brackets when it fell short of want.
func mibAt(n int64, got, want float64) string {
	if n == 0 || got >= want-0.005 {
		return mib(n)
	}
	return fmt.Sprintf("%s (%.0f%%)", mib(n), got*100)
}

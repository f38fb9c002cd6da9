package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/config"
	"github.com/wiredesk/wiredesk/pkg/fetch"
	"github.com/wiredesk/wiredesk/pkg/service"
)

const backfillUsage = `usage: fetcher backfill [flags] FILE...           read WARC files now, each from its saved progress
       fetcher backfill [flags] -enqueue FILE...  queue WARC files for the fetchers that run -queue
       fetcher backfill [flags] -queue [-drain]   read files from the queue until stopped (or until it is empty)

Pages go to news.raw.<source> marked "backfill": true. A record is taken
when a configured source allows its host (or it is in -hosts, or -all is
set); every other record is skipped before it is parsed.

flags:
`

// runBackfill is "fetcher backfill": WARC files through the same
// extraction and publish as a live fetch.
func runBackfill(ctx context.Context, args, env []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("fetcher backfill", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		sf       = addServiceFlags(fs, "configuration file (YAML) with sources; also WIREDESK_CONFIG")
		hosts    = fs.String("hosts", "", "more hosts to take, comma-separated; their pages go to -source")
		all      = fs.Bool("all", false, "take every host; pages no source claims go to -source")
		sourceID = fs.String("source", "archive", "source id of pages no configured source claims")
		workers  = fs.Int("workers", 0, "workers extracting and publishing pages (default: 8 per CPU)")
		enqueue  = fs.Bool("enqueue", false, "queue the files on the backfill work queue and exit")
		queue    = fs.Bool("queue", false, "take files from the backfill work queue")
		drain    = fs.Bool("drain", false, "with -queue: exit when the queue is empty")
		progress = fs.String("progress", "auto", "progress line on stderr: auto (on a terminal), on, off")
		gcPct    = fs.Int("gc-percent", 0, "the garbage collector's GOGC while backfilling (default: fetcher.backfill_gc_percent, 400; 0: the runtime's)")
		record   = fs.Bool("record-seen", false, "write each published page's URL state to wiredesk_seen, as the crawl does (for archives that overlap, or a live crawl to follow)")
	)
	fs.Usage = func() {
		fmt.Fprint(stderr, backfillUsage)
		fs.PrintDefaults()
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
	if isSet(fs, "gc-percent") {
		cfg.Fetcher.BackfillGCPercent = *gcPct
	}
	// The same checks as the crawl's: the backfill reaches NATS with the
	// same credentials, and its errors must redact a proxy's password too.
	if err := errors.Join(cfg.Validate(), cfg.CheckFiles(), config.CheckProxyEnv(env)); err != nil {
		return fmt.Errorf("invalid configuration:\n%w", err)
	}
	files := fs.Args()
	switch {
	case *queue && len(files) > 0:
		return errors.New("backfill: -queue takes its files from the queue; give either -queue or files")
	case !*queue && len(files) == 0:
		return errors.New("backfill: no WARC files given (or -queue to take them from the work queue)")
	case *drain && !*queue:
		return errors.New("backfill: -drain goes with -queue")
	}
	var hostList []string
	for _, h := range strings.Split(*hosts, ",") {
		if h = strings.TrimSpace(h); h != "" {
			hostList = append(hostList, h)
		}
	}
	if !*enqueue && len(cfg.Sources) == 0 && len(hostList) == 0 && !*all {
		return errors.New("backfill: nothing to take: configure sources (-config), or give -hosts or -all")
	}
	level, _ := config.ParseLevel(cfg.Log.Level)
	log, err := service.NewLogger(stderr, cfg.Log.Format, level)
	if err != nil {
		return err
	}
	cfg.NATS.Name = "wiredesk-backfill"
	conn, err := bus.Connect(ctx, cfg.NATS, log)
	if err != nil {
		return err
	}
	defer conn.NC.Close()
	if *enqueue {
		if _, _, err := bus.EnsureBackfill(ctx, conn.JS, cfg.Streams); err != nil {
			return err
		}
		if err := fetch.EnqueueBackfill(ctx, conn, files); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "queued %d files on %s\n", len(files), bus.SubjectBackfill)
		return nil
	}
	if n := cfg.Fetcher.BackfillGCPercent; n > 0 {
		// The process only backfills from here on: a higher GOGC trades
		// a few tens of MB for a fraction of the collections (see
		// config.Fetcher.BackfillGCPercent).
		debug.SetGCPercent(n)
	}
	return serveBackfill(ctx, cfg, conn, log, fetch.BackfillConfig{
		Sources: cfg.Sources, Hosts: hostList, All: *all, Default: *sourceID, Workers: *workers,
		RecordSeen: *record,
	}, files, *queue, *drain, showProgress(*progress, stderr), stdout, stderr)
}

func serveBackfill(ctx context.Context, cfg config.Config, conn *bus.Conn, log *slog.Logger, bc fetch.BackfillConfig,
	files []string, queue, drain, progress bool, stdout, stderr io.Writer) error {
	reg := service.NewRegistry()
	admin := service.NewAdmin(reg)
	ready := admin.Starting()
	adminCtx, stopAdmin := context.WithCancel(ctx)
	defer stopAdmin()
	_, waitAdmin, err := admin.Serve(adminCtx, cfg.Fetcher.Listen, log)
	if err != nil {
		return err
	}
	admin.AddCheck("nats", func(context.Context) error { return conn.Ready() })
	if err := bus.EnsureStreams(ctx, conn.JS, cfg.Streams); err != nil {
		return err
	}
	seen, err := bus.SeenBucket(ctx, conn.JS, cfg.Streams)
	if err != nil {
		return err
	}
	cons, kv, err := bus.EnsureBackfill(ctx, conn.JS, cfg.Streams)
	if err != nil {
		return err
	}
	f := fetch.New(fetchConfig(cfg.Fetcher), conn, seen, log, fetch.NewMetrics(reg))
	b := fetch.NewBackfiller(f, bc, kv, fetch.NewBackfillMetrics(reg))
	b.SetSeenMany(conn, bus.BucketSeen)
	if progress {
		b.OnProgress = progressLine(stderr)
	}
	ready()
	var runErr error
	if queue {
		log.Info("backfill: taking files from the work queue", "subject", bus.SubjectBackfill, "drain", drain)
		runErr = b.Work(ctx, cons, drain)
	} else {
		var errs []error
	files:
		for _, file := range files {
			p, err := b.File(ctx, file)
			switch {
			case errors.Is(err, fetch.ErrBackfillDone):
				fmt.Fprintf(stdout, "%s: already backfilled (%d records, %d published); delete its progress to read it again\n", file, p.Records, p.Published)
				continue
			case err != nil:
				errs = append(errs, err)
				if ctx.Err() != nil {
					break files
				}
				continue
			}
			fmt.Fprintf(stdout, "%s: %d records, %d published, %d unchanged, %d skipped%s\n",
				file, p.Records, p.Published, p.Unchanged, p.SkippedTotal(), skippedDetail(p.Skipped))
		}
		runErr = errors.Join(errs...)
	}
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	drainErr := conn.Drain(dctx)
	stopAdmin()
	return errors.Join(ignoreCanceled(runErr), drainErr, waitAdmin())
}

func skippedDetail(m map[string]int64) string {
	if len(m) == 0 {
		return ""
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// showProgress decides whether to draw the progress line.
func showProgress(mode string, stderr io.Writer) bool {
	switch mode {
	case "on":
		return true
	case "off":
		return false
	}
	f, ok := stderr.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progressLine draws one line, rewritten in place, per update.
func progressLine(w io.Writer) func(fetch.BackfillProgress) {
	return func(p fetch.BackfillProgress) {
		pct := 0.0
		if p.Size > 0 {
			pct = 100 * float64(p.Offset) / float64(p.Size)
		}
		eta := "-"
		if p.ETA > 0 {
			eta = p.ETA.Round(time.Second).String()
		}
		end := ""
		if p.Done {
			end = "\n"
		}
		fmt.Fprintf(w, "\r%s %5.1f%%  %d records: %d kept, %d skipped  %.0f rec/s  ETA %s\x1b[K%s",
			p.File, pct, p.Records, p.Kept(), p.SkippedTotal(), p.Rate, eta, end)
	}
}

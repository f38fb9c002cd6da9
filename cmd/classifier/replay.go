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
)

// runReplay is "classifier replay-dlq": it lists the dead letters and,
// unless -dry-run, republishes each to the subject it failed on and
// removes it from the DLQ. Operators run it after fixing what made the
// messages fail: a classifier bug, a schema the old build did not know.
func runReplay(ctx context.Context, args, env []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("classifier replay-dlq", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		configPath = fs.String("config", "", "configuration file (YAML); also WIREDESK_CONFIG")
		natsURL    = fs.String("nats", "", "NATS URL, comma-separated for a cluster")
		stage      = fs.String("stage", "", "replay only this stage's dead letters (classifier, sink); default all")
		dryRun     = fs.Bool("dry-run", false, "list the dead letters; change nothing")
	)
	var limit config.Int
	fs.Var(&limit, "limit", "replay at most this `number`; 0 = all")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: classifier replay-dlq [-config FILE] [-nats URL] [-stage S] [-limit N] [-dry-run]\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // -h asked for the usage, which is printed
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("replay-dlq: unexpected arguments %q", fs.Args())
	}
	if int(limit) < 0 {
		return fmt.Errorf("replay-dlq: -limit %d is negative", int(limit))
	}
	cfg, err := config.FromEnv(*configPath, env)
	if err != nil {
		return err
	}
	if *natsURL != "" {
		cfg.NATS.URL = *natsURL
	}
	cfg.NATS.Name = "wiredesk-replay-dlq"
	// Info, so that the URL it waits for is named at once.
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	conn, err := bus.Connect(cctx, cfg.NATS, log)
	if err != nil {
		return err
	}
	defer conn.NC.Close()
	n, err := bus.ReplayDLQ(ctx, conn, bus.ReplayOptions{Stage: *stage, Limit: int(limit), DryRun: *dryRun}, func(d bus.DeadLetter) {
		fmt.Fprintf(stdout, "%d\t%s\t%s\tdeliveries=%s\tfailed=%s\t%s\n", d.Seq, d.Stage, d.Subject, d.Deliveries, d.FailedAt, d.Error)
	})
	verb := "replayed"
	if *dryRun {
		verb = "would replay"
	}
	fmt.Fprintf(stdout, "%s %d dead letters\n", verb, n)
	return err
}

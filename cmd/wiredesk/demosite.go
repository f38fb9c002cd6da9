package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/wiredesk/wiredesk/deploy/demo"
	"github.com/wiredesk/wiredesk/pkg/service"
)

// runDemoSite is "wiredesk demo-site": it only serves the bundled demo
// site, on a fixed address, so that the three services can be run on it
// as in production, with deploy/demo/wiredesk.yaml.
func runDemoSite(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("wiredesk demo-site", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", demo.Addr, "address to serve the demo site on; deploy/demo/wiredesk.yaml expects the default")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: wiredesk demo-site [-addr HOST:PORT]\n\n"+
			"Serves the bundled demo site until interrupted. Run the fetcher, classifier\n"+
			"and sink on it with -config deploy/demo/wiredesk.yaml (see the README).\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("demo-site: unexpected arguments %q", fs.Args())
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	bound, wait, err := service.Serve(ctx, "demo site", *addr, demo.Handler(), log)
	if err != nil {
		return err
	}
	base := "http://" + bound
	fmt.Fprintf(stdout, "demo site at %s/ (stop with Ctrl-C)\nfeeds:\n", base)
	for _, s := range demo.Sources(base, time.Minute) {
		fmt.Fprintf(stdout, "  %-10s %s\n", s.ID, s.Feeds[0])
	}
	if err := wait(); err != nil {
		return err
	}
	log.Info("demo site stopped")
	return nil
}

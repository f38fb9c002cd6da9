// Command demowarc writes the bundled demo site as a web archive, for
// trying "fetcher extract -warc" and "fetcher backfill" on a machine with
// no archive at hand:
//
//	go run ./deploy/demo/demowarc demo.warc.gz
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/wiredesk/wiredesk/deploy/demo"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Environ(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "demowarc:", err)
		os.Exit(1)
	}
}

func run(_ context.Context, args, _ []string, stdout io.Writer) error {
	if len(args) != 1 || args[0] == "-h" || args[0] == "-help" {
		return errors.New("usage: demowarc FILE.warc.gz")
	}
	f, err := os.Create(args[0])
	if err != nil {
		return err
	}
	n, err := demo.WriteWARC(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", args[0], err)
	}
	fmt.Fprintf(stdout, "%s: %d pages of the demo site\n", args[0], n)
	return nil
}

// Command wiredesk runs the whole pipeline on one machine: an embedded NATS
// server with JetStream, the fetcher, the classifier and the sink, in one
// process. With -demo it crawls the bundled demo site; with -once it exits
// when the work is drained and prints what it did.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Environ(), os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "wiredesk:", err)
		os.Exit(1)
	}
}

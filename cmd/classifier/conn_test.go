package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/service/servicetest"
)

// TestReplayNamesTheURL: replay-dlq without -nats says which URL it waits
// for, at once and in its error.
func TestReplayNamesTheURL(t *testing.T) {
	down := "nats://" + servicetest.FreeAddr(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var out, errb bytes.Buffer
	err := run(ctx, []string{"replay-dlq", "-dry-run"}, []string{"WIREDESK_NATS_URL=" + down}, nil, &out, &errb)
	if err == nil {
		t.Fatal("replay-dlq ran without NATS")
	}
	if !strings.Contains(err.Error(), down) {
		t.Errorf("error does not name %s: %v", down, err)
	}
	for _, want := range []string{`msg="connecting to NATS" url=` + down, "nats connection failed; retrying"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}
}

// TestHelpExitsZero: -h prints the usage and is not an error, for the
// command and each subcommand.
func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"classify", "-h"}, {"replay-dlq", "-h"}, {"-help"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if err := run(context.Background(), args, nil, nil, &out, &errb); err != nil {
				t.Fatalf("err = %v", err)
			}
			if !strings.Contains(errb.String(), "usage:") {
				t.Errorf("no usage printed:\n%s", errb.String())
			}
		})
	}
}

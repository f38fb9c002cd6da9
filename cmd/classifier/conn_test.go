package main

import (
	"bytes"
	"context"
	"path/filepath"
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

// TestCheckConfigCatches: -check-config finds a profile that is not there.
func TestCheckConfigCatches(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "profile.yaml")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing profile", []string{"-profile", missing}, "classifier.profile: open " + missing},
		{"bad workers", []string{"-workers", "two"}, `"two" is not a whole number`},
		{"malformed NATS URL", []string{"-nats", "nats//127.0.0.1:4222"}, `is "://" missing after "nats"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), append([]string{"-check-config"}, tt.args...), nil, nil, &out, &errb)
			if err == nil {
				t.Fatalf("-check-config passed:\n%s", out.String())
			}
			if got := err.Error() + errb.String(); !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

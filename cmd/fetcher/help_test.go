package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelpExitsZero: -h prints the usage and is not an error, for the
// command and its subcommand.
func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"extract", "-h"}} {
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

// TestCheckConfigNeedsSources: the fetcher's -check-config refuses a file
// with no sources, naming the file, as the fetcher would at start.
func TestCheckConfigNeedsSources(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wiredesk.yaml")
	if err := os.WriteFile(path, []byte("fetcher:\n  concurrency: 4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"-check-config", "-config", path}, {"-config", path}} {
		var out, errb bytes.Buffer
		err := run(context.Background(), args, nil, nil, &out, &errb)
		if err == nil || !strings.Contains(err.Error(), path+" has no sources") {
			t.Errorf("%v: err = %v, want %q", args, err, path+" has no sources")
		}
	}
}

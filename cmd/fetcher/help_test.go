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
// command and its subcommands.
func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"extract", "-h"}, {"backfill", "-h"}} {
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

// TestProxyPasswordNeverPrinted: a malformed proxy URL with a password is
// refused at once, and the password is not printed.
func TestProxyPasswordNeverPrinted(t *testing.T) {
	const pw = "Pr0xy-pw"
	path := filepath.Join(t.TempDir(), "wiredesk.yaml")
	if err := os.WriteFile(path, []byte("sources:\n  - id: a\n    feeds: [https://a.example/rss]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, env := range []string{
		"HTTPS_PROXY=http://wd:" + pw + "@proxy:31x8",
		"http_proxy=wd:" + pw + "@proxy:%zz",
	} {
		for _, args := range [][]string{{"-check-config", "-config", path}, {"-config", path, "-once"}, {"backfill", "-config", path, "x.warc.gz"}} {
			var out, errb bytes.Buffer
			err := run(context.Background(), args, []string{env}, nil, &out, &errb)
			if err == nil {
				t.Fatalf("%s %v: no error", env, args)
			}
			name, _, _ := strings.Cut(env, "=")
			if !strings.Contains(err.Error(), "environment "+name) {
				t.Errorf("error does not name %s: %v", name, err)
			}
			if printed := err.Error() + out.String() + errb.String(); strings.Contains(printed, pw) {
				t.Errorf("the password was printed:\n%s", printed)
			}
		}
	}
}

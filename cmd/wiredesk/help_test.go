package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/service/servicetest"
)

// TestHelpExitsZero: -h prints the usage and is not an error.
func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"-help"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if err := run(context.Background(), args, nil, &out, &errb); err != nil {
				t.Fatalf("err = %v", err)
			}
			if !strings.Contains(errb.String(), "usage:") {
				t.Errorf("no usage printed:\n%s", errb.String())
			}
		})
	}
}

// TestDemoSite runs "wiredesk demo-site" as the README does: it serves the
// demo's feeds on the address given and lists them.
func TestDemoSite(t *testing.T) {
	addr := servicetest.FreeAddr(t)
	var stdout, stderr servicetest.Buffer
	stop := servicetest.Start(t, func(ctx context.Context) error {
		return run(ctx, []string{"demo-site", "-addr", addr}, nil, &stdout, &stderr)
	})
	body := servicetest.Get(t, "http://"+addr+"/vestnik/rss.xml", 200, 10*time.Second)
	if !strings.Contains(body, "<rss") {
		t.Errorf("feed = %.200s", body)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"demo site at http://" + addr + "/", "haberajans http://" + addr + "/haberajans/rss.xml"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout.String())
		}
	}
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"demo-site", "-h"}, nil, &out, &errb); err != nil {
		t.Errorf("demo-site -h: %v", err)
	}
}

package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/service/servicetest"
)

// TestConnectionProblemsAreLoud runs the sink against a NATS URL with a
// typo, a NATS that is not there and one that refuses the credentials:
// each is said at once, with the URL, and no password is printed.
func TestConnectionProblemsAreLoud(t *testing.T) {
	const pw = "wrong-pw-5"
	authURL := bustest.StartAuth(t, "wd", "right-pw-5")
	down := "nats://" + servicetest.FreeAddr(t)
	tests := []struct {
		name     string
		url      string
		env      []string
		within   time.Duration // how long the sink may try
		wantErr  []string
		wantLogs []string
	}{
		{"typo in the URL", "nats//127.0.0.1:4222", nil, 5 * time.Second,
			[]string{`"nats//127.0.0.1:4222"`, `is "://" missing after "nats"?`}, nil},
		{"password in a bad URL", "nats://wd:" + pw + "@127.0.0.1:42x2", nil, 5 * time.Second,
			[]string{"[redacted]", "does not parse"}, nil},
		{"NATS down", down, nil, 2500 * time.Millisecond,
			[]string{"no connection to " + down},
			[]string{"connecting to NATS", "url=" + down, "nats connection failed; retrying", "connection refused"}},
		{"credentials refused", authURL, []string{"WIREDESK_NATS_USER=wd", "WIREDESK_NATS_PASSWORD=" + pw}, 20 * time.Second,
			[]string{"refused the connection", authURL},
			[]string{"Authorization Violation"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), tt.within)
			defer cancel()
			var out, errb bytes.Buffer
			start := time.Now()
			err := run(ctx, []string{"-nats", tt.url, "-listen", "", "-api-listen", "",
				"-store", "sqlite:" + filepath.Join(t.TempDir(), "w.db")}, tt.env, nil, &out, &errb)
			if err == nil {
				t.Fatal("the sink ran")
			}
			if tt.within > 5*time.Second && time.Since(start) > tt.within/2 {
				t.Errorf("took %v to give up", time.Since(start))
			}
			for _, want := range tt.wantErr {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error lacks %q: %v", want, err)
				}
			}
			for _, want := range tt.wantLogs {
				if !strings.Contains(errb.String(), want) {
					t.Errorf("log lacks %q:\n%s", want, errb.String())
				}
			}
			if printed := out.String() + errb.String() + err.Error(); strings.Contains(printed, pw) {
				t.Errorf("the password was printed:\n%s", printed)
			}
		})
	}
}

// TestHelpExitsZero: -h prints the usage and is not an error, for the
// command and each subcommand.
func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"migrate", "-h"}, {"query", "-h"}} {
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

// TestReadyzSaysWhatItWaitsFor: with NATS gone, /readyz names the state
// and the URL in words, not "nats: nats: RECONNECTING".
func TestReadyzSaysWhatItWaitsFor(t *testing.T) {
	srv, _ := bustest.Start(t)
	admin := servicetest.FreeAddr(t)
	var stderr servicetest.Buffer
	stop := servicetest.Start(t, func(ctx context.Context) error {
		return run(ctx, []string{"-nats", srv.ClientURL(), "-listen", admin, "-api-listen", "",
			"-store", "sqlite:" + filepath.Join(t.TempDir(), "w.db")}, nil, nil, &bytes.Buffer{}, &stderr)
	})
	servicetest.Get(t, "http://"+admin+"/readyz", 200, 20*time.Second)
	srv.Shutdown()
	body := servicetest.Get(t, "http://"+admin+"/readyz", 503, 10*time.Second)
	if want := "nats: reconnecting to " + srv.ClientURL(); !strings.Contains(body, want) {
		t.Errorf("/readyz = %q, want %q", body, want)
	}
	if strings.Contains(body, "RECONNECTING") {
		t.Errorf("/readyz = %q", body)
	}
	stop()
}

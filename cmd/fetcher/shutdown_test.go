package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/wiredesk/wiredesk/deploy/demo"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/service/servicetest"
)

// vestnikConfig writes a configuration polling the demo's vestnik feed
// on site every interval.
func vestnikConfig(t *testing.T, site, interval string) string {
	t.Helper()
	host := strings.TrimPrefix(site, "http://")
	path := filepath.Join(t.TempDir(), "wiredesk.yaml")
	yaml := fmt.Sprintf("fetcher:\n  allow_private: true\nsources:\n  - id: vestnik\n    lang: ru\n"+
		"    feeds: [%s/vestnik/rss.xml]\n    allow_hosts: [%s, vestnik.example]\n    rate: 100\n    interval: %s\n",
		site, host, interval)
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// waitFor polls the service's log until it holds want.
func waitFor(t *testing.T, log *servicetest.Buffer, want string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !strings.Contains(log.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in the log within %v:\n%s", want, within, log.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestShutdownMidPoll stops the fetcher while its pages hang: it logs each
// step of the shutdown, and does not say "poll done" of the cut poll.
func TestShutdownMidPoll(t *testing.T) {
	srv, _ := bustest.Start(t)
	site := demo.Handler()
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, ".xml") && !strings.HasSuffix(r.URL.Path, ".txt") {
			<-r.Context().Done() // an article page that never comes
			return
		}
		site.ServeHTTP(w, r)
	}))
	t.Cleanup(hang.Close)
	for _, mode := range []string{"service", "once"} {
		t.Run(mode, func(t *testing.T) {
			args := []string{"-config", vestnikConfig(t, hang.URL, "1s"), "-nats", srv.ClientURL(), "-listen", ""}
			if mode == "once" {
				args = append(args, "-once")
			}
			var stdout, stderr servicetest.Buffer
			stop := servicetest.Start(t, func(ctx context.Context) error {
				return run(ctx, args, nil, nil, &stdout, &stderr)
			})
			waitFor(t, &stderr, "fetcher starting", 10*time.Second)
			time.Sleep(500 * time.Millisecond) // into the poll, where the pages hang
			if err := stop(); err != nil {
				t.Fatalf("run: %v\n%s", err, stderr.String())
			}
			out := stderr.String()
			if strings.Contains(out, "poll done") {
				t.Errorf("a poll cut short was logged as done:\n%s", out)
			}
			last := -1
			for _, want := range []string{"shutting down: stopping intake", "poll stopped before it finished",
				"nats drained", "fetcher stopped"} {
				i := strings.Index(out, want)
				if i < 0 || i < last {
					t.Errorf("%q missing or out of order:\n%s", want, out)
				}
				last = i
			}
		})
	}
}

// TestPublishSurvivesNATSRestart restarts NATS while the fetcher publishes
// a poll: the publishes are retried, not counted as fetch errors, and
// every page arrives.
func TestPublishSurvivesNATSRestart(t *testing.T) {
	dir := t.TempDir()
	srv, err := bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: dir, Port: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Shutdown() })
	u, _ := url.Parse(srv.ClientURL())
	port, _ := strconv.Atoi(u.Port())
	bustest.Connect(t, srv.ClientURL()) // creates the streams

	// The article pages wait until NATS is down, so that the fetcher
	// publishes into the restart.
	var once sync.Once
	down := make(chan struct{})
	restarted := make(chan *bus.Embedded, 1)
	site := demo.Handler()
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, ".xml") && !strings.HasSuffix(r.URL.Path, ".txt") {
			once.Do(func() {
				srv.Shutdown()
				close(down)
				go func() {
					// First a server whose JetStream is not up yet, as
					// while a restarted node recovers its streams: it
					// answers publishes with "no responders".
					plain, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: port, NoLog: true, NoSigs: true})
					if err != nil {
						t.Error(err)
						restarted <- nil
						return
					}
					go plain.Start()
					plain.ReadyForConnections(5 * time.Second)
					time.Sleep(1500 * time.Millisecond)
					plain.Shutdown()
					plain.WaitForShutdown()
					s, err := bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: dir, Port: port})
					if err != nil {
						t.Error(err)
					}
					restarted <- s
				}()
			})
			<-down
		}
		site.ServeHTTP(w, r)
	}))
	t.Cleanup(web.Close)
	var stdout, stderr servicetest.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	err = run(ctx, []string{"-config", vestnikConfig(t, web.URL, "1m"), "-nats", srv.ClientURL(), "-once", "-listen", ""},
		nil, nil, &stdout, &stderr)
	s2 := <-restarted
	if s2 != nil {
		t.Cleanup(s2.Shutdown)
	}
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	out := stderr.String()
	if !strings.Contains(out, "publish failed; retrying") {
		t.Errorf("no publish was retried: the test did not publish into the restart:\n%s", out)
	}
	if !strings.Contains(out, "poll done") || !strings.Contains(out, "errors=0") {
		t.Errorf("the restart counted as fetch errors:\n%s", grepLines(out, "poll done", "publish"))
	}
	if s2 == nil {
		return
	}
	n, err := subjectCount(t, bustest.Connect(t, s2.ClientURL()))
	if err != nil {
		t.Fatal(err)
	}
	if n < 14 {
		t.Errorf("%d pages on news.raw.vestnik after the restart, want the feed's 14:\n%s", n, out)
	}
}

func grepLines(s string, subs ...string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		for _, sub := range subs {
			if strings.Contains(l, sub) {
				out = append(out, l)
				break
			}
		}
	}
	return strings.Join(out, "\n")
}

package main

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/service/servicetest"
)

// TestDLQLineNamesStageOnce runs the all-in-one, publishes a page that
// can never be classified, and reads the log line that sends it to the
// DLQ: it names the stage once, not "stage=classifier stage=classifier".
func TestDLQLineNamesStageOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline")
	}
	dir := t.TempDir()
	admin := servicetest.FreeAddr(t)
	_, port, _ := net.SplitHostPort(servicetest.FreeAddr(t))
	var stdout, stderr servicetest.Buffer
	stop := servicetest.Start(t, func(ctx context.Context) error {
		return run(ctx, []string{"-data", dir, "-listen", admin, "-nats-port", port, "-demo", "-demo-addr", demoAddr(t, dir)},
			[]string{"WIREDESK_SINK_API_LISTEN="}, &stdout, &stderr)
	})
	servicetest.Get(t, "http://"+admin+"/readyz", 200, 60*time.Second)
	conn := bustest.Connect(t, "nats://127.0.0.1:"+port)
	if err := conn.Publish(context.Background(), "news.raw.haberajans", "garbage-1", []byte("not json")); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	var line string
	for line == "" {
		for _, l := range strings.Split(stderr.String(), "\n") {
			if strings.Contains(l, "message sent to DLQ") {
				line = l
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no DLQ line:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if n := strings.Count(line, "stage="); n != 1 {
		t.Errorf("the DLQ line names the stage %d times: %s", n, line)
	}
	if err := stop(); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "wiredesk stopped") {
		t.Errorf("no \"wiredesk stopped\" in the log:\n%s", stderr.String())
	}
}

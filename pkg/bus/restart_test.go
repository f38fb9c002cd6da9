package bus_test

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
)

// The consume loop and the publisher outlive a NATS restart: the client
// reconnects by itself and the durable consumer picks up where it was.
func TestSurvivesServerRestart(t *testing.T) {
	dir := t.TempDir()
	srv, err := bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: dir, Port: -1})
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(srv.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	port, _ := strconv.Atoi(u.Port())
	c := bustest.Connect(t, srv.ClientURL())

	var mu sync.Mutex
	seen := map[string]bool{}
	runConsumer(t, c, testConsumer("restart-server"), func(ctx context.Context, m *bus.Msg) error {
		mu.Lock()
		seen[string(m.Data)] = true
		mu.Unlock()
		return nil
	})
	count := func() int {
		mu.Lock()
		defer mu.Unlock()
		return len(seen)
	}
	for i := range 20 {
		publish(t, c, "news.raw.test", fmt.Sprint("before-", i), fmt.Sprint("before-", i))
	}
	eventually(t, 10*time.Second, "messages before the restart", func() bool { return count() == 20 })

	srv.Shutdown()
	eventually(t, 5*time.Second, "the client to notice", func() bool { return c.Ready() != nil })
	srv, err = bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: dir, Port: port})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	eventually(t, 15*time.Second, "the client to reconnect", func() bool { return c.Ready() == nil })

	for i := range 20 {
		publish(t, c, "news.raw.test", fmt.Sprint("after-", i), fmt.Sprint("after-", i))
	}
	eventually(t, 30*time.Second, "messages after the restart", func() bool { return count() == 40 })
}

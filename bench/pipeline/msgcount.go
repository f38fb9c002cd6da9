package main

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/nats-io/nats.go"
)

// msgTap counts every message the server routes, by what it is, through
// a subscription to ">" on the benchmark's own connection. The tap costs
// the server a copy of each message, so its run measures messages, not
// speed. A reply goes to an inbox, which says nothing of what it answers;
// it is named by its content: a delivery by its ack subject, a PubAck by
// its stream, a direct get by its headers, an API response by its type.
type msgTap struct {
	mu     sync.Mutex
	counts map[string]int
	sub    *nats.Subscription
}

func startTap(nc *nats.Conn) (*msgTap, error) {
	t := &msgTap{counts: map[string]int{}}
	sub, err := nc.Subscribe(">", func(m *nats.Msg) {
		k := msgKind(m)
		t.mu.Lock()
		t.counts[k]++
		t.mu.Unlock()
	})
	if err != nil {
		return nil, err
	}
	// A page can be large and the tap must not drop what it counts.
	if err := sub.SetPendingLimits(-1, -1); err != nil {
		return nil, err
	}
	t.sub = sub
	return t, nil
}

func (t *msgTap) stop() map[string]int {
	_ = t.sub.Unsubscribe()
	t.mu.Lock()
	defer t.mu.Unlock()
	return maps.Clone(t.counts)
}

// msgKind names a message for the table.
func msgKind(m *nats.Msg) string {
	s := m.Subject
	switch {
	case strings.HasPrefix(m.Reply, "$JS.ACK."):
		// A delivery to a consumer keeps the subject it was published
		// on; its reply is where it is acked.
		f := strings.Split(m.Reply, ".")
		return fmt.Sprintf("delivery %s/%s", field(f, 2), field(f, 3))
	case strings.HasPrefix(s, "_INBOX."):
		return "reply: " + replyKind(m)
	case strings.HasPrefix(s, "$JS.ACK."):
		// $JS.ACK.<stream>.<consumer>...; the body says which ack.
		f := strings.Split(s, ".")
		what := string(m.Data)
		if what == "" {
			what = "+ACK"
		}
		if i := strings.IndexByte(what, ' '); i > 0 {
			what = what[:i]
		}
		return fmt.Sprintf("%s %s/%s", what, field(f, 2), field(f, 3))
	case strings.HasPrefix(s, "$JS.API.CONSUMER.MSG.NEXT."):
		f := strings.Split(s, ".")
		return fmt.Sprintf("pull request %s/%s", field(f, 5), field(f, 6))
	case strings.HasPrefix(s, "$JS.API.DIRECT.GET."):
		f := strings.Split(s, ".")
		return "direct get request " + field(f, 4)
	case strings.HasPrefix(s, "$JS.API."):
		// $JS.API.STREAM.MSG.GET.FURNITURE, $JS.API.STREAM.INFO.PAGES...
		f := strings.Split(s, ".")
		return "API " + strings.Join(f[2:min(len(f), 6)], ".")
	case strings.HasPrefix(s, "$KV."):
		f := strings.Split(s, ".")
		return "KV put " + field(f, 1)
	case strings.HasPrefix(s, "$JS.EVENT.") || strings.HasPrefix(s, "$SYS."):
		return "server event"
	}
	f := strings.Split(s, ".")
	return "publish " + strings.Join(f[:min(len(f), 2)], ".") + ".*"
}

func replyKind(m *nats.Msg) string {
	if st := m.Header.Get("Status"); st != "" {
		return "status " + st + " " + m.Header.Get("Description")
	}
	if stream := m.Header.Get("Nats-Stream"); stream != "" {
		return "direct get " + stream
	}
	d := m.Data
	switch {
	case bytes.HasPrefix(d, []byte(`{"stream":"`)):
		// A PubAck: {"stream":"PAGES","seq":1,...}
		rest := d[len(`{"stream":"`):]
		if i := bytes.IndexByte(rest, '"'); i > 0 {
			dup := ""
			if bytes.Contains(d, []byte(`"duplicate":true`)) {
				dup = " (duplicate)"
			}
			return "PubAck " + string(rest[:i]) + dup
		}
	case bytes.HasPrefix(d, []byte(`{"type":"io.nats.jetstream.api.v1.`)):
		rest := d[len(`{"type":"io.nats.jetstream.api.v1.`):]
		if i := bytes.IndexByte(rest, '"'); i > 0 {
			return "API " + string(rest[:i])
		}
	}
	return "other"
}

func field(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return "?"
}

// renderCounts writes the counts per page, most first.
func renderCounts(w io.Writer, counts map[string]int, pages int) {
	keys := make([]string, 0, len(counts))
	total := 0
	for k, v := range counts {
		keys = append(keys, k)
		total += v
	}
	slices.SortFunc(keys, func(a, b string) int {
		if counts[a] != counts[b] {
			return counts[b] - counts[a]
		}
		return strings.Compare(a, b)
	})
	fmt.Fprintf(w, "| message | count | per page |\n|---|---:|---:|\n")
	for _, k := range keys {
		fmt.Fprintf(w, "| %s | %d | %.2f |\n", k, counts[k], float64(counts[k])/float64(pages))
	}
	fmt.Fprintf(w, "| **total** | %d | %.2f |\n", total, float64(total)/float64(pages))
}

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
		return fmt.Sprintf("delivery %s/%s", field(f, 2), consumerName(field(f, 3)))
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
		return fmt.Sprintf("%s %s/%s", what, field(f, 2), consumerName(field(f, 3)))
	case strings.HasPrefix(s, "$JS.API.CONSUMER.MSG.NEXT."):
		f := strings.Split(s, ".")
		return fmt.Sprintf("pull request %s/%s", field(f, 5), consumerName(field(f, 6)))
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

// consumerName names an ordered consumer, whose name nats.go makes up
// (a NUID and a serial), by what it is.
func consumerName(name string) string {
	if i := strings.LastIndexByte(name, '_'); i >= 20 {
		return "(ordered)"
	}
	return name
}

func field(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return "?"
}

// renderCounts writes the counts per page, most first, with what each
// kind is; with base, the counts of a baseline's run beside them.
func renderCounts(w io.Writer, counts, base map[string]int, pages, basePages int) {
	all := map[string]bool{}
	total, baseTotal := 0, 0
	for k, v := range counts {
		all[k] = true
		total += v
	}
	for k, v := range base {
		all[k] = true
		baseTotal += v
	}
	keys := slices.Collect(maps.Keys(all))
	slices.SortFunc(keys, func(a, b string) int {
		if counts[a]+base[a] != counts[b]+base[b] {
			return counts[b] + base[b] - counts[a] - base[a]
		}
		return strings.Compare(a, b)
	})
	per := func(n, of int) string { return fmt.Sprintf("%.2f", float64(n)/float64(of)) }
	// Kinds under 0.005 a page (start-up, progress) go on one line.
	var rare []string
	keys = slices.DeleteFunc(keys, func(k string) bool {
		small := float64(counts[k])/float64(pages) < 0.005 && (base == nil || float64(base[k])/float64(basePages) < 0.005)
		if small {
			rare = append(rare, k)
		}
		return small
	})
	otherCount, otherBase := 0, 0
	for _, k := range rare {
		otherCount += counts[k]
		otherBase += base[k]
	}
	defer func() {
		if len(rare) > 0 {
			fmt.Fprintf(w, "\n%d more kinds of message, each under 0.005 a page: %s.\n", len(rare), strings.Join(rare, "; "))
		}
	}()
	if base != nil {
		fmt.Fprintf(w, "| message | what it is | per page, baseline | per page |\n|---|---|---:|---:|\n")
		for _, k := range keys {
			fmt.Fprintf(w, "| %s | %s | %s | %s |\n", k, msgWhat(k), per(base[k], basePages), per(counts[k], pages))
		}
		fmt.Fprintf(w, "| **total** | | %s | %s |\n", per(baseTotal, basePages), per(total, pages))
		return
	}
	fmt.Fprintf(w, "| message | what it is | count | per page |\n|---|---|---:|---:|\n")
	for _, k := range keys {
		fmt.Fprintf(w, "| %s | %s | %d | %s |\n", k, msgWhat(k), counts[k], per(counts[k], pages))
	}
	fmt.Fprintf(w, "| **total** | | %d | %s |\n", total, per(total, pages))
}

// msgWhat says who sends a kind of message in a backfill, and why.
func msgWhat(kind string) string {
	switch kind {
	case "publish news.raw.*":
		return "fetcher: a page"
	case "reply: PubAck PAGES":
		return "server to fetcher: the page is stored"
	case "delivery PAGES/classifier":
		return "server to classifier: the page"
	case "+ACK PAGES/classifier":
		return "classifier: the page is done"
	case "pull request PAGES/classifier":
		return "classifier: a pull for a batch of pages"
	case "KV put wiredesk_seen":
		return "fetcher: the URL's state, once its page is out (a backfill no longer writes it)"
	case "reply: PubAck KV_wiredesk_seen":
		return "server to fetcher: the state is stored"
	case "direct get request KV_wiredesk_seen":
		return "fetcher: the seen state of a batch of records (before: of one record)"
	case "reply: status 404 Message Not Found":
		return "server to fetcher: a record's URL was never seen (a Get a record)"
	case "reply: status 404 No Results":
		return "server to fetcher: none of a batch's URLs was seen"
	case "reply: direct get KV_wiredesk_seen":
		return "server to fetcher: a URL seen before"
	case "publish wiredesk.furniture.*":
		return "classifier: what its pages teach the shared memory of furniture, a batch of them (before: a page)"
	case "reply: PubAck FURNITURE":
		return "server to classifier: the batch is stored"
	case "delivery FURNITURE/(ordered)":
		return "server to each classifier: the log of observations"
	case "pull request FURNITURE/(ordered)":
		return "classifier: a pull of the log"
	case "API STREAM.MSG.GET.FURNITURE":
		return "classifier: its source's last observation (the second look), through the API"
	case "direct get request FURNITURE":
		return "classifier: its source's last observation (the second look), a direct get (now: rides on the next batch)"
	case "reply: direct get FURNITURE":
		return "server to classifier: that observation"
	case "reply: API stream_msg_get_response":
		return "server to classifier: a message got through the API"
	case "API STREAM.MSG.GET.PAGES":
		return "classifier: a page to clean again (a block it kept became furniture), through the API"
	case "direct get request PAGES":
		return "classifier: a page to clean again (a block it kept became furniture), a direct get"
	case "reply: direct get PAGES":
		return "server to classifier: that page"
	case "publish news.clean.*":
		return "classifier: the article, relevant or not (cleaned again: a second one)"
	case "reply: PubAck ARTICLES":
		return "server to classifier: the article is stored"
	case "delivery ARTICLES/sink":
		return "server to sink: the article"
	case "+ACK ARTICLES/sink":
		return "sink: the article is committed (or skipped)"
	case "pull request ARTICLES/sink":
		return "sink: a pull for a batch of articles"
	case "KV put wiredesk_backfill", "reply: PubAck KV_wiredesk_backfill":
		return "fetcher: the file's progress, once a second"
	case "direct get request KV_wiredesk_backfill":
		return "fetcher: the file's saved progress, at its start"
	case "server event":
		return "server advisories"
	case "API STREAM.INFO.FURNITURE":
		return "classifier: the log's last sequence, for second looks waiting when no batch is pending (and the benchmark)"
	}
	switch {
	case strings.HasPrefix(kind, "API STREAM.INFO") || strings.HasPrefix(kind, "API CONSUMER.INFO") ||
		kind == "reply: API stream_info_response" || kind == "reply: API consumer_info_response":
		return "the benchmark watching the streams"
	case strings.HasPrefix(kind, "API ") || strings.HasPrefix(kind, "reply: API "):
		return "start-up: streams, consumers, buckets"
	}
	return ""
}

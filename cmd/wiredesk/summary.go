package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiredesk/wiredesk/pkg/fetch"
)

// summary is what a run did, read back from its own metrics so that it
// counts exactly what the stages counted.
type summary struct {
	once    bool
	took    time.Duration
	fetch   fetch.Stats
	kept    map[string]int // by language
	dropped map[string]int // by reason
	deadLet int
	stored  map[string]int // inserted, updated, unchanged, skipped_irrelevant
	total   int
	store   string
	reader  string // the reader's listen address, "" when off
}

func summarize(g prometheus.Gatherer, st fetch.Stats, total int, once bool) summary {
	s := summary{once: once, fetch: st, total: total,
		kept: map[string]int{}, dropped: map[string]int{}, stored: map[string]int{}}
	mfs, err := g.Gather()
	if err != nil {
		return s
	}
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			v := int(m.GetCounter().GetValue())
			switch mf.GetName() {
			case "wiredesk_classifier_pages_total":
				verdict := labels["verdict"]
				switch {
				case verdict == "kept":
					s.kept[labels["lang"]] += v
				case strings.HasPrefix(verdict, "dropped_"):
					s.dropped[strings.TrimPrefix(verdict, "dropped_")] += v
				}
			case "wiredesk_sink_articles_total":
				s.stored[labels["outcome"]] += v
			case "wiredesk_bus_messages_total":
				if labels["outcome"] == "term" {
					s.deadLet += v
				}
			}
		}
	}
	return s
}

func (s summary) print(w io.Writer) {
	fmt.Fprintf(w, "\nwiredesk: run finished in %s\n", s.took.Round(100*time.Millisecond))
	if s.once {
		f := s.fetch
		fmt.Fprintf(w, "  pages fetched      %d (published %d, unchanged %d, not modified %d, skipped %d, errors %d)\n",
			f.Fetched, f.Published, f.Unchanged, f.NotModified, f.Skipped, f.Errors)
	}
	fmt.Fprintf(w, "  articles kept      %s\n", counts(s.kept))
	fmt.Fprintf(w, "  pages dropped      %s\n", counts(s.dropped))
	fmt.Fprintf(w, "  dead letters       %d\n", s.deadLet)
	fmt.Fprintf(w, "  articles stored    %d new, %d updated, %d unchanged, %d not relevant (not stored); %d in the store\n",
		s.stored["inserted"], s.stored["updated"], s.stored["unchanged"], s.stored["skipped_irrelevant"], s.total)
	// The sink counts messages, not pages: a page is cleaned again when a
	// block it kept turns out to be furniture, and its article comes
	// again. How often depends on the order pages arrive in, so these
	// counts vary from run to run while the store does not.
	fmt.Fprintf(w, "                     (counted per article sent: a page cleaned again, once a block it kept turns out to be furniture, sends its article again)\n")
	fmt.Fprintf(w, "\nwhere to look:\n")
	fmt.Fprintf(w, "  store              %s\n", s.store)
	// A -once run has stopped serving; a long run's summary comes at its
	// stop, when the same command serves them again.
	again := "run wiredesk again"
	if s.once {
		again = "run wiredesk without -once"
	}
	if s.reader != "" {
		fmt.Fprintf(w, "  read and search    %s, then open http://%s/\n", again, s.reader)
	}
	if path, ok := strings.CutPrefix(s.store, "sqlite:"); ok {
		fmt.Fprintf(w, "  list articles      sqlite3 %s 'SELECT lang, source, title FROM articles ORDER BY published_at DESC'\n", path)
	}
	fmt.Fprintf(w, "  tail the bus       %s, then: nats sub 'news.>'\n", again)
}

func counts(m map[string]int) string {
	if len(m) == 0 {
		return "none"
	}
	keys := make([]string, 0, len(m))
	total := 0
	for k, v := range m {
		keys = append(keys, k)
		total += v
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return fmt.Sprintf("%d (%s)", total, strings.Join(parts, ", "))
}

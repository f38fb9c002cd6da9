package pipeline_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiredesk/wiredesk/deploy/demo"
	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/fetch"
	"github.com/wiredesk/wiredesk/pkg/pipeline"
	"github.com/wiredesk/wiredesk/pkg/sink"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// The classifier's language models take seconds to load: one per binary.
var (
	clOnce sync.Once
	clErr  error
	clf    *classify.Classifier
)

func classifier(t testing.TB) *classify.Classifier {
	t.Helper()
	clOnce.Do(func() {
		clf, clErr = classify.New(classify.Config{Languages: []string{"tr", "ru"}}, slog.New(slog.DiscardHandler))
	})
	if clErr != nil {
		t.Fatal(clErr)
	}
	return clf
}

// harness is the pipeline wired as in production: a real NATS server, the
// demo site on a real HTTP server, the three stages on their own
// connections, and a real SQLite store.
type harness struct {
	t       testing.TB
	srv     *bus.Embedded
	conn    *bus.Conn // the test's own, and the fetcher's
	st      store.Store
	site    *httptest.Server
	sources []fetch.Source
	fetcher *fetch.Fetcher

	mu        sync.Mutex
	overrides map[string]string // path → HTML served instead of the demo file
}

func newHarness(t testing.TB) *harness {
	t.Helper()
	return newHarnessWith(t, bus.EmbeddedConfig{})
}

// newHarnessWith is newHarness with a server configured by cfg.
func newHarnessWith(t testing.TB, cfg bus.EmbeddedConfig) *harness {
	t.Helper()
	h := &harness{t: t, overrides: map[string]string{}}
	h.srv, h.conn = bustest.StartWith(t, cfg)
	h.site = httptest.NewServer(http.HandlerFunc(h.serveSite))
	t.Cleanup(h.site.Close)
	h.sources = demo.Sources(h.site.URL, time.Minute)
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "wiredesk.db"), bustest.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	h.st = st
	seen, err := bus.SeenBucket(ctx, h.conn.JS, bus.DefaultStreams())
	if err != nil {
		t.Fatal(err)
	}
	h.fetcher = fetch.New(fetch.Config{Timeout: 10 * time.Second, AllowPrivate: true}, h.conn, seen, bustest.Logger(t), nil)
	return h
}

func (h *harness) serveSite(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	body, ok := h.overrides[r.URL.Path]
	h.mu.Unlock()
	if ok {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(body))
		return
	}
	demo.Handler().ServeHTTP(w, r)
}

// stage runs fn in the background until the returned stop is called.
func (h *harness) stage(name string, fn func(ctx context.Context, conn *bus.Conn) error) (stop func()) {
	h.t.Helper()
	conn := bustest.Connect(h.t, h.srv.ClientURL())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- fn(ctx, conn) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					h.t.Errorf("%s: %v", name, err)
				}
			case <-time.After(30 * time.Second):
				h.t.Errorf("%s did not stop", name)
			}
		})
	}
	h.t.Cleanup(stop)
	return stop
}

func (h *harness) startClassifier() func() {
	cl := classifier(h.t)
	return h.stage("classifier", func(ctx context.Context, conn *bus.Conn) error {
		return pipeline.RunClassifier(ctx, conn, cl, 2, bustest.Logger(h.t), prometheus.NewRegistry())
	})
}

func (h *harness) startSink() func() {
	return h.stage("sink", func(ctx context.Context, conn *bus.Conn) error {
		return pipeline.RunSink(ctx, conn, h.st, pipeline.SinkOptions{
			Sink:    sink.Config{BatchSize: 16, BatchWait: 20 * time.Millisecond},
			Workers: 32,
		}, bustest.Logger(h.t), prometheus.NewRegistry())
	})
}

func (h *harness) poll() fetch.Stats {
	h.t.Helper()
	st, err := h.fetcher.PollAll(context.Background(), h.sources)
	if err != nil {
		h.t.Fatalf("poll: %v", err)
	}
	return st
}

func (h *harness) waitDrained() {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	err := pipeline.WaitDrained(ctx, h.conn.JS, map[string]string{
		pipeline.DurableClassifier: bus.StreamPages,
		pipeline.DurableSink:       bus.StreamArticles,
	})
	if err != nil {
		h.t.Fatal(err)
	}
}

// stored returns the canonical URLs in the store, sorted.
func (h *harness) stored() []string {
	h.t.Helper()
	recs, err := h.st.List(context.Background(), store.Query{Limit: 10000})
	if err != nil {
		h.t.Fatal(err)
	}
	var urls []string
	for _, r := range recs {
		urls = append(urls, r.Article.URL)
	}
	sort.Strings(urls)
	return urls
}

type expectedPage struct {
	Path         string `json:"path"`
	CanonicalURL string `json:"canonical_url"`
	Lang         string `json:"lang"`
	Diplomatic   bool   `json:"diplomatic"`
}

// expected returns the demo pages the pipeline must store: diplomatic
// articles in Turkish or Russian.
func expected(t testing.TB) []expectedPage {
	t.Helper()
	data, err := demo.Expected()
	if err != nil {
		t.Fatal(err)
	}
	var all, keep []expectedPage
	if err := json.Unmarshal(data, &all); err != nil {
		t.Fatal(err)
	}
	for _, p := range all {
		if p.Diplomatic && (p.Lang == "tr" || p.Lang == "ru") {
			keep = append(keep, p)
		}
	}
	sort.Slice(keep, func(i, j int) bool { return keep[i].CanonicalURL < keep[j].CanonicalURL })
	return keep
}

func expectedURLs(t testing.TB) []string {
	var urls []string
	for _, p := range expected(t) {
		urls = append(urls, p.CanonicalURL)
	}
	return urls
}

func diff(t testing.TB, got, want []string) {
	t.Helper()
	g, w := map[string]bool{}, map[string]bool{}
	for _, u := range got {
		g[u] = true
	}
	for _, u := range want {
		w[u] = true
	}
	for _, u := range want {
		if !g[u] {
			t.Errorf("missing from the store: %s", u)
		}
	}
	for _, u := range got {
		if !w[u] {
			t.Errorf("stored but not expected: %s", u)
		}
	}
	if len(got) != len(g) {
		t.Errorf("the store holds duplicates: %d rows, %d URLs", len(got), len(g))
	}
}

func TestEndToEnd(t *testing.T) {
	h := newHarness(t)
	h.startClassifier()
	h.startSink()

	first := h.poll()
	if first.Published == 0 {
		t.Fatalf("first poll published nothing: %+v", first)
	}
	h.waitDrained()
	diff(t, h.stored(), expectedURLs(t))

	t.Run("articles carry their id and verdict in headers", func(t *testing.T) {
		ctx := context.Background()
		st, err := h.conn.JS.Stream(ctx, bus.StreamArticles)
		if err != nil {
			t.Fatal(err)
		}
		info, err := st.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		verdicts := map[string]int{}
		for seq := info.State.FirstSeq; info.State.Msgs > 0 && seq <= info.State.LastSeq; seq++ {
			m, err := st.GetMsg(ctx, seq)
			if err != nil {
				t.Fatal(err)
			}
			a, err := article.DecodeArticle(m.Data)
			if err != nil {
				t.Fatal(err)
			}
			rel := strconv.FormatBool(a.Relevance.Relevant)
			if m.Header.Get(bus.HeaderArticleID) != a.ID || m.Header.Get(bus.HeaderRelevant) != rel {
				t.Errorf("article %s (relevant %s): headers %v", a.ID, rel, m.Header)
			}
			verdicts[rel]++
		}
		if verdicts["true"] == 0 || verdicts["false"] == 0 {
			t.Errorf("verdicts %v: want relevant and irrelevant articles both", verdicts)
		}
	})

	t.Run("second fetch stores no duplicate", func(t *testing.T) {
		again := h.poll()
		if again.Published != 0 {
			t.Errorf("second poll published %d pages, want 0: %+v", again.Published, again)
		}
		h.waitDrained()
		diff(t, h.stored(), expectedURLs(t))
	})

	t.Run("changed page updates the article", func(t *testing.T) {
		page := expected(t)[0]
		orig, err := readDemo(page.Path)
		if err != nil {
			t.Fatal(err)
		}
		changed := strings.Replace(orig, "</p>", " Görüşmelerin önümüzdeki hafta da süreceği bildirildi.</p>", 1)
		if page.Lang == "ru" {
			changed = strings.Replace(orig, "</p>", " Переговоры продолжатся на следующей неделе.</p>", 1)
		}
		// The page may have a revision already: cleaned again once the
		// memory learned a block it had kept.
		revBefore := h.records()[article.IDFor(page.CanonicalURL)].Revision
		h.mu.Lock()
		h.overrides[page.Path] = changed
		h.mu.Unlock()
		st := h.poll()
		if st.Published != 1 {
			t.Errorf("poll after a change published %d pages, want 1: %+v", st.Published, st)
		}
		h.waitDrained()
		diff(t, h.stored(), expectedURLs(t))
		recs, err := h.st.List(context.Background(), store.Query{Limit: 10000})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			if r.Article.URL != page.CanonicalURL {
				continue
			}
			if r.Revision != revBefore+1 {
				t.Errorf("revision = %d, want %d", r.Revision, revBefore+1)
			}
			if !strings.Contains(r.Article.Body, "önümüzdeki hafta") && !strings.Contains(r.Article.Body, "следующей неделе") {
				t.Errorf("stored body is not the changed one:\n%s", r.Article.Body)
			}
		}
	})
}

func readDemo(path string) (string, error) {
	b, err := fs.ReadFile(demo.Site(), strings.TrimPrefix(path, "/"))
	return string(b), err
}

// Poison messages go to the DLQ with their error, and the pipeline goes on.
func TestPoisonMessages(t *testing.T) {
	h := newHarness(t)
	h.startClassifier()
	h.startSink()
	ctx := context.Background()
	poison := []struct {
		subject, data, dlq, errPart string
	}{
		{"news.raw.haberajans", `{"schema": "page/v1", "id": `, "news.dlq.classifier", "bad JSON"},
		{"news.raw.vestnik", `{"schema": "page/v7"}`, "news.dlq.classifier", `unknown schema "page/v7"`},
		{"news.raw.vestnik", "{\"schema\": \"page/v1\", \"title\": \"\xff\xfe\"}", "news.dlq.classifier", "UTF-8"},
		{"news.clean.tr.gundem", `{"schema": "article/v1", "id": "nothex"}`, "news.dlq.sink", "id:"},
	}
	for i, p := range poison {
		if err := h.conn.Publish(ctx, p.subject, "poison-"+string(rune('a'+i)), []byte(p.data)); err != nil {
			t.Fatal(err)
		}
	}
	h.poll()
	h.waitDrained()
	diff(t, h.stored(), expectedURLs(t))

	dlq := dlqMessages(t, h.conn)
	for _, p := range poison {
		t.Run(p.subject, func(t *testing.T) {
			for _, m := range dlq {
				if string(m.Data) == p.data {
					if m.Subject != p.dlq {
						t.Errorf("dead-lettered on %s, want %s", m.Subject, p.dlq)
					}
					if e := m.Header.Get(bus.HeaderError); !strings.Contains(e, p.errPart) {
						t.Errorf("error header %q does not contain %q", e, p.errPart)
					}
					return
				}
			}
			t.Errorf("not in the DLQ")
		})
	}
}

func dlqMessages(t testing.TB, c *bus.Conn) []*nats.Msg {
	t.Helper()
	ctx := context.Background()
	s, err := c.JS.Stream(ctx, bus.StreamDLQ)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []*nats.Msg
	for seq := info.State.FirstSeq; info.State.Msgs > 0 && seq <= info.State.LastSeq; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if err != nil {
			continue
		}
		out = append(out, &nats.Msg{Subject: m.Subject, Data: m.Data, Header: m.Header})
	}
	return out
}

// A stage stopped and restarted mid-stream loses nothing and duplicates
// nothing.
func TestStageRestartMidStream(t *testing.T) {
	h := newHarness(t)
	stopSink := h.startSink()
	stopCls := h.startClassifier()
	polled := make(chan fetch.Stats, 1)
	go func() {
		st, _ := h.fetcher.PollAll(context.Background(), h.sources)
		polled <- st
	}()
	articles := func() uint64 {
		n, err := pipeline.SubjectCounts(context.Background(), h.conn.JS, bus.StreamArticles, "news.clean.>")
		if err != nil {
			return 0
		}
		var total uint64
		for _, v := range n {
			total += v
		}
		return total
	}
	deadline := time.Now().Add(60 * time.Second)
	for articles() < 3 {
		if time.Now().After(deadline) {
			t.Fatal("no articles flowed")
		}
		time.Sleep(5 * time.Millisecond)
	}
	stopCls()
	stopSink()
	h.startSink()
	h.startClassifier()
	<-polled
	h.waitDrained()
	diff(t, h.stored(), expectedURLs(t))
}

package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/fetch"
	"github.com/wiredesk/wiredesk/pkg/pipeline"
	"github.com/wiredesk/wiredesk/pkg/sitegen"
)

// generatedPages builds the pages of a generated site as the fetcher
// would, each story also republished under a second URL.
func generatedPages(t testing.TB, pages int) []*article.Page {
	t.Helper()
	const base = "http://wire.test"
	site := sitegen.New(sitegen.Config{Pages: pages, Seed: 20261204, Sources: 2})
	sources := map[string]*fetch.Source{}
	for _, s := range site.Sources(base) {
		sources[s.ID] = &s
	}
	fetched := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	var out []*article.Page
	for i := range site.Pages() {
		path := site.Path(i)
		rec := httptest.NewRecorder()
		site.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, base+path, nil))
		u, _ := url.Parse(base + path)
		src := sources[strings.Split(path, "/")[1]]
		p, err := fetch.BuildPage(bytes.NewReader(rec.Body.Bytes()), u, src,
			article.HTTP{Status: 200, ContentType: "text/html; charset=utf-8"}, fetched.Add(time.Duration(i)*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		again := *p
		again.URL = strings.Replace(p.URL, ".html", "-again.html", 1)
		again.CanonicalURL, again.ID = again.URL, article.IDFor(again.URL)
		out = append(out, p, &again)
	}
	return out
}

// storedText is what a run stored: content hash and body by article id.
type storedText map[string]string

// runPages publishes pages in the given order to a new pipeline and
// returns what it stored. With replicas > 1 the classifiers run side by
// side, and the first is stopped halfway and replaced by a new one, which
// must start from the shared memory.
func runPages(t *testing.T, pages []*article.Page, order []int, replicas int) storedText {
	t.Helper()
	h := newHarness(t)
	h.startSink()
	ctx := context.Background()
	for _, i := range order {
		p := pages[i]
		data, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := h.conn.Publish(ctx, bus.SubjectRaw(p.Source), article.MsgID(p.ID, p.ContentHash), data); err != nil {
			t.Fatal(err)
		}
	}
	start := func(n int) func() {
		cl, err := classify.New(classify.Config{}, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		return h.stage(fmt.Sprint("classifier ", n), func(ctx context.Context, conn *bus.Conn) error {
			return pipeline.RunClassifier(ctx, conn, cl, 2, bustest.Logger(t), prometheus.NewRegistry())
		})
	}
	first := start(1)
	for r := 2; r <= replicas; r++ {
		start(r)
	}
	if replicas > 1 {
		deadline := time.Now().Add(60 * time.Second)
		for h.articleMessages() < uint64(len(pages)/4) {
			if time.Now().After(deadline) {
				t.Fatal("no articles flowed")
			}
			time.Sleep(5 * time.Millisecond)
		}
		first()
		start(replicas + 1)
	}
	h.waitDrained()
	out := storedText{}
	for id, r := range h.records() {
		out[id] = r.Article.ContentHash + "\n" + r.Article.Body
	}
	return out
}

// TestSharedMemoryOrder: the same pages, in two random orders, through one
// classifier, and through two replicas one of which is replaced midway,
// store the same articles, text included; and every story republished
// under a second URL is stored under both.
func TestSharedMemoryOrder(t *testing.T) {
	pages := generatedPages(t, 60)
	r := rand.New(rand.NewPCG(7, 11))
	one, two := r.Perm(len(pages)), r.Perm(len(pages))
	want := runPages(t, pages, one, 1)
	if len(want) == 0 {
		t.Fatal("nothing stored")
	}
	for i := 0; i < len(pages); i += 2 {
		orig, again := pages[i].ID, pages[i+1].ID
		_, a := want[orig]
		_, b := want[again]
		if a != b {
			t.Errorf("%s stored %v, its copy under a second URL %v", pages[i].URL, a, b)
		}
		if a && body(want[orig]) != body(want[again]) {
			t.Errorf("%s and its copy stored different text", pages[i].URL)
		}
	}
	got := runPages(t, pages, two, 2)
	for id, w := range want {
		if g, ok := got[id]; !ok {
			t.Errorf("%s: stored in order one, not in order two", id)
		} else if g != w {
			t.Errorf("%s: stored text differs:\norder one: %s\norder two: %s", id, w, g)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("%s: stored in order two, not in order one", id)
		}
	}
	t.Logf("%d of %d pages stored alike in both orders", len(want), len(pages))
}

func body(s string) string {
	_, b, _ := strings.Cut(s, "\n")
	return b
}

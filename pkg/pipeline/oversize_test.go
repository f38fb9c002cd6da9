package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/fetch"
	"github.com/wiredesk/wiredesk/pkg/pipeline"
)

// A page with 100,000 blocks is valid page/v1, but no article: it gets the
// drop reason oversize at once, instead of holding a worker for long and
// producing an article too big to publish.
func TestOversizePage(t *testing.T) {
	h := newHarness(t)
	h.startClassifier()
	h.startSink()
	url := "https://vestnik.example/vestnik/politika/huge.html"
	p := &article.Page{Schema: article.SchemaPage, ID: article.IDFor(url), URL: url, CanonicalURL: url,
		Source: "vestnik", FetchedAt: time.Now().UTC(), HTTP: article.HTTP{Status: 200}}
	for i := range 100000 {
		p.Blocks = append(p.Blocks, article.Block{I: i, Text: fmt.Sprintf("Блок %d.", i), Tag: "p", Zone: article.ZoneBody})
	}
	p.ContentHash = article.HashBlocks(p.Blocks)
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := h.conn.Publish(ctx, bus.SubjectRaw("vestnik"), "huge", data); err != nil {
		t.Fatal(err)
	}
	h.waitDrained()
	s, err := h.conn.JS.Stream(ctx, bus.StreamDropped)
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.GetLastMsgForSubject(ctx, bus.SubjectDropped(article.DropOversize))
	if err != nil {
		t.Fatalf("no drop record on %s: %v", bus.SubjectDropped(article.DropOversize), err)
	}
	var d article.Drop
	if err := json.Unmarshal(m.Data, &d); err != nil {
		t.Fatal(err)
	}
	if d.ID != p.ID || d.Detail == "" {
		t.Errorf("drop record = %+v", d)
	}
}

// Pages larger than NATS's default max payload (1 MiB) reach the store
// through a server that keeps it: one with a huge sidebar loses the
// sidebar's end, one with a huge body its last paragraphs, recorded in
// dropped; the metrics count both.
func TestLargePagesDefaultPayload(t *testing.T) {
	h := newHarnessWith(t, bus.EmbeddedConfig{MaxPayload: 1 << 20})
	var tr []expectedPage
	for _, p := range expected(t) {
		if p.Lang == "tr" {
			tr = append(tr, p)
		}
	}
	sidebar, long := tr[0], tr[1]
	word := func(n int) string { // a word of its own for each n
		var b []byte
		for n++; n > 0; n /= 26 {
			b = append(b, byte('a'+n%26))
		}
		return string(b)
	}
	var aside strings.Builder
	aside.WriteString(`<aside class="sidebar"><h3>Öne çıkanlar</h3><ul>`)
	for i := range 6000 {
		fmt.Fprintf(&aside, `<li><a href="/gundem/oku/%d.html">%s: bölgedeki gelişmelere ilişkin ayrıntılar, uzman görüşleri, tarafların açıklamaları ve haftanın değerlendirmesi bu dosyada</a></li>`, i, word(i))
	}
	aside.WriteString("</ul></aside></body>")
	orig, err := readDemo(sidebar.Path)
	if err != nil {
		t.Fatal(err)
	}
	h.overrides[sidebar.Path] = strings.Replace(orig, "</body>", aside.String(), 1)
	if orig, err = readDemo(long.Path); err != nil {
		t.Fatal(err)
	}
	var paras strings.Builder
	for i := range 2500 {
		fmt.Fprintf(&paras, "<p>Dışişleri Bakanı, %s görüşmesinde bölgesel barış, ateşkes ve insani yardım konularının ele alındığını söyledi. Bakan, diplomatik temasların önümüzdeki haftalarda da süreceğini, tarafların müzakere masasına dönmesinin önemli olduğunu vurguladı. Görüşmede iki ülke arasındaki ikili ilişkiler, ticaret ve enerji alanındaki işbirliği de değerlendirildi; heyetler ortak çalışma grubunun yeniden toplanması konusunda mutabık kaldı.</p>\n", word(i))
	}
	h.overrides[long.Path] = strings.Replace(orig, "</p>", "</p>\n"+paras.String(), 1)
	for _, path := range []string{sidebar.Path, long.Path} {
		if n := len(h.overrides[path]); n < 1<<20 {
			t.Fatalf("%s: %d bytes, want more than 1 MiB", path, n)
		}
	}

	reg := prometheus.NewRegistry()
	seen, err := bus.SeenBucket(context.Background(), h.conn.JS, bus.DefaultStreams())
	if err != nil {
		t.Fatal(err)
	}
	f := fetch.New(fetch.Config{Timeout: 10 * time.Second, AllowPrivate: true}, h.conn, seen, bustest.Logger(t), fetch.NewMetrics(reg))
	h.startSink()
	h.stage("classifier", func(ctx context.Context, conn *bus.Conn) error {
		return pipeline.RunClassifier(ctx, conn, classifier(t), 2, bustest.Logger(t), reg)
	})
	if _, err := f.PollAll(context.Background(), h.sources); err != nil {
		t.Fatal(err)
	}
	h.waitDrained()
	diff(t, h.stored(), expectedURLs(t))
	recs := h.records()
	if a := recs[article.IDFor(sidebar.CanonicalURL)].Article; len(a.Paragraphs) == 0 || cut(a) != "" {
		t.Errorf("the page with a huge sidebar: %d paragraphs, cut %q", len(a.Paragraphs), cut(a))
	}
	if a := recs[article.IDFor(long.CanonicalURL)].Article; len(a.Paragraphs) < 100 || cut(a) == "" {
		t.Errorf("the page with a huge body: %d paragraphs, cut %q; want hundreds and a record of the cut", len(a.Paragraphs), cut(a))
	} else {
		t.Logf("huge body: %d paragraphs stored; %s", len(a.Paragraphs), cut(a))
	}
	if n := counter(t, reg, "wiredesk_fetcher_capped_total", "cap", "page_payload"); n != 2 {
		t.Errorf("fetcher capped page_payload = %v, want 2", n)
	}
	if n := counter(t, reg, "wiredesk_classifier_oversize_total", "action", "paragraphs_cut"); n != 1 {
		t.Errorf("classifier oversize paragraphs_cut = %v, want 1", n)
	}
}

// cut is the text of an article's oversize record, "" when none.
func cut(a article.Article) string {
	for _, d := range a.Dropped {
		if d.Reason == article.ReasonOversize {
			return d.Text
		}
	}
	return ""
}

// counter sums the counter name over the series whose label is value.
func counter(t testing.TB, reg *prometheus.Registry, name, label, value string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == label && l.GetValue() == value {
					sum += m.GetCounter().GetValue()
				}
			}
		}
	}
	return sum
}

package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
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

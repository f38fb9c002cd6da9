package extract

import (
	"bytes"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/wiredesk/wiredesk/internal/cputime"
	"github.com/wiredesk/wiredesk/internal/zyte"
)

// zyteFloor is the F1 the article text must keep on the Zyte benchmark's
// 181 real pages, with the benchmark's own metric. The pages are markup
// nobody here wrote; the figure moves with every zone rule, so a change
// that loses articles on pages like these fails here, not in production.
// make eval-zyte prints the current figure beside go-trafilatura's.
const zyteFloor = 0.965

func TestZyteBenchmark(t *testing.T) {
	pages, err := zyte.Load(filepath.Join("..", "..", "bench", "zyte"))
	if err != nil {
		t.Fatal(err)
	}
	cs := make([]zyte.Counts, len(pages))
	lost := 0
	for i, p := range pages {
		u, err := url.Parse(p.URL)
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		res, err := Extract(bytes.NewReader(p.HTML), u, nil)
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		cs[i] = zyte.Match(p.Truth, res.ArticleText())
		if cs[i].Recall() < 0.1 {
			lost++
			t.Logf("article lost (recall %.2f): %s", cs[i].Recall(), p.URL)
		}
	}
	m := zyte.Score(cs)
	t.Logf("Zyte benchmark, %d pages: F1 %.3f, precision %.3f, recall %.3f, %d articles lost", len(pages), m.F1, m.Precision, m.Recall, lost)
	if m.F1 < zyteFloor {
		t.Errorf("F1 %.3f under the floor %.3f", m.F1, zyteFloor)
	}
}

// BenchmarkZyte extracts the 181 Zyte pages; one op is one page, taken in
// turn. Run single-threaded, as the speed bar is stated: -cpu 1.
func BenchmarkZyte(b *testing.B) {
	pages, err := zyte.Load(filepath.Join("..", "..", "bench", "zyte"))
	if err != nil {
		b.Fatal(err)
	}
	urls := make([]*url.URL, len(pages))
	size := 0
	for i, p := range pages {
		if urls[i], err = url.Parse(p.URL); err != nil {
			b.Fatal(err)
		}
		size += len(p.HTML)
	}
	b.SetBytes(int64(size / len(pages)))
	b.ReportAllocs()
	before, n := cputime.Process(b), 0
	for i := 0; b.Loop(); i++ {
		k := i % len(pages)
		if _, err := Extract(bytes.NewReader(pages[k].HTML), urls[k], nil); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64((cputime.Process(b)-before).Microseconds())/float64(n), "cpu-µs/op")
}

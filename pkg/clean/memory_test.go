package clean_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/clean"
)

func TestSourceMemory(t *testing.T) {
	type seen struct {
		source, page, text string
		want               bool
	}
	long := strings.Repeat("uzun bir paragraf ", 30)
	for _, tc := range []struct {
		name  string
		cfg   clean.MemoryConfig
		steps []seen
	}{
		{
			name: "third distinct page",
			steps: []seen{
				{"a", "p1", "Abone olun", false},
				{"a", "p2", "Abone olun", false},
				{"a", "p3", "Abone olun", true},
				{"a", "p4", "Abone olun", true},
				{"a", "p1", "Abone olun", true},
			},
		},
		{
			name: "the same page again counts once",
			steps: []seen{
				{"a", "p1", "Abone olun", false},
				{"a", "p1", "Abone olun", false},
				{"a", "p1", "Abone olun", false},
				{"a", "p2", "Abone olun", false},
			},
		},
		{
			name: "per source",
			steps: []seen{
				{"a", "p1", "Abone olun", false},
				{"b", "p2", "Abone olun", false},
				{"c", "p3", "Abone olun", false},
			},
		},
		{
			name: "spacing, case, punctuation and digits do not matter",
			steps: []seen{
				{"a", "p1", "12 yorum  — Abone olun!", false},
				{"a", "p2", "13 YORUM abone olun", false},
				{"a", "p3", "yorum: Abone olun.", true},
			},
		},
		{
			name: "long blocks are never furniture",
			steps: []seen{
				{"a", "p1", long, false},
				{"a", "p2", long, false},
				{"a", "p3", long, false},
			},
		},
		{
			name: "no page, no letters",
			steps: []seen{
				{"a", "", "Abone olun", false},
				{"a", "", "Abone olun", false},
				{"a", "", "Abone olun", false},
				{"a", "p1", "12.01.2020", false},
				{"a", "p2", "12.01.2020", false},
				{"a", "p3", "12.01.2020", false},
			},
		},
		{
			name: "min pages two",
			cfg:  clean.MemoryConfig{MinPages: 2},
			steps: []seen{
				{"a", "p1", "Abone olun", false},
				{"a", "p2", "Abone olun", true},
			},
		},
		{
			name: "least recently seen block forgotten",
			cfg:  clean.MemoryConfig{MaxBlocks: 2},
			steps: []seen{
				{"a", "p1", "menü", false},
				{"a", "p1", "bir", false},
				{"a", "p1", "iki", false}, // evicts menü
				{"a", "p2", "menü", false},
				{"a", "p3", "menü", false}, // seen on p2 and p3 only
				{"a", "p4", "menü", true},
			},
		},
		{
			name: "least recently used source forgotten",
			cfg:  clean.MemoryConfig{MaxSources: 1},
			steps: []seen{
				{"a", "p1", "menü", false},
				{"a", "p2", "menü", false},
				{"b", "p1", "menü", false}, // evicts a
				{"a", "p3", "menü", false},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := clean.NewSourceMemory(tc.cfg)
			for n, s := range tc.steps {
				if got := m.Recurring(s.source, s.page, s.text); got != s.want {
					t.Errorf("step %d %+v: got %v", n, s, got)
				}
			}
		})
	}
}

func TestSourceMemoryBounded(t *testing.T) {
	m := clean.NewSourceMemory(clean.MemoryConfig{MaxBlocks: 100, MaxSources: 3})
	for s := range 10 {
		for b := range 1000 {
			m.Recurring(fmt.Sprint("source", s), "p", fmt.Sprint("blok ", strings.Repeat("x", b%50+1)))
			m.Recurring(fmt.Sprint("source", s), "p", fmt.Sprintf("blok %c%c", 'a'+rune(b%26), 'a'+rune(b/26%26)))
		}
	}
	st := m.Stats()
	if st.Sources != 3 || st.Blocks != 300 || st.Bytes <= 0 {
		t.Errorf("stats %+v, want 3 sources and 300 blocks", st)
	}
}

// TestSourceMemoryConcurrent is for the race detector: one memory shared
// by many cleaners, as the classifier's workers share it.
func TestSourceMemoryConcurrent(t *testing.T) {
	// Five sources in turn: with fewer than five slots each would be
	// evicted before its next page, so the bound is above.
	m := clean.NewSourceMemory(clean.MemoryConfig{MaxBlocks: 64, MaxSources: 6})
	var wg sync.WaitGroup
	hits := make([]int, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range 500 {
				src := fmt.Sprint("s", i%5)
				if m.Recurring(src, fmt.Sprint("p", g, i), "Bültenimize abone olun") {
					hits[g]++
				}
				m.Recurring(src, "p", fmt.Sprint("tek seferlik blok ", g, i))
			}
		})
	}
	wg.Wait()
	total := 0
	for _, h := range hits {
		total += h
	}
	if total == 0 {
		t.Error("a block on thousands of pages never counted as recurring")
	}
	if st := m.Stats(); st.Sources > 6 || st.Blocks > 6*64 {
		t.Errorf("stats %+v exceed the bounds", st)
	}
}

package clean_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// mpage is a test page: a story (its long text) and short blocks.
type mpage struct {
	source, id, story string
	short             []string
}

func (p mpage) blocks() []article.Block {
	bs := []article.Block{{Text: p.story, Zone: article.ZoneBody}}
	for _, s := range p.short {
		bs = append(bs, article.Block{Text: s, Zone: article.ZoneBody})
	}
	return bs
}

// story returns a paragraph long enough to name its story.
func story(n int) string {
	return fmt.Sprintf("Bakan bugün yaptığı açıklamada görüşmelerin %s sürdüğünü söyledi.", strings.Repeat("uzun ", n%7+1)+[]string{"Ankara", "Bursa", "Konya", "Samsun", "Trabzon", "Edirne", "Mardin"}[n%7])
}

func observe(m *clean.SourceMemory, p mpage) clean.Observation {
	o := m.Observation(p.source, p.id, 0, p.blocks())
	m.Observe(o, 0)
	return o
}

func TestSourceMemory(t *testing.T) {
	type step struct {
		mpage
		ask  string
		want bool // whether ask is furniture after the page is observed
	}
	const promo = "Abone olun"
	long := strings.Repeat("uzun bir paragraf ", 30)
	for _, tc := range []struct {
		name  string
		cfg   clean.MemoryConfig
		steps []step
	}{
		{
			name: "third distinct story",
			steps: []step{
				{mpage{"a", "p1", story(1), []string{promo}}, promo, false},
				{mpage{"a", "p2", story(2), []string{promo}}, promo, false},
				{mpage{"a", "p3", story(3), []string{promo}}, promo, true},
				{mpage{"a", "p4", story(4), nil}, promo, true},
			},
		},
		{
			name: "one story under new URLs counts once",
			steps: []step{
				{mpage{"a", "p1", story(1), []string{promo}}, promo, false},
				{mpage{"a", "p2", story(1), []string{promo}}, promo, false},
				{mpage{"a", "p3", story(1), []string{promo}}, promo, false},
				{mpage{"a", "p4", story(1), []string{promo}}, story(1), false},
			},
		},
		{
			name: "the same page again counts once",
			steps: []step{
				{mpage{"a", "p1", story(1), []string{promo}}, promo, false},
				{mpage{"a", "p1", story(1), []string{promo}}, promo, false},
				{mpage{"a", "p1", story(2), []string{promo}}, promo, false},
			},
		},
		{
			name: "per source",
			steps: []step{
				{mpage{"a", "p1", story(1), []string{promo}}, promo, false},
				{mpage{"b", "p2", story(2), []string{promo}}, promo, false},
				{mpage{"c", "p3", story(3), []string{promo}}, promo, false},
			},
		},
		{
			name: "spacing, case, punctuation and digits do not matter",
			steps: []step{
				{mpage{"a", "p1", story(1), []string{"12 yorum  — Abone olun!"}}, "", false},
				{mpage{"a", "p2", story(2), []string{"13 YORUM abone olun"}}, "", false},
				{mpage{"a", "p3", story(3), []string{"yorum: Abone olun."}}, "1 yorum, abone olun", true},
			},
		},
		{
			name: "long blocks are never furniture",
			steps: []step{
				{mpage{"a", "p1", story(1), []string{long}}, long, false},
				{mpage{"a", "p2", story(2), []string{long}}, long, false},
				{mpage{"a", "p3", story(3), []string{long}}, long, false},
			},
		},
		{
			name: "a story's own paragraph beside its copies and one other story",
			steps: []step{
				{mpage{"a", "p1", story(1), []string{"Kısa ama anlamlı bir cümle daha var burada."}}, "", false},
				{mpage{"a", "p2", story(1), []string{"Kısa ama anlamlı bir cümle daha var burada."}}, "", false},
				{mpage{"a", "p3", story(2), []string{"Kısa ama anlamlı bir cümle daha var burada."}}, "Kısa ama anlamlı bir cümle daha var burada.", false},
			},
		},
		{
			name: "min pages two",
			cfg:  clean.MemoryConfig{MinPages: 2},
			steps: []step{
				{mpage{"a", "p1", story(1), []string{promo}}, promo, false},
				{mpage{"a", "p2", story(2), []string{promo}}, promo, true},
			},
		},
		{
			name: "least recently seen block forgotten",
			cfg:  clean.MemoryConfig{MaxBlocks: 3},
			steps: []step{
				{mpage{"a", "p1", story(1), []string{"menü"}}, "", false},
				{mpage{"a", "p2", story(2), []string{"bir", "iki"}}, "", false}, // evicts menü
				{mpage{"a", "p3", story(3), []string{"menü"}}, "menü", false},
				{mpage{"a", "p4", story(4), []string{"menü"}}, "menü", false},
				{mpage{"a", "p5", story(5), []string{"menü"}}, "menü", true},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := clean.NewSourceMemory(tc.cfg)
			for n, s := range tc.steps {
				observe(m, s.mpage)
				if s.ask == "" {
					continue
				}
				if got := m.Recurring(s.source, s.id, s.ask); got != s.want {
					t.Errorf("step %d: %q furniture: %v, want %v", n, s.ask, got, s.want)
				}
			}
		})
	}
}

// The pages that kept a block before it was known to be furniture are
// the ones to clean again, told to whoever handles the page that taught
// it, each time that page is handled.
func TestSourceMemoryLearned(t *testing.T) {
	m := clean.NewSourceMemory(clean.MemoryConfig{})
	const promo = "Bültenimize abone olun"
	var obs []clean.Observation
	for i, id := range []string{"00000000000000a1", "00000000000000a2", "00000000000000a3", "00000000000000a4"} {
		st := story(i)
		if i == 1 {
			st = story(0) // a copy of the first story: kept the promo too, not a new story
		}
		o := m.Observation("a", id, uint64(10+i), mpage{"a", id, st, []string{promo, "Menü"}}.blocks())
		m.Observe(o, 0)
		obs = append(obs, o)
	}
	// Stories 0, 0, 2, 3: the promo and the menu became furniture on the fourth page.
	want := []clean.PageRef{{ID: "00000000000000a1", Seq: 10}, {ID: "00000000000000a2", Seq: 11}, {ID: "00000000000000a3", Seq: 12}}
	for range 2 {
		if got := m.Learned(obs[3]); !slices.Equal(got, want) {
			t.Errorf("learned from the fourth page: %v, want %v", got, want)
		}
	}
	for i := range 3 {
		if got := m.Learned(obs[i]); len(got) != 0 {
			t.Errorf("learned from page %d: %v, want nothing", i, got)
		}
	}
	if n := m.Furniture("a", obs[0].Blocks); n != 2 {
		t.Errorf("furniture of the first page: %d blocks, want 2", n)
	}
}

// The same pages in any order make the same furniture.
func TestSourceMemoryOrder(t *testing.T) {
	var pages []mpage
	furniture := []string{"Abone olun", "Bizi izleyin", "Son dakika haberleri için tıklayın"}
	for i := range 40 {
		p := mpage{"a", fmt.Sprintf("%016x", i), story(i % 9), nil}
		for k, f := range furniture {
			if (i+k)%3 != 0 {
				p.short = append(p.short, f)
			}
		}
		// A line two stories share by chance, and one a story's copies
		// share: the first becomes furniture only with a third story.
		if i%9 == 1 || i%9 == 2 {
			p.short = append(p.short, "İki haberin ortak satırı")
		}
		if i%9 == 4 {
			p.short = append(p.short, "Yalnızca bu haberin satırı")
		}
		pages = append(pages, p)
	}
	ask := append(slices.Clone(furniture), "İki haberin ortak satırı", "Yalnızca bu haberin satırı")
	verdicts := func(order []int) []bool {
		m := clean.NewSourceMemory(clean.MemoryConfig{})
		for _, i := range order {
			observe(m, pages[i])
		}
		var out []bool
		for _, a := range ask {
			out = append(out, m.Recurring("a", "", a))
		}
		return out
	}
	order := make([]int, len(pages))
	for i := range order {
		order[i] = i
	}
	want := verdicts(order)
	if !slices.Equal(want, []bool{true, true, true, false, false}) {
		t.Fatalf("in order: %v", want)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		if got := verdicts(order); !slices.Equal(got, want) {
			t.Errorf("order %v: %v, want %v", order, got, want)
		}
	}
}

// Only blocks the cleaner may ask about are observed, and the page's story
// comes from its long text, whatever its furniture.
func TestSourceMemoryObservation(t *testing.T) {
	m := clean.NewSourceMemory(clean.MemoryConfig{})
	blocks := []article.Block{
		{Text: "Ana sayfa", Zone: article.ZoneNav},
		{Text: "Başlık", Zone: article.ZoneHeading},
		{Text: story(1), Zone: article.ZoneBody},
		{Text: "12.01.2020", Zone: article.ZoneBody},
		{Text: "Telif hakkı", Zone: article.ZoneFooter},
	}
	o := m.Observation("a", "0123456789abcdef", 7, blocks)
	if o.Source != "a" || o.Page != "0123456789abcdef" || o.Seq != 7 || len(o.Blocks) != 2 {
		t.Errorf("observation %+v: want 2 blocks (the heading and the paragraph)", o)
	}
	other := m.Observation("a", "fedcba9876543210", 8, append(slices.Clone(blocks), article.Block{Text: "Bizi izleyin, abone olun", Zone: article.ZoneBody}))
	if other.Story != o.Story {
		t.Error("the same story with one more promo line has another story")
	}
	if m.Observation("a", "0123456789abcdef", 7, []article.Block{{Text: story(2), Zone: article.ZoneBody}}).Story == o.Story {
		t.Error("another story has the same story")
	}
}

func TestSourceMemoryBounded(t *testing.T) {
	m := clean.NewSourceMemory(clean.MemoryConfig{MaxBlocks: 100, MaxSources: 3})
	for s := range 10 {
		for b := range 1000 {
			observe(m, mpage{fmt.Sprint("source", s), fmt.Sprint("p", b), story(b), []string{
				fmt.Sprint("blok ", strings.Repeat("x", b%50+1)),
				fmt.Sprintf("blok %c%c", 'a'+rune(b%26), 'a'+rune(b/26%26)),
			}})
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
	m := clean.NewSourceMemory(clean.MemoryConfig{MaxBlocks: 64, MaxSources: 6})
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 500 {
				src := fmt.Sprint("s", i%5)
				o := observe(m, mpage{src, fmt.Sprint("p", g, i), story(i), []string{"Bültenimize abone olun", fmt.Sprint("tek seferlik blok ", g, i)}})
				m.Recurring(src, "", "Bültenimize abone olun")
				m.Learned(o)
			}
		})
	}
	wg.Wait()
	if !m.Recurring("s1", "", "Bültenimize abone olun") {
		t.Error("a block beside thousands of stories is not furniture")
	}
	if st := m.Stats(); st.Sources > 6 || st.Blocks > 6*64 {
		t.Errorf("stats %+v exceed the bounds", st)
	}
}

package clean

import (
	"container/list"
	"hash/fnv"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// MemoryConfig bounds a SourceMemory. Zero fields take the defaults.
type MemoryConfig struct {
	// MinPages is beside how many distinct stories of a source a block
	// must have been seen to count as the source's furniture. Two is
	// chance (a follow-up quoting its predecessor); three is a template.
	// The same story served twice, or under a new URL, counts once.
	MinPages int
	// MaxBlocks bounds the fingerprints kept per source; the least
	// recently seen are forgotten first. Furniture is seen on every page,
	// so it stays; one-off article text ages out. It is large because
	// what is forgotten is counted again from nothing, and so depends on
	// the order pages came in.
	MaxBlocks int
	// MaxSources bounds the sources remembered, least recently used out.
	MaxSources int
	// MaxWords is the longest block remembered. Furniture is short (menus,
	// promos, subscription boxes); a long paragraph repeated across pages
	// is background a developing story carries from update to update, and
	// it is the article's.
	MaxWords int
}

// Memory defaults. An entry takes about entryBytes; a busy source fills
// its MaxBlocks with one-off article lines, so 100 busy sources take
// about 100*16384*entryBytes ≈ 200 MB, and the bound is 256 of them.
const (
	DefaultMinPages   = 3
	DefaultMaxBlocks  = 16384
	DefaultMaxSources = 256
	DefaultMaxWords   = 60
	entryBytes        = 130 // estimated size of one entry with its list element and map slot
	// maxBefore bounds the pages an entry remembers it was kept on, for
	// re-cleaning once it is known to be furniture: the few pages before
	// it crossed MinPages, and copies of the same stories.
	maxBefore = 8
	// storyWords is how long a block must be to identify its story.
	storyWords = 8
)

func (c MemoryConfig) withDefaults() MemoryConfig {
	if c.MinPages <= 0 {
		c.MinPages = DefaultMinPages
	}
	if c.MaxBlocks <= 0 {
		c.MaxBlocks = DefaultMaxBlocks
	}
	if c.MaxSources <= 0 {
		c.MaxSources = DefaultMaxSources
	}
	if c.MaxWords <= 0 {
		c.MaxWords = DefaultMaxWords
	}
	return c
}

// Observation is what the memory learns from one page: the fingerprints of
// the blocks that could be furniture, and the page's story. It is small
// and stable across processes, so that every classifier replica can apply
// the same observations, in the same order, from a shared log.
type Observation struct {
	Source string `json:"source"`
	Page   string `json:"page"` // the page's id
	// Seq is the page's position in stream PAGES, from which it can be
	// cleaned again; 0 when it did not come from there.
	Seq uint64 `json:"seq,omitempty"`
	// Story identifies what the page says: the same story served twice
	// or under another URL has the same Story, another story another.
	Story  uint64   `json:"story"`
	Blocks []uint64 `json:"blocks"`
}

// PageRef names a page that kept a block now known to be furniture.
type PageRef struct {
	ID  string // the page's id
	Seq uint64 // its position in PAGES; 0 when unknown
}

// SourceMemory remembers, per source, which blocks recur beside different
// stories of that source: a bounded LRU of block fingerprints, each with
// the distinct stories it was seen with (up to MinPages of them). A block
// is furniture from the observation that gives it its MinPages-th story.
//
// Recording (Observe) and asking (Recurring) are separate, so that every
// replica can apply observations in the order of a shared log and come to
// the same state whatever order it cleaned its own pages in. It implements
// Memory and is safe for concurrent use.
type SourceMemory struct {
	cfg   MemoryConfig
	clock atomic.Uint64 // positions of observations not from a log

	mu      sync.Mutex
	sources map[string]*list.Element // of *sourceBlocks
	lru     list.List                // sources, most recent first
}

// sourceBlocks is one source's fingerprints.
type sourceBlocks struct {
	name   string
	mu     sync.Mutex
	blocks map[uint64]*list.Element // of *blockEntry
	lru    list.List
}

type pageRef struct{ id, seq uint64 }

type blockEntry struct {
	key     uint64
	stories []uint64  // distinct stories, at most MinPages
	before  []pageRef // pages seen on before it was furniture, at most maxBefore
	// learned is the position of the observation that made it furniture,
	// 0 while it is not; learnedBy is the page of that observation.
	learned   uint64
	learnedBy uint64
}

// NewSourceMemory returns an empty memory.
func NewSourceMemory(cfg MemoryConfig) *SourceMemory {
	return &SourceMemory{cfg: cfg.withDefaults(), sources: make(map[string]*list.Element)}
}

// Observation returns what page id (at seq in PAGES) of source teaches the
// memory: the fingerprints of the blocks the cleaner may ask about, and the
// page's story.
func (m *SourceMemory) Observation(source, id string, seq uint64, blocks []article.Block) Observation {
	o := Observation{Source: source, Page: id, Seq: seq, Blocks: []uint64{}}
	seen := make(map[uint64]bool)
	var story, long uint64
	haveStory, haveLong := false, false
	for _, b := range blocks {
		if _, ok := zoneReasons[b.Zone]; ok {
			continue // never asked: the zone decides
		}
		key, words := fingerprint(b.Text, 0)
		if words == 0 {
			continue
		}
		// The story is the smallest fingerprint of its long blocks:
		// copies of a story share all of them, other stories none but
		// by chance. Blocks too long to be furniture are preferred, as
		// no template can put them on a page.
		switch {
		case words > m.cfg.MaxWords:
			if !haveLong || key < long {
				long, haveLong = key, true
			}
		case words >= storyWords:
			if !haveStory || key < story {
				story, haveStory = key, true
			}
		}
		if words <= m.cfg.MaxWords && !seen[key] {
			seen[key] = true
			o.Blocks = append(o.Blocks, key)
		}
	}
	switch {
	case haveLong:
		o.Story = long
	case haveStory:
		o.Story = story
	default:
		o.Story, _ = fingerprint(id, 0) // nothing says what it is: the page is its own story
	}
	return o
}

// Observe applies o. at is its position in the log all replicas share (a
// stream sequence); 0 takes the next position of a local clock, for a
// memory that is not shared. Applying the same observation again changes
// nothing.
func (m *SourceMemory) Observe(o Observation, at uint64) {
	if at == 0 {
		at = m.clock.Add(1)
	}
	page := pageRef{id: pageID(o.Page), seq: o.Seq}
	sb := m.source(o.Source)
	sb.mu.Lock()
	defer sb.mu.Unlock()
	for _, key := range o.Blocks {
		e := sb.entry(key, m.cfg.MaxBlocks)
		if e.learned != 0 {
			continue
		}
		if !contains(e.stories, o.Story) {
			e.stories = append(e.stories, o.Story)
		}
		if len(e.stories) >= m.cfg.MinPages {
			e.learned, e.learnedBy = at, page.id
			continue
		}
		if !containsPage(e.before, page) && len(e.before) < maxBefore {
			e.before = append(e.before, page)
		}
	}
}

// Learned returns the pages to clean again once o is applied: those that
// kept a block that o's page made furniture. It answers the same each time
// that page is handled again (a redelivery, a replay), so that a crash
// between learning and cleaning again loses nothing.
func (m *SourceMemory) Learned(o Observation) []PageRef {
	sb := m.lookup(o.Source)
	if sb == nil {
		return nil
	}
	self := pageID(o.Page)
	var out []PageRef
	var seen []pageRef
	sb.mu.Lock()
	defer sb.mu.Unlock()
	for _, key := range o.Blocks {
		el, ok := sb.blocks[key]
		if !ok {
			continue
		}
		e := el.Value.(*blockEntry)
		if e.learned == 0 || e.learnedBy != self {
			continue
		}
		for _, p := range e.before {
			if p.id == self || containsPage(seen, p) {
				continue
			}
			seen = append(seen, p)
			out = append(out, PageRef{ID: formatID(p.id), Seq: p.seq})
		}
	}
	return out
}

// Furniture returns how many of blocks (fingerprints of source's, as in an
// Observation) are furniture.
func (m *SourceMemory) Furniture(source string, blocks []uint64) int {
	sb := m.lookup(source)
	if sb == nil {
		return 0
	}
	sb.mu.Lock()
	defer sb.mu.Unlock()
	n := 0
	for _, key := range blocks {
		if el, ok := sb.blocks[key]; ok && el.Value.(*blockEntry).learned != 0 {
			n++
		}
	}
	return n
}

// Recurring reports whether text is furniture of source. It only asks:
// pages are recorded with Observe, before they are cleaned.
func (m *SourceMemory) Recurring(source, page, text string) bool {
	key, words := fingerprint(text, m.cfg.MaxWords)
	if words == 0 {
		return false
	}
	sb := m.lookup(source)
	if sb == nil {
		return false
	}
	sb.mu.Lock()
	defer sb.mu.Unlock()
	el, ok := sb.blocks[key]
	return ok && el.Value.(*blockEntry).learned != 0
}

// entry returns the entry of key, creating it and evicting the least
// recently seen one when over max. The caller holds sb.mu.
func (sb *sourceBlocks) entry(key uint64, max int) *blockEntry {
	if el, ok := sb.blocks[key]; ok {
		sb.lru.MoveToFront(el)
		return el.Value.(*blockEntry)
	}
	e := &blockEntry{key: key}
	sb.blocks[key] = sb.lru.PushFront(e)
	if sb.lru.Len() > max {
		old := sb.lru.Back()
		sb.lru.Remove(old)
		delete(sb.blocks, old.Value.(*blockEntry).key)
	}
	return e
}

// source returns source's blocks, creating them and evicting the least
// recently used source when over the bound.
func (m *SourceMemory) source(name string) *sourceBlocks {
	m.mu.Lock()
	defer m.mu.Unlock()
	if el, ok := m.sources[name]; ok {
		m.lru.MoveToFront(el)
		return el.Value.(*sourceBlocks)
	}
	sb := &sourceBlocks{name: name, blocks: make(map[uint64]*list.Element)}
	m.sources[name] = m.lru.PushFront(sb)
	if m.lru.Len() > m.cfg.MaxSources {
		old := m.lru.Back()
		m.lru.Remove(old)
		delete(m.sources, old.Value.(*sourceBlocks).name)
	}
	return sb
}

// lookup returns source's blocks, or nil; asking does not make a source
// recently used.
func (m *SourceMemory) lookup(name string) *sourceBlocks {
	m.mu.Lock()
	defer m.mu.Unlock()
	if el, ok := m.sources[name]; ok {
		return el.Value.(*sourceBlocks)
	}
	return nil
}

// fingerprint hashes text reduced to its lower-cased words, so that
// spacing and punctuation changes between templates do not matter. Digits
// are dropped too: "12 yorum" and "13 yorum" are the same furniture. The
// hash is FNV-1a, the same in every process. It returns the number of
// words, 0 for a text with no letters or, when maxWords > 0, longer than
// maxWords words.
func fingerprint(text string, maxWords int) (uint64, int) {
	// FNV-1a written out, not hash/fnv: its Write through an interface,
	// a call a rune, was most of this function's time.
	const (
		offset64 = 14695981039346656037
		prime64  = 1099511628211
	)
	h := uint64(offset64)
	var buf [utf8.UTFMax]byte
	words, inWord := 0, false
	for i := 0; i < len(text); {
		// range's decoding, with the two-byte runes (every letter of
		// Turkish and Russian) decoded here.
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			if c := text[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
				r, n = rune(c&0x1F)<<6|rune(text[i+1]&0x3F), 2
			} else {
				r, n = utf8.DecodeRuneInString(text[i:])
			}
		}
		i += n
		var low rune
		switch {
		case 'a' <= r && r <= 'z':
			low = r
		case 'A' <= r && r <= 'Z':
			low = r + 'a' - 'A'
		case r < utf8.RuneSelf:
			inWord = false
			continue
		case r < rune(len(letterLower)):
			if low = letterLower[r]; low == 0 {
				inWord = false
				continue
			}
		case !unicode.IsLetter(r):
			inWord = false
			continue
		default:
			low = unicode.ToLower(r)
		}
		if !inWord {
			words++
			if maxWords > 0 && words > maxWords {
				return 0, 0
			}
			if words > 1 {
				h = (h ^ ' ') * prime64
			}
			inWord = true
		}
		// Case-folding by rune, not by language: İ and I fold alike on
		// every page of the source, and that is all a fingerprint needs.
		if low < utf8.RuneSelf {
			h = (h ^ uint64(low)) * prime64
			continue
		}
		if low < 0x800 {
			// utf8.AppendRune's two bytes, written out.
			h = (h ^ uint64(0xC0|low>>6)) * prime64
			h = (h ^ uint64(0x80|low&0x3F)) * prime64
			continue
		}
		for _, c := range utf8.AppendRune(buf[:0], low) {
			h = (h ^ uint64(c)) * prime64
		}
	}
	if words == 0 {
		return 0, 0
	}
	return h, words
}

// pageID packs a page id (16 hex digits) into 64 bits; other ids are hashed.
func pageID(id string) uint64 {
	if v, err := strconv.ParseUint(id, 16, 64); err == nil && len(id) == 16 {
		return v
	}
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()
}

func formatID(v uint64) string {
	s := strconv.FormatUint(v, 16)
	for len(s) < 16 {
		s = "0" + s
	}
	return s
}

func contains(s []uint64, v uint64) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func containsPage(s []pageRef, p pageRef) bool {
	for _, x := range s {
		if x.id == p.id {
			return true
		}
	}
	return false
}

// MemoryStats describes what a SourceMemory holds.
type MemoryStats struct {
	Sources   int // sources remembered
	Blocks    int // fingerprints over all sources
	Furniture int // of which furniture
	Bytes     int // an estimate of the memory they take
}

// Stats reports the memory's size.
func (m *SourceMemory) Stats() MemoryStats {
	m.mu.Lock()
	all := make([]*sourceBlocks, 0, len(m.sources))
	for _, el := range m.sources {
		all = append(all, el.Value.(*sourceBlocks))
	}
	m.mu.Unlock()
	st := MemoryStats{Sources: len(all)}
	for _, sb := range all {
		sb.mu.Lock()
		st.Blocks += sb.lru.Len()
		for _, el := range sb.blocks {
			if el.Value.(*blockEntry).learned != 0 {
				st.Furniture++
			}
		}
		sb.mu.Unlock()
	}
	st.Bytes = st.Blocks * entryBytes
	return st
}

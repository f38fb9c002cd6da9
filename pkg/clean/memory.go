package clean

import (
	"container/list"
	"hash/maphash"
	"sync"
	"unicode"
	"unicode/utf8"
)

// MemoryConfig bounds a SourceMemory. Zero fields take the defaults.
type MemoryConfig struct {
	// MinPages is on how many distinct pages of a source a block must have
	// been seen to count as the source's furniture. Two is chance (a
	// follow-up quoting its predecessor); three is a template.
	MinPages int
	// MaxBlocks bounds the fingerprints kept per source; the least
	// recently seen are forgotten first. Furniture is seen on every page,
	// so it stays; one-off article text ages out.
	MaxBlocks int
	// MaxSources bounds the sources remembered, least recently used out.
	MaxSources int
	// MaxWords is the longest block remembered. Furniture is short (menus,
	// promos, subscription boxes); a long paragraph repeated across pages
	// is background a developing story carries from update to update, and
	// it is the article's.
	MaxWords int
}

// Memory defaults. Worst case the memory holds MaxSources*MaxBlocks
// entries of about 120 bytes: 256*2048*120 ≈ 63 MB; a real source with a
// few templates fills a few hundred entries.
const (
	DefaultMinPages   = 3
	DefaultMaxBlocks  = 2048
	DefaultMaxSources = 256
	DefaultMaxWords   = 60
	entryBytes        = 120 // estimated size of one entry with its list element and map slot
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

// SourceMemory remembers, per source, which blocks recur across its pages:
// a bounded LRU of block fingerprints, each with the distinct pages it was
// seen on (up to MinPages of them). It implements Memory and is safe for
// concurrent use; one per process is enough, shared by every Clean call.
type SourceMemory struct {
	cfg  MemoryConfig
	seed maphash.Seed

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

type blockEntry struct {
	key   uint64
	pages []uint64 // distinct page fingerprints, at most MinPages
}

// NewSourceMemory returns an empty memory.
func NewSourceMemory(cfg MemoryConfig) *SourceMemory {
	return &SourceMemory{cfg: cfg.withDefaults(), seed: maphash.MakeSeed(), sources: make(map[string]*list.Element)}
}

// Recurring records that text is on page (an id or URL) of source, and
// reports whether it has now been seen on MinPages distinct pages of that
// source. Seeing the same page again (a re-fetch, a replay) counts once.
func (m *SourceMemory) Recurring(source, page, text string) bool {
	key, ok := m.fingerprint(text)
	if !ok || page == "" {
		return false
	}
	pageKey := maphash.String(m.seed, page)
	sb := m.source(source)
	sb.mu.Lock()
	defer sb.mu.Unlock()
	if el, ok := sb.blocks[key]; ok {
		sb.lru.MoveToFront(el)
		e := el.Value.(*blockEntry)
		if len(e.pages) >= m.cfg.MinPages {
			return true
		}
		for _, p := range e.pages {
			if p == pageKey {
				return false
			}
		}
		e.pages = append(e.pages, pageKey)
		return len(e.pages) >= m.cfg.MinPages
	}
	e := &blockEntry{key: key, pages: make([]uint64, 1, m.cfg.MinPages)}
	e.pages[0] = pageKey
	sb.blocks[key] = sb.lru.PushFront(e)
	if sb.lru.Len() > m.cfg.MaxBlocks {
		old := sb.lru.Back()
		sb.lru.Remove(old)
		delete(sb.blocks, old.Value.(*blockEntry).key)
	}
	return m.cfg.MinPages <= 1
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

// fingerprint hashes text reduced to its lower-cased words, so that
// spacing and punctuation changes between templates do not matter. Digits
// are dropped too: "12 yorum" and "13 yorum" are the same furniture. It
// reports false for a block too long to be furniture or with no letters.
func (m *SourceMemory) fingerprint(text string) (uint64, bool) {
	var h maphash.Hash
	h.SetSeed(m.seed)
	var buf [utf8.UTFMax]byte
	words, inWord := 0, false
	for _, r := range text {
		if !unicode.IsLetter(r) {
			inWord = false
			continue
		}
		if !inWord {
			words++
			if words > m.cfg.MaxWords {
				return 0, false
			}
			if words > 1 {
				h.WriteByte(' ')
			}
			inWord = true
		}
		// Case-folding by rune, not by language: İ and I fold alike on
		// every page of the source, and that is all a fingerprint needs.
		h.Write(utf8.AppendRune(buf[:0], unicode.ToLower(r)))
	}
	if words == 0 {
		return 0, false
	}
	return h.Sum64(), true
}

// MemoryStats describes what a SourceMemory holds.
type MemoryStats struct {
	Sources int // sources remembered
	Blocks  int // fingerprints over all sources
	Bytes   int // an estimate of the memory they take
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
		sb.mu.Unlock()
	}
	st.Bytes = st.Blocks * (entryBytes + 8*m.cfg.MinPages)
	return st
}

package relevance

import (
	"hash/maphash"
	"strings"
	"sync"

	"github.com/wiredesk/wiredesk/pkg/stem"
)

// The scorer's fast path. walk (features.go) names every feature with a
// string key, which training needs; scoring only needs the features the
// model knows, so it numbers the stems those features use and looks words
// up once each: a word's number gives its word, title and cue features,
// and two numbers its phrase. fastWalk must find exactly the features walk
// finds (TestFastPathMatchesWalk).

// fastTables are a language model's features by stem number.
type fastTables struct {
	stems   map[string]int32 // stem → number
	word    []int32          // number → feature index of "w:stem", or -1
	title   []int32          // number → "t:stem", or -1
	cue     []int32          // number → "c:cue", or -1
	phrases map[[2]int32]int32
	shapes  map[string]int32 // shape name → index
	act     int32            // the index of the diplomatic-act cue, or -1
}

func compileFast(lm *LangModel, lx lexicon) fastTables {
	ft := fastTables{stems: map[string]int32{}, phrases: map[[2]int32]int32{}, shapes: map[string]int32{}, act: -1}
	if i, ok := lm.index[prefixCue+"act"]; ok {
		ft.act = i
	}
	num := func(stem string) int32 {
		if n, ok := ft.stems[stem]; ok {
			return n
		}
		n := int32(len(ft.word))
		ft.stems[stem] = n
		ft.word, ft.title, ft.cue = append(ft.word, -1), append(ft.title, -1), append(ft.cue, -1)
		return n
	}
	for st, cue := range lx {
		if i, ok := lm.index[prefixCue+cue]; ok {
			ft.cue[num(st)] = i
		}
	}
	for f, i := range lm.index {
		switch {
		case strings.HasPrefix(f, prefixWord):
			ft.word[num(f[len(prefixWord):])] = i
		case strings.HasPrefix(f, prefixTitle):
			ft.title[num(f[len(prefixTitle):])] = i
		case strings.HasPrefix(f, prefixPhrase):
			a, b, ok := strings.Cut(f[len(prefixPhrase):], "_")
			if ok {
				ft.phrases[[2]int32{num(a), num(b)}] = i
			}
		case strings.HasPrefix(f, prefixShape):
			ft.shapes[f[len(prefixShape):]] = i
		}
	}
	return ft
}

// fastWalk emits the index of each of the lead's features the model
// knows, with the words as written, as walk would emit them.
func fastWalk(ft *fastTables, toks [][]token, countries, orgs int, lex float64, number func(string) int32, emit func(i int32, w1, w2 string)) {
	head := 0
	if len(toks) > 0 && len(toks[0]) == 0 {
		head = 1
	}
	acts := 0
	for si, seg := range toks {
		prev, prevLower, havePrev := int32(-1), "", false
		for ti, t := range seg {
			n := number(t.lower)
			if n == notCountable {
				havePrev = false
				continue
			}
			if n >= 0 {
				if i := ft.word[n]; i >= 0 {
					emit(i, t.lower, "")
				}
				if si == head && (head == 0 || ti < headWords) {
					if i := ft.title[n]; i >= 0 {
						emit(i, t.lower, "")
					}
				}
				if i := ft.cue[n]; i >= 0 {
					emit(i, "", "")
					if i == ft.act {
						acts++
					}
				}
				if havePrev && prev >= 0 {
					if i, ok := ft.phrases[[2]int32{prev, n}]; ok {
						emit(i, prevLower, t.lower)
					}
				}
			}
			prev, prevLower, havePrev = n, t.lower, true
		}
	}
	shape := func(name string) {
		if i, ok := ft.shapes[name]; ok {
			emit(i, "", "")
		}
	}
	switch {
	case countries >= 3:
		shape("states3")
		shape("states2")
	case countries == 2:
		shape("states2")
	}
	for _, step := range lexSteps {
		if lex >= step.min {
			shape(step.name)
		}
	}
	for _, step := range actSteps {
		if acts >= step.min {
			shape(step.name)
		}
	}
	if orgs > 0 {
		shape("org")
		if countries > 0 {
			shape("state+org")
		}
	}
}

// Word numbers beside a stem's: a word that is not a feature word
// (digits, one letter), and a word whose stem the model does not know.
const (
	notCountable int32 = -2
	unknownStem  int32 = -1
)

// wordCache remembers, across articles, each lower-case word's stem and
// the model's number for it: news vocabulary repeats, and stemming is most
// of what scoring costs. Bounded (once full, words are worked out and not
// kept) and sharded so that concurrent classifications seldom wait.
type wordCache struct {
	lang   string
	ft     *fastTables
	seed   maphash.Seed
	shards [cacheShards]cacheShard
}

type cachedWord struct {
	stem string
	num  int32
}

type cacheShard struct {
	mu sync.RWMutex
	m  map[string]cachedWord
}

const (
	cacheShards = 16
	// cacheWords bounds the words kept per language (some 10 MB at most).
	cacheWords = 1 << 17
)

func newWordCache(lang string, ft *fastTables) *wordCache {
	c := &wordCache{lang: lang, ft: ft, seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].m = make(map[string]cachedWord)
	}
	return c
}

func (c *wordCache) lookup(w string) cachedWord {
	sh := &c.shards[maphash.String(c.seed, w)%cacheShards]
	sh.mu.RLock()
	cw, ok := sh.m[w]
	sh.mu.RUnlock()
	if ok {
		return cw
	}
	cw = cachedWord{stem: stem.Word(c.lang, w), num: notCountable}
	if countable(w) {
		cw.num = unknownStem
		if c.ft != nil {
			if n, ok := c.ft.stems[cw.stem]; ok {
				cw.num = n
			}
		}
	}
	sh.mu.Lock()
	if len(sh.m) < cacheWords/cacheShards {
		sh.m[w] = cw
	}
	sh.mu.Unlock()
	return cw
}

// stem is the cached Snowball stem, for the profile's matcher.
func (c *wordCache) stem(w string) string { return c.lookup(w).stem }

// number is the model's number for a word, or notCountable, unknownStem.
func (c *wordCache) number(w string) int32 { return c.lookup(w).num }

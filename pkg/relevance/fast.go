package relevance

import (
	"strings"
	"sync"
	"sync/atomic"

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
	stems map[string]int32 // stem → number
	by    []stemFeats      // number → its features
	// next holds the phrases, grouped by their first stem
	// (stemFeats.phrases): a stem starts few phrases or none, and a short
	// scan of them is cheaper than hashing each pair of words.
	next []phraseEnd
	// phrases are the phrases as compileFast finds them, until finish
	// lays them out in next.
	phrases map[[2]int32]int32
	shapes  map[string]int32 // shape name → index
	weights []float64        // the model's, by feature index
}

// stemFeats are one stem's features, side by side, so that a word's
// look-up reads them together.
type stemFeats struct {
	word, title, cue int32 // feature index of "w:stem", "t:stem", "c:cue", or -1
	kind             int8  // the cue (cueOrder), or -1
	// hasSem says the stem has a LangModel.Sem, sem.
	hasSem bool
	// The phrases the stem starts are next[phrases:phrases+nphrases].
	phrases, nphrases int32
	sem               float64
	// wordW is the weight of "w:stem", here beside its index: a lead's
	// words are most of its features, and the model's weights are too
	// many to be at hand.
	wordW float64
}

// phraseEnd is a phrase's second stem, its feature index and its weight.
type phraseEnd struct {
	stem, feat int32
	w          float64
}

// compileFast builds lm's tables, numbering stems in stems: a number
// already there is kept (another model of the language shares it).
// finish completes them once every model of the language is compiled.
func compileFast(lm *LangModel, lx lexicon, stems map[string]int32) fastTables {
	ft := fastTables{stems: stems, phrases: map[[2]int32]int32{}, shapes: map[string]int32{}, weights: lm.weights}
	ft.grow(len(stems))
	num := func(stem string) int32 {
		if n, ok := ft.stems[stem]; ok {
			return n
		}
		n := int32(len(ft.stems))
		ft.stems[stem] = n
		ft.grow(len(ft.stems))
		return n
	}
	// Every cue word is numbered, whether or not the model weighs its
	// cue: the shapes count them.
	for st, cue := range lx {
		n := num(st)
		ft.by[n].kind = cue
		if i, ok := lm.index[prefixCue+cueOrder[cue]]; ok {
			ft.by[n].cue = i
		}
	}
	for f, i := range lm.index {
		switch {
		case strings.HasPrefix(f, prefixWord):
			s := &ft.by[num(f[len(prefixWord):])]
			s.word, s.wordW = i, lm.weights[i]
		case strings.HasPrefix(f, prefixTitle):
			ft.by[num(f[len(prefixTitle):])].title = i
		case strings.HasPrefix(f, prefixPhrase):
			a, b, ok := strings.Cut(f[len(prefixPhrase):], "_")
			if ok {
				ft.phrases[[2]int32{num(a), num(b)}] = i
			}
		case strings.HasPrefix(f, prefixShape):
			ft.shapes[f[len(prefixShape):]] = i
		}
	}
	for st, v := range lm.Sem {
		n := num(st)
		ft.by[n].sem, ft.by[n].hasSem = v, true
	}
	return ft
}

// grow extends the tables to n stems, the new ones with no feature.
func (ft *fastTables) grow(n int) {
	for len(ft.by) < n {
		ft.by = append(ft.by, stemFeats{word: -1, title: -1, cue: -1, kind: -1})
	}
}

// finish extends the tables to n stems (the language's models share
// their numbers) and lays the phrases out by their first stem.
func (ft *fastTables) finish(n int) {
	ft.grow(n)
	for k := range ft.phrases {
		ft.by[k[0]].nphrases++
	}
	at := int32(0)
	for i := range ft.by {
		ft.by[i].phrases = at
		at += ft.by[i].nphrases
		ft.by[i].nphrases = 0
	}
	ft.next = make([]phraseEnd, at)
	for k, i := range ft.phrases {
		s := &ft.by[k[0]]
		ft.next[s.phrases+s.nphrases] = phraseEnd{k[1], i, ft.weights[i]}
		s.nphrases++
	}
	ft.phrases = nil
}

// phrase returns the phrase of stems a and b, if the model has it.
func (ft *fastTables) phrase(a, b int32) (phraseEnd, bool) {
	s := &ft.by[a]
	for _, p := range ft.next[s.phrases : s.phrases+s.nphrases] {
		if p.stem == b {
			return p, true
		}
	}
	return phraseEnd{}, false
}

// fastWalk emits the index and weight of each of the lead's features the
// model knows, with the words as written, as walk would emit them. The tokens
// carry their numbers (token.num, from the scorer's word cache). It
// returns the sum of the lead's words' LangModel.Sem and how many have
// one, as leadVector reads them.
//
// acc, if not nil, gathers the sentences' sums of Sem (pool.go).
func fastWalk(ft *fastTables, toks [][]token, countries, orgs int, lex float64, acc *sentAcc, emit func(i int32, w float64, w1, w2 string)) (semSum float64, semN int) {
	head := 0
	if len(toks) > 0 && len(toks[0]) == 0 {
		head = 1
	}
	var sh shaper
	for si, seg := range toks {
		sh.segment()
		if acc != nil {
			acc.segment(si)
		}
		prev, prevLower, havePrev := int32(-1), "", false
		for ti, t := range seg {
			inHead := si == head && (head == 0 || ti < headWords)
			if acc != nil && t.sent {
				acc.sentence()
			}
			n := t.num
			if n == notCountable {
				sh.token(ti, -1, t.ent, inHead, false, t.sent)
				havePrev = false
				continue
			}
			cue := int8(-1)
			if n >= 0 {
				f := &ft.by[n]
				if f.word >= 0 && !t.stop {
					emit(f.word, f.wordW, t.lower, "")
				}
				if inHead && !t.stop && f.title >= 0 {
					emit(f.title, ft.weights[f.title], t.lower, "")
				}
				if f.cue >= 0 {
					emit(f.cue, ft.weights[f.cue], "", "")
				}
				cue = f.kind
				if f.hasSem && !t.stop {
					semSum += f.sem
					semN++
					if acc != nil {
						acc.add(f.sem)
					}
				}
				if havePrev && prev >= 0 {
					if p, ok := ft.phrase(prev, n); ok {
						emit(p.feat, p.w, prevLower, t.lower)
					}
				}
			}
			sh.token(ti, cue, t.ent, inHead, true, t.sent)
			prev, prevLower, havePrev = n, t.lower, true
		}
	}
	sh.shapes(countries, orgs, lex, func(name string) {
		if i, ok := ft.shapes[name]; ok {
			emit(i, ft.weights[i], "", "")
		}
	})
	return semSum, semN
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
// kept).
//
// Every word of an article's lead is looked up, from every worker at
// once, and nearly every lookup finds its word: reads go to a map that is
// never written once published (read), without a lock or a shared
// counter to bounce between cores; new words gather under the lock in
// dirty, which is merged into a fresh read map when it has grown by a
// quarter of it, so that the copying costs each new word a constant, or
// when as many look-ups have found their word there (a word read again
// and again should not cost a lock and a second hashing each time).
type wordCache struct {
	lang string
	ft   *fastTables
	// m is the profile's matcher for lang, set by NewScorer before any
	// lookup (nil if the profile stems otherwise).
	m *matcher

	read atomic.Pointer[map[string]*cachedWord]
	full atomic.Bool // cacheWords kept: new words are not

	mu     sync.Mutex
	dirty  map[string]*cachedWord // words not yet in read
	misses int                    // look-ups answered from dirty since the last merge
}

// cachedWord is what the cache keeps of a word: never written once made,
// so tokens point at it.
type cachedWord struct {
	lower string // the word in lower case
	stem  string
	num   int32
	may   bool // a profile term may start with the word (matcher.mayStartWord)
	// never says the word is one of neverTerms, which match no term;
	// stop that it is one of stopWords, no word feature.
	never, stop bool
	// match is the stem the matcher compares ("\x00" for never), and
	// cands are its entries that may start at the word, in the order
	// matcher.longest tries them (matcher.candidates).
	match string
	cands []*entry
}

const (
	// cacheWords bounds the words kept per language (some 10 MB at most).
	cacheWords = 1 << 17
	// minPromote is the fewest new words merged into the read map at once.
	minPromote = 256
)

func newWordCache(lang string, ft *fastTables) *wordCache {
	c := &wordCache{lang: lang, ft: ft, dirty: make(map[string]*cachedWord)}
	c.read.Store(&map[string]*cachedWord{})
	return c
}

func (c *wordCache) lookup(w string) *cachedWord {
	if cw, ok := (*c.read.Load())[w]; ok {
		return cw
	}
	full := c.full.Load()
	if !full {
		c.mu.Lock()
		cw, ok := c.dirty[w]
		if ok {
			c.misses++
			if c.misses >= max(minPromote, len(*c.read.Load())/4) {
				c.promote()
			}
		}
		c.mu.Unlock()
		if ok {
			return cw
		}
	}
	cw := c.work(w)
	if !full {
		c.keep(w, cw)
	}
	return cw
}

// work works out what the cache keeps of w. w may be a word as written
// (Profile.entities looks words up so, to lower each only once): what
// follows is of its lower case.
func (c *wordCache) work(w string) *cachedWord {
	orig := w
	w = lowerWord(c.lang, w)
	cw := &cachedWord{lower: w, stem: stem.Word(c.lang, w), num: notCountable, may: true, never: neverTerms[w], stop: stopWords[c.lang][w]}
	cw.match = cw.stem
	if cw.never {
		cw.match = "\x00" // matches no term word
	}
	if c.m != nil {
		cw.may = c.m.mayStartWord(w)
		cw.cands = c.m.candidates(orig, w, cw.match, cw.may)
	}
	if countable(w) {
		cw.num = unknownStem
		if c.ft != nil {
			if n, ok := c.ft.stems[cw.stem]; ok {
				cw.num = n
			}
		}
	}
	return cw
}

// keep adds w to dirty, and publishes a new read map with dirty merged
// in once dirty has grown by a quarter of read.
func (c *wordCache) keep(w string, cw *cachedWord) {
	c.mu.Lock()
	defer c.mu.Unlock()
	read := *c.read.Load()
	if _, ok := read[w]; ok || c.full.Load() {
		return
	}
	if len(read)+len(c.dirty) >= cacheWords {
		c.full.Store(true)
		return
	}
	c.dirty[w] = cw
	if len(c.dirty) < max(minPromote, len(read)/4) && len(read)+len(c.dirty) < cacheWords {
		return
	}
	c.promote()
}

// promote publishes a new read map with dirty merged in; c.mu is held.
func (c *wordCache) promote() {
	read := *c.read.Load()
	next := make(map[string]*cachedWord, len(read)+len(c.dirty))
	for k, v := range read {
		next[k] = v
	}
	for k, v := range c.dirty {
		next[k] = v
	}
	c.read.Store(&next)
	c.dirty = make(map[string]*cachedWord)
	c.misses = 0
}

// stem is the cached Snowball stem, for the profile's matcher.
func (c *wordCache) stem(w string) string { return c.lookup(w).stem }

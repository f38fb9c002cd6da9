package relevance

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"sync"
)

//go:embed model.json
var modelJSON []byte

// Model is a learned linear (logistic) model of diplomatic relevance, one
// per language, over the stems, two-word phrases, cue groups and shapes
// (two states named, a state and an international organisation) of an
// article's lead. Its verdict explains itself: every feature has a weight,
// and an article's evidence is its features with the largest weights.
//
// The built-in model is trained on data/relevance (real news labelled by
// the rubric) by "go run ./pkg/relevance/cmd/relevance train"; operators
// can train their own on their own labels the same way.
type Model struct {
	Topic string `json:"topic"`
	// About says how the model was made: data, splits, settings.
	About string                `json:"about"`
	Langs map[string]*LangModel `json:"langs"`

	lexicons map[string]lexicon
}

// LangModel is the model of one language.
type LangModel struct {
	Bias float64 `json:"bias"`
	// Lead is how many body words the model reads after the title.
	Lead int `json:"lead"`
	// Norm says the features of a text are scaled to unit length.
	Norm bool `json:"norm,omitempty"`
	// Threshold is the probability from which an article is relevant,
	// chosen on cross-validated scores (see Train).
	Threshold float64            `json:"threshold"`
	Weights   map[string]float64 `json:"weights"`
	// Names are how word and phrase features read in the evidence: the
	// form most often written in the training set.
	Names map[string]string `json:"names,omitempty"`
	// Sem is each stem's share of the lead's meaning (semantic.go): a
	// lead adds the mean of its words' numbers, less SemCenter.
	Sem       map[string]float64 `json:"sem,omitempty"`
	SemCenter float64            `json:"sem_center,omitempty"`
	// Pool weighs the lead's sentences' meaning (pool.go): the most
	// diplomatic sentence ("max"), the mean of the two most ("top2"), the
	// headline's ("head") and the first body sentence's ("first"), each
	// a mean of its words' Sem less SemCenter.
	Pool map[string]float64 `json:"pool,omitempty"`
	// Long, if set, is a second model of the language over a longer
	// lead, read only where this one is unsure: where its log-odds are
	// within LongMargin of 0, the verdict is the mean of both models'
	// log-odds (Threshold is then that mean's). The two leads err on
	// different texts (a long analysis whose lead opens on something
	// else), and most texts are decided by the short one alone.
	Long       *LangModel `json:"long,omitempty"`
	LongMargin float64    `json:"long_margin,omitempty"`

	// Compiled by LoadModel: each feature's index, weight and name, and
	// the fast path's tables (fast.go).
	index   map[string]int32
	feats   []string
	weights []float64
	names   []string
	fast    fastTables
	pool    [numPool]float64
}

// DefaultModel returns the built-in diplomacy model.
func DefaultModel() (*Model, error) { return LoadModel(bytes.NewReader(modelJSON)) }

// LoadModel reads a model written by the train command.
func LoadModel(r io.Reader) (*Model, error) {
	var m Model
	if err := json.NewDecoder(r).Decode(&m); err != nil {
		return nil, fmt.Errorf("relevance: decode model: %w", err)
	}
	if len(m.Langs) == 0 {
		return nil, fmt.Errorf("relevance: model has no language")
	}
	for lang, lm := range m.Langs {
		if lm == nil || lm.Threshold <= 0 || lm.Threshold >= 1 {
			return nil, fmt.Errorf("relevance: model %s: threshold must be a probability in (0, 1)", lang)
		}
		if lm.Lead <= 0 {
			lm.Lead = DefaultLead
		}
		if l := lm.Long; l != nil {
			if l.Lead <= 0 || l.Long != nil || lm.LongMargin <= 0 {
				return nil, fmt.Errorf("relevance: model %s: the long model needs a lead and a margin, and has no long model of its own", lang)
			}
		}
	}
	if m.Topic == "" {
		m.Topic = "diplomacy"
	}

	m.compile()
	return &m, nil
}

func (m *Model) compile() {
	m.lexicons = make(map[string]lexicon, len(m.Langs))
	for lang, lm := range m.Langs {
		m.lexicons[lang] = compileCues(lang)
		// The two models of a language share the scorer's word cache, so
		// they number their stems alike.
		stems := map[string]int32{}
		lm.compile(m.lexicons[lang], stems)
		if lm.Long != nil {
			lm.Long.compile(m.lexicons[lang], stems)
			lm.Long.fast.finish(len(stems))
		}
		lm.fast.finish(len(stems))
	}
}

func (lm *LangModel) compile(lx lexicon, stems map[string]int32) {
	feats := make([]string, 0, len(lm.Weights))
	for f := range lm.Weights {
		feats = append(feats, f)
	}
	sort.Strings(feats)
	lm.feats = feats
	lm.index = make(map[string]int32, len(feats))
	lm.weights = make([]float64, len(feats))
	lm.names = make([]string, len(feats))
	for i, f := range feats {
		lm.index[f] = int32(i)
		lm.weights[i] = lm.Weights[f]
		lm.names[i] = lm.Names[f] // "" for cues and shapes: displayName
	}
	lm.fast = compileFast(lm, lx, stems)
	for j, k := range poolKeys {
		lm.pool[j] = lm.Pool[k]
	}
}

// Write writes the model as JSON, keys sorted, weights rounded to 4 places
// so that a retrained model diffs line by line.
func (m *Model) Write(w io.Writer) error {
	b, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// EvidenceTerms is how many features an article's evidence lists.
const EvidenceTerms = 8

// verdict is the model's score of one document: its log-odds and its
// evidence, the heaviest terms first.
type verdict struct {
	z     float64
	terms []term
}

// term is one piece of evidence and its weight.
type term struct {
	name string
	w    float64
}

// prob is the verdict's probability.
func (v verdict) prob() float64 { return 1 / (1 + math.Exp(-v.z)) }

// strings formats the evidence ("müzakere:+1.42"), in one string that
// the terms share.
func (v verdict) strings() []string {
	var buf []byte
	ends := make([]int, len(v.terms))
	for k, t := range v.terms {
		buf = append(append(buf, t.name...), ':')
		if t.w > 0 {
			buf = append(buf, '+')
		}
		buf = strconv.AppendFloat(buf, t.w, 'f', 2, 64)
		ends[k] = len(buf)
	}
	all := string(buf)
	out := make([]string, len(v.terms))
	start := 0
	for k, end := range ends {
		out[k] = all[start:end]
		start = end
	}
	return out
}

// mean is the verdict of two models averaged: the mean of their
// log-odds, and their evidence at half its weight, a term both name
// adding up.
func mean(a, b verdict) verdict {
	out := verdict{z: (a.z + b.z) / 2, terms: make([]term, 0, len(a.terms)+len(b.terms))}
	for _, t := range append(slices.Clip(a.terms), b.terms...) {
		if k := slices.IndexFunc(out.terms, func(o term) bool { return o.name == t.name }); k >= 0 {
			out.terms[k].w += t.w / 2
			continue
		}
		out.terms = append(out.terms, term{t.name, t.w / 2})
	}
	slices.SortStableFunc(out.terms, func(x, y term) int { return cmp.Compare(math.Abs(y.w), math.Abs(x.w)) })
	out.terms = out.terms[:min(len(out.terms), EvidenceTerms)]
	return out
}

// score adds up the weights of the lead's features the model knows, each
// once. It is the classifier's hot path: see fast.go.
func (lm *LangModel) score(sc *scratch, toks [][]token, countries, orgs int, lex float64) verdict {
	type active struct {
		i      int32
		aw     float64 // |weight|
		w1, w2 string
	}
	words := (len(lm.weights) + 63) / 64
	if cap(sc.seen) < words {
		sc.seen = make([]uint64, words)
	}
	seen := sc.seen[:words]
	clear(seen)
	// The evidence: the heaviest features by absolute weight, ties by
	// index so that a verdict is reproducible, kept as the walk finds
	// them: an article has hundreds of features and the evidence lists a
	// few. The sum is scaled at the end, so that a normalised model needs
	// no second pass.
	heavier := func(a, b active) bool {
		if a.aw != b.aw {
			return a.aw > b.aw
		}
		return a.i < b.i
	}
	var topBuf [EvidenceTerms + 1]active
	top := topBuf[:0]
	n, sum := 0, 0.0
	var acc *sentAcc
	var sentBuf [32]float64
	var nBuf [32]int
	if lm.Pool != nil {
		a := newSentAcc(sentBuf[:], nBuf[:])
		acc = &a
	}
	semSum, semN := fastWalk(&lm.fast, toks, countries, orgs, lex, acc, func(i int32, w float64, w1, w2 string) {
		word, bit := &seen[uint32(i)/64], uint64(1)<<(uint32(i)%64)
		if *word&bit != 0 {
			return
		}
		*word |= bit
		n++
		sum += w
		a := active{i, math.Abs(w), w1, w2}
		if len(top) == EvidenceTerms && !heavier(a, top[len(top)-1]) {
			return
		}
		k := len(top)
		top = append(top, a)
		for k > 0 && heavier(top[k], top[k-1]) {
			top[k], top[k-1] = top[k-1], top[k]
			k--
		}
		if len(top) > EvidenceTerms {
			top = top[:EvidenceTerms]
		}
	})
	z := lm.Bias + sum*value(n, lm.Norm)
	sem := 0.0
	if lm.Sem != nil {
		if semN > 0 {
			sem = semSum / float64(semN)
		}
		sem -= lm.SemCenter
		z += sem
	}
	// The sentences' meaning: each pooled feature is a term of its own.
	var poolTerms [numPool]float64
	if acc != nil {
		scores := acc.scores()
		for k := range scores {
			scores[k] -= lm.SemCenter
		}
		f := pooled(scores, acc.head, acc.first)
		for j, x := range f {
			poolTerms[j] = lm.pool[j] * x
			z += poolTerms[j]
		}
	}
	terms := make([]term, 0, len(top)+1+numPool)
	for _, a := range top {
		name := lm.names[a.i]
		if name == "" {
			surface := a.w1
			if a.w2 != "" {
				surface += " " + a.w2
			}
			name = displayName(lm.feats[a.i], surface)
		}
		if slices.ContainsFunc(terms, func(t term) bool { return t.name == name }) {
			continue
		}
		terms = append(terms, term{name, lm.weights[a.i]})
	}
	// The lead's meaning is one term among them, by its weight, and so
	// is each of its sentences' pooled meanings.
	insert := func(t term) {
		k := len(terms)
		terms = append(terms, t)
		for k > 0 && math.Abs(terms[k].w) > math.Abs(terms[k-1].w) {
			terms[k], terms[k-1] = terms[k-1], terms[k]
			k--
		}
		terms = terms[:min(len(terms), EvidenceTerms)]
	}
	if lm.Sem != nil {
		insert(term{semName, sem})
	}
	if acc != nil {
		// The best sentence and the best two's mean are one term: their
		// weights pull apart (they move together), their sum is what
		// the strongest sentences add.
		poolTerms[poolMax] += poolTerms[poolTop2]
		poolTerms[poolTop2] = 0
		for j, w := range poolTerms {
			if w != 0 {
				insert(term{poolNames[j], w})
			}
		}
	}
	return verdict{z: z, terms: terms}
}

// Scorer scores articles: the profile finds the countries and
// international organisations an article names, and the model, where it
// has the article's language, decides how diplomatic it is. Without a
// model (an operator's own profile), the profile's weighted terms decide.
// A Scorer is immutable and safe for concurrent use.
type Scorer struct {
	profile *Profile
	model   *Model
	words   map[string]*wordCache // by language; read-only after NewScorer
	// scratch holds *scratch: a scoring's working memory, reused.
	scratch sync.Pool
}

// scratch is the working memory of one scoring: the lead's tokens and
// segments, the matcher's hits, what the profile found, the features the
// model has seen. A page's scoring reuses the memory of one before it
// rather than allocating some 17 KB (its tokens hold on to the last
// text's words until the pool lets it go, at a collection).
type scratch struct {
	// The lead read so far (readLead): its tokens, its segments as
	// ranges of toks (the title's first), how many body words it has,
	// and where the reading stopped: paragraph para, at byte at of it.
	toks      []token
	segs      [][2]int
	words     int
	para, at  int
	lead      [][]token
	hits      []hit
	countries []string
	orgs      []string
	terms     []*item
	seen      []uint64
}

// resetLead empties the lead, for another text.
func (sc *scratch) resetLead() {
	sc.toks, sc.segs, sc.words, sc.para, sc.at = sc.toks[:0], sc.segs[:0], 0, 0, 0
}

// NewScorer combines a profile and a model; model may be nil.
func NewScorer(p *Profile, m *Model) *Scorer {
	s := &Scorer{profile: p, model: m, words: map[string]*wordCache{}}
	if m == nil {
		return s
	}
	for lang, lm := range m.Langs {
		s.words[lang] = newWordCache(lang, &lm.fast)
	}
	// The profile finds entities with the same cached stems (when it stems
	// as Snowball does: an operator's profile always does).
	if _, ok := p.stemmer.(Snowball); ok {
		s.profile = p.WithStemmer(cachedSnowball(s.words))
		// and the cache remembers whether a term may start with a word
		// and the matcher's entries that may, so that the matcher and the
		// model share one look-up a word. The caches start afresh: the
		// words the profile's terms were stemmed through them have none.
		for lang, lm := range m.Langs {
			wc := newWordCache(lang, &lm.fast)
			wc.m = s.profile.matcherFor(lang)
			s.words[lang] = wc
		}
	}
	return s
}

// DefaultScorer is the built-in profile with the built-in model.
func DefaultScorer() (*Scorer, error) {
	p, err := Default()
	if err != nil {
		return nil, err
	}
	m, err := DefaultModel()
	if err != nil {
		return nil, err
	}
	return NewScorer(p, m), nil
}

// Topic is the topic scored.
func (s *Scorer) Topic() string {
	if s.model != nil {
		return s.model.Topic
	}
	return s.profile.Topic()
}

// Threshold is the default threshold for lang: the model's probability
// threshold, or the profile's score threshold.
func (s *Scorer) Threshold(lang string) float64 {
	if lm := s.langModel(lang); lm != nil {
		return lm.Threshold
	}
	return s.profile.Threshold()
}

func (s *Scorer) langModel(lang string) *LangModel {
	if s.model == nil {
		return nil
	}
	return s.model.Langs[lang]
}

// Score scores an article; threshold <= 0 means the default for its
// language. With a model, Score is the probability that the article is
// diplomatic and Terms are its strongest evidence with their weights
// ("müzakere:+1.42"); without, they are the profile's score and terms.
func (s *Scorer) Score(lang, title string, paragraphs []string, threshold float64) Result {
	res, _ := s.score(lang, title, paragraphs, threshold)
	return res
}

// score is Score, with the verdict's log-odds at full precision (NaN
// without a model): the test that scoring's speed-ups change no score
// compares them (scores_test.go).
func (s *Scorer) score(lang, title string, paragraphs []string, threshold float64) (Result, float64) {
	lm := s.langModel(lang)
	if lm == nil {
		return s.profile.ScoreThreshold(lang, title, paragraphs, threshold), math.NaN()
	}
	if threshold <= 0 {
		threshold = lm.Threshold
	}
	sc, _ := s.scratch.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	defer s.scratch.Put(sc)
	wc := s.words[lang]
	res, lead, lex := s.profile.entitiesInto(sc, lang, title, paragraphs, lm.Lead, nil, wc)
	res.Topic = s.model.Topic
	v := lm.score(sc, lead, len(res.Countries), len(res.Organizations), lex)
	if lm.Long != nil && math.Abs(v.z) < lm.LongMargin {
		// The states and organisations reported stay the short lead's:
		// the long one only weighs in on the verdict. It reads on from
		// the short lead's words (their tokens and look-ups), and
		// matches the profile afresh: a term may run past the short one.
		sc.readLead(lang, title, paragraphs, lm.Long.Lead, wc)
		long, lead, lex := s.profile.matchLead(sc, lang, nil)
		v = mean(v, lm.Long.score(sc, lead, len(long.Countries), len(long.Organizations), lex))
	}
	p := v.prob()
	res.Score = math.Round(p*1000) / 1000
	res.Relevant = p >= threshold
	res.Terms = v.strings()
	return res, v.z
}

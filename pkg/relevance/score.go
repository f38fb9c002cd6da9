package relevance

import (
	"math"
	"slices"
	"sort"
)

// Result is a profile's verdict on one article.
type Result struct {
	Topic    string   `json:"topic"`
	Score    float64  `json:"score"`
	Relevant bool     `json:"relevant"`
	Terms    []string `json:"terms"` // evidence, heaviest first
	// Countries (ISO 3166-1 alpha-2) and Organizations (UN, NATO, ...) the
	// article mentions, sorted.
	Countries     []string `json:"countries,omitempty"`
	Organizations []string `json:"organizations,omitempty"`
}

// Score scores an article in lang against the profile with its own
// threshold.
func (p *Profile) Score(lang, title string, paragraphs []string) Result {
	return p.ScoreThreshold(lang, title, paragraphs, p.spec.Threshold)
}

// ScoreThreshold is Score with another threshold; threshold <= 0 means the
// profile's.
func (p *Profile) ScoreThreshold(lang, title string, paragraphs []string, threshold float64) Result {
	if threshold <= 0 {
		threshold = p.spec.Threshold
	}
	m := p.matcherFor(lang)
	memo := make(map[string]string)
	counts := make(map[*item]int)
	inTitle := make(map[*item]bool)
	words := 0

	toks := tokenize(title, lang)
	words += len(toks)
	for _, h := range m.find(toks, memo) {
		counts[h.item]++
		inTitle[h.item] = true
	}
	for _, para := range paragraphs {
		toks := tokenize(para, lang)
		words += len(toks)
		for _, h := range m.find(toks, memo) {
			counts[h.item]++
		}
	}

	res := Result{Topic: p.spec.Topic, Terms: []string{}}
	raw, countries := 0.0, 0.0
	var evidence []*item
	countrySet, orgSet := make(map[string]bool), make(map[string]bool)
	for it, n := range counts {
		// The first mention counts fully, repeats ever less: an article that
		// says "ateşkes" ten times is not ten times as diplomatic.
		v := it.weight * (1 + math.Log(float64(n)))
		if inTitle[it] {
			v += it.weight * p.spec.TitleBoost
		}
		switch it.kind {
		case kindCountry:
			countries += v
			countrySet[normCode(it.code)] = true
			continue
		case kindOrg:
			orgSet[normCode(it.code)] = true
		}
		raw += v
		evidence = append(evidence, it)
	}
	if p.spec.CountryCap > 0 {
		countries = math.Min(countries, p.spec.CountryCap)
	}
	raw += countries
	norm := math.Sqrt(math.Max(float64(words), p.spec.LengthNorm) / p.spec.LengthNorm)
	res.Score = math.Round(raw/norm*1000) / 1000
	res.Relevant = res.Score >= threshold

	sort.Slice(evidence, func(i, j int) bool {
		a, b := evidence[i], evidence[j]
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		return a.order < b.order
	})
	seen := make(map[string]bool)
	for _, it := range evidence {
		if !seen[it.evidence] {
			seen[it.evidence] = true
			res.Terms = append(res.Terms, it.evidence)
		}
	}
	if len(countrySet) > 0 {
		res.Countries = sortedKeys(countrySet)
	}
	if len(orgSet) > 0 {
		res.Organizations = sortedKeys(orgSet)
	}
	return res
}

// entities finds the countries and international organisations an
// article's lead names, and returns what the learned model reads: the
// lead's tokens (the title and the body up to leadWords words, one segment
// per paragraph, the title's first), the sum of the weights of the
// profile's terms found in it, and the stems met on the way. The lead is
// what the model judges an article by, and reading no further keeps
// scoring cheap: wire stories are mostly shorter than a lead, and the
// countries a long piece names past its lead are seldom what it is about.
//
// memo, if not nil, is filled with the stems the matcher computes. The
// scorer passes nil and its word cache, wc: each word of the lead is
// looked up there once, for the matcher and for the model (token.num).
func (p *Profile) entities(lang, title string, paragraphs []string, leadWords int, memo map[string]string, wc *wordCache) (res Result, lead [][]token, lex float64) {
	return p.entitiesInto(new(scratch), lang, title, paragraphs, leadWords, memo, wc)
}

// entitiesInto is entities working in sc: the lead it returns is sc's,
// valid until sc's next use.
func (p *Profile) entitiesInto(sc *scratch, lang, title string, paragraphs []string, leadWords int, memo map[string]string, wc *wordCache) (res Result, lead [][]token, lex float64) {
	sc.resetLead()
	sc.readLead(lang, title, paragraphs, leadWords, wc)
	return p.matchLead(sc, lang, memo)
}

// readLead reads the lead of leadWords body words into sc, going on from
// where sc's last reading stopped when that was a shorter lead of the same
// text (the scorer's long lead reads on from its short one; the tokens of
// a shorter lead are the first of a longer one's). With wc, each new word
// is looked up in the cache.
func (sc *scratch) readLead(lang, title string, paragraphs []string, leadWords int, wc *wordCache) {
	from := len(sc.toks) // the first word to look up
	if len(sc.segs) == 0 || leadWords < sc.words {
		sc.resetLead()
		from = 0
		if cap(sc.toks) == 0 {
			sc.toks = make([]token, 0, leadWords+len(title)/4+16)
		}
		sc.toks, _ = tokenizeAt(sc.toks, title, 0, false, lang, -1, wc == nil)
		sc.segs = append(sc.segs, [2]int{0, len(sc.toks)}) // the title, perhaps empty
	}
	for sc.para < len(paragraphs) && sc.words < leadWords {
		text := paragraphs[sc.para]
		// A paragraph read in part (at > 0) goes on in its segment,
		// the last.
		n, resume := len(sc.toks), sc.at > 0
		sc.toks, sc.at = tokenizeAt(sc.toks, text, sc.at, resume, lang, leadWords-sc.words, wc == nil)
		sc.words += len(sc.toks) - n
		switch {
		case resume:
			sc.segs[len(sc.segs)-1][1] = len(sc.toks)
		case len(sc.toks) > n:
			sc.segs = append(sc.segs, [2]int{n, len(sc.toks)})
		}
		if sc.at >= len(text) {
			sc.para, sc.at = sc.para+1, 0
		}
	}
	if wc == nil {
		return
	}
	for i := range sc.toks[from:] {
		t := &sc.toks[from+i]
		cw := wc.lookup(t.orig)
		// The stem and the candidates serve the matcher only where the
		// profile stems as the cache does (NewScorer ties them).
		t.lower, t.num, t.stop, t.cw, t.resolved = cw.lower, cw.num, cw.stop, cw, wc.m != nil
	}
}

// matchLead finds the profile's items in the lead sc holds, one segment
// at a time so that no term spans two, and returns what entities does.
func (p *Profile) matchLead(sc *scratch, lang string, memo map[string]string) (res Result, lead [][]token, lex float64) {
	m := p.matcherFor(lang)
	// What the profile found, each once, in the order found: a lead
	// names a few states and terms.
	countries, orgs, terms := sc.countries[:0], sc.orgs[:0], sc.terms[:0]
	lead = sc.lead[:0]
	for _, seg := range sc.segs {
		toks := sc.toks[seg[0]:seg[1]:seg[1]]
		for i := range toks {
			toks[i].ent = false // a shorter lead's match
		}
		sc.hits = m.findInto(sc.hits[:0], toks, memo)
		for _, h := range sc.hits {
			switch h.item.kind {
			case kindCountry:
				if c := normCode(h.item.code); !slices.Contains(countries, c) {
					countries = append(countries, c)
				}
				toks[h.at].ent = true
			case kindTerm:
				if !slices.Contains(terms, h.item) {
					terms = append(terms, h.item)
				}
			case kindOrg:
				if c := normCode(h.item.code); !slices.Contains(orgs, c) {
					orgs = append(orgs, c)
				}
				toks[h.at].ent = true
			}
		}
		lead = append(lead, toks)
	}
	for _, it := range terms {
		lex += it.weight
	}
	res = Result{Topic: p.spec.Topic, Terms: []string{}}
	if len(countries) > 0 {
		res.Countries = sorted(countries)
	}
	if len(orgs) > 0 {
		res.Organizations = sorted(orgs)
	}
	sc.lead, sc.countries, sc.orgs, sc.terms = lead, countries, orgs, terms
	return res, lead, lex
}

// sorted returns a sorted copy of ss.
func sorted(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return out
}

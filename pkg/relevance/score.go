package relevance

import (
	"math"
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

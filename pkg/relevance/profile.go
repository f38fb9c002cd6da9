// Package relevance scores how far an article is about a topic, with the
// evidence: which terms, organisations and countries it mentions.
//
// A topic is a profile in YAML: weighted terms and phrases per language, and
// entity lists (ministries, titles, international organisations, countries)
// in Turkish, Russian and English. The default profile, diplomacy, is built
// into the binary. Matching is by Snowball stem (pkg/stem), so inflected
// forms meet their term; phrases match word by word, in order.
package relevance

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed diplomacy.yaml
var diplomacyYAML []byte

// Spec is a profile as written in YAML.
type Spec struct {
	Topic     string  `yaml:"topic"`
	Threshold float64 `yaml:"threshold"`
	// LengthNorm is the article length, in words, up to which the raw score
	// is taken as is; longer articles are divided by sqrt(words/LengthNorm),
	// so that a long article needs more evidence than a short one, but not
	// proportionally more.
	LengthNorm float64 `yaml:"length_norm"`
	// TitleBoost is the extra weight of a term found in the title.
	TitleBoost float64 `yaml:"title_boost"`
	// CountryWeight is what one country mention is worth; CountryCap bounds
	// what countries add up to: a sports report names countries too.
	CountryWeight float64 `yaml:"country_weight"`
	CountryCap    float64 `yaml:"country_cap"`

	Terms      map[string][]TermSpec `yaml:"terms"`
	Ministries map[string][]TermSpec `yaml:"ministries"`
	Titles     map[string][]TermSpec `yaml:"titles"`

	Organizations []EntitySpec `yaml:"organizations"`
	Countries     []EntitySpec `yaml:"countries"`
}

// TermSpec is one weighted term: its forms, the first being its name.
type TermSpec struct {
	Weight float64  `yaml:"w"`
	Forms  []string `yaml:"t"`
}

// EntitySpec is an organisation or country: its code and its names per
// language, case forms included.
type EntitySpec struct {
	Code   string   `yaml:"code"`
	Weight float64  `yaml:"w"`
	TR     []string `yaml:"tr"`
	RU     []string `yaml:"ru"`
	EN     []string `yaml:"en"`
}

func (e EntitySpec) names() map[string][]string {
	return map[string][]string{"tr": e.TR, "ru": e.RU, "en": e.EN}
}

// Profile is a compiled topic profile. It is immutable and safe for
// concurrent use.
type Profile struct {
	spec     Spec
	stemmer  Stemmer
	matchers map[string]*matcher // by language; "" for languages without terms
}

// Default returns the built-in diplomacy profile.
func Default() (*Profile, error) {
	return Load(bytes.NewReader(diplomacyYAML))
}

// Load reads a profile from YAML.
func Load(r io.Reader) (*Profile, error) {
	var spec Spec
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	if err := dec.Decode(&spec); err != nil {
		return nil, fmt.Errorf("relevance: decode profile: %w", err)
	}
	if err := spec.check(); err != nil {
		return nil, fmt.Errorf("relevance: profile %q: %w", spec.Topic, err)
	}
	return compile(spec, Snowball{}), nil
}

// WithStemmer returns a copy of p that stems with s.
func (p *Profile) WithStemmer(s Stemmer) *Profile { return compile(p.spec, s) }

// Topic is the profile's name.
func (p *Profile) Topic() string { return p.spec.Topic }

// Threshold is the profile's default threshold.
func (p *Profile) Threshold() float64 { return p.spec.Threshold }

func (s *Spec) check() error {
	switch {
	case s.Topic == "":
		return fmt.Errorf("no topic")
	case s.Threshold <= 0:
		return fmt.Errorf("threshold %v is not positive", s.Threshold)
	case s.LengthNorm <= 0:
		return fmt.Errorf("length_norm %v is not positive", s.LengthNorm)
	}
	for _, group := range []map[string][]TermSpec{s.Terms, s.Ministries, s.Titles} {
		for lang, terms := range group {
			for _, t := range terms {
				if len(t.Forms) == 0 || t.Weight <= 0 {
					return fmt.Errorf("%s term %v: needs forms and a positive weight", lang, t.Forms)
				}
			}
		}
	}
	for _, e := range append(append([]EntitySpec(nil), s.Organizations...), s.Countries...) {
		if e.Code == "" {
			return fmt.Errorf("entity %v has no code", e.TR)
		}
	}
	return nil
}

func compile(spec Spec, stemmer Stemmer) *Profile {
	p := &Profile{spec: spec, stemmer: stemmer, matchers: make(map[string]*matcher)}
	langs := map[string]bool{"": true, "en": true, "tr": true, "ru": true}
	for _, group := range []map[string][]TermSpec{spec.Terms, spec.Ministries, spec.Titles} {
		for lang := range group {
			langs[lang] = true
		}
	}
	for lang := range langs {
		p.matchers[lang] = p.compileLang(lang)
	}
	return p
}

// compileLang builds the matcher for articles in lang: its terms, and the
// entity names in lang and in English, which every press quotes (NATO, UN).
func (p *Profile) compileLang(lang string) *matcher {
	m := newMatcher(lang, p.stemmer)
	order := 0
	for _, group := range []map[string][]TermSpec{p.spec.Terms, p.spec.Ministries, p.spec.Titles} {
		for _, t := range group[lang] {
			it := &item{kind: kindTerm, evidence: t.Forms[0], weight: t.Weight, order: order}
			order++
			for _, f := range t.Forms {
				m.add(lang, f, it)
			}
		}
	}
	addEntities := func(es []EntitySpec, k kind, weight float64) {
		for _, e := range es {
			w := e.Weight
			if w == 0 {
				w = weight
			}
			names := e.names()
			evidence := e.Code
			if ns := names[lang]; len(ns) > 0 {
				evidence = ns[0]
			}
			it := &item{kind: k, evidence: evidence, code: e.Code, weight: w, order: order}
			order++
			for _, l := range []string{lang, "en"} {
				for _, n := range names[l] {
					m.add(l, n, it)
				}
				if lang == "en" {
					break
				}
			}
		}
	}
	addEntities(p.spec.Organizations, kindOrg, 1)
	addEntities(p.spec.Countries, kindCountry, p.spec.CountryWeight)
	return m
}

func (p *Profile) matcherFor(lang string) *matcher {
	if m, ok := p.matchers[lang]; ok {
		return m
	}
	return p.matchers[""]
}

// sortedKeys returns the keys of a set, sorted.
func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// normCode upper-cases an entity code for output.
func normCode(c string) string { return strings.ToUpper(c) }

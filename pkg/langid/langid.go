// Package langid detects the language of news text in an open world: of one
// block, and of a whole page from its blocks.
//
// A detector is built for a few in-scope languages, but the text it sees may
// be in any language, and it must never call Polish or Uzbek Turkish. Three
// layers decide, cheapest first:
//
//   - Letters. Turkish and Russian have letters their neighbours lack, and
//     lack letters every neighbour needs (evidence.go): most blocks are
//     settled in or out by counting, and lingua is not called at all.
//   - The page. A block the letters leave open is not detected when the
//     blocks already detected settle the page's language; it takes the
//     page's language when its script allows, since a short lead of a
//     Russian page is Russian unless its letters say otherwise.
//   - lingua, in low-accuracy mode (trigrams) over every Latin and Cyrillic
//     language it knows, for what remains and to name the language of a page
//     that is dropped. Its high-accuracy models take seconds to load and
//     hundreds of megabytes; on text over 120 characters lingua uses
//     trigrams only in either mode.
//
// A Detector is built once per process and shared: it is safe for
// concurrent use.
package langid

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/pemistahl/lingua-go"
)

// DefaultLanguages are the in-scope languages when New is given none.
var DefaultLanguages = []string{"tr", "ru"}

// Other is the code of a block known to be in none of the in-scope
// languages, before its language is named (ISO 639-2 "undetermined").
const Other = "und"

// MinLetters is the fewest letters a text needs for its own verdict. Shorter
// blocks (a byline, "Фото:", a date) say nothing reliable about their
// language, so they take the document's.
const MinLetters = 20

// maxSampleLetters bounds the text one block contributes: a few hundred
// letters decide as well as a few thousand, and lingua's cost is linear.
const maxSampleLetters = 600

// maxNameLetters bounds the text lingua names an out-of-scope page from.
const maxNameLetters = 250

// Detector detects languages. It is safe for concurrent use.
type Detector struct {
	lingua lingua.LanguageDetector
	langs  []string
	in     map[string]bool
	// rules holds the letter rule of each in-scope language that has one.
	rules map[string]func(*sample) verdict
	// closed[sc] is set when every in-scope language written in script sc
	// has a letter rule: then a sample of sc that every rule rules out is
	// out of scope without asking lingua.
	closed [4]bool
}

// New returns a detector for the given in-scope ISO 639-1 codes,
// DefaultLanguages when none are given. It loads lingua's trigram models of
// the Latin and Cyrillic languages (about 50 MB, a second or two): build
// one and share it.
func New(langs ...string) (*Detector, error) {
	if len(langs) == 0 {
		langs = DefaultLanguages
	}
	d := &Detector{in: make(map[string]bool), rules: make(map[string]func(*sample) verdict)}
	set := append(lingua.AllLanguagesWithLatinScript(), lingua.AllLanguagesWithCyrillicScript()...)
	for _, code := range langs {
		code = strings.ToLower(strings.TrimSpace(code))
		if d.in[code] {
			continue
		}
		l := lingua.GetLanguageFromIsoCode639_1(lingua.GetIsoCode639_1FromValue(code))
		if l == lingua.Unknown {
			return nil, fmt.Errorf("langid: unknown language code %q", code)
		}
		d.in[code] = true
		d.langs = append(d.langs, code)
		if !slices.Contains(set, l) {
			set = append(set, l)
		}
		if r := ruleFor(code); r != nil {
			d.rules[code] = r
		}
	}
	for sc := scriptLatin; sc <= scriptOther; sc++ {
		d.closed[sc] = true
	}
	for _, code := range d.langs {
		if d.rules[code] == nil {
			// Without a rule only lingua can tell this language from others.
			for sc := scriptLatin; sc <= scriptOther; sc++ {
				d.closed[sc] = false
			}
		}
	}
	d.lingua = lingua.NewLanguageDetectorBuilder().
		FromLanguages(set...).
		WithLowAccuracyMode().
		WithPreloadedLanguageModels().
		Build()
	return d, nil
}

// Languages returns the detector's in-scope ISO 639-1 codes.
func (d *Detector) Languages() []string { return append([]string(nil), d.langs...) }

// Detect returns the language of text as a lowercase ISO 639 code and a
// confidence in [0,1], or "" and 0 when it cannot tell (too few letters, or
// two languages too close to call). A letter rule's verdict has confidence
// 1, as lingua's own rule engine does. Text in none of the in-scope
// languages is named when it can be, and is Other when it cannot.
func (d *Detector) Detect(text string) (lang string, confidence float64) {
	s := analyse(text)
	if lang, confidence = d.decide(s); lang == Other {
		lang = d.name(s)
	}
	return lang, confidence
}

// Decide is Detect without naming: a text in none of the in-scope
// languages is Other. It is what dropping a page needs, and what the
// open-world figures measure.
func (d *Detector) Decide(text string) (lang string, confidence float64) {
	return d.decide(analyse(text))
}

// decide is Decide on a text's sample.
func (d *Detector) decide(s *sample) (lang string, confidence float64) {
	if s.letters < MinLetters {
		return "", 0
	}
	lang, confidence = d.byRules(s)
	if lang == "" {
		lang, confidence = d.byLingua(s)
	}
	return lang, confidence
}

// byRules is the letters' verdict: an in-scope language, Other when every
// in-scope language is ruled out, or "" when the letters cannot tell.
func (d *Detector) byRules(s *sample) (string, float64) {
	if s.script == scriptNone {
		return "", 0
	}
	out := true
	for _, code := range d.langs {
		r := d.rules[code]
		if r == nil {
			out = false
			continue
		}
		switch r(s) {
		case isLang:
			return code, 1
		case undecided:
			out = false
		}
	}
	if out && d.closed[s.script] {
		return Other, 1
	}
	return "", 0
}

// byLingua asks lingua, taking the top language only when lingua itself
// would (DetectLanguageOf's rule), and never a language the letters ruled
// out: then the text is Other.
func (d *Detector) byLingua(s *sample) (string, float64) {
	if s.script == scriptOther && d.closed[scriptOther] {
		return Other, 1
	}
	values := d.lingua.ComputeLanguageConfidenceValues(s.text())
	if len(values) < 2 || values[0].Value() == 0 || values[0].Value() == values[1].Value() {
		return "", 0
	}
	lang := code(values[0].Language())
	if !d.in[lang] {
		return Other, values[0].Value()
	}
	if r := d.rules[lang]; r != nil && r(s) == notLang {
		return Other, values[0].Value()
	}
	return lang, values[0].Value()
}

// name names the language of a sample that is in none of the in-scope
// languages: by its letters or script when they tell, else by lingua's best
// guess outside the set. It returns Other when nothing tells.
func (d *Detector) name(s *sample) string {
	if l := nameByLetters(s); l != "" {
		return l
	}
	if l := nameByWords(s); l != "" && !d.in[l] {
		return l
	}
	if s.script == scriptOther {
		if l := nameByScript(s); l != "" {
			return l
		}
		return Other
	}
	// A few hundred letters name a language as well as more, at a fraction
	// of the cost.
	for _, v := range d.lingua.ComputeLanguageConfidenceValues(s.prefix(maxNameLetters)) {
		if v.Value() == 0 {
			break
		}
		if l := code(v.Language()); !d.in[l] {
			return l
		}
	}
	return Other
}

func code(l lingua.Language) string { return strings.ToLower(l.IsoCode639_1().String()) }

// scriptNames name a language by a script it alone (among the common ones)
// is written in; Arabic script stands for its largest language. Han is not
// among them: Japanese writes it too (nameByScript).
var scriptNames = []struct {
	lang  string
	table *unicode.RangeTable
}{
	{"el", unicode.Greek}, {"hy", unicode.Armenian}, {"ka", unicode.Georgian}, {"he", unicode.Hebrew},
	{"ar", unicode.Arabic}, {"hi", unicode.Devanagari}, {"bn", unicode.Bengali}, {"ta", unicode.Tamil},
	{"th", unicode.Thai}, {"ko", unicode.Hangul}, {"ja", unicode.Hiragana}, {"ja", unicode.Katakana},
}

// nameByScript names the language of the first letter in one of
// scriptNames' scripts. Han characters alone stand for Chinese; a Japanese
// sentence opens on them as often as not, so they only decide when no kana
// (or other named script) follows.
func nameByScript(s *sample) string {
	han := false
	for _, w := range s.words {
		for _, r := range w {
			if r < 0x0370 {
				continue // Latin: no script of the table
			}
			if unicode.Is(unicode.Han, r) {
				han = true
				continue
			}
			for _, n := range scriptNames {
				if unicode.Is(n.table, r) {
					return n.lang
				}
			}
		}
	}
	if han {
		return "zh"
	}
	return ""
}

// Block is the verdict for one block of a document.
type Block struct {
	Lang       string  `json:"lang"`
	Confidence float64 `json:"confidence"`
	Letters    int     `json:"letters"`
	// Inherited is set when the block took the document's language: it was
	// too short for its own verdict, undecidable, not worth detecting once
	// the document's language was settled, or nothing in its letters
	// contradicted the document's language.
	Inherited bool `json:"inherited,omitempty"`
}

// Doc is the verdict for a document and each of its blocks.
type Doc struct {
	Lang       string  `json:"lang"`
	Confidence float64 `json:"confidence"`
	Blocks     []Block `json:"blocks"`
}

// Document detects the language of each text and of the texts together,
// every text weighing the same.
func (d *Detector) Document(texts []string) Doc { return d.DocumentWeighted(texts, nil) }

// DocumentWeighted detects the language of each text and of the texts
// together. The document language is the vote of the blocks, each weighted
// by its letters, its confidence and weights[i] (1 when weights is nil; 0
// leaves a block out of the vote), so a long article outvotes a handful of
// foreign sidebar teasers; its confidence is the winner's share of the vote.
// Pass "" for a block that need not be detected.
//
// lingua is asked only about blocks the letters leave open, longest first,
// and only until the vote is settled. A document in none of the in-scope
// languages is named, and its blocks keep the verdicts they had when the
// vote was settled.
func (d *Detector) DocumentWeighted(texts []string, weights []float64) Doc {
	doc := Doc{Blocks: make([]Block, len(texts))}
	samples := make([]*sample, len(texts))
	weight := func(i int) float64 {
		if weights == nil {
			return 1
		}
		return weights[i]
	}
	vote := make(map[string]float64)
	total, pending := 0.0, 0.0
	var open []int
	for i, t := range texts {
		if t == "" {
			continue
		}
		s := analyse(t)
		samples[i] = s
		doc.Blocks[i].Letters = s.letters
		if s.letters < MinLetters {
			continue
		}
		b := &doc.Blocks[i]
		b.Lang, b.Confidence = d.byRules(s)
		w := float64(s.letters) * weight(i)
		if b.Lang == "" {
			open = append(open, i)
			pending += w
			continue
		}
		vote[b.Lang] += w * b.Confidence
		total += w
	}
	// The longest open blocks first: they decide the most, most reliably.
	sort.SliceStable(open, func(a, b int) bool { return samples[open[a]].letters > samples[open[b]].letters })
	for _, i := range open {
		if settled(vote, pending) {
			break
		}
		b := &doc.Blocks[i]
		b.Lang, b.Confidence = d.byLingua(samples[i])
		w := float64(samples[i].letters) * weight(i)
		pending -= w
		if b.Lang != "" {
			vote[b.Lang] += w * b.Confidence
			total += w
		}
	}
	doc.Lang = leader(vote)
	if total > 0 {
		doc.Confidence = vote[doc.Lang] / total
	}
	if doc.Lang == Other {
		doc.Lang = d.nameDoc(doc, samples)
	}
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		s := samples[i]
		switch {
		case s == nil || s.letters < MinLetters:
			b.Lang, b.Confidence, b.Inherited = doc.Lang, doc.Confidence, true
		case b.Lang == doc.Lang || !d.in[doc.Lang]:
		case d.consistent(s, doc.Lang, b.Lang):
			// The page's language is a strong prior: lingua's verdict on a
			// block, or no verdict at all, does not outweigh it when the
			// block's letters allow it.
			b.Lang, b.Confidence, b.Inherited = doc.Lang, doc.Confidence, true
		case b.Lang == "":
			// Not asked, and ruled out by its letters or script.
			b.Lang, b.Confidence = Other, 1
		}
	}
	return doc
}

// consistent reports whether sample s, which has verdict own, may be in
// language lang: lang's letter rule does not rule it out or, when lang has
// no rule, nothing spoke for another language.
func (d *Detector) consistent(s *sample, lang, own string) bool {
	if r := d.rules[lang]; r != nil {
		return r(s) != notLang
	}
	return own == ""
}

// settled reports whether the blocks still open could not change the vote's
// leader, even all going to the runner-up.
func settled(vote map[string]float64, pending float64) bool {
	if pending == 0 {
		return true
	}
	first, second := 0.0, 0.0
	for _, w := range vote {
		switch {
		case w > first:
			first, second = w, first
		case w > second:
			second = w
		}
	}
	return first-second > pending
}

func leader(vote map[string]float64) string {
	best := ""
	for lang, w := range vote {
		if w > vote[best] || (w == vote[best] && lang < best) {
			best = lang
		}
	}
	return best
}

// nameDoc names the language of a document in none of the in-scope
// languages from its longest out-of-scope blocks.
func (d *Detector) nameDoc(doc Doc, samples []*sample) string {
	best := -1
	for i, b := range doc.Blocks {
		if b.Lang == Other && samples[i] != nil && (best < 0 || samples[i].letters > samples[best].letters) {
			best = i
		}
	}
	if best < 0 {
		return Other
	}
	return d.name(samples[best])
}

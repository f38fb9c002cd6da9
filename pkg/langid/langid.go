// Package langid detects the language of news text: of one block, and of a
// whole page from its blocks.
//
// It wraps lingua-go, whose models are large and slow to load, so a Detector
// is built once per process and shared: it is safe for concurrent use. In
// front of lingua sits a script fast path: most Turkish and Russian text
// carries letters that settle the question between the configured
// languages, and then lingua is not called at all.
package langid

import (
	"fmt"
	"strings"

	"github.com/pemistahl/lingua-go"
)

// DefaultLanguages is the default detection set: the two in-scope languages
// plus the neighbours they are confused with. Without az, uk, kk and bg in
// the set lingua would call an Azerbaijani page Turkish and a Ukrainian one
// Russian, because it can only answer with a language it knows.
var DefaultLanguages = []string{"tr", "ru", "en", "az", "uk", "kk", "bg"}

// MinLetters is the fewest letters a text needs for its own verdict. Shorter
// blocks (a byline, "Фото:", a date) say nothing reliable about their
// language, so they take the document's.
const MinLetters = 20

// maxSampleLetters bounds the text lingua sees for one block: a few hundred
// letters decide as well as a few thousand, and lingua's cost is linear.
const maxSampleLetters = 600

// Detector detects languages among a fixed set. It is safe for concurrent use.
type Detector struct {
	lingua lingua.LanguageDetector
	langs  []string
	in     map[string]bool
	rules  rules
}

// New returns a detector over the given ISO 639-1 codes, DefaultLanguages
// when none are given. It loads every language model up front, which takes
// seconds: build one and share it.
func New(langs ...string) (*Detector, error) {
	if len(langs) == 0 {
		langs = DefaultLanguages
	}
	d := &Detector{in: make(map[string]bool)}
	var ll []lingua.Language
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
		ll = append(ll, l)
	}
	if len(ll) < 2 {
		// lingua needs two languages to choose between; with one, every text
		// would come out as that language, which is no detection at all.
		return nil, fmt.Errorf("langid: need at least two languages, have %v", d.langs)
	}
	d.lingua = lingua.NewLanguageDetectorBuilder().
		FromLanguages(ll...).
		WithPreloadedLanguageModels().
		Build()
	d.rules = newRules(d.in)
	return d, nil
}

// Languages returns the detector's set of ISO 639-1 codes.
func (d *Detector) Languages() []string { return append([]string(nil), d.langs...) }

// Detect returns the language of text as a lowercase ISO 639-1 code and a
// confidence in [0,1], or "" and 0 when it cannot tell (too few letters, or
// two languages too close to call). A script rule's verdict has confidence 1,
// as lingua's own rule engine does.
func (d *Detector) Detect(text string) (lang string, confidence float64) {
	return d.detect(analyse(text))
}

func (d *Detector) detect(s *sample) (string, float64) {
	if s.letters < MinLetters {
		return "", 0
	}
	if lang := d.rules.decide(s); lang != "" {
		return lang, 1
	}
	return d.detectLingua(s.text())
}

// detectLingua asks lingua, taking the top language only when lingua itself
// would (DetectLanguageOf's rule), without computing the values twice.
func (d *Detector) detectLingua(text string) (string, float64) {
	values := d.lingua.ComputeLanguageConfidenceValues(text)
	if len(values) < 2 || values[0].Value() == 0 || values[0].Value() == values[1].Value() {
		return "", 0
	}
	return strings.ToLower(values[0].Language().IsoCode639_1().String()), values[0].Value()
}

// Block is the verdict for one block of a document.
type Block struct {
	Lang       string  `json:"lang"`
	Confidence float64 `json:"confidence"`
	Letters    int     `json:"letters"`
	// Inherited is set when the block was too short for its own verdict,
	// or undecidable, and took the document's language.
	Inherited bool `json:"inherited,omitempty"`
}

// Doc is the verdict for a document and each of its blocks.
type Doc struct {
	Lang       string  `json:"lang"`
	Confidence float64 `json:"confidence"`
	Blocks     []Block `json:"blocks"`
}

// Document detects the language of each text and of the texts together. The
// document language is the letter-weighted vote of the blocks that could be
// detected, so a long article outvotes a handful of foreign sidebar teasers;
// its confidence is the weighted share of that vote times the blocks'
// confidence. Pass "" for a block that need not be detected.
func (d *Detector) Document(texts []string) Doc {
	doc := Doc{Blocks: make([]Block, len(texts))}
	weight := make(map[string]float64)
	total := 0.0
	for i, t := range texts {
		s := analyse(t)
		b := Block{Letters: s.letters}
		b.Lang, b.Confidence = d.detect(s)
		doc.Blocks[i] = b
		if b.Lang != "" {
			weight[b.Lang] += float64(s.letters) * b.Confidence
			total += float64(s.letters)
		}
	}
	for lang, w := range weight {
		if w > weight[doc.Lang] || (w == weight[doc.Lang] && lang < doc.Lang) {
			doc.Lang = lang
		}
	}
	if total > 0 {
		doc.Confidence = weight[doc.Lang] / total
	}
	for i := range doc.Blocks {
		if doc.Blocks[i].Lang == "" {
			doc.Blocks[i].Lang = doc.Lang
			doc.Blocks[i].Confidence = doc.Confidence
			doc.Blocks[i].Inherited = true
		}
	}
	return doc
}

// Package classify turns a fetched page into exactly one of two things: a
// cleaned article, or the record of why the page was dropped. It wires
// language detection (langid), cleaning (clean) and topic relevance
// (relevance); the classifier service and "classifier classify" both call it.
package classify

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
	"github.com/wiredesk/wiredesk/pkg/langid"
	"github.com/wiredesk/wiredesk/pkg/relevance"
)

// Config configures a Classifier.
type Config struct {
	Languages []string // in-scope ISO 639-1 codes; default {"tr","ru"}
	// Profile is "" for the built-in diplomacy model, a path to a model
	// (*.json) trained by "relevance train" on other labels, or a path to a
	// relevance profile YAML, whose weighted terms then decide.
	Profile   string
	Threshold float64 // 0 = the model's (per language) or the profile's default
	// Memory bounds the per-source memory of recurring blocks (zero fields
	// take clean's defaults). NoMemory turns it off: each page is then
	// cleaned on its own evidence, as when replaying one page to debug it.
	Memory   clean.MemoryConfig
	NoMemory bool
}

// DefaultLanguages are the in-scope languages when Config.Languages is empty.
var DefaultLanguages = []string{"tr", "ru"}

// Classifier classifies pages. It is safe for concurrent use; build one per
// process, since building it loads the language models.
type Classifier struct {
	langs     map[string]bool
	detector  *langid.Detector
	cleaner   *clean.Cleaner
	scorer    *relevance.Scorer
	threshold float64             // 0 = the scorer's default for the language
	memory    *clean.SourceMemory // nil when off
	bylines   *bylineSplits
	// modelBytes is the heap the language models took when loaded.
	modelBytes uint64
	log        *slog.Logger
}

// Result is a classification: exactly one of Article and Drop is set.
type Result struct {
	Article *article.Article `json:"article,omitempty"` // set when kept
	Drop    *article.Drop    `json:"drop,omitempty"`    // set when dropped (Reason: article.DropLang, DropNotArticle, DropEmpty)
	// Encoded is Article as json.Marshal writes it: its content hash
	// came from the same encoding (article.EncodeArticle), which the
	// pipeline publishes instead of encoding the article again. Whoever
	// changes Article after Classify sets it to nil.
	Encoded []byte `json:"-"`
}

// New builds a classifier.
func New(cfg Config, log *slog.Logger) (*Classifier, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	langs := cfg.Languages
	if len(langs) == 0 {
		langs = DefaultLanguages
	}
	c := &Classifier{langs: make(map[string]bool), bylines: newBylineSplits(), log: log}
	if cfg.NoMemory {
		c.cleaner = clean.New(nil)
	} else {
		c.memory = clean.NewSourceMemory(cfg.Memory)
		c.cleaner = clean.New(c.memory)
	}
	// The detector is told only the in-scope languages: it works in an open
	// world, and recognises a page in any other language as such.
	var detect []string
	for _, l := range langs {
		l = strings.ToLower(strings.TrimSpace(l))
		if !article.ValidToken(l) {
			return nil, fmt.Errorf("classify: language %q is not an ISO 639-1 code", l)
		}
		c.langs[l] = true
		detect = append(detect, l)
	}
	before := heapInUse()
	d, err := langid.New(detect...)
	if err != nil {
		return nil, fmt.Errorf("classify: %w", err)
	}
	c.detector = d
	if after := heapInUse(); after > before {
		c.modelBytes = after - before
	}
	if c.scorer, err = loadScorer(cfg.Profile); err != nil {
		return nil, err
	}
	c.threshold = max(cfg.Threshold, 0)
	thresholds := make(map[string]float64, len(langs))
	for _, l := range langs {
		thresholds[l] = c.threshold
		if c.threshold == 0 {
			thresholds[l] = c.scorer.Threshold(l)
		}
	}
	log.Info("classifier ready", "languages", langs, "detect", detect, "topic", c.scorer.Topic(), "thresholds", thresholds,
		"model_mib", c.modelBytes>>20, "memory", c.memory != nil)
	return c, nil
}

// heapInUse is the live heap after a collection: the models are the only
// large allocation New makes, so the difference around loading them is
// their size.
func heapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// Stats is what a classifier holds in memory.
type Stats struct {
	// ModelBytes is the heap the language models took when this
	// classifier loaded them. lingua caches models per process, so a second
	// classifier in the same process reports about zero.
	ModelBytes uint64
	Memory     clean.MemoryStats // the per-source memory of recurring blocks
}

// Stats reports the classifier's memory use.
func (c *Classifier) Stats() Stats {
	st := Stats{ModelBytes: c.modelBytes}
	if c.memory != nil {
		st.Memory = c.memory.Stats()
	}
	return st
}

// loadScorer loads the built-in model, a model file (*.json) with the
// built-in profile's entity lists, or a profile YAML on its own.
func loadScorer(path string) (*relevance.Scorer, error) {
	if path == "" {
		s, err := relevance.DefaultScorer()
		if err != nil {
			return nil, fmt.Errorf("classify: built-in relevance model: %w", err)
		}
		return s, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("classify: profile: %w", err)
	}
	defer f.Close()
	if strings.HasSuffix(path, ".json") {
		m, err := relevance.LoadModel(f)
		if err != nil {
			return nil, fmt.Errorf("classify: model %s: %w", path, err)
		}
		p, err := relevance.Default()
		if err != nil {
			return nil, fmt.Errorf("classify: built-in profile: %w", err)
		}
		return relevance.NewScorer(p, m), nil
	}
	p, err := relevance.Load(f)
	if err != nil {
		return nil, fmt.Errorf("classify: profile %s: %w", path, err)
	}
	return relevance.NewScorer(p, nil), nil
}

// Classify turns a page into an article or a drop record; now is the
// article's ClassifiedAt or the drop's DroppedAt. Bad content is a drop,
// never an error: an error means ctx ended or something inside failed.
// With the memory on, the page is recorded in it before it is cleaned.
func (c *Classifier) Classify(ctx context.Context, p *article.Page, now time.Time) (Result, error) {
	return c.ClassifyShared(ctx, p, now, c.observe)
}

// Record records a page's observation in a memory shared with other
// classifiers, and returns once the memory reflects it.
type Record func(ctx context.Context, o clean.Observation) error

// ClassifyShared is Classify for a memory that others share: record is
// called, before the page is cleaned, with what the page teaches the
// memory (only for a page that gets that far), instead of Classify's
// recording it in this process alone. An error from record is returned.
// A nil record records nothing: for a page cleaned again.
func (c *Classifier) ClassifyShared(ctx context.Context, p *article.Page, now time.Time, record Record) (Result, error) {
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	if reason, ok := notArticle(p); ok {
		return c.drop(p, now, article.DropNotArticle, reason, ""), nil
	}
	blocks, doc := c.detect(p)
	if doc.Lang == "" {
		// Nothing that looks like content says what the language is; the
		// rest of the page may, and cleaning will then find no body.
		blocks, doc = c.detectAll(p)
	}
	if doc.Lang == "" || !c.langs[doc.Lang] {
		lang := doc.Lang
		if lang == langid.Other {
			lang = "" // in none of the in-scope languages, but unnamed
		}
		detail := fmt.Sprintf("language %q (confidence %.2f) is not in scope", doc.Lang, doc.Confidence)
		return c.drop(p, now, article.DropLang, detail, lang), nil
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	if c.memory != nil && record != nil {
		if err := record(ctx, c.memory.Observation(p.Source, p.ID, 0, p.Blocks)); err != nil {
			return Result{}, fmt.Errorf("classify %s: %w", p.URL, err)
		}
	}
	title := pageTitle(p)
	cr := c.cleaner.Clean(clean.Input{Source: p.Source, Page: p.ID, Title: title, Lang: doc.Lang, Host: pageHost(p), Blocks: blocks})
	if len(cr.Paragraphs) == 0 {
		return c.drop(p, now, article.DropEmpty, fmt.Sprintf("no body paragraph left of %d blocks", len(p.Blocks)), doc.Lang), nil
	}
	paras := make([]string, len(cr.Paragraphs))
	var headings []int
	for i, para := range cr.Paragraphs {
		paras[i] = para.Text
		if para.Heading {
			headings = append(headings, i)
		}
	}
	// The standfirst is the story in brief: relevance reads it with the
	// body, as the analyst does.
	scored := paras
	if cr.Meta.Standfirst != "" {
		scored = append([]string{cr.Meta.Standfirst}, paras...)
	}
	rel := c.scorer.Score(doc.Lang, title, scored, c.threshold)
	a := &article.Article{
		Schema:         article.SchemaArticle,
		ID:             p.ID,
		URL:            canonical(p),
		Source:         p.Source,
		Lang:           doc.Lang,
		LangConfidence: round(doc.Confidence),
		Title:          title,
		PublishedAt:    p.PublishedAt,
		Credit:         cr.Meta.Credit,
		Dateline:       cr.Meta.Dateline,
		Standfirst:     cr.Meta.Standfirst,
		Paragraphs:     paras,
		Headings:       headings,
		Body:           strings.Join(paras, "\n\n"),
		Relevance: article.Relevance{
			Topic: rel.Topic, Score: rel.Score, Relevant: rel.Relevant, Terms: rel.Terms,
		},
		Countries:     rel.Countries,
		Organizations: rel.Organizations,
		Dropped:       cr.Dropped,
		FetchedAt:     p.FetchedAt,
		Backfill:      p.Backfill,
		ClassifiedAt:  now,
	}
	if a.Dateline == "" {
		a.Dateline = p.Dateline
	}
	setMeta(a, p, cr.Meta, c.bylines)
	data, err := article.EncodeArticle(a)
	if err != nil {
		return Result{}, fmt.Errorf("classify %s: %w", p.URL, err)
	}
	if err := a.Validate(); err != nil {
		// Only a page that itself fails validation gets here; the pipeline
		// validates pages on decode, so this is an internal failure.
		return Result{}, fmt.Errorf("classify %s: built an invalid article: %w", p.URL, err)
	}
	return Result{Article: a, Encoded: data}, nil
}

// observe records o in this classifier's own memory.
func (c *Classifier) observe(_ context.Context, o clean.Observation) error {
	c.memory.Observe(o, 0)
	return nil
}

// Memory returns the classifier's memory of recurring blocks, nil when off.
func (c *Classifier) Memory() *clean.SourceMemory { return c.memory }

// setMeta settles the article's byline, attribution and times from what
// the fetcher found in the page's markup and what the cleaner cut out of
// its text. The byline holds persons only: a name the cleaner found is
// checked like the fetcher's, and an agency or outlet there goes to the
// attribution. The dateline's agency or the source line is the truest
// attribution; the page's (its byline slot, publisher, site) comes next.
func setMeta(a *article.Article, p *article.Page, m clean.Meta, bylines *bylineSplits) {
	host := ""
	if u, err := url.Parse(a.URL); err == nil {
		host = u.Hostname()
	}
	persons, orgs := bylines.split(p.Byline, host)
	if persons == "" {
		persons, orgs = bylines.split(m.Byline, host)
	}
	a.Byline = persons
	a.Attribution = m.Attribution
	for _, s := range []string{orgs, p.Attribution} {
		if a.Attribution == "" {
			a.Attribution = s
		}
	}
	// A time the page wrote without an offset, on a page whose markup
	// named no language with a zone, is read in the zone of the language
	// the text turned out to be in; in no zone when it has none.
	loc := article.LangZone(a.Lang)
	a.PublishedLocal = p.PublishedLocal
	if a.PublishedLocal && loc != nil {
		a.PublishedAt, a.PublishedLocal = article.InZone(a.PublishedAt, loc), false
	}
	if !a.PublishedAt.IsZero() {
		a.PublishedPrecision = p.PublishedPrecision
	} else {
		a.PublishedLocal = false
	}
	upd, updLocal := p.UpdatedAt, p.UpdatedLocal
	if updLocal && loc != nil {
		upd, updLocal = article.InZone(upd, loc), false
	}
	if upd.After(a.PublishedAt) {
		a.UpdatedAt, a.UpdatedLocal = upd, updLocal
	}
}

// detect finds the language of the page and of each block. Only blocks that
// could be the article are detected: a nav menu's language is irrelevant,
// and detecting it costs time and skews the vote.
func (c *Classifier) detect(p *article.Page) ([]clean.Block, langid.Doc) {
	texts := make([]string, len(p.Blocks))
	for i, b := range p.Blocks {
		switch b.Zone {
		case article.ZoneBody, article.ZoneHeading, article.ZoneUnknown:
			if b.LinkDensity < 0.5 {
				texts[i] = b.Text
			}
		}
	}
	return c.withLangs(p, c.detector.DocumentWeighted(texts, voteWeights(p, texts)))
}

// Weights of the page-language vote. When the extractor found the
// article's body, the body decides the page's language: a Russian paper
// whose site furniture is in English is a Russian page. Blocks outside it
// still count a little, for pages whose body is a sliver.
const (
	minBodyLetters = 200 // a body with fewer letters is not trusted to vote alone
	headingWeight  = 0.5
	outsideWeight  = 0.1
)

func voteWeights(p *article.Page, texts []string) []float64 {
	bodyLetters := 0
	for i, b := range p.Blocks {
		if b.Zone == article.ZoneBody && texts[i] != "" {
			bodyLetters += letters(texts[i])
			if bodyLetters >= minBodyLetters {
				break
			}
		}
	}
	weights := make([]float64, len(p.Blocks))
	for i, b := range p.Blocks {
		switch {
		case bodyLetters < minBodyLetters || b.Zone == article.ZoneBody:
			weights[i] = 1
		case b.Zone == article.ZoneHeading:
			weights[i] = headingWeight
		default:
			weights[i] = outsideWeight
		}
	}
	return weights
}

// detectAll detects every block, whatever its zone.
func (c *Classifier) detectAll(p *article.Page) ([]clean.Block, langid.Doc) {
	texts := make([]string, len(p.Blocks))
	for i, b := range p.Blocks {
		texts[i] = b.Text
	}
	return c.withLangs(p, c.detector.Document(texts))
}

func (c *Classifier) withLangs(p *article.Page, doc langid.Doc) ([]clean.Block, langid.Doc) {
	blocks := make([]clean.Block, len(p.Blocks))
	for i, b := range p.Blocks {
		blocks[i] = clean.Block{Block: b, Lang: doc.Blocks[i].Lang, Own: !doc.Blocks[i].Inherited, Conf: doc.Blocks[i].Confidence}
	}
	return blocks, doc
}

func (c *Classifier) drop(p *article.Page, now time.Time, reason, detail, lang string) Result {
	c.log.Debug("page dropped", "url", p.URL, "reason", reason, "detail", detail)
	return Result{Drop: &article.Drop{
		Schema:      article.SchemaDrop,
		ID:          p.ID,
		URL:         canonical(p),
		Source:      p.Source,
		Reason:      reason,
		Detail:      detail,
		Lang:        lang,
		Title:       pageTitle(p),
		ContentHash: p.ContentHash,
		DroppedAt:   now,
	}}
}

// pageHost is the host the page was fetched from, "" when its URL does not
// parse.
func pageHost(p *article.Page) string {
	u, err := url.Parse(p.URL)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

func canonical(p *article.Page) string {
	if p.CanonicalURL != "" {
		return p.CanonicalURL
	}
	return p.URL
}

// pageTitle is the page's title, or its first h1 when the fetcher found none.
func pageTitle(p *article.Page) string {
	if t := strings.TrimSpace(p.Title); t != "" {
		return t
	}
	for _, b := range p.Blocks {
		if b.Level == 1 || b.Tag == "h1" {
			return strings.TrimSpace(b.Text)
		}
	}
	return ""
}

func round(f float64) float64 {
	return float64(int(f*1000+0.5)) / 1000
}

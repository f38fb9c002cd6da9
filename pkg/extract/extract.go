// Package extract turns one HTML page into wiredesk's page/v1 material:
// every candidate text block in reading order, each with a structural zone
// hint, plus the page metadata (canonical URL, title, publication time,
// byline, dateline, language hint).
//
// The extractor keeps text rather than deciding what to throw away: the
// classifier makes that decision with language and relatedness evidence the
// extractor does not have. A zone is a hint.
//
// The page is parsed once and walked once. Metadata, link density, the zone
// evidence of every block and the scores of candidate article containers are
// all gathered in that walk; the article container is then chosen and each
// block's zone resolved against it in a pass over the blocks only.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// maxInput bounds the bytes parsed from one page. A news article is well
// under a megabyte; beyond the cap the page is parsed as if it ended there,
// which keeps memory and time bounded on hostile or broken responses.
const maxInput = 16 << 20

// Rules are a source's goquery selectors; empty fields fall back to the
// generic extractor. A selector that matches nothing on a page also falls
// back, so that a site redesign degrades to generic extraction rather than
// to an empty page.
type Rules struct {
	Article string   `yaml:"article" json:"article,omitempty"` // container of the article
	Title   string   `yaml:"title" json:"title,omitempty"`
	Body    string   `yaml:"body" json:"body,omitempty"` // container(s) of body paragraphs
	Date    string   `yaml:"date" json:"date,omitempty"`
	Byline  string   `yaml:"byline" json:"byline,omitempty"`
	Drop    []string `yaml:"drop" json:"drop,omitempty"` // elements whose text is zoned as furniture (nav)
}

// Validate reports the first selector that does not compile, naming its field.
func (r *Rules) Validate() error {
	_, err := r.compile()
	return err
}

// compiledRules holds the parsed selectors; a nil field is an empty rule.
type compiledRules struct {
	article, title, body, date, byline cascadia.Selector
	drop                               []cascadia.Selector
}

func (r *Rules) compile() (*compiledRules, error) {
	if r == nil {
		return nil, nil
	}
	var c compiledRules
	fields := []struct {
		name string
		src  string
		dst  *cascadia.Selector
	}{
		{"article", r.Article, &c.article},
		{"title", r.Title, &c.title},
		{"body", r.Body, &c.body},
		{"date", r.Date, &c.date},
		{"byline", r.Byline, &c.byline},
	}
	for _, f := range fields {
		if f.src == "" {
			continue
		}
		sel, err := cascadia.Compile(f.src)
		if err != nil {
			return nil, fmt.Errorf("rules: %s: selector %q: %w", f.name, f.src, err)
		}
		*f.dst = sel
	}
	for i, src := range r.Drop {
		if src == "" {
			return nil, fmt.Errorf("rules: drop[%d]: empty selector", i)
		}
		sel, err := cascadia.Compile(src)
		if err != nil {
			return nil, fmt.Errorf("rules: drop[%d]: selector %q: %w", i, src, err)
		}
		c.drop = append(c.drop, sel)
	}
	return &c, nil
}

// Result is what Extract found on a page.
type Result struct {
	CanonicalURL string    // absolute, from <link rel=canonical> or og:url, resolved against pageURL; "" when absent
	Title        string    //
	PublishedAt  time.Time // UTC; zero when unknown
	// PublishedPrecision is how much of PublishedAt the page gave
	// (article.PrecisionDate, Minute, Second); "" when unknown.
	PublishedPrecision string
	// PublishedLocal: the page wrote PublishedAt without an offset and
	// no zone rule applied (no source zone, a language with no zone of
	// its own): PublishedAt is the wall-clock time the page shows,
	// labelled UTC, not an instant.
	PublishedLocal bool      `json:",omitempty"`
	UpdatedAt      time.Time `json:",omitzero"`  // UTC; the page's last update, zero when none
	UpdatedLocal   bool      `json:",omitempty"` // UpdatedAt is local, as PublishedLocal
	Byline         string    // the persons credited, never an agency, outlet, place or date
	Attribution    string    // the agency or outlet credited, else the site's name
	Dateline       string    // the exact leading text of a body block, so that the classifier can strip it as a prefix
	LangHint       string    // from <html lang> or og:locale, lowercased primary subtag: "tr", "ru"
	Blocks         []article.Block
}

// Options are a source's settings for extraction.
type Options struct {
	Rules *Rules // may be nil
	// Zone reads the times a page writes without an offset; nil picks
	// it by the page's language (article.LangZone: Europe/Istanbul,
	// Europe/Moscow), and a page in another language keeps them local.
	Zone *time.Location

	keepRaw bool // parse script and style text and every attribute too (tests compare)
}

// Extract parses UTF-8 HTML. pageURL resolves relative links; it may be nil,
// and then only absolute links are reported. rules may be nil.
func Extract(r io.Reader, pageURL *url.URL, rules *Rules) (*Result, error) {
	return ExtractWith(r, pageURL, Options{Rules: rules})
}

// ExtractWith is Extract with all of a source's options.
func ExtractWith(r io.Reader, pageURL *url.URL, opts Options) (*Result, error) {
	cr, err := opts.Rules.compile()
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	// A source's rules may select on any attribute: with rules, every
	// attribute is parsed.
	src, err := readPage(r, prep{strip: !opts.keepRaw, attrs: cr == nil})
	if err != nil {
		return nil, fmt.Errorf("extract: read: %w", err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("extract: parse: %w", err)
	}
	if len(doc.Nodes) == 0 {
		return nil, errors.New("extract: parse: no document")
	}
	prune(doc.Nodes[0])
	w := newWalker(pageURL, bytes.Count(src, []byte("<")))
	if cr != nil {
		w.applyRules(doc, cr)
	}
	w.walkDocument(doc.Nodes[0])
	return w.result(opts.Zone), nil
}

// ruleMarks are the nodes a source's rules picked, looked up during the walk.
type ruleMarks struct {
	article, body, drop map[*html.Node]bool
	title, date, byline []*html.Node
}

// applyRules runs each selector once over the document. The walk then only
// does map lookups, so rules add no per-node selector matching.
func (w *walker) applyRules(doc *goquery.Document, cr *compiledRules) {
	set := func(sels ...cascadia.Selector) map[*html.Node]bool {
		var m map[*html.Node]bool
		for _, s := range sels {
			if s == nil {
				continue
			}
			for _, n := range doc.FindMatcher(s).Nodes {
				if m == nil {
					m = make(map[*html.Node]bool)
				}
				m[n] = true
			}
		}
		return m
	}
	list := func(s cascadia.Selector) []*html.Node {
		if s == nil {
			return nil
		}
		return doc.FindMatcher(s).Nodes
	}
	w.rules = &ruleMarks{
		article: set(cr.article),
		body:    set(cr.body),
		drop:    set(cr.drop...),
		title:   list(cr.title),
		date:    list(cr.date),
		byline:  list(cr.byline),
	}
}

// ArticleText is the article as the extractor sees it: the text of the
// blocks zoned body, and of the subheadings between them, in reading order,
// separated by blank lines. A subheading counts when body text follows it;
// one over a teaser list or a credits box does not. The headline and
// anything before the first body block are not part of it. It is what the
// Zyte evaluation scores; the classifier makes its own choice from the
// blocks, with language evidence added.
func (r *Result) ArticleText() string {
	first, last := -1, -1
	for i, b := range r.Blocks {
		if b.Zone == article.ZoneBody {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	var sb strings.Builder
	for i := first; i >= 0 && i <= last; i++ {
		b := &r.Blocks[i]
		if b.Zone != article.ZoneBody && (b.Zone != article.ZoneHeading || b.Level == 1 || !opensBody(r.Blocks[i+1:])) {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(b.Text)
	}
	return sb.String()
}

// opensBody reports whether the first block after a heading's further
// headings is body text.
func opensBody(rest []article.Block) bool {
	for _, b := range rest {
		if b.Zone != article.ZoneHeading {
			return b.Zone == article.ZoneBody
		}
	}
	return false
}

// prep says how a page is readied for the parse.
type prep struct {
	strip bool // strip script and style text (ready, raw.go)
	attrs bool // and the unread attributes
}

// readPage reads up to maxInput bytes of r and readies them for the parse.
func readPage(r io.Reader, p prep) ([]byte, error) {
	switch r.(type) {
	case *bytes.Reader, *strings.Reader, *bytes.Buffer:
		// These hand all they hold over in one Write (WriteTo): the
		// page is readied from it into a buffer of its own, and the
		// raw page is never copied whole. The fetcher passes a
		// bytes.Reader.
		if r.(interface{ Len() int }).Len() <= maxInput {
			pw := pageWriter{prep: p}
			if _, err := r.(io.WriterTo).WriteTo(&pw); err != nil {
				return nil, err
			}
			return pw.page, nil
		}
	}
	src, err := readInput(r)
	if err != nil {
		return nil, err
	}
	return p.ready(src[:0], src), nil
}

// pageWriter readies the page written to it in one Write.
type pageWriter struct {
	prep
	page  []byte
	wrote bool
}

func (w *pageWriter) Write(b []byte) (int, error) {
	if err := w.once(); err != nil {
		return 0, err
	}
	// The readied page is shorter than the raw one but for a closed
	// title; append grows the buffer in that case.
	w.page = w.ready(make([]byte, 0, len(b)), b)
	return len(b), nil
}

// WriteString spares a strings.Reader's page the conversion to bytes
// io.WriteString would make: its one copy is readied in place.
func (w *pageWriter) WriteString(s string) (int, error) {
	if err := w.once(); err != nil {
		return 0, err
	}
	w.page = append(make([]byte, 0, len(s)), s...)
	w.page = w.ready(w.page[:0], w.page)
	return len(s), nil
}

func (w *pageWriter) once() error {
	if w.wrote {
		// The readers readPage hands a pageWriter write all they
		// hold at once; pieces could not be readied apart, as a tag
		// may straddle two.
		return errors.New("page written in pieces")
	}
	w.wrote = true
	return nil
}

// readInput reads up to maxInput bytes of r into a buffer of its own (the
// raw-text strip works in place). A reader that knows its length gets a
// buffer of that size at once, not a run of doublings.
func readInput(r io.Reader) ([]byte, error) {
	n := 64 << 10
	if l, ok := r.(interface{ Len() int }); ok {
		n = l.Len() + 1 // +1: EOF is seen without growing
	}
	buf := make([]byte, 0, min(n, maxInput+1))
	lr := io.LimitReader(r, maxInput)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		m, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// Package zyte loads the Zyte article-extraction benchmark kept in
// bench/zyte (181 real pages with a human-made article body each, MIT) and
// scores predicted article text with the benchmark's own metric, as its
// evaluate.py computes it.
//
// The metric: tokens are runs of word characters (\w in Python's re: letters,
// digits and underscore); a text is the multiset of its 4-token shingles (a
// text under 4 tokens is one shingle); per page, true positives, false
// positives and false negatives are the multiset overlaps, normalised to sum
// to 1 so that long pages weigh no more than short ones. Precision and
// recall are means over pages, and F1 is the harmonic mean of those means.
package zyte

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page is one benchmark page.
type Page struct {
	ID    string // the file name without .html.gz
	URL   string // where the page was saved from
	HTML  []byte // the page as saved (UTF-8 on every page of the set)
	Truth string // the reference article body
}

// Load reads the benchmark from dir: ground-truth.json and html/<id>.html.gz.
// Pages come sorted by id.
func Load(dir string) ([]Page, error) {
	data, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("zyte: %w", err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(data, &truth); err != nil {
		return nil, fmt.Errorf("zyte: ground-truth.json: %w", err)
	}
	pages := make([]Page, 0, len(truth))
	for id, t := range truth {
		raw, err := readGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, fmt.Errorf("zyte: page %s: %w", id, err)
		}
		pages = append(pages, Page{ID: id, URL: t.URL, HTML: raw, Truth: t.ArticleBody})
	}
	slices.SortFunc(pages, func(a, b Page) int { return strings.Compare(a.ID, b.ID) })
	return pages, nil
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, err
	}
	return buf.Bytes(), zr.Close()
}

// Counts are one page's normalised true positives, false positives and
// false negatives (they sum to 1, or are all 0 when both texts are empty).
type Counts struct {
	TP, FP, FN float64
}

// Match scores one page's predicted text against its reference.
func Match(truth, pred string) Counts {
	ts, ps := shingles(truth), shingles(pred)
	var c Counts
	for k, t := range ts {
		p := ps[k]
		c.TP += float64(min(t, p))
		c.FN += float64(max(0, t-p))
	}
	for k, p := range ps {
		c.FP += float64(max(0, p-ts[k]))
	}
	if s := c.TP + c.FP + c.FN; s > 0 {
		c.TP, c.FP, c.FN = c.TP/s, c.FP/s, c.FN/s
	}
	return c
}

// Precision and Recall follow evaluate.py's precision_score and
// recall_score, edge cases included.
func (c Counts) Precision() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FP == 0:
		return 0
	}
	return c.TP / (c.TP + c.FP)
}

func (c Counts) Recall() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FN == 0:
		return 0
	}
	return c.TP / (c.TP + c.FN)
}

// F1 is the page's harmonic mean of Precision and Recall, 0 when both
// are: what the bench commands sort a set's worst pages by.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Metrics are the benchmark's figures over a set of pages.
type Metrics struct {
	F1, Precision, Recall float64
}

// Score averages precision over the pages with a prediction (TP+FP > 0) and
// recall over the pages with a reference (TP+FN > 0), as evaluate.py does.
func Score(cs []Counts) Metrics {
	var p, r float64
	var np, nr int
	for _, c := range cs {
		if c.TP+c.FP > 0 {
			p += c.Precision()
			np++
		}
		if c.TP+c.FN > 0 {
			r += c.Recall()
			nr++
		}
	}
	var m Metrics
	if np > 0 {
		m.Precision = p / float64(np)
	}
	if nr > 0 {
		m.Recall = r / float64(nr)
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	return m
}

// Tokens splits text into runs of word characters. Python's \w is the
// characters for which str.isalnum() holds (letter categories L*, and
// characters with a numeric value) plus the underscore; combining marks are
// not word characters there, and are not here.
func Tokens(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		if isWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out
}

func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// shingles is the multiset of 4-token shingles, keyed by the tokens joined
// with a byte no token holds.
func shingles(text string) map[string]int {
	toks := Tokens(text)
	m := make(map[string]int, len(toks))
	if len(toks) == 0 {
		return m
	}
	n := max(1, len(toks)-3)
	for i := range n {
		m[strings.Join(toks[i:min(i+4, len(toks))], "\x00")]++
	}
	return m
}

// Prediction is the file format evaluate.py reads from output/<name>.json.
type Prediction map[string]struct {
	ArticleBody string `json:"articleBody"`
}

// WritePrediction writes texts (by page id) in evaluate.py's format.
func WritePrediction(w io.Writer, texts map[string]string) error {
	p := make(Prediction, len(texts))
	for id, t := range texts {
		p[id] = struct {
			ArticleBody string `json:"articleBody"`
		}{t}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(p)
}

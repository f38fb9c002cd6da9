// Package fundus loads the parser test pages of flairNLP/fundus (MIT code;
// the publishers' pages are for research use and stay outside this
// repository): about 258 real modern news pages from about 180 publishers
// in about 40 countries, each with the article its hand-written fundus
// parser extracts, which the bench commands use as a reference.
//
// The layout, under tests/resources/parser/test_data:
//
//	<cc>/meta.info                      {"<file>": {"url", "crawl_date"}}
//	<cc>/<Publisher>.json               {"V1": {title, authors, publishing_date, topics, body}, "V2": ...}
//	<cc>/<Publisher>_<yyyy_mm_dd>.html.gz
//
// where body is {"summary": [...], "sections": [{"headline": [...],
// "paragraphs": [...]}]}. Load reads it from a bare git directory (through
// `git archive HEAD`, so nothing is checked out) or from a checked-out
// directory (the repository's root or test_data itself).
//
// Which html file a version's expectation belongs to is not written down
// (fundus maps them through each parser class's validity dates). Load
// matches them by content: a file is a candidate for a version when its
// text (text nodes and attribute values, letters and digits only, case
// folded) contains the version's title, and scores one more when it also
// holds the opening of the first paragraph. Versions are assigned in
// passes, each taking its best file when that best is unique among the
// files still free; a version with no candidate, or left tied, is skipped
// and named in Set.Unmatched, and a file no version took in Set.Unused.
package fundus

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/wiredesk/wiredesk/internal/gittree"
)

// testData is where the pages sit inside the repository.
const testData = "tests/resources/parser/test_data"

// A Page is one html file with the expectation of the parser version
// matched to it.
type Page struct {
	Country   string // the directory: "tr", "ru", "de", ...
	Publisher string // "NTVTR"
	File      string // "tr/NTVTR_2024_04_30.html.gz"
	Version   string // "V1"
	URL       string // from meta.info
	CrawlDate string // from meta.info, as written there
	HTML      []byte // UTF-8

	Title    string
	Authors  []string
	Date     string // publishing_date as written, e.g. "2025-04-15 03:08:00+00:00"
	Topics   []string
	Summary  []string
	Sections []Section
}

// A Section is a run of paragraphs under an optional headline.
type Section struct {
	Headline   []string `json:"headline"`
	Paragraphs []string `json:"paragraphs"`
}

// Body is the article text without the summary: each section's headline
// and paragraphs, one a line.
func (p *Page) Body() string {
	var parts []string
	for _, s := range p.Sections {
		parts = append(parts, s.Headline...)
		parts = append(parts, s.Paragraphs...)
	}
	return strings.Join(parts, "\n")
}

// Full is the summary (the standfirst) and then Body.
func (p *Page) Full() string {
	if len(p.Summary) == 0 {
		return p.Body()
	}
	return strings.Join(p.Summary, "\n") + "\n" + p.Body()
}

// A Set is what Load found.
type Set struct {
	Pages     []Page   // sorted by File
	Unmatched []string // versions no file was matched to: "tr/NTVTR V2"
	Unused    []string // html files no version took
}

// expectation is one version's entry in <Publisher>.json.
type expectation struct {
	Title   string   `json:"title"`
	Authors []string `json:"authors"`
	Date    string   `json:"publishing_date"`
	Topics  []string `json:"topics"`
	Body    *struct {
		Summary  []string  `json:"summary"`
		Sections []Section `json:"sections"`
	} `json:"body"`
}

type metaInfo map[string]struct {
	URL       string `json:"url"`
	CrawlDate string `json:"crawl_date"`
}

// Load reads the fundus test pages from dir: a bare git directory (it has
// HEAD and objects/), a checkout of the repository, or its test_data
// directory.
func Load(dir string) (*Set, error) {
	files, err := readFiles(dir)
	if err != nil {
		return nil, fmt.Errorf("fundus %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("fundus %s: no <cc>/*.json under %s", dir, testData)
	}
	return assemble(files)
}

// readFiles returns the files of test_data by their path relative to it.
func readFiles(dir string) (map[string][]byte, error) {
	if !gittree.IsBare(dir) {
		if st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(testData))); err != nil || !st.IsDir() {
			return gittree.Files(dir, "", wanted)
		}
	}
	return gittree.Files(dir, testData, wanted)
}

func wanted(name string) bool {
	return name == "meta.info" || strings.HasSuffix(name, ".json") ||
		strings.HasSuffix(name, ".html.gz") || strings.HasSuffix(name, ".html")
}

// htmlName is <Publisher>_<yyyy_mm_dd>[_n].html[.gz].
var htmlName = regexp.MustCompile(`^(.+?)_\d{4}_\d{2}_\d{2}(?:_\d+)?\.html(?:\.gz)?$`)

// assemble matches each publisher's versions to its html files.
func assemble(files map[string][]byte) (*Set, error) {
	set := &Set{}
	type pubKey struct{ country, publisher string }
	htmls := map[pubKey][]string{}
	metas := map[string]metaInfo{}
	var jsons []string
	for rel, data := range files {
		country, name := path.Split(rel)
		country = strings.TrimSuffix(country, "/")
		if country == "" || strings.Contains(country, "/") {
			continue
		}
		switch {
		case name == "meta.info":
			var m metaInfo
			if err := json.Unmarshal(data, &m); err != nil {
				return nil, fmt.Errorf("fundus %s: %w", rel, err)
			}
			metas[country] = m
		case strings.HasSuffix(name, ".json"):
			jsons = append(jsons, rel)
		default:
			if m := htmlName.FindStringSubmatch(name); m != nil {
				k := pubKey{country, m[1]}
				htmls[k] = append(htmls[k], rel)
			}
		}
	}
	slices.Sort(jsons)
	taken := map[string]bool{}
	for _, rel := range jsons {
		country, name := path.Split(rel)
		country = strings.TrimSuffix(country, "/")
		publisher := strings.TrimSuffix(name, ".json")
		var versions map[string]expectation
		if err := json.Unmarshal(files[rel], &versions); err != nil {
			return nil, fmt.Errorf("fundus %s: %w", rel, err)
		}
		cands := htmls[pubKey{country, publisher}]
		slices.Sort(cands)
		docs := make([]doc, len(cands))
		for i, c := range cands {
			raw, err := decode(c, files[c])
			if err != nil {
				return nil, fmt.Errorf("fundus %s: %w", c, err)
			}
			docs[i] = doc{file: c, html: raw, text: letters(visible(raw))}
		}
		names := make([]string, 0, len(versions))
		for v := range versions {
			names = append(names, v)
		}
		slices.SortFunc(names, compareVersions)
		exps := make([]expectation, len(names))
		for i, v := range names {
			exps[i] = versions[v]
		}
		got := match(exps, docs)
		for i, v := range names {
			if got[i] < 0 {
				set.Unmatched = append(set.Unmatched, country+"/"+publisher+" "+v)
				continue
			}
			d := docs[got[i]]
			taken[d.file] = true
			e := exps[i]
			p := Page{
				Country: country, Publisher: publisher, File: d.file, Version: v,
				HTML: d.html, Title: e.Title, Authors: e.Authors, Date: e.Date, Topics: e.Topics,
			}
			if m, ok := metas[country][path.Base(d.file)]; ok {
				p.URL, p.CrawlDate = m.URL, m.CrawlDate
			}
			if e.Body != nil {
				p.Summary, p.Sections = e.Body.Summary, e.Body.Sections
			}
			set.Pages = append(set.Pages, p)
		}
	}
	for _, list := range htmls {
		for _, f := range list {
			if !taken[f] {
				set.Unused = append(set.Unused, f)
			}
		}
	}
	slices.Sort(set.Unused)
	slices.SortFunc(set.Pages, func(a, b Page) int { return strings.Compare(a.File, b.File) })
	return set, nil
}

// doc is one candidate html file: its bytes and its letters.
type doc struct {
	file string
	html []byte
	text string
}

// match gives, for each expectation, the index of its doc or -1.
func match(exps []expectation, docs []doc) []int {
	score := make([][]int, len(exps))
	for i, e := range exps {
		score[i] = make([]int, len(docs))
		title := letters(e.Title)
		if len(title) < 4 {
			continue
		}
		opening := ""
		if e.Body != nil {
			for _, s := range e.Body.Sections {
				if len(s.Paragraphs) > 0 {
					opening = prefix(letters(s.Paragraphs[0]), 60)
					break
				}
			}
		}
		for j, d := range docs {
			if !strings.Contains(d.text, title) {
				continue
			}
			score[i][j] = 2
			if len(opening) >= 20 && strings.Contains(d.text, opening) {
				score[i][j]++
			}
		}
	}
	got := make([]int, len(exps))
	for i := range got {
		got[i] = -1
	}
	free := make([]bool, len(docs))
	for j := range free {
		free[j] = true
	}
	for progress := true; progress; {
		progress = false
		for i := range exps {
			if got[i] >= 0 {
				continue
			}
			best, at, ties := 0, -1, 0
			for j := range docs {
				switch s := score[i][j]; {
				case !free[j] || s == 0 || s < best:
				case s > best:
					best, at, ties = s, j, 1
				default:
					ties++
				}
			}
			if at >= 0 && ties == 1 {
				got[i], free[at], progress = at, false, true
			}
		}
	}
	return got
}

// compareVersions orders "V1" < "V2" < "V10"; other names after, by name.
func compareVersions(a, b string) int {
	na, ea := strconv.Atoi(strings.TrimPrefix(a, "V"))
	nb, eb := strconv.Atoi(strings.TrimPrefix(b, "V"))
	switch {
	case ea == nil && eb == nil:
		return na - nb
	case ea == nil:
		return -1
	case eb == nil:
		return 1
	}
	return strings.Compare(a, b)
}

// decode gunzips a .gz file and makes the page UTF-8: fundus saves pages
// as UTF-8 text, so a valid UTF-8 page is kept as it is, whatever its
// meta charset says; anything else is decoded from its own charset.
func decode(name string, data []byte) ([]byte, error) {
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		if data, err = io.ReadAll(zr); err != nil {
			return nil, err
		}
	}
	if utf8.Valid(data) {
		return data, nil
	}
	r, err := charset.NewReader(bytes.NewReader(data), "text/html")
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

// visible is every text node and attribute value of a page, spaced, for
// matching only: titles often sit in a meta content or JSON-LD script.
func visible(src []byte) string {
	var sb strings.Builder
	z := html.NewTokenizer(bytes.NewReader(src))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return sb.String()
		case html.TextToken:
			sb.Write(z.Text())
			sb.WriteByte(' ')
		case html.StartTagToken, html.SelfClosingTagToken:
			for {
				_, val, more := z.TagAttr()
				sb.Write(val)
				sb.WriteByte(' ')
				if !more {
					break
				}
			}
		}
	}
}

// letters keeps letters and digits, lower-cased: matching survives
// markup, punctuation, entities and spacing.
func letters(s string) string {
	var sb strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}

func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

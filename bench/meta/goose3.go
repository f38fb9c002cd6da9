package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// loadGoose3 reads goose3/goose3's (Apache-2.0) extraction tests: each
// test method under tests/ reads tests/data/MODULE/NAME.html and asserts
// some fields of tests/data/MODULE/NAME.json's "expected" (runArticleAssertions'
// field list, or the one field a test names). Only what a test asserts
// is scored: title (goose's title, the site's name cut off), authors (a
// list of persons) and publish_date. A test that configures goose to read
// a page-specific tag or pattern (known_author_patterns,
// known_publish_date_tags) asserts that configuration, not the page, and
// is left out, as is a page a test wrote (goose3TestPage).
func loadGoose3(gitDir string) ([]known, error) {
	files, err := gitLs(gitDir, "tests/")
	if err != nil {
		return nil, err
	}
	var out []known
	for _, f := range files {
		base := path.Base(f)
		if !strings.HasPrefix(base, "test_") || !strings.HasSuffix(base, ".py") {
			continue
		}
		module := strings.TrimSuffix(strings.TrimPrefix(base, "test_"), ".py")
		src, err := gitShow(gitDir, f)
		if err != nil {
			return nil, err
		}
		for _, seg := range strings.Split(string(src), "\n    def ")[1:] {
			name, _, _ := strings.Cut(seg, "(")
			if !strings.HasPrefix(name, "test_") || strings.Contains(seg, "known_") {
				continue
			}
			fields := map[string]bool{}
			for _, m := range gooseFieldsRE.FindAllStringSubmatch(seg, -1) {
				for _, q := range gooseQuotedRE.FindAllStringSubmatch(m[1], -1) {
					fields[q[1]] = true
				}
			}
			if m := gooseFieldRE.FindStringSubmatch(seg); m != nil {
				fields[m[1]] = true
			}
			if !fields["title"] && !fields["authors"] && !fields["publish_date"] {
				continue
			}
			dir := "tests/data/" + module + "/" + name
			meta, err := gitShow(gitDir, dir+".json")
			if err != nil {
				continue
			}
			html, err := gitShow(gitDir, dir+".html")
			if err != nil {
				continue
			}
			var m struct {
				URL      string
				Expected struct {
					Title       *string
					Authors     []string
					PublishDate *string `json:"publish_date"`
				}
			}
			if err := json.Unmarshal(meta, &m); err != nil {
				return nil, fmt.Errorf("%s.json: %w", dir, err)
			}
			if goose3TestPage(m.URL) {
				continue
			}
			k := known{name: "goose3/" + module + "/" + name, url: m.URL, html: html}
			e := m.Expected
			if fields["title"] && e.Title != nil && *e.Title != "" {
				k.title, k.scoreTitle = *e.Title, true
			}
			if fields["authors"] {
				if c, ok := goose3Bylines[name]; ok {
					e.Authors = c
				}
				if len(e.Authors) > 0 {
					k.byline, k.scoreByline = names(strings.Join(e.Authors, ",")), true
				}
			}
			if fields["publish_date"] && e.PublishDate != nil && len(*e.PublishDate) >= 10 {
				k.published, k.scoreDate = normalTime(*e.PublishDate), true
			}
			if k.scoreTitle || k.scoreByline || k.scoreDate {
				out = append(out, k)
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("goose3: no tests asserting a title, authors or a date in %s", gitDir)
	}
	return out, nil
}

// goose3TestPage reports whether a test's page is one goose3's tests
// wrote to exercise one rule (a meta tag, a JSON-LD block, a title
// separator in a few lines of HTML): its JSON gives no URL or one on
// example.com ("exemple.com" in some). Those pages test goose's reading
// of one tag, not a page from the web.
func goose3TestPage(rawURL string) bool {
	u, err := url.Parse(rawURL)
	if rawURL == "" || err != nil {
		return true
	}
	h := strings.TrimPrefix(u.Hostname(), "www.")
	return h == "example.com" || h == "exemple.com"
}

// goose3Bylines corrects goose3's expected authors that are not issue
// 10's byline, keyed by the test's name; nil leaves the page unscored.
var goose3Bylines = map[string][]string{}

var (
	gooseFieldsRE = regexp.MustCompile(`fields\s*=\s*\[([^\]]*)\]`)
	gooseQuotedRE = regexp.MustCompile(`["']([a-z_]+)["']`)
	gooseFieldRE  = regexp.MustCompile(`\bfield\s*=\s*["']([a-z_]+)["']`)
)

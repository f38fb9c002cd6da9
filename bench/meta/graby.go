package main

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// loadGraby reads j0k3r/graby's (MIT) tests: the site fixtures
// tests/fixtures/sites/*.test, each a saved page with the URL, the title
// and the author graby must give (one test reads them all), and the
// pages under tests/fixtures/content/ whose tests in tests/GrabyTest.php
// assert a title, the authors or the date (a test method that mocks one
// page and asserts on it, or the dataAuthors and dataDate providers). A
// page graby's test gives no author for is not scored for one; a page it
// serves with an error status is left out. Its pages: a Blogger blog, a
// developer's personal site, French and Australian news pages.
// grabyBylines sets aside the authors that are not issue 10's byline.
func loadGraby(gitDir string) ([]known, error) {
	byFile := map[string]*known{}
	var order []string
	page := func(file, url string) (*known, error) {
		if k, ok := byFile[file]; ok {
			return k, nil
		}
		html, err := gitShow(gitDir, file)
		if err != nil {
			return nil, err
		}
		k := &known{name: "graby/" + strings.TrimSuffix(path.Base(file), path.Ext(file)), url: url, html: html}
		byFile[file] = k
		order = append(order, file)
		return k, nil
	}
	author := func(k *known, persons ...string) {
		a := strings.Join(persons, ", ")
		if c, ok := grabyBylines[strings.TrimPrefix(k.name, "graby/")]; ok {
			a = c
		}
		if a != "" {
			k.byline, k.scoreByline = names(a), true
		}
	}

	sites, err := gitLs(gitDir, "tests/fixtures/sites/")
	if err != nil {
		return nil, err
	}
	for _, f := range sites {
		if !strings.HasSuffix(f, ".test") {
			continue
		}
		raw, err := gitShow(gitDir, f)
		if err != nil {
			return nil, err
		}
		m := grabyTestRE.FindSubmatch(raw)
		if m == nil {
			return nil, fmt.Errorf("graby: %s: not a site test", f)
		}
		k := &known{name: "graby/" + strings.TrimSuffix(path.Base(f), ".test"), url: string(m[1]), html: m[4]}
		byFile[f] = k
		order = append(order, f)
		if t := strings.TrimSpace(string(m[3])); t != "" {
			k.title, k.scoreTitle = t, true
		}
		if a := strings.TrimSpace(string(m[2])); a != "" {
			author(k, a)
		}
	}

	src, err := gitShow(gitDir, "tests/GrabyTest.php")
	if err != nil {
		return nil, err
	}
	for _, seg := range strings.Split(string(src), "public function ")[1:] {
		fm := grabyMockRE.FindStringSubmatch(seg)
		um := grabyFetchRE.FindStringSubmatch(seg)
		if fm == nil || um == nil || fm[2] != "" { // fm[2]: an error status
			continue
		}
		tm := grabyTitleRE.FindStringSubmatch(seg)
		am := grabyAuthorRE.FindStringSubmatch(seg)
		if tm == nil && am == nil {
			continue
		}
		k, err := page("tests"+fm[1], um[1])
		if err != nil {
			return nil, err
		}
		if tm != nil {
			k.title, k.scoreTitle = phpString(tm[1]), true
		}
		if am != nil {
			author(k, phpString(am[1]))
		}
	}
	for _, m := range grabyAuthorsDataRE.FindAllStringSubmatch(string(src), -1) {
		k, err := page("tests/fixtures/content/"+m[2], m[1])
		if err != nil {
			return nil, err
		}
		var names []string
		for _, q := range grabyQuotedRE.FindAllStringSubmatch(m[3], -1) {
			names = append(names, phpString(q[1]))
		}
		author(k, names...)
	}
	for _, m := range grabyDateDataRE.FindAllStringSubmatch(string(src), -1) {
		k, err := page("tests/fixtures/content/"+m[2], m[1])
		if err != nil {
			return nil, err
		}
		k.published, k.scoreDate = normalTime(m[3]), true
	}
	var out []known
	for _, f := range order {
		out = append(out, *byFile[f])
	}
	return out, nil
}

// grabyBylines sets aside graby's expected authors that are not issue
// 10's byline: "" leaves the page unscored.
var grabyBylines = map[string]string{
	"blogger": "", // "bjori": the blogger's user name
}

// phpString undoes a single-quoted PHP literal's two escapes.
func phpString(s string) string {
	return strings.NewReplacer(`\'`, `'`, `\\`, `\`).Replace(s)
}

var (
	grabyTestRE        = regexp.MustCompile(`(?s)-----URL-----\s*(.*?)\s*-----URL_EFFECTIVE-----.*?-----AUTHOR-----\s*(.*?)\s*-----TITLE-----\s*(.*?)\s*-----SUMMARY-----.*?-----RAW_CONTENT-----\s*(.*?)\s*(?:------RAW_CONTENT2-----|----PARSED_CONTENT-----)`)
	grabyMockRE        = regexp.MustCompile(`getGrabyWithMock\('(/fixtures/content/[^']+\.html)'(,\s*[45]\d\d)?`)
	grabyFetchRE       = regexp.MustCompile(`fetchContent\('([^']+)'\)`)
	grabyTitleRE       = regexp.MustCompile(`assertSame\('((?:[^'\\]|\\.)*)', \$res->getTitle\(\)\)`)
	grabyAuthorRE      = regexp.MustCompile(`assertSame\('((?:[^'\\]|\\.)*)', (?:\$res->getAuthors\(\)|\$authors)\[0\]\)`)
	grabyAuthorsDataRE = regexp.MustCompile(`\[\s*'(https?://[^']+)',\s*'([^']+\.html)',\s*\[([^\]]*)\],?\s*\]`)
	grabyDateDataRE    = regexp.MustCompile(`\[\s*'(https?://[^']+)',\s*'([^']+\.html)',\s*'(\d{4}-\d\d-\d\dT[^']+)',?\s*\]`)
	grabyQuotedRE      = regexp.MustCompile(`'((?:[^'\\]|\\.)*)'`)
)

package main

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// loadSnacktory reads smallrivers/snacktory's (Apache-2.0) extractor
// tests: each @Test reads a saved page (test_data/ or the test
// resources), names its URL in a comment and asserts the title snacktory
// gives. Titles only: its authors include "By the CNN Wire Staff", "View
// my complete profile" and user names, not issue 10's byline, and it
// asserts no dates worth scoring. A test without a URL is scored against
// https://example.com/NAME.
func loadSnacktory(gitDir string) ([]known, error) {
	const test = "src/test/java/de/jetwick/snacktory/ArticleTextExtractorTest.java"
	const resources = "src/test/resources/de/jetwick/snacktory/"
	src, err := gitShow(gitDir, test)
	if err != nil {
		return nil, err
	}
	var out []known
	seen := map[string]bool{}
	for _, seg := range strings.Split(string(src), "@Test")[1:] {
		var file string
		if m := resourceRE.FindStringSubmatch(seg); m != nil {
			file = resources + m[1]
		} else if m := testDataRE.FindStringSubmatch(seg); m != nil {
			file = m[1]
		}
		t := javaTitleRE.FindStringSubmatch(seg)
		if file == "" || t == nil || seen[file] {
			continue
		}
		title, ok := jsString(`"` + t[1] + `"`)
		if !ok || title == "" {
			continue
		}
		html, err := gitShow(gitDir, file)
		if err != nil {
			continue
		}
		seen[file] = true
		name := strings.TrimSuffix(path.Base(file), ".html")
		pageURL := "https://example.com/" + name
		if m := commentURLRE.FindStringSubmatch(seg); m != nil {
			pageURL = m[1]
		}
		out = append(out, known{name: "snacktory/" + name, url: pageURL, html: html, title: title, scoreTitle: true})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("snacktory: no tests with a title in %s", gitDir)
	}
	return out, nil
}

var (
	resourceRE   = regexp.MustCompile(`getResourceAsStream\("([^"]+)"\)`)
	testDataRE   = regexp.MustCompile(`readFileAsString\("([^"]+)"\)`)
	javaTitleRE  = regexp.MustCompile(`assertEquals\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*\w+\.getTitle\(\)\s*\)`)
	commentURLRE = regexp.MustCompile(`//\s*\??\s*(https?://\S+)`)
)

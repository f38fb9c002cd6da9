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
// gives, and on 20 pages the author. Titles, and the authors corrected
// by snacktoryBylines (its authors include "By the CNN Wire Staff" and
// "View my complete profile"); it asserts no dates worth scoring. A test
// without a URL is scored against https://example.com/NAME.
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
		if file == "" || seen[file] {
			continue
		}
		name := strings.TrimSuffix(path.Base(file), ".html")
		k := known{name: "snacktory/" + name, url: "https://example.com/" + name}
		if t := javaTitleRE.FindStringSubmatch(seg); t != nil {
			if title, ok := jsString(`"` + t[1] + `"`); ok && title != "" {
				k.title, k.scoreTitle = title, true
			}
		}
		if a := javaAuthorRE.FindStringSubmatch(seg); a != nil {
			if author, ok := jsString(`"` + a[1] + `"`); ok && author != "" {
				if c, ok := snacktoryBylines[author]; ok {
					author = c
				}
				if author != "" {
					k.byline, k.scoreByline = names(author), true
				}
			}
		}
		if !k.scoreTitle && !k.scoreByline {
			continue
		}
		html, err := gitShow(gitDir, file)
		if err != nil {
			continue
		}
		seen[file] = true
		k.html = html
		if m := commentURLRE.FindStringSubmatch(seg); m != nil {
			k.url = m[1]
		}
		out = append(out, k)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("snacktory: no tests with a title in %s", gitDir)
	}
	return out, nil
}

// snacktoryBylines corrects the authors snacktory's tests assert that
// are not issue 10's byline, keyed by the asserted value; "" leaves the
// page's byline unscored.
var snacktoryBylines = map[string]string{
	"By the CNN Wire Staff":    "", // a desk
	"FAZ Electronic Media":     "", // the outlet's company
	"View my complete profile": "", // a link's text
	"dmosbergen":               "", // a user name
	"finn.":                    "", // a musician's stage name on a video page
}

var (
	resourceRE   = regexp.MustCompile(`getResourceAsStream\("([^"]+)"\)`)
	testDataRE   = regexp.MustCompile(`readFileAsString\("([^"]+)"\)`)
	javaTitleRE  = regexp.MustCompile(`assertEquals\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*\w+\.getTitle\(\)\s*\)`)
	javaAuthorRE = regexp.MustCompile(`(?m)^\s*assertEquals\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*\w+\.getAuthorName\(\)\s*\)`)
	commentURLRE = regexp.MustCompile(`//\s*\??\s*(https?://\S+)`)
)

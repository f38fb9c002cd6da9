package main

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// loadPismo reads peterc/pismo's (Apache-2.0) corpus test: the pages
// under test/corpus/ and what test/corpus/metadata_expected.yaml says
// pismo must find in them, each key asserted by corpus_test.rb. Its pages
// are of 2009-2012, most of them blogs and personal sites (a developer's
// essays, a language's blog, a church blog, a design tutorial site, a
// podcast's), the rest old news pages. Titles, authors and datetime are
// scored where the file gives them; a page it gives no author for is not
// scored for one (pismo found none, which is not that the page has none).
// pismoBylines corrects or sets aside the authors that are not issue 10's
// byline. The datetime of a date-only page is written as noon UTC, so
// only its day is compared.
func loadPismo(gitDir string) ([]known, error) {
	yml, err := gitShow(gitDir, "test/corpus/metadata_expected.yaml")
	if err != nil {
		return nil, err
	}
	exp, err := pismoExpected(yml)
	if err != nil {
		return nil, err
	}
	var out []known
	for _, e := range exp {
		html, err := gitShow(gitDir, "test/corpus/"+e.name+".html")
		if err != nil {
			return nil, err
		}
		k := known{name: "pismo/" + e.name, url: "https://example.com/pismo/" + e.name, html: html}
		if m := canonicalRE.FindSubmatch(html); m != nil {
			k.url = string(m[1])
		}
		if t, ok := e.fields["title"]; ok && t != "" {
			k.title, k.scoreTitle = t, true
		}
		if a, ok := e.fields["author"]; ok {
			if c, ok := pismoBylines[e.name]; ok {
				a = c
			}
			if a != "" {
				k.byline, k.scoreByline = names(a), true
			}
		}
		if d, ok := e.fields["datetime"]; ok && len(d) >= 10 {
			k.published, k.scoreDate = d[:10], true
		}
		out = append(out, k)
	}
	return out, nil
}

// pismoBylines corrects pismo's expected authors that are not issue 10's
// byline; "" leaves the page unscored.
var pismoBylines = map[string]string{
	"huffington": "Todd Pitman", // "TODD PITMAN" in capitals, as the page prints it; its authors list adds the agency, "AP"
	"youtube":    "",            // "ymo1965": the uploader's user name
}

type pismoPage struct {
	name   string
	fields map[string]string
}

// pismoExpected reads the subset of YAML metadata_expected.yaml is
// written in: a ":name:" line per page, then its ":key: value" lines
// indented by two spaces (a value plain or double-quoted; lists, whose
// items are indented further, are skipped).
func pismoExpected(yml []byte) ([]pismoPage, error) {
	var out []pismoPage
	sc := bufio.NewScanner(bytes.NewReader(yml))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "---" || strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, ":") && strings.HasSuffix(line, ":"):
			out = append(out, pismoPage{name: strings.Trim(line, ":"), fields: map[string]string{}})
		case strings.HasPrefix(line, "  :") && len(out) > 0:
			key, val, ok := strings.Cut(strings.TrimPrefix(line, "  :"), ": ")
			if !ok {
				continue // a list follows
			}
			if strings.HasPrefix(val, `"`) {
				u, err := strconv.Unquote(val)
				if err != nil {
					return nil, fmt.Errorf("pismo: %s: %s: %w", out[len(out)-1].name, key, err)
				}
				val = u
			}
			out[len(out)-1].fields[key] = val
		}
	}
	return out, sc.Err()
}

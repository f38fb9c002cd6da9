package main

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// loadMetascraper reads microlinkhq/metascraper's (MIT) integration
// tests: each directory under packages/metascraper/test/integration holds
// a real page (input.html), the URL its test gives, and the snapshot of
// what metascraper made of it (snapshots/index.js.md). The reference is
// that snapshot: the title (often <title> or og:title with the site's
// name, which sameTitle allows) and the date (an instant in UTC, often
// from a meta tag). Its author is whatever the page's metas or markup
// name ("Vladislava", a user name, an outlet), not issue 10's byline, so
// bylines are not scored here. A null is not scored.
func loadMetascraper(gitDir string) ([]known, error) {
	const root = "packages/metascraper/test/integration/"
	dirs, err := gitLs(gitDir, root)
	if err != nil {
		return nil, err
	}
	var out []known
	for _, dir := range dirs {
		src, err := gitShow(gitDir, dir+"/index.js")
		if err != nil {
			continue
		}
		u := constURLRE.FindIndex(src)
		if u == nil {
			continue
		}
		pageURL, ok := jsString(string(src[u[1]:]))
		if !ok {
			continue
		}
		html, err := gitShow(gitDir, dir+"/input.html")
		if err != nil {
			continue
		}
		snap, err := gitShow(gitDir, dir+"/snapshots/index.js.md")
		if err != nil {
			continue
		}
		k := known{name: "metascraper/" + path.Base(dir), url: pageURL, html: html}
		for _, line := range strings.Split(string(snap), "\n") {
			field, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
			if !ok {
				continue
			}
			v, ok := jsString(strings.TrimSuffix(value, ","))
			if !ok || v == "" {
				continue
			}
			switch field {
			case "title":
				if !k.scoreTitle {
					k.title, k.scoreTitle = v, true
				}
			case "date":
				if !k.scoreDate && len(v) >= 10 {
					k.published, k.scoreDate = normalTime(v), true
				}
			}
		}
		if !k.scoreTitle && !k.scoreDate {
			continue
		}
		out = append(out, k)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("metascraper: no test pages under %s in %s", root, gitDir)
	}
	return out, nil
}

var constURLRE = regexp.MustCompile(`const url\s*=\s*`)

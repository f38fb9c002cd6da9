package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/fetch"
)

// known is a page with its known metadata.
type known struct {
	name, url string
	html      []byte
	title     string
	published string // RFC 3339, or a day (2006-01-02), or "" when the page has none
	byline    []string
}

// loadDemo reads the demo site and its expected.json (pages the team wrote).
func loadDemo(root string) ([]known, error) {
	data, err := os.ReadFile(filepath.Join(root, "expected.json"))
	if err != nil {
		return nil, err
	}
	var exp []struct {
		Path, Lang, Title, Byline string
		PublishedAt               string `json:"published_at"`
		CanonicalURL              string `json:"canonical_url"`
	}
	if err := json.Unmarshal(data, &exp); err != nil {
		return nil, err
	}
	var out []known
	for _, e := range exp {
		if e.Lang != "tr" && e.Lang != "ru" {
			continue
		}
		html, err := os.ReadFile(filepath.Join(root, "site", e.Path))
		if err != nil {
			return nil, err
		}
		out = append(out, known{name: "demo" + e.Path, url: e.CanonicalURL, html: html, title: e.Title,
			published: e.PublishedAt, byline: names(e.Byline)})
	}
	return out, nil
}

// loadNewspaper4k reads the pages of newspaper4k's tests/data with a
// metadata file, from a git directory (the fetch tool's mirror). Their
// values are what newspaper4k's own tests expect of it: dates are days,
// and some author lists are its known mistakes, so only the dates and
// titles are scored.
func loadNewspaper4k(gitDir string) ([]known, error) {
	ls, err := exec.Command("git", "--git-dir", gitDir, "ls-tree", "--name-only", "HEAD", "tests/data/metadata/").Output()
	if err != nil {
		return nil, fmt.Errorf("newspaper4k: %w", err)
	}
	var out []known
	for _, f := range strings.Fields(string(ls)) {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		meta, err := exec.Command("git", "--git-dir", gitDir, "show", "HEAD:"+f).Output()
		if err != nil {
			return nil, err
		}
		html, err := exec.Command("git", "--git-dir", gitDir, "show", "HEAD:tests/data/html/"+name+".html").Output()
		if err != nil {
			continue // a metadata file without its page
		}
		var m struct {
			URL, Title  string
			PublishDate *string `json:"publish_date"`
		}
		if err := json.Unmarshal(meta, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		k := known{name: "newspaper4k/" + name, url: m.URL, html: html, title: m.Title, byline: nil}
		if m.PublishDate != nil && len(*m.PublishDate) >= 10 {
			k.published = (*m.PublishDate)[:10]
		}
		if k.url == "" {
			k.url = "https://example.com/" + name
		}
		out = append(out, k)
	}
	return out, nil
}

// names splits a byline into a sorted set of folded names.
func names(s string) []string {
	s = strings.NewReplacer(" and ", ",", " ve ", ",", " и ", ",", ";", ",").Replace(s)
	var out []string
	for _, n := range strings.Split(s, ",") {
		if n = strings.ToLower(strings.Join(strings.Fields(n), " ")); n != "" {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

func sameTitle(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// dateRight: a full time must match to the minute; a day must hold the
// instant in some zone between UTC-12 and UTC+14. A page with no date is
// right when nothing is claimed.
func dateRight(want string, got time.Time, exact bool) bool {
	if want == "" {
		return got.IsZero()
	}
	if got.IsZero() {
		return false
	}
	if len(want) > 10 && exact {
		t, err := time.Parse(time.RFC3339, want)
		return err == nil && t.Truncate(time.Minute).Equal(got.Truncate(time.Minute))
	}
	day, err := time.Parse("2006-01-02", want[:10])
	if err != nil {
		return false
	}
	return !got.Before(day.Add(-14*time.Hour)) && got.Before(day.Add(36*time.Hour))
}

type metaTally struct{ n, title, day, instant, byline, bylineN int }

func (t metaTally) print(w io.Writer, name string) {
	fmt.Fprintf(w, "%-12s pages %3d  title %3d = %.3f  published (day) %3d = %.3f  published (to the minute) %3d = %.3f", name, t.n,
		t.title, ratio(t.title, t.n), t.day, ratio(t.day, t.n), t.instant, ratio(t.instant, t.n))
	if t.bylineN > 0 {
		fmt.Fprintf(w, "  byline %3d/%3d = %.3f", t.byline, t.bylineN, ratio(t.byline, t.bylineN))
	}
	fmt.Fprintln(w)
}

func scoreSet(w io.Writer, label string, pages []known, scoreByline, verbose bool) error {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	var wd, tf metaTally
	for _, k := range pages {
		u, err := url.Parse(k.url)
		if err != nil {
			return fmt.Errorf("%s: %w", k.name, err)
		}
		p, err := fetch.BuildPage(bytes.NewReader(k.html), u, nil, article.HTTP{Status: 200, ContentType: "text/html"}, now)
		if err != nil {
			return fmt.Errorf("%s: %w", k.name, err)
		}
		var tm trafilatura.Metadata
		if r, err := trafilatura.Extract(bytes.NewReader(k.html), trafilatura.Options{OriginalURL: u, EnableFallback: false}); err == nil && r != nil {
			tm = r.Metadata
		}
		wd.n++
		tf.n++
		check := func(t *metaTally, who, title string, pub time.Time, byline []string) {
			ok := sameTitle(title, k.title)
			if ok {
				t.title++
			}
			day, inst := dateRight(k.published, pub, false), dateRight(k.published, pub, true)
			if day {
				t.day++
			}
			if inst {
				t.instant++
			}
			bl := true
			if scoreByline {
				t.bylineN++
				bl = strings.Join(byline, "|") == strings.Join(k.byline, "|")
				if bl {
					t.byline++
				}
			}
			if verbose && (!ok || !inst || !bl) {
				fmt.Fprintf(w, "%s %s: title %q (want %q) published %s (want %s) byline %q (want %q)\n",
					who, k.name, title, k.title, pub.Format(time.RFC3339), k.published, byline, k.byline)
			}
		}
		check(&wd, "wiredesk", p.Title, p.PublishedAt, names(p.Byline))
		check(&tf, "trafilatura", tm.Title, tm.Date, names(tm.Author))
	}
	fmt.Fprintf(w, "%s\n", label)
	wd.print(w, "wiredesk")
	tf.print(w, "trafilatura")
	return nil
}

// runMetadata scores the page sets named in dir: "demo=PATH" (the demo
// site, deploy/demo) and "newspaper4k=GITDIR", comma-separated.
func runMetadata(spec string, w io.Writer, verbose bool) error {
	for _, part := range strings.Split(spec, ",") {
		kind, path, _ := strings.Cut(part, "=")
		switch kind {
		case "demo":
			pages, err := loadDemo(path)
			if err != nil {
				return err
			}
			if err := scoreSet(w, fmt.Sprintf("demo site (Turkish and Russian pages the team wrote), %d pages: fetcher metadata", len(pages)), pages, true, verbose); err != nil {
				return err
			}
		case "newspaper4k":
			pages, err := loadNewspaper4k(path)
			if err != nil {
				return err
			}
			if err := scoreSet(w, fmt.Sprintf("newspaper4k test pages (real pages, 7 languages; reference = newspaper4k's expected title and day), %d pages", len(pages)), pages, false, verbose); err != nil {
				return err
			}
		default:
			return fmt.Errorf("-pages: %q is not demo=PATH or newspaper4k=GITDIR", part)
		}
	}
	return nil
}

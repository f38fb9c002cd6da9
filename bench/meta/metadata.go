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
	"unicode"

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
	// Which values the reference gives: a suite's null is what its
	// extractor did not find, not what the page lacks, and is not scored.
	scoreTitle, scoreDate, scoreByline bool
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
			published: e.PublishedAt, byline: names(e.Byline), scoreTitle: true, scoreDate: true, scoreByline: true})
	}
	return out, nil
}

// loadNewspaper4k reads the pages of newspaper4k's tests/data with a
// metadata file, from a git directory (the fetch tool's mirror). Their
// values are what newspaper4k's own tests expect of it: dates are days,
// and some author lists are its known mistakes, so only the dates and
// titles are scored; a null date is not scored unless the page shows one
// (newspaper4kDates).
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
		k := known{name: "newspaper4k/" + name, url: m.URL, html: html, title: m.Title, scoreTitle: true}
		if m.PublishDate != nil && len(*m.PublishDate) >= 10 {
			k.published, k.scoreDate = (*m.PublishDate)[:10], true
		}
		if d, ok := newspaper4kDates[name]; ok {
			k.published, k.scoreDate = d, true
		}
		if k.url == "" {
			k.url = "https://example.com/" + name
		}
		out = append(out, k)
	}
	return out, nil
}

// newspaper4kDates are the days newspaper4k's tests expect no date for
// while the page shows one (its null is what it did not find). The Arabic
// page's null stays unscored.
var newspaper4kDates = map[string]string{
	"article_with_br": "2020-05-14", // "Thu, 14 May 2020 17:55 UTC" under the source line
	"spanish_article": "2014-01-08", // "Patricio Candia | Palma de Mallorca | 08/01/2014" under the article's headline; the <time datetime="jueves, 09 enero 2014 10:21"> in the masthead is the day the page was saved
	"thai_article":    "2019-01-21", // "Submitted on Mon, 2019-01-21 13:49"
}

// names splits a byline into a sorted set of folded names.
func names(s string) []string {
	s = strings.NewReplacer(" and ", ",", " ve ", ",", " и ", ",", ";", ",").Replace(s)
	var out []string
	for _, n := range strings.Split(s, ",") {
		// "By Jane Roe": the label is the layout's, for either tool.
		if n = strings.TrimPrefix(strings.ToLower(strings.Join(strings.Fields(n), " ")), "by "); n != "" {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// sameTitle compares titles up to case, spacing and typographic quotes.
// A reference that carries the site's name also matches the title
// without it: up to two short trailing segments after a title separator
// (" | eHow", " - John C. Welch - Medium", " _探索者 _光明网", " : Planet
// Money"), a bracketed name at the end (" [LWN.net]"), or up to two
// segments of up to three words before a bar or a dash at its start
// ("LeanData | ", "Apple - Press Info - "). Issue 10's title is the
// article's, not the site's.
func sameTitle(got, want string) bool {
	if sameTitleAsIs(got, want) {
		return true
	}
	// A kicker before the headline, kept by one and not the other:
	// "Kenia: Nairobi von unten" is "Nairobi von unten" (references
	// differ on it, docs/schema.md).
	gk, wk := cutKicker(got), cutKicker(want)
	return (gk != got && sameTitleAsIs(gk, want)) || (wk != want && sameTitleAsIs(got, wk)) ||
		(gk != got && wk != want && sameTitleAsIs(gk, wk))
}

// cutKicker is t less a label of up to four words before a colon at its
// start ("Nach Gaetz-Rückzug: …"), when at least three words follow; t
// otherwise.
func cutKicker(t string) string {
	head, tail, ok := strings.Cut(t, ": ")
	if !ok || len(strings.Fields(head)) > 4 || len(strings.Fields(tail)) < 3 || strings.ContainsAny(head, ".?!") {
		return t
	}
	return strings.TrimSpace(tail)
}

func sameTitleAsIs(got, want string) bool {
	g, w := normTitle(got), normTitle(want)
	if g == "" {
		return w == ""
	}
	// A site's name before a bar or a dash: "LeanData | The Winds of
	// Change", "Apple - Press Info - …".
	for lead, n := w, 0; n < 2; n++ {
		cut := false
		for _, sep := range []string{" | ", " - "} {
			if head, tail, ok := strings.Cut(lead, sep); ok && len(strings.Fields(head)) <= 3 {
				lead, cut = normTitle(tail), true
				break
			}
		}
		if !cut {
			break
		}
		if sameTitleAsIs(got, lead) {
			return true
		}
	}
	for range 3 {
		if eqTitle(g, w) {
			return true
		}
		cut := -1
		// ` " ` is a guillemet standing alone, « or » folded, as blogs set
		// off their name ("Entry « Blog Name"); a quote opening or closing
		// words touches them.
		for _, sep := range []string{" | ", " - ", " -- ", "--", " – ", " — ", " :: ", " : ", " » ", ` " `, " · ", " • ", " ~ ", " › ", " _", "_", " [", "（"} {
			if i := strings.LastIndex(w, sep); i > cut && len(strings.Fields(w[i:])) <= 6 {
				cut = i
			}
		}
		if cut <= 0 {
			return false
		}
		w = strings.TrimSpace(w[:cut])
	}
	return eqTitle(g, w)
}

var titleFolds = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "„", "\"", "«", "\"", "»", "\"", "\u00a0", " ",
	"\u00ad", "", "\u200b", "") // a soft hyphen and a zero-width space are invisible

// normTitle folds case, spacing and quotes, and drops a decoration
// before the title ("» ", "■ ").
func normTitle(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(titleFolds.Replace(s)), " "))
	return strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsSymbol(r) || r == '»' || r == ' ' })
}

// eqTitle compares two normalised titles up to a colon's spacing, which
// is the layout's ("Breakpoint : Hilfe …", a kicker's span run into the
// headline's: "X: Y", "X : Y", "X:Y" and "X Y" are one headline), double
// quotes, and a trailing ellipsis, which marks a cut, not a word.
func eqTitle(a, b string) bool {
	f := func(s string) string {
		// Double quotes around a quotation in the headline are kept by
		// one source and dropped by another ("\"Why fight…\"... DJ's
		// home town" and the same words bare): a reader reads one
		// headline.
		s = strings.Join(strings.Fields(strings.NewReplacer(":", " ", "：", " ", "\"", "").Replace(s)), " ")
		return strings.TrimSpace(strings.TrimRight(s, ".…"))
	}
	return a == b || f(a) == f(b)
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

// metaTally counts, per field, the pages scored (…N) and those right.
type metaTally struct {
	titleN, title, dayN, day, instantN, instant, bylineN, byline int
	// printedN pages have a printed headline other than the reference's
	// meta title (printedHeadline); printed of them were right by it.
	printedN, printed int
}

func (t metaTally) print(w io.Writer, name string) {
	fmt.Fprintf(w, "  %-12s title %3d/%3d = %.3f  published day %3d/%3d = %.3f  minute %3d/%3d = %.3f  byline %3d/%3d = %.3f\n", name,
		t.title, t.titleN, ratio(t.title, t.titleN), t.day, t.dayN, ratio(t.day, t.dayN),
		t.instant, t.instantN, ratio(t.instant, t.instantN), t.byline, t.bylineN, ratio(t.byline, t.bylineN))
	if t.printedN > 0 {
		fmt.Fprintf(w, "  %-12s (titles right by the printed h1 where the reference took a meta title: %d of %d such pages)\n", "", t.printed, t.printedN)
	}
}

func scoreSet(w io.Writer, label string, pages []known, verbose bool) error {
	now := evalNow()
	var wd, tf metaTally
	wdMiss, tfMiss := newMissTally(), newMissTally()
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
		printed := ""
		if k.scoreTitle {
			printed = printedHeadline(k)
		}
		var pt pageTitles
		if k.scoreTitle {
			pt = readTitles(k.html)
		}
		check := func(t *metaTally, mt missTally, who, title string, pub time.Time, byline []string) {
			var miss []string
			if k.scoreTitle {
				t.titleN++
				if printed != "" {
					t.printedN++
				}
				if sameTitle(title, k.title) {
					t.title++
				} else if printed != "" && sameTitle(title, printed) {
					t.title++
					t.printed++
				} else {
					miss = append(miss, fmt.Sprintf("title %q (want %q)", title, k.title))
					kind, ref := titleMiss(title, k.title, pt)
					mt.title[kind]++
					mt.titleRef[ref]++
				}
			}
			if k.scoreDate {
				t.dayN++
				day := dateRight(k.published, pub, false)
				if day {
					t.day++
				}
				inst := true
				if len(k.published) > 10 {
					t.instantN++
					if inst = dateRight(k.published, pub, true); inst {
						t.instant++
					}
				}
				if !day || !inst {
					miss = append(miss, fmt.Sprintf("published %s (want %s)", pub.Format(time.RFC3339), k.published))
				}
			}
			if k.scoreByline {
				t.bylineN++
				if strings.Join(byline, "|") == strings.Join(k.byline, "|") {
					t.byline++
				} else {
					miss = append(miss, fmt.Sprintf("byline %q (want %q)", byline, k.byline))
					mt.byline[bylineMiss(byline, k.byline, u)]++
					text, raw := pageText(k.html)
					bylineWhere(mt.bylineWhere, byline, k.byline, text, raw)
				}
			}
			if verbose && len(miss) > 0 {
				fmt.Fprintf(w, "%s %s: %s\n", who, k.name, strings.Join(miss, "; "))
			}
		}
		check(&wd, wdMiss, "wiredesk", p.Title, p.PublishedAt, names(p.Byline))
		check(&tf, tfMiss, "trafilatura", tm.Title, tm.Date, names(tm.Author))
	}
	fmt.Fprintf(w, "%s\n", label)
	wd.print(w, "wiredesk")
	wdMiss.print(w, "wiredesk")
	tf.print(w, "trafilatura")
	return nil
}

// pageSets are the -pages readers: name → loader and label.
var pageSets = map[string]struct {
	load  func(string) ([]known, error)
	label string
}{
	"demo":         {loadDemo, "demo site (Turkish and Russian pages the team wrote)"},
	"newspaper4k":  {loadNewspaper4k, "newspaper4k test pages (real pages, 7 languages; reference: newspaper4k's expected title and day) [studied: a development set since the first session]"},
	"readability":  {loadReadability, "mozilla/readability test pages (real pages; reference: readability's expected title, byline, publishedTime, corrected) [held out]"},
	"mercury":      {loadMercury, "postlight/parser fixtures (real pages; reference: its site extractors' expected title, author, date_published) [dev]"},
	"mercury-fork": {loadMercuryFork, "jocmp/mercury-parser fixtures added since postlight/parser (real pages of 2024-2026; reference: its site extractors' expected title, author, date_published) [dev]"},
	"metascraper":  {loadMetascraper, "metascraper integration tests (real pages; reference: metascraper's snapshot title and date) [dev]"},
	"snacktory":    {loadSnacktory, "snacktory extractor tests (real pages; reference: snacktory's expected title, and author corrected) [dev]"},
	"goose3":       {loadGoose3, "goose3 extraction tests (real pages and goose3's own; reference: the title, authors and publish_date its tests assert) [dev]"},
	"gtrends":      {loadGtrends, "BoilerNet GoogleTrends-2017 (real pages of 2017-2018, 133 sites; reference: the elements its annotators labelled title and author, bylines corrected) [dev]"},
	"pismo":        {loadPismo, "pismo corpus tests (real pages of 2009-2012, mostly blogs and personal sites; reference: pismo's expected title, author and day, corrected) [dev]"},
	"graby":        {loadGraby, "graby tests (real pages: a blog, a personal site, French and Australian news; reference: graby's expected title, authors and date) [dev]"},
	"fundus":       {loadFundus, "fundus parser tests (real news pages, ~40 countries; reference: each publisher's fundus parser's title, persons among its authors, publishing_date) [dev]"},
}

// runMetadata scores the page sets named in spec, NAME=PATH
// comma-separated: demo=DIR (deploy/demo) and, from git directories,
// newspaper4k=, readability= and mercury=.
func runMetadata(spec string, w io.Writer, verbose bool) error {
	for _, part := range strings.Split(spec, ",") {
		kind, path, _ := strings.Cut(part, "=")
		set, ok := pageSets[kind]
		if !ok || path == "" {
			return fmt.Errorf("-pages: %q is not demo=DIR, newspaper4k=GITDIR, readability=GITDIR, mercury=GITDIR, mercury-fork=GITDIR, metascraper=GITDIR, snacktory=GITDIR, goose3=GITDIR, fundus=GITDIR, pismo=GITDIR, graby=GITDIR or gtrends=DIR", part)
		}
		pages, err := set.load(path)
		if err != nil {
			return err
		}
		if err := scoreSet(w, fmt.Sprintf("%s, %d pages", set.label, len(pages)), pages, verbose); err != nil {
			return err
		}
	}
	return nil
}

// Package sitegen generates a local wire site of any size: sources in
// Turkish and Russian, each with an RSS feed and a sitemap listing all its
// pages, and article pages with the header, navigation, related-news aside
// and footer of real news sites. Pages are built on request from sentence
// banks, deterministically from a seed, so a site of 10,000 pages costs no
// disk and the same Config always serves the same bytes.
//
// The crash tests and the pipeline benchmark crawl it and compare what the
// pipeline stored with Expected.
package sitegen

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/fetch"
)

// Config shapes a site.
type Config struct {
	Pages int   // article pages in all, spread over the sources
	Seed  int64 // the same seed gives the same site
	// Sources is the number of sources (default 4); even ones publish in
	// Turkish, odd ones in Russian.
	Sources int
	// DiplomaticShare is the fraction of pages that are diplomatic news
	// (default 0.5; negative for none).
	DiplomaticShare float64
	// Republish serves every story a second time under a URL of its own
	// (NNNNNN-2.html, its own canonical), listed in the feed and sitemap
	// beside the first: the same text, another article to store.
	Republish bool
}

// DefaultSources is the number of sources when Config.Sources is zero.
const DefaultSources = 4

// epoch is the publication time of page 0; later pages are older.
var epoch = time.Date(2026, 11, 20, 18, 0, 0, 0, time.UTC)

// Site is a generated site. It is an http.Handler and safe for concurrent use.
type Site struct {
	cfg     Config
	sources []source
	pages   []pageMeta
}

type source struct {
	id, name, lang, section string
}

type pageMeta struct {
	src        int
	diplomatic bool
}

var (
	trSites = []string{"ajans", "gundem", "haberhat", "postasi"}
	ruSites = []string{"vestnik", "novosti", "kurier", "izvestiya"}
)

// New returns the site cfg describes.
func New(cfg Config) *Site {
	if cfg.Sources <= 0 {
		cfg.Sources = DefaultSources
	}
	if cfg.Pages < 0 {
		cfg.Pages = 0
	}
	switch {
	case cfg.DiplomaticShare == 0:
		cfg.DiplomaticShare = 0.5
	case cfg.DiplomaticShare < 0:
		cfg.DiplomaticShare = 0
	}
	s := &Site{cfg: cfg}
	for k := range cfg.Sources {
		names, lang, section := trSites, "tr", "haber"
		if k%2 == 1 {
			names, lang, section = ruSites, "ru", "novosti"
		}
		name := names[(k/2)%len(names)]
		id := name + "-" + lang
		if k >= 2*len(names) {
			id = fmt.Sprintf("%s%d-%s", name, k/(2*len(names)), lang)
		}
		s.sources = append(s.sources, source{id: id, name: name, lang: lang, section: section})
	}
	s.pages = make([]pageMeta, cfg.Pages)
	for i := range s.pages {
		r := s.rng(i, 0)
		s.pages[i] = pageMeta{src: i % cfg.Sources, diplomatic: r.Float64() < cfg.DiplomaticShare}
	}
	return s
}

// rng returns the generator for page i's stream salt: every part of a
// page draws from its own stream, so changing one part changes no other.
func (s *Site) rng(i int, salt uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(s.cfg.Seed), uint64(i)<<8|salt))
}

// Sources returns the site's sources as served from base (for example
// http://127.0.0.1:41234), each with its feed and its sitemap. Rate is
// high: the site is local. The caller sets Interval.
func (s *Site) Sources(base string) []fetch.Source {
	base = strings.TrimSuffix(base, "/")
	out := make([]fetch.Source, 0, len(s.sources))
	for _, src := range s.sources {
		out = append(out, fetch.Source{
			ID:       src.id,
			Lang:     src.lang,
			Feeds:    []string{base + "/" + src.id + "/rss.xml"},
			Sitemaps: []string{base + "/" + src.id + "/sitemap.xml"},
			Rate:     1000,
		})
	}
	return out
}

// Expected returns, sorted, the canonical URLs of the pages a pipeline
// must store when the site is served from base: the diplomatic ones (all
// pages are Turkish or Russian).
func (s *Site) Expected(base string) []string {
	base = strings.TrimSuffix(base, "/")
	var out []string
	for i, p := range s.pages {
		if !p.diplomatic {
			continue
		}
		for _, path := range s.paths(i) {
			u, err := fetch.Canonicalize(base + path)
			if err != nil {
				// base is not a URL: the caller's mistake, and then
				// nothing can be expected.
				return nil
			}
			out = append(out, u)
		}
	}
	sort.Strings(out)
	return out
}

// Pages returns the number of article pages.
func (s *Site) Pages() int { return len(s.pages) }

// Diplomatic reports whether page i is diplomatic.
func (s *Site) Diplomatic(i int) bool { return s.pages[i].diplomatic }

// Path returns the path of page i.
func (s *Site) Path(i int) string { return s.path(i) }

// paths returns the paths page i is served under.
func (s *Site) paths(i int) []string {
	if s.cfg.Republish {
		return []string{s.path(i), strings.TrimSuffix(s.path(i), ".html") + "-2.html"}
	}
	return []string{s.path(i)}
}

func (s *Site) path(i int) string {
	src := s.sources[s.pages[i].src]
	return fmt.Sprintf("/%s/%s/%06d.html", src.id, src.section, i)
}

// ServeHTTP serves robots.txt, each source's rss.xml and sitemap.xml, and
// the article pages, with ETags so that a re-poll gets 304s.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == "/robots.txt" {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		return
	}
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/"), "/")
	k := s.sourceIndex(parts[0])
	if k < 0 {
		http.NotFound(w, r)
		return
	}
	base := "http://" + r.Host
	switch {
	case len(parts) == 2 && parts[1] == "rss.xml":
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		s.writeRSS(w, k, base)
	case len(parts) == 2 && parts[1] == "sitemap.xml":
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		s.writeSitemap(w, k, base)
	case len(parts) == 3 && parts[1] == s.sources[k].section && strings.HasSuffix(parts[2], ".html"):
		num, _ := strings.CutSuffix(strings.TrimSuffix(parts[2], ".html"), "-2")
		i, err := strconv.Atoi(num)
		if err != nil || i < 0 || i >= len(s.pages) || s.pages[i].src != k || !slices.Contains(s.paths(i), r.URL.Path) {
			http.NotFound(w, r)
			return
		}
		etag := fmt.Sprintf(`"%x-%d"`, uint64(s.cfg.Seed), i)
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		s.writePage(w, i, base, r.URL.Path)
	default:
		http.NotFound(w, r)
	}
}

func (s *Site) sourceIndex(id string) int {
	for k, src := range s.sources {
		if src.id == id {
			return k
		}
	}
	return -1
}

func (s *Site) published(i int) time.Time {
	return epoch.Add(-time.Duration(i) * 7 * time.Minute)
}

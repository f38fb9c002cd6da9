package fetch

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/andybalholm/cascadia"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/extract"
)

// Source is one wire service: where to discover its articles and how hard
// it may be polled.
type Source struct {
	// ID names the source on the wire (news.raw.<id>); lowercase letters,
	// digits, '-' and '_'.
	ID string `yaml:"id"`
	// Lang is the language the source publishes in, a hint for the classifier.
	Lang string `yaml:"lang,omitempty"`
	// Feeds are RSS or Atom feeds.
	Feeds []string `yaml:"feeds,omitempty"`
	// Sitemaps are XML sitemaps (or sitemap indexes).
	Sitemaps []string `yaml:"sitemaps,omitempty"`
	// StartURLs are index pages whose article links are followed one level deep.
	StartURLs []string `yaml:"start_urls,omitempty"`
	// LinkSelector picks the article links on start URLs (a CSS selector
	// for anchors, or for elements that contain them). Without it, links
	// that look like article URLs are followed.
	LinkSelector string `yaml:"link_selector,omitempty"`
	// AllowHosts bounds where links may lead, besides the hosts of the
	// source's own feeds, sitemaps and start URLs.
	AllowHosts []string `yaml:"allow_hosts,omitempty"`
	// Interval between polls of this source.
	Interval time.Duration `yaml:"interval,omitempty"`
	// Rate is the most requests per second to the source's hosts.
	Rate float64 `yaml:"rate,omitempty"`
	// Rules override extraction for the source's pages.
	Rules *extract.Rules `yaml:"rules,omitempty"`
	// Timezone is the IANA zone ("Europe/Istanbul", "Asia/Baku") of the
	// times the source's pages write without an offset. Empty: by the
	// page's language, Europe/Istanbul for Turkish and Europe/Moscow for
	// Russian. The zone database is embedded, so the host's does not matter.
	Timezone string `yaml:"timezone,omitempty"`
}

// Location is the source's configured zone, nil when it has none or it
// does not load (Validate reports that).
func (s *Source) Location() *time.Location {
	if s == nil || s.Timezone == "" {
		return nil
	}
	loc, err := time.LoadLocation(s.Timezone)
	if err != nil {
		return nil
	}
	return loc
}

// Validate reports every problem with s, naming the field.
func (s *Source) Validate() error {
	var errs []error
	add := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", field, fmt.Sprintf(format, args...)))
	}
	if !article.ValidSourceID(s.ID) {
		add("id", "%q must be 1-64 of [a-z0-9_-], starting with a letter or digit", s.ID)
	}
	if len(s.Feeds)+len(s.Sitemaps)+len(s.StartURLs) == 0 {
		add("feeds", "a source needs at least one feed, sitemap or start URL")
	}
	for field, list := range map[string][]string{"feeds": s.Feeds, "sitemaps": s.Sitemaps, "start_urls": s.StartURLs} {
		for i, raw := range list {
			if err := checkURL(raw); err != nil {
				add(fmt.Sprintf("%s[%d]", field, i), "%v", err)
			}
		}
	}
	for i, h := range s.AllowHosts {
		if h == "" || strings.ContainsAny(h, "/ ") {
			add(fmt.Sprintf("allow_hosts[%d]", i), "%q is not a host[:port]", h)
		}
	}
	if s.LinkSelector != "" {
		if _, err := cascadia.Parse(s.LinkSelector); err != nil {
			add("link_selector", "%q: %v", s.LinkSelector, err)
		}
	}
	if s.Interval < 0 {
		add("interval", "%v is negative", s.Interval)
	}
	if s.Rate < 0 {
		add("rate", "%v is negative", s.Rate)
	}
	if s.Timezone != "" {
		if _, err := time.LoadLocation(s.Timezone); err != nil {
			add("timezone", "%q is not a known zone: %v", s.Timezone, err)
		}
	}
	if s.Rules != nil {
		if err := s.Rules.Validate(); err != nil {
			add("rules", "%v", err)
		}
	}
	return errors.Join(errs...)
}

func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%q: scheme must be http or https", raw)
	}
	if u.Host == "" {
		return fmt.Errorf("%q: no host", raw)
	}
	return nil
}

// hosts returns the hosts s may fetch from, lowercased: its allow_hosts
// and the hosts of its own feeds, sitemaps and start URLs.
func (s *Source) hosts() map[string]bool {
	m := map[string]bool{}
	for _, h := range s.AllowHosts {
		m[strings.ToLower(h)] = true
	}
	for _, list := range [][]string{s.Feeds, s.Sitemaps, s.StartURLs} {
		for _, raw := range list {
			if u, err := url.Parse(raw); err == nil {
				m[strings.ToLower(u.Host)] = true
			}
		}
	}
	return m
}

// Allowed reports whether s may fetch u.
func (s *Source) Allowed(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && s.hosts()[strings.ToLower(u.Host)]
}

// MatchSource returns the source that may fetch u, or nil.
func MatchSource(sources []Source, u *url.URL) *Source {
	for i := range sources {
		if sources[i].Allowed(u) {
			return &sources[i]
		}
	}
	return nil
}

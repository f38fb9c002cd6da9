package fetch

import (
	"net/url"
	"strings"
	"time"
)

// Config tunes the fetcher. The zero value of every field means its default.
type Config struct {
	// UserAgent identifies the crawler. Contact, a URL or address, is
	// appended so that a site operator can reach whoever runs it.
	UserAgent string
	Contact   string
	// Timeout bounds one request, body included. ConnectTimeout bounds the
	// dial and TLS handshake, HeaderTimeout the wait for response headers.
	Timeout        time.Duration
	ConnectTimeout time.Duration
	HeaderTimeout  time.Duration
	// MaxBody is the most bytes of a body, after decompression, that are
	// read; a longer page is flagged truncated.
	MaxBody int64
	// Concurrency is the most requests in flight across all hosts, and
	// the number of workers that fetch the article URLs of a poll.
	Concurrency int
	// MaxPollURLs caps the distinct article URLs one poll of a source
	// takes from its feeds, listings and sitemaps, in that order; what is
	// left waits for the next poll. MaxSitemapURLs caps the URLs taken
	// from one sitemap, the newest (by news:publication_date or lastmod),
	// and MaxSitemapChildren the child sitemaps followed from one index,
	// the newest by lastmod. They bound the fetcher's memory whatever a
	// site lists.
	MaxPollURLs        int
	MaxSitemapURLs     int
	MaxSitemapChildren int
	// Retries is how many times a transient failure is retried.
	Retries   int
	RetryBase time.Duration
	// RetryMax caps one wait; a Retry-After beyond it defers the URL to the
	// next poll instead of holding a worker.
	RetryMax time.Duration
	// IgnoreRobots skips robots.txt. Only for sites one owns.
	IgnoreRobots bool
	// AllowPrivate lets the fetcher connect to loopback, private,
	// link-local and the other special-purpose addresses. Off by default,
	// so that a feed cannot point the crawler at the network it runs in;
	// on for the demo and tests, whose sites are on loopback. Through an
	// HTTP(S) proxy (HTTP_PROXY, HTTPS_PROXY), the target's addresses are
	// resolved and checked before the request goes to the proxy.
	AllowPrivate bool
	// Jitter spreads polls of a source by up to this fraction of its
	// interval, so that restarts do not synchronise.
	Jitter float64

	// proxy picks the proxy for a URL; nil reads HTTP_PROXY, HTTPS_PROXY
	// and NO_PROXY. Tests set it.
	proxy func(*url.URL) (*url.URL, error)
}

// Defaults.
const (
	DefaultUserAgent = "wiredesk/1.0 (+https://github.com/wiredesk/wiredesk)"
	DefaultMaxBody   = 5 << 20
	DefaultRate      = 1.0 // requests per second per host
	DefaultInterval  = 5 * time.Minute

	DefaultMaxPollURLs        = 10_000
	DefaultMaxSitemapURLs     = 50_000 // the sitemap protocol's own limit
	DefaultMaxSitemapChildren = 50
)

func (c Config) withDefaults() Config {
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	if c.ConnectTimeout <= 0 {
		c.ConnectTimeout = min(10*time.Second, c.Timeout)
	}
	if c.HeaderTimeout <= 0 {
		c.HeaderTimeout = min(15*time.Second, c.Timeout)
	}
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.Concurrency <= 0 {
		c.Concurrency = 8
	}
	if c.MaxPollURLs <= 0 {
		c.MaxPollURLs = DefaultMaxPollURLs
	}
	if c.MaxSitemapURLs <= 0 {
		c.MaxSitemapURLs = DefaultMaxSitemapURLs
	}
	if c.MaxSitemapChildren <= 0 {
		c.MaxSitemapChildren = DefaultMaxSitemapChildren
	}
	if c.Retries < 0 {
		c.Retries = 0
	} else if c.Retries == 0 {
		c.Retries = 3
	}
	if c.RetryBase <= 0 {
		c.RetryBase = 500 * time.Millisecond
	}
	if c.RetryMax <= 0 {
		c.RetryMax = 30 * time.Second
	}
	if c.Jitter <= 0 || c.Jitter > 1 {
		c.Jitter = 0.1
	}
	return c
}

func (c Config) userAgent() string {
	if c.Contact == "" || strings.Contains(c.UserAgent, c.Contact) {
		return c.UserAgent
	}
	return c.UserAgent + " contact: " + c.Contact
}

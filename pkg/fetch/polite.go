package fetch

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
	"golang.org/x/time/rate"
)

// robotsTTL is how long a robots.txt is trusted before it is fetched again.
const robotsTTL = time.Hour

// host is the politeness state of one host: its rate and its robots.txt.
type host struct {
	lim *rate.Limiter

	mu       sync.Mutex
	robots   *robotstxt.RobotsData
	robotsAt time.Time
	delay    time.Duration // Crawl-delay, applied to lim
}

// hosts holds politeness state for every host the fetcher talks to, so
// that two sources on one host share its rate.
type hosts struct {
	mu sync.Mutex
	m  map[string]*host
}

// get returns the state of u's host, creating it at rps requests per
// second. When sources disagree, the slowest rate wins.
func (h *hosts) get(u *url.URL, rps float64) *host {
	if rps <= 0 {
		rps = DefaultRate
	}
	key := strings.ToLower(u.Host)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.m == nil {
		h.m = map[string]*host{}
	}
	hs, ok := h.m[key]
	if !ok {
		hs = &host{lim: rate.NewLimiter(rate.Limit(rps), 1)}
		h.m[key] = hs
	} else if rate.Limit(rps) < hs.lim.Limit() {
		hs.lim.SetLimit(rate.Limit(rps))
	}
	return hs
}

// wait blocks until the host may be asked again.
func (hs *host) wait(ctx context.Context) error { return hs.lim.Wait(ctx) }

// robotsFetch fetches robots.txt for a host: status and body, or an error
// when the host could not be reached at all.
type robotsFetch func(ctx context.Context, u *url.URL) (int, []byte, error)

// allowed reports whether the robots.txt of u's host lets agent fetch u,
// fetching and caching it as needed. A host whose robots.txt cannot be
// reached is not crawled this time: that is what the protocol asks.
func (hs *host) allowed(ctx context.Context, u *url.URL, agent string, fetch robotsFetch) (bool, error) {
	hs.mu.Lock()
	defer hs.mu.Unlock()
	if hs.robots == nil || time.Since(hs.robotsAt) > robotsTTL {
		ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
		code, body, err := fetch(ctx, ru)
		if err != nil {
			return false, err
		}
		data, err := robotstxt.FromStatusAndBytes(code, body)
		if err != nil {
			// An unparseable file is treated as no file.
			data, _ = robotstxt.FromStatusAndBytes(404, nil)
		}
		hs.robots, hs.robotsAt = data, time.Now()
		hs.applyDelay(data.FindGroup(agentToken(agent)).CrawlDelay)
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return hs.robots.TestAgent(path, agentToken(agent)), nil
}

// applyDelay slows the host to its Crawl-delay when that is slower than
// the configured rate.
func (hs *host) applyDelay(d time.Duration) {
	if d <= 0 || d == hs.delay {
		return
	}
	hs.delay = d
	if lim := rate.Every(d); lim < hs.lim.Limit() {
		hs.lim.SetLimit(lim)
	}
}

// agentToken is the product token robots.txt groups are matched against:
// "wiredesk" for "wiredesk/1.0 (+https://...)".
func agentToken(ua string) string {
	tok, _, _ := strings.Cut(ua, "/")
	tok, _, _ = strings.Cut(tok, " ")
	return tok
}

var errRobots = errors.New("disallowed by robots.txt")

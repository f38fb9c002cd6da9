package fetch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
)

// maxSitemapDepth bounds sitemap-index recursion.
const maxSitemapDepth = 3

// discovery is one poll's discovery: it reads the source's feeds,
// listings and sitemaps and queues each distinct article URL on the
// source's hosts for the workers, up to the poll's cap. What it holds is
// bounded by the caps, whatever the site lists: the URLs queued this poll
// (for deduplication), and the newest links of one sitemap at a time.
type discovery struct {
	f     *Fetcher
	src   *Source
	c     *counters
	queue chan<- link

	queued  map[string]bool // canonical URLs queued this poll
	foreign map[string]bool // off the source's hosts, counted once each
	full    bool            // the poll's cap is reached
	// leftOut counts the URLs and documents that the poll's cap kept
	// out of this poll.
	leftOutURLs, leftOutDocs int
}

// discover reads the source's feeds, listings and sitemaps, in that
// order (feeds carry the newest articles), and queues their article URLs.
// It returns when all are read, the poll's cap is reached, or ctx ends.
func (f *Fetcher) discover(ctx context.Context, src *Source, c *counters, queue chan<- link) {
	d := &discovery{f: f, src: src, c: c, queue: queue, queued: map[string]bool{}, foreign: map[string]bool{}}
	for _, raw := range src.Feeds {
		d.read(ctx, raw, "feed", func(r *response) error {
			links, err := parseFeed(r.Body, r.URL)
			d.offerAll(ctx, links)
			return err
		})
	}
	for _, raw := range src.StartURLs {
		d.read(ctx, raw, "listing", func(r *response) error {
			body, _, err := toUTF8(r.Body, r.Header.Get("Content-Type"))
			if err != nil {
				return err
			}
			links, err := parseListing(body, r.URL, src.LinkSelector)
			d.offerAll(ctx, links)
			return err
		})
	}
	seenMaps := map[string]bool{}
	maps := src.Sitemaps
	for depth := 0; depth < maxSitemapDepth && len(maps) > 0; depth++ {
		var next []string
		for _, raw := range maps {
			if seenMaps[raw] {
				continue
			}
			seenMaps[raw] = true
			next = append(next, d.readSitemap(ctx, raw)...)
		}
		maps = next
	}
	if d.leftOutURLs+d.leftOutDocs > 0 {
		f.m.capped(src.ID, "poll_urls", d.leftOutURLs)
		f.log.Warn("poll capped: the rest waits for the next poll", "source", src.ID, "cap", "fetcher.max_poll_urls",
			"max", f.cfg.MaxPollURLs, "urls_left_out", d.leftOutURLs, "documents_not_read", d.leftOutDocs)
	}
}

// read fetches one feed, listing or sitemap and hands it to parse, unless
// the poll is full. A sitemap is parsed as it arrives (stream), a feed or
// listing from its body.
func (d *discovery) read(ctx context.Context, raw, kind string, parse func(r *response) error) {
	f, src, c := d.f, d.src, d.c
	if d.full {
		d.leftOutDocs++
		return
	}
	if ctx.Err() != nil {
		return
	}
	u, err := url.Parse(raw)
	if err != nil {
		f.fail(src, "parse", raw, err, c)
		return
	}
	r, err := f.do(ctx, src, u, conditional{}, kind, nil)
	if err != nil {
		f.failFetch(src, raw, err, c)
		return
	}
	c.feeds.Add(1)
	err = parse(r)
	if err != nil && r.Truncated {
		// The parser only sees a document that stops mid-element; the
		// operator needs to know it was cut, and by which setting.
		f.fail(src, "too_large", raw, fmt.Errorf("%s longer than its size cap (%d bytes; fetcher.max_body) and cut short: %w",
			kind, f.bodyCap(kind), err), c)
		return
	}
	if err != nil {
		f.fail(src, "parse", raw, err, c)
	}
}

// readSitemap reads one sitemap as a stream, queues the newest of its
// URLs, and returns the newest of its child sitemaps on the source's hosts.
func (d *discovery) readSitemap(ctx context.Context, raw string) (children []string) {
	f, src, c := d.f, d.src, d.c
	if d.full {
		d.leftOutDocs++
		return nil
	}
	if ctx.Err() != nil {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		f.fail(src, "parse", raw, err, c)
		return nil
	}
	var res sitemapResult
	r, err := f.do(ctx, src, u, conditional{}, "sitemap", func(base *url.URL, body io.Reader) error {
		var err error
		res, err = parseSitemap(body, base, f.cfg.MaxSitemapURLs, f.cfg.MaxSitemapChildren)
		return err
	})
	if err != nil {
		f.failFetch(src, raw, err, c)
		return nil
	}
	c.feeds.Add(1)
	if err := r.ConsumeErr; err != nil {
		if !r.Truncated && !res.truncated {
			f.fail(src, "parse", raw, err, c)
			return nil
		}
		// Parsed as a stream, a sitemap cut at its size cap still gives
		// what came before the cut.
		f.m.capped(src.ID, "sitemap_size", 1)
		f.log.Warn("sitemap longer than its size cap, cut short; taking what came before the cut",
			"source", src.ID, "url", raw, "cap", "sitemap size", "max_bytes", f.bodyCap("sitemap"),
			"urls", res.urls, "sitemaps", res.sitemaps, "err", err)
	}
	if n := res.urls - len(res.links); n > 0 {
		f.m.capped(src.ID, "sitemap_urls", n)
		f.log.Warn("sitemap capped: taking its newest URLs", "source", src.ID, "url", raw,
			"cap", "fetcher.max_sitemap_urls", "max", f.cfg.MaxSitemapURLs, "listed", res.urls, "left_out", n)
	}
	if n := res.sitemaps - len(res.children); n > 0 {
		f.m.capped(src.ID, "sitemap_children", n)
		f.log.Warn("sitemap index capped: following its newest sitemaps", "source", src.ID, "url", raw,
			"cap", "fetcher.max_sitemap_children", "max", f.cfg.MaxSitemapChildren, "listed", res.sitemaps, "left_out", n)
	}
	for _, child := range res.children {
		if src.Allowed(child.URL) {
			children = append(children, child.URL.String())
		}
	}
	d.offerAll(ctx, res.links)
	return children
}

// offerAll queues links until the poll is full.
func (d *discovery) offerAll(ctx context.Context, links []link) {
	for _, l := range links {
		d.offer(ctx, l)
	}
}

// offer queues l unless it was queued already this poll, is off the
// source's hosts, or the poll is full. It waits while the queue is full:
// discovery runs only as far ahead of the workers as the queue is long.
func (d *discovery) offer(ctx context.Context, l link) {
	key, err := canonical(l.URL)
	if err != nil || d.queued[key] {
		return
	}
	if !d.src.Allowed(l.URL) {
		if d.foreign[key] {
			return
		}
		if len(d.foreign) < d.f.cfg.MaxPollURLs {
			d.foreign[key] = true
		}
		d.c.skipped.Add(1)
		d.f.m.skip(d.src.ID, "host")
		return
	}
	if d.full {
		d.leftOutURLs++
		return
	}
	d.queued[key] = true
	d.c.discovered.Add(1)
	if len(d.queued) >= d.f.cfg.MaxPollURLs {
		d.full = true
	}
	select {
	case d.queue <- l:
	case <-ctx.Done():
	}
}

// processLink fetches one article URL and publishes its page when it is
// new or changed. The KV entry is written only after the publish is
// acknowledged, so a crash in between costs a re-fetch, never a page.
func (f *Fetcher) processLink(ctx context.Context, src *Source, l link, c *counters) {
	fetchKey, _ := canonical(l.URL)
	key := seenKey(fetchKey)
	prev, err := loadSeen(ctx, f.seen, key)
	if err != nil {
		f.fail(src, "kv", l.URL.String(), err, c)
		return
	}
	var cond conditional
	if prev != nil {
		cond = conditional{ETag: prev.ETag, LastModified: prev.LastModified}
	}
	r, err := f.do(ctx, src, l.URL, cond, "page", nil)
	if err != nil {
		f.failFetch(src, l.URL.String(), err, c)
		return
	}
	if r.Status == 304 {
		c.notModified.Add(1)
		f.m.page(src.ID, "not_modified")
		return
	}
	c.fetched.Add(1)
	ct := r.Header.Get("Content-Type")
	if !htmlType(ct, r.Body) {
		c.skipped.Add(1)
		f.m.skip(src.ID, "content_type")
		f.m.page(src.ID, "skipped")
		f.log.Debug("not HTML", "url", l.URL.Redacted(), "content_type", ct)
		return
	}
	resp := article.HTTP{Status: r.Status, ETag: r.Header.Get("ETag"), LastModified: r.Header.Get("Last-Modified"), ContentType: ct}
	p, err := buildPage(r.Body, r.URL, src, resp, f.now())
	if err != nil {
		f.failFetch(src, l.URL.String(), err, c)
		return
	}
	p.Truncated = r.Truncated
	// A feed's or sitemap's date, when the page gives none, or only the
	// day (written, or in its URL) and the listing the time that day.
	finer := p.PublishedPrecision == article.PrecisionDate && !l.DateOnly &&
		!l.Published.Before(p.PublishedAt.Add(-14*time.Hour)) && l.Published.Before(p.PublishedAt.Add(38*time.Hour))
	if (p.PublishedAt.IsZero() || finer) && !l.Published.IsZero() {
		p.PublishedAt = l.Published
		p.PublishedLocal = false // a listing's time is an instant
		p.PublishedPrecision = article.PrecisionSecond
		if l.DateOnly {
			p.PublishedPrecision = article.PrecisionDate
		}
	}
	next := &seenState{URL: fetchKey, CanonicalURL: p.CanonicalURL, ETag: resp.ETag,
		LastModified: resp.LastModified, ContentHash: p.ContentHash, FetchedAt: p.FetchedAt}
	if prev != nil && prev.ContentHash == p.ContentHash && prev.CanonicalURL == p.CanonicalURL {
		c.unchanged.Add(1)
		f.m.page(src.ID, "unchanged")
		if prev.ETag != next.ETag || prev.LastModified != next.LastModified {
			// New validators let the next poll get a 304.
			if err := saveSeen(ctx, f.seen, key, next); err != nil {
				f.fail(src, "kv", l.URL.String(), err, c)
			}
		}
		return
	}
	if err := f.publish(ctx, src, p); err != nil {
		f.fail(src, "publish", l.URL.String(), err, c)
		return
	}
	c.published.Add(1)
	f.m.page(src.ID, "published")
	if err := saveSeen(ctx, f.seen, key, next); err != nil {
		// The page is out; the next poll publishes it again and
		// JetStream or the sink deduplicates it.
		f.fail(src, "kv", l.URL.String(), err, c)
	}
}

func (f *Fetcher) publish(ctx context.Context, src *Source, p *article.Page) error {
	if err := p.Validate(); err != nil {
		return fmt.Errorf("page %s: %w", p.URL, err)
	}
	data, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("page %s: %w", p.URL, err)
	}
	if mp, ok := f.pub.(interface{ MaxPayload() int64 }); ok {
		n := len(p.Blocks)
		if data, err = fit(p, data, mp.MaxPayload()-4096); err != nil {
			return err
		}
		if len(p.Blocks) < n {
			f.m.capped(src.ID, "page_payload", 1)
			f.log.Warn("page larger than the bus carries: its last blocks cut, the page flagged truncated", "source", src.ID,
				"url", p.URL, "blocks", n, "kept", len(p.Blocks), "max_payload", mp.MaxPayload())
		}
	}
	return f.publishRetrying(ctx, src, p.URL, bus.SubjectRaw(src.ID), article.MsgID(p.ID, p.ContentHash), data)
}

// fit cuts the blocks of a page whose message is larger than limit, from
// the end, and flags it truncated: a page that cannot be published would
// otherwise fail at every poll, forever.
func fit(p *article.Page, data []byte, limit int64) ([]byte, error) {
	for limit > 0 && int64(len(data)) > limit && len(p.Blocks) > 0 {
		keep := int(float64(len(p.Blocks)) * float64(limit) / float64(len(data)) * 0.9)
		p.Blocks = p.Blocks[:keep]
		p.Truncated = true
		p.ContentHash = article.HashBlocks(p.Blocks)
		var err error
		if data, err = json.Marshal(p); err != nil {
			return nil, fmt.Errorf("page %s: %w", p.URL, err)
		}
	}
	return data, nil
}

// htmlType reports whether a response is HTML. A missing Content-Type is
// sniffed, since some servers omit it.
func htmlType(ct string, body []byte) bool {
	if ct == "" {
		head := bytes.ToLower(body[:min(len(body), 512)])
		return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html"))
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// failFetch counts and logs a failed fetch: a skip when the URL is not
// ours to fetch or not usable, an error otherwise.
func (f *Fetcher) failFetch(src *Source, u string, err error, c *counters) {
	u = redacted(u)
	var bad *badContent
	switch {
	case errors.Is(err, context.Canceled):
		return
	case errors.Is(err, errRobots):
		c.skipped.Add(1)
		f.m.skip(src.ID, "robots")
		f.log.Debug("disallowed by robots.txt", "source", src.ID, "url", u)
	case errors.Is(err, errPrivate):
		c.skipped.Add(1)
		f.m.skip(src.ID, "private_address")
		f.log.Warn("refused a private address; set fetcher.allow_private for sites on your own network", "source", src.ID, "url", u)
	case errors.Is(err, errNotAllowed):
		c.skipped.Add(1)
		f.m.skip(src.ID, "host")
		f.log.Debug("redirected off the source's hosts", "source", src.ID, "url", u, "err", err)
	case errors.As(err, &bad):
		c.skipped.Add(1)
		f.m.skip(src.ID, bad.reason)
		f.log.Info("skipped", "source", src.ID, "url", u, "reason", bad.reason, "detail", bad.detail)
	default:
		f.fail(src, errClass(err), u, err, c)
	}
}

func (f *Fetcher) fail(src *Source, class, u string, err error, c *counters) {
	u = redacted(u)
	c.errors.Add(1)
	f.m.fail(src.ID, class)
	f.m.page(src.ID, "error")
	f.log.Warn("fetch failed", "source", src.ID, "url", u, "class", class, "err", err)
}

// redacted returns a URL for the log with any password in it replaced:
// a feed or sitemap may be configured with user:pass@.
func redacted(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Redacted()
	}
	return raw
}

// errClass names an error for the errors metric.
func errClass(err error) string {
	var se *statusError
	var ne net.Error
	switch {
	case errors.As(err, &se):
		if se.Code >= 500 {
			return "http_5xx"
		}
		return "http_4xx"
	case errors.Is(err, errRedirects):
		return "redirect"
	case badCertificate(err):
		return "tls"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case strings.Contains(err.Error(), "parse"):
		return "parse"
	}
	return "network"
}

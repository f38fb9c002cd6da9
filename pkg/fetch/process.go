package fetch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/url"
	"strings"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
)

// maxSitemapDepth bounds sitemap-index recursion.
const maxSitemapDepth = 3

// discover reads the source's feeds, sitemaps and start pages and returns
// the distinct article URLs on its allowed hosts.
func (f *Fetcher) discover(ctx context.Context, src *Source, c *counters) []link {
	var found []link
	read := func(raw, kind string, parse func(r *response) ([]link, []*url.URL, error)) []*url.URL {
		u, err := url.Parse(raw)
		if err != nil {
			f.fail(src, "parse", raw, err, c)
			return nil
		}
		r, err := f.do(ctx, src, u, conditional{}, kind)
		if err != nil {
			f.failFetch(src, raw, err, c)
			return nil
		}
		c.feeds.Add(1)
		links, children, err := parse(r)
		if err != nil && r.Truncated {
			// The parser only sees a document that stops mid-element; the
			// operator needs to know it was cut, and by which setting.
			f.fail(src, "too_large", raw, fmt.Errorf("%s longer than its size cap (%d bytes; fetcher.max_body) and cut short: %w",
				kind, f.bodyCap(kind), err), c)
			return nil
		}
		if err != nil {
			f.fail(src, "parse", raw, err, c)
			return nil
		}
		found = append(found, links...)
		return children
	}
	for _, raw := range src.Feeds {
		read(raw, "feed", func(r *response) ([]link, []*url.URL, error) {
			l, err := parseFeed(r.Body, r.URL)
			return l, nil, err
		})
	}
	for _, raw := range src.StartURLs {
		read(raw, "listing", func(r *response) ([]link, []*url.URL, error) {
			body, _, err := toUTF8(r.Body, r.Header.Get("Content-Type"))
			if err != nil {
				return nil, nil, err
			}
			l, err := parseListing(body, r.URL, src.LinkSelector)
			return l, nil, err
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
			for _, child := range read(raw, "sitemap", func(r *response) ([]link, []*url.URL, error) {
				return parseSitemap(r.Body, r.URL)
			}) {
				if src.Allowed(child) {
					next = append(next, child.String())
				}
			}
		}
		maps = next
	}
	return f.distinct(src, found, c)
}

// distinct drops duplicates and links off the source's hosts.
func (f *Fetcher) distinct(src *Source, links []link, c *counters) []link {
	byURL := map[string]bool{}
	var out []link
	for _, l := range links {
		key, err := canonical(l.URL)
		if err != nil || byURL[key] {
			continue
		}
		byURL[key] = true
		if !src.Allowed(l.URL) {
			c.skipped.Add(1)
			f.m.skip(src.ID, "host")
			continue
		}
		out = append(out, l)
	}
	c.discovered.Add(int64(len(out)))
	return out
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
	r, err := f.do(ctx, src, l.URL, cond, "page")
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
		f.log.Debug("not HTML", "url", l.URL, "content_type", ct)
		return
	}
	resp := article.HTTP{Status: r.Status, ETag: r.Header.Get("ETag"), LastModified: r.Header.Get("Last-Modified"), ContentType: ct}
	p, err := BuildPage(bytes.NewReader(r.Body), r.URL, src, resp, f.now())
	if err != nil {
		f.failFetch(src, l.URL.String(), err, c)
		return
	}
	p.Truncated = r.Truncated
	if p.PublishedAt.IsZero() && !l.Published.IsZero() {
		p.PublishedAt = l.Published
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
		if data, err = fit(p, data, mp.MaxPayload()-4096); err != nil {
			return err
		}
	}
	return f.pub.Publish(ctx, bus.SubjectRaw(src.ID), article.MsgID(p.ID, p.ContentHash), data)
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
	c.errors.Add(1)
	f.m.fail(src.ID, class)
	f.m.page(src.ID, "error")
	f.log.Warn("fetch failed", "source", src.ID, "url", u, "class", class, "err", err)
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
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case strings.Contains(err.Error(), "parse"):
		return "parse"
	}
	return "network"
}

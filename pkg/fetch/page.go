package fetch

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/extract"
)

// maxOffline bounds what BuildPage reads from a reader that no fetch has
// bounded already (the offline extract command).
const maxOffline = 64 << 20

// BuildPage turns an HTML body, as fetched from pageURL, into a page/v1
// message: it decodes the body to UTF-8, extracts blocks and metadata with
// the source's rules, and settles the canonical URL and id.
func BuildPage(r io.Reader, pageURL *url.URL, src *Source, resp article.HTTP, now time.Time) (*article.Page, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxOffline))
	if err != nil {
		return nil, fmt.Errorf("build page %s: %w", pageURL, err)
	}
	return buildPage(raw, pageURL, src, resp, now)
}

// buildPage is BuildPage of a body in memory, which it does not copy
// (most pages are valid UTF-8 already) and does not change: the fetcher
// and the backfill hold every page's body so.
func buildPage(raw []byte, pageURL *url.URL, src *Source, resp article.HTTP, now time.Time) (*article.Page, error) {
	body, _, err := toUTF8(raw, resp.ContentType)
	if err != nil {
		return nil, fmt.Errorf("build page %s: %w", pageURL, err)
	}
	var opts extract.Options
	if src != nil {
		opts = extract.Options{Rules: src.Rules, Zone: src.Location()}
	}
	res, err := extract.ExtractWith(bytes.NewReader(body), pageURL, opts)
	if err != nil {
		return nil, fmt.Errorf("build page %s: %w", pageURL, err)
	}
	canon, err := pageCanonical(pageURL, res.CanonicalURL, src)
	if err != nil {
		return nil, fmt.Errorf("build page %s: %w", pageURL, err)
	}
	p := &article.Page{
		Schema:       article.SchemaPage,
		ID:           article.IDFor(canon),
		URL:          pageURL.String(),
		CanonicalURL: canon,
		FetchedAt:    now.UTC(),
		HTTP:         resp,
		Title:        res.Title,
		PublishedAt:  res.PublishedAt,
		Byline:       res.Byline,
		Dateline:     res.Dateline,
		LangHint:     res.LangHint,
		Blocks:       res.Blocks,

		PublishedPrecision: res.PublishedPrecision,
		PublishedLocal:     res.PublishedLocal,
		UpdatedAt:          res.UpdatedAt,
		UpdatedLocal:       res.UpdatedLocal,
		Attribution:        res.Attribution,
	}
	if p.Blocks == nil {
		p.Blocks = []article.Block{}
	}
	if src != nil {
		p.Source = src.ID
		if p.LangHint == "" {
			p.LangHint = src.Lang
		}
	}
	p.ContentHash = article.HashBlocks(p.Blocks)
	return p, nil
}

// pageCanonical returns the page's canonical URL. A page's own claim is
// trusted only when it points at the host it was fetched from or at one
// of its source's hosts: otherwise any page could take over another's id.
func pageCanonical(pageURL *url.URL, claimed string, src *Source) (string, error) {
	if claimed != "" {
		if u, err := url.Parse(claimed); err == nil && u.IsAbs() {
			same := strings.EqualFold(u.Host, pageURL.Host)
			if same || (src != nil && src.Allowed(u)) {
				if c, err := canonical(u); err == nil {
					return c, nil
				}
			}
		}
	}
	return canonical(pageURL)
}

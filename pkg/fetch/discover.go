package fetch

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/mmcdole/gofeed"
)

// link is a discovered article URL with what the listing said about it.
type link struct {
	URL       *url.URL
	Published time.Time // zero when the listing did not say
	// DateOnly is set when the listing gave Published as a day ("2026-11-18").
	DateOnly bool
}

// parseFeed reads RSS or Atom. Item links may be relative: feeds in the
// wild carry root-relative links, resolved here against the feed's URL.
func parseFeed(body []byte, base *url.URL) ([]link, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	var out []link
	for _, it := range feed.Items {
		href := it.Link
		if href == "" && len(it.Links) > 0 {
			href = it.Links[0]
		}
		if href == "" {
			href = it.GUID
		}
		u, err := resolve(base, href)
		if err != nil {
			continue
		}
		l := link{URL: u}
		switch {
		case it.PublishedParsed != nil:
			l.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			l.Published = it.UpdatedParsed.UTC()
		}
		out = append(out, l)
	}
	return out, nil
}

func resolve(base *url.URL, href string) (*url.URL, error) {
	href = strings.TrimSpace(href)
	if href == "" {
		return nil, fmt.Errorf("empty link")
	}
	ref, err := url.Parse(href)
	if err != nil {
		return nil, err
	}
	u := base.ResolveReference(ref)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%s: not http(s)", href)
	}
	u.Fragment = ""
	return u, nil
}

func parseW3CDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// parseListing returns the links of an index page. With a selector, the
// anchors it picks (or the anchors inside what it picks); without one,
// the links that look like articles.
func parseListing(body []byte, base *url.URL, selector string) ([]link, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("parse listing: %w", err)
	}
	sel := doc.Find("a[href]")
	if selector != "" {
		picked := doc.Find(selector)
		sel = picked.Filter("a[href]").AddSelection(picked.Find("a[href]"))
	}
	var out []link
	sel.Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u, err := resolve(base, href)
		if err != nil {
			return
		}
		if selector == "" && !articleLike(u) {
			return
		}
		out = append(out, link{URL: u})
	})
	return out, nil
}

// articleLike is the generic guess for listing pages without a selector:
// article URLs are deep and end in a slug or a number, section pages do not.
func articleLike(u *url.URL) bool {
	segs := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	if len(segs) < 2 {
		return false
	}
	last := strings.TrimSuffix(strings.TrimSuffix(segs[len(segs)-1], ".html"), ".htm")
	if strings.Count(last, "-") >= 2 || strings.Count(last, "_") >= 2 {
		return true
	}
	digits := 0
	for _, r := range last {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 5
}

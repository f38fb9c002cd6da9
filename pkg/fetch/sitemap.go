package fetch

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"container/heap"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
)

// maxSitemap bounds a decompressed sitemap; the protocol caps them at 50 MB.
const maxSitemap = 50 << 20

// maxSitemapText bounds the text of one element (a <loc>, a date): a URL
// longer than this is not one a crawler follows.
const maxSitemapText = 8 << 10

// sitemapResult is what one sitemap lists: at most the caps' number of
// article links and child sitemaps, the newest, in document order, and
// how many of each it listed in all.
type sitemapResult struct {
	links     []link
	children  []link
	urls      int // <url> entries with a usable <loc>
	sitemaps  int // <sitemap> entries with a usable <loc>
	truncated bool
}

// parseSitemap reads a urlset or a sitemap index token by token, so that
// a sitemap of any size is never held whole: it keeps the newest maxURLs
// links (by news:publication_date, else lastmod; undated entries count
// as oldest, ties keep the earlier entry) and the newest maxChildren
// child sitemaps (by lastmod). It accepts gzip-compressed sitemaps
// (.xml.gz) and reads at most maxSitemap bytes of XML; a longer sitemap
// is cut there, and what was read before the cut is returned with
// truncated set along with the error. A maximum of 0 or less keeps
// everything.
func parseSitemap(r io.Reader, base *url.URL, maxURLs, maxChildren int) (sitemapResult, error) {
	var res sitemapResult
	br := bufio.NewReader(r)
	if head, _ := br.Peek(2); bytes.Equal(head, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return res, fmt.Errorf("parse sitemap: %w", err)
		}
		defer zr.Close()
		r = zr
	} else {
		r = br
	}
	lr := &limitedReader{r: r, n: maxSitemap}
	dec := xml.NewDecoder(lr)
	dec.Strict = false
	links := newestLinks{max: maxURLs}
	children := newestLinks{max: maxChildren}
	var (
		sawRoot bool
		stack   []string // local names of the open elements
		text    strings.Builder
		entry   struct{ loc, lastmod, published string }
	)
	finish := func() (sitemapResult, error) {
		res.links, res.children = links.sorted(), children.sorted()
		return res, nil
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if !sawRoot {
				return res, errors.New("parse sitemap: no root element")
			}
			return finish()
		}
		if err != nil {
			res, _ = finish()
			if lr.truncated {
				res.truncated = true
				return res, fmt.Errorf("parse sitemap: cut at %d bytes: %w", maxSitemap, err)
			}
			return res, fmt.Errorf("parse sitemap: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if len(stack) == 0 && name != "urlset" && name != "sitemapindex" {
				return res, fmt.Errorf("parse sitemap: root element is <%s>, want <urlset> or <sitemapindex>", name)
			}
			sawRoot = true
			stack = append(stack, name)
			if len(stack) == 2 {
				entry.loc, entry.lastmod, entry.published = "", "", ""
			}
			text.Reset()
		case xml.CharData:
			if text.Len()+len(t) <= maxSitemapText {
				text.Write(t)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			name := stack[len(stack)-1]
			switch {
			case len(stack) == 3 && name == "loc":
				entry.loc = text.String()
			case len(stack) == 3 && name == "lastmod":
				entry.lastmod = text.String()
			case len(stack) == 4 && stack[2] == "news" && name == "publication_date":
				entry.published = text.String()
			case len(stack) == 2:
				u, err := resolve(base, entry.loc)
				if err != nil {
					break
				}
				l := link{URL: u}
				if t, ok := parseW3CDate(entry.published); ok {
					l.Published, l.DateOnly = t, len(strings.TrimSpace(entry.published)) == len("2006-01-02")
				} else if t, ok := parseW3CDate(entry.lastmod); ok {
					l.Published, l.DateOnly = t, len(strings.TrimSpace(entry.lastmod)) == len("2006-01-02")
				}
				switch {
				case name == "url" && stack[0] == "urlset":
					res.urls++
					links.add(l)
				case name == "sitemap" && stack[0] == "sitemapindex":
					res.sitemaps++
					children.add(l)
				}
			}
			stack = stack[:len(stack)-1]
			text.Reset()
		}
	}
}

// limitedReader reads at most n bytes and records whether there was more.
type limitedReader struct {
	r         io.Reader
	n         int64
	truncated bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		var one [1]byte
		if n, _ := l.r.Read(one[:]); n > 0 {
			l.truncated = true
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// newestLinks keeps the max newest links offered to it: a min-heap on
// age, so that each offer costs O(log max) and memory stays at max.
type newestLinks struct {
	max   int
	seq   int
	items []seqLink
}

type seqLink struct {
	link
	seq int // position in the document
}

// older reports whether a is older than b: an earlier date, no date, or
// the same date later in the document.
func older(a, b seqLink) bool {
	if !a.Published.Equal(b.Published) {
		return a.Published.Before(b.Published)
	}
	return a.seq > b.seq
}

func (h *newestLinks) Len() int           { return len(h.items) }
func (h *newestLinks) Less(i, j int) bool { return older(h.items[i], h.items[j]) }
func (h *newestLinks) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *newestLinks) Push(x any)         { h.items = append(h.items, x.(seqLink)) }
func (h *newestLinks) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}

func (h *newestLinks) add(l link) {
	s := seqLink{link: l, seq: h.seq}
	h.seq++
	switch {
	case h.max <= 0 || len(h.items) < h.max:
		heap.Push(h, s)
	case older(h.items[0], s):
		h.items[0] = s
		heap.Fix(h, 0)
	}
}

// sorted returns the links kept, in document order.
func (h *newestLinks) sorted() []link {
	items := slices.Clone(h.items)
	slices.SortFunc(items, func(a, b seqLink) int { return a.seq - b.seq })
	out := make([]link, len(items))
	for i, s := range items {
		out[i] = s.link
	}
	return out
}

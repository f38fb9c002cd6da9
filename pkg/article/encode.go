package article

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// EncodeArticle sets a's ContentHash to HashArticle's and returns a as
// json.Marshal writes it, byte for byte, from one encoding where the two
// took two. The hash covers a's JSON with the fields it leaves out zeroed,
// which differs from the whole only in its last fields (dropped,
// content_hash, fetched_at, classified_at): the encoding hashed is the
// whole one's prefix, and the rest is appended to it.
//
// The fields are appended in the struct's order, as encoding/json writes
// them (its escaping, its float format, the times' RFC 3339): reflection
// over the struct for every article was most of the encoding's cost.
// TestEncodeArticleGenerated holds it to json.Marshal on articles with
// every field set, a field added to Article included.
func EncodeArticle(a *Article) ([]byte, error) {
	b := make([]byte, 0, encodedSize(a))
	b, err := appendHashed(b, a)
	if err != nil {
		return nil, fmt.Errorf("encode article %s: %w", a.ID, err)
	}
	tail := hashedTail
	if a.Backfill {
		tail = hashedTailBackfill
	}
	h := sha256.New()
	h.Write(b)
	h.Write(tail)
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	a.ContentHash = hex.EncodeToString(sum[:16])

	b = append(b, `"dropped":`...)
	if a.Dropped == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, d := range a.Dropped {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"i":`...)
			b = strconv.AppendInt(b, int64(d.I), 10)
			b = append(b, `,"text":`...)
			b = appendString(b, d.Text)
			b = append(b, `,"reason":`...)
			b = appendString(b, d.Reason)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"content_hash":"`...)
	b = append(b, a.ContentHash...)
	b = append(b, '"')
	if !a.FetchedAt.IsZero() {
		b = append(b, `,"fetched_at":`...)
		if b, err = appendTime(b, a.FetchedAt); err != nil {
			return nil, fmt.Errorf("encode article %s: fetched_at: %w", a.ID, err)
		}
	}
	b = append(b, `,"classified_at":`...)
	if b, err = appendTime(b, a.ClassifiedAt); err != nil {
		return nil, fmt.Errorf("encode article %s: classified_at: %w", a.ID, err)
	}
	if a.Backfill {
		b = append(b, `,"backfill":true`...)
	}
	return append(b, '}'), nil
}

// The end of the encoding HashArticle hashes: the fields it zeroes, from
// Dropped on, as encoding/json writes them in the struct's order.
var (
	hashedTail         = []byte(`"dropped":null,"content_hash":"","classified_at":"0001-01-01T00:00:00Z"}`)
	hashedTailBackfill = []byte(`"dropped":null,"content_hash":"","classified_at":"0001-01-01T00:00:00Z","backfill":true}`)
)

// encodedSize is about the length of a's encoding: its text and some room
// for the names, the quotes and the escapes, so that one allocation
// holds it.
func encodedSize(a *Article) int {
	n := 512 + len(a.URL) + len(a.Title) + len(a.Byline) + len(a.Credit) + len(a.Dateline) + len(a.Attribution) + len(a.Standfirst) + len(a.Body)
	for _, p := range a.Paragraphs {
		n += len(p) + 3
	}
	for _, t := range a.Relevance.Terms {
		n += len(t) + 3
	}
	for _, d := range a.Dropped {
		n += len(d.Text) + len(d.Reason) + 32
	}
	return n + n/16
}

// appendHashed appends a's encoding up to its "dropped" field: the part
// HashArticle's encoding shares with the whole.
func appendHashed(b []byte, a *Article) ([]byte, error) {
	var err error
	b = append(b, `{"schema":`...)
	b = appendString(b, a.Schema)
	b = append(b, `,"id":`...)
	b = appendString(b, a.ID)
	b = append(b, `,"url":`...)
	b = appendString(b, a.URL)
	b = append(b, `,"source":`...)
	b = appendString(b, a.Source)
	b = append(b, `,"lang":`...)
	b = appendString(b, a.Lang)
	b = append(b, `,"lang_confidence":`...)
	if b, err = appendFloat(b, a.LangConfidence); err != nil {
		return nil, fmt.Errorf("lang_confidence: %w", err)
	}
	b = append(b, `,"title":`...)
	b = appendString(b, a.Title)
	if !a.PublishedAt.IsZero() {
		b = append(b, `,"published_at":`...)
		if b, err = appendTime(b, a.PublishedAt); err != nil {
			return nil, fmt.Errorf("published_at: %w", err)
		}
	}
	if a.PublishedLocal {
		b = append(b, `,"published_local":true`...)
	}
	b = appendOptional(b, `,"published_precision":`, a.PublishedPrecision)
	if !a.UpdatedAt.IsZero() {
		b = append(b, `,"updated_at":`...)
		if b, err = appendTime(b, a.UpdatedAt); err != nil {
			return nil, fmt.Errorf("updated_at: %w", err)
		}
	}
	if a.UpdatedLocal {
		b = append(b, `,"updated_local":true`...)
	}
	b = appendOptional(b, `,"byline":`, a.Byline)
	b = appendOptional(b, `,"credit":`, a.Credit)
	b = appendOptional(b, `,"dateline":`, a.Dateline)
	b = appendOptional(b, `,"attribution":`, a.Attribution)
	b = appendOptional(b, `,"standfirst":`, a.Standfirst)
	b = append(b, `,"body":`...)
	b = appendString(b, a.Body)
	b = append(b, `,"paragraphs":`...)
	b = appendStrings(b, a.Paragraphs)
	b = append(b, `,"relevance":{"topic":`...)
	b = appendString(b, a.Relevance.Topic)
	b = append(b, `,"score":`...)
	if b, err = appendFloat(b, a.Relevance.Score); err != nil {
		return nil, fmt.Errorf("relevance score: %w", err)
	}
	b = append(b, `,"relevant":`...)
	b = strconv.AppendBool(b, a.Relevance.Relevant)
	b = append(b, `,"terms":`...)
	b = appendStrings(b, a.Relevance.Terms)
	b = append(b, '}')
	if len(a.Countries) > 0 {
		b = append(b, `,"countries":`...)
		b = appendStrings(b, a.Countries)
	}
	if len(a.Organizations) > 0 {
		b = append(b, `,"organizations":`...)
		b = appendStrings(b, a.Organizations)
	}
	if len(a.Headings) > 0 {
		b = append(b, `,"headings":[`...)
		for i, h := range a.Headings {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(h), 10)
		}
		b = append(b, ']')
	}
	return append(b, ','), nil
}

// appendOptional appends an omitempty string field: its name and value,
// or nothing when it is empty.
func appendOptional(b []byte, name, s string) []byte {
	if s == "" {
		return b
	}
	return appendString(append(b, name...), s)
}

// appendStrings appends a list as encoding/json does: null when nil.
func appendStrings(b []byte, list []string) []byte {
	if list == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

// appendTime appends t as time.Time's MarshalJSON writes it.
func appendTime(b []byte, t time.Time) ([]byte, error) {
	b = append(b, '"')
	b, err := t.AppendText(b)
	if err != nil {
		return nil, err
	}
	return append(b, '"'), nil
}

// appendFloat appends f as encoding/json writes a float64: the shortest
// form that reads back, in exponent form only below 1e-6 or from 1e21 on
// (with no padding of the exponent), and no encoding of NaN or an
// infinity.
func appendFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, fmt.Errorf("unsupported value %s", strconv.FormatFloat(f, 'g', -1, 64))
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-07 is written e-7.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

const jsonHex = "0123456789abcdef"

// appendString appends s quoted as encoding/json writes a string with
// its HTML escaping on: control characters, quotes, backslashes and <, >
// and & escaped, a byte that is not UTF-8 written as U+FFFD, and the
// line and paragraph separators escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', jsonHex[c>>4], jsonHex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', jsonHex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

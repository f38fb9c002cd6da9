package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	jsonv1 "github.com/go-json-experiment/json/v1"
)

// ErrMalformed marks a message that can never be processed: bad JSON, an
// unknown schema or a failed validation. Consumers treat it as permanent.
var ErrMalformed = errors.New("malformed message")

// FieldError says which field of a message is wrong, and how.
type FieldError struct {
	Field string
	Msg   string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// Is makes every FieldError match ErrMalformed.
func (e *FieldError) Is(target error) bool { return target == ErrMalformed }

// ValidToken reports whether s can be a subject token (<source>, <lang>):
// one or more of [a-z0-9_-].
func ValidToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !lowerHex(c) && (c < 'g' || c > 'z') && c != '_' && c != '-' {
			return false
		}
	}
	return s != ""
}

// ValidSourceID reports whether s can be a source's ID: a subject token
// (ValidToken) of at most 64 bytes that starts with a letter or digit. The
// fetcher's configuration and the reader's source filter both hold IDs to
// it.
func ValidSourceID(s string) bool {
	return len(s) <= 64 && s != "" && s[0] != '_' && s[0] != '-' && ValidToken(s)
}

// hexDigits reports whether s is n lowercase hex digits ([0-9a-f]{n}): an
// id is 16, a content hash 32. Every message is checked so on decode, and
// these loops were a regexp's search each.
func hexDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !lowerHex(s[i]) {
			return false
		}
	}
	return true
}

func lowerHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' }

func fieldErr(field, format string, args ...any) error {
	return &FieldError{Field: field, Msg: fmt.Sprintf(format, args...)}
}

func checkCommon(schema, wantSchema, id, rawURL, source, hash string) error {
	if schema != wantSchema {
		return fieldErr("schema", "is %q, want %q", schema, wantSchema)
	}
	if !hexDigits(id, 16) {
		return fieldErr("id", "%q is not 16 lowercase hex digits", id)
	}
	if err := checkURL("url", rawURL); err != nil {
		return err
	}
	if !ValidToken(source) {
		return fieldErr("source", "%q is not a subject token [a-z0-9_-]+", source)
	}
	if !hexDigits(hash, 32) {
		return fieldErr("content_hash", "%q is not 32 lowercase hex digits", hash)
	}
	return nil
}

func checkURL(field, raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fieldErr(field, "%v", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fieldErr(field, "%q is not an absolute http(s) URL", raw)
	}
	return nil
}

// Validate checks a page/v1 message.
func (p *Page) Validate() error {
	if err := checkCommon(p.Schema, SchemaPage, p.ID, p.URL, p.Source, p.ContentHash); err != nil {
		return err
	}
	if err := checkURL("canonical_url", p.CanonicalURL); err != nil {
		return err
	}
	if p.FetchedAt.IsZero() {
		return fieldErr("fetched_at", "is missing")
	}
	if p.HTTP.Status < 100 || p.HTTP.Status > 599 {
		return fieldErr("http.status", "%d is not an HTTP status", p.HTTP.Status)
	}
	if err := checkPrecision(p.PublishedPrecision, p.PublishedAt); err != nil {
		return err
	}
	if err := checkLocal(p.PublishedLocal, p.PublishedAt, p.UpdatedLocal, p.UpdatedAt); err != nil {
		return err
	}
	for n, b := range p.Blocks {
		if err := checkBlock(n, b); err != nil {
			return err
		}
	}
	return nil
}

// checkBlock checks block n of a page. The field's name is written only
// for an error: every block of every page is checked.
func checkBlock(n int, b Block) error {
	if b.I == n && b.Zone.Valid() && b.LinkDensity >= 0 && b.LinkDensity <= 1 && utf8.ValidString(b.Text) {
		return nil
	}
	field := fmt.Sprintf("blocks[%d]", n)
	switch {
	case b.I != n:
		return fieldErr(field+".i", "is %d, want %d (blocks are in reading order)", b.I, n)
	case !b.Zone.Valid():
		return fieldErr(field+".zone", "%q is not a known zone", b.Zone)
	case b.LinkDensity < 0 || b.LinkDensity > 1:
		return fieldErr(field+".link_density", "%v is outside [0,1]", b.LinkDensity)
	default:
		return fieldErr(field+".text", "is not valid UTF-8")
	}
}

// Validate checks an article/v1 message.
func (a *Article) Validate() error {
	if err := checkCommon(a.Schema, SchemaArticle, a.ID, a.URL, a.Source, a.ContentHash); err != nil {
		return err
	}
	if !ValidToken(a.Lang) {
		return fieldErr("lang", "%q is not a subject token", a.Lang)
	}
	if a.LangConfidence < 0 || a.LangConfidence > 1 {
		return fieldErr("lang_confidence", "%v is outside [0,1]", a.LangConfidence)
	}
	if len(a.Paragraphs) == 0 {
		return fieldErr("paragraphs", "is empty")
	}
	if !joinedBy(a.Body, a.Paragraphs, "\n\n") {
		return fieldErr("body", "is not the paragraphs joined by a blank line")
	}
	if a.ClassifiedAt.IsZero() {
		return fieldErr("classified_at", "is missing")
	}
	if err := checkPrecision(a.PublishedPrecision, a.PublishedAt); err != nil {
		return err
	}
	if err := checkLocal(a.PublishedLocal, a.PublishedAt, a.UpdatedLocal, a.UpdatedAt); err != nil {
		return err
	}
	for n, h := range a.Headings {
		switch {
		case h < 0 || h >= len(a.Paragraphs):
			return fieldErr(fmt.Sprintf("headings[%d]", n), "%d is not a paragraph index (%d paragraphs)", h, len(a.Paragraphs))
		case n > 0 && h <= a.Headings[n-1]:
			return fieldErr(fmt.Sprintf("headings[%d]", n), "%d is not after %d (headings ascend)", h, a.Headings[n-1])
		}
	}
	return nil
}

// joinedBy reports whether s is strings.Join(parts, sep), without
// building the join: every article is checked so when built and decoded.
func joinedBy(s string, parts []string, sep string) bool {
	for i, p := range parts {
		if i > 0 {
			var ok bool
			if s, ok = strings.CutPrefix(s, sep); !ok {
				return false
			}
		}
		var ok bool
		if s, ok = strings.CutPrefix(s, p); !ok {
			return false
		}
	}
	return s == ""
}

// checkPrecision: a precision goes with a time, and is one of the known ones.
func checkPrecision(prec string, t time.Time) error {
	switch prec {
	case "":
		return nil
	case PrecisionDate, PrecisionMinute, PrecisionSecond:
		if t.IsZero() {
			return fieldErr("published_precision", "is %q but published_at is missing", prec)
		}
		return nil
	}
	return fieldErr("published_precision", "%q is not one of %q, %q, %q", prec, PrecisionDate, PrecisionMinute, PrecisionSecond)
}

// checkLocal: a time is local only when there is one.
func checkLocal(pubLocal bool, pub time.Time, updLocal bool, upd time.Time) error {
	if pubLocal && pub.IsZero() {
		return fieldErr("published_local", "is set but published_at is missing")
	}
	if updLocal && upd.IsZero() {
		return fieldErr("updated_local", "is set but updated_at is missing")
	}
	return nil
}

// Validate checks a drop/v1 message.
func (d *Drop) Validate() error {
	if err := checkCommon(d.Schema, SchemaDrop, d.ID, d.URL, d.Source, d.ContentHash); err != nil {
		return err
	}
	if !ValidToken(d.Reason) {
		return fieldErr("reason", "%q is not a subject token", d.Reason)
	}
	return nil
}

// DecodePage parses and validates a page/v1 message. Every error it returns
// matches ErrMalformed.
func DecodePage(data []byte) (*Page, error) {
	var p Page
	if err := decode(data, SchemaPage, &p, &p.Schema); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("page %s: %w", p.ID, err)
	}
	return &p, nil
}

// DecodeArticle parses and validates an article/v1 message. Every error it
// returns matches ErrMalformed.
func DecodeArticle(data []byte) (*Article, error) {
	var a Article
	if err := decode(data, SchemaArticle, &a, &a.Schema); err != nil {
		return nil, err
	}
	if err := a.Validate(); err != nil {
		return nil, fmt.Errorf("article %s: %w", a.ID, err)
	}
	return &a, nil
}

// decode decodes data into v, whose schema field is schema. A message
// that fails is looked at again for its error, the schema first, so that
// a message of another schema says so instead of failing on some field
// deep inside; a good one is decoded once (every stage decodes every
// message it takes).
//
// That once is by the v1 semantics of github.com/go-json-experiment/json
// (the implementation encoding/json/v2 comes from, with encoding/json's
// behaviour as options): the same values for the same input
// (FuzzDecodeMatchesStd), in half the time or less, as it does not scan
// the input twice nor allocate per token (BenchmarkDecode). Errors are
// still encoding/json's own.
func decode(data []byte, want string, v any, schema *string) error {
	if !utf8.Valid(data) {
		return fmt.Errorf("%w: not valid UTF-8", ErrMalformed)
	}
	if err := jsonv1.Unmarshal(data, v); err == nil && *schema == want {
		return nil
	}
	var head struct {
		Schema *string `json:"schema"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return fmt.Errorf("%w: bad JSON: %v", ErrMalformed, err)
	}
	switch {
	case head.Schema == nil:
		return fmt.Errorf("%w: no schema field", ErrMalformed)
	case *head.Schema != want:
		return fmt.Errorf("%w: unknown schema %q, want %q", ErrMalformed, *head.Schema, want)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: bad JSON: %v", ErrMalformed, err)
	}
	return nil
}

// Package archivetest writes WARC files for tests, with gowarc, the
// library the archive reader parses them with: responses for pages, plus
// the other record types a crawler writes, gzipped one record a member as
// Common Crawl does, or plain.
package archivetest

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc/v3"
)

// Capture is one record to write.
type Capture struct {
	// Type is the WARC-Type; "" is response.
	Type gowarc.RecordType
	URI  string
	Date time.Time
	// Status is the HTTP status; 0 is 200.
	Status int
	// ContentType is the HTTP Content-Type; "" is text/html; charset=utf-8.
	ContentType string
	// Header is extra HTTP header lines, each ending in CRLF.
	Header string
	Body   []byte
	// RawBlock, when set, is the whole record block (HTTP head and body)
	// as given: for broken heads.
	RawBlock []byte
}

// Record returns c's record bytes, uncompressed.
func Record(c Capture) ([]byte, error) {
	typ := c.Type
	if typ == 0 {
		typ = gowarc.Response
	}
	b := gowarc.NewRecordBuilder(typ, gowarc.WithAddMissingDigest(true), gowarc.WithAddMissingRecordId(true),
		gowarc.WithFixContentLength(true), gowarc.WithAddMissingContentLength(true))
	date := c.Date
	if date.IsZero() {
		date = time.Date(2020, 1, 16, 12, 0, 0, 0, time.UTC)
	}
	b.AddWarcHeaderTime(gowarc.WarcDate, date)
	if c.URI != "" {
		b.AddWarcHeader(gowarc.WarcTargetURI, c.URI)
	}
	switch typ {
	case gowarc.Response, gowarc.Request:
		b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype="+map[gowarc.RecordType]string{gowarc.Response: "response", gowarc.Request: "request"}[typ])
	case gowarc.Warcinfo, gowarc.Metadata:
		b.AddWarcHeader(gowarc.ContentType, gowarc.ApplicationWarcFields)
	default:
		b.AddWarcHeader(gowarc.ContentType, "application/octet-stream")
	}
	block := c.RawBlock
	if block == nil && typ == gowarc.Response {
		status := c.Status
		if status == 0 {
			status = 200
		}
		ct := c.ContentType
		if ct == "" {
			ct = "text/html; charset=utf-8"
		}
		var h bytes.Buffer
		fmt.Fprintf(&h, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n%s\r\n", status, statusText(status), ct, len(c.Body), c.Header)
		block = append(h.Bytes(), c.Body...)
	} else if block == nil {
		block = c.Body
	}
	if _, err := b.Write(block); err != nil {
		return nil, err
	}
	b.AddWarcHeader(gowarc.ContentLength, strconv.Itoa(len(block)))
	rec, _, err := b.Build()
	if err != nil {
		return nil, fmt.Errorf("archivetest: build %s: %w", c.URI, err)
	}
	defer rec.Close()
	var out bytes.Buffer
	if _, _, err := gowarc.NewMarshaler().Marshal(&out, rec, 0); err != nil {
		return nil, fmt.Errorf("archivetest: marshal %s: %w", c.URI, err)
	}
	return out.Bytes(), nil
}

func statusText(code int) string {
	switch code {
	case 200:
		return "OK"
	case 301:
		return "Moved Permanently"
	case 404:
		return "Not Found"
	}
	return "Status"
}

// Gzip returns record bytes as one gzip member.
func Gzip(record []byte) []byte {
	var out bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&out, gzip.BestSpeed)
	zw.Write(record)
	zw.Close()
	return out.Bytes()
}

// Writer writes a WARC file record by record.
type Writer struct {
	w    io.Writer
	gzip bool
	n    int
}

// NewWriter starts a WARC file on w with its warcinfo record; gz writes
// one gzip member a record.
func NewWriter(w io.Writer, gz bool) (*Writer, error) {
	ww := &Writer{w: w, gzip: gz}
	err := ww.Write(Capture{Type: gowarc.Warcinfo, Body: []byte("software: wiredesk archivetest\r\nformat: WARC File Format 1.1\r\n")})
	return ww, err
}

// Write appends one record.
func (w *Writer) Write(c Capture) error {
	rec, err := Record(c)
	if err != nil {
		return err
	}
	return w.WriteRaw(rec)
}

// WriteRaw appends record bytes as they are (compressed when the file is).
func (w *Writer) WriteRaw(record []byte) error {
	if w.gzip {
		record = Gzip(record)
	}
	_, err := w.w.Write(record)
	w.n++
	return err
}

// WriteBytes appends bytes with no framing at all: damage.
func (w *Writer) WriteBytes(b []byte) error {
	_, err := w.w.Write(b)
	return err
}

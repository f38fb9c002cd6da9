package archive

import (
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strings"

	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc/v3"
)

// Response is the HTTP response a record holds.
type Response struct {
	Status int
	Header http.Header
	// Body is the payload, with any chunked transfer coding and gzip or
	// deflate content coding undone.
	Body []byte
}

// ContentType is the response's Content-Type header.
func (r *Response) ContentType() string { return r.Header.Get("Content-Type") }

// parseResponse parses a response record, whose header h and block have
// been read, with gowarc. It returns a skip reason instead of a response
// when the record is not a 200 HTML page or its HTTP head is broken.
//
// gowarc reads the record from h and block in place, and parses its WARC
// fields and HTTP head; the payload is the rest of block, not a copy.
// Spec violations are ignored rather than collected as warnings, which
// nothing read: collecting them made gowarc copy the block into a buffer
// of its own and compute its digests, only to compare them for a
// warning. Per kept record that was a third of the archive reader's time
// and five copies of the page (issue #15; BenchmarkRead).
func parseResponse(h *header, block []byte) (*Response, string, string) {
	u := gowarc.NewUnmarshaler(
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrWarn),
		gowarc.WithBlockErrorPolicy(gowarc.ErrFail),
		// The block is in memory already; never spill it to disk.
		gowarc.WithBufferMaxMemBytes(int64(len(block))+1),
	)
	in := io.MultiReader(bytes.NewReader(h.raw), bytes.NewReader(block), strings.NewReader("\r\n\r\n"))
	wr, _, _, err := u.Unmarshal(bufio.NewReaderSize(in, 4096))
	if err != nil {
		return nil, SkipHTTPHeader, err.Error()
	}
	defer wr.Close()
	hb, ok := wr.Block().(gowarc.HttpResponseBlock)
	if !ok {
		return nil, SkipHTTPHeader, "block is not an HTTP response"
	}
	status := hb.HttpStatusCode()
	header := hb.HttpHeader()
	if status == 0 || header == nil {
		return nil, SkipHTTPHeader, fmt.Sprintf("status line %q", hb.HttpStatusLine())
	}
	if status != http.StatusOK {
		return nil, SkipStatus, fmt.Sprint(status)
	}
	// The HTTP head is the block's first bytes, as gowarc read them.
	head := hb.ProtocolHeaderBytes()
	if !bytes.HasPrefix(block, head) {
		return nil, SkipHTTPHeader, "HTTP head is not the start of the block"
	}
	payload, err := decode(*header, chunked(head), block[len(head):], int64(len(block))*4+(1<<20))
	if err != nil {
		return nil, SkipHTTPHeader, err.Error()
	}
	if !isHTML(header.Get("Content-Type"), payload) {
		return nil, SkipNotHTML, header.Get("Content-Type")
	}
	return &Response{Status: status, Header: *header, Body: payload}, "", ""
}

// chunked reports whether the raw HTTP head declares the chunked transfer
// coding. It reads the head itself: the parsed header has no
// Transfer-Encoding, which Go's HTTP parser takes out of it, and wget's
// and warcio's archives keep chunked payloads as they came off the wire.
func chunked(head []byte) bool {
	for line := range bytes.Lines(head) {
		name, value, ok := bytes.Cut(line, []byte(":"))
		if ok && strings.EqualFold(string(bytes.TrimSpace(name)), "Transfer-Encoding") {
			// The last coding applied is the one to undo first.
			codings := strings.Split(string(value), ",")
			return strings.EqualFold(strings.TrimSpace(codings[len(codings)-1]), "chunked")
		}
	}
	return false
}

// decode undoes the transfer and content codings that crawlers keep in
// the payload. Common Crawl stores payloads decoded and renames the
// headers (X-Crawler-Transfer-Encoding); others keep the wire bytes.
// A coding that does not decode leaves the payload as it is when it
// already looks like text.
func decode(h http.Header, isChunked bool, p []byte, limit int64) ([]byte, error) {
	if isChunked {
		if d, err := io.ReadAll(io.LimitReader(httputil.NewChunkedReader(bytes.NewReader(p)), limit)); err == nil {
			p = d
		}
	}
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))) {
	case "gzip", "x-gzip":
		if len(p) < 2 || p[0] != 0x1f || p[1] != 0x8b {
			return p, nil
		}
		zr, err := gzip.NewReader(bytes.NewReader(p))
		if err != nil {
			return nil, fmt.Errorf("content-encoding gzip: %w", err)
		}
		return readCapped(zr, limit, "gzip")
	case "deflate":
		d, err := readCapped(flate.NewReader(bytes.NewReader(p)), limit, "deflate")
		if err != nil && looksText(p) {
			return p, nil
		}
		return d, err
	}
	return p, nil
}

func readCapped(r io.Reader, limit int64, what string) ([]byte, error) {
	d, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("content-encoding %s: %w", what, err)
	}
	if int64(len(d)) > limit {
		return nil, fmt.Errorf("content-encoding %s: inflates beyond %d bytes", what, limit)
	}
	return d, nil
}

func looksText(p []byte) bool {
	head := bytes.ToLower(p[:min(len(p), 512)])
	return bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype"))
}

// isHTML reports whether a payload is an HTML page. A missing or generic
// Content-Type is sniffed.
func isHTML(ct string, body []byte) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil || mt == "" || mt == "application/octet-stream" {
		return looksText(body)
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

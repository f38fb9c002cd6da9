// Package archive reads web archives: WARC 1.0 and 1.1 files, plain or
// gzipped record by record as Common Crawl writes them, into the HTTP
// responses that a backfill turns into pages.
//
// The WARC records themselves are parsed by github.com/nlnwa/gowarc. This
// package adds what a reader of untrusted archives needs around it: a
// filter that skips a record from its WARC header alone, before any of
// its block is parsed; caps on what one record may take in memory and on
// how far one gzip member may inflate; and recovery from damage (a
// truncated member, a Content-Length that lies), so that one bad record
// costs that record and not the rest of the file. Every record comes out
// of Next, kept or skipped with a reason, with the offset it starts at, so
// that a caller can count what happened and resume a file where it
// stopped.
package archive

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/klauspost/compress/gzip"
)

// Skip reasons: why Next passed over a record. Each is a label of the
// backfill's metrics.
const (
	SkipRecordType    = "record_type"    // not a response (warcinfo, request, metadata, revisit, ...)
	SkipHost          = "host"           // the filter refused its target URI
	SkipNotHTML       = "not_html"       // a response, but not an HTML page
	SkipStatus        = "status"         // not a 200 response
	SkipTooLarge      = "too_large"      // larger than Limits.MaxRecord
	SkipBomb          = "inflate_limit"  // a gzip member inflating beyond Limits.MaxInflate
	SkipTruncated     = "truncated"      // a gzip member cut short or corrupt
	SkipContentLength = "content_length" // the WARC Content-Length does not match the record
	SkipBadHeader     = "bad_header"     // a WARC header that does not parse
	SkipHTTPHeader    = "http_header"    // an HTTP response head that does not parse
	SkipBadURI        = "bad_uri"        // no usable WARC-Target-URI
)

// Limits bound what one record may cost.
type Limits struct {
	// MaxRecord is the most bytes of one record's block held in memory; a
	// longer record is skipped as too_large. The default is 16 MiB.
	MaxRecord int64
	// MaxInflate is the most bytes one gzip member may inflate to before
	// it is abandoned as a bomb and the reader looks for the next member.
	// A record over MaxRecord is still inflated to find where its member
	// ends, so this is what a skipped record may cost in time, never in
	// memory. The default is 1 GiB.
	MaxInflate int64
}

func (l Limits) withDefaults() Limits {
	if l.MaxRecord <= 0 {
		l.MaxRecord = 16 << 20
	}
	if l.MaxInflate <= 0 {
		l.MaxInflate = 1 << 30
	}
	return l
}

// Filter decides from a record's target URI, before its block is read,
// whether the record is wanted.
type Filter func(u *url.URL) bool

// Record is one WARC record as Next saw it.
type Record struct {
	// Offset is where the record starts in the file, and End where the
	// next one does: a resumed read starts at End.
	Offset, End int64
	// Type is the WARC-Type.
	Type string
	// ID is the WARC-Record-ID.
	ID string
	// URI is the WARC-Target-URI.
	URI string
	// Date is the WARC-Date: when the page was captured.
	Date time.Time
	// Skip is why the record was passed over, "" for a kept HTML response.
	Skip string
	// Detail says more about a skip caused by damage.
	Detail string
	// Response is the HTTP response of a kept record.
	Response *Response
}

// Reader reads the records of one WARC file.
type Reader struct {
	src    io.ReadSeeker
	in     counter // src, counting the file offset br has read to
	br     *bufio.Reader
	gzip   bool
	gz     *gzip.Reader
	member *bufio.Reader // reads a member's inflated bytes; reused
	cap    capReader
	filter Filter
	lim    Limits
	done   bool
}

// NewReader returns a reader of the WARC file src from offset, which must
// be 0 or the End of a record a reader returned earlier. A nil filter
// keeps every target URI.
func NewReader(src io.ReadSeeker, offset int64, filter Filter, lim Limits) (*Reader, error) {
	r := &Reader{src: src, filter: filter, lim: lim.withDefaults()}
	if _, err := src.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	var magic [2]byte
	n, err := io.ReadFull(src, magic[:])
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("archive: %w", err)
	}
	r.gzip = n == 2 && magic[0] == 0x1f && magic[1] == 0x8b
	if err := r.seek(offset); err != nil {
		return nil, err
	}
	return r, nil
}

// Gzipped reports whether the file is gzipped.
func (r *Reader) Gzipped() bool { return r.gzip }

// pos is the file offset of br's first unread byte: whoever took bytes
// from br (gzip, a header's lines, a skip), the position is exact, as
// gzip reads a member through br's ByteReader and so never past its end.
func (r *Reader) pos() int64 { return r.in.n - int64(r.br.Buffered()) }

func (r *Reader) seek(off int64) error {
	if _, err := r.src.Seek(off, io.SeekStart); err != nil {
		return fmt.Errorf("archive: seek %d: %w", off, err)
	}
	r.in = counter{r: r.src, n: off}
	if r.br == nil {
		r.br = bufio.NewReaderSize(&r.in, 256<<10)
	} else {
		r.br.Reset(&r.in)
	}
	return nil
}

// counter counts the bytes read from r: n is the offset of the next.
type counter struct {
	r io.Reader
	n int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// Next returns the next record, kept or skipped. At the end of the file it
// returns io.EOF; any other error is the file's (a read failing), not a
// record's: damage in a record is a skip.
func (r *Reader) Next() (Record, error) {
	if r.done {
		return Record{}, io.EOF
	}
	if r.gzip {
		return r.nextMember()
	}
	return r.nextPlain()
}

// nextMember reads one gzip member, which holds one record.
func (r *Reader) nextMember() (Record, error) {
	start := r.pos()
	head, err := r.br.Peek(2)
	if len(head) == 0 && errors.Is(err, io.EOF) {
		r.done = true
		return Record{}, io.EOF
	}
	if len(head) < 2 || head[0] != 0x1f || head[1] != 0x8b {
		// Not a member where one should start: the member before lied
		// about its end, or garbage sits between members.
		return r.resync(start, SkipTruncated, "no gzip member at this offset")
	}
	// gzip inflates straight from br: a *bufio.Reader is the inflater's
	// fastest input (its Huffman decoder reads br's buffer in place,
	// where any other io.ByteReader costs an interface call a byte).
	if r.gz == nil {
		r.gz, err = gzip.NewReader(r.br)
	} else {
		err = r.gz.Reset(r.br)
	}
	if err != nil {
		return r.resync(start, SkipTruncated, err.Error())
	}
	r.gz.Multistream(false)
	r.cap = capReader{r: r.gz, left: r.lim.MaxInflate}
	in := &r.cap
	if r.member == nil {
		r.member = bufio.NewReaderSize(in, 32<<10)
	} else {
		r.member.Reset(in)
	}
	rec, err := r.record(r.member, start)
	if err == nil {
		// Read the member to its end: its trailer (CRC and size) is
		// checked there, and the next member starts after it.
		_, err = r.member.WriteTo(io.Discard)
	}
	if err != nil {
		var skip string
		switch {
		case errors.Is(err, errInflateLimit):
			skip = SkipBomb
		case errors.Is(err, errBadHeader):
			skip = SkipBadHeader
		default:
			skip = SkipTruncated
		}
		return r.resync(start, skip, err.Error())
	}
	rec.End = r.pos()
	return rec, nil
}

// nextPlain reads one record of an uncompressed file.
func (r *Reader) nextPlain() (Record, error) {
	// Records are separated by CRLF CRLF; tolerate extra blank lines.
	for {
		b, err := r.br.Peek(1)
		if len(b) == 0 {
			if errors.Is(err, io.EOF) {
				r.done = true
				return Record{}, io.EOF
			}
			return Record{}, fmt.Errorf("archive: %w", err)
		}
		if b[0] != '\r' && b[0] != '\n' {
			break
		}
		r.br.ReadByte()
	}
	start := r.pos()
	rec, err := r.record(r.br, start)
	if err != nil {
		skip := SkipTruncated
		switch {
		case errors.Is(err, errBadHeader):
			skip = SkipBadHeader
		case errors.Is(err, errContentLength):
			skip = SkipContentLength
		}
		return r.resync(start, skip, err.Error())
	}
	// A record ends with CRLF CRLF; anything else means its
	// Content-Length lied and the next record starts elsewhere.
	end, _ := r.br.Peek(4)
	if !bytes.Equal(end, []byte("\r\n\r\n")) && len(end) > 0 {
		if !bytes.HasPrefix(end, []byte("\r\n")) && !bytes.HasPrefix(end, []byte("\n")) {
			return r.resync(start, SkipContentLength, "no end-of-record marker after Content-Length bytes")
		}
	}
	rec.End = r.pos()
	return rec, nil
}

// resync skips a damaged record: it returns the record as skipped and
// moves to the next place after start where a record begins.
func (r *Reader) resync(start int64, skip, detail string) (Record, error) {
	next, err := r.scan(start + 1)
	if err != nil {
		return Record{}, err
	}
	if err := r.seek(next); err != nil {
		return Record{}, err
	}
	if next < 0 {
		r.done = true
	}
	return Record{Offset: start, End: r.pos(), Skip: skip, Detail: detail}, nil
}

// scan returns the offset of the first record start at or after from: a
// gzip member whose first bytes inflate to "WARC/", or a line starting
// with "WARC/1." in a plain file. At the end of the file it returns the
// file's size and marks the reader done.
func (r *Reader) scan(from int64) (int64, error) {
	if err := r.seek(from); err != nil {
		return 0, err
	}
	var magic []byte
	if r.gzip {
		magic = []byte{0x1f, 0x8b, 0x08}
	} else {
		magic = []byte("WARC/1.")
	}
	for {
		buf, err := r.br.Peek(64 << 10)
		i := bytes.Index(buf, magic)
		if i >= 0 {
			at := r.pos() + int64(i)
			if r.looksLikeRecord(at) {
				return at, nil
			}
			if err := r.seek(at + 1); err != nil {
				return 0, err
			}
			continue
		}
		if len(buf) == 0 || errors.Is(err, io.EOF) {
			end := r.pos() + int64(len(buf))
			r.done = true
			return end, nil
		}
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return 0, fmt.Errorf("archive: %w", err)
		}
		// Keep the last bytes: the magic may straddle the window.
		adv := len(buf) - len(magic) + 1
		r.br.Discard(adv)
	}
}

// looksLikeRecord checks a candidate record start found by scan.
func (r *Reader) looksLikeRecord(at int64) bool {
	if err := r.seek(at); err != nil {
		return false
	}
	if !r.gzip {
		return true
	}
	zr, err := gzip.NewReader(r.br)
	if err != nil {
		return false
	}
	var head [5]byte
	_, err = io.ReadFull(zr, head[:])
	return err == nil && string(head[:]) == "WARC/"
}

var (
	errInflateLimit  = errors.New("gzip member inflates beyond the cap (a gzip bomb?)")
	errBadHeader     = errors.New("bad WARC header")
	errContentLength = errors.New("the file ends before the record's Content-Length")
)

// capReader fails once more than left bytes are read.
type capReader struct {
	r    io.Reader
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, errInflateLimit
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// header is what record needs of a WARC header before deciding.
type header struct {
	raw           []byte
	version       string
	typ           string
	id            string
	uri           string
	date          string
	contentType   string
	contentLength int64
}

const maxHeader = 64 << 10

// readHeader reads a WARC header up to its blank line.
func readHeader(br *bufio.Reader) (*header, error) {
	h := &header{contentLength: -1}
	var raw bytes.Buffer
	first := true
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			if errors.Is(err, bufio.ErrBufferFull) {
				return nil, fmt.Errorf("%w: line longer than %d bytes", errBadHeader, br.Size())
			}
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF
			}
			return nil, fmt.Errorf("reading WARC header: %w", err)
		}
		raw.Write(line)
		if raw.Len() > maxHeader {
			return nil, fmt.Errorf("%w: longer than %d bytes", errBadHeader, maxHeader)
		}
		s := strings.TrimRight(string(line), "\r\n")
		if first {
			if !strings.HasPrefix(s, "WARC/") {
				return nil, fmt.Errorf("%w: no WARC version line", errBadHeader)
			}
			h.version, first = s, false
			continue
		}
		if s == "" {
			break
		}
		name, value, ok := strings.Cut(s, ":")
		if !ok {
			continue // a continuation or a broken line; the parser judges it
		}
		value = strings.TrimSpace(value)
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "warc-type":
			h.typ = value
		case "warc-record-id":
			h.id = value
		case "warc-target-uri":
			// WARC 1.0 writers put the URI in angle brackets.
			h.uri = strings.TrimSuffix(strings.TrimPrefix(value, "<"), ">")
		case "warc-date":
			h.date = value
		case "content-type":
			h.contentType = value
		case "content-length":
			n, err := strconv.ParseInt(value, 10, 64)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("%w: Content-Length %q", errBadHeader, value)
			}
			h.contentLength = n
		}
	}
	if h.contentLength < 0 {
		return nil, fmt.Errorf("%w: no Content-Length", errBadHeader)
	}
	h.raw = raw.Bytes()
	return h, nil
}

// record reads one record from br, which starts at its WARC header: a
// member's inflated bytes, or the plain file's own reader.
func (r *Reader) record(br *bufio.Reader, start int64) (Record, error) {
	h, err := readHeader(br)
	if err != nil {
		return Record{}, err
	}
	rec := Record{Offset: start, Type: h.typ, ID: h.id, URI: h.uri}
	rec.Date, _ = time.Parse(time.RFC3339Nano, h.date)
	block := io.LimitReader(br, h.contentLength)
	discard := func() error {
		n, err := discardN(br, h.contentLength)
		if err == nil && n < h.contentLength && r.gzip {
			return fmt.Errorf("%w: record ends %d bytes before its Content-Length", io.ErrUnexpectedEOF, h.contentLength-n)
		}
		return err
	}
	skip := func(reason string) (Record, error) {
		rec.Skip = reason
		return rec, discard()
	}
	if !strings.EqualFold(h.typ, "response") {
		return skip(SkipRecordType)
	}
	u, err := url.Parse(h.uri)
	if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return skip(SkipBadURI)
	}
	if r.filter != nil && !r.filter(u) {
		return skip(SkipHost)
	}
	if !strings.HasPrefix(strings.ToLower(h.contentType), "application/http") {
		return skip(SkipRecordType)
	}
	if h.contentLength > r.lim.MaxRecord {
		return skip(SkipTooLarge)
	}
	body := make([]byte, h.contentLength)
	n, err := io.ReadFull(block, body)
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			// The member or the file ended first: the Content-Length
			// lies, or the record was cut. Either way it is not whole.
			if r.gzip {
				rec.Skip, rec.Detail = SkipContentLength, fmt.Sprintf("record ends %d bytes before its Content-Length", h.contentLength-int64(n))
				return rec, nil
			}
			return Record{}, errContentLength
		}
		return Record{}, err
	}
	if r.gzip {
		// The block must end with the member (bar the CRLF CRLF).
		rest, err := io.CopyN(io.Discard, br, 5)
		if err != nil && !errors.Is(err, io.EOF) {
			return Record{}, err
		}
		if rest > 4 {
			rec.Skip, rec.Detail = SkipContentLength, "record continues past its Content-Length"
			return rec, nil
		}
	}
	resp, reason, detail := parseResponse(h, body)
	if reason != "" {
		rec.Skip, rec.Detail = reason, detail
		return rec, nil
	}
	rec.Response = resp
	return rec, nil
}

// discardN skips up to n bytes of br without copying them anywhere.
func discardN(br *bufio.Reader, n int64) (int64, error) {
	var done int64
	for done < n {
		step := int(min(n-done, 1<<30))
		k, err := br.Discard(step)
		done += int64(k)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return done, nil
			}
			return done, err
		}
	}
	return done, nil
}

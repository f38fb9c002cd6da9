package archive_test

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc/v3"

	"github.com/wiredesk/wiredesk/pkg/archive"
	"github.com/wiredesk/wiredesk/pkg/archive/archivetest"
)

func page(title string) []byte {
	return []byte("<!doctype html><html><head><title>" + title + "</title></head><body><article><h1>" + title +
		"</h1><p>Dışişleri Bakanı bugün Ankara'da mevkidaşıyla bir araya geldi ve iki ülke arasındaki ilişkileri görüştü.</p></article></body></html>")
}

// chunk applies the chunked transfer coding to p, in chunks of n bytes.
func chunk(p []byte, n int) []byte {
	var b bytes.Buffer
	for len(p) > 0 {
		c := p[:min(n, len(p))]
		fmt.Fprintf(&b, "%x\r\n%s\r\n", len(c), c)
		p = p[len(c):]
	}
	b.WriteString("0\r\n\r\n")
	return b.Bytes()
}

// step is one thing written to a test archive and what Next should say.
type step struct {
	write func(w *archivetest.Writer) error
	want  string // "kept <uri>" or the skip reason
}

func capture(c archivetest.Capture, want string) step {
	return step{write: func(w *archivetest.Writer) error { return w.Write(c) }, want: want}
}

func raw(b []byte, want string) step {
	return step{write: func(w *archivetest.Writer) error { return w.WriteBytes(b) }, want: want}
}

func gz(rec []byte) []byte { return archivetest.Gzip(rec) }

func mustRecord(t *testing.T, c archivetest.Capture) []byte {
	t.Helper()
	b, err := archivetest.Record(c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// bomb is a gzip member holding a record whose block claims, and inflates
// to, n bytes of zeros.
func bomb(t *testing.T, n int64) []byte {
	t.Helper()
	var out bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
	fmt.Fprintf(zw, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example.com/bomb\r\nWARC-Date: 2020-01-16T12:00:00Z\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n", n)
	zero := make([]byte, 1<<20)
	for left := n; left > 0; left -= int64(len(zero)) {
		zw.Write(zero[:min(int64(len(zero)), left)])
	}
	zw.Write([]byte("\r\n\r\n"))
	zw.Close()
	return out.Bytes()
}

func TestReader(t *testing.T) {
	ok := func(uri string) archivetest.Capture {
		return archivetest.Capture{URI: uri, Body: page(uri)}
	}
	allowed := func(u *url.URL) bool { return u.Host == "news.example.com" }
	lim := archive.Limits{MaxRecord: 1 << 20, MaxInflate: 8 << 20}
	tests := []struct {
		name  string
		gzip  bool
		steps func(t *testing.T) []step
		lim   *archive.Limits // the default limits when set, not the test's small ones
	}{
		{"record types and filters", true, func(t *testing.T) []step {
			return []step{
				capture(ok("https://news.example.com/a"), "kept https://news.example.com/a"),
				capture(archivetest.Capture{Type: gowarc.Request, URI: "https://news.example.com/a", RawBlock: []byte("GET /a HTTP/1.1\r\nHost: news.example.com\r\n\r\n")}, archive.SkipRecordType),
				capture(archivetest.Capture{Type: gowarc.Metadata, URI: "https://news.example.com/a", Body: []byte("fetchTimeMs: 12\r\n")}, archive.SkipRecordType),
				capture(ok("https://other.example.org/b"), archive.SkipHost),
				capture(archivetest.Capture{URI: "https://news.example.com/logo.png", ContentType: "image/png", Body: []byte("\x89PNG\r\n\x1a\nxxxx")}, archive.SkipNotHTML),
				capture(archivetest.Capture{URI: "https://news.example.com/gone", Status: 404, Body: page("gone")}, archive.SkipStatus),
				capture(archivetest.Capture{URI: "https://news.example.com/gz", Header: "Content-Encoding: gzip\r\n", Body: gz(page("gz"))}, "kept https://news.example.com/gz"),
				// As wget and warcio keep them: the wire bytes, chunked.
				capture(archivetest.Capture{URI: "https://news.example.com/chunked", Header: "Transfer-Encoding: chunked\r\n", Body: chunk(page("chunked"), 50)}, "kept https://news.example.com/chunked"),
				capture(archivetest.Capture{URI: "https://news.example.com/chunked-gz", Header: "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", Body: chunk(gz(page("chunked-gz")), 30)}, "kept https://news.example.com/chunked-gz"),
				capture(ok("https://news.example.com/c"), "kept https://news.example.com/c"),
			}
		}, nil},
		{"plain file", false, func(t *testing.T) []step {
			return []step{
				capture(ok("https://news.example.com/a"), "kept https://news.example.com/a"),
				capture(ok("https://other.example.org/b"), archive.SkipHost),
				capture(ok("https://news.example.com/c"), "kept https://news.example.com/c"),
			}
		}, nil},
		{"truncated gzip member", true, func(t *testing.T) []step {
			m := gz(mustRecord(t, ok("https://news.example.com/cut")))
			return []step{
				capture(ok("https://news.example.com/a"), "kept https://news.example.com/a"),
				raw(m[:len(m)/2], archive.SkipTruncated),
				capture(ok("https://news.example.com/b"), "kept https://news.example.com/b"),
			}
		}, nil},
		{"content-length too long, gzip", true, func(t *testing.T) []step {
			rec := mustRecord(t, ok("https://news.example.com/liar"))
			rec = bytes.Replace(rec, []byte("Content-Length: "), []byte("Content-Length: 9"), 1)
			return []step{
				raw(gz(rec), archive.SkipContentLength),
				capture(ok("https://news.example.com/b"), "kept https://news.example.com/b"),
			}
		}, nil},
		{"content-length too short, gzip", true, func(t *testing.T) []step {
			c := ok("https://news.example.com/short")
			rec := mustRecord(t, c)
			rec = shortenContentLength(t, rec, 40)
			return []step{
				raw(gz(rec), archive.SkipContentLength),
				capture(ok("https://news.example.com/b"), "kept https://news.example.com/b"),
			}
		}, nil},
		{"content-length lies, plain", false, func(t *testing.T) []step {
			rec := shortenContentLength(t, mustRecord(t, ok("https://news.example.com/short")), 40)
			long := bytes.Replace(mustRecord(t, ok("https://news.example.com/long")), []byte("Content-Length: "), []byte("Content-Length: 1"), 1)
			return []step{
				capture(ok("https://news.example.com/a"), "kept https://news.example.com/a"),
				raw(rec, archive.SkipContentLength),
				capture(ok("https://news.example.com/b"), "kept https://news.example.com/b"),
				raw(long, archive.SkipContentLength),
				capture(ok("https://news.example.com/c"), "kept https://news.example.com/c"),
			}
		}, nil},
		{"http head that does not parse", true, func(t *testing.T) []step {
			return []step{
				capture(archivetest.Capture{URI: "https://news.example.com/bad", RawBlock: []byte("HTTP/1.1 two hundred\r\nContent-Type text/html\r\n\r\n<html></html>")}, archive.SkipHTTPHeader),
				capture(archivetest.Capture{URI: "https://news.example.com/junk", RawBlock: []byte("\x00\x01garbage without a head")}, archive.SkipHTTPHeader),
				capture(ok("https://news.example.com/b"), "kept https://news.example.com/b"),
			}
		}, nil},
		{"bad warc header", true, func(t *testing.T) []step {
			return []step{
				raw(gz([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\nxx\r\n\r\n")), archive.SkipBadHeader),
				capture(ok("https://news.example.com/b"), "kept https://news.example.com/b"),
			}
		}, nil},
		{"gzip bomb", true, func(t *testing.T) []step {
			return []step{
				raw(bomb(t, 64<<20), archive.SkipBomb),
				capture(ok("https://news.example.com/b"), "kept https://news.example.com/b"),
			}
		}, nil},
		{"record over the size cap", true, func(t *testing.T) []step {
			big := archivetest.Capture{URI: "https://news.example.com/big", Body: bytes.Repeat([]byte("<p>uzun bir paragraf</p>\n"), 200_000)}
			return []step{
				capture(big, archive.SkipTooLarge),
				capture(ok("https://news.example.com/b"), "kept https://news.example.com/b"),
			}
		}, nil},
		{"a 100 MB record, default limits", true, func(t *testing.T) []step {
			big := archivetest.Capture{URI: "https://news.example.com/huge", Body: bytes.Repeat([]byte("<p>çok uzun bir sayfa, yüz megabayt</p>\n"), 100<<20/40)}
			return []step{
				capture(big, archive.SkipTooLarge),
				capture(ok("https://news.example.com/b"), "kept https://news.example.com/b"),
			}
		}, &archive.Limits{}},
		{"WARC 1.0 with a bracketed URI", true, func(t *testing.T) []step {
			rec := mustRecord(t, ok("https://news.example.com/old"))
			rec = bytes.Replace(rec, []byte("WARC/1.1"), []byte("WARC/1.0"), 1)
			rec = bytes.Replace(rec, []byte("WARC-Target-URI: https://news.example.com/old"), []byte("WARC-Target-URI: <https://news.example.com/old>"), 1)
			return []step{raw(gz(rec), "kept https://news.example.com/old")}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			steps := tt.steps(t)
			path := filepath.Join(t.TempDir(), "test.warc")
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			w, err := archivetest.NewWriter(f, tt.gzip)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{archive.SkipRecordType} // the warcinfo record
			for _, s := range steps {
				if err := s.write(w); err != nil {
					t.Fatal(err)
				}
				want = append(want, s.want)
			}
			f.Close()
			lim := lim
			if tt.lim != nil {
				lim = *tt.lim
			}
			got, ends := readAll(t, path, 0, allowed, lim)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("records:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			// Resuming at any record's end gives the rest of the file.
			for i, end := range ends {
				if tt.lim != nil {
					break // the big record's case: once is enough
				}
				rest, _ := readAll(t, path, end, allowed, lim)
				if strings.Join(rest, "\n") != strings.Join(want[i+1:], "\n") {
					t.Errorf("resumed at %d (after record %d):\n%s\nwant:\n%s", end, i, strings.Join(rest, "\n"), strings.Join(want[i+1:], "\n"))
				}
			}
		})
	}
}

// shortenContentLength makes a record's Content-Length n bytes short.
func shortenContentLength(t *testing.T, rec []byte, n int) []byte {
	t.Helper()
	i := bytes.Index(rec, []byte("Content-Length: "))
	j := bytes.Index(rec[i:], []byte("\r\n"))
	var cl int
	fmt.Sscanf(string(rec[i+16:i+j]), "%d", &cl)
	return append(append(append([]byte{}, rec[:i]...), fmt.Sprintf("Content-Length: %d", cl-n)...), rec[i+j:]...)
}

func readAll(t *testing.T, path string, offset int64, filter archive.Filter, lim archive.Limits) (got []string, ends []int64) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := archive.NewReader(f, offset, filter, lim)
	if err != nil {
		t.Fatal(err)
	}
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return got, ends
		}
		if err != nil {
			t.Fatal(err)
		}
		if rec.Skip != "" {
			got = append(got, rec.Skip)
		} else {
			if !bytes.HasPrefix(rec.Response.Body, []byte("<!doctype html>")) || !bytes.HasSuffix(rec.Response.Body, []byte("</html>")) {
				t.Errorf("%s: body %q", rec.URI, rec.Response.Body[:min(len(rec.Response.Body), 60)])
			}
			got = append(got, "kept "+rec.URI)
		}
		ends = append(ends, rec.End)
	}
}

// TestBodyIsTheBlock: a kept record's body is its block after the HTTP
// head, byte for byte: blank lines and CRLFs inside and at the end of it
// included. A block digest that does not match does not stop the record
// (gowarc would only warn of it, and nothing reads its warnings; it no
// longer computes it). Issue #15: the body is no longer the library's copy.
func TestBodyIsTheBlock(t *testing.T) {
	body := []byte("<!doctype html><html><body>\r\n\r\n<p>Переговоры\r\n\r\n</p></body></html>\r\n\r\n")
	rec := mustRecord(t, archivetest.Capture{URI: "https://news.example.com/a", Body: body})
	i := bytes.Index(rec, []byte("WARC-Block-Digest: "))
	if i < 0 {
		t.Fatal("the record has no WARC-Block-Digest")
	}
	i += len("WARC-Block-Digest: ")
	j := i + bytes.IndexByte(rec[i:], ':') + 1
	wrong := append(append(append([]byte{}, rec[:j]...), bytes.Repeat([]byte("A"), bytes.Index(rec[j:], []byte("\r\n")))...), rec[j+bytes.Index(rec[j:], []byte("\r\n")):]...)
	for _, tt := range []struct {
		name string
		rec  []byte
	}{{"digest matches", rec}, {"digest does not match", wrong}} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := archive.NewReader(bytes.NewReader(gz(tt.rec)), 0, nil, archive.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := r.Next()
			if err != nil {
				t.Fatal(err)
			}
			if got.Skip != "" {
				t.Fatalf("skipped: %s (%s)", got.Skip, got.Detail)
			}
			if !bytes.Equal(got.Response.Body, body) {
				t.Errorf("body %q\nwant %q", got.Response.Body, body)
			}
		})
	}
}

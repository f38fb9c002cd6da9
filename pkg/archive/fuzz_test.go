package archive_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/archive"
	"github.com/wiredesk/wiredesk/pkg/archive/archivetest"
)

// FuzzReader feeds the reader arbitrary files: it must never panic, never
// loop, and always make progress, whatever the damage.
func FuzzReader(f *testing.F) {
	for _, gz := range []bool{true, false} {
		var buf bytes.Buffer
		w, _ := archivetest.NewWriter(&buf, gz)
		w.Write(archivetest.Capture{URI: "https://news.example.com/a", Body: page("a")})
		w.Write(archivetest.Capture{URI: "https://news.example.com/b", Header: "Transfer-Encoding: chunked\r\n", Body: []byte("5\r\n<html\r\n0\r\n\r\n")})
		f.Add(buf.Bytes())
	}
	f.Add([]byte("WARC/1.1\r\nContent-Length: 5\r\n\r\nabc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := archive.NewReader(bytes.NewReader(data), 0, nil, archive.Limits{MaxRecord: 1 << 16, MaxInflate: 1 << 20})
		if err != nil {
			return
		}
		last := int64(-1)
		for i := 0; ; i++ {
			rec, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				return
			}
			if rec.End <= last || rec.End > int64(len(data)) {
				t.Fatalf("record %d ends at %d after %d (file of %d bytes)", i, rec.End, last, len(data))
			}
			last = rec.End
		}
	})
}

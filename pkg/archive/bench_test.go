package archive_test

import (
	"bytes"
	"errors"
	"io"
	"net/url"
	"strings"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/archive"
	"github.com/wiredesk/wiredesk/pkg/archive/archivetest"
)

// benchArchive is 1,000 records of 12 KB pages, 30% of them from a host
// the filter refuses.
func benchArchive(b *testing.B) []byte {
	b.Helper()
	var buf bytes.Buffer
	w, err := archivetest.NewWriter(&buf, true)
	if err != nil {
		b.Fatal(err)
	}
	body := []byte("<!doctype html><html><head><title>t</title></head><body>" + strings.Repeat("<p>Dışişleri Bakanı mevkidaşıyla görüştü ve iki ülke arasındaki ilişkiler ele alındı.</p>\n", 120) + "</body></html>")
	for i := range 1000 {
		host := "news.example.com"
		if i%10 < 3 {
			host = "other.example.org"
		}
		if err := w.Write(archivetest.Capture{URI: "https://" + host + "/story/" + string(rune('a'+i%26)), Body: body}); err != nil {
			b.Fatal(err)
		}
	}
	return buf.Bytes()
}

// BenchmarkRead is the archive reader with the host filter, one
// goroutine: records/s is the figure the backfill's bar names.
func BenchmarkRead(b *testing.B) {
	data := benchArchive(b)
	for _, tt := range []struct {
		name   string
		filter archive.Filter
	}{
		{"refuse-all", func(*url.URL) bool { return false }},
		{"keep-70pct", func(u *url.URL) bool { return u.Host == "news.example.com" }},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			n := 0
			for b.Loop() {
				r, err := archive.NewReader(bytes.NewReader(data), 0, tt.filter, archive.Limits{})
				if err != nil {
					b.Fatal(err)
				}
				for {
					_, err := r.Next()
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

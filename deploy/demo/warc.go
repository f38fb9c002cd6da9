package demo

import (
	"io"
	"io/fs"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/archive/archivetest"
)

// WriteWARC writes the site's article pages as a web archive (WARC 1.1,
// gzipped a record a member), each under its source's canonical host as
// a crawler would have captured it, and returns how many it wrote.
func WriteWARC(w io.Writer) (int, error) {
	aw, err := archivetest.NewWriter(w, true)
	if err != nil {
		return 0, err
	}
	site := Site()
	n := 0
	captured := time.Date(2026, 11, 20, 18, 0, 0, 0, time.UTC)
	err = fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") || strings.HasSuffix(p, "index.html") {
			return err
		}
		src, _, _ := strings.Cut(p, "/")
		host, ok := canonicalHosts[src]
		if !ok {
			return nil
		}
		body, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		n++
		return aw.Write(archivetest.Capture{URI: "https://" + host + "/" + p, Body: body, Date: captured})
	})
	return n, err
}

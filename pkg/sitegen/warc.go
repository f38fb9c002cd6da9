package sitegen

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/wiredesk/wiredesk/pkg/archive/archivetest"
	"github.com/wiredesk/wiredesk/pkg/fetch"
)

// ArchiveHost is the host a source's pages have in the site's web
// archive: one host per source, as real wire services have.
func ArchiveHost(source string) string { return source + ".archive.example" }

// ArchiveSources returns the site's sources as a backfill of its web
// archive sees them: each allows its own archive host.
func (s *Site) ArchiveSources() []fetch.Source {
	out := make([]fetch.Source, 0, len(s.sources))
	for _, src := range s.sources {
		h := ArchiveHost(src.id)
		out = append(out, fetch.Source{
			ID: src.id, Lang: src.lang,
			Feeds:      []string{"http://" + h + "/" + src.id + "/rss.xml"},
			AllowHosts: []string{h},
		})
	}
	return out
}

// ArchiveURL is the URL of page i in the site's web archive.
func (s *Site) ArchiveURL(i int) string {
	return "http://" + ArchiveHost(s.sources[s.pages[i].src].id) + s.path(i)
}

// WARCStats counts what WriteWARC wrote.
type WARCStats struct {
	Pages   int // article pages of the site's sources
	Foreign int // HTML pages of hosts no source allows
}

// WriteWARC writes pages [from, to) of the site as a web archive,
// gzipped a record a member as Common Crawl's news archive is: a response
// record per article page, and after every page foreign HTML pages of
// other hosts so that they make up the share foreign of all records (0.3
// is 30%).
func (s *Site) WriteWARC(w io.Writer, from, to int, foreign float64) (WARCStats, error) {
	var st WARCStats
	aw, err := archivetest.NewWriter(w, true)
	if err != nil {
		return st, err
	}
	debt := 0.0
	for i := max(from, 0); i < min(to, len(s.pages)); i++ {
		src := s.sources[s.pages[i].src]
		req := httptest.NewRequest(http.MethodGet, "http://"+ArchiveHost(src.id)+s.path(i), nil)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if err := aw.Write(archivetest.Capture{URI: s.ArchiveURL(i), Date: s.published(i).Add(5 * time.Minute),
			ContentType: rec.Header().Get("Content-Type"), Header: "ETag: " + rec.Header().Get("ETag") + "\r\n", Body: rec.Body.Bytes()}); err != nil {
			return st, err
		}
		st.Pages++
		for debt += foreign / (1 - foreign); debt >= 1; debt-- {
			if err := aw.Write(archivetest.Capture{URI: fmt.Sprintf("https://www.elsewhere%d.example/news/%d-%d.html", st.Foreign%7, i, st.Foreign),
				Date: s.published(i), Body: rec.Body.Bytes()}); err != nil {
				return st, err
			}
			st.Foreign++
		}
	}
	return st, nil
}

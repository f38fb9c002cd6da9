// Package demo is the bundled demo web site: three invented wire sources,
// in Turkish and Russian, with the sidebars, teasers, credits and source
// lines of real sites. "wiredesk -demo" serves it on loopback and crawls
// it; the end-to-end tests do the same.
package demo

import (
	"embed"
	"io/fs"
	"net/http"
	"time"

	"github.com/wiredesk/wiredesk/pkg/fetch"
)

//go:embed site expected.json
var files embed.FS

// Site returns the site's files, rooted at the web root.
func Site() fs.FS {
	sub, err := fs.Sub(files, "site")
	if err != nil {
		// Only a build without the embedded directory gets here.
		return files
	}
	return sub
}

// Handler serves the site.
func Handler() http.Handler { return http.FileServerFS(Site()) }

// Expected returns expected.json: one entry per article page, with its
// language and whether it is diplomatic.
func Expected() ([]byte, error) { return files.ReadFile("expected.json") }

// Addr is where "wiredesk -demo" and "wiredesk demo-site" serve the site
// unless told otherwise. It is fixed, not a free port, because the
// fetcher remembers pages by URL: on the same origin a rerun fetches only
// what changed instead of publishing every page again. deploy/demo's
// wiredesk.yaml names it.
const Addr = "127.0.0.1:8088"

// canonicalHosts are the hosts the demo pages name in rel=canonical.
var canonicalHosts = map[string]string{
	"haberajans": "www.haberajans.example",
	"vestnik":    "vestnik.example",
	"gundem":     "www.gundem.example",
}

// Sources returns the demo's sources as served from base (for example
// http://127.0.0.1:41234), polled every interval.
func Sources(base string, interval time.Duration) []fetch.Source {
	langs := map[string]string{"haberajans": "tr", "vestnik": "ru", "gundem": "tr"}
	host := base[len("http://"):]
	var out []fetch.Source
	for _, id := range []string{"haberajans", "vestnik", "gundem"} {
		out = append(out, fetch.Source{
			ID:         id,
			Lang:       langs[id],
			Feeds:      []string{base + "/" + id + "/rss.xml"},
			AllowHosts: []string{host, canonicalHosts[id]},
			Interval:   interval,
			Rate:       50,
		})
	}
	return out
}

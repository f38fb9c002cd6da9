package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/internal/golden"
)

// metaOnly is the metadata of a page, without the blocks: the
// testdata/meta goldens pin issue 10's fields (title, times and their
// precision, byline, attribution, dateline) on pages written in styles
// the block goldens do not cover, and stay put when zoning changes.
type metaOnly struct {
	Title              string
	PublishedAt        string
	PublishedPrecision string
	PublishedLocal     bool `json:",omitempty"`
	UpdatedAt          string
	Byline             string
	Attribution        string
	Dateline           string
	LangHint           string
}

func TestMetaGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "meta", "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	for _, page := range files {
		name := filepath.Base(page)
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(page)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			res, err := Extract(f, pageURL(t, name), nil)
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, res)
			m := metaOnly{Title: res.Title, PublishedAt: stampString(res.PublishedAt),
				PublishedPrecision: res.PublishedPrecision, PublishedLocal: res.PublishedLocal, UpdatedAt: stampString(res.UpdatedAt),
				Byline: res.Byline, Attribution: res.Attribution, Dateline: res.Dateline, LangHint: res.LangHint}
			golden.Check(t, strings.TrimSuffix(page, ".html")+".golden.json", indent(t, m), *update)
		})
	}
}

func stampString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

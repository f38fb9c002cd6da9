package main

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func testPages(tb testing.TB) []page {
	tb.Helper()
	pages, err := loadPages()
	if err != nil {
		tb.Fatal(err)
	}
	return pages
}

// BenchmarkExtract runs both extractors over the same in-memory pages. Run
// it single-threaded: go test -run '^$' -bench . -cpu 1
func BenchmarkExtract(b *testing.B) {
	pages := testPages(b)
	b.Run("wiredesk", benchWiredesk(pages))
	b.Run("trafilatura", benchTrafilatura(pages))
}

// TestPages checks that the page set is the one the README describes and
// that wiredesk extracts body text from every article page, so that a
// benchmark never times an error path.
func TestPages(t *testing.T) {
	pages := testPages(t)
	if len(pages) < 40 {
		t.Errorf("got %d pages, want the testdata and demo site pages (>= 40)", len(pages))
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			r, err := runWiredesk(p)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Blocks) == 0 {
				t.Error("no blocks")
			}
			if _, err := compare(p); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"blank paragraph", "<p> \n </p>", nil},
		{"collapses space", "<p> a  <b>b</b> </p><h2>\tc\u00a0d </h2>", []string{"a b", "c d"}},
		{"innermost blocks", "<blockquote><p>a</p><p>b</p></blockquote>", []string{"a", "b"}},
		{"loose text", "x<p>a</p>y <i>z</i>", []string{"x", "a", "y z"}},
		{"list", "<ul><li>a</li><li>b <a href=/>c</a></li></ul>", []string{"a", "b c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			got := paragraphs(doc)
			if !slices.Equal(got, tt.want) {
				t.Errorf("paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

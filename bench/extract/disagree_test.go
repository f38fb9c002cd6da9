package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestHTMLFile(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"haber.html", true},
		{"HABER.HTM", true},
		{"новости.html.gz", true},
		{"page.htm.gz", false},
		{"meta.json", false},
		{"html", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := htmlFile(tc.name); got != tc.want {
				t.Errorf("htmlFile(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

func TestZoneList(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   map[string]int
		want string
	}{
		{"empty", map[string]int{}, ""},
		{"one", map[string]int{"body": 12}, "body:12"},
		{"largest first", map[string]int{"nav": 3, "body": 40, "comment": 7}, "body:40 comment:7 nav:3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := zoneList(tc.in); got != tc.want {
				t.Errorf("zoneList(%v) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestReadSet reads a directory of pages: html, htm and gzipped html, in
// name order, under an optional prefix, other files left out.
func TestReadSet(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<p>Сжатая страница</p>"))
	zw.Close()
	write("tr/b.html", []byte("<p>Haber metni</p>"))
	write("tr/a.htm", []byte("<p>Önce gelen</p>"))
	write("ru/c.html.gz", gz.Bytes())
	write("ru/notes.txt", []byte("not a page"))

	for _, tc := range []struct {
		name string
		arg  string
		want []rawPage
	}{
		{"whole", dir, []rawPage{
			{"ru/c.html.gz", []byte("<p>Сжатая страница</p>")},
			{"tr/a.htm", []byte("<p>Önce gelen</p>")},
			{"tr/b.html", []byte("<p>Haber metni</p>")},
		}},
		{"prefix", dir + ":tr", []rawPage{
			{"tr/a.htm", []byte("<p>Önce gelen</p>")},
			{"tr/b.html", []byte("<p>Haber metni</p>")},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readSet(tc.arg)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(got, tc.want, func(a, b rawPage) bool { return a.name == b.name && bytes.Equal(a.html, b.html) }) {
				t.Errorf("readSet(%q):\n got %q\nwant %q", tc.arg, got, tc.want)
			}
		})
	}
}

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/wiredesk/wiredesk/internal/fundus"
	"github.com/wiredesk/wiredesk/internal/heldout"
	"github.com/wiredesk/wiredesk/internal/zyte"
	"github.com/wiredesk/wiredesk/pkg/extract"
)

// dumpPage is one page's whole extraction as the dump writes it: every
// field of the Result, every block, and the article text.
type dumpPage struct {
	Name        string
	Err         string `json:",omitempty"`
	Result      *extract.Result
	ArticleText string
}

// runDump extracts every page of each set and writes the whole Result of
// each, a JSON line per page, to OUT/NAME.jsonl, so that two builds can be
// compared with cmp: a speed change must leave these files byte-identical.
// A set is KIND:DIR, KIND one of zyte, fundus, heldout; NAME is the
// directory's base name.
func runDump(out string, sets []string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, set := range sets {
		kind, dir, ok := strings.Cut(set, ":")
		if !ok {
			return fmt.Errorf("dump: %q: want KIND:DIR (zyte, fundus, heldout)", set)
		}
		type in struct {
			name string
			url  string
			html []byte
		}
		var pages []in
		switch kind {
		case "zyte":
			ps, err := zyte.Load(dir)
			if err != nil {
				return err
			}
			for _, p := range ps {
				pages = append(pages, in{p.ID, p.URL, p.HTML})
			}
		case "fundus":
			s, err := fundus.Load(dir)
			if err != nil {
				return err
			}
			for _, p := range s.Pages {
				u := p.URL
				if u == "" {
					u = "http://localhost/" + p.File
				}
				pages = append(pages, in{p.File, u, p.HTML})
			}
		case "heldout":
			ps, err := heldout.Load(dir)
			if err != nil {
				return err
			}
			for _, p := range ps {
				pages = append(pages, in{p.Name, "http://localhost/page.html", p.HTML})
			}
		default:
			return fmt.Errorf("dump: %q: unknown kind %q", set, kind)
		}
		f, err := os.Create(filepath.Join(out, kind+"-"+filepath.Base(filepath.Clean(dir))+".jsonl"))
		if err != nil {
			return err
		}
		bw := bufio.NewWriter(f)
		enc := json.NewEncoder(bw)
		for _, p := range pages {
			u, err := url.Parse(p.url)
			if err != nil {
				u, _ = url.Parse("http://localhost/page.html")
			}
			d := dumpPage{Name: p.name}
			r, err := extract.Extract(bytes.NewReader(p.html), u, nil)
			if err != nil {
				d.Err = err.Error()
			} else {
				d.Result, d.ArticleText = r, r.ArticleText()
			}
			if err := enc.Encode(d); err != nil {
				f.Close()
				return err
			}
		}
		if err := bw.Flush(); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

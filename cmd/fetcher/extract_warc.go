package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/url"
	"os"
	"slices"
	"strings"

	"github.com/wiredesk/wiredesk/pkg/archive"
	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/fetch"
)

// extractWARC is "fetcher extract -warc": one page/v1 per HTML response
// record of each file, in file order, as "fetcher extract" prints it for
// the same page fetched from the record's URL. The record's target URI is
// the page URL, its capture time is fetched_at, and its HTTP head gives
// the status, the content type and the charset. What was skipped, and
// why, is summed up on stderr.
func extractWARC(sources []fetch.Source, files []string, stdout, stderr io.Writer) error {
	if len(files) == 0 {
		return errors.New("extract -warc: no WARC files given")
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var errs []error
	for _, name := range files {
		skipped, err := extractWARCFile(name, sources, enc)
		if err != nil {
			errs = append(errs, err)
		}
		if len(skipped) > 0 {
			var parts []string
			for _, k := range slices.Sorted(maps.Keys(skipped)) {
				parts = append(parts, fmt.Sprintf("%s %d", k, skipped[k]))
			}
			fmt.Fprintf(stderr, "%s: skipped %s\n", name, strings.Join(parts, ", "))
		}
	}
	if err := out.Flush(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func extractWARCFile(name string, sources []fetch.Source, enc *json.Encoder) (map[string]int, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", name, err)
	}
	defer f.Close()
	r, err := archive.NewReader(f, 0, nil, archive.Limits{})
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", name, err)
	}
	skipped := map[string]int{}
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return skipped, nil
		}
		if err != nil {
			return skipped, fmt.Errorf("extract %s: %w", name, err)
		}
		if rec.Skip != "" {
			skipped[rec.Skip]++
			continue
		}
		u, err := url.Parse(rec.URI)
		if err != nil {
			skipped[archive.SkipBadURI]++
			continue
		}
		src := fetch.MatchSource(sources, u)
		if src == nil {
			src = &fetch.Source{ID: "offline"}
		}
		resp := rec.Response
		h := article.HTTP{Status: resp.Status, ETag: resp.Header.Get("ETag"),
			LastModified: resp.Header.Get("Last-Modified"), ContentType: resp.ContentType()}
		p, err := fetch.BuildPage(bytes.NewReader(resp.Body), u, src, h, rec.Date)
		if err != nil {
			skipped["extract"]++
			continue
		}
		if err := enc.Encode(p); err != nil {
			return skipped, err
		}
	}
}

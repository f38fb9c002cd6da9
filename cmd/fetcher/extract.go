package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/config"
	"github.com/wiredesk/wiredesk/pkg/fetch"
)

// runExtract is "fetcher extract": HTML files in, one page/v1 per line out,
// through the same BuildPage as the service.
func runExtract(args, env []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("fetcher extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		pageURL    = fs.String("url", "", "treat the page as fetched from this URL")
		sourceID   = fs.String("source", "", "apply this configured source's rules")
		configPath = fs.String("config", "", "configuration file with sources")
		warc       = fs.Bool("warc", false, "the files are WARC archives: one page per HTML response record, its URL the record's")
		manifest   = fs.String("manifest", "", "extract the pages this file lists, one \"URL<TAB>PATH\" a line (\"-\": stdin), in its order")
	)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: fetcher extract [-url URL] [-source ID] [-config FILE] [FILE|-]...\n       fetcher extract -manifest FILE [-source ID] [-config FILE]\n       fetcher extract -warc [-config FILE] FILE...\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // -h asked for the usage, which is printed
		}
		return err
	}
	cfg, err := config.FromEnv(*configPath, env)
	if err != nil {
		return err
	}
	if *warc {
		return extractWARC(cfg.Sources, fs.Args(), stdout, stderr)
	}
	if *manifest != "" {
		if *pageURL != "" || fs.NArg() > 0 {
			return errors.New("-manifest: the manifest gives each page's URL and file; no -url or file arguments")
		}
		return extractManifest(cfg.Sources, *sourceID, *manifest, stdin, stdout)
	}
	src, err := pickSource(cfg.Sources, *sourceID, *pageURL)
	if err != nil {
		return err
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	// One unreadable file does not hide the pages of the others; every
	// failure is reported at the end.
	var errs []error
	for _, name := range files {
		p, err := extractFile(name, *pageURL, src, stdin)
		if err == nil {
			err = enc.Encode(p)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	if err := out.Flush(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func pickSource(sources []fetch.Source, id, rawURL string) (*fetch.Source, error) {
	if id != "" {
		for i := range sources {
			if sources[i].ID == id {
				return &sources[i], nil
			}
		}
		return nil, fmt.Errorf("source %q is not configured", id)
	}
	if rawURL != "" {
		u, err := url.Parse(rawURL)
		if err != nil {
			return nil, fmt.Errorf("-url: %w", err)
		}
		if s := fetch.MatchSource(sources, u); s != nil {
			return s, nil
		}
	}
	// No source matches: the generic extractor, under a placeholder source.
	return &fetch.Source{ID: "offline"}, nil
}

func extractFile(name, rawURL string, src *fetch.Source, stdin io.Reader) (*article.Page, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", name, err)
	}
	if rawURL == "" {
		abs, _ := filepath.Abs(name)
		rawURL = "http://localhost/" + filepath.ToSlash(filepath.Base(abs))
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("extract %s: -url: %w", name, err)
	}
	resp := article.HTTP{Status: 200, ContentType: "text/html"}
	p, err := fetch.BuildPage(bytes.NewReader(data), u, src, resp, time.Now().UTC())
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", name, err)
	}
	return p, nil
}

// manifestEntry is one line of a manifest: a page's URL and its file.
type manifestEntry struct {
	line      int
	url, path string
}

// readManifest parses "URL<TAB>PATH" lines; blank lines and lines starting
// with # are skipped. A relative PATH is relative to the manifest's
// directory, so that a manifest and its pages move together.
func readManifest(name string, stdin io.Reader) ([]manifestEntry, error) {
	var r io.Reader = stdin
	dir := "."
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("-manifest: %w", err)
		}
		defer f.Close()
		r, dir = f, filepath.Dir(name)
	}
	var entries []manifestEntry
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, path, ok := strings.Cut(line, "\t")
		u, path = strings.TrimSpace(u), strings.TrimSpace(path)
		if !ok || u == "" || path == "" {
			return nil, fmt.Errorf("-manifest %s:%d: want URL<TAB>PATH, got %q", name, n, line)
		}
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
		entries = append(entries, manifestEntry{line: n, url: u, path: path})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("-manifest %s: %w", name, err)
	}
	return entries, nil
}

// extractManifest extracts every page a manifest lists, in one process and
// in the manifest's order, each under its own URL and the source that URL
// matches (or -source). A page that fails is reported at the end and does
// not stop the others.
func extractManifest(sources []fetch.Source, sourceID, name string, stdin io.Reader, stdout io.Writer) error {
	entries, err := readManifest(name, stdin)
	if err != nil {
		return err
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var errs []error
	for _, e := range entries {
		src, err := pickSource(sources, sourceID, e.url)
		if err != nil {
			errs = append(errs, fmt.Errorf("-manifest %s:%d: %w", name, e.line, err))
			continue
		}
		p, err := extractFile(e.path, e.url, src, nil)
		if err == nil {
			err = enc.Encode(p)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("-manifest %s:%d: %w", name, e.line, err))
		}
	}
	if err := out.Flush(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

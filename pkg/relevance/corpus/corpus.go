// Package corpus reads the public news corpora that the diplomacy model
// is trained and evaluated on, and turns each record into the exact text
// that was labelled: a title and a body, with a SHA-256 over both.
//
// A corpus is a public Git repository at a fixed commit. Extraction is
// deterministic, so that a label stored in the repository (a reference:
// repository, commit, path, record) and its checksum say which text was
// read, and anyone can rebuild that text from the public source and check
// it.
package corpus

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os/exec"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Record is one news text from a corpus.
type Record struct {
	ID       string `json:"id"`      // stable: source, path and record
	Lang     string `json:"lang"`    // "tr" or "ru"
	Source   string `json:"source"`  // the outlet: milliyet, trt, sozcu, rt, ng, wikinews, collection5, ria, bsnlp
	Section  string `json:"section"` // the corpus's own category, if any
	Date     string `json:"date"`    // YYYY-MM-DD where the corpus says, else ""
	Order    int64  `json:"order"`   // a time order within the source (date or article number)
	Repo     string `json:"repo"`    // owner/name on GitHub
	Commit   string `json:"commit"`  // the commit read
	Path     string `json:"path"`    // file in the repository
	RecordNo int    `json:"record"`  // line within the file (0 for one-text files)
	Title    string `json:"title"`   // may be empty
	Body     string `json:"body"`    // paragraphs separated by blank lines
	SHA256   string `json:"sha256"`  // of Title + "\n" + Body
	URL      string `json:"url,omitempty"`
}

// Sum is the checksum of a text as Record.SHA256 defines it.
func Sum(title, body string) string {
	h := sha256.Sum256([]byte(title + "\n" + body))
	return hex.EncodeToString(h[:])
}

// Corpus is one public repository and how to read it.
type Corpus struct {
	Name    string // short name used in record IDs
	Lang    string // the language of its texts
	Repo    string
	Commit  string
	Licence string
	// Ship says whether the licence lets the texts be copied into this
	// repository.
	Ship    bool
	extract func(ctx context.Context, g gitDir, c Corpus) ([]Record, error)
}

// Corpora are the corpora the labelled set draws from.
var Corpora = []Corpus{
	{
		Name:    "bilcat",
		Lang:    "tr",
		Repo:    "BilkentInformationRetrievalGroup/BilCat",
		Commit:  "ea9f926b2114c6c6a0a1983ef45eb13557ed6188",
		Licence: "MIT (Copyright (c) 2019 Bilkent University Information Retrieval Group)",
		Ship:    true,
		extract: extractBilCat,
	},
	{
		Name:    "rukw",
		Lang:    "ru",
		Repo:    "mannefedov/ru_kw_eval_datasets",
		Commit:  "f0492949945f669d8fc064d703eb6f02c2e9f553",
		Licence: "none stated: texts are not shipped, only references and checksums",
		Ship:    false,
		extract: extractRuKW,
	},
	{
		Name:    "sozcu",
		Lang:    "tr",
		Repo:    "BilkentInformationRetrievalGroup/TUBITAK113E249",
		Commit:  "a90d83480ea5756a050baad72237fe50e14cf447",
		Licence: "MIT (Copyright (c) 2017 Bilkent University Information Retrieval Group)",
		Ship:    true,
		extract: extractSozcu,
	},
	{
		Name:    "bilfront",
		Lang:    "tr",
		Repo:    "BilkentInformationRetrievalGroup/BilFront2009",
		Commit:  "4d99a204df8f2a111f4e993b6fe133b41961c526",
		Licence: "MIT (Copyright (c) 2018 Bilkent University Information Retrieval Group)",
		Ship:    true,
		extract: extractBilFront,
	},
	{
		Name:    "nerel",
		Lang:    "ru",
		Repo:    "nerel-ds/NEREL",
		Commit:  "8f07d3e410f322d5dbf6b68b13fbf4a4aa077fe9",
		Licence: "none stated (Wikinews texts are CC BY 2.5, the others are news of several outlets): texts are not shipped, only references and checksums",
		Ship:    false,
		extract: extractNEREL,
	},
	{
		Name:    "riatopics",
		Lang:    "ru",
		Repo:    "ChernayaAnastasia/News-classification",
		Commit:  "8f64bccadec19d176890dafbe20a9b15e7676b03",
		Licence: "MIT for the repository, but the texts are RIA Novosti's (ria.ru), not the repository author's: texts are not shipped, only references and checksums",
		Ship:    false,
		extract: extractRIATopics,
	},
	{
		Name:    "bsnlp",
		Lang:    "ru",
		Repo:    "UL-FRI-Zitnik/BSNLP-2021-Shared-Task",
		Commit:  "5163242ff2e0b41d760afb3b9e9f4508f8dbaac6",
		Licence: "none stated (the BSNLP shared-task data, web news of many outlets): texts are not shipped, only references and checksums",
		Ship:    false,
		extract: extractBSNLP,
	},
}

// Lookup returns the corpus named name.
func Lookup(name string) (Corpus, bool) {
	for _, c := range Corpora {
		if c.Name == name {
			return c, true
		}
	}
	return Corpus{}, false
}

// Extract reads every record of c from the bare or non-bare Git directory
// dir, which must contain c.Commit.
func Extract(ctx context.Context, dir string, c Corpus) ([]Record, error) {
	g := gitDir(dir)
	if _, err := g.run(ctx, "cat-file", "-e", c.Commit+"^{commit}"); err != nil {
		return nil, fmt.Errorf("corpus %s: commit %s not in %s: %w", c.Name, c.Commit, dir, err)
	}
	recs, err := c.extract(ctx, g, c)
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w", c.Name, err)
	}
	for i := range recs {
		r := &recs[i]
		r.Repo, r.Commit = c.Repo, c.Commit
		r.SHA256 = Sum(r.Title, r.Body)
	}
	return recs, nil
}

type gitDir string

func (g gitDir) run(ctx context.Context, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"--git-dir", string(g)}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

func (g gitDir) ls(ctx context.Context, commit, prefix string) ([]string, error) {
	out, err := g.run(ctx, "ls-tree", "-r", "--name-only", commit, "--", prefix)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, l := range strings.Split(string(out), "\n") {
		if l != "" {
			files = append(files, l)
		}
	}
	sort.Strings(files)
	return files, nil
}

// read lists the files under prefix at commit that keep selects, in name
// order, and reads them in one git process.
func (g gitDir) read(ctx context.Context, commit, prefix string, keep func(string) bool) ([]string, map[string][]byte, error) {
	files, err := g.ls(ctx, commit, prefix)
	if err != nil {
		return nil, nil, err
	}
	var kept []string
	for _, f := range files {
		if keep(f) {
			kept = append(kept, f)
		}
	}
	blobs, err := g.catBatch(ctx, commit, kept)
	if err != nil {
		return nil, nil, err
	}
	return kept, blobs, nil
}

// catBatch reads many blobs in one git process.
func (g gitDir) catBatch(ctx context.Context, commit string, paths []string) (map[string][]byte, error) {
	cmd := exec.CommandContext(ctx, "git", "--git-dir", string(g), "cat-file", "--batch")
	var in bytes.Buffer
	for _, p := range paths {
		fmt.Fprintf(&in, "%s:%s\n", commit, p)
	}
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	res := make(map[string][]byte, len(paths))
	r := bufio.NewReader(bytes.NewReader(out))
	for _, p := range paths {
		hdr, err := r.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("git cat-file %s: %w", p, err)
		}
		f := strings.Fields(hdr)
		if len(f) != 3 {
			return nil, fmt.Errorf("git cat-file %s: %q", p, strings.TrimSpace(hdr))
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("git cat-file %s: %q", p, hdr)
		}
		buf := make([]byte, n+1) // the blob and its trailing newline
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, fmt.Errorf("git cat-file %s: %w", p, err)
		}
		res[p] = buf[:n]
	}
	return res, nil
}

var (
	tagRe   = regexp.MustCompile(`(?s)<([A-Z]+)>(.*?)</([A-Z]+)>`)
	spaceRe = regexp.MustCompile(`[ \t\x{a0}]+`)
)

// paragraphs splits text on blank lines, unescapes HTML entities, folds
// runs of spaces, and drops empty paragraphs and exact repeats (TRT's
// pages repeat their lead).
func paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	seen := make(map[string]bool)
	for _, p := range strings.Split(text, "\n") {
		p = strings.TrimSpace(spaceRe.ReplaceAllString(html.UnescapeString(p), " "))
		if p == "" || seen[p] {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	return out
}

// extractBilCat reads structured/<outlet>/<category>/<doc>.txt: SGML-like
// documents with a date and a text. Their headlines are mis-encoded in the
// corpus (bytes lost), so the title is left empty and the body is the text.
func extractBilCat(ctx context.Context, g gitDir, c Corpus) ([]Record, error) {
	txt, blobs, err := g.read(ctx, c.Commit, "structured", func(f string) bool { return strings.HasSuffix(f, ".txt") })
	if err != nil {
		return nil, err
	}
	var recs []Record
	for _, f := range txt {
		fields := make(map[string]string)
		for _, m := range tagRe.FindAllStringSubmatch(string(blobs[f]), -1) {
			if m[1] == m[3] {
				fields[m[1]] = m[2]
			}
		}
		parts := strings.Split(f, "/") // structured, outlet, category, file
		if len(parts) != 4 {
			continue
		}
		body := strings.Join(paragraphs(fields["TEXT"]), "\n\n")
		if body == "" {
			continue
		}
		date := strings.ReplaceAll(strings.TrimSpace(fields["DATE"]), "/", "-")
		order, _ := strconv.ParseInt(strings.ReplaceAll(date, "-", ""), 10, 64)
		recs = append(recs, Record{
			ID:      fmt.Sprintf("bilcat/%s/%s/%s", strings.ToLower(parts[1]), parts[2], strings.TrimSuffix(parts[3], ".txt")),
			Lang:    "tr",
			Source:  strings.ToLower(parts[1]),
			Section: parts[2],
			Date:    date,
			Order:   order,
			Path:    f,
			Body:    body,
			URL:     strings.TrimSpace(fields["URL"]),
		})
	}
	return recs, nil
}

var (
	ngDateRe = regexp.MustCompile(`ng\.ru/([^/]+)/(\d{4}-\d{2}-\d{2})/`)
	rtRe     = regexp.MustCompile(`russian\.rt\.com/(.+?)/(?:article|news)/(\d+)`)
)

// extractRuKW reads the zipped JSON lines of RT (russian.rt.com) and
// Nezavisimaya Gazeta (ng.ru); the keyword-extraction sets of the
// corpus are news articles with their titles.
func extractRuKW(ctx context.Context, g gitDir, c Corpus) ([]Record, error) {
	zips, blobs, err := g.read(ctx, c.Commit, "data", func(f string) bool {
		b := path.Base(f)
		return strings.HasSuffix(b, ".jsonlines.zip") && (strings.HasPrefix(b, "ng_") || strings.HasPrefix(b, "russia_today_"))
	})
	if err != nil {
		return nil, err
	}
	var recs []Record
	seen := make(map[string]bool)
	for _, f := range zips {
		zr, err := zip.NewReader(bytes.NewReader(blobs[f]), int64(len(blobs[f])))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for _, zf := range zr.File {
			rc, err := zf.Open()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			sc := bufio.NewScanner(rc)
			sc.Buffer(nil, 16<<20)
			for n := 0; sc.Scan(); n++ {
				var d struct {
					URL     string `json:"url"`
					Title   string `json:"title"`
					Content string `json:"content"`
				}
				if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
					rc.Close()
					return nil, fmt.Errorf("%s:%d: %w", f, n, err)
				}
				r := Record{Lang: "ru", Path: f, RecordNo: n, URL: d.URL,
					Title: strings.TrimSpace(spaceRe.ReplaceAllString(d.Title, " ")),
					Body:  strings.Join(paragraphs(d.Content), "\n\n")}
				if m := ngDateRe.FindStringSubmatch(d.URL); m != nil {
					r.Source, r.Section, r.Date = "ng", m[1], m[2]
					r.Order, _ = strconv.ParseInt(strings.ReplaceAll(m[2], "-", ""), 10, 64)
				} else if m := rtRe.FindStringSubmatch(d.URL); m != nil {
					r.Source, r.Section = "rt", m[1]
					if i := strings.LastIndex(r.Section, "/"); i >= 0 {
						r.Section = r.Section[i+1:]
					}
					r.Order, _ = strconv.ParseInt(m[2], 10, 64)
				} else {
					continue
				}
				if r.Body == "" || seen[d.URL] {
					continue
				}
				seen[d.URL] = true
				r.ID = fmt.Sprintf("rukw/%s/%s/%d", r.Source, strings.TrimSuffix(path.Base(f), ".jsonlines.zip"), n)
				recs = append(recs, r)
			}
			err = sc.Err()
			rc.Close()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
		}
	}
	return recs, nil
}

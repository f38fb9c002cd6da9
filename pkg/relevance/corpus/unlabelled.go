package corpus

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Unlabelled are corpora read only for the word vectors: no text of them
// is labelled, so they widen what the vectors learn a word means without
// touching the labelled set or its splits.
var Unlabelled = []Corpus{
	{
		Name:    "onetv",
		Lang:    "ru",
		Repo:    "lobsterbush/kremlin-speeches",
		Commit:  "68cbdf8e81053925c7111d361ac49a6c46685486",
		Licence: "none stated (Channel One's news, 1tv.ru, scraped by the repository's author): texts are not shipped, only read for the word vectors",
		Ship:    false,
		extract: extractOneTV,
	},
}

// LookupAny returns the corpus named name, labelled or not.
func LookupAny(name string) (Corpus, bool) {
	if c, ok := Lookup(name); ok {
		return c, true
	}
	for _, c := range Unlabelled {
		if c.Name == name {
			return c, true
		}
	}
	return Corpus{}, false
}

// oneTVFiles are the year files of Channel One's news read, one CSV a
// year. The repository's files of several years repeat the years' files,
// and some years' files are too large for some copies of the repository
// (the snapshots this was built from leave out files of 4 MiB or more):
// the list is fixed so that every copy of the commit gives the same
// records. 2019 is left out: BSNLP's 2019 news, a test stretch, has
// 1tv.ru among its outlets.
var oneTVFiles = func() []string {
	var fs []string
	for _, y := range []int{2000, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2014, 2020, 2021, 2022, 2023, 2024, 2025, 2026} {
		fs = append(fs, fmt.Sprintf("chunks/chunk_%d.csv", y))
	}
	return fs
}()

var oneTVURLRe = regexp.MustCompile(`1tv\.ru/news/(\d{4}-\d{2}-\d{2})/(\d+)-`)

// extractOneTV reads Channel One's news (1tv.ru) as scraped into one CSV
// file a year (url, title, date_extracted, content, category). The
// scraper sometimes stored the page it landed on (a programme's listing,
// the day's top story) instead of the article, so a body whose first 150
// characters open more than one record is dropped wherever it occurs: the
// same opening under two headlines is not the article of either. The
// date and the article number are the URL's.
func extractOneTV(ctx context.Context, g gitDir, c Corpus) ([]Record, error) {
	blobs, err := g.catBatch(ctx, c.Commit, oneTVFiles)
	if err != nil {
		return nil, err
	}
	var recs []Record
	seen := make(map[string]bool)
	openings := make(map[string]int)
	for _, f := range oneTVFiles {
		err := eachCSVRow(f, blobs[f], []string{"url", "title", "content"}, func(n int, row []string, col map[string]int) error {
			m := oneTVURLRe.FindStringSubmatch(row[col["url"]])
			if m == nil || seen[m[2]] {
				return nil
			}
			r := Record{
				ID:       "onetv/1tv/" + m[2],
				Lang:     "ru",
				Source:   "1tv",
				Date:     m[1],
				Path:     f,
				RecordNo: n,
				URL:      row[col["url"]],
				Title:    strings.TrimSpace(spaceRe.ReplaceAllString(row[col["title"]], " ")),
				Body:     strings.Join(paragraphs(row[col["content"]]), "\n\n"),
			}
			r.Order, _ = strconv.ParseInt(strings.ReplaceAll(m[1], "-", ""), 10, 64)
			if r.Body == "" {
				return nil
			}
			seen[m[2]] = true
			openings[FirstRunes(r.Body, 150)]++
			recs = append(recs, r)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	kept := recs[:0]
	for _, r := range recs {
		if openings[FirstRunes(r.Body, 150)] == 1 {
			kept = append(kept, r)
		}
	}
	return kept, nil
}

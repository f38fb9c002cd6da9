package corpus

import (
	"context"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// nerelDir is the version of NEREL read: v1.1 holds the same texts as
// v1.0 with a few typos fixed.
const nerelDir = "NEREL-v1.1"

var nerelWikinewsRe = regexp.MustCompile(`^(\d+)_text\.txt$`)

// extractNEREL reads the texts of NEREL, a corpus of Russian news
// annotated with named entities: one text per .txt file, the first line
// its headline. Files named <n>_text.txt are Russian Wikinews articles (n
// is the Wikinews page, so it orders them in time); the other files are
// news of 2008-2010 from agencies and newspapers (Kommersant, RIA
// Novosti and others), from the older Collection5 set, whose names carry
// no order. NEREL's own train/dev/test folders are kept as the section.
func extractNEREL(ctx context.Context, g gitDir, c Corpus) ([]Record, error) {
	txt, blobs, err := g.read(ctx, c.Commit, nerelDir, func(f string) bool { return strings.HasSuffix(f, ".txt") })
	if err != nil {
		return nil, err
	}
	var recs []Record
	for _, f := range txt {
		text := strings.TrimPrefix(string(blobs[f]), "\ufeff")
		title, rest, _ := strings.Cut(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
		title = strings.TrimSpace(spaceRe.ReplaceAllString(title, " "))
		body := strings.Join(paragraphs(rest), "\n\n")
		if title == "" || body == "" {
			continue
		}
		base := path.Base(f)
		r := Record{
			Lang:    "ru",
			Source:  "collection5",
			Section: path.Base(path.Dir(f)),
			Path:    f,
			Title:   title,
			Body:    body,
		}
		if m := nerelWikinewsRe.FindStringSubmatch(base); m != nil {
			r.Source = "wikinews"
			r.Order, _ = strconv.ParseInt(m[1], 10, 64)
			r.URL = "https://ru.wikinews.org/wiki/?curid=" + m[1]
		}
		r.ID = fmt.Sprintf("nerel/%s/%s", r.Source, strings.TrimSuffix(base, ".txt"))
		recs = append(recs, r)
	}
	return recs, nil
}

// riaTopicsFiles are the files of the RIA Novosti corpus that are stored in
// Git (the others were too large for the snapshot read): October and
// December 2023, in the sections economy, society and culture.
var riaTopicsFiles = []string{
	"data/ria_news_topics_3.csv",
	"data/ria_news_topics_7.csv",
	"data/ria_news_topics_9.csv",
}

var (
	riaDateRe = regexp.MustCompile(`^(\d{2}):(\d{2}) (\d{2})\.(\d{2})\.(\d{4})$`)
	riaParaRe = regexp.MustCompile(`\s{2,}`)
)

// extractRIATopics reads news of ria.ru scraped into CSV files (id, url,
// title, subtitle, content, datetime, views, tags, topic); the content's
// paragraphs are separated by runs of spaces. A text found in two files
// (the December files overlap) is kept once, at its first place.
func extractRIATopics(ctx context.Context, g gitDir, c Corpus) ([]Record, error) {
	blobs, err := g.catBatch(ctx, c.Commit, riaTopicsFiles)
	if err != nil {
		return nil, err
	}
	var recs []Record
	seen := make(map[string]bool)
	for _, f := range riaTopicsFiles {
		err := eachCSVRow(f, blobs[f], []string{"id", "url", "title", "content", "datetime", "topic"}, func(n int, row []string, col map[string]int) error {
			id := row[col["id"]]
			if seen[id] {
				return nil
			}
			var paras []string
			for _, p := range riaParaRe.Split(row[col["content"]], -1) {
				paras = append(paras, paragraphs(p)...)
			}
			r := Record{
				ID:       "riatopics/ria/" + id,
				Lang:     "ru",
				Source:   "ria",
				Section:  row[col["topic"]],
				Path:     f,
				RecordNo: n,
				URL:      row[col["url"]],
				Title:    strings.TrimSpace(spaceRe.ReplaceAllString(row[col["title"]], " ")),
				Body:     strings.Join(paras, "\n\n"),
			}
			if m := riaDateRe.FindStringSubmatch(strings.TrimSpace(row[col["datetime"]])); m != nil {
				r.Date = m[5] + "-" + m[4] + "-" + m[3]
				r.Order, _ = strconv.ParseInt(m[5]+m[4]+m[3]+m[1]+m[2], 10, 64)
			}
			if r.Body == "" {
				return nil
			}
			seen[id] = true
			recs = append(recs, r)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return recs, nil
}

const bsnlpDir = "data/datasets/bsnlp"

var (
	bsnlpDateRe = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)
)

// extractBSNLP reads the Russian raw documents of the BSNLP shared tasks
// (2019 and 2021) as stored in a participant's repository: web news on a
// few topics (Brexit, Nord Stream 2, Ryanair, Asia Bibi, COVID-19, the US
// election of 2020 and others), one per file, whose first five lines are
// an id, the language, the date, the URL and the title. The outlets are
// many (the URL's host names each), so the source is the collection,
// "bsnlp", and cross-validation treats it as one; the section is the topic.
// The documents of 2021 give a placeholder URL (fromtheweb.eu) and the
// collection's date, not an outlet and a publication date.
func extractBSNLP(ctx context.Context, g gitDir, c Corpus) ([]Record, error) {
	raw, blobs, err := g.read(ctx, c.Commit, bsnlpDir, func(f string) bool {
		parts := strings.Split(strings.TrimPrefix(f, bsnlpDir+"/"), "/") // topic, raw, ru, file
		return len(parts) == 4 && parts[1] == "raw" && parts[2] == "ru" && strings.HasSuffix(f, ".txt")
	})
	if err != nil {
		return nil, err
	}
	var recs []Record
	for _, f := range raw {
		lines := strings.SplitN(strings.ReplaceAll(strings.TrimPrefix(string(blobs[f]), "\ufeff"), "\r\n", "\n"), "\n", 6)
		if len(lines) < 6 || strings.TrimSpace(lines[1]) != "ru" {
			continue
		}
		topic := strings.Split(strings.TrimPrefix(f, bsnlpDir+"/"), "/")[0]
		r := Record{
			ID:      "bsnlp/" + topic + "/" + strings.TrimSuffix(path.Base(f), ".txt"),
			Lang:    "ru",
			Source:  "bsnlp",
			Section: topic,
			Path:    f,
			URL:     strings.TrimSpace(lines[3]),
			Title:   strings.TrimSpace(spaceRe.ReplaceAllString(lines[4], " ")),
			Body:    strings.Join(paragraphs(lines[5]), "\n\n"),
		}
		if m := bsnlpDateRe.FindStringSubmatch(strings.TrimSpace(lines[2])); m != nil {
			r.Date = m[1] + "-" + m[2] + "-" + m[3]
			r.Order, _ = strconv.ParseInt(m[1]+m[2]+m[3], 10, 64)
		}
		if r.Title == "" || r.Body == "" {
			continue
		}
		recs = append(recs, r)
	}
	return recs, nil
}

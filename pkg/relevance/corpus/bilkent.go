package corpus

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/nwaples/rardecode/v2"
)

// sozcuArchive is the one file of the Sözcü collection that holds the
// texts: a RAR archive of <year>_<month>_<day>/<article number>.txt.
const sozcuArchive = "SozcuNewsCollection2014.rar"

var (
	sozcuNameRe = regexp.MustCompile(`^(\d{4})_(\d{1,2})_(\d{1,2})/(\d+)\.txt$`)
	// Both collections keep a text on one line, with a run of spaces
	// between paragraphs (and subheadings); a run after a word is a word
	// lost from the corpus, not a paragraph break.
	paraBreakRe = regexp.MustCompile(`([.!?:"'”’»)])\s{2,}`)
)

// extractSozcu reads the Sözcü newspaper collection (Dec 2013 - Mar 2014)
// of the Bilkent story-chain project. Each text is one line: the headline
// ending in ". ", a summary cut with " ... ", then the article, which
// repeats the summary. The title is the headline; the body is the article
// (or everything after the headline when there is no cut summary). The
// record number is Sözcü's article number, the file's name in the archive.
func extractSozcu(ctx context.Context, g gitDir, c Corpus) ([]Record, error) {
	blobs, err := g.catBatch(ctx, c.Commit, []string{sozcuArchive})
	if err != nil {
		return nil, err
	}
	r, err := rardecode.NewReader(bytes.NewReader(blobs[sozcuArchive]))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sozcuArchive, err)
	}
	var recs []Record
	for {
		h, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", sozcuArchive, err)
		}
		m := sozcuNameRe.FindStringSubmatch(strings.ReplaceAll(h.Name, `\`, "/"))
		if h.IsDir || m == nil {
			continue
		}
		raw, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", sozcuArchive, h.Name, err)
		}
		title, body := splitSozcu(string(raw))
		if body == "" {
			continue
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		n, _ := strconv.Atoi(m[4])
		recs = append(recs, Record{
			ID:       fmt.Sprintf("sozcu/%s/%s", path.Dir(m[0]), m[4]),
			Lang:     "tr",
			Source:   "sozcu",
			Date:     fmt.Sprintf("%04d-%02d-%02d", y, mo, d),
			Order:    int64(y*10000 + mo*100 + d),
			Path:     sozcuArchive,
			RecordNo: n,
		})
		recs[len(recs)-1].Title, recs[len(recs)-1].Body = title, body
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].RecordNo < recs[j].RecordNo })
	return recs, nil
}

// splitSozcu splits one Sözcü text into its headline and its article.
func splitSozcu(text string) (title, body string) {
	text = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(text, "\r", " "), "\n", " "))
	if i := strings.Index(text, ". "); i > 0 && i <= 200 {
		title, text = strings.TrimSpace(text[:i+1]), strings.TrimSpace(text[i+2:])
	}
	if i := strings.Index(text, " ... "); i >= 0 {
		summary, rest := strings.TrimSpace(text[:i]), strings.TrimSpace(text[i+5:])
		// The article repeats the summary that was cut: keep the article.
		if len(summary) >= 20 && strings.HasPrefix(rest, summary[:20]) {
			text = rest
		}
	}
	return title, strings.Join(paragraphs(paraBreakRe.ReplaceAllString(text, "$1\n")), "\n\n")
}

var bilfrontDocRe = regexp.MustCompile(`(?s)<DOC>(.*?)</DOC>`)

// extractBilFront reads BilFront2009: Milliyet's news of 9 September to
// 31 October 2009, one XML-like file a day (datasetXML/YYYYMMDD.xml) of
// <DOC> elements with a number, a title and a text. The record number is
// the document's position in its day's file.
func extractBilFront(ctx context.Context, g gitDir, c Corpus) ([]Record, error) {
	xml, blobs, err := g.read(ctx, c.Commit, "datasetXML", func(f string) bool { return strings.HasSuffix(f, ".xml") })
	if err != nil {
		return nil, err
	}
	var recs []Record
	seen := make(map[string]bool)
	for _, f := range xml {
		day := strings.TrimSuffix(path.Base(f), ".xml")
		order, err := strconv.ParseInt(day, 10, 64)
		if err != nil || len(day) != 8 {
			continue
		}
		for n, m := range bilfrontDocRe.FindAllStringSubmatch(string(blobs[f]), -1) {
			fields := make(map[string]string)
			for _, t := range tagRe.FindAllStringSubmatch(m[1], -1) {
				if t[1] == t[3] {
					fields[t[1]] = t[2]
				}
			}
			no := strings.TrimSpace(fields["DOCNO"])
			body := strings.Join(paragraphs(paraBreakRe.ReplaceAllString(fields["TEXT"], "$1\n")), "\n\n")
			if no == "" || body == "" || seen[no] {
				continue
			}
			seen[no] = true
			recs = append(recs, Record{
				ID:       "bilfront/" + day + "/" + no,
				Lang:     "tr",
				Source:   "milliyet",
				Date:     day[:4] + "-" + day[4:6] + "-" + day[6:],
				Order:    order,
				Path:     f,
				RecordNo: n + 1,
				Title:    strings.TrimSpace(spaceRe.ReplaceAllString(html.UnescapeString(fields["TITLE"]), " ")),
				Body:     body,
			})
		}
	}
	return recs, nil
}

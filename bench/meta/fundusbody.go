package main

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/wiredesk/wiredesk/internal/fundus"
	"github.com/wiredesk/wiredesk/pkg/article"
)

// standfirstTally counts how the standfirst a tool set apart compares
// with the summary a fundus parser gives.
type standfirstTally struct {
	pages      int // pages the classifier kept
	summaries  int // of those, pages whose parser gives a summary
	found      int // a standfirst set apart that is the summary
	wrong      int // a standfirst set apart that is not the summary
	inBody     int // the summary left in the body
	elsewhere  int // the summary neither set apart nor in the body
	noSummary  int // a standfirst set apart on a page whose parser gives none
	wrongTexts []string
}

// runFundusBody scores the article body on flairNLP/fundus's parser test
// pages as the Zyte pages are scored, the reference being the parser's
// body (its sections, without the summary), and checks the standfirst
// against the parser's summary: the summary a publisher's hand-written
// parser sets apart is the standfirst. go-trafilatura, which has no such
// field, is scored on the summary and the body together, and so is
// wiredesk's standfirst with its body. Pages in languages out of the
// run's scope are dropped by the classifier and count as nothing kept.
func runFundusBody(dir string, w io.Writer, verbose bool) error {
	set, err := fundus.Load(dir)
	if err != nil {
		return err
	}
	cl, err := newClassifier()
	if err != nil {
		return err
	}
	var body, full, tfFull, trru tally
	var sf standfirstTally
	for _, p := range set.Pages {
		u, err := url.Parse(fundusURL(&p))
		if err != nil {
			return fmt.Errorf("fundus %s: %w", p.File, err)
		}
		var paras []string
		standfirst, dateline := "", ""
		pg, res, err := pipelinePage(cl, p.HTML, u, "fundus", false)
		if err != nil {
			return fmt.Errorf("fundus %s: %w", p.File, err)
		}
		if pg != nil && res.Article != nil {
			paras, standfirst = res.Article.Paragraphs, res.Article.Standfirst
			dateline = printedDateline(res.Article)
			sf.add(strings.Join(p.Summary, "\n"), standfirst, paras)
			if verbose && len(sf.wrongTexts) > 0 {
				for _, t := range sf.wrongTexts {
					fmt.Fprintf(w, "wiredesk %s standfirst not the summary: %.160s\n", p.File, t)
				}
				sf.wrongTexts = nil
			}
		} else {
			body.dropped++
			full.dropped++
		}
		missed, noise := body.add(p.Body(), paras, standfirst, dateline)
		if verbose {
			var dropped []article.Dropped
			var at []int
			if pg != nil && res.Article != nil {
				dropped = res.Article.Dropped
				at = paragraphBlocks(pg.Blocks, paras)
			}
			for _, m := range missed {
				fmt.Fprintf(w, "wiredesk %s missed (%s): %.120s\n", p.File, whyDropped(m, dropped, pg), m)
			}
			for _, n := range noise {
				where := ""
				for k, q := range paras {
					if q == n && at[k] >= 0 {
						where = fmt.Sprintf(" (%s #%d of %d)", describe(pg.Blocks[at[k]]), k, len(paras))
						break
					}
				}
				fmt.Fprintf(w, "wiredesk %s noise %d words%s: %.200s\n", p.File, len(tokens(n)), where, n)
			}
		}
		withSF := paras
		if standfirst != "" {
			withSF = append([]string{standfirst}, paras...)
		}
		full.add(p.Full(), withSF, "", dateline)
		if p.Country == "tr" || p.Country == "ru" {
			trru.add(p.Body(), paras, standfirst, dateline)
		}
		var tparas []string
		if r, err := trafilatura.Extract(bytes.NewReader(p.HTML), trafilatura.Options{OriginalURL: u}); err == nil && r != nil {
			tparas = strings.Split(r.ContentText, "\n")
		} else {
			tfFull.dropped++
		}
		tfFull.add(p.Full(), tparas, "", "")
	}
	fmt.Fprintf(w, "fundus, %d pages: the body against the parser's sections (the standfirst neither kept nor noise), and summary+body against both\n", len(set.Pages))
	body.print(w, "wiredesk body")
	trru.print(w, "  tr+ru only")
	full.print(w, "wiredesk standfirst+body")
	tfFull.print(w, "trafilatura")
	fmt.Fprintf(w, "standfirst: %d pages kept, %d with a parser summary: set apart and right %d, set apart but not the summary %d, left in the body %d, lost %d; set apart on a page with no summary %d\n",
		sf.pages, sf.summaries, sf.found, sf.wrong, sf.inBody, sf.elsewhere, sf.noSummary)
	return nil
}

// add compares the standfirst set apart on one kept page with the
// parser's summary ("" when it gives none).
func (s *standfirstTally) add(summary, standfirst string, paras []string) {
	s.pages++
	sumToks := tokens(summary)
	if len(sumToks) == 0 {
		if standfirst != "" {
			s.noSummary++
			s.wrongTexts = append(s.wrongTexts, standfirst)
		}
		return
	}
	s.summaries++
	switch {
	case standfirst != "" && covered(sumToks, shingleSet(tokens(standfirst))) >= 0.8:
		s.found++
	case standfirst != "":
		s.wrong++
		s.wrongTexts = append(s.wrongTexts, standfirst)
	case covered(sumToks, shingleSet(tokens(strings.Join(paras, "\n")))) >= 0.8:
		s.inBody++
		s.wrongTexts = append(s.wrongTexts, "(in the body) "+summary)
	default:
		s.elsewhere++
	}
}

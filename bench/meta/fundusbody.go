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
	cl, err := newClassifier(languages)
	if err != nil {
		return err
	}
	var body, tfBody, full, tfFull, trru tally
	var sf standfirstTally
	var noiseWhy causeTally
	var printed summaryTally
	for _, p := range set.Pages {
		u, err := url.Parse(fundusURL(&p))
		if err != nil {
			return fmt.Errorf("fundus %s: %w", p.File, err)
		}
		var paras []string
		standfirst, dateline, credit := "", "", ""
		pg, res, err := pipelinePage(cl, p.HTML, u, "fundus", false)
		if err != nil {
			return fmt.Errorf("fundus %s: %w", p.File, err)
		}
		if pg != nil && res.Article != nil {
			paras, standfirst = res.Article.Paragraphs, res.Article.Standfirst
			dateline = printedDateline(res.Article)
			credit = res.Article.Credit
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
		var tparas []string
		if r, err := trafilatura.Extract(bytes.NewReader(p.HTML), trafilatura.Options{OriginalURL: u}); err == nil && r != nil {
			tparas = strings.Split(r.ContentText, "\n")
		} else {
			tfFull.dropped++
		}
		// The reference body: the parser's sections, and its summary
		// where the page prints it (the article's own standfirst or lead,
		// which the parser stores apart).
		ref := printed.reference(&p, pg)
		missed, noise := body.add(ref, paras, standfirst, dateline, credit)
		title := ""
		if res.Article != nil {
			title = res.Article.Title
		}
		noiseWhy.addPage(p.File, pg, title, paras, noise, shingleSet(tokens(ref)))
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
				// Whether go-trafilatura's text holds it too: what it
				// drops that wiredesk keeps.
				tf := "dropped by trafilatura"
				if covered(tokens(n), shingleSet(tokens(strings.Join(tparas, "\n")))) >= 0.8 {
					tf = "kept by trafilatura"
				}
				fmt.Fprintf(w, "wiredesk %s noise %d words%s [%s]: %.200s\n", p.File, len(tokens(n)), where, tf, n)
			}
		}
		withSF := paras
		if standfirst != "" {
			withSF = append([]string{standfirst}, paras...)
		}
		full.add(p.Full(), withSF, "", dateline, credit)
		if p.Country == "tr" || p.Country == "ru" {
			trru.add(ref, paras, standfirst, dateline, credit)
		}
		tfFull.add(p.Full(), tparas, "", "", "")
		_, tnoise := tfBody.add(ref, tparas, "", "", "")
		if verbose {
			for _, n := range tnoise {
				fmt.Fprintf(w, "trafilatura %s noise %d words: %.200s\n", p.File, len(tokens(n)), n)
			}
		}
	}
	fmt.Fprintf(w, "fundus, %d pages: the body against the parser's sections and the summary where the page prints it (the standfirst neither kept nor noise), and summary+body against both\n", len(set.Pages))
	fmt.Fprintf(w, "parser summaries: %d paragraphs (%d words) on %d pages, printed on the page %d paragraphs (%d words), not printed %d (%d words)\n",
		printed.paras, printed.words, printed.pages, printed.printedParas, printed.printedWords, printed.paras-printed.printedParas, printed.words-printed.printedWords)
	body.print(w, "wiredesk body")
	noiseWhy.print(w, "wiredesk body")
	if verbose {
		noiseWhy.list(w, "wiredesk body")
	}
	tfBody.print(w, "trafilatura body")
	trru.print(w, "  tr+ru only")
	full.print(w, "wiredesk standfirst+body")
	tfFull.print(w, "trafilatura")
	fmt.Fprintf(w, "standfirst: %d pages kept, %d with a parser summary: set apart and right %d, set apart but not the summary %d, left in the body %d, lost %d; set apart on a page with no summary %d\n",
		sf.pages, sf.summaries, sf.found, sf.wrong, sf.inBody, sf.elsewhere, sf.noSummary)
	return nil
}

// summaryTally counts the parser summaries the pages print.
type summaryTally struct {
	pages, paras, words        int
	printedParas, printedWords int
}

// reference is the body a tool is scored against on page p: the
// parser's sections, after the summary's paragraphs the page prints (at
// least 80% of a paragraph's shingles in the page's visible blocks, pg:
// the text under the headline, not a meta description). A fundus parser
// keeps the standfirst or lead apart from the body; printed under the
// headline it is the article's text for issue 10 (its standfirst), not
// noise. A summary the page does not print (from a meta tag or a JSON-LD
// description) stays out, and so does all of it when the page does not
// build.
func (s *summaryTally) reference(p *fundus.Page, pg *article.Page) string {
	if len(p.Summary) == 0 {
		return p.Body()
	}
	s.pages++
	var page map[string]bool
	if pg != nil {
		var texts []string
		for _, b := range pg.Blocks {
			texts = append(texts, b.Text)
		}
		page = shingleSet(tokens(strings.Join(texts, "\n")))
	}
	var parts []string
	for _, para := range p.Summary {
		toks := tokens(para)
		if len(toks) == 0 {
			continue
		}
		s.paras++
		s.words += len(toks)
		if page != nil && covered(toks, page) >= 0.8 {
			s.printedParas++
			s.printedWords += len(toks)
			parts = append(parts, para)
		}
	}
	if len(parts) == 0 {
		return p.Body()
	}
	return strings.Join(parts, "\n") + "\n" + p.Body()
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

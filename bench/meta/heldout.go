package main

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/wiredesk/wiredesk/internal/heldout"
	"github.com/wiredesk/wiredesk/pkg/article"
)

// runHeldout measures paragraphs kept and noise on a held-out set, like
// runParagraphs on the Zyte pages. A page has no URL of its own: the
// fetcher's canonical URL stands in when the page gives one, so that a
// link to the page's own site is told from a citation.
func runHeldout(dir string, w io.Writer, verbose bool) error {
	pages, err := heldout.Load(dir)
	if err != nil {
		return err
	}
	cl, err := newClassifier()
	if err != nil {
		return err
	}
	base, _ := url.Parse("http://localhost/page.html")
	var wd, tf tally
	// The pages the classifier dropped whole, by its reason, and the
	// reference paragraphs they held: a tally over the set, which a
	// held-out set may print.
	dropPages, dropParas := map[string]int{}, map[string]int{}
	for _, p := range pages {
		if p.Kind == heldout.Spans {
			// One run of text: no paragraphs to count.
			continue
		}
		var paras []string
		var standfirst, dateline, credit string
		wd.title = ""
		var dropped []article.Dropped
		pg, res, err := pipelinePage(cl, p.HTML, base, "heldout", true)
		if err != nil {
			return fmt.Errorf("page %s: %w", p.Name, err)
		}
		if pg != nil {
			if res.Article != nil {
				paras, dropped = res.Article.Paragraphs, res.Article.Dropped
				standfirst = res.Article.Standfirst
				dateline = printedDateline(res.Article)
				credit = res.Article.Credit
				wd.title = res.Article.Title
			} else {
				wd.dropped++
				if verbose {
					fmt.Fprintf(w, "wiredesk %s: dropped %s (%s)\n", p.Name, res.Drop.Reason, res.Drop.Detail)
				}
			}
		} else {
			wd.dropped++
		}
		missed, noise := wd.add(p.Truth, paras, standfirst, dateline, credit)
		if pg == nil || res.Article == nil {
			reason := "fetch"
			if pg != nil {
				reason = res.Drop.Reason
				switch {
				case reason == article.DropLang:
					reason += " " + res.Drop.Lang
				case strings.HasPrefix(res.Drop.Detail, "listing"), strings.HasPrefix(res.Drop.Detail, "no prose"):
					reason += " (" + strings.SplitN(res.Drop.Detail, ":", 2)[0] + ")"
				}
			}
			dropPages[reason]++
			dropParas[reason] += len(missed)
		}
		if verbose {
			for _, m := range missed {
				fmt.Fprintf(w, "wiredesk %s missed (%s): %.120s\n", p.Name, whyDropped(m, dropped, pg), m)
			}
			for _, n := range noise {
				fmt.Fprintf(w, "wiredesk %s noise: %.120s\n", p.Name, n)
			}
			for _, n := range wd.titleTexts {
				fmt.Fprintf(w, "wiredesk %s title: %.120s\n", p.Name, n)
			}
		}
		var tparas []string
		tf.title = ""
		if r, err := trafilatura.Extract(bytes.NewReader(p.HTML), trafilatura.Options{OriginalURL: base}); err == nil && r != nil {
			tparas = strings.Split(r.ContentText, "\n")
			tf.title = r.Metadata.Title
		} else {
			tf.dropped++
		}
		tf.add(p.Truth, tparas, "", "", "")
	}
	fmt.Fprintf(w, "held-out %s, %d pages: reference paragraphs kept and noise, as on the Zyte pages\n", dir, len(pages))
	wd.print(w, "wiredesk")
	reasons := make([]string, 0, len(dropPages))
	for r := range dropPages {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		fmt.Fprintf(w, "wiredesk     pages without an article, %s: %d pages, %d reference paragraphs\n", r, dropPages[r], dropParas[r])
	}
	tf.print(w, "trafilatura")
	return nil
}

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
)

// runHeldout measures paragraphs kept and noise on a held-out set, like
// runParagraphs on the Zyte pages, in both language scopes (scope.go).
// A page has no URL of its own: the fetcher's canonical URL stands in
// when the page gives one, so that a link to the page's own site is told
// from a citation. Every line printed is a tally over the set, which a
// held-out set may print; -v lists single pages, for development sets.
func runHeldout(dir string, w io.Writer, verbose bool) error {
	pages, err := heldout.Load(dir)
	if err != nil {
		return err
	}
	narrow, err := newClassifier(languages)
	if err != nil {
		return err
	}
	every, err := newClassifier(everyLanguage())
	if err != nil {
		return err
	}
	base, _ := url.Parse("http://localhost/page.html")
	var wd, wdEvery, wdReal, wdFiller, tf tally
	// The pages the classifier dropped whole in the narrow scope, by its
	// reason, and the reference paragraphs they held.
	dropPages, dropParas := map[string]int{}, map[string]int{}
	why := newCauses()
	var noiseWhy causeTally
	var outNarrow, outEvery, fillerNarrowLang int
	for _, p := range pages {
		if p.Kind == heldout.Spans {
			// One run of text: no paragraphs to count.
			continue
		}
		o, err := runPage(narrow, p.HTML, base, "heldout", true)
		if err != nil {
			return fmt.Errorf("page %s: %w", p.Name, err)
		}
		missed, wnoise := scoreOutcome(&wd, p.Truth, o, true)
		noiseWhy.addPage(p.Name, o.pg, o.title, o.paras, wnoise, shingleSet(tokens(p.Truth)))
		if o.noArticle != "" {
			dropPages[o.noArticle]++
			dropParas[o.noArticle] += len(missed)
		}
		filler := placeholder(p.Truth)
		if o.lostToLanguage() {
			outNarrow++
			if filler {
				fillerNarrowLang++
			}
		}
		oe, err := runPage(every, p.HTML, base, "heldout", true)
		if err != nil {
			return fmt.Errorf("page %s: %w", p.Name, err)
		}
		if oe.lostToLanguage() {
			outEvery++
		}
		missed, noise := scoreOutcome(&wdEvery, p.Truth, oe, true)
		if filler {
			scoreOutcome(&wdFiller, p.Truth, oe, true)
		} else {
			scoreOutcome(&wdReal, p.Truth, oe, true)
		}
		for _, m := range missed {
			c := missCause(m, oe.paras, oe.dropped, oe.pg, oe.noArticle)
			why.add(c, p.Name)
			if verbose {
				fmt.Fprintf(w, "wiredesk %s missed (%s): %.120s\n", p.Name, c, m)
			}
		}
		if verbose {
			for _, n := range noise {
				fmt.Fprintf(w, "wiredesk %s noise: %.120s\n", p.Name, n)
			}
			for _, n := range wdEvery.titleTexts {
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
	fmt.Fprintf(w, "held-out %s, %d pages: reference paragraphs kept and noise, as on the Zyte pages; wiredesk: the 12 languages of earlier sessions in scope, wd-every: every language the detector knows, wd-real: the same without the pages whose reference is placeholder Latin (lorem ipsum), wd-filler: those pages alone\n", dir, len(pages))
	wd.print(w, "wiredesk")
	reasons := make([]string, 0, len(dropPages))
	for r := range dropPages {
		reasons = append(reasons, r)
	}
	sort.Strings(reasons)
	for _, r := range reasons {
		fmt.Fprintf(w, "wiredesk     pages without an article, %s: %d pages, %d reference paragraphs\n", r, dropPages[r], dropParas[r])
	}
	noiseWhy.print(w, "wiredesk")
	if verbose {
		noiseWhy.list(w, "wiredesk")
	}
	wdEvery.print(w, "wd-every")
	wdReal.print(w, "wd-real")
	wdFiller.print(w, "wd-filler")
	fmt.Fprintf(w, "scope        pages out of scope (dropped for their language): 12 languages %d (%d of them placeholder), every language %d; placeholder pages %d\n",
		outNarrow, fillerNarrowLang, outEvery, wdFiller.pages)
	why.print(w, "wd-every")
	tf.print(w, "trafilatura")
	return nil
}

// scoreOutcome adds one page's outcome to t, with the headline the tool
// gave when title is set (tally.title), and returns the reference
// paragraphs it missed and its noise paragraphs.
func scoreOutcome(t *tally, truth string, o outcome, title bool) (missed, noise []string) {
	if o.noArticle != "" {
		t.dropped++
	}
	t.title = ""
	if title {
		t.title = o.title
	}
	return t.add(truth, o.paras, o.standfirst, o.dateline, o.credit)
}

package main

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/wiredesk/wiredesk/internal/zyte"
	"github.com/wiredesk/wiredesk/pkg/article"
)

// languages are the narrow scope (scope.go): the twelve languages the
// benchmarks were first run with. The Zyte set is mostly English, with
// Portuguese, Russian, Italian, Malay and others.
var languages = []string{"en", "pt", "ru", "it", "de", "fr", "es", "tr", "pl", "uk", "ms", "id"}

// tally counts reference paragraphs kept and the text that is noise.
type tally struct {
	pages, dropped     int
	refParas, kept     int
	outWords, noiseWds int
	// standfirst counts reference paragraphs that are the article's
	// standfirst, scored neither as kept nor as missed.
	standfirst      int
	standfirstTexts []string // of the last page, for -v
	// credits counts reference paragraphs that are a photo or text
	// credit the tool moved into its credit field, scored neither as
	// kept nor as missed.
	credits     int
	creditTexts []string // of the last page, for -v
	// shingles counts the output's 3-token shingles (a paragraph's
	// tokens when it has fewer than three) and shingleNoise those not in
	// the reference: noise that does not depend on where a tool breaks
	// its lines. go-trafilatura's text has one or two lines a page, and a
	// page's whole text as one paragraph is never noise by paragraph.
	shingles, shingleNoise int
	// title, when set (by -heldout, before each add), is the headline
	// the tool gave the article: references that print the headline
	// above the text (CleanEval, L3S-GN1, Big9, Chaos) hold it as a
	// paragraph, which issue 10 puts in the title field, not the body.
	// A reference paragraph it holds is neither kept nor missed, and
	// counted as "title paragraphs". The Zyte and fundus references
	// leave the headline out; there it stays unset.
	title      string
	titles     int
	titleTexts []string // of the last page, for -v
}

// add scores one page: paras are the body's paragraphs, standfirst the
// summary the tool set apart ("" when none), dateline the place (and
// agency) the tool cut off the lead into a field of its own ("" when
// none). The standfirst is neither body nor noise: a reference paragraph
// it holds is left out of the count (some references print the summary,
// some leave it out), and its words are not output. The dateline is the
// article's text, moved by the schema: read before the first paragraph,
// as the page prints it, it keeps a reference paragraph that holds it
// ("LOS ANGELES (AP) — " before a short lead, or the place alone on its
// own line), and its words are not output either.
//
// credit is the tool's credit field ("" when none): issue 10 keeps photo
// and text credits out of the body, so a reference paragraph it holds
// ("Фото:" / "личный архив …" under each photo) is, like the
// standfirst, neither kept nor missed, and printed as "credit paragraphs".
func (t *tally) add(truth string, paras []string, standfirst, dateline, credit string) (missed []string, noise []string) {
	t.pages++
	t.standfirstTexts = t.standfirstTexts[:0]
	t.creditTexts = t.creditTexts[:0]
	t.titleTexts = t.titleTexts[:0]
	ref := tokens(truth)
	refSet := shingleSet(ref)
	outSet := shingleSet(tokens(strings.Join(paras, "\n")))
	dl := tokens(dateline)
	if len(dl) > 0 {
		// The dateline's shingles with the lead's start, not its single
		// words: "Reuters" alone would keep a copyright line ("©
		// Reuters") the cleaner rightly dropped.
		lead := dl
		if len(paras) > 0 {
			lead = append(dl[:len(dl):len(dl)], tokens(paras[0])...)
		}
		for i := 0; i+3 <= len(lead); i++ {
			outSet[strings.Join(lead[i:i+3], " ")] = true
		}
	}
	var sfSet, crSet map[string]bool
	if standfirst != "" {
		sfSet = shingleSet(tokens(standfirst))
	}
	if credit != "" {
		crSet = shingleSet(tokens(credit))
	}
	var tiSet map[string]bool
	if t.title != "" {
		tiSet = shingleSet(tokens(t.title))
	}
	for _, p := range strings.Split(truth, "\n") {
		toks := tokens(p)
		if len(toks) == 0 {
			continue
		}
		if sfSet != nil && covered(toks, sfSet) >= 0.8 && covered(toks, outSet) < 0.8 {
			t.standfirst++
			t.standfirstTexts = append(t.standfirstTexts, p)
			continue
		}
		if crSet != nil && covered(toks, crSet) >= 0.8 && covered(toks, outSet) < 0.8 {
			t.credits++
			t.creditTexts = append(t.creditTexts, p)
			continue
		}
		if tiSet != nil && covered(toks, tiSet) >= 0.8 && covered(toks, outSet) < 0.8 {
			t.titles++
			t.titleTexts = append(t.titleTexts, p)
			continue
		}
		t.refParas++
		if covered(toks, outSet) >= 0.8 || len(toks) < 3 && slices.Equal(toks, dl) {
			t.kept++
		} else {
			missed = append(missed, p)
		}
	}
	for _, p := range paras {
		toks := tokens(p)
		t.outWords += len(toks)
		t.countShingles(toks, refSet)
		if len(toks) > 0 && covered(toks, refSet) < 0.2 {
			t.noiseWds += len(toks)
			noise = append(noise, p)
		}
	}
	return missed, noise
}

// countShingles adds a paragraph's shingles, and those not in the
// reference's set, to the shingle noise.
func (t *tally) countShingles(toks []string, refSet map[string]bool) {
	if len(toks) < 3 {
		for _, k := range toks {
			t.shingles++
			if !refSet[k] {
				t.shingleNoise++
			}
		}
		return
	}
	for i := 0; i+3 <= len(toks); i++ {
		t.shingles++
		if !refSet[strings.Join(toks[i:i+3], " ")] {
			t.shingleNoise++
		}
	}
}

// shingleSet holds the 3-token shingles of a token list, and single tokens
// for texts shorter than that.
func shingleSet(toks []string) map[string]bool {
	m := make(map[string]bool)
	for i := range toks {
		m[toks[i]] = true
		if i+3 <= len(toks) {
			m[strings.Join(toks[i:i+3], " ")] = true
		}
	}
	return m
}

// covered is the share of a paragraph's shingles found in set.
func covered(toks []string, set map[string]bool) float64 {
	if len(toks) < 3 {
		n := 0
		for _, t := range toks {
			if set[t] {
				n++
			}
		}
		return float64(n) / float64(len(toks))
	}
	n, all := 0, 0
	for i := 0; i+3 <= len(toks); i++ {
		all++
		if set[strings.Join(toks[i:i+3], " ")] {
			n++
		}
	}
	return float64(n) / float64(all)
}

func (t *tally) print(w io.Writer, name string) {
	fmt.Fprintf(w, "%-12s pages %3d (no article on %2d)  paragraphs kept %5d/%5d = %.3f  noise in body %6d/%6d words = %.4f  standfirst paragraphs %d  credit paragraphs %d  title paragraphs %d  noise by shingle %d/%d = %.4f\n",
		name, t.pages, t.dropped, t.kept, t.refParas, ratio(t.kept, t.refParas), t.noiseWds, t.outWords, ratio(t.noiseWds, t.outWords), t.standfirst, t.credits, t.titles,
		t.shingleNoise, t.shingles, ratio(t.shingleNoise, t.shingles))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func runParagraphs(dir string, w io.Writer, verbose bool) error {
	pages, err := zyte.Load(dir)
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
	var wd, wdEvery, tf tally
	why := newCauses()
	var noiseWhy causeTally
	var outNarrow, outEvery int
	for _, p := range pages {
		u, err := url.Parse(p.URL)
		if err != nil {
			return fmt.Errorf("page %s: %w", p.ID, err)
		}
		o, err := runPage(narrow, p.HTML, u, "zyte", false)
		if err != nil {
			return fmt.Errorf("page %s: %w", p.ID, err)
		}
		if o.lostToLanguage() {
			outNarrow++
		}
		_, wnoise := scoreOutcome(&wd, p.Truth, o, false)
		noiseWhy.addPage(p.ID, o.pg, o.title, o.paras, wnoise, shingleSet(tokens(p.Truth)))
		oe, err := runPage(every, p.HTML, u, "zyte", false)
		if err != nil {
			return fmt.Errorf("page %s: %w", p.ID, err)
		}
		if oe.lostToLanguage() {
			outEvery++
		}
		missed, noise := scoreOutcome(&wdEvery, p.Truth, oe, false)
		if verbose && oe.noArticle != "" && oe.res.Drop != nil {
			fmt.Fprintf(w, "wiredesk %s: dropped %s (%s)\n", p.ID, oe.res.Drop.Reason, oe.res.Drop.Detail)
		}
		for _, m := range missed {
			c := missCause(m, oe.paras, oe.dropped, oe.pg, oe.noArticle)
			why.add(c, p.ID)
			if verbose {
				fmt.Fprintf(w, "wiredesk %s missed (%s; %s): %.120s\n", p.ID, c, whyDropped(m, oe.dropped, oe.pg), m)
			}
		}
		if verbose {
			for _, m := range wdEvery.standfirstTexts {
				fmt.Fprintf(w, "wiredesk %s standfirst (neither kept nor missed): %.120s\n", p.ID, m)
			}
			for _, m := range wdEvery.creditTexts {
				fmt.Fprintf(w, "wiredesk %s credit (neither kept nor missed): %.120s\n", p.ID, m)
			}
			var at []int
			if oe.pg != nil {
				at = paragraphBlocks(oe.pg.Blocks, oe.paras)
			}
			for _, n := range noise {
				where := ""
				for k, q := range oe.paras {
					if q == n && at[k] >= 0 {
						where = " (" + describe(oe.pg.Blocks[at[k]]) + ")"
						break
					}
				}
				fmt.Fprintf(w, "wiredesk %s noise %d words%s: %.120s\n", p.ID, len(tokens(n)), where, n)
			}
		}
		var tparas []string
		r, err := trafilatura.Extract(bytes.NewReader(p.HTML), trafilatura.Options{OriginalURL: u})
		if err == nil && r != nil {
			tparas = strings.Split(r.ContentText, "\n")
		} else {
			tf.dropped++
		}
		tf.add(p.Truth, tparas, "", "", "")
	}
	fmt.Fprintf(w, "Zyte benchmark, %d pages: reference paragraphs kept (>= 80%% of a paragraph's 3-token shingles in the output) and noise (output paragraphs with < 20%% of their shingles in the reference); wiredesk: the 12 languages of earlier sessions in scope, wd-every: every language the detector knows\n", len(pages))
	wd.print(w, "wiredesk")
	noiseWhy.print(w, "wiredesk")
	if verbose {
		noiseWhy.list(w, "wiredesk")
	}
	wdEvery.print(w, "wd-every")
	fmt.Fprintf(w, "scope        pages out of scope (dropped for their language): 12 languages %d, every language %d\n", outNarrow, outEvery)
	why.print(w, "wd-every")
	tf.print(w, "trafilatura")
	return nil
}

// paragraphBlocks finds the block each kept paragraph came from (the
// cleaner may have cut furniture off its start), -1 when none does.
func paragraphBlocks(blocks []article.Block, paras []string) []int {
	at := make([]int, len(paras))
	next := 0
	for k, q := range paras {
		at[k] = -1
		for i := next; i < len(blocks); i++ {
			if strings.HasSuffix(strings.TrimSpace(blocks[i].Text), q) {
				at[k], next = i, i+1
				break
			}
		}
	}
	return at
}

// describe says where a block sat: its zone, tag and link density.
func describe(b article.Block) string {
	return fmt.Sprintf("%s %s ld=%.2f", b.Zone, b.Tag, b.LinkDensity)
}

// whyDropped is the reason the cleaner gave for the block a missed
// reference paragraph is in, with the block's zone; "not extracted" when
// no dropped block holds it.
func whyDropped(m string, dropped []article.Dropped, pg *article.Page) string {
	toks := tokens(m)
	for _, d := range dropped {
		if covered(toks, shingleSet(tokens(d.Text))) >= 0.8 {
			if pg != nil && d.I >= 0 && d.I < len(pg.Blocks) {
				return d.Reason + " " + describe(pg.Blocks[d.I])
			}
			return d.Reason
		}
	}
	return "not extracted"
}

// printedDateline is the dateline as the page printed it: the piece the
// cleaner cut off the lead for the article's dateline field ("LOS
// ANGELES (AP) —" for "LOS ANGELES"), or the field alone when no cut
// piece holds it.
func printedDateline(a *article.Article) string {
	if a.Dateline == "" {
		return ""
	}
	for _, d := range a.Dropped {
		if d.Reason == article.ReasonDateline && strings.Contains(d.Text, a.Dateline) {
			return d.Text
		}
	}
	return a.Dateline
}

package clean

import (
	"regexp"
	"strings"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// The standfirst (the deck, the summary a template prints under the
// headline) is the story in brief, set apart from the article's text: the
// analyst reads it in a field of its own (Meta.Standfirst), and the body
// holds the article's paragraphs only.

// Bounds of a standfirst: a sentence or two.
const (
	minStandfirstWords = 5
	maxStandfirstWords = 60
)

// standfirst moves the summary under the headline out of the body: the
// one block kept between the headline (the page's first h1 outside the
// site's furniture) and the byline or date line, when the article's
// running text follows them. The byline and the date open the article
// proper; the block above them is the headline's deck. Without a byline or
// date line between, the block under the headline is as often the lead
// itself, with a photo after it, and stays.
func standfirst(in Input, vs []verdict, res *Result, lc func(string) string) {
	title := setOf(words(lc(in.Title))...)
	h1 := headlineAt(in, title, lc)
	if h1 < 0 {
		return
	}
	cand := -1
	// dated: the date line came between the headline and the summary
	// ("Stand: 28.04.2023 16:11 Uhr"); then only a byline under the
	// summary tells it from the lead. kickers: short lines skipped
	// before the summary; moved: the candidate moved once, off the
	// headline's second form.
	dated, kickers, moved := false, 0, false
	for n := h1 + 1; n < len(vs); n++ {
		b, v := in.Blocks[n], vs[n]
		kept := v.reason == "" && v.text != ""
		switch {
		case cand < 0 && kept && kickers < 2 && kicker(b, v.text):
			// A kicker over the headline's second form ("Experten
			// analysieren", "UN-Generalversammlung").
			kickers++
		case cand >= 0 && !moved && kept && secondHeadline(in.Blocks[cand], vs[cand].text) && b.Level == 0 && deckSized(v.text):
			// The candidate was the headline printed again in other
			// words, as an h2 with no full stop; the deck is under it.
			cand, moved = n, true
		case cand < 0 && kept:
			nw := countWordsTo(v.text, maxStandfirstWords+1)
			if nw < minStandfirstWords || nw > maxStandfirstWords || b.Level > 3 || capsHeading(v.text) || nameLine(v.text) ||
				datedLine(v.text) || headlineAgain(title, words(lc(v.text))) {
				// Too short or too long for a summary, a minor heading,
				// a label, a line of names (the byline), a date line,
				// the headline again with a kicker.
				return
			}
			cand = n
		case cand < 0:
			if !dated && kickers == 0 && (datedLine(b.Text) || b.Zone == article.ZoneHeader && trailMeta(b, lc) && !creditTrail(b, v)) {
				// The date before the summary: a byline under it may
				// still set it apart.
				dated = true
				continue
			}
			if metaLine(b, v, lc) || b.Zone == article.ZoneHeader || datedLine(b.Text) {
				// The byline, the date or the template's header before
				// any summary: what follows is the article.
				return
			}
		case kept && label(v.text):
			// "Author of the article:" over the name: the byline's label.
		case metaLine(b, v, lc) || kept && b.Level == 0 && bylineShaped(v.text) && metaNext(in, vs, n, lc) ||
			trailMeta(b, lc):
			if !bodyAfter(vs, n) || dated && !creditTrail(b, v) {
				return
			}
			c := &vs[cand]
			res.Meta.Standfirst = c.text
			c.reason, c.body, c.heading = article.ReasonStandfirst, false, false
			return
		case kept:
			return
		}
	}
}

// headlineAt returns the index of the headline, -1 when none: the first
// h1 outside the site's furniture, or an h2 printing the title again when
// the template put its h1 in a zone of furniture.
func headlineAt(in Input, title map[string]bool, lc func(string) string) int {
	for n, b := range in.Blocks {
		if _, furniture := zoneReasons[b.Zone]; furniture {
			continue
		}
		if b.Level == 1 || b.Level == 2 && headlineAgain(title, words(lc(b.Text))) {
			return n
		}
	}
	return -1
}

// metaLine reports a byline or a date line: a line the cleaner took for
// one, a line that only credits people wherever the template put it (a
// linked "By Name" in a related or header zone), or the template's date
// in a header zone.
func metaLine(b Block, v verdict, lc func(string) string) bool {
	switch {
	case v.reason == article.ReasonCredit || v.reason == article.ReasonDateline:
		return true
	case b.Level == 0 && countWordsTo(b.Text, 12) <= 12 && creditLine(strings.TrimSpace(b.Text)):
		return true
	case b.Zone != article.ZoneHeader:
		return false
	}
	text := strings.TrimSpace(b.Text)
	if _, _, ok := dateLine(text); ok {
		return true
	}
	return dateOnlyLine(lc(text))
}

// trailMeta reports the byline or the date line under a deck, whatever
// zone the template put it in and whatever the first pass made of it: a
// short line that credits people ("Von Anna Kaya, Redakteurin", "By X"),
// or that prints a date, or a clock time with its label or a year, among
// few words ("Publiziert: 01.07.2023, 11:16", "Online seit heute, 7.57
// Uhr", "Frankfurt, October 23, 2024, 3:48 Uhr").
func trailMeta(b Block, lc func(string) string) bool {
	text := strings.TrimSpace(b.Text)
	n := countWordsTo(text, maxTrailWords+1)
	if n == 0 || n > maxTrailWords || b.Level > 0 {
		return false
	}
	if creditLine(text) || datedLine(text) || dateOnlyLine(lc(text)) {
		return true
	}
	lower := lc(text)
	if bylineOpenerRE.MatchString(text) && n <= 10 {
		return true
	}
	// A caption dates its picture: a year there is no date line.
	return n <= 10 && (clockRE.MatchString(lower) || b.Zone != article.ZoneCaption && yearRE.MatchString(lower))
}

// creditTrail reports a line that credits people: the byline under a
// summary whose date came above it.
func creditTrail(b Block, v verdict) bool {
	text := strings.TrimSpace(b.Text)
	n := countWordsTo(text, maxTrailWords+1)
	return n > 0 && n <= maxTrailWords && (v.reason == article.ReasonCredit || creditLine(text) || bylineOpenerRE.MatchString(text))
}

// kicker reports a short line over a headline: a few words, no sentence,
// no date, no names.
func kicker(b Block, text string) bool {
	text = strings.TrimSpace(text)
	return b.Level == 0 && countWordsTo(text, minStandfirstWords) < minStandfirstWords &&
		!strings.ContainsAny(lastRune(text), ".!?") && !nameLine(text) && !datedLine(text)
}

// secondHeadline reports a heading with no full stop at its end: the
// headline in other words, not a deck of sentences.
func secondHeadline(b Block, text string) bool {
	text = strings.TrimSpace(text)
	return (b.Level == 2 || b.Level == 3) && !strings.HasSuffix(text, ".")
}

// deckSized reports a block of a summary's length ending a sentence.
func deckSized(text string) bool {
	text = strings.TrimSpace(text)
	nw := countWordsTo(text, maxStandfirstWords+1)
	return nw >= minStandfirstWords && nw <= maxStandfirstWords && strings.ContainsAny(lastRune(text), ".!?…\"»“”")
}

func lastRune(s string) string {
	if s == "" {
		return ""
	}
	r := []rune(s)
	return string(r[len(r)-1])
}

// maxTrailWords bounds a byline or date line under a deck.
const maxTrailWords = 14

var (
	// "Von Anna Kaya", "By X", "Par X", "Por X", "Door X": a credit's
	// opening word, then a capitalised name.
	bylineOpenerRE = regexp.MustCompile(`^(?i:by|von|par|por|door|av|di|yazan|от)\s+\p{Lu}`)
	// A clock time with its label: "11.08 Uhr", "16:48 saat", "7:57 pm", "12:30 мск".
	clockRE = regexp.MustCompile(`(?:^|[^\d])(?:[01]?\d|2[0-3])[:.][0-5]\d:?\s*(?:uhr|saat|am|pm|a\.m\.|p\.m\.|мск|h)(?:[^\p{L}]|$)`)
	// A year of this century or the last.
	yearRE = regexp.MustCompile(`(?:^|[^\d])(?:19|20)\d\d(?:[^\d]|$)`)
)

// bylineShaped reports a short line of names the first pass kept (no role
// word it knows names them credits: "Ayşe Kaya Murat Koç", "Autor: Anna
// Trechsel, Sweidah").
func bylineShaped(text string) bool {
	n := countWordsTo(text, 13)
	return n >= 2 && n <= 12 && !paragraphShaped(text) && nameLine(text)
}

// headlineAgain reports words most of which (six in ten) are the title's:
// the headline printed again, perhaps with a kicker glued to it.
func headlineAgain(title map[string]bool, ws []string) bool {
	in := 0
	for _, w := range ws {
		if title[w] {
			in++
		}
	}
	return len(ws) > 0 && in*10 >= len(ws)*6
}

// metaNext reports a byline or date line among the few blocks after n:
// a line of names is the byline when the date follows it.
func metaNext(in Input, vs []verdict, n int, lc func(string) string) bool {
	for k := n + 1; k < len(vs) && k <= n+3; k++ {
		if metaLine(in.Blocks[k], vs[k], lc) {
			return true
		}
	}
	return false
}

// datedLine reports a line the cleaner reads a printed date in.
func datedLine(text string) bool {
	_, _, ok := dateLine(strings.TrimSpace(text))
	return ok
}

// label reports a few words ending in a colon: a label over the line that
// follows it.
func label(text string) bool {
	text = strings.TrimSpace(text)
	return strings.HasSuffix(text, ":") && countWordsTo(text, 5) <= 4
}

// bodyAfter reports a paragraph of the article after block n.
func bodyAfter(vs []verdict, n int) bool {
	for _, v := range vs[n+1:] {
		if v.body && v.reason == "" {
			return true
		}
	}
	return false
}

// sentenceHeading reports a heading (h2-h4) written as sentences: ten
// words or more ending in a full stop. A section's title has neither; the
// template set it apart as a heading, and its text says it is the story in
// brief.
func sentenceHeading(b Block, text string) bool {
	return b.Level >= 2 && b.Level <= 4 && deckSized(text) && countWordsTo(text, minSentenceHeadingWords) >= minSentenceHeadingWords
}

// minSentenceHeadingWords: a heading this long, ending in a full stop,
// reads as sentences.
const minSentenceHeadingWords = 10

// maxDeckBlocks bounds a summary the markup prints as a list of points;
// minDeckWords is the least a summary the markup marks says: a bold line
// of fewer words is a sub-heading ("What's new in 2.26?").
const (
	maxDeckBlocks = 4
	minDeckWords  = 8
)

// A list of points in the template's header is a summary of
// minPointBlocks to maxPointBlocks items.
const (
	minPointBlocks = 2
	maxPointBlocks = 6
)

// headerPoint reports a point of a list the extractor zoned as the
// template's header: an unlinked item of a clause or more (a menu's items
// are links, a label is a word or two). Its words, not a class, tell a
// summary's points from the header's furniture.
func headerPoint(b Block) bool {
	if b.Zone != article.ZoneHeader || b.Tag != "li" || b.LinkDensity > 0 {
		return false
	}
	text := strings.TrimSpace(b.Text)
	nw := countWordsTo(text, maxStandfirstWords+1)
	return nw >= minStandfirstWords && nw <= maxStandfirstWords/2 && !datedLine(text) && !nameLine(text)
}

// headlineAbove reports the headline (an h1 saying the title again, in
// whatever zone) before block n, with only the header's blocks between:
// the points under it are the story's, not a list further down.
func headlineAbove(in Input, n int, title map[string]bool, lc func(string) string) bool {
	for i := n - 1; i >= 0; i-- {
		b := in.Blocks[i]
		if b.Level == 1 {
			return headlineAgain(title, words(lc(b.Text)))
		}
		if b.Zone != article.ZoneHeader && b.Zone != article.ZoneHeading {
			return false
		}
	}
	return false
}

// deckStandfirst sets apart the summary the page's markup marks as one
// (Block.Deck: a lead, intro or summary class, or a paragraph all in
// bold; or a heading written as sentences, sentenceHeading) where it
// opens the article: the first kept blocks of running
// text after the headline (from the page's top when none is found), its
// kickers, the byline, the date and the captions, whatever order the
// template gives them. The markup must set
// it apart from what follows: the paragraph after it is not so marked,
// or a template that prints its whole text in bold or under an "intro"
// class would lose its lead. A points list ("Key takeaways") counts as
// one summary of up to maxDeckBlocks items.
func deckStandfirst(in Input, vs []verdict, res *Result, lc func(string) string) {
	if res.Meta.Standfirst != "" {
		return
	}
	title := setOf(words(lc(in.Title))...)
	var run []int
	total := 0
	h1 := headlineAt(in, title, lc)
	// points: the run is a list of points the template's header prints
	// under the headline (headerPoints), not blocks the markup marks.
	points := false
	// What comes before the headline (a breadcrumb, a rubric) is not
	// the article's opening.
	for n := h1 + 1; n < len(vs); n++ {
		b, v := in.Blocks[n], vs[n]
		if len(run) > 0 && b.Deck && v.reason == article.ReasonUnrelated {
			// A point of the summary, outside the container, that
			// relatedness judged alone: the markup says it is the
			// summary's.
			v.reason, v.text = "", b.Text
		}
		if points {
			if headerPoint(b) && len(run) < maxPointBlocks && total+countWords(b.Text) <= maxStandfirstWords {
				run, total = append(run, n), total+countWords(b.Text)
				continue
			}
			if len(run) < minPointBlocks {
				return
			}
			break
		}
		if len(run) == 0 && v.reason == article.ReasonBoilerplate && headerPoint(b) && n+1 < len(vs) && headerPoint(in.Blocks[n+1]) && headlineAbove(in, n, title, lc) {
			// The story's points under the headline, in the
			// template's header ("Story highlights" over three
			// unlinked sentences): the summary, however the header
			// is named.
			run, total, points = []int{n}, countWords(b.Text), true
			continue
		}
		if len(run) == 0 && h1 >= 0 && v.reason == article.ReasonUnrelated && !v.after && sentenceHeading(b, strings.TrimSpace(b.Text)) {
			// A heading written as sentences under the headline, which
			// relatedness judged alone (its words are not the
			// title's): the deck, as the markup prints it.
			v.reason, v.text = "", b.Text
		}
		if v.reason != "" || v.text == "" {
			continue
		}
		text := strings.TrimSpace(v.text)
		nw := countWordsTo(text, maxStandfirstWords+1)
		marked := b.Deck || sentenceHeading(b, text)
		if len(run) > 0 {
			if b.Deck && b.Tag == in.Blocks[run[0]].Tag && len(run) < maxDeckBlocks && total+nw <= maxStandfirstWords && deckSized(text) {
				run, total = append(run, n), total+nw
				continue
			}
			if marked {
				return
			}
			break
		}
		if !marked {
			if b.Level > 0 || nw < minStandfirstWords || label(text) || nameLine(text) || datedLine(text) ||
				trailMeta(b, lc) || kicker(b, text) || headlineAgain(title, words(lc(text))) {
				// The headline, a kicker, a second headline, the
				// byline or the date: the article has not begun.
				continue
			}
			return
		}
		// A heading the markup marks may be a second headline's words
		// with no full stop ("Как развеселили себя президент России и
		// премьер Малайзии" under a pun): a deck still, not a section's
		// title, when it says that much.
		deckHeading := b.Deck && (b.Level == 2 || b.Level == 3) && nw >= minDeckWords && nw <= maxStandfirstWords
		if !deckSized(text) && !deckHeading || datedLine(text) || headlineAgain(title, words(lc(text))) {
			// A second headline or a line in bold (a score, a
			// sub-heading), not sentences summing the story up.
			return
		}
		run, total = []int{n}, nw
	}
	if len(run) == 0 || total < minDeckWords || !bodyAfter(vs, run[len(run)-1]) {
		return
	}
	parts := make([]string, 0, len(run))
	for _, n := range run {
		c := &vs[n]
		text := c.text
		if c.reason == article.ReasonUnrelated || points {
			text = in.Blocks[n].Text
		}
		parts = append(parts, strings.TrimSpace(text))
		c.reason, c.body, c.heading = article.ReasonStandfirst, false, false
	}
	res.Meta.Standfirst = strings.Join(parts, "\n")
}

// headerDeck sets apart the deck a template prints under a headline the
// first pass dropped: the headline (an h1 or h2 saying the title) before
// any paragraph of the article, in whatever zone, and as the next block
// with words a summary the markup sets apart (a heading h2-h4, or a
// paragraph marked as a deck), unlinked, of a sentence's length, and no
// byline, date, label or the headline again, which the first pass
// dropped with a zone of furniture (the header, or an aside or related
// box the extractor took the story's head for) or judged alone
// (unrelated: its words are not the title's). standfirst and
// deckStandfirst read what the first pass kept, so they never see it,
// and the summary was lost.
func headerDeck(in Input, vs []verdict, res *Result, lc func(string) string) {
	if res.Meta.Standfirst != "" {
		return
	}
	title := setOf(words(lc(in.Title))...)
	h1 := -1
	for n, b := range in.Blocks {
		if vs[n].reason == "" && vs[n].body {
			// The article began with no headline above it.
			return
		}
		if (b.Level == 1 || b.Level == 2) && headlineAgain(title, words(lc(b.Text))) {
			h1 = n
			break
		}
	}
	if h1 < 0 {
		return
	}
	n := h1 + 1
	for n < len(in.Blocks) && strings.TrimSpace(in.Blocks[n].Text) == "" {
		n++
	}
	if n >= len(in.Blocks) {
		return
	}
	b, v := in.Blocks[n], vs[n]
	text := strings.TrimSpace(b.Text)
	nw := countWordsTo(text, maxStandfirstWords+1)
	marked := b.Level == 0 && b.Deck || b.Level >= 2 && b.Level <= 4
	dropped := deckZone(b.Zone) && v.reason == zoneReasons[b.Zone] || v.reason == article.ReasonUnrelated && !v.after
	if !dropped || b.LinkDensity > 0 || !marked ||
		nw < minStandfirstWords || nw > maxStandfirstWords || capsHeading(text) || nameLine(text) || datedLine(text) ||
		label(text) || trailMeta(b, lc) || headlineAgain(title, words(lc(text))) || !bodyAfter(vs, n) {
		return
	}
	res.Meta.Standfirst = text
	vs[n].reason, vs[n].body, vs[n].heading = article.ReasonStandfirst, false, false
}

// deckZone reports a zone of furniture a template's head may be put in:
// the header, or a box the extractor zoned as an aside or related links.
func deckZone(z article.Zone) bool {
	return z == article.ZoneHeader || z == article.ZoneAside || z == article.ZoneRelated
}

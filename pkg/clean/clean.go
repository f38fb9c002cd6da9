// Package clean decides, block by block, what of a page is the article:
// it drops navigation, sidebars, teasers, boilerplate, repeated and foreign
// blocks, and moves the furniture a template glues onto the text (datelines,
// photo credits, agency tags, source lines) into metadata.
//
// Each block gets one verdict with a reason. The signals are the fetcher's
// zone hint, link density, the shape of the text (a headline is short and
// has no final punctuation), its language against the article's, its
// similarity to the article's title and lead, its position after a source
// line ("KAYNAK:"), which ends the article, and whether it recurs across
// many pages of its source (SourceMemory), which makes it the site's.
// Datelines with any agency ("ANKARA (XYZ) -", "МОСКВА, 19 ноября.
// /Имя/."), photo and text credits, bylines and printed date lines go to
// Meta, not the body; a short line in capitals is a subheading.
package clean

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// Block is a page block with its detected language.
type Block struct {
	article.Block
	// Lang is the block's language; Own is set when it was detected from
	// the block itself rather than taken from the document (too short).
	Lang string
	Own  bool
	// Conf is the detector's confidence in Lang when Own (0: unknown).
	Conf float64
}

// Input is one page to clean.
type Input struct {
	Source string
	Page   string // the page's id: the memory counts distinct pages
	Title  string
	Lang   string // the article's language
	// Host is the page's host name ("" when unknown): a link inside the
	// article to another page of the same site is a teaser, one to
	// another site is a citation, a product or a profile.
	Host   string
	Blocks []Block
}

// Paragraph is a kept block, cleaned.
type Paragraph struct {
	I       int
	Text    string
	Heading bool
}

// Result is the cleaner's verdict on a page.
type Result struct {
	Paragraphs []Paragraph
	// Dropped has one entry per block not kept, and one per piece of
	// furniture cut off a kept block (with that block's index).
	Dropped []article.Dropped
	Meta    Meta
}

// Memory recognises blocks that recur across a source's pages: menus,
// promos, subscription boxes. The cleaner asks it whether a block is
// furniture before anything else about the block's content; pages are
// recorded in it before they are cleaned (SourceMemory.Observe).
// SourceMemory implements it; a nil Memory knows nothing.
type Memory interface {
	// Recurring reports whether text, on page of source, has been beside
	// enough different stories of source to be furniture.
	Recurring(source, page, text string) bool
}

// Cleaner cleans pages. It is safe for concurrent use if its Memory is.
type Cleaner struct {
	mem  Memory
	cues *blockCues
}

// New returns a cleaner; mem may be nil.
func New(mem Memory) *Cleaner { return &Cleaner{mem: mem, cues: newBlockCues()} }

// verdict is the state of one block between the two passes.
type verdict struct {
	reason  string // drop reason, "" when kept or pending
	text    string // cleaned text
	pending bool   // kept only if related to the lead
	heading bool
	body    bool // a paragraph of the article proper
	after   bool // after the source line: dropped whatever the verdict
	inside  bool // a sub-heading inside the article container (zone heading, level 2-6)
	within  bool // such a sub-heading between the container's first and last blocks
}

// pass holds what the first pass knows as it walks the blocks.
type pass struct {
	in          Input
	at          int // position in in.Blocks of the block being decided
	res         *Result
	seen        map[string]bool
	seenBody    map[string]int // keys of the container's own lines: bodyLines when seen
	bodyLines   int            // container lines so far
	citation    int            // block index of a source line that cites, not ends (0: none)
	afterSource bool
	leadDone    bool
	leadParas   int // paragraphs kept while the lead was not done
	// lastBody is the index in the page of the container's last block (-1:
	// the extractor found none): what comes after it is outside the
	// article, and relatedness judges even its long paragraphs.
	firstBody, lastBody int
	judgeAfter          bool
	// teaser is set by a linked headline outside the container and
	// cleared by the article's own blocks: the paragraph after such a
	// headline is the teaser's summary.
	teaser bool
	// titleWords are the title's words, lower case.
	titleWords map[string]bool
	// labels are the keys of the template's labels repeated between the
	// container's paragraphs (templateLabels).
	labels map[string]bool
}

// Clean decides every block of in.
func (c *Cleaner) Clean(in Input) Result {
	lc := lowerer(in.Lang)
	in.Blocks = listItemsInText(in.Blocks)
	res := Result{Dropped: []article.Dropped{}}
	tw := setOf(words(lc(in.Title))...)
	first, last, judgeAfter := lastBody(in.Blocks)
	p := &pass{in: in, res: &res, seen: make(map[string]bool), seenBody: make(map[string]int), firstBody: first, lastBody: last, judgeAfter: judgeAfter, titleWords: tw}
	if k := dedupKey(in.Title, lc); k != "" {
		p.seen[k] = true // a body h1 repeating the title is a duplicate
	}
	labels := templateLabels(in.Blocks, lc)
	p.labels = labels
	vs := make([]verdict, len(in.Blocks))
	for n, b := range in.Blocks {
		p.at = n
		vs[n] = c.decide(p, b, lc)
	}
	if at := citationAt(in.Blocks, vs); at >= 0 {
		// The source line was a citation inside the text: decide again,
		// with that line no end of the article.
		res = Result{Dropped: []article.Dropped{}}
		p = &pass{in: in, res: &res, seen: make(map[string]bool), seenBody: make(map[string]int), citation: at, firstBody: first, lastBody: last, judgeAfter: judgeAfter, titleWords: tw, labels: labels}
		if k := dedupKey(in.Title, lc); k != "" {
			p.seen[k] = true
		}
		for n, b := range in.Blocks {
			p.at = n
			vs[n] = c.decide(p, b, lc)
		}
	}
	c.settlePending(in, vs, lc)
	asideSubheadings(in, vs)
	quotedPosts(in, vs)
	splitCredits(in, vs, &res.Meta)
	endByline(in, vs, &res)
	tailBios(in, vs, last)
	tailTeasers(in, vs, lc)
	standfirst(in, vs, &res, lc)
	deckStandfirst(in, vs, &res, lc)
	headerDeck(in, vs, &res, lc)
	for n, b := range in.Blocks {
		v := vs[n]
		if v.reason != "" {
			res.Dropped = append(res.Dropped, article.Dropped{I: b.I, Text: b.Text, Reason: v.reason})
			continue
		}
		if v.text != "" {
			res.Paragraphs = append(res.Paragraphs, Paragraph{I: b.I, Text: v.text, Heading: v.heading})
		}
	}
	return res
}

// citationAt returns the block index of a source line that the article's
// text goes on after (a fact check citing its sources, a video's source
// under the embed), or -1. A source line ends the article when what
// follows is the site's: teasers, headlines, other zones; three or more
// paragraphs of running text in the container after it (sentences of
// over minCitedWords words: an agency's short paragraphs count) say the
// article has not ended.
func citationAt(blocks []Block, vs []verdict) int {
	for n, v := range vs {
		if v.reason != article.ReasonSourceLine {
			continue
		}
		if blocks[n].I <= 0 {
			return -1
		}
		prose := 0
		for _, b := range blocks[n+1:] {
			if b.Zone == article.ZoneBody && b.LinkDensity < 0.5 && countWordsTo(b.Text, minCitedWords) > minCitedWords && !headlineShaped(b.Text) {
				prose++
			}
		}
		if prose >= 3 {
			return blocks[n].I
		}
		return -1
	}
	return -1
}

// minCitedWords: a paragraph after a source line over this many words is
// running text, not a teaser's headline or a credit.
const minCitedWords = 15

// minContainerWords is how much text the container must hold for what
// follows it to be judged as outside the article: a sliver of a body zone
// says little about where the article ends.
const minContainerWords = 50

// lastBody returns the page indexes of the container's first and last
// blocks, or -1
// when the page has no container worth the name (too little text), and
// whether what follows it is to be judged as outside the article: not when
// more running text follows outside any zone than the container holds.
// Then the extractor has likely found one part of a long document or one
// post of many, and what follows is as much the page's text.
func lastBody(blocks []Block) (first, last int, judgeAfter bool) {
	words := 0
	first, last = -1, -1
	for _, b := range blocks {
		if b.Zone == article.ZoneBody {
			if first < 0 {
				first = b.I
			}
			last = b.I
			words += countWords(b.Text)
		}
	}
	if words < minContainerWords {
		return -1, -1, false
	}
	after := 0
	for _, b := range blocks {
		if b.I > last && b.Zone == article.ZoneUnknown && b.LinkDensity < 0.5 && paragraphShaped(b.Text) {
			after += countWords(b.Text)
		}
	}
	return first, last, after < words
}

// zoneReasons are the zones whose blocks are never the article.
var zoneReasons = map[article.Zone]string{
	article.ZoneNav:     article.ReasonNav,
	article.ZoneFooter:  article.ReasonBoilerplate,
	article.ZoneHeader:  article.ReasonBoilerplate,
	article.ZoneComment: article.ReasonBoilerplate,
	article.ZoneAside:   article.ReasonSidebar,
	article.ZoneRelated: article.ReasonRelated,
}

// decide is the first pass for one block. The order of the checks is the
// order of confidence: structure first, then the block's own text.
func (c *Cleaner) decide(p *pass, b Block, lc func(string) string) verdict {
	text := strings.TrimSpace(b.Text)
	m := &p.res.Meta
	if text == "" {
		return verdict{reason: article.ReasonBoilerplate}
	}
	// The words of text, counted once: most checks below ask.
	nwords := countWords(text)
	if b.Zone == article.ZoneHeader && p.leadParas > 0 && !p.afterSource && (timelineEntry(text) || postSignature(text)) {
		// "15:02: İstiklal marşı okundu" after the article's first
		// paragraph: a live report's entry, which a date line's shape
		// hint took for the template's time stamp; "— Ayşe Kaya
		// (@aysekaya) 18 Kasım 2026": the signature of a post the
		// article quotes, which the same hint took for a byline.
		b.Zone = article.ZoneBody
	}
	linkedHeadline := b.LinkDensity >= 0.5 && headlineShapedWords(text, nwords) && nwords >= 3
	switch {
	case linkedHeadline && b.Zone != article.ZoneBody:
		p.teaser = true
	case b.Zone == article.ZoneBody || b.Zone == article.ZoneHeading && b.LinkDensity < 0.5:
		p.teaser = false
	}
	if r, ok := zoneReasons[b.Zone]; ok {
		return verdict{reason: r}
	}
	if p.afterSource {
		// The article has ended; what follows is the site's, whatever it is.
		if b.Own && b.Lang != p.in.Lang {
			return verdict{reason: article.ReasonOtherLanguage}
		}
		return verdict{pending: true, after: true, text: text, reason: article.ReasonUnrelated}
	}
	if attr, ok := sourceLine(text); ok {
		if b.I == p.citation && p.citation > 0 {
			return verdict{reason: article.ReasonSourceLine}
		}
		addTo(&m.Attribution, attr)
		p.afterSource = true
		return verdict{reason: article.ReasonSourceLine}
	}
	if credit, ok := creditBlock(text); ok {
		addTo(&m.Credit, credit)
		return verdict{reason: article.ReasonCredit}
	}
	if b.Zone == article.ZoneCaption {
		// A photo caption describes a picture, not the story.
		return verdict{reason: article.ReasonBoilerplate}
	}
	if nwords <= 8 && datelineBlock(text, m) {
		return verdict{reason: article.ReasonDateline}
	}
	if date, byline, ok := dateLine(text); ok {
		setOnce(&m.Date, date)
		if byline != "" {
			addTo(&m.Byline, byline)
			return verdict{reason: article.ReasonCredit}
		}
		return verdict{reason: article.ReasonDateline}
	}
	// The memory is asked after the lines that carry metadata: an author
	// or photo credit recurs beside many stories of a source, and is
	// furniture, but its name is still this article's metadata.
	if c.mem != nil && c.mem.Recurring(p.in.Source, p.in.Page, text) {
		return verdict{reason: article.ReasonBoilerplate}
	}
	if !p.leadDone {
		rest, frags := stripLead(text, m)
		for _, f := range frags {
			p.res.Dropped = append(p.res.Dropped, article.Dropped{I: b.I, Text: f.text, Reason: f.reason})
		}
		text = rest
		if text == "" {
			return verdict{}
		}
		nwords = countWords(text)
	}
	// (?i) does not fold İ to i: match the Turkish-aware lower case.
	lower := lc(text)
	// Inside the article's own container a line is the article's unless
	// there is positive evidence that it is furniture: there a phrase
	// like "yorum" or "комментари" is ordinary prose, and only a short
	// block of it is a widget.
	inBody := b.Zone == article.ZoneBody
	// The notice and call-to-action cues, found in one pass; both checks
	// pass over a longer block without them.
	var cues cueHits
	if nwords <= maxCookieWords {
		cues = c.cues.m.scan(lower)
	}
	switch {
	case relatedRE.MatchString(lower):
		return verdict{reason: article.ReasonRelated}
	case inBody && boilerplateIn(lower, nwords), c.cues.siteNotice(cues, lower, nwords, p.in.Lang), correctionPrompt(lower, nwords), embedPlaceholder(lower, nwords):
		return verdict{reason: article.ReasonBoilerplate}
	case !inBody && nwords < 40 && boilerplate(lower):
		return verdict{reason: article.ReasonBoilerplate}
	}
	switch {
	case captionLineWords(text, nwords), dataLine(text):
		return verdict{reason: article.ReasonBoilerplate}
	case b.Level == 0 && (dateOnlyLine(lower) || datedReadingTime(text) || broadcastLine(lower, nwords)):
		return verdict{reason: article.ReasonDateline}
	case b.Level == 0 && creditLineWords(text, nwords):
		return verdict{reason: article.ReasonCredit}
	case ctaLine(lower, nwords, cues) && !(inBody && p.leadParas > 0 && listStep(p.in.Blocks, p.at, func(t string) bool { return c.ctaText(t, lc) })), newsletterOffer(text, lower, nwords, p.in.Lang):
		return verdict{reason: article.ReasonBoilerplate}
	case (b.Level > 0 || b.Zone == article.ZoneHeading) && p.leadParas == 0 && titleAgain(p.titleWords, words(lower), b.Level == 1):
		// The headline again, with or without the site's name the
		// title carries.
		return verdict{reason: article.ReasonDuplicate}
	case b.Level >= 1 && b.Level <= 2 && p.leadParas == 0 && headlineShapedWords(text, nwords) && headlineRetold(p.titleWords, words(lower)):
		return verdict{reason: article.ReasonDuplicate}
	}
	key := joinedWords(lower)
	if inBody && p.labels[key] && labelShaped(b, text) {
		return verdict{reason: article.ReasonBoilerplate}
	}
	if p.seen[key] {
		// A line the article's text says again later (a refrain, a
		// quote repeated) is the article's; a copy of the title or a
		// standfirst, a block printed twice in a row, or a whole long
		// paragraph again is the template's.
		// A table's cells repeat too: a score, a "0" or a "Yes" column.
		at, ok := p.seenBody[key]
		repeat := inBody && ok && p.bodyLines > at && nwords <= maxRepeatWords
		cell := inBody && (b.Tag == "td" || b.Tag == "th") && nwords <= maxRepeatWords
		if !repeat && !cell {
			return verdict{reason: article.ReasonDuplicate}
		}
	}
	p.seen[key] = true
	if inBody {
		p.bodyLines++
		p.seenBody[key] = p.bodyLines
	}
	// A linked sub-heading between the container's paragraphs that names
	// a thing on another site (a product, a source) heads the article's
	// next part; one linked to this site's own pages is a teaser.
	// The block's shape, asked up to four times below, from the words
	// counted once.
	para := paragraphShapedWords(text, nwords)
	subheading := b.Zone == article.ZoneHeading && b.Level >= 2 && b.I > p.firstBody && b.I < p.lastBody
	if b.LinkDensity >= 0.5 && !((inBody || subheading) && ownLink(b, p.in.Host)) && !(inBody && p.leadParas > 0 && amidList(p.in.Blocks, p.at)) {
		if b.Link != "" || headlineShapedWords(strings.TrimSpace(text), nwords) {
			return verdict{reason: article.ReasonRelated}
		}
		return verdict{reason: article.ReasonNav}
	}
	if b.Own && b.Lang != "" && b.Lang != p.in.Lang && !(inBody && docLanguage(b, p.in.Lang, text, nwords)) {
		return verdict{reason: article.ReasonOtherLanguage}
	}
	heading := b.Zone == article.ZoneHeading || b.Level > 0 || capsHeadingWords(text, nwords)
	if inBody && !para && p.leadParas == 0 {
		// A name alone above the first paragraph is the byline line.
		if persons, orgs, ok := authorLine(text); ok {
			addTo(&m.Byline, persons)
			addTo(&m.Attribution, orgs)
			return verdict{reason: article.ReasonCredit}
		}
	}
	if inBody && !para {
		// A short line inside the container: a sub-heading ("YORUM"), a
		// timeline entry ("15:02: İstiklal marşı okundu"), a one-line
		// quote. Relatedness to the title does not judge the article's
		// own lines; it is kept, and does not end the lead.
		return verdict{text: text, heading: heading}
	}
	outside := !inBody && b.Zone != article.ZoneHeading && p.lastBody >= 0 && b.I > p.lastBody
	if outside && p.teaser {
		// The summary under a linked headline after the article: a
		// teaser of another story, however long; the lines between
		// (its authors, its date) are the teaser's too. (Before the
		// container a linked line over a paragraph is as often the
		// author's name over the standfirst.)
		p.teaser = !para
		return verdict{reason: article.ReasonRelated}
	}
	if heading || (outside && p.judgeAfter) || (!inBody && !para) {
		// Headings, teasers and stray short lines outside the container
		// stay only if they are about this article: settlePending decides.
		inside := b.Zone == article.ZoneHeading && b.Level >= 2
		// Between the container's first and last blocks, a sub-heading is
		// the article's whatever its words ("Q: Favorite books?").
		within := inside && b.I > p.firstBody && b.I < p.lastBody
		return verdict{pending: true, text: text, heading: heading, inside: inside, within: within, reason: article.ReasonUnrelated}
	}
	// A standfirst outside the body zone may come before the lead, and the
	// dateline opens the lead: the lead is done at the first body-zone
	// paragraph, or at the second paragraph when the page has no zones.
	p.leadParas++
	p.leadDone = b.Zone == article.ZoneBody || p.leadParas >= 2
	return verdict{text: text, body: true}
}

// docLanguage reports whether block b of the container, which the detector
// put in another language, is the document's all the same. Inside the
// container the document's language is a strong prior: a line of names
// (a cast list, places, a label in capitals) has no language of its own;
// a block the detector named its language for without conviction, however
// long (a lead whose place names and agency tag blur the vote), and a
// short line it could name no language for, are the document's. A block
// it is sure is in another language is that language's.
func docLanguage(b Block, doc, text string, nwords int) bool {
	switch {
	case nameLine(text):
		return true
	case kin(b.Lang, doc):
		return true
	case b.Conf > 0 && b.Conf < foreignConf:
		return true
	}
	return nwords <= maxForeignLine && b.Lang == undetermined
}

// kinLanguages are groups of standard languages so close that a detector
// tells them apart by a few spellings a writer may use in either (Malay and
// Indonesian; Bosnian, Croatian and Serbian; the written forms of
// Norwegian): inside the container, a block put in the document's kin is
// the document's. The same pair outside the container is judged as any
// other language.
var kinLanguages = [][]string{{"ms", "id"}, {"bs", "hr", "sr"}, {"nb", "nn", "no"}}

// kin reports whether languages a and b are one of kinLanguages' groups.
func kin(a, b string) bool {
	for _, g := range kinLanguages {
		if slices.Contains(g, a) && slices.Contains(g, b) {
			return true
		}
	}
	return false
}

// maxForeignLine is the longest line inside the container whose own
// language does not count against the document's.
const maxForeignLine = 20

// foreignConf is the confidence the detector needs for a short line inside
// the container to be in another language than the document.
const foreignConf = 0.9

// undetermined is the language of a block the detector named none of its
// languages for (langid.Other).
const undetermined = "und"

func union(a, b map[string]bool) map[string]bool {
	out := make(map[string]bool, len(a)+len(b))
	for s := range a {
		out[s] = true
	}
	for s := range b {
		out[s] = true
	}
	return out
}

// titleAgain reports a heading whose words are nearly all the title's: the
// headline printed again, the title adding the site's name or a section.
// A sub-heading may be half the title's words ("Relations with the United
// States"); the headline (h1) is most of them, whatever the site adds.
func titleAgain(title map[string]bool, ws []string, h1 bool) bool {
	if len(ws) < 3 || len(title) == 0 {
		return false
	}
	in := 0
	for _, w := range ws {
		if title[w] {
			in++
		}
	}
	if len(title) >= minKickedTitle && len(ws)-in <= maxKickerWords && in*10 >= len(title)*9 && coversTitle(title, ws) {
		// The whole title with a kicker or a section before it or a
		// label after it ("Premier League Rückschlag im Titelkampf",
		// "… | wdr aktuell"): the headline as printed. A short title
		// ("Calendário Stock Car 2018") may be a table's or a list's
		// name, which the first heading of the text says again.
		return true
	}
	if in*10 < len(ws)*9 {
		return false
	}
	if h1 {
		return in*2 >= len(title)
	}
	return in*10 >= len(title)*8
}

// headlineRetold reports a top-level heading over the text that tells the
// title's story in other words: the page's printed headline where the
// title is its og:title, or the other way round ("Brüssel prüft
// Einfluss von Tiktok auf Wahlen" under "Tiktok: Brüssel untersucht
// Wahleinmischung"). It shares two of the title's words of four letters
// or more, and a third of them; a sub-heading over the first paragraph
// shares fewer.
func headlineRetold(title map[string]bool, ws []string) bool {
	if len(title) < minKickedTitle {
		return false // a short title may be a table's name, which its heading says again
	}
	long := 0
	for w := range title {
		if utf8.RuneCountInString(w) >= 4 {
			long++
		}
	}
	shared := 0
	for _, w := range ws {
		if title[w] && utf8.RuneCountInString(w) >= 4 {
			shared++
		}
	}
	return shared >= 2 && shared*3 >= long
}

// maxKickerWords is the longest kicker, section or label printed beside
// the headline.
const maxKickerWords = 4

// minKickedTitle is the shortest title a heading with a kicker repeats.
const minKickedTitle = 5

// coversTitle reports whether ws hold nine in ten of the title's words.
func coversTitle(title map[string]bool, ws []string) bool {
	seen := 0
	for w := range title {
		if slices.Contains(ws, w) {
			seen++
		}
	}
	return seen*10 >= len(title)*9
}

// tailBios drops an author's biography under the article: among the kept
// blocks after its last paragraph of running text, or that paragraph
// itself, the lines that are a biography (bioLine). Outside the container,
// after it, an organisation's description of itself (aboutLine: a press
// release's "About X") is the site's boilerplate.
// last is the container's last block (lastBody).
func tailBios(in Input, vs []verdict, last int) {
	seen := 0
	for n := len(vs) - 1; n >= 0 && seen < 4; n-- {
		v := &vs[n]
		if v.reason != "" || v.text == "" {
			continue
		}
		seen++
		if bioLine(v.text) {
			v.reason, v.body, v.heading = article.ReasonCredit, false, false
			continue
		}
		if b := in.Blocks[n]; last >= 0 && b.I > last && b.Zone != article.ZoneBody && aboutLine(v.text) {
			v.reason, v.body, v.heading = article.ReasonBoilerplate, false, false
			continue
		}
		if v.body && countWordsTo(v.text, 25) > 25 {
			return
		}
	}
}

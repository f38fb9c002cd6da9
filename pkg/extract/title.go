package extract

import (
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/wiredesk/wiredesk/pkg/byline"
)

// titleSeps separate a page title from the site name in <title>.
var titleSeps = []string{" | ", " - ", " -- ", " — ", " – ", " :: ", " » ", " / ", " · ", " • "}

// namedSiteSeps are the separators stripSite tries before a site named
// exactly: titleSeps, the bare and full-width bars, colons, hyphens and
// underscores, barLookalikes and siteSeps.
var namedSiteSeps = slices.Concat(titleSeps, []string{"|", "｜", " ｜ ", ":", "：", " : ", "-", "_", " _ "}, barLookalikes, siteSeps)

// siteSeps set off the site's name when it is named exactly (og:site_name)
// and no other separator does: " ~ Site", " « Site", " › Site".
var siteSeps = []string{" ~ ", " « ", " › ", " ‹ ", " ⋅ ", " ∙ ", " ◆ ", " ■ ", " ★ "}

// title is the article's headline: the page's h1 inside the article
// container when it reads like a headline, since og:title and <title> are
// often a social or search variant ("… | Site", another wording); then
// og:title, any h1, the JSON-LD headline and <title>, less the site name.
func (w *walker) title(l *layout, ld ldInfo) string {
	return recase(w.headlineText(l, ld), clean(w.metas["og:title"]), clean(w.titleText), clean(ld.headline))
}

// recase gives a headline set in capitals the letter case the page's
// other titles write it in: "ERDOĞAN'DAN KRİTİK AÇIKLAMA" in an h1 is
// "Erdoğan'dan kritik açıklama" in og:title. Capitals are the page's
// typography, not the title's words.
func recase(t string, titles ...string) string {
	if !shouting(t) {
		return t
	}
	ft := []rune(byline.Fold(t, len(t)))
	for _, c := range titles {
		rc := []rune(c)
		fc := []rune(byline.Fold(c, len(c)))
		if len(fc) != len(rc) {
			continue
		}
	next:
		for i := 0; i+len(ft) <= len(fc); i++ {
			for j := range ft {
				if fc[i+j] != ft[j] {
					continue next
				}
			}
			if (i > 0 && unicode.IsLetter(rc[i-1])) || (i+len(ft) < len(rc) && unicode.IsLetter(rc[i+len(ft)])) {
				continue
			}
			if s := string(rc[i : i+len(ft)]); !shouting(s) {
				return s
			}
		}
	}
	return t
}

// shouting is text of two words or more whose letters are all capitals.
func shouting(s string) bool {
	if len(strings.Fields(s)) < 2 {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 4
}

// headlineText is the title as the page's elements and metas give it.
func (w *walker) headlineText(l *layout, ld ldInfo) string {
	if w.rules != nil && len(w.rules.title) > 0 {
		if t := clean(nodeText(w.rules.title[0], 1000)); t != "" {
			return t
		}
	}
	site := clean(w.metas["og:site_name"])
	og, tt := clean(w.metas["og:title"]), dropPageSegment(clean(w.titleText))
	if placeholderTitle(og) {
		og = "" // "(no title)": the CMS's word for a title no one wrote
	}
	if og == "" {
		// twitter:title is the social title where og:title is missing.
		og = clean(w.metas["twitter:title"])
	}
	if placeholderTitle(og) {
		og = ""
	}
	if site == "" {
		site = titleSite(og, tt)
	}
	first, inMain, n := "", "", 0
	var firstBlock *rawBlock
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.node == nil || b.node.DataAtom != atom.H1 {
			continue
		}
		if strings.EqualFold(attr(b.node, "itemprop"), "alternativeHeadline") {
			// The page's markup says this h1 is the other wording (a
			// short label over the headline printed in an h2).
			continue
		}
		// The site's name as a logo: an h1 that is only a link to the
		// site's home page.
		if w.homeLink(b) {
			if e := w.blogEntry(b.text, tt, site); e != "" {
				return e
			}
			if site == "" {
				site = b.text
			}
			continue
		}
		// An h1 of a kicker and a headline in spans of their own reads
		// them run together or spaced apart ("Nationale DemoDer 9.
		// Juli…", "drauf : Stadt…"); og:title or <title> writing the
		// same letters gives the separator the layout drew.
		if whole := clean(nodeText(b.node, 1000)); headlineLike(whole, site) {
			// The h1's whole text: a kicker in a block element of its
			// own is another block ("Kicker" and ": Headline").
			if t := sameLetters(whole, og, stripSite(tt, site, true)); t != "" {
				return t
			}
		}
		// An h1 that the page's titles carry whole, less a shorter
		// segment (the site's name), is the headline, whichever h1 the
		// container holds: "Title" with <title>"Title | Site".
		if headlineLike(b.text, site) && (titleAgrees(b.text, og) || titleAgrees(b.text, tt)) {
			return b.text
		}
		// An h1 that holds the headline in one element beside another
		// (the site's name linked home, the author after a <br>): the
		// part the page's titles confirm.
		if p := titlePart(b.node, site, og, tt); p != "" {
			return p
		}
		// The blog's name in an h1 over the entry's title in an h2 or
		// h3, <title> the two joined: the entry's title, whichever part
		// is the longer.
		if e := w.blogEntry(b.text, tt, site); e != "" {
			return e
		}
		// The site's or the blog's name in an h1: the short segment of a
		// <title> whose other part is longer ("Blog Name - Entry title"),
		// or whose other part an h2 or h3 prints ("Blog Name: Entry").
		if s := siteSegment(b.text, tt); (s != "" && !w.restNamesHost(b.text, tt) && !w.entryH1(l, b, tt)) || w.blogName(b.text, tt, site) {
			if site == "" {
				site = b.text
			}
			continue
		}
		n++
		text := b.text
		if kh := kickerHeadline(b.node); kh != "" && normTitle(strings.Replace(kh, ": ", " ", 1)) == normTitle(text) {
			text = kh
		}
		if inMain == "" && w.within(b.elem, l.main) {
			inMain = text
		}
		if first == "" {
			first, firstBlock = text, b
		}
	}
	// An h1 sharing no word with <title> or og:title, while the page
	// prints <title>'s headline in a line of its own: the h1 is the
	// blog's name or a tagline, the line the entry's title.
	for _, h := range []string{inMain, first} {
		if h == "" {
			continue
		}
		if sharesLongWord(h, tt) || (og != "" && sharesLongWord(h, og)) {
			break // a title confirms the h1, whole or in part
		}
		if line := w.titleSegmentLine(tt, site); line != "" {
			return line
		}
		break
	}
	if headlineLike(inMain, site) && !offTitle(inMain, og, tt) {
		return inMain
	}
	// The page's only h1, above a container that holds the body alone,
	// and not in its header or menus; or in a band the zoning took for
	// a header, when it tells the story og:title tells, in its own
	// words: half of og:title's words of four letters or more, three at
	// least ("… For Secretary Of State" printed as "… To Become Donald
	// Trump's Secretary Of State"; "… home is for sale and it's pure
	// paradise" as "Take a tour inside … former Palm Springs retreat —
	// it's for sale!"). A site's or a section's name shares no three
	// such words with a story's og:title.
	if n == 1 && headlineLike(first, site) && !offTitle(first, og, tt) &&
		(w.furniture(l, firstBlock.elem, firstBlock.marks) == "" || sameStory(first, stripSite(og, site, false))) {
		return first
	}
	// og:title, unless it is a section's one word and an h1 reads like
	// a headline ("Arbeit" over "Wir kämpfen für gute Arbeit").
	// og:title that is <title>'s last segment after a longer one names
	// the site ("Coast Times" beside "Headline | Coast Times"): no
	// headline. One that is <title>'s first segment may be the headline
	// ("Caffeine | Show on Podcasts") or the site's own front page
	// ("Learn Node — tagline").
	head, tail, ok := splitSegment(tt, og)
	ogSite := ok && tail == "" && len(head) > len(og)
	if og != "" && !ogSite && (headlineLike(og, site) || !headlineLike(first, site)) {
		// A heading that prints a segment of og:title when it is
		// <title> word for word ("Blog Name | Entry" in both), or of
		// <title> beside a one-word og:title ("Article"), with no h1 to
		// go by.
		ogIsTitle := normTitle(og) == normTitle(tt)
		if ogIsTitle {
			if h := w.titleHeading(og, site); h != "" {
				return h
			}
		}
		if first == "" && !headlineLike(og, site) {
			if h := w.titleHeading(tt, site); h != "" {
				return h
			}
		}
		// og:title that is <title> word for word carries the site's
		// name as <title> does: guess it off alike.
		t := w.trailingSiteName(l, stripHost(stripSite(og, site, ogIsTitle), w.pageURL))
		return w.fullHeading(t)
	}
	// Any h1 left, unless it is one word beside a <title> that says more
	// (the site's name as a logo: "Engadget" over "Editorial: … --
	// Engadget").
	// A one-word h1 that <title> opens with, in the article, is an
	// entry's name ("Dredging" over "Dredging - Portwiki, the free
	// harbour encyclopedia").
	if first != "" && !offTitle(first, og, tt) && (headlineLike(first, site) || tt == "" || w.entryH1(l, firstBlock, tt)) &&
		!w.headerH1(l, firstBlock, tt) {
		return first
	}
	if t := clean(ld.headline); t != "" {
		return t
	}
	if h := w.titleHeading(tt, site); h != "" {
		return h
	}
	t := stripHost(stripSite(tt, site, true), w.pageURL)
	if t == tt {
		t = w.leadingSiteName(l, t)
	}
	return w.trailingSiteName(l, t)
}

// headerH1 says the h1 b, in the page's header or menus with no og:title
// to go by, is the site's name or tagline: it is no segment of <title>
// and shares no word with the headline <title> gives, which the site's
// name or a section beside it may ("The Coastline Journal Weekly" over "Coastline Journal | Harbour
// dredging to begin in spring"; "Local stories from the bay" over
// "Harbour dredging … - Coastline").
func (w *walker) headerH1(l *layout, b *rawBlock, tt string) bool {
	if b == nil || tt == "" || w.within(b.elem, l.main) || w.furniture(l, b.elem, b.marks) == "" {
		return false
	}
	if _, _, ok := splitSegment(tt, b.text); ok {
		return false // <title> names it: a topic's page ("Topic — all news")
	}
	longest := ""
	for _, seg := range splitAll(tt) {
		if len(seg) > len(longest) {
			longest = seg
		}
	}
	return len(strings.Fields(longest)) >= 4 && !sharesWord(b.text, longest)
}

// splitAll cuts t at every title separator.
func splitAll(t string) []string {
	segs := []string{t}
	for _, sep := range titleSegSeps {
		var next []string
		for _, s := range segs {
			for _, p := range strings.Split(s, sep) {
				if p = strings.TrimSpace(p); p != "" {
					next = append(next, p)
				}
			}
		}
		segs = next
	}
	return segs
}

// leadingSiteName is t less a short first segment that names the site,
// as the page shows by printing it in its header, menus or footer and
// not in the article ("Coastline Journal | Harbour dredging to begin in
// spring" over a footer "© Coastline Journal"): a small site's <title>
// puts its name first, and with no heading to go by only the page's
// furniture tells the name from the headline. t otherwise.
func (w *walker) leadingSiteName(l *layout, t string) string {
	for _, sep := range titleSeps {
		head, tail, ok := strings.Cut(t, sep)
		if !ok || len(strings.Fields(head)) > 3 || len(strings.Fields(tail)) < 4 || len(tail) <= len(head) {
			continue
		}
		if len(splitAll(tail)) > 1 || !w.siteNameShown(l, head) {
			return t
		}
		return strings.TrimSpace(tail)
	}
	return t
}

// trailingSiteName is t less a last segment of up to eight words that
// names the site, as the page shows by printing it only in its header,
// menus or footer: a long name the guess that cuts short segments keeps
// ("Harbour dredging to begin in spring - The Coastline Journal of the
// Western Bays"). t otherwise.
func (w *walker) trailingSiteName(l *layout, t string) string {
	cut, n := -1, 0
	for _, sep := range titleSeps {
		if i := strings.LastIndex(t, sep); i > cut {
			cut, n = i, len(sep)
		}
	}
	if cut <= 0 {
		return t
	}
	head, tail := strings.TrimSpace(t[:cut]), strings.TrimSpace(t[cut+n:])
	if len(strings.Fields(tail)) > 8 || len(strings.Fields(head)) < 3 || !w.siteNameShown(l, tail) {
		return t
	}
	return head
}

// siteNameShown says the page prints seg, a title's segment, in a short
// block of its header, menus or footer ("© Coastline Journal") and in
// no short block of the article: the site's name, not a kicker or a
// headline's part.
func (w *walker) siteNameShown(l *layout, seg string) bool {
	nh := " " + normWords(seg) + " "
	if strings.TrimSpace(nh) == "" {
		return false
	}
	shown := false
	for i := range w.blocks {
		b := &w.blocks[i]
		if !strings.Contains(" "+normWords(b.text)+" ", nh) || len(strings.Fields(b.text)) > 3*len(strings.Fields(seg))+4 {
			continue
		}
		if w.within(b.elem, l.main) || w.furniture(l, b.elem, b.marks) == "" {
			return false // printed in the article
		}
		shown = true
	}
	return shown
}

// normWords is s's words of letters and digits, folded, one space
// apart.
func normWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// entryH1 says the h1 b, <title>'s short first segment, is the entry's
// own heading, not a blog's name: it stands in the article, off the
// header and the menus, and the page prints the rest of <title> nowhere
// as a line of its own ("Dredging - Portwiki, the free harbour
// encyclopedia" over an h1 "Dredging" above the body: a wiki's or a
// reference site's entry, whose <title> describes the site after the
// entry's name). A blog's name is printed in its header, and the
// entry's title, <title>'s rest, in a heading or a line of its own.
func (w *walker) entryH1(l *layout, b *rawBlock, tt string) bool {
	head, rest, ok := splitSegment(tt, b.text)
	if !ok || head != "" || rest == "" {
		return false
	}
	if !w.within(b.elem, l.main) && w.furniture(l, b.elem, b.marks) != "" {
		return false
	}
	nr := normTitle(rest)
	for i := range w.blocks {
		if normTitle(w.blocks[i].text) == nr {
			return false
		}
	}
	return true
}

// titleSegmentLine is a block other than an h1 that prints <title>'s headline,
// its longest segment of four words or more, word for word: "Harbour
// dredging to begin in spring" in an h2 or a div under <title>"Harbour
// dredging to begin in spring | Bay Notes". "" when none does.
func (w *walker) titleSegmentLine(tt, site string) string {
	longest := ""
	for _, seg := range splitAll(tt) {
		if len(seg) > len(longest) {
			longest = seg
		}
	}
	if len(strings.Fields(longest)) < 4 || !headlineLike(longest, site) {
		return ""
	}
	nl := normTitle(longest)
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.node != nil && b.node.DataAtom == atom.H1 {
			continue
		}
		if normTitle(b.text) == nl {
			return b.text
		}
	}
	return ""
}

// sharesLongWord says h and t have a word of four letters or more in
// common ("the" and "for" tell nothing).
func sharesLongWord(h, t string) bool {
	tw := map[string]bool{}
	for _, w := range strings.FieldsFunc(normTitle(t), notWordRune) {
		tw[w] = true
	}
	for _, w := range strings.FieldsFunc(normTitle(h), notWordRune) {
		if utf8.RuneCountInString(w) >= 4 && tw[w] {
			return true
		}
	}
	return false
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// placeholderTitle is what a publishing system writes where a title was
// left empty: "(no title)", "Untitled", "(без названия)", "Başlıksız".
func placeholderTitle(t string) bool {
	f := strings.Trim(normTitle(t), "()[] ")
	return placeholderTitles[f]
}

var placeholderTitles = map[string]bool{
	"no title": true, "untitled": true, "untitled document": true, "без названия": true,
	"без заголовка": true, "başlıksız": true, "başlık yok": true, "adsız": true,
}

// blogName says h is the blog's name before a colon in <title> and an
// h2 or h3 prints the rest: "Blog Name: Entry title" over an h1 "Blog
// Name" and an h3 "Entry title". A headline before a colon and its
// explanation after it is printed whole, or not as a heading of its own.
func (w *walker) blogName(h, tt, site string) bool {
	rest, ok := strings.CutPrefix(normTitle(tt), normTitle(h)+": ")
	if !ok || rest == "" {
		return false
	}
	th := w.titleHeading(tt, site)
	return th != "" && normTitle(th) == rest
}

// blogEntry is the h2 or h3 that prints what <title> holds after h, an
// h1, and a separator: "Blog Name: Entry title" over an h1 "Blog Name"
// and an h3 "Entry title", as blogging systems of the 2000s print an
// entry's page, the blog's name in an h1 linked home and the entry's in
// a lower heading. The two headings printing <title>'s two parts say
// which is which, however long each is; "" when no heading prints the
// rest.
func (w *walker) blogEntry(h, tt, site string) string {
	head, rest, ok := splitSegment(tt, h)
	if r, found := strings.CutPrefix(strings.Replace(tt, h+" :", h+":", 1), h+":"); found && !ok {
		// A colon, which titleSegSeps leave out: a headline's own
		// colon is more common there than a blog's.
		head, rest, ok = "", strings.TrimSpace(r), true
	}
	if !ok || head != "" || !headlineLike(rest, site) {
		return ""
	}
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.node == nil || (b.node.DataAtom != atom.H2 && b.node.DataAtom != atom.H3) {
			continue
		}
		if normTitle(b.text) == normTitle(rest) {
			return b.text
		}
	}
	return ""
}

// titleHeading is the first h2 or h3 that prints one segment of <title>,
// the other a shorter one: with no h1 and no og:title, a blog's entry
// title printed under the blog's name, whose <title> puts the blog's
// name first ("Blog Name: Entry title", "Blog Name » Entry title"),
// which the guess that cuts a site's name off the end cannot tell. ""
// when no heading does.
func (w *walker) titleHeading(tt, site string) string {
	if tt == "" {
		return ""
	}
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.node == nil || (b.node.DataAtom != atom.H2 && b.node.DataAtom != atom.H3) || !headlineLike(b.text, site) {
			continue
		}
		if titleAgrees(b.text, tt) {
			return b.text
		}
		// A colon after the blog's name: "Blog Name: Entry title".
		if head, ok := strings.CutSuffix(normTitle(tt), ": "+normTitle(b.text)); ok && head != "" && len(head) < len(b.text) && len(strings.Fields(head)) <= 4 {
			return b.text
		}
	}
	return ""
}

// kickerHeadline is an h1 that prints a kicker and the headline in
// elements of their own with nothing between them (`<span
// class=dachzeile>Grenzverkehr</span> <span>Neue Regeln …</span>`),
// which read run together as one sentence: "Kicker: Headline", as the
// sites' own titles join them. The kicker is up to five words opening
// with a capital or a digit and ending without punctuation, and the
// headline, which opens likewise, is at least twice as long; "" when h is
// not so built.
func kickerHeadline(h *html.Node) string {
	var parts []string
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return ""
			}
		case html.ElementNode:
			if t := clean(nodeText(c, 1000)); t != "" {
				parts = append(parts, t)
			}
		}
	}
	if len(parts) != 2 {
		return ""
	}
	k, rest := parts[0], parts[1]
	kw, rw := len(strings.Fields(k)), len(strings.Fields(rest))
	if kw > 5 || rw < 4 || rw < 2*kw {
		return ""
	}
	opens := func(s string) bool {
		r := firstRune(s)
		return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Pi, unicode.Ps) || r == '"' || r == '\''
	}
	last, _ := utf8.DecodeLastRuneInString(k)
	if !opens(k) || !opens(rest) || unicode.IsPunct(last) || unicode.IsSymbol(last) {
		return ""
	}
	return k + ": " + rest
}

// sameLetters is the first of titles that writes h's letters, digits and
// quotes in the same order but differs in its spaces or separators: the h1's
// parts in separate elements lose or gain the separator between them.
// "" when none does, or when h is already written so.
func sameLetters(h string, titles ...string) string {
	// Quotes are words' marks, not separators: a title that quotes
	// where the h1 does not is another wording.
	squash := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Pi, unicode.Pf) || r == '"' || r == '\'' {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	sh := squash(h)
	if utf8.RuneCountInString(sh) < 8 {
		return ""
	}
	for _, t := range titles {
		if t != "" && t != h && squash(t) == sh {
			return t
		}
	}
	return ""
}

// fullHeading is the h1 or h2 that t, an og:title, is the start of: a
// social title cut short ("NSF 2019 in Kansai …" of a two-line h2 under a
// section's h1). The heading must be at most twice as long, and longer
// by words, not by a "!"; t otherwise.
func (w *walker) fullHeading(t string) string {
	if !headlineLike(t, "") {
		return t
	}
	squash := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), "") }
	st := squash(t)
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.node == nil || (b.node.DataAtom != atom.H1 && b.node.DataAtom != atom.H2) {
			continue
		}
		sb := squash(b.text)
		if len(sb) <= 2*len(st) && strings.HasPrefix(sb, st) && letters(sb[len(st):]) >= 3 {
			return b.text
		}
	}
	return t
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// homeLink is a block that is all one link to the page's site's home
// page: a logo's text.
func (w *walker) homeLink(b *rawBlock) bool {
	if b.href == "" || b.multiHref || b.chars == 0 || b.linkChars < b.chars {
		return false
	}
	u, err := url.Parse(b.href)
	if err != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
		return false
	}
	if w.pageURL == nil || u.Host == "" {
		// No page address, or a link relative to it ("/"): the page's
		// own site.
		return true
	}
	host := func(h string) string { return strings.TrimPrefix(strings.ToLower(h), "www.") }
	return host(u.Hostname()) == host(w.pageURL.Hostname())
}

// titlePart is the text of an element inside the h1 h that reads like a
// headline and that the page's titles confirm, whole or as their start
// (before a bracketed photo credit, a section, the site's name); "" when
// none does or it is all of h's text.
func titlePart(h *html.Node, site, og, tt string) string {
	whole := clean(nodeText(h, 1000))
	var found string
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && found == ""; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			t := clean(nodeText(c, 1000))
			if t == "" || t == whole {
				if depth < 2 {
					visit(c, depth+1)
				}
				continue
			}
			if headlineLike(t, site) && (titleAgrees(t, og) || titleAgrees(t, tt) || titleStarts(t, og) || titleStarts(t, tt)) {
				found = t
			}
		}
	}
	visit(h, 0)
	if found == "" {
		found = ownPart(h, site, og, tt)
	}
	return found
}

// ownPart is the h1's own text beside a label in an element of its own
// ("<span>SON DAKİKA</span>Erdoğan …", "<span>Политика</span> Лавров …"),
// when the page's titles confirm it, whole, as their start, or cut short
// (a <title> that stops mid-way: "Лавров встретился с Фиданом" for "…
// с Фиданом в Анталье"): the label, up to four words, is a badge or a
// section's, not the headline's. "" otherwise.
//
// A longer part after the h1's own text is a subtitle set in the h1
// ("Storm closes port <small>Ships wait offshore as winds rise</small>"):
// the own text is the headline when a title gives it word for word.
func ownPart(h *html.Node, site, og, tt string) string {
	var own, label strings.Builder
	trailing := true // every element follows all of the own text
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" && label.Len() > 0 {
				trailing = false
			}
			own.WriteString(c.Data)
			own.WriteByte(' ')
		case html.ElementNode:
			if kindOf(c) == kindBr {
				own.WriteByte(' ')
				continue
			}
			label.WriteString(nodeText(c, 200))
			label.WriteByte(' ')
		}
	}
	t, l := clean(own.String()), clean(label.String())
	if l == "" || len(strings.Fields(t)) < 3 || !headlineLike(t, site) {
		return ""
	}
	subtitle := len(strings.Fields(l)) > 4
	if subtitle && !trailing {
		return ""
	}
	for _, title := range []string{og, stripSite(tt, site, true)} {
		if title == "" {
			continue
		}
		if titleAgrees(t, title) || (!subtitle && (titleStarts(t, title) || cutOf(t, title))) {
			return t
		}
	}
	return ""
}

// cutOf says title is the start of h cut short at a word's end: three
// words at least, and half of h.
func cutOf(h, title string) bool {
	nh, nt := normTitle(h), normTitle(title)
	rest, ok := strings.CutPrefix(nh, nt)
	if !ok || rest == "" || len(strings.Fields(nt)) < 3 || 2*len(nt) < len(nh) {
		return false
	}
	return rest[0] == ' '
}

// titleStarts says title begins with h, ended there by a space or
// punctuation, and h is at least half of it.
func titleStarts(h, title string) bool {
	nh, nt := normTitle(h), normTitle(title)
	rest, ok := strings.CutPrefix(nt, nh)
	if !ok || rest == "" || 2*len(nh) < len(nt) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// titleAgrees says title is h, or h and a shorter segment after or
// before a separator: the page's titles confirm the h1.
func titleAgrees(h, title string) bool {
	if title == "" {
		return false
	}
	if normTitle(h) == normTitle(title) {
		return true
	}
	head, tail, ok := splitSegment(title, h)
	return ok && len(head)+len(tail) < len(h)
}

// offTitle is a short h1 that shares no word with the page's titles while
// they read like a headline: a widget's or a section's heading ("Original
// text"), not the article's.
func offTitle(h, og, tt string) bool {
	if og != "" && tt != "" && (normTitle(og) == normTitle(tt) || titleAgrees(og, tt)) && !sharesWord(h, og) {
		// og:title and <title> agree on a headline the h1 has no word
		// of, however long it is: a blog's tagline in its header.
		return true
	}
	if len(strings.Fields(h)) > 3 || utf8.RuneCountInString(h) > 24 {
		return false
	}
	for _, t := range []string{og, tt} {
		if len(strings.Fields(t)) < 4 && utf8.RuneCountInString(t) < 16 {
			continue
		}
		f := normTitle(t)
		for _, w := range strings.Fields(normTitle(h)) {
			if utf8.RuneCountInString(w) > 2 && strings.Contains(f, w) {
				return false
			}
		}
		return true
	}
	return false
}

// sameStory says h holds half of t's words of four letters or more, and
// three at least.
func sameStory(h, t string) bool {
	hw := map[string]bool{}
	for _, w := range strings.Fields(normTitle(h)) {
		hw[strings.Trim(w, ".,:;!?\"'’‘“”«»")] = true
	}
	long, in := 0, 0
	for _, w := range strings.Fields(normTitle(t)) {
		w = strings.Trim(w, ".,:;!?\"'’‘“”«»")
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if hw[w] {
			in++
		}
	}
	return in >= 3 && 2*in >= long
}

// sharesWord says h and t have a word of three letters or more in
// common.
func sharesWord(h, t string) bool {
	f := normTitle(t)
	for _, w := range strings.Fields(normTitle(h)) {
		if utf8.RuneCountInString(w) > 2 && strings.Contains(f, w) {
			return true
		}
	}
	return false
}

func normTitle(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// headlineLike is an h1 that reads like a headline, not a section name
// or the site's logo: two words or more (eight characters in a script
// written without spaces), and not the site's name.
func headlineLike(s, site string) bool {
	if s == "" || len(s) > 400 || (site != "" && strings.EqualFold(s, site)) {
		return false
	}
	if len(strings.Fields(s)) >= 2 {
		return true
	}
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) {
			n++
		}
	}
	return n >= 8
}

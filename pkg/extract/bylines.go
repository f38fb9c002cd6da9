package extract

import (
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/publicsuffix"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/byline"
)

// byline returns the persons credited and the agency or outlet the page
// attributes the text to. Each byline slot, best first, may hold either:
// the first slot naming a person gives the byline, the first naming an
// agency or outlet the attribution, and the site's own name is the
// attribution of last resort.
func (w *walker) byline(l *layout, ld ldInfo, blocks []article.Block, head int) (persons, attribution string) {
	sites := []string{clean(w.metas["og:site_name"]), clean(w.metas["application-name"])}
	// owner is sites less the host: microformats' explicit author may
	// be named as the host is, on a personal site ("Jane Roe" on
	// janeroe.com).
	owner := slices.Clone(sites)
	if w.pageURL != nil {
		sites = append(sites, siteDomain(w.pageURL.Hostname()))
	}
	if ld.publisher != "" && !contains(ld.authors, ld.publisher) {
		// The publisher is not the byline ("Condé Nast" in the author
		// meta of its magazines) unless it is also the article's author,
		// as on a personal blog.
		sites = append(sites, ld.publisher)
		owner = append(owner, ld.publisher)
	}
	try := func(s string) bool {
		return w.take(byline.Split, s, sites, &persons, &attribution)
	}
	tryLabelled := func(s string) bool {
		return w.take(byline.SplitLabelled, s, sites, &persons, &attribution)
	}
	if w.rules != nil && len(w.rules.byline) > 0 {
		var names []string
		for _, n := range w.rules.byline {
			if s := cleanByline(nodeText(n, 300)); s != "" && !contains(names, s) {
				names = append(names, s)
			}
		}
		if try(strings.Join(names, ", ")) {
			return persons, w.attribution(attribution, ld, sites)
		}
	}
	if attribution == "" && len(ld.orgs) > 0 {
		// Typed as an organisation: whatever its name looks like.
		attribution = strings.Join(ld.orgs, ", ")
	}
	if len(ld.authors) > 0 {
		s := strings.Join(ld.authors, ", ")
		if wide := w.widerMeta(s, sites); wide != "" {
			s = wide
		}
		if try(s) {
			return persons, w.attribution(attribution, ld, sites)
		}
	}
	// Author metas disagree on some sites ("author" holds the publishing
	// house, "article:author" the writer): one whose persons the page
	// shows in a byline element or around the headline goes first.
	var metaNames []string
	for _, k := range authorMetas {
		if s := w.metaCoAuthors(k, sites); s != "" && try(s) {
			return persons, w.attribution(attribution, ld, sites)
		}
		if s := givenFirst(cleanByline(w.metas[k])); s != "" && !urlLike(s) {
			metaNames = append(metaNames, s)
		}
		if k != "author" {
			continue
		}
		for _, m := range w.moreAuthors[k] {
			if s := cleanByline(m); s != "" && !urlLike(s) && !contains(metaNames, s) {
				metaNames = append(metaNames, s)
			}
		}
	}
	if len(metaNames) > 1 {
		visible := w.bylineText(blocks, head)
		for _, s := range metaNames {
			if p, _ := byline.Split(s, sites...); p != "" && shown(p, visible) && try(s) {
				return persons, w.attribution(attribution, ld, sites)
			}
		}
	}
	for _, s := range metaNames {
		if try(s) {
			return persons, w.attribution(attribution, ld, sites)
		}
	}
	fallback := ""
	var self map[string]bool // the page's own addresses, for teaserCredit: built once, at the first element that needs them
	for _, r := range w.bylines {
		if inComment(r.node) || inQuote(r.node) || w.mediaCredit(r) {
			continue
		}
		if self == nil {
			self = w.selfLinks()
		}
		if w.teaserCredit(r.node, self) {
			continue
		}
		s := cleanByline(lineText(r.node, 300))
		if s == "" {
			continue
		}
		s = capitalised(r.node, s)
		s = w.coAuthors(r, s, sites)
		if hasToken(attr(r.node, "class"), "p-author") && w.take(byline.Split, s, owner, &persons, &attribution) {
			// microformats2's author of the entry (an h-card marked
			// p-author), wherever the theme prints it: a personal
			// site's header card names its owner, who writes there.
			return persons, w.attribution(attribution, ld, sites)
		}
		if w.within(r.elem, l.main) {
			if try(s) {
				return persons, w.attribution(attribution, ld, sites)
			}
			continue
		}
		if fallback == "" && (w.furniture(l, r.elem, r.marks) == "" || w.underHeadline(r.elem, head)) {
			// Outside furniture, or in a "nav" of spans and links right
			// under the headline: the article's own byline line.
			fallback = s
		}
	}
	// A visible "By …" line under the headline, then a line of names
	// closing the article: wire copy signs at the end.
	if s := w.labelledByline(blocks, head); s != "" && tryLabelled(s) {
		return persons, w.attribution(attribution, ld, sites)
	}
	if s := w.datedByline(blocks, head); s != "" {
		// Persons only: an outlet on a dated line under the headline may
		// be a quoted post's ("— Канал МИД России 2 апреля 2026").
		if p, _ := byline.Split(s, sites...); p != "" {
			return p, w.attribution(attribution, ld, sites)
		}
	}
	if s := w.closingByline(l, blocks); s != "" && hasPerson(s, sites) && try(s) {
		return persons, w.attribution(attribution, ld, sites)
	}
	if fallback != "" && try(fallback) {
		return persons, w.attribution(attribution, ld, sites)
	}
	// Last, a line of names alone opening the story, or the one
	// labelled credit in a list of the article's facts beside it.
	if s := w.openingByline(blocks, head); s != "" && try(s) {
		return persons, w.attribution(attribution, ld, sites)
	}
	if s := listedByline(blocks); s != "" {
		tryLabelled(s)
	}
	return persons, w.attribution(attribution, ld, sites)
}

// siteDomain is the part of host its owner registered ("cnn.com" of
// "edition.cnn.com"), which names the outlet: a name matching a label
// below it names a section, an edition or a user of a publishing
// platform ("jane roe" of janeroe.substack.com), who is a person. host
// when it has no registered part (an address, localhost).
func siteDomain(host string) string {
	d, err := publicsuffix.EffectiveTLDPlusOne(strings.TrimSuffix(host, "."))
	if err != nil {
		return host
	}
	return d
}

// listLabels open an author's line in a list of facts, folded.
var listLabels = []string{"autorin/autor", "autor/in", "autorin", "autor", "author", "yazar", "muhabir", "автор"}

// listedByline is the one short line on the page that opens with an
// author label, wherever it stands: a side list of the article's facts
// (`<li><strong>Autorin/Autor</strong> Roman Goncharenko</li>`, "Yazar:
// Ayşe Kaya" in a box beside the text). Two such lines or more naming
// different people are teasers' or comments' credits, and none is taken.
func listedByline(blocks []article.Block) string {
	found := ""
	for _, b := range blocks {
		if len(b.Text) > 80 {
			continue
		}
		f := byline.Fold(b.Text, 20)
		for _, l := range listLabels {
			rest, ok := strings.CutPrefix(f, l)
			if !ok {
				continue
			}
			if r := firstRune(rest); r != ':' && r != ' ' {
				break
			}
			s := byline.CutLabel(b.Text, l)
			if found != "" && s != found {
				return "" // a layout's copies of one line are one
			}
			found = s
			break
		}
	}
	return found
}

// coAuthors widens a byline element that holds one of several names to
// the line holding them all: "<a rel=author>Jane Roe</a> and <a
// rel=author>John Doe</a>", "<span class=yazar>Ayşe Kaya</span> ve
// <span class=yazar>Emre Tan</span>". The line must be short and name
// every person the element names, and more.
func (w *walker) coAuthors(r ref, s string, sites []string) string {
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.elem != r.elem {
			continue
		}
		line := cleanByline(b.text)
		// The element twice in one line is a layout's copies (one for
		// narrow screens, one for wide), not co-authors.
		if line == "" || line == s || len(line) > 150 || strings.Count(line, s) != 1 {
			return s
		}
		one, _ := byline.Split(s, sites...)
		all, _ := byline.Split(line, sites...)
		if one != "" && strings.Contains(all, one) && len(all) > len(one) {
			return line
		}
		return s
	}
	return s
}

// take splits s into the persons and the agency or outlet it credits: the
// first outlet found is the attribution, the persons the byline.
func (*walker) take(split func(string, ...string) (string, string), s string, sites []string, persons, attribution *string) bool {
	p, o := split(s, sites...)
	if *attribution == "" {
		*attribution = o
	}
	if p != "" {
		*persons = p
		return true
	}
	return false
}

// visibleLabels open a byline line: "By Jane Roe", "Yazan: Ayşe Kaya",
// "Автор: Иван Петров", "Текст: …"; an interview's ("Söyleşi: …",
// "Записала …") and a feature's ("Story by …", "Words by …"); folded.
var visibleLabels = []string{"written by", "posted by", "story by", "words by", "text by", "reporting by", "by",
	"yazan", "yazar", "muhabir", "haberi hazirlayan", "hazirlayan", "derleyen", "haber", "metin", "soylesi", "roportaj",
	"автор", "автор материала", "текст", "материал подготовила", "материал подготовил", "подготовила", "подготовили",
	"подготовил", "беседовала", "беседовал", "записала", "записал",
	"par", "von", "por", "di", "door"}

// labelledByline is a short line just under the headline that opens with
// a byline label, without it.
func (w *walker) labelledByline(blocks []article.Block, head int) string {
	if head < 0 {
		return ""
	}
	for i := head + 1; i < len(blocks) && i <= head+8; i++ {
		t := blocks[i].Text
		if len(t) > 160 {
			continue
		}
		f := byline.Fold(t, 20)
		for _, l := range visibleLabels {
			rest, ok := strings.CutPrefix(f, l)
			if !ok {
				continue
			}
			r := firstRune(rest)
			glued := l == "by" && strings.HasPrefix(t, "By") && unicode.IsUpper(firstRune(t[2:]))
			if strings.TrimSpace(strings.TrimLeft(rest, " :")) == "" && i+1 < len(blocks) && len(blocks[i+1].Text) <= 80 {
				// The label in a block of its own ("By", "Muhabir:"),
				// the name in the next.
				return cleanByline(blocks[i+1].Text)
			}
			if r == ':' || r == ' ' || glued {
				return cleanByline(byline.CutLabel(w.lines(i, t), l))
			}
		}
		if s := labelledSegment(t); s != "" {
			return s
		}
	}
	return ""
}

// labelledSegment is the part of a line of facts, set off by bars or
// dots, that opens with a byline label, without it: "Published
// 03.12.2026 | by Jane Roe | 4 comments", "12 Mart 2026 · Yazan: Ayşe
// Kaya". The line's first part is the whole line's, which
// labelledByline reads.
func labelledSegment(t string) string {
	for _, sep := range []string{" | ", " · ", " • "} {
		parts := strings.Split(t, sep)
		for _, p := range parts[1:] {
			p = strings.TrimSpace(p)
			f := byline.Fold(p, 20)
			for _, l := range visibleLabels {
				rest, ok := strings.CutPrefix(f, l)
				if !ok || strings.TrimSpace(strings.TrimLeft(rest, " :")) == "" {
					continue
				}
				if r := firstRune(rest); r == ':' || r == ' ' {
					return cleanByline(byline.CutLabel(p, l))
				}
			}
		}
	}
	return ""
}

// datedByline is a short line just under the headline that holds a date
// and otherwise only capitalised words: the writer and the time with no
// label ("Ayşe Kaya | 03.12.2026 14:35", "Иван Петров, 3 декабря 2026",
// "Daily Example 9/21/2016 Jane Roe"). A lead or a caption is a
// sentence, with lower-case words; a date line alone names no one.
func (w *walker) datedByline(blocks []article.Block, head int) string {
	if head < 0 {
		return ""
	}
	for i := head + 1; i < len(blocks) && i <= head+3; i++ {
		t := byline.Unglue(blocks[i].Text) // "Ayşe Kaya3 Aralık 2026": two spans run together
		if len(t) > 100 || !hasYear(t) {
			continue
		}
		if p, u := visibleDate(t, zones{}); p.zero() && u.zero() {
			continue
		}
		lower := 0
		for _, f := range strings.Fields(t) {
			r := firstRune(f)
			if unicode.IsLower(r) && !isMonthWord(f) {
				lower++
			}
		}
		if lower <= 1 {
			return t
		}
	}
	return ""
}

// openingByline is a line of names alone that opens the story right
// under the headline and its standfirst (a date line, a share bar's
// counter and a standfirst of a few short lines may come between), before
// the first paragraph of running text, with no label and no date
// ("Deniz Akpınar / ANKARA", "Мария Соколова, Дмитрий Волков"): the
// signature some papers print in bold before the first paragraph.
// Every word must be capitalised but the joining words; a heading is
// not one.
func (w *walker) openingByline(blocks []article.Block, head int) string {
	if head < 0 {
		return ""
	}
	for i := head + 1; i < len(blocks) && i <= head+6; i++ {
		b := &blocks[i]
		if b.Level > 0 || (b.Zone != article.ZoneBody && b.Zone != article.ZoneUnknown) {
			continue
		}
		t := b.Text
		if len(t) > 200 {
			break // the story has begun: a signature comes before it
		}
		words := strings.Fields(t)
		if len(t) > 80 || len(words) < 2 || len(words) > 9 || strings.ContainsAny(t, "0123456789!?.\"«»“”:") {
			continue
		}
		ok := true
		for _, f := range words {
			r := firstRune(f)
			if unicode.IsLower(r) && !joinWords[f] {
				ok = false
				break
			}
		}
		if ok {
			return t
		}
	}
	return ""
}

// joinWords join names in a line of them.
var joinWords = map[string]bool{"ve": true, "и": true, "and": true, "und": true, "og": true, "och": true, "et": true, "y": true, "e": true}

// isMonthWord is a month's name or abbreviation, lower-case in Turkish
// and Russian dates ("3 декабря", "3 дек").
func isMonthWord(f string) bool {
	_, ok := monthOf(strings.Trim(f, ".,"))
	return ok
}

// closingByline is the last line of the article when it is only names,
// perhaps with a place or an agency ("Zeynep Aydın", "Ahmet Kaya /
// Tiflis", "Мария Соколова, Дмитрий Волков"): no sentence, no digits.
func (w *walker) closingByline(l *layout, blocks []article.Block) string {
	seen := 0
	for i := len(blocks) - 1; i >= 0 && seen < 2; i-- {
		b := &blocks[i]
		if !w.within(w.blocks[i].elem, l.main) || !soft(b.Zone) {
			continue
		}
		seen++
		if b.Level > 0 {
			continue // a heading closing the page ("Related Links") names no one
		}
		t := b.Text
		if sourceLine(t) {
			continue // "SOURCE Example Corp", "Kaynak: …": the source, not the writer
		}
		if len(t) > 100 || len(strings.Fields(t)) > 10 || strings.ContainsAny(t, "0123456789!?\"«»“”") ||
			strings.Contains(t, ". ") || (strings.HasSuffix(t, ".") && len(lastWord(t)) > 3) {
			continue
		}
		if s := cleanByline(w.lines(i, t)); s != "" {
			return s
		}
	}
	return ""
}

// lines is block i's text t with the line breaks its element draws
// ("Muhabir: Ayşe Kaya<br>Ankara"), which byline.Split reads as field
// boundaries; t itself when the element holds more than the block.
func (w *walker) lines(i int, t string) string {
	if i >= len(w.blocks) || w.blocks[i].node == nil || w.blocks[i].text != t {
		return t
	}
	lt := lineText(w.blocks[i].node, 400)
	if !strings.Contains(lt, "\n") || clean(strings.ReplaceAll(lt, "\n", " ")) != t {
		return t
	}
	return lt
}

// bylineText is the text of the byline elements and of the lines around
// the headline, folded: where a page shows who wrote it.
func (w *walker) bylineText(blocks []article.Block, head int) string {
	var sb strings.Builder
	for _, r := range w.bylines {
		sb.WriteString(byline.Fold(nodeText(r.node, 300), 300))
		sb.WriteByte('\n')
	}
	if head >= 0 {
		for i := max(0, head-3); i < min(len(blocks), head+10); i++ {
			sb.WriteString(byline.Fold(blocks[i].Text, 300))
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

// shown says every person of a byline ("A, B") is in the folded text.
func shown(persons, visible string) bool {
	for _, p := range strings.Split(persons, ", ") {
		if !strings.Contains(visible, byline.Fold(p, 200)) {
			return false
		}
	}
	return true
}

// underHeadline says an element holds one of the few lines under the
// headline.
func (w *walker) underHeadline(e int32, head int) bool {
	if head < 0 {
		return false
	}
	for i := head + 1; i < len(w.blocks) && i <= head+6; i++ {
		if b := w.blocks[i].elem; b == e || w.within(b, e) {
			return true
		}
	}
	return false
}

// hasPerson says a line names a person: a closing source line
// ("Kaynak: Marmara Haber") is not a byline, nor its attribution.
func hasPerson(s string, sites []string) bool {
	p, _ := byline.Split(s, sites...)
	return p != ""
}

// inComment says a byline element is a reader comment's author
// ("comment-author", "yorum-yazar", "comment__author"), by its class or
// its near ancestors'.
func inComment(n *html.Node) bool {
	for d := 0; n != nil && d < 4; n, d = n.Parent, d+1 {
		c := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
		// Not "commentary" or "yorumcu": an opinion piece's writer.
		c = strings.NewReplacer("commentar", "", "yorumcu", "").Replace(c)
		for _, tok := range strings.Fields(c) {
			if (strings.Contains(tok, "comment") || strings.Contains(tok, "yorum")) && !commentCounter(tok) {
				return true
			}
		}
	}
	return false
}

// commentCounter says a class names the link to the comments or their
// count, which a page prints in the line under the headline beside the
// writer and the time ("comments_datetime", "comment-count",
// "yorum-sayisi"), not a reader's comment.
func commentCounter(tok string) bool {
	for _, w := range []string{"count", "link", "num", "total", "datetime", "sayi"} {
		if strings.Contains(tok, w) {
			return true
		}
	}
	return false
}

// inQuote says a byline element is a quotation's speaker ("quoteAuthor"
// in a blockquote's cite, "alinti-sahibi", "цитата__автор"), by the
// element, its class or its near ancestors'.
func inQuote(n *html.Node) bool {
	for d := 0; n != nil && d < 4; n, d = n.Parent, d+1 {
		if n.Type == html.ElementNode && (n.Data == "blockquote" || n.Data == "q" || n.Data == "cite") {
			return true
		}
		c := strings.ToLower(attr(n, "class"))
		for _, w := range []string{"quote", "zitat", "citation", "alinti", "цитат"} {
			if strings.Contains(c, w) {
				return true
			}
		}
	}
	return false
}

// mediaCredit is a byline element whose own class names a media box, a
// video's, an audio's, a gallery's or a photo's ("mediaBox__byline",
// "video-author", "galeri-yazar"), or one inside a picture's caption
// (`<figcaption><span class="author">`), which the walk zoned: it
// credits that medium, not the text.
func (w *walker) mediaCredit(r ref) bool {
	n := r.node
	if n.DataAtom == atom.Figcaption {
		return true
	}
	// A figcaption always carries a zone mark (caption, or what a
	// class word or a rule says): the marks above the element are the
	// block ancestors to look at.
	for m := r.marks; m != nil; m = m.parent {
		if w.elems[m.elem].node.DataAtom == atom.Figcaption {
			return true
		}
	}
	c := strings.ToLower(attr(n, "class"))
	for _, w := range []string{"mediabox", "media-box", "media__", "video", "audio", "podcast", "player", "gallery", "galeri", "photo", "foto", "видео", "фото"} {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

// teaserCredit says a byline element is another story's: it follows,
// within a few ancestors, a lower heading (h2 to h6) that links to
// another page, as the teasers of a sidebar or a "related" list print
// their writers under their linked headlines. The article's own byline
// stands under its own headline, which links nowhere or to the page.
// self holds the page's own addresses (selfLinks).
func (w *walker) teaserCredit(n *html.Node, self map[string]bool) bool {
	if w.inCard(n, self) {
		return true
	}
	for d := 0; n != nil && d < 3; n, d = n.Parent, d+1 {
		for p := n.PrevSibling; p != nil; p = p.PrevSibling {
			if p.Type != html.ElementNode {
				continue
			}
			switch p.DataAtom {
			case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				href := headingLink(p)
				if href == "" || w.pageURL == nil {
					return false
				}
				return !self[trimLink(resolveLink(w.pageURL, href))]
			case atom.H1:
				return false
			}
		}
	}
	return false
}

// selfLinks are the page's own addresses, its URL and its canonical
// link, as trimLink writes them; empty with no page address.
func (w *walker) selfLinks() map[string]bool {
	self := map[string]bool{}
	if w.pageURL != nil {
		self[trimLink(w.pageURL.String())] = true
		if c := resolveLink(w.pageURL, w.canonical); c != "" {
			self[trimLink(c)] = true
		}
	}
	return self
}

// inCard says a byline element sits inside a link to another page that
// holds four words or more besides it: a teaser's or a promotion's card
// (`<a href="/kurs/…"><p>Course</p><p class="author_name">…</p></a>`),
// whose credit is that page's. A link around the byline alone, or
// around a name and its role, is the writer's own.
func (w *walker) inCard(n *html.Node, self map[string]bool) bool {
	if w.pageURL == nil {
		return false
	}
	for p, d := n.Parent, 0; p != nil && d < 5; p, d = p.Parent, d+1 {
		if p.Type != html.ElementNode || p.DataAtom != atom.A {
			continue
		}
		href := attr(p, "href")
		if href == "" || self[trimLink(resolveLink(w.pageURL, href))] {
			return false
		}
		own := len(strings.Fields(nodeText(n, 300)))
		return len(strings.Fields(nodeText(p, 600)))-own >= 4
	}
	return false
}

// headingLink is the href of the link that holds a heading's text.
func headingLink(h *html.Node) string {
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			return attr(c, "href")
		}
	}
	if p := h.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom == atom.A {
		return attr(p, "href")
	}
	return ""
}

// trimLink compares links up to a fragment and a trailing slash.
func trimLink(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSuffix(s, "/")
}

// sourceLine opens with a source label: what follows names where the
// text came from, not who wrote it.
func sourceLine(t string) bool {
	f := strings.Fields(byline.Fold(t, 20))
	if len(f) == 0 {
		return false
	}
	switch strings.TrimRight(f[0], ":") {
	case "source", "sources", "kaynak", "источник", "источники":
		return true
	}
	return false
}

// urlLike is an address, with or without its scheme: an author meta
// holding a profile ("www.facebook.com/janeroe") names no one.
func urlLike(s string) bool {
	if strings.Contains(s, "://") {
		return true
	}
	host, _, ok := strings.Cut(s, "/")
	return ok && !strings.ContainsRune(host, ' ') && strings.Contains(host, ".")
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// attribution falls back to the publisher JSON-LD names, then the site's
// name. The dateline's agency is the classifier's to prefer (pkg/clean),
// as docs/schema.md orders them.
func (w *walker) attribution(found string, ld ldInfo, sites []string) string {
	if found != "" {
		return found
	}
	if ld.publisher != "" {
		return ld.publisher
	}
	return sites[0]
}

// bylineLabels precede a name in a byline element, folded.
var bylineLabels = []string{"haber merkezi", "about the author", "yazar hakkinda", "об авторе", "yazar", "muhabir", "editor", "haber", "автор", "by",
	"von", "par", "por", "door", "av"}

// cleanByline drops a leading label ("Yazar:", "Автор:") and rejects what
// is too long for names (an author bio box) or has no letters.
//
// A line break ("\n", from lineText) is kept: byline.Split reads it as a
// field boundary.
func cleanByline(s string) string {
	if strings.Contains(s, "\n") {
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if l = clean(l); l != "" {
				lines = append(lines, l)
			}
		}
		s = strings.Join(lines, "\n")
	} else {
		s = clean(s)
	}
	// "ByTravis Haney", "Byby Jane Roe": a label in its own span, glued
	// to the name or to the text's own "by".
	for range 2 {
		if rest, ok := strings.CutPrefix(s, "By"); ok && unicode.IsUpper(firstRune(rest)) {
			s = rest
		} else if ok && strings.HasPrefix(rest, "by ") {
			s = rest
		}
	}
	f := byline.Fold(s, 20)
	for _, l := range bylineLabels {
		rest, ok := strings.CutPrefix(f, l)
		if !ok {
			continue
		}
		if l == "haber merkezi" { // a desk, not a label: keep it
			break
		}
		if next := strings.Fields(rest); len(next) > 0 && nameParticle(next[0]) {
			break // "von der Leyen": a name's particle, not a label
		}
		if r := firstRune(rest); r == ':' || r == ' ' || r == '\n' {
			// byline.Fold maps rune for rune, so the label's rune count cuts s.
			s = strings.TrimLeft(byline.CutLabel(s, l), " :：\n")
			break
		}
	}
	if s == "" || len(s) > 120 || strings.IndexFunc(s, unicode.IsLetter) < 0 {
		return ""
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// widerMeta is an author meta that names every person of ld, the
// JSON-LD author, and more: a publishing system that fills JSON-LD's
// author with the first writer only ("author": {"name": "Jane Roe"})
// while the meta lists the three who wrote the story ("Jane Roe, John
// Doe, Ayşe Kaya"). "" when none does.
func (w *walker) widerMeta(ld string, sites []string) string {
	want, _ := byline.Split(ld, sites...)
	if want == "" {
		return ""
	}
	for _, k := range authorMetas {
		v := cleanByline(w.metas[k])
		if v == "" || urlLike(v) {
			continue
		}
		p, _ := byline.Split(v, sites...)
		have := strings.Split(p, ", ")
		if len(have) <= len(strings.Split(want, ", ")) {
			continue
		}
		all := true
		for _, n := range strings.Split(want, ", ") {
			all = all && slices.ContainsFunc(have, func(h string) bool { return strings.EqualFold(h, n) })
		}
		if all {
			return p
		}
	}
	return ""
}

// metaCoAuthors joins the values of an author meta given once per
// writer (two article:author metas, one name each) when every value is
// a person's and no other: one value, or an outlet among them (the
// outlet first and the writer next), is left to the single values.
func (w *walker) metaCoAuthors(key string, sites []string) string {
	more := w.moreAuthors[key]
	if len(more) == 0 {
		return ""
	}
	var all []string
	for _, v := range append([]string{w.metas[key]}, more...) {
		v = cleanByline(v)
		if v == "" || urlLike(v) {
			return ""
		}
		if p, o := byline.Split(v, sites...); p == "" || o != "" || strings.Contains(p, ",") {
			return ""
		}
		if !contains(all, v) {
			all = append(all, v)
		}
	}
	if len(all) < 2 {
		return ""
	}
	return strings.Join(all, ", ")
}

// authorMetas are the <meta> keys holding the author, best first.
var authorMetas = []string{"author", "byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
	"citation_author", "article:author", "og:article:author", "cxenseparse:author"}

// givenFirst turns a name a meta tag writes surname first, as a
// catalogue does ("Соколова, Мария", "Jong, Michiel de"), into the order
// a byline prints it: one word before the one comma, a capitalised given
// name after it with at most two more words, capitalised or particles.
// Split at the comma it would be two writers of one word each, which is
// how no byline credits persons, so it was dropped; a full name before
// the comma ("Мария Соколова, Иван Петров") is a list and stays.
func givenFirst(s string) string {
	surname, given, ok := strings.Cut(s, ",")
	if !ok || strings.Contains(given, ",") {
		return s
	}
	sw, gw := strings.Fields(surname), strings.Fields(given)
	if len(sw) != 1 || len(gw) == 0 || len(gw) > 3 || !titleWord(sw[0]) || !titleWord(gw[0]) {
		return s
	}
	for _, w := range gw[1:] {
		if !titleWord(w) && !givenParticle(w) {
			return s
		}
	}
	return strings.Join(gw, " ") + " " + sw[0]
}

// titleWord is a word written with a capital and then lower-case letters
// (hyphens and apostrophes inside), as a name is and an acronym is not.
func titleWord(w string) bool {
	r := []rune(w)
	if len(r) < 2 || !unicode.IsUpper(r[0]) {
		return false
	}
	lower := false
	for _, c := range r[1:] {
		switch {
		case unicode.IsLower(c):
			lower = true
		case c == '-' || c == '\'' || c == '’' || unicode.IsUpper(c):
		default:
			return false
		}
	}
	return lower
}

// givenParticle is a particle a catalogue moves after the given name
// ("Jong, Michiel de", "Berg, Anna van den").
func givenParticle(w string) bool {
	switch w {
	case "de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "del", "dos", "das", "ter", "ten", "zu":
		return true
	}
	return false
}

// nameParticle is a particle that follows "von", "de" or "van" inside a
// name ("von der Leyen", "de la Cruz").
func nameParticle(w string) bool {
	switch w {
	case "der", "dem", "den", "la", "le", "los", "las", "del":
		return true
	}
	return false
}

// capitalised gives a byline element's lower-case lines the letter case
// the markup around it writes them in: a style sheet capitalises
// "lawrence bonk" on screen, and the writer's photo beside it says
// alt="Lawrence Bonk". An attribute (alt, title, a data-* value) within
// the element's four nearest ancestors that holds the line in other case
// gives it; a line written nowhere else stays as it is.
func capitalised(n *html.Node, s string) string {
	lines := strings.Split(s, "\n")
	changed := false
	top := n
	for d := 0; d < 4 && top.Parent != nil && top.Parent.Type == html.ElementNode; d++ {
		top = top.Parent
	}
	for i, l := range lines {
		if strings.IndexFunc(l, unicode.IsUpper) >= 0 || strings.IndexFunc(l, unicode.IsLetter) < 0 || len(strings.Fields(l)) < 2 {
			continue
		}
		if c := attrCase(top, l, 300); c != "" {
			lines[i], changed = c, true
		} else if slugNames(top, l, 300) {
			// No attribute writes it in capitals, but a link to the
			// writer's page spells the same words ("/author/jane-roe"
			// under "by jane roe"): a name the style sheet lowers.
			lines[i], changed = titleWords(l), true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(lines, "\n")
}

// attrCase looks through up to budget elements under n for an attribute
// value holding lower, a lower-case line, with capitals, and returns
// that spelling.
func attrCase(n *html.Node, lower string, budget int) string {
	found := ""
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		for c := m.FirstChild; c != nil && found == "" && budget > 0; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			budget--
			for _, a := range c.Attr {
				if a.Key == "class" || a.Key == "href" || a.Key == "src" || len(a.Val) > 300 {
					continue
				}
				v := strings.Join(strings.Fields(a.Val), " ")
				// An offset into the lowered value holds in v only where
				// lowering kept every byte's length.
				lv := strings.ToLower(v)
				i := strings.Index(lv, lower)
				if i < 0 || len(lv) != len(v) {
					continue
				}
				if m := v[i : i+len(lower)]; m != lower {
					found = m
					return
				}
			}
			walk(c)
		}
	}
	walk(n)
	return found
}

// slugNames reports whether a link within up to budget elements under n
// ends its path with the words of lower, a lower-case line, joined by
// hyphens or underscores: "/author/jane-roe", "/yazar/ayse_kaya".
func slugNames(n *html.Node, lower string, budget int) bool {
	want := byline.Fold(strings.Join(strings.Fields(lower), "-"), 100)
	found := false
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		for c := m.FirstChild; c != nil && !found && budget > 0; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			budget--
			if c.DataAtom == atom.A {
				u, err := url.Parse(attr(c, "href"))
				if err == nil {
					seg := path.Base(strings.TrimSuffix(u.Path, "/"))
					if seg = byline.Fold(strings.ReplaceAll(seg, "_", "-"), 100); seg == want {
						found = true
						return
					}
				}
			}
			walk(c)
		}
	}
	walk(n)
	return found
}

// titleWords capitalises each word of a lower-case name ("jane roe",
// "ayşe kaya"), the Turkish dotted capital İ where the name holds a
// letter only Turkish writes.
func titleWords(s string) string {
	turkish := strings.ContainsAny(s, "şğı")
	words := strings.Fields(s)
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		up := unicode.ToUpper(r)
		if turkish {
			up = unicode.TurkishCase.ToUpper(r)
		}
		words[i] = string(up) + w[n:]
	}
	return strings.Join(words, " ")
}

// nextElement says n is followed, past spaces only, by an element other
// than a link or a line break.
func nextElement(n *html.Node) bool {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return false
			}
		case html.ElementNode:
			return c.DataAtom != atom.A && c.DataAtom != atom.Br && strings.TrimSpace(nodeText(c, 40)) != ""
		}
	}
	return false
}

// lineText is nodeText for a byline element, with its line breaks kept:
// a <br> or a block boundary inside the element ends a line ("Jane
// Roe<br>Example Gazette", `<div>Ayşe Kaya</div><div>Ankara</div>`),
// which byline.Split reads as a field boundary. Each line is collapsed;
// empty lines are dropped.
func lineText(n *html.Node, max int) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		for c := m.FirstChild; c != nil && sb.Len() < max; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				sb.WriteString(c.Data)
			case html.ElementNode:
				if c.Namespace != "" {
					continue
				}
				k := kindOf(c)
				switch k {
				case kindSkip:
					continue
				case kindBr:
					sb.WriteByte('\n')
					continue
				case kindBlock:
					sb.WriteByte('\n')
					walk(c)
					sb.WriteByte('\n')
					continue
				}
				walk(c)
				if c.DataAtom == atom.A && attr(c, "href") != "" && nextElement(c) {
					// "<a href=/author/…>Jane Roe</a><span>
					// Houston</span>": the writer's link, then a field
					// of its own (a place, a role) with nothing
					// joining them.
					sb.WriteByte('\n')
				}
			}
		}
	}
	walk(n)
	var lines []string
	for _, l := range strings.Split(sb.String(), "\n") {
		if l = clean(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

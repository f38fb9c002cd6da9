package extract

import (
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
	if len(metaNames) > 0 && w.metaOutside(l, metaNames, sites) {
		metaNames = nil
	}
	for _, s := range metaNames {
		if try(s) {
			return persons, w.attribution(attribution, ld, sites)
		}
		// "cindy mangomini": the writer's name as a profile stored it,
		// in lower case, which the meta's slot says is a person's.
		if lowerName(s) && try(titleWords(s)) {
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
		if lowerName(s) {
			// "mark lindqvist" in an author's element: a name the
			// profile stored in lower case, which the element says is
			// a person's.
			s = titleWords(s)
		}
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
var visibleLabels = []string{"written by", "posted by", "story by", "words by", "text by", "reporting by", "guest post by", "a guest post by", "article by",
	"story and photos by", "text and photos by", "words and photos by", "by",
	"yazan", "yazar", "muhabir", "haberi hazirlayan", "hazirlayan", "derleyen", "haber", "metin", "soylesi", "roportaj",
	"автор", "автор материала", "текст", "материал подготовила", "материал подготовил", "подготовила", "подготовили",
	"подготовил", "беседовала", "беседовал", "записала", "записал",
	"par", "von", "por", "di", "door"}

// joinWords join names in a line of them.
var joinWords = map[string]bool{"ve": true, "и": true, "and": true, "und": true, "og": true, "och": true, "et": true, "y": true, "e": true}

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

// metaOutside says the author metas name someone the page prints only
// outside the article (an "About the author" card in the sidebar naming
// the blog's owner, whom the theme puts in every page's meta) or nowhere
// (the account that filed the story) while a byline element in the
// article names another person: the article's own byline is its
// writer's.
func (w *walker) metaOutside(l *layout, metaNames, sites []string) bool {
	var metaPersons []string
	for _, s := range metaNames {
		if p, _ := byline.Split(s, sites...); p != "" {
			metaPersons = append(metaPersons, strings.Split(p, ", ")...)
		}
	}
	if len(metaPersons) == 0 {
		return false
	}
	other := false
	for _, r := range w.bylines {
		if !w.within(r.elem, l.main) || inComment(r.node) || inQuote(r.node) || w.mediaCredit(r) {
			continue
		}
		p, _ := byline.Split(cleanByline(lineText(r.node, 300)), sites...)
		if p == "" {
			continue
		}
		fp := byline.Fold(p, 300)
		for _, m := range metaPersons {
			if strings.Contains(fp, byline.Fold(m, 200)) {
				return false // the article's byline names the meta's person
			}
		}
		other = true
		break
	}
	if !other {
		return false
	}
	outside := true // printed nowhere, or only outside the article
	for i := range w.blocks {
		b := &w.blocks[i]
		ft := byline.Fold(b.text, 2000)
		for _, m := range metaPersons {
			if !strings.Contains(ft, byline.Fold(m, 200)) {
				continue
			}
			if w.within(b.elem, l.main) {
				return false
			}
			outside = true
		}
	}
	return outside
}

// lowerName is two or three lower-case words of letters that name no
// account or role ("site admin", "guest author", "news team"): a name
// typed in lower case into a profile. One word is a user name or a pen
// name, which the byline leaves out.
func lowerName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if utf8.RuneCountInString(w) < 2 || accountWords[w] {
			return false
		}
		for _, r := range w {
			if !unicode.IsLower(r) && r != '-' && r != '\'' {
				return false
			}
		}
	}
	return true
}

// accountWords name an account, a role or a desk in a lower-case author
// meta, not a person.
var accountWords = map[string]bool{
	"admin": true, "administrator": true, "user": true, "guest": true, "author": true, "editor": true,
	"editors": true, "webmaster": true, "web": true, "master": true, "moderator": true, "team": true,
	"staff": true, "desk": true, "post": true, "blog": true, "site": true, "content": true, "news": true,
	"writer": true, "contributor": true, "redaktion": true, "redakcja": true, "yazar": true, "editör": true,
	"haber": true, "merkezi": true, "автор": true, "редакция": true, "редактор": true, "администратор": true,
	"гость": true, "пользователь": true, "новости": true,
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

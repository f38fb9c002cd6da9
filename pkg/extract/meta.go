package extract

import (
	"encoding/json"
	"net/url"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html/atom"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/byline"
)

// result resolves the article layout, the zones and the metadata; zone is
// the source's timezone for times without an offset (nil: by language).
func (w *walker) result(zone *time.Location) *Result {
	w.aggregate()
	l := w.container()
	blocks := w.zones(&l)
	ld := parseJSONLD(w.jsonLD)
	res := &Result{
		CanonicalURL: w.canonicalURL(),
		LangHint:     w.langHint(),
		Blocks:       blocks,
	}
	res.Title = w.title(&l, ld)
	head := w.headline(blocks, res.Title)
	res.Byline, res.Attribution = w.byline(&l, ld, blocks, head)
	pub, upd := w.dates(&l, ld, blocks, head, zones{fixed: zone, lang: res.LangHint})
	res.PublishedAt, res.PublishedPrecision = pub.t, pub.prec
	res.UpdatedAt = upd.t
	// The dateline opens the story, which may come after a lead, a date
	// line and a credit that are body too.
	for i, n := 0, 0; i < len(blocks) && n < 6; i++ {
		if blocks[i].Zone != article.ZoneBody || blocks[i].Level > 0 {
			continue
		}
		n++
		if d := dateline(blocks[i].Text); d != "" {
			res.Dateline = d
			break
		}
	}
	return res
}

// headline finds the block holding the title and zones it heading: in
// div soup the headline is a div like any other. It returns the block's
// index, or the first h1's, or -1.
func (w *walker) headline(blocks []article.Block, title string) int {
	if title == "" {
		return w.firstTitle
	}
	for i := range blocks {
		b := &blocks[i]
		if b.Text != title {
			continue
		}
		if b.Zone == article.ZoneBody || b.Zone == article.ZoneUnknown {
			b.Zone = article.ZoneHeading
		}
		return i
	}
	return w.firstTitle
}

// clean collapses whitespace and repairs UTF-8 in attribute-sourced text.
func clean(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

func (w *walker) canonicalURL() string {
	for _, raw := range []string{w.canonical, w.metas["og:url"]} {
		if raw == "" {
			continue
		}
		if s := resolveLink(w.pageURL, raw); s != "" {
			u, err := url.Parse(s)
			if err != nil {
				continue
			}
			u.Fragment, u.RawFragment = "", ""
			return u.String()
		}
	}
	return ""
}

func (w *walker) langHint() string {
	for _, s := range []string{w.lang, w.metas["og:locale"], w.metas["content-language"]} {
		if t := primaryTag(s); t != "" {
			return t
		}
	}
	return ""
}

// primaryTag is the lowercased primary subtag of a language tag or locale:
// "tr-TR", "tr_TR", "TR" → "tr". Anything that is not 2–3 ASCII letters
// gives "".
func primaryTag(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "-_,; "); i >= 0 {
		s = s[:i]
	}
	if len(s) < 2 || len(s) > 3 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	return strings.ToLower(s)
}

// titleSeps separate a page title from the site name in <title>.
var titleSeps = []string{" | ", " - ", " — ", " – ", " :: ", " » ", " / "}

// title is the article's headline: the page's h1 inside the article
// container when it reads like a headline, since og:title and <title> are
// often a social or search variant ("… | Site", another wording); then
// og:title, any h1, the JSON-LD headline and <title>, less the site name.
func (w *walker) title(l *layout, ld ldInfo) string {
	if w.rules != nil && len(w.rules.title) > 0 {
		if t := clean(nodeText(w.rules.title[0], 1000)); t != "" {
			return t
		}
	}
	site := clean(w.metas["og:site_name"])
	first, inMain, n := "", "", 0
	var firstBlock *rawBlock
	for i := range w.blocks {
		b := &w.blocks[i]
		if b.node == nil || b.node.DataAtom != atom.H1 {
			continue
		}
		n++
		if inMain == "" && w.within(b.elem, l.main) {
			inMain = b.text
		}
		if first == "" {
			first, firstBlock = b.text, b
		}
	}
	if headlineLike(inMain, site) {
		return inMain
	}
	// The page's only h1, above a container that holds the body alone,
	// and not in its header or menus.
	if n == 1 && headlineLike(first, site) && w.furniture(l, firstBlock.elem, firstBlock.marks) == "" {
		return first
	}
	if t := clean(w.metas["og:title"]); t != "" {
		return stripHost(stripSite(t, site, false), w.pageURL)
	}
	if first != "" {
		return first
	}
	if t := clean(ld.headline); t != "" {
		return t
	}
	return stripHost(stripSite(clean(w.titleText), site, true), w.pageURL)
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

// stripHost removes a trailing segment that names the site by its host:
// "Title | CNN Politics" on www.cnn.com, "Title -- Sott.net" on sott.net.
// The segment must be short and hold the host's main label as a word.
func stripHost(t string, page *url.URL) string {
	if page == nil {
		return t
	}
	label := strings.TrimPrefix(strings.ToLower(page.Hostname()), "www.")
	if i := strings.IndexByte(label, '.'); i > 0 {
		label = label[:i]
	}
	if len(label) < 2 {
		return t
	}
	for _, sep := range append(titleSeps, " -- ") {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := t[:i], t[i+len(sep):]
		if len(strings.Fields(tail)) > 3 || len(strings.Fields(head)) < 2 {
			continue
		}
		squashed := ""
		for _, f := range strings.FieldsFunc(strings.ToLower(tail), func(r rune) bool { return r == ' ' || r == '.' }) {
			if f == label {
				return strings.TrimSpace(head)
			}
			squashed += f
		}
		// "Times of India" on timesofindia.com.
		if len(label) >= 6 && squashed == label {
			return strings.TrimSpace(head)
		}
	}
	return t
}

// stripSite removes the site name from the end of a title. Without a known
// site name (or when guess is set and it did not match) it drops up to two
// short trailing segments ("… - Dünya | Hürriyet"), keeping at least two
// words of title.
func stripSite(t, site string, guess bool) string {
	if site != "" {
		// Named exactly, the site may follow any separator, spaced or not:
		// "…：朝日新聞デジタル", "…:phpspot開発日誌", "… ｜ Site".
		for _, sep := range append(titleSeps, "|", "｜", " ｜ ", ":", "：", " : ", "-", "_", " _ ") {
			if head, ok := strings.CutSuffix(t, sep+site); ok && strings.TrimSpace(head) != "" {
				return strings.TrimSpace(head)
			}
		}
	}
	if !guess {
		return t
	}
	for range 2 {
		cut := -1
		for _, sep := range titleSeps {
			if i := strings.LastIndex(t, sep); i > cut {
				cut = i
			}
		}
		if cut <= 0 {
			break
		}
		head, tail := t[:cut], t[cut:]
		if len(strings.Fields(tail)) > 4 || len(strings.Fields(head)) < 2 {
			break
		}
		t = strings.TrimSpace(head)
	}
	return t
}

// byline returns the persons credited and the agency or outlet the page
// attributes the text to. Each byline slot, best first, may hold either:
// the first slot naming a person gives the byline, the first naming an
// agency or outlet the attribution, and the site's own name is the
// attribution of last resort.
func (w *walker) byline(l *layout, ld ldInfo, blocks []article.Block, head int) (persons, attribution string) {
	sites := []string{clean(w.metas["og:site_name"]), clean(w.metas["application-name"])}
	if w.pageURL != nil {
		sites = append(sites, w.pageURL.Hostname())
	}
	if ld.publisher != "" && !contains(ld.authors, ld.publisher) {
		// The publisher is not the byline ("Condé Nast" in the author
		// meta of its magazines) unless it is also the article's author,
		// as on a personal blog.
		sites = append(sites, ld.publisher)
	}
	try := func(s string) bool {
		p, o := byline.Split(s, sites...)
		if attribution == "" {
			attribution = o
		}
		if p != "" {
			persons = p
			return true
		}
		return false
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
	if len(ld.authors) > 0 && try(strings.Join(ld.authors, ", ")) {
		return persons, w.attribution(attribution, ld, sites)
	}
	// Author metas disagree on some sites ("author" holds the publishing
	// house, "article:author" the writer): one whose persons the page
	// shows in a byline element or around the headline goes first.
	var metaNames []string
	for _, k := range authorMetas {
		if s := cleanByline(w.metas[k]); s != "" && !strings.Contains(s, "://") {
			metaNames = append(metaNames, s)
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
	for _, r := range w.bylines {
		s := cleanByline(nodeText(r.node, 300))
		if s == "" {
			continue
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
	if s := w.labelledByline(blocks, head); s != "" && try(s) {
		return persons, w.attribution(attribution, ld, sites)
	}
	if s := w.closingByline(l, blocks); s != "" && hasPerson(s, sites) && try(s) {
		return persons, w.attribution(attribution, ld, sites)
	}
	if fallback != "" {
		try(fallback)
	}
	return persons, w.attribution(attribution, ld, sites)
}

// visibleLabels open a byline line: "By Jane Roe", "Yazan: Ayşe Kaya",
// "Автор: Иван Петров", "Текст: …"; folded.
var visibleLabels = []string{"by", "yazan", "yazar", "muhabir", "haber", "автор", "автор материала", "текст",
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
		f := fold(t, 20)
		for _, l := range visibleLabels {
			rest, ok := strings.CutPrefix(f, l)
			if !ok {
				continue
			}
			r := firstRune(rest)
			glued := l == "by" && strings.HasPrefix(t, "By") && unicode.IsUpper(firstRune(t[2:]))
			if r == ':' || r == ' ' || glued {
				return cleanByline(strings.TrimLeft(skipRunes(t, len([]rune(l))), " :"))
			}
		}
	}
	return ""
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
		t := b.Text
		if len(t) > 100 || len(strings.Fields(t)) > 10 || strings.ContainsAny(t, "0123456789!?\"«»“”") ||
			strings.Contains(t, ". ") || (strings.HasSuffix(t, ".") && len(lastWord(t)) > 3) {
			continue
		}
		if s := cleanByline(t); s != "" {
			return s
		}
	}
	return ""
}

// bylineText is the text of the byline elements and of the lines around
// the headline, folded: where a page shows who wrote it.
func (w *walker) bylineText(blocks []article.Block, head int) string {
	var sb strings.Builder
	for _, r := range w.bylines {
		sb.WriteString(fold(nodeText(r.node, 300), 300))
		sb.WriteByte('\n')
	}
	if head >= 0 {
		for i := max(0, head-3); i < min(len(blocks), head+10); i++ {
			sb.WriteString(fold(blocks[i].Text, 300))
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

// shown says every person of a byline ("A, B") is in the folded text.
func shown(persons, visible string) bool {
	for _, p := range strings.Split(persons, ", ") {
		if !strings.Contains(visible, fold(p, 200)) {
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
var bylineLabels = []string{"haber merkezi", "yazar", "muhabir", "editor", "haber", "автор", "by"}

// cleanByline drops a leading label ("Yazar:", "Автор:") and rejects what
// is too long for names (an author bio box) or has no letters.
func cleanByline(s string) string {
	s = clean(s)
	// "ByTravis Haney", "Byby Jane Roe": a label in its own span, glued
	// to the name or to the text's own "by".
	for range 2 {
		if rest, ok := strings.CutPrefix(s, "By"); ok && unicode.IsUpper(firstRune(rest)) {
			s = rest
		} else if ok && strings.HasPrefix(rest, "by ") {
			s = rest
		}
	}
	f := fold(s, 20)
	for _, l := range bylineLabels {
		rest, ok := strings.CutPrefix(f, l)
		if !ok {
			continue
		}
		if l == "haber merkezi" { // a desk, not a label: keep it
			break
		}
		if r := firstRune(rest); r == ':' || r == ' ' {
			// fold maps rune for rune, so the label's rune count cuts s.
			s = strings.TrimLeft(skipRunes(s, len([]rune(l))), " :")
			break
		}
	}
	if s == "" || len(s) > 120 || strings.IndexFunc(s, unicode.IsLetter) < 0 {
		return ""
	}
	return s
}

func skipRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[i:]
		}
		n--
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// dateMetas are the <meta> keys holding a publication date, best first.
var dateMetas = []string{
	"article:published_time", "og:article:published_time", "article:published", "datepublished",
	"pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "dc.date.issued",
	"dcterms.issued", "dc.date", "dcterms.date", "citation_publication_date", "citation_date",
	"prism.publicationdate", "date", "sailthru.date", "parsely-pub-date", "datecreated",
	"dc.date.created", "dcterms.created",
}

// authorMetas are the <meta> keys holding the author, best first.
var authorMetas = []string{"author", "byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
	"citation_author", "article:author", "og:article:author", "cxenseparse:author"}

// modifiedMetas are the <meta> keys holding a last-updated time.
var modifiedMetas = []string{"article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "lastmod"}

// dates finds the publication and the update times. Machine-readable
// dates come first; a visible date fills what they leave open, and gives
// the time of day when the machine date has only the day.
func (w *walker) dates(l *layout, ld ldInfo, blocks []article.Block, head int, z zones) (pub, upd stamp) {
	pub = w.published(l, ld, z)
	if s, ok := parseDate(ld.modified, z); ok {
		upd = s
	}
	for _, k := range modifiedMetas {
		if !upd.zero() {
			break
		}
		if s, ok := parseDate(w.metas[k], z); ok {
			upd = s
		}
	}
	vp, vu := w.visibleDates(l, blocks, head, z)
	switch {
	case pub.zero():
		pub = vp
	case pub.prec == article.PrecisionDate && !vp.zero() && vp.prec != article.PrecisionDate &&
		sameDay(pub.t, vp.t, z.loc("")):
		pub = vp
	}
	if upd.zero() {
		upd = vu
	}
	if pub.zero() {
		// An element classed as a date, in the article, then anywhere
		// outside furniture: "19.07.2022" in a meta list under the body.
		pub = w.classDate(l, z)
	}
	if pub.zero() {
		// A news URL's path often holds the day: better than nothing.
		for _, u := range []string{w.canonicalURL(), w.pageURLString()} {
			if s, ok := urlDate(u, z); ok {
				pub = s
				break
			}
		}
	}
	if !upd.zero() && !pub.zero() && !upd.t.After(pub.t) {
		upd = stamp{} // no later than the publication: not an update
	}
	return pub, upd
}

func (w *walker) pageURLString() string {
	if w.pageURL == nil {
		return ""
	}
	return w.pageURL.String()
}

func sameDay(a, b time.Time, loc *time.Location) bool {
	a, b = a.In(loc), b.In(loc)
	return a.YearDay() == b.YearDay() && a.Year() == b.Year()
}

func (w *walker) published(l *layout, ld ldInfo, z zones) stamp {
	if w.rules != nil {
		for _, n := range w.rules.date {
			for _, s := range []string{attr(n, "datetime"), attr(n, "content"), nodeText(n, 200)} {
				if t, ok := parseDate(s, z); ok {
					return t
				}
			}
		}
	}
	if t, ok := parseDate(ld.published, z); ok {
		return t
	}
	for _, k := range dateMetas {
		if t, ok := parseDate(w.metas[k], z); ok {
			return t
		}
	}
	if t, ok := w.timeElement(l, z); ok {
		return t
	}
	return stamp{}
}

// timeElement prefers a <time> in the article, then one outside furniture:
// a sidebar's <time>s date other stories.
func (w *walker) timeElement(l *layout, z zones) (stamp, bool) {
	for pass := 0; pass < 2; pass++ {
		for _, r := range w.times {
			if pass == 0 && !w.within(r.elem, l.main) {
				continue
			}
			if pass == 1 && w.furniture(l, r.elem, r.marks) != "" {
				continue
			}
			if t, ok := parseDate(r.val, z); ok {
				return t, true
			}
		}
	}
	return stamp{}, false
}

func (w *walker) classDate(l *layout, z zones) stamp {
	for pass := 0; pass < 2; pass++ {
		for _, r := range w.dated {
			if pass == 0 && !w.within(r.elem, l.main) {
				continue
			}
			if pass == 1 && w.furniture(l, r.elem, r.marks) != "" {
				continue
			}
			if t := nodeText(r.node, 200); len(t) < 200 {
				if p, _ := visibleDate(t, z); !p.zero() {
					return p
				}
			}
		}
	}
	return stamp{}
}

// visibleDates looks for written dates near the headline, then at the
// top of the article, in blocks that are not furniture: the first block
// with a publication date gives it, the first with an update the update.
func (w *walker) visibleDates(l *layout, blocks []article.Block, head int, z zones) (pub, upd stamp) {
	var idx []int
	if head >= 0 {
		for i := max(0, head-3); i < min(len(blocks), head+12); i++ {
			idx = append(idx, i)
		}
	}
	n := 0
	for i := range blocks {
		if n < 12 && w.within(w.blocks[i].elem, l.main) {
			idx = append(idx, i)
			n++
		}
	}
	for _, i := range idx {
		b := &blocks[i]
		// A short line just under the headline is its date line whatever
		// zone its markup earned ("nav" for a div of links and spans).
		underHead := head >= 0 && i > head && i <= head+6 && len(b.Text) <= 80 && b.Zone == article.ZoneNav
		if len(b.Text) > 250 || !(soft(b.Zone) || b.Zone == article.ZoneHeader || underHead) {
			continue
		}
		p, u := visibleDate(b.Text, z)
		if pub.zero() {
			pub = p
		}
		if upd.zero() {
			upd = u
		}
		if !pub.zero() && !upd.zero() {
			break
		}
	}
	return pub, upd
}

// ldInfo is what JSON-LD says about the article.
type ldInfo struct {
	published, modified, headline string
	authors                       []string
	orgs                          []string // authors typed Organization
	publisher                     string
}

// parseJSONLD reads the page's JSON-LD scripts: the first Article-typed
// object wins, anywhere in @graph, arrays or nesting; failing that, the
// first object with a datePublished.
func parseJSONLD(srcs []string) ldInfo {
	var best, fallback *ldInfo
	for _, src := range srcs {
		var v any
		if err := json.Unmarshal([]byte(src), &v); err != nil {
			if json.Unmarshal(repairJSON(src), &v) != nil {
				continue
			}
		}
		visitLD(v, 0, &best, &fallback)
	}
	switch {
	case best != nil:
		if best.published == "" && fallback != nil {
			best.published = fallback.published
		}
		return *best
	case fallback != nil:
		return *fallback
	}
	return ldInfo{}
}

func visitLD(v any, depth int, best, fallback **ldInfo) {
	if depth > 16 {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			visitLD(x, depth+1, best, fallback)
		}
	case map[string]any:
		date, _ := v["datePublished"].(string)
		switch {
		case *best == nil && articleType(v["@type"]):
			*best = ldFrom(v)
		case *fallback == nil && date != "":
			*fallback = ldFrom(v)
		}
		for _, x := range v {
			switch x.(type) {
			case []any, map[string]any:
				visitLD(x, depth+1, best, fallback)
			}
		}
	}
}

func ldFrom(m map[string]any) *ldInfo {
	info := &ldInfo{}
	info.published, _ = m["datePublished"].(string)
	info.modified, _ = m["dateModified"].(string)
	info.headline, _ = m["headline"].(string)
	if p, ok := m["publisher"].(map[string]any); ok {
		name, _ := p["name"].(string)
		info.publisher = clean(name)
	}
	var add func(a any, depth int)
	add = func(a any, depth int) {
		switch a := a.(type) {
		case string:
			if s := cleanByline(a); s != "" && !strings.Contains(s, "://") && !contains(info.authors, s) && len(info.authors) < 8 {
				info.authors = append(info.authors, s)
			}
		case map[string]any:
			if t, _ := a["@type"].(string); t == "Organization" || t == "NewsMediaOrganization" {
				if s, _ := a["name"].(string); s != "" && len(info.orgs) < 4 {
					info.orgs = append(info.orgs, clean(s))
				}
				return
			}
			add(a["name"], depth)
		case []any:
			if depth < 2 {
				for _, x := range a {
					add(x, depth+1)
				}
			}
		}
	}
	add(m["author"], 0)
	return info
}

func articleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "BlogPosting") || strings.HasSuffix(t, "Report")
	case []any:
		for _, x := range t {
			if articleType(x) {
				return true
			}
		}
	}
	return false
}

// repairJSON fixes what CMSs commonly break in JSON-LD: raw newlines and
// tabs inside strings, and CDATA or comment wrappers.
func repairJSON(s string) []byte {
	s = strings.TrimSpace(s)
	for _, p := range []string{"//<![CDATA[", "<![CDATA[", "<!--"} {
		s = strings.TrimPrefix(s, p)
	}
	for _, p := range []string{"//]]>", "]]>", "-->"} {
		s = strings.TrimSuffix(strings.TrimSpace(s), p)
	}
	b := []byte(s)
	for i, c := range b {
		if c < 0x20 {
			b[i] = ' '
		}
	}
	return b
}

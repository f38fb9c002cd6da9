package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// kind is how the walk treats an element.
type kind uint8

const (
	kindInline kind = iota // part of the surrounding block's text
	kindBlock              // starts a block of its own
	kindSkip               // never text: scripts, styles, media, form controls
	kindBr
)

// leafy blocks are the ones whose own text is a paragraph-like unit (p, li,
// td). Other block elements (div, section) are containers: text directly
// inside them is still emitted, under their tag.
func leafy(a atom.Atom) bool {
	switch a {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Blockquote, atom.Figcaption, atom.Dd, atom.Dt,
		atom.Td, atom.Th, atom.Pre, atom.Caption, atom.Summary, atom.Legend, atom.Address:
		return true
	}
	return false
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// kindOf follows the browser defaults: unknown (custom) elements are inline,
// as they render inline unless styled.
func kindOf(n *html.Node) kind {
	switch n.DataAtom {
	case 0:
		return kindInline
	case atom.Br:
		return kindBr
	case atom.A, atom.Abbr, atom.Acronym, atom.B, atom.Bdi, atom.Bdo, atom.Big,
		atom.Cite, atom.Code, atom.Data, atom.Dfn, atom.Em, atom.Font, atom.I,
		atom.Img, atom.Kbd, atom.Label, atom.Mark, atom.Nobr, atom.Q, atom.Rp,
		atom.Rt, atom.Ruby, atom.S, atom.Samp, atom.Small, atom.Span,
		atom.Strike, atom.Strong, atom.Sub, atom.Sup, atom.Time, atom.Tt,
		atom.U, atom.Var, atom.Wbr, atom.Del, atom.Ins, atom.Output,
		atom.Meter, atom.Progress, atom.Picture, atom.Source, atom.Area:
		return kindInline
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg,
		atom.Math, atom.Iframe, atom.Frame, atom.Frameset, atom.Object,
		atom.Embed, atom.Video, atom.Audio, atom.Canvas, atom.Input,
		atom.Select, atom.Option, atom.Optgroup, atom.Textarea, atom.Button,
		atom.Datalist, atom.Title, atom.Meta, atom.Link, atom.Base,
		atom.Noembed, atom.Noframes, atom.Param:
		// Video and audio fallback text ("your browser does not support…")
		// is never shown by a current browser, nor is noembed's and
		// noframes' (raw markup, an old ad tag's fallback, to the parser:
		// text). The walk reads title, meta, link and base for metadata
		// before it skips them.
		return kindSkip
	}
	return kindBlock
}

// classInfo is what an element's class and id attributes say about it.
type classInfo struct {
	zone     article.Zone // furniture zone, "" if none
	positive bool         // looks like an article container (content, article__text)
	author   bool         // holds a byline (author, yazar, muhabir, автор)
	date     bool         // holds the date line (date, tarih, published, data)
	deck     bool         // sets the standfirst apart (lead, spot, chapo: leads.go)
}

// tokenClasses maps the words of class and id attributes, and pairs of
// adjacent words joined ("most-read" → "mostread"), to what they say of
// an element, in one table: each word of a class attribute costs one map
// lookup, and the walk looks up every word and word pair of every
// element's classes, most of which are in no section. Words are whole:
// "ad" matches class "ad-slot", never "header" or "load".
var tokenClasses = map[string]classInfo{
	// The furniture zones. Turkish and Russian sites name things in
	// their own language, often transliterated (yorum, ilgili,
	// cok-okunan, podval, shapka, vrezka).
	//
	// navigation and page tools
	"nav": {zone: article.ZoneNav}, "navbar": {zone: article.ZoneNav}, "navigation": {zone: article.ZoneNav},
	"menu": {zone: article.ZoneNav}, "submenu": {zone: article.ZoneNav}, "breadcrumb": {zone: article.ZoneNav},
	"breadcrumbs": {zone: article.ZoneNav}, "pagination": {zone: article.ZoneNav}, "pager": {zone: article.ZoneNav},
	"tags": {zone: article.ZoneNav}, "etiket": {zone: article.ZoneNav}, "etiketler": {zone: article.ZoneNav},
	"keywords": {zone: article.ZoneNav}, "share": {zone: article.ZoneNav}, "sharing": {zone: article.ZoneNav},
	"social": {zone: article.ZoneNav}, "socials": {zone: article.ZoneNav}, "soc": {zone: article.ZoneNav},
	"paylas": {zone: article.ZoneNav}, "sosyal": {zone: article.ZoneNav}, "toolbar": {zone: article.ZoneNav},
	"search": {zone: article.ZoneNav}, "arama": {zone: article.ZoneNav}, "login": {zone: article.ZoneNav},
	"addthis": {zone: article.ZoneNav}, "sharethis": {zone: article.ZoneNav},
	// sidebars, widgets, ads, consent banners
	"sidebar": {zone: article.ZoneAside}, "side": {zone: article.ZoneAside}, "aside": {zone: article.ZoneAside},
	"widget": {zone: article.ZoneAside}, "widgets": {zone: article.ZoneAside}, "ad": {zone: article.ZoneAside},
	"ads": {zone: article.ZoneAside}, "adv": {zone: article.ZoneAside}, "advert": {zone: article.ZoneAside},
	"advertisement": {zone: article.ZoneAside}, "advertising": {zone: article.ZoneAside},
	"reklam": {zone: article.ZoneAside}, "reklamlar": {zone: article.ZoneAside}, "banner": {zone: article.ZoneAside},
	"banners": {zone: article.ZoneAside}, "promo": {zone: article.ZoneAside}, "sponsor": {zone: article.ZoneAside},
	"sponsored": {zone: article.ZoneAside}, "subscribe": {zone: article.ZoneAside}, "newsletter": {zone: article.ZoneAside},
	"abone": {zone: article.ZoneAside}, "cookie": {zone: article.ZoneAside}, "cookies": {zone: article.ZoneAside},
	"consent": {zone: article.ZoneAside}, "gdpr": {zone: article.ZoneAside}, "kvkk": {zone: article.ZoneAside},
	"popup": {zone: article.ZoneAside}, "modal": {zone: article.ZoneAside}, "weather": {zone: article.ZoneAside},
	"havadurumu": {zone: article.ZoneAside}, "doviz": {zone: article.ZoneAside}, "borsa": {zone: article.ZoneAside},
	"piyasalar": {zone: article.ZoneAside}, "adfox": {zone: article.ZoneAside}, "adriver": {zone: article.ZoneAside},
	"rtb": {zone: article.ZoneAside}, "dfp": {zone: article.ZoneAside}, "adsbygoogle": {zone: article.ZoneAside},
	"adsense": {zone: article.ZoneAside}, "reklamalani": {zone: article.ZoneAside}, "sagkolon": {zone: article.ZoneAside},
	// the site's prompts amid the text: a sign-up or a call to action, a
	// tooltip's help text, a "story saved" toast, a web push offer, an
	// outdated-browser warning, a job board
	"signup": {zone: article.ZoneAside}, "cta": {zone: article.ZoneAside}, "tooltip": {zone: article.ZoneAside},
	"toast": {zone: article.ZoneAside}, "webpush": {zone: article.ZoneAside}, "outdatedbrowser": {zone: article.ZoneAside},
	"jobs": {zone: article.ZoneAside},
	// other articles: related, popular, teasers, tickers, teaser networks
	"related": {zone: article.ZoneRelated}, "ilgili": {zone: article.ZoneRelated}, "benzer": {zone: article.ZoneRelated},
	"also": {zone: article.ZoneRelated}, "seealso": {zone: article.ZoneRelated}, "teaser": {zone: article.ZoneRelated, deck: true},
	"teasers": {zone: article.ZoneRelated}, "tizer": {zone: article.ZoneRelated}, "more": {zone: article.ZoneRelated},
	"readmore": {zone: article.ZoneRelated}, "popular": {zone: article.ZoneRelated}, "populer": {zone: article.ZoneRelated},
	"mostread": {zone: article.ZoneRelated}, "mostpopular": {zone: article.ZoneRelated}, "mostviewed": {zone: article.ZoneRelated},
	"cokokunan": {zone: article.ZoneRelated}, "cokokunanlar": {zone: article.ZoneRelated}, "trending": {zone: article.ZoneRelated},
	"recommended": {zone: article.ZoneRelated}, "recommendations": {zone: article.ZoneRelated},
	"onerilen": {zone: article.ZoneRelated}, "oneriler": {zone: article.ZoneRelated}, "incut": {zone: article.ZoneRelated},
	"inject": {zone: article.ZoneRelated}, "vrezka": {zone: article.ZoneRelated}, "taboola": {zone: article.ZoneRelated},
	"outbrain": {zone: article.ZoneRelated}, "mgid": {zone: article.ZoneRelated}, "relap": {zone: article.ZoneRelated},
	"smi2": {zone: article.ZoneRelated}, "infox": {zone: article.ZoneRelated}, "lentainform": {zone: article.ZoneRelated},
	"othernews": {zone: article.ZoneRelated}, "lastnews": {zone: article.ZoneRelated}, "latestnews": {zone: article.ZoneRelated},
	"sonhaberler": {zone: article.ZoneRelated}, "digerhaberler": {zone: article.ZoneRelated},
	"sondakika": {zone: article.ZoneRelated}, "ticker": {zone: article.ZoneRelated}, "slider": {zone: article.ZoneRelated},
	"carousel": {zone: article.ZoneRelated},
	// comments
	"comment": {zone: article.ZoneComment}, "comments": {zone: article.ZoneComment}, "yorum": {zone: article.ZoneComment},
	"yorumlar": {zone: article.ZoneComment}, "disqus": {zone: article.ZoneComment}, "reply": {zone: article.ZoneComment},
	"replies": {zone: article.ZoneComment}, "kommentarii": {zone: article.ZoneComment},
	"комментарии": {zone: article.ZoneComment},
	// page footer and header
	"footer": {zone: article.ZoneFooter}, "copyright": {zone: article.ZoneFooter}, "colophon": {zone: article.ZoneFooter},
	"podval": {zone: article.ZoneFooter}, "contentinfo": {zone: article.ZoneFooter},
	// the author's biography under the story ("author-bio",
	// "author__biography", "yazar-bio"); "bio" alone may hold a
	// person's page, whose biography is the article
	"authorbio": {zone: article.ZoneFooter}, "authorbiography": {zone: article.ZoneFooter},
	"authordescription": {zone: article.ZoneFooter}, "shortbio": {zone: article.ZoneFooter}, "yazarbio": {zone: article.ZoneFooter},
	// the page's header
	"header": {zone: article.ZoneHeader}, "masthead": {zone: article.ZoneHeader}, "topbar": {zone: article.ZoneHeader},
	"shapka": {zone: article.ZoneHeader}, "logo": {zone: article.ZoneHeader},
	// captions and credits
	"caption": {zone: article.ZoneCaption}, "figcaption": {zone: article.ZoneCaption},
	"photocredit": {zone: article.ZoneCaption}, "credit": {zone: article.ZoneCaption}, "credits": {zone: article.ZoneCaption},
	// a video or audio player's title, description and fallback lines,
	// which caption the media; "player" alone may name a table's rows of
	// sportsmen
	"videoplayer": {zone: article.ZoneCaption}, "audioplayer": {zone: article.ZoneCaption},
	"jwplayer": {zone: article.ZoneCaption}, "stickyplayer": {zone: article.ZoneCaption},
	"playerwrapper": {zone: article.ZoneCaption}, "playercontainer": {zone: article.ZoneCaption},
	"playerplaceholder": {zone: article.ZoneCaption},

	// Likely article containers (a scoring bonus only).
	"content": {positive: true}, "article": {positive: true}, "articlebody": {positive: true}, "text": {positive: true}, "body": {positive: true},
	"detail": {positive: true}, "details": {positive: true}, "entry": {positive: true}, "post": {positive: true}, "story": {positive: true},
	"main": {positive: true}, "news": {positive: true}, "haber": {positive: true}, "icerik": {positive: true}, "metin": {positive: true},
	"habermetni": {positive: true}, "newsdetail": {positive: true}, "haberdetay": {positive: true}, "detay": {positive: true},
	"articletext": {positive: true}, "material": {positive: true}, "statya": {positive: true}, "novost": {positive: true},
	"publication": {positive: true},

	// Elements holding a byline.
	"author": {author: true}, "authors": {author: true}, "byline": {author: true}, "yazar": {author: true}, "muhabir": {author: true},
	"reporter": {author: true}, "avtor": {author: true}, "автор": {author: true},

	// An element holding the article's date or time.
	"date": {date: true}, "dateline": {date: true}, "datetime": {date: true}, "pubdate": {date: true}, "published": {date: true}, "timestamp": {date: true},
	"tarih": {date: true}, "tarihi": {date: true}, "data": {date: true}, "дата": {date: true}, "vremya": {date: true},

	// The summary set apart under a headline (the standfirst, leads.go):
	// "article__lead", "intro__text", "c-article-summary",
	// "entry-excerpt", "dek", "detay-spot", "doc_header__subheader",
	// "shorttext"; "teaser" above. A weak sign: the cleaner takes a block
	// so marked for the standfirst only where it opens the article. A deck
	// word counts alone, never in a pair (tokenBuf.lookup).
	"lead": {deck: true}, "lede": {deck: true}, "intro": {deck: true}, "summary": {deck: true}, "standfirst": {deck: true}, "deck": {deck: true}, "dek": {deck: true},
	"excerpt": {deck: true}, "abstract": {deck: true}, "synopsis": {deck: true}, "subtitle": {deck: true}, "subheader": {deck: true}, "subheadline": {deck: true},
	"shorttext": {deck: true}, "kurztext": {deck: true}, "vorspann": {deck: true}, "chapo": {deck: true}, "chapeau": {deck: true},
	"entradilla": {deck: true}, "sottotitolo": {deck: true}, "spot": {deck: true}, "ozet": {deck: true}, "lid": {deck: true}, "anons": {deck: true},
	"bold": {deck: true},
}

// zoneRank settles an element with several zone tokens: the more specific
// wins ("widget most-read" is related, "sidebar-comments" comments). Any
// zone beats "header", as an article header is part of the article while
// "article-header-share" is a share bar.
var zoneRank = map[article.Zone]int{
	article.ZoneHeader:  1,
	article.ZoneAside:   2,
	article.ZoneFooter:  3,
	article.ZoneCaption: 4,
	article.ZoneNav:     5,
	article.ZoneRelated: 6,
	article.ZoneComment: 7,
}

// tokenBuf splits attribute values into lowercase words at non-letters and
// at camelCase boundaries, dropping trailing digits ("share2" → "share").
type tokenBuf struct {
	cur, prev, pair []byte
	// read is what each class or id value read so far says: a page
	// repeats its values ("col-md-4", "item") from element to element,
	// and a repeat costs one map lookup instead of a lookup per word.
	read map[string]classInfo
}

// scan adds what the words of s say to ci.
func (b *tokenBuf) scan(s string, ci *classInfo) {
	c, ok := b.read[s]
	if !ok {
		b.words(s, &c)
		if b.read == nil {
			b.read = make(map[string]classInfo)
		}
		b.read[s] = c
	}
	// What words adds to a classInfo is a join: the zone of the highest
	// rank, the flags or-ed. Adding a value's own reading is adding its
	// words one by one.
	if c.zone != "" && zoneRank[c.zone] > zoneRank[ci.zone] {
		ci.zone = c.zone
	}
	ci.positive = ci.positive || c.positive
	ci.author = ci.author || c.author
	ci.date = ci.date || c.date
	ci.deck = ci.deck || c.deck
}

// words splits s into words and adds what each says to ci.
func (b *tokenBuf) words(s string, ci *classInfo) {
	b.cur, b.prev = b.cur[:0], b.prev[:0]
	lastLower := false
	for i := 0; i <= len(s); {
		r, size := rune(0), 1
		if i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				// Class names are mostly ASCII: the unicode tables'
				// answers for it, without the rune decoding and the
				// table searches.
				i++
				lower, upper, digit := 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9'
				if upper {
					c += 'a' - 'A'
				}
				if lower || digit || upper && !lastLower {
					b.cur = append(b.cur, c)
					lastLower = lower || digit
					continue
				}
				b.token(ci)
				if upper { // camelCase boundary: c starts the next token
					b.cur = append(b.cur, c)
				}
				lastLower = false
				continue
			}
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		isLetter := r != 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if isLetter && !(lastLower && unicode.IsUpper(r)) {
			b.cur = utf8.AppendRune(b.cur, unicode.ToLower(r))
			lastLower = unicode.IsLower(r) || unicode.IsDigit(r)
			continue
		}
		b.token(ci)
		if isLetter { // camelCase boundary: r starts the next token
			b.cur = utf8.AppendRune(b.cur, unicode.ToLower(r))
			lastLower = false
		} else {
			lastLower = false
		}
	}
}

// token looks up the finished word and the pair it forms with the previous
// word, then makes it the previous word.
func (b *tokenBuf) token(ci *classInfo) {
	t := b.cur
	for len(t) > 0 && t[len(t)-1] >= '0' && t[len(t)-1] <= '9' {
		t = t[:len(t)-1]
	}
	if len(t) == 0 {
		b.cur = b.cur[:0]
		return
	}
	// A word after "no" or "without" says what the element lacks:
	// "has-no-ticker", "layout-without-sidebar" and "no-ads" name a
	// page's wrapper, not a ticker, a sidebar or an advertisement.
	if !negation(b.prev) {
		if len(t) != len(b.cur) { // "smi2" is a name of its own
			b.lookup(b.cur, ci, false)
		}
		b.lookup(t, ci, false)
		if len(b.prev) > 0 {
			b.pair = append(append(b.pair[:0], b.prev...), t...)
			b.lookup(b.pair, ci, true)
		}
	} else if tokenClasses[string(t)].deck {
		// A deck word is read alone, negation or not ("no-lede"):
		// that is how the standfirst's markup has been read (leads.go).
		ci.deck = true
	}
	b.prev = append(b.prev[:0], t...)
	b.cur = b.cur[:0]
}

func negation(w []byte) bool {
	return string(w) == "no" || string(w) == "non" || string(w) == "without"
}

// lookup adds what word t says to ci; pair: t is two words joined. A
// deck word counts alone ("subHeader" is no deck).
func (b *tokenBuf) lookup(t []byte, ci *classInfo, pair bool) {
	c, ok := tokenClasses[string(t)]
	if !ok {
		return
	}
	if c.zone != "" && zoneRank[c.zone] > zoneRank[ci.zone] {
		ci.zone = c.zone
	}
	ci.positive = ci.positive || c.positive
	ci.author = ci.author || c.author
	ci.date = ci.date || c.date
	ci.deck = ci.deck || c.deck && !pair
}

// semanticZone is the zone an element's tag or ARIA role gives it.
func semanticZone(n *html.Node) article.Zone {
	for _, a := range n.Attr {
		if a.Key != "role" {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(a.Val)) {
		case "navigation", "search", "menu", "menubar":
			return article.ZoneNav
		case "complementary":
			return article.ZoneAside
		case "contentinfo":
			return article.ZoneFooter
		case "banner":
			return article.ZoneHeader
		}
	}
	switch n.DataAtom {
	case atom.Nav:
		return article.ZoneNav
	case atom.Header:
		return article.ZoneHeader
	case atom.Footer:
		return article.ZoneFooter
	case atom.Aside:
		return article.ZoneAside
	case atom.Figure, atom.Figcaption:
		return article.ZoneCaption
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// hasToken reports whether the space-separated attribute value v holds tok,
// ignoring ASCII case (rel="Canonical", itemprop="articleBody author").
func hasToken(v, tok string) bool {
	for f := range strings.FieldsSeq(v) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

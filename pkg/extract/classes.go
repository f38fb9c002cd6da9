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

// zoneTokens maps class/id tokens, and pairs of adjacent tokens joined
// ("most-read" → "mostread"), to the furniture zone they signal. Tokens are
// whole words: "ad" matches class "ad-slot", never "header" or "load".
// Turkish and Russian sites name things in their own language, often
// transliterated (yorum, ilgili, cok-okunan, podval, shapka, vrezka).
var zoneTokens = map[string]article.Zone{
	// navigation and page tools
	"nav": article.ZoneNav, "navbar": article.ZoneNav, "navigation": article.ZoneNav,
	"menu": article.ZoneNav, "submenu": article.ZoneNav, "breadcrumb": article.ZoneNav,
	"breadcrumbs": article.ZoneNav, "pagination": article.ZoneNav, "pager": article.ZoneNav,
	"tags": article.ZoneNav, "etiket": article.ZoneNav, "etiketler": article.ZoneNav,
	"keywords": article.ZoneNav, "share": article.ZoneNav, "sharing": article.ZoneNav,
	"social": article.ZoneNav, "socials": article.ZoneNav, "soc": article.ZoneNav,
	"paylas": article.ZoneNav, "sosyal": article.ZoneNav, "toolbar": article.ZoneNav,
	"search": article.ZoneNav, "arama": article.ZoneNav, "login": article.ZoneNav,
	"addthis": article.ZoneNav, "sharethis": article.ZoneNav,
	// sidebars, widgets, ads, consent banners
	"sidebar": article.ZoneAside, "side": article.ZoneAside, "aside": article.ZoneAside,
	"widget": article.ZoneAside, "widgets": article.ZoneAside, "ad": article.ZoneAside,
	"ads": article.ZoneAside, "adv": article.ZoneAside, "advert": article.ZoneAside,
	"advertisement": article.ZoneAside, "advertising": article.ZoneAside,
	"reklam": article.ZoneAside, "reklamlar": article.ZoneAside, "banner": article.ZoneAside,
	"banners": article.ZoneAside, "promo": article.ZoneAside, "sponsor": article.ZoneAside,
	"sponsored": article.ZoneAside, "subscribe": article.ZoneAside, "newsletter": article.ZoneAside,
	"abone": article.ZoneAside, "cookie": article.ZoneAside, "cookies": article.ZoneAside,
	"consent": article.ZoneAside, "gdpr": article.ZoneAside, "kvkk": article.ZoneAside,
	"popup": article.ZoneAside, "modal": article.ZoneAside, "weather": article.ZoneAside,
	"havadurumu": article.ZoneAside, "doviz": article.ZoneAside, "borsa": article.ZoneAside,
	"piyasalar": article.ZoneAside, "adfox": article.ZoneAside, "adriver": article.ZoneAside,
	"rtb": article.ZoneAside, "dfp": article.ZoneAside, "adsbygoogle": article.ZoneAside,
	"adsense": article.ZoneAside, "reklamalani": article.ZoneAside, "sagkolon": article.ZoneAside,
	// other articles: related, popular, teasers, tickers, teaser networks
	"related": article.ZoneRelated, "ilgili": article.ZoneRelated, "benzer": article.ZoneRelated,
	"also": article.ZoneRelated, "seealso": article.ZoneRelated, "teaser": article.ZoneRelated,
	"teasers": article.ZoneRelated, "tizer": article.ZoneRelated, "more": article.ZoneRelated,
	"readmore": article.ZoneRelated, "popular": article.ZoneRelated, "populer": article.ZoneRelated,
	"mostread": article.ZoneRelated, "mostpopular": article.ZoneRelated, "mostviewed": article.ZoneRelated,
	"cokokunan": article.ZoneRelated, "cokokunanlar": article.ZoneRelated, "trending": article.ZoneRelated,
	"recommended": article.ZoneRelated, "recommendations": article.ZoneRelated,
	"onerilen": article.ZoneRelated, "oneriler": article.ZoneRelated, "incut": article.ZoneRelated,
	"inject": article.ZoneRelated, "vrezka": article.ZoneRelated, "taboola": article.ZoneRelated,
	"outbrain": article.ZoneRelated, "mgid": article.ZoneRelated, "relap": article.ZoneRelated,
	"smi2": article.ZoneRelated, "infox": article.ZoneRelated, "lentainform": article.ZoneRelated,
	"othernews": article.ZoneRelated, "lastnews": article.ZoneRelated, "latestnews": article.ZoneRelated,
	"sonhaberler": article.ZoneRelated, "digerhaberler": article.ZoneRelated,
	"sondakika": article.ZoneRelated, "ticker": article.ZoneRelated, "slider": article.ZoneRelated,
	"carousel": article.ZoneRelated,
	// comments
	"comment": article.ZoneComment, "comments": article.ZoneComment, "yorum": article.ZoneComment,
	"yorumlar": article.ZoneComment, "disqus": article.ZoneComment, "reply": article.ZoneComment,
	"replies": article.ZoneComment, "kommentarii": article.ZoneComment,
	"комментарии": article.ZoneComment,
	// page footer and header
	"footer": article.ZoneFooter, "copyright": article.ZoneFooter, "colophon": article.ZoneFooter,
	"podval": article.ZoneFooter, "contentinfo": article.ZoneFooter,
	"header": article.ZoneHeader, "masthead": article.ZoneHeader, "topbar": article.ZoneHeader,
	"shapka": article.ZoneHeader, "logo": article.ZoneHeader,
	// captions and credits
	"caption": article.ZoneCaption, "figcaption": article.ZoneCaption,
	"photocredit": article.ZoneCaption, "credit": article.ZoneCaption, "credits": article.ZoneCaption,
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

// positiveTokens mark likely article containers (scoring bonus only).
var positiveTokens = map[string]bool{
	"content": true, "article": true, "articlebody": true, "text": true, "body": true,
	"detail": true, "details": true, "entry": true, "post": true, "story": true,
	"main": true, "news": true, "haber": true, "icerik": true, "metin": true,
	"habermetni": true, "newsdetail": true, "haberdetay": true, "detay": true,
	"articletext": true, "material": true, "statya": true, "novost": true,
	"publication": true,
}

// authorTokens mark elements holding a byline.
var authorTokens = map[string]bool{
	"author": true, "authors": true, "byline": true, "yazar": true, "muhabir": true,
	"reporter": true, "avtor": true, "автор": true,
}

// dateTokens name an element holding the article's date or time.
var dateTokens = map[string]bool{
	"date": true, "dateline": true, "datetime": true, "pubdate": true, "published": true, "timestamp": true,
	"tarih": true, "tarihi": true, "data": true, "дата": true, "vremya": true,
}

// tokenBuf splits attribute values into lowercase words at non-letters and
// at camelCase boundaries, dropping trailing digits ("share2" → "share").
type tokenBuf struct {
	cur, prev, pair []byte
}

func (b *tokenBuf) scan(s string, ci *classInfo) {
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

// tokenClasses merges the token tables, so that each word of a class
// attribute costs one map lookup: the walk looks up every word and word
// pair of every element's classes, most of which are in no table.
var tokenClasses = func() map[string]classInfo {
	m := make(map[string]classInfo, len(zoneTokens)+len(positiveTokens)+len(authorTokens)+len(dateTokens)+len(deckTokens))
	for t, z := range zoneTokens {
		c := m[t]
		c.zone = z
		m[t] = c
	}
	for t := range positiveTokens {
		c := m[t]
		c.positive = true
		m[t] = c
	}
	for t := range authorTokens {
		c := m[t]
		c.author = true
		m[t] = c
	}
	for t := range dateTokens {
		c := m[t]
		c.date = true
		m[t] = c
	}
	for t := range deckTokens {
		c := m[t]
		c.deck = true
		m[t] = c
	}
	return m
}()

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

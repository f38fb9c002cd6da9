package extract

import (
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// maxDepth bounds the block structure the walk tracks. Deeper block
// elements are read as text of the block they sit in (space-separated), so
// hostile nesting costs no bookkeeping while no text is lost. The recursion
// itself is bounded by x/net/html, which rejects nesting beyond 512.
const maxDepth = 400

// Bounds on metadata candidates: a page needs a handful, not thousands.
const (
	maxCandidates = 16
	maxJSONLD     = 8
	maxJSONLDSize = 1 << 20
)

// elem is one block-level element, indexed by its pre-order position: elem
// i is an ancestor-or-self of elem j exactly when i <= j < elems[i].end.
type elem struct {
	node   *html.Node
	parent int32
	end    int32
	// The blocks inside are w.blocks[firstBlock:endBlock]: the walk
	// flushes the block before on entering and its own on leaving, so
	// they are one run, and a scan of one element's blocks need not
	// pass over the page's.
	firstBlock, endBlock int32
	flags                uint16
	// aggregates over the blocks inside, filled after the walk
	score                  float64
	chars, linkChars, para int
	ownPara                int // para outside nested <article>s (comments, teasers)
	near                   int // para of the paragraphs that score this element first
}

const (
	flagArticle      uint16 = 1 << iota // <article> or role=article
	flagArticleScope                    // itemscope of an Article itemtype
	flagArticleBody                     // itemprop=articleBody
	flagRuleArticle
	flagRuleBody
	flagNoCandidate // html, body: never "the article"
	flagPositive    // class/id look like an article container
	flagDeck        // class/id set a standfirst apart (classInfo.deck)
)

// mark is one piece of zone evidence on an ancestor of a block. Marks form
// a chain from the innermost element outwards, shared by every block below.
type mark struct {
	elem   int32
	zone   article.Zone
	header bool // a header tag, role or class: part of the article when inside it
	forced bool // a Drop rule: applies even to an ancestor of the article
	weak   bool // from class/id words only: content evidence overrides it
	// prose: a comment word on an element whose text reads as one
	// article, not a thread (thread.go); the mark then counts for nothing.
	prose bool
	// sentences quoted below a class-word nav or aside mark: a "social"
	// or "widget" box that quotes text is an embed, not a row of buttons.
	sentences int
	// likePara is the paragraph text of the run of like siblings the
	// element stands in (holdsArticle), once likeDone.
	likePara int
	likeDone bool
	// inModule: the element is prose inside a module that holds the
	// article (holdsArticle), once likeDone.
	inModule bool
	parent   *mark
}

// rawBlock is a block before its zone is known.
type rawBlock struct {
	text             string
	node             *html.Node // the element whose text this is
	elem             int32
	chars, linkChars int // non-space runes, all and inside links
	href             string
	multiHref        bool
	// opens is the link the block's text opens with and openChars its
	// length: a linked headline followed by a lead, as teasers are.
	opens     string
	openChars int
	marks     *mark
	// thread: the block is part of a run of readers' comments by its
	// shape (threadShapes), whatever the markup calls it.
	thread bool
}

// ref is a metadata candidate found in the walk, with the block context it
// sat in so that its zone can be judged like a block's.
type ref struct {
	val   string
	node  *html.Node
	elem  int32
	marks *mark
}

// blockCtx is the block the walk is currently adding text to.
type blockCtx struct {
	node  *html.Node
	elem  int32
	marks *mark
}

type walker struct {
	pageURL *url.URL
	rules   *ruleMarks

	elems  []elem
	blocks []rawBlock
	ctx    blockCtx
	depth  int
	tok    tokenBuf

	// text of the block being built, in a buffer the blocks share: each
	// block's text is copied out once, rather than grown in a builder of
	// its own, allocation after allocation
	buf       []byte
	pending   bool // a space is owed before the next visible rune
	brSeen    bool // a <br> with no visible text since
	chars     int
	linkChars int
	href      string
	multiHref bool
	opens     string // the link the block opens with (rawBlock.opens)
	openChars int
	opening   bool // no text outside that link yet
	inLink    bool
	linkHref  string
	linkEnded bool // a link closed and no text followed yet

	// metadata
	lang      string
	titleText string
	metas     map[string]string
	// moreAuthors are the values of a repeated author meta after the
	// first, by key: the outlet first and the writer next on some
	// sites, co-authors one to a meta on others.
	moreAuthors map[string][]string
	canonical   string
	base        string
	jsonLD      []string
	times       []ref // <time> and itemprop=datePublished
	dated       []ref // elements whose class says they hold a date
	bylines     []ref // author/byline/yazar elements, rel=author, itemprop=author
	firstTitle  int   // index of the first h1 block, -1 if none

	proseMarks []proseMark // comment marks on article-like prose (thread.go)
	// keepMain: the class words inside the container zoned all its
	// prose away, and give way (zones).
	keepMain bool
}

// newWalker returns a walker of a page of about tags tags ("<" in it). The
// walk's slices start at a size the tags foretell, about one element in
// three tags and one block in four: a short article page has some 100
// tags, 35 elements and 25 blocks, and slices of 256 and 128, 35 KB to
// allocate and zero whatever the page, were a third of the bytes a page's
// extraction allocated. A longer page's slices grow as they always did.
func newWalker(pageURL *url.URL, tags int) *walker {
	return &walker{
		pageURL:    pageURL,
		ctx:        blockCtx{elem: -1},
		metas:      make(map[string]string, 8),
		elems:      make([]elem, 0, tags/3+8),
		blocks:     make([]rawBlock, 0, tags/4+8),
		firstTitle: -1,
	}
}

func (w *walker) walkDocument(root *html.Node) {
	w.children(root)
	w.flush()
}

func (w *walker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			w.text(c.Data)
		case html.ElementNode:
			w.element(c)
		}
	}
}

func (w *walker) element(n *html.Node) {
	if n.Namespace != "" { // svg and math content
		return
	}
	switch n.DataAtom {
	case atom.Meta:
		w.meta(n)
	case atom.Link:
		if w.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
			w.canonical = strings.TrimSpace(attr(n, "href"))
		}
	case atom.Base:
		if w.base == "" {
			w.base = strings.TrimSpace(attr(n, "href"))
		}
	case atom.Title:
		if w.titleText == "" {
			w.titleText = nodeText(n, 500)
		}
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && len(w.jsonLD) < maxJSONLD {
			if s := rawText(n); len(s) <= maxJSONLDSize {
				w.jsonLD = append(w.jsonLD, s)
			}
		}
	case atom.Html:
		if w.lang == "" {
			w.lang = attr(n, "lang")
		}
	}
	k := kindOf(n)
	switch k {
	case kindSkip:
		return
	case kindBr:
		w.br()
		return
	}

	var ci classInfo
	var itemprop, rel string
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
			if a.Val != "" && a.Namespace == "" {
				w.tok.scan(a.Val, &ci)
			}
		case "itemprop":
			itemprop = a.Val
		case "rel":
			rel = a.Val
		}
	}
	w.candidates(n, ci, itemprop, rel)

	if k == kindInline || w.depth >= maxDepth {
		inLink, linkHref := w.inLink, w.linkHref
		isLink := false
		if n.DataAtom == atom.A {
			if h, ok := hrefOf(n); ok {
				isLink = true
				w.inLink, w.linkHref = true, h
				// Adjacent links are separate words even when the
				// markup has no space between them (tag lists, menus).
				if w.linkEnded {
					w.pending = true
				}
			}
		}
		if k == kindBlock {
			w.pending = true
		}
		w.depth++
		w.children(n)
		w.depth--
		if k == kindBlock {
			w.pending = true
		}
		w.inLink, w.linkHref = inLink, linkHref
		if isLink {
			w.linkEnded = true
		}
		return
	}
	w.block(n, ci, itemprop)
}

func hrefOf(n *html.Node) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == "href" && a.Namespace == "" {
			return strings.TrimSpace(a.Val), true
		}
	}
	return "", false
}

// block enters a block-level element: the text so far belongs to the
// enclosing block, the element's text to a new one, and the text after it
// to the enclosing element again.
func (w *walker) block(n *html.Node, ci classInfo, itemprop string) {
	idx := int32(len(w.elems))
	e := elem{node: n, parent: w.ctx.elem}
	switch n.DataAtom {
	case atom.Html, atom.Body:
		e.flags |= flagNoCandidate
	case atom.Article:
		e.flags |= flagArticle
	}
	if strings.EqualFold(attr(n, "role"), "article") {
		e.flags |= flagArticle
	}
	if hasToken(itemprop, "articleBody") {
		e.flags |= flagArticleBody
	}
	if t := attr(n, "itemtype"); t != "" && strings.Contains(t, "Article") {
		e.flags |= flagArticleScope
	}
	if ci.positive {
		e.flags |= flagPositive
	}
	if ci.deck {
		e.flags |= flagDeck
	}
	marks := w.ctx.marks
	zone, header := ci.zone, ci.zone == article.ZoneHeader
	weak := zone != ""
	if zone == "" {
		zone = semanticZone(n)
		header = zone == article.ZoneHeader
	}
	forced := false
	if r := w.rules; r != nil {
		if r.drop[n] {
			zone, header, forced, weak = article.ZoneNav, false, true, false
		}
		if r.article[n] {
			e.flags |= flagRuleArticle
		}
		if r.body[n] {
			e.flags |= flagRuleBody
		}
	}
	if zone != "" {
		marks = &mark{elem: idx, zone: zone, header: header, forced: forced, weak: weak, parent: marks}
	}
	w.elems = append(w.elems, e)

	w.flush()
	w.elems[idx].firstBlock = int32(len(w.blocks))
	saved := w.ctx
	w.ctx = blockCtx{node: n, elem: idx, marks: marks}
	w.depth++
	w.children(n)
	w.depth--
	w.flush()
	w.ctx = saved
	w.elems[idx].end = int32(len(w.elems))
	w.elems[idx].endBlock = int32(len(w.blocks))
}

// candidates records elements that may carry the byline or the date.
func (w *walker) candidates(n *html.Node, ci classInfo, itemprop, rel string) {
	if len(w.bylines) < maxCandidates &&
		(ci.author || hasToken(itemprop, "author") || (n.DataAtom == atom.A && hasToken(rel, "author"))) {
		w.bylines = append(w.bylines, ref{node: n, elem: w.ctx.elem, marks: w.ctx.marks})
	}
	if ci.date && len(w.dated) < maxCandidates && n.DataAtom != atom.Time {
		w.dated = append(w.dated, ref{node: n, elem: w.ctx.elem, marks: w.ctx.marks})
	}
	if len(w.times) >= maxCandidates {
		return
	}
	if (n.DataAtom == atom.Time && !hasToken(itemprop, "dateModified")) || hasToken(itemprop, "datePublished") {
		v := attr(n, "datetime")
		if v == "" {
			v = attr(n, "content")
		}
		if v == "" && n.DataAtom == atom.Time {
			// <time data-published="2016-12-09 09:13:00Z">: a machine
			// date in an attribute of another name.
			for _, a := range n.Attr {
				if len(a.Val) <= 40 && machineDateRE.MatchString(a.Val) {
					v = a.Val
					break
				}
			}
		}
		if v == "" {
			v = nodeText(n, 100)
		}
		if v != "" {
			w.times = append(w.times, ref{val: v, node: n, elem: w.ctx.elem, marks: w.ctx.marks})
		}
	}
}

// metaKeys are the <meta> names, properties and itemprops the metadata uses.
var metaKeys = map[string]bool{
	"og:title": true, "twitter:title": true, "og:url": true, "og:locale": true, "og:site_name": true,
	"article:published_time": true, "datepublished": true, "pubdate": true,
	"publishdate": true, "publish-date": true, "date": true, "dc.date": true,
	"dc.date.issued": true, "sailthru.date": true, "parsely-pub-date": true,
	"author": true, "article:author": true, "content-language": true,
	"application-name":      true,
	"article:modified_time": true, "og:updated_time": true, "datemodified": true,
	"dc.date.modified": true, "lastmod": true,
	"og:article:published_time": true, "article:published": true, "publish_date": true,
	"publication_date": true, "dcterms.issued": true, "dcterms.date": true,
	"citation_publication_date": true, "citation_date": true, "prism.publicationdate": true,
	"datecreated": true, "dc.date.created": true, "dcterms.created": true,
	"byl": true, "parsely-author": true, "sailthru.author": true, "dc.creator": true,
	"dcterms.creator": true, "citation_author": true, "og:article:author": true, "cxenseparse:author": true,
}

func (w *walker) meta(n *html.Node) {
	var key, content string
	for _, a := range n.Attr {
		switch a.Key {
		case "property", "name", "itemprop", "http-equiv":
			if key == "" {
				key = strings.ToLower(strings.TrimSpace(a.Val))
			}
		case "content":
			content = strings.TrimSpace(a.Val)
		}
	}
	if content == "" || !metaKeys[key] {
		return
	}
	if _, ok := w.metas[key]; !ok {
		w.metas[key] = content
	} else if slices.Contains(authorMetas, key) {
		if w.moreAuthors == nil {
			w.moreAuthors = map[string][]string{}
		}
		w.moreAuthors[key] = append(w.moreAuthors[key], content)
	}
}

func (w *walker) flush() {
	if w.chars > 0 {
		b := rawBlock{
			text:      string(w.buf),
			node:      w.ctx.node,
			elem:      w.ctx.elem,
			chars:     w.chars,
			linkChars: w.linkChars,
			href:      w.href,
			opens:     w.opens,
			openChars: w.openChars,
			multiHref: w.multiHref,
			marks:     w.ctx.marks,
		}
		if w.firstTitle < 0 && b.node != nil && b.node.DataAtom == atom.H1 {
			w.firstTitle = len(w.blocks)
		}
		w.blocks = append(w.blocks, b)
	}
	w.buf = w.buf[:0]
	w.pending, w.brSeen, w.linkEnded = false, false, false
	w.chars, w.linkChars = 0, 0
	w.href, w.multiHref = "", false
	w.opens, w.openChars, w.opening = "", 0, false
}

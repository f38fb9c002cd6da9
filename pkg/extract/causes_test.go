package extract

import (
	"bytes"
	"flag"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
	"testing"
	"text/tabwriter"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/wiredesk/wiredesk/internal/heldout"
	"github.com/wiredesk/wiredesk/internal/zyte"
	"github.com/wiredesk/wiredesk/pkg/article"
)

var causesQuick = flag.Bool("causes-quick", false, "with -causes: skip the costly profiles of the lost pages with a container (the least element holding the reference, go-trafilatura's text and the best candidate there)")

var causesBench = flag.Bool("causes-bench", false, "with -causes: a page is lost as bench/extract counts it (the * rows: with the title in front where the reference opens with either extractor's; go-trafilatura's title from -causes-gt)")

var causesDir = flag.String("causes", "", "a page set in the CleanEval layout: tally, over the whole set, which rule zoned its reference text comment")

// TestCommentCauses is a diagnostic, not a test: with -causes DIR it
// extracts every page of a set and tallies, over the whole set, the
// reference's characters that went to blocks zoned comment, by the rule
// that zoned them (a class word, on which element, where against the
// container; or a thread by its shape), and where the reference of the
// pages lost went. It prints aggregate lines only, so it may be run on a
// held-out set: no page, no site, no class name of a page is printed.
//
//	go test ./pkg/extract -run TestCommentCauses -causes /work/heldout/dragnet_data -v
func TestCommentCauses(t *testing.T) {
	if *causesDir == "" {
		t.Skip("no -causes DIR")
	}
	pages, err := heldout.Load(*causesDir)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("http://localhost/page.html")
	type row struct{ chars, pages int }
	causes := map[string]*row{}
	lostZones := map[string]int{}
	lostCauses := map[string]*row{}
	lost, hit, total := 0, 0, 0
	profiles, recalls, bare, gone, wrong := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	gtWhere, cands, briefs := map[string]int{}, map[string]int{}, map[string]int{}
	for _, p := range pages {
		src, err := readPage(bytes.NewReader(p.HTML), prep{strip: true, attrs: true})
		if err != nil {
			continue
		}
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(src))
		if err != nil || len(doc.Nodes) == 0 {
			continue
		}
		var before bytes.Buffer
		html.Render(&before, doc.Nodes[0])
		prune(doc.Nodes[0])
		w := newWalker(u, bytes.Count(src, []byte("<")))
		w.walkDocument(doc.Nodes[0])
		w.aggregate()
		l := w.container()
		blocks := w.zones(&l)
		res := &Result{Blocks: blocks}
		isLost := zyte.Match(p.Truth, res.ArticleText()).Recall() < 0.1
		if *causesBench {
			isLost = benchLost(p.HTML, p.Truth)
		}
		if isLost {
			lost++
		}
		gold := causeLetters(p.Truth)
		seen := map[string]bool{}
		inRef, inComment := 0, 0
		for i := range blocks {
			txt := causeLetters(blocks[i].Text)
			if len(txt) < 20 || !strings.Contains(gold, txt) {
				continue
			}
			inRef += len(txt)
			if isLost {
				lostZones[string(blocks[i].Zone)] += len(txt)
			}
			if blocks[i].Zone != article.ZoneComment {
				continue
			}
			inComment += len(txt)
			key := w.commentCause(&l, i)
			add := func(m map[string]*row) {
				r := m[key]
				if r == nil {
					r = &row{}
					m[key] = r
				}
				r.chars += len(txt)
				if !seen[key] {
					r.pages++
				}
			}
			add(causes)
			if isLost {
				add(lostCauses)
			}
			seen[key] = true
		}
		total += inComment
		if isLost {
			if l.main < 0 {
				briefs[w.briefProfile(p.Truth)]++
			}
			if gt, ok := gtText(p.HTML); ok && (!*causesQuick || l.main < 0) {
				gtWhere[w.gtProfile(&l, p.Truth, gt)]++
			}
			if !*causesQuick || l.main < 0 {
				cands[w.candProfile(&l, p.Truth)]++
			}
			profiles[w.lostProfile(&l, blocks, gold)]++
			recalls[recallProfile(&l, blocks, p.Truth)]++
			if l.main < 0 {
				bare[w.bareProfile(p.Truth)]++
			} else if !*causesQuick {
				wrong[w.wrongProfile(&l, p.Truth)]++
			}
			if all := allText(blocks); zyte.Match(p.Truth, all).Recall() < 0.2 {
				var after bytes.Buffer
				html.Render(&after, doc.Nodes[0])
				b := func(r float64) string { return fmt.Sprintf("%.1f", float64(int(r*5))/5) }
				visible, _ := heldout.Text(p.HTML, nil)
				pre, _ := heldout.Text(before.Bytes(), nil)
				post, _ := heldout.Text(after.Bytes(), nil)
				gone[fmt.Sprintf("recall in the page's markup %s, its visible text %s, the parsed page %s, pruned %s, the blocks %s",
					b(zyte.Match(p.Truth, string(p.HTML)).Recall()), b(zyte.Match(p.Truth, visible).Recall()),
					b(zyte.Match(p.Truth, pre).Recall()), b(zyte.Match(p.Truth, post).Recall()), b(zyte.Match(p.Truth, all).Recall()))]++
			}
		}
		if inComment*3 >= inRef && inComment > 0 {
			hit++
		}
	}
	out := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(out, "%d pages; reference characters zoned comment: %d; pages with a third or more of their found reference zoned comment: %d; pages lost (body recall < 0.1, no title): %d\n",
		len(pages), total, hit, lost)
	printCauses := func(title string, m map[string]*row) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return m[keys[i]].chars > m[keys[j]].chars })
		fmt.Fprintf(out, "\n%s\tchars\tpages\n", title)
		for _, k := range keys {
			fmt.Fprintf(out, "%s\t%d\t%d\n", k, m[k].chars, m[k].pages)
		}
	}
	printCauses("reference text zoned comment, by cause", causes)
	printCauses("the same on the pages lost", lostCauses)
	zs := make([]string, 0, len(lostZones))
	for z := range lostZones {
		zs = append(zs, z)
	}
	sort.Slice(zs, func(i, j int) bool { return lostZones[zs[i]] > lostZones[zs[j]] })
	fmt.Fprintf(out, "\nthe pages lost: reference characters by zone\tchars\t\n")
	for _, z := range zs {
		fmt.Fprintf(out, "%s\t%d\t\n", z, lostZones[z])
	}
	ps := make([]string, 0, len(profiles))
	for k := range profiles {
		ps = append(ps, k)
	}
	sort.Slice(ps, func(i, j int) bool {
		return profiles[ps[i]] > profiles[ps[j]] || profiles[ps[i]] == profiles[ps[j]] && ps[i] < ps[j]
	})
	fmt.Fprintf(out, "\nthe pages lost, by profile\tpages\t\n")
	for _, k := range ps {
		fmt.Fprintf(out, "%s\t%d\t\n", k, profiles[k])
	}
	ps = ps[:0]
	for k := range recalls {
		ps = append(ps, k)
	}
	sort.Strings(ps)
	ps = ps[:0]
	for k := range wrong {
		ps = append(ps, k)
	}
	sort.Strings(ps)
	fmt.Fprintf(out, "\nthe pages lost with a container: the least element holding the reference\tpages\t\n")
	for _, k := range ps {
		fmt.Fprintf(out, "%s\t%d\t\n", k, wrong[k])
	}
	ps = ps[:0]
	for k := range gone {
		ps = append(ps, k)
	}
	sort.Strings(ps)
	fmt.Fprintf(out, "\nthe pages lost with under 0.2 of the reference in any block\tpages\t\n")
	for _, k := range ps {
		fmt.Fprintf(out, "%s\t%d\t\n", k, gone[k])
	}
	ps = ps[:0]
	for k := range bare {
		ps = append(ps, k)
	}
	sort.Strings(ps)
	fmt.Fprintf(out, "\nthe pages lost with no container: the best candidate\tpages\t\n")
	for _, k := range ps {
		fmt.Fprintf(out, "%s\t%d\t\n", k, bare[k])
	}
	ps = ps[:0]
	for k := range recalls {
		ps = append(ps, k)
	}
	sort.Strings(ps)
	fmt.Fprintf(out, "\nthe pages lost, by the reference's recall in all blocks and in the best zone\tpages\t\n")
	for _, k := range ps {
		fmt.Fprintf(out, "%s\t%d\t\n", k, recalls[k])
	}
	for _, m := range []struct {
		title string
		m     map[string]int
	}{
		{"the pages lost, by go-trafilatura's verdict and where its text lies", gtWhere},
		{"the pages lost: the container chosen against the candidate of best F1, by kind", cands},
		{"the pages lost with no container: the candidate of best F1", briefs},
	} {
		ps = ps[:0]
		for k := range m.m {
			ps = append(ps, k)
		}
		sort.Slice(ps, func(i, j int) bool { return m.m[ps[i]] > m.m[ps[j]] || m.m[ps[i]] == m.m[ps[j]] && ps[i] < ps[j] })
		fmt.Fprintf(out, "\n%s\tpages\t\n", m.title)
		for _, k := range ps {
			fmt.Fprintf(out, "%s\t%d\t\n", k, m.m[k])
		}
	}
	out.Flush()
}

// wrongProfile describes a lost page's container against the least
// element that holds most of the reference the page's blocks hold.
func (w *walker) wrongProfile(l *layout, truth string) string {
	text := func(e int32) string {
		var sb strings.Builder
		for _, b := range w.blocksIn(e) {
			sb.WriteString(b.text)
			sb.WriteString("\n")
		}
		return sb.String()
	}
	var all strings.Builder
	for i := range w.blocks {
		all.WriteString(w.blocks[i].text)
		all.WriteString("\n")
	}
	want := zyte.Match(truth, all.String()).Recall() * 0.7
	if want < 0.1 {
		return "the reference is in no block"
	}
	ref := int32(-1)
	for i := range w.elems {
		e := int32(i)
		if w.elems[i].flags&flagNoCandidate != 0 || w.elems[i].chars == 0 {
			continue
		}
		if zyte.Match(truth, text(e)).Recall() >= want && (ref < 0 || w.within(e, ref)) {
			ref = e
		}
	}
	if ref < 0 {
		return "no element short of <body> holds it"
	}
	bucket := func(n int) string {
		switch {
		case n < 100:
			return "<100"
		case n < 200:
			return "<200"
		case n < 500:
			return "<500"
		case n < 2000:
			return "<2k"
		}
		return ">=2k"
	}
	vocab := func(e int32) string {
		var toks []string
		n := w.elems[e].node
		for _, key := range []string{"class", "id"} {
			for _, f := range strings.FieldsFunc(strings.ToLower(attr(n, key)), func(r rune) bool { return !unicode.IsLetter(r) }) {
				if ci, ok := tokenClasses[f]; ok && (ci.zone != "" || ci.positive) {
					toks = append(toks, f)
				}
			}
		}
		return "<" + n.Data + "[" + strings.Join(toks, " ") + "]>"
	}
	re, ce := &w.elems[ref], &w.elems[l.main]
	pos := "after"
	switch {
	case w.within(ref, l.main):
		pos = "inside"
	case w.within(l.main, ref):
		pos = "around"
	case ref < l.main:
		pos = "before"
	}
	h1 := "no h1"
	if t := w.firstTitle; t >= 0 {
		h := w.blocks[t].elem
		switch {
		case w.within(h, ref):
			h1 = "h1 in it"
		case h < ref && w.firstProse(t, ref):
			h1 = "first prose after h1"
		case h < ref:
			h1 = "h1 before"
		default:
			h1 = "h1 after"
		}
		switch {
		case w.within(h, l.main):
			h1 += ", h1 in the container"
		case h < l.main:
			h1 += ", h1 before the container"
		default:
			h1 += ", h1 after the container"
		}
		if w.titleMatch(t) {
			h1 += " (title)"
		}
	}
	titled := func(e int32) string {
		for _, b := range w.blocksIn(e) {
			if b.node != nil && headingLevel(b.node.DataAtom) > 0 && len(b.text) >= 10 &&
				strings.Contains(strings.ToLower(w.titleText), strings.ToLower(b.text)) {
				return " titled <" + b.node.Data + ">"
			}
		}
		return ""
	}
	return fmt.Sprintf("%s%s para %s links %d%%, %s the container %s%s para %s; %s; score %.1f of the container's",
		vocab(ref), titled(ref), bucket(re.para), re.linkChars*100/max(re.chars, 1)/10*10, pos, vocab(l.main), titled(l.main), bucket(ce.para), h1,
		float64(int(w.final(ref)/max(w.final(l.main), 1e-9)*10))/10)
}

// titleMatch reports block t's text opening <title>.
func (w *walker) titleMatch(t int) bool {
	b := &w.blocks[t]
	return len(b.text) >= 10 && strings.Contains(strings.ToLower(w.titleText), strings.ToLower(b.text))
}

func allText(blocks []article.Block) string {
	var sb strings.Builder
	for i := range blocks {
		sb.WriteString(blocks[i].Text)
		sb.WriteString("\n")
	}
	return sb.String()
}

// bareProfile says why a page has no container: its best candidate's
// prose, links and headline, and the reference's recall in it.
func (w *walker) bareProfile(truth string) string {
	best, bestScore := int32(-1), 0.0
	for i := range w.elems {
		if s := w.final(int32(i)); s > bestScore {
			best, bestScore = int32(i), s
		}
	}
	words := len(strings.Fields(truth))
	wb := ">=100"
	switch {
	case words < 25:
		wb = "<25"
	case words < 50:
		wb = "<50"
	case words < 100:
		wb = "<100"
	}
	if best < 0 {
		// the page's longest block, and what kept it from scoring
		var lb *rawBlock
		for i := range w.blocks {
			if lb == nil || w.blocks[i].chars > lb.chars {
				lb = &w.blocks[i]
			}
		}
		if lb == nil {
			return "no candidate, no block; reference words " + wb
		}
		tag := "text"
		if lb.node != nil {
			tag = lb.node.Data
		}
		var zb strings.Builder
		for _, b := range w.blocks {
			zb.WriteString(b.text)
			zb.WriteString("\n")
		}
		return fmt.Sprintf("no candidate; longest block <%s> %d letters, links %d%%, paragraph %v; recall in all blocks %.1f; reference words %s",
			tag, lb.chars/100*100, lb.linkChars*100/max(lb.chars, 1)/10*10, paragraphLike(lb),
			float64(int(zyte.Match(truth, zb.String()).Recall()*5))/5, wb)
	}
	e := &w.elems[best]
	pb := ">=200"
	switch {
	case e.para < 25:
		pb = "<25"
	case e.para < 100:
		pb = "<100"
	case e.para < 200:
		pb = "<200"
	}
	links := "few links"
	if e.linkChars*3 >= e.chars {
		links = "links>=1/3"
	}
	head := "h1"
	t := w.firstTitle
	if t < 0 {
		head = "title line"
		t = w.titleLine(best)
	}
	if t < 0 {
		head = "no headline"
	} else {
		h := w.blocks[t].elem
		switch {
		case w.within(h, best):
			head += " inside"
		case h < best:
			head += " before"
		default:
			head += " after"
		}
	}
	var sb strings.Builder
	for _, b := range w.blocksIn(best) {
		sb.WriteString(b.text)
		sb.WriteString("\n")
	}
	r := zyte.Match(truth, sb.String()).Recall()
	return fmt.Sprintf("<%s> para %s, %s, %s; reference words %s, recall in it %.1f", e.node.Data, pb, links, head, wb, float64(int(r*5))/5)
}

// recallProfile says where a lost page's reference went by the
// benchmark's token recall: in all the page's blocks, and in the blocks
// of the zone that holds most of it.
func recallProfile(l *layout, blocks []article.Block, truth string) string {
	var all strings.Builder
	byZone := map[article.Zone]*strings.Builder{}
	for i := range blocks {
		all.WriteString(blocks[i].Text)
		all.WriteString("\n")
		sb := byZone[blocks[i].Zone]
		if sb == nil {
			sb = &strings.Builder{}
			byZone[blocks[i].Zone] = sb
		}
		sb.WriteString(blocks[i].Text)
		sb.WriteString("\n")
	}
	bucket := func(r float64) string { return fmt.Sprintf("%.1f", float64(int(r*5))/5) }
	best, bestR := article.Zone("none"), 0.0
	for z, sb := range byZone {
		if r := zyte.Match(truth, sb.String()).Recall(); r > bestR || r == bestR && z < best {
			best, bestR = z, r
		}
	}
	c := "container"
	switch {
	case l.main < 0:
		c = "no container"
	case l.page:
		c = "page container"
	}
	return fmt.Sprintf("all %s, best %s %s, %s, %d words in the reference", bucket(zyte.Match(truth, all.String()).Recall()), best, bucket(bestR), c,
		min(len(strings.Fields(truth))/100*100, 1000))
}

// lostProfile describes a lost page in a fixed vocabulary: the zone most
// of its found reference went to and, when that is comment, the
// comment-worded element holding it against the container.
func (w *walker) lostProfile(l *layout, blocks []article.Block, gold string) string {
	zones := map[article.Zone]int{}
	marks := map[*mark]int{}
	for i := range blocks {
		txt := causeLetters(blocks[i].Text)
		if len(txt) < 20 || !strings.Contains(gold, txt) {
			continue
		}
		zones[blocks[i].Zone] += len(txt)
		if blocks[i].Zone == article.ZoneComment {
			b := &w.blocks[i]
			if m := w.furnitureMark(l, b.elem, b.marks); m != nil {
				marks[m] += len(txt)
			}
		}
	}
	var top article.Zone
	for z, n := range zones {
		if n > zones[top] || n == zones[top] && z < top {
			top = z
		}
	}
	if top == "" {
		return "no reference text found in any block"
	}
	if top != article.ZoneComment {
		return "most in " + string(top)
	}
	var m *mark
	for k, n := range marks {
		if m == nil || n > marks[m] {
			m = k
		}
	}
	if m == nil {
		return "most in comment: shape"
	}
	bucket := func(n int) string {
		switch {
		case n < 500:
			return "<500"
		case n < 2000:
			return "<2k"
		case n < 5000:
			return "<5k"
		}
		return ">=5k"
	}
	e := &w.elems[m.elem]
	c := "none"
	if l.main >= 0 {
		ce := &w.elems[l.main]
		c = fmt.Sprintf("<%s> para %s", ce.node.Data, bucket(ce.para))
		if w.firstTitle >= 0 && w.within(w.blocks[w.firstTitle].elem, l.main) {
			c += " holds h1"
		}
	}
	h1 := "no h1"
	if w.firstTitle >= 0 {
		switch t := w.blocks[w.firstTitle].elem; {
		case w.within(t, m.elem):
			h1 = "h1 inside"
		case t < m.elem:
			h1 = "h1 before"
		default:
			h1 = "h1 after"
		}
	}
	var toks []string
	for _, key := range []string{"class", "id"} {
		for _, f := range strings.FieldsFunc(strings.ToLower(attr(e.node, key)), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if _, ok := tokenClasses[f]; ok {
				toks = append(toks, key+":"+f)
			}
		}
	}
	return fmt.Sprintf("most in comment: <%s> [%s] para %s runs %d, %s; container %s",
		e.node.Data, strings.Join(toks, " "), bucket(e.para), w.threadRuns(m.elem), h1, c)
}

// commentCause names the rule that zoned block i comment, in words of a
// fixed vocabulary: never a page's own class names.
func (w *walker) commentCause(l *layout, i int) string {
	b := &w.blocks[i]
	m := w.furnitureMark(l, b.elem, b.marks)
	if m == nil || m.zone != article.ZoneComment {
		return "shape: markComments"
	}
	n := w.elems[m.elem].node
	word, where := "?", "?"
	for _, key := range []string{"class", "id"} {
		v := strings.ToLower(attr(n, key))
		for _, c := range []string{"disqus", "replies", "reply", "comment", "yorum", "komment", "комментари"} {
			if strings.Contains(v, c) {
				word, where = c, key
				break
			}
		}
		if word != "?" {
			break
		}
	}
	pos := "no container"
	switch {
	case l.main < 0:
	case w.within(m.elem, l.main):
		pos = "inside the container"
	case m.elem < l.main:
		pos = "before the container"
	default:
		pos = "after the container"
	}
	var flags []string
	if l.main >= 0 && w.elems[m.elem].para >= w.elems[l.main].para {
		flags = append(flags, "prose>=container's")
	}
	if w.firstTitle >= 0 && w.within(w.blocks[w.firstTitle].elem, m.elem) {
		flags = append(flags, "holds h1")
	}
	if m.prose {
		flags = append(flags, "prose")
	}
	if b.thread {
		flags = append(flags, "thread shape")
	}
	if l.page {
		flags = append(flags, "page")
	}
	return fmt.Sprintf("word %s in %s of <%s>, %s %s", word, where, n.Data, pos, strings.Join(flags, ","))
}

// causeLetters is the text's letters and digits, case folded, as the
// bench's zone tally reads them.
func causeLetters(s string) string {
	var sb strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}

package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// Thresholds of the body's shape, in runes.
const (
	maxLabel     = 80  // a label, byline or date line is shorter than this
	linkRunShare = 0.5 // a block at least this much link text is a link
	inlineTeaser = 0.6 // a line this much link text amid prose is a teaser
	maxShopRun   = 4   // off-site links amid the text: a few shops, not a link farm
)

// sentence reports text that ends like a sentence, or runs long enough to
// be prose whatever its end.
func sentence(text string) bool {
	if runesOver(text, 2*maxLabel) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, " \u00a0\"'”»)]*"))
	return strings.ContainsRune(".!?;…。", last)
}

// prose is a paragraph of running text: a sentence with few links.
func prose(b *article.Block) bool {
	return b.Level == 0 && b.LinkDensity < linkRunShare && sentence(b.Text) && wordsUpTo(b.Text, 6) >= 6
}

// words counts the runs of letters and digits in s. Every block is
// counted, most of them more than once, so the characters of Turkish and
// Russian (below U+0800: one or two bytes) are decoded here and looked up
// in wordRunes, not in unicode's tables (a search a character); the rest
// are asked of unicode as before (TestWords).
func words(s string) int { return wordsUpTo(s, len(s)+1) }

// wordsUpTo is min(words(s), max), max > 0, counting no further than the
// word max:
// most blocks are asked whether they hold a few words, and a paragraph's
// answer is in its first words.
func wordsUpTo(s string, max int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var w bool
		switch {
		case c < utf8.RuneSelf:
			w = wordRune(rune(c))
			i++
		case c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			// A two-byte sequence (0xC0 and 0xC1 would be overlong).
			w = wordRune(rune(c&0x1F)<<6 | rune(s[i+1]&0x3F))
			i += 2
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			w = wordRune(r)
			i += size
		}
		if w && !in {
			if n++; n >= max {
				return n
			}
		}
		in = w
	}
	return n
}

// wordRune is unicode.IsLetter(r) || unicode.IsDigit(r), from a table
// below U+0800 (runetables.go). It is small enough to be inlined; the
// rest of Unicode is asked in wordRuneSlow.
func wordRune(r rune) bool {
	if uint32(r) < 0x800 {
		return wordRunes[r>>6]&(1<<(r&63)) != 0
	}
	return wordRuneSlow(r)
}

func wordRuneSlow(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// runesOver is utf8.RuneCountInString(s) > n, counting no further than
// n+1: a block is asked whether it is longer than a label, and most are
// much longer. A string has at most as many runes as bytes (an invalid
// byte is a rune of its own in both counts).
func runesOver(s string, n int) bool {
	if len(s) <= n {
		return false
	}
	k := 0
	for range s {
		if k++; k > n {
			return true
		}
	}
	return false
}

// lineWords counts a short line's words as a reader would: in Chinese
// and Japanese, written without spaces, two characters make a word, so
// that a photo caption of thirty characters is no three-word name line.
func lineWords(s string) int {
	n, dense := words(s), 0
	for _, r := range s {
		if r >= 0x2e80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			dense++
		}
	}
	return n + dense/2
}

// lineWordsAtMost is lineWords(s) <= n, counting s's words no further than
// the word n+1.
func lineWordsAtMost(s string, n int) bool {
	w := wordsUpTo(s, n+1)
	if w > n {
		return false
	}
	dense := 0
	for _, r := range s {
		if r >= 0x2e80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			dense++
		}
	}
	return w+dense/2 <= n
}

// shapeBody re-zones body blocks by their shape in the body's flow, which
// holds whatever the markup's names say:
//
//   - a run of linked headlines (two or more in a row, each one link of a
//     few words, to different pages) is a list of other stories, and so is
//     a short label right before it ("You may also like");
//   - short lines before the first paragraph of prose that are no sentence
//     and are links or hold a year or a clock time (a byline, a date line, "Updated 5 min
//     ago") are the article's header.
func shapeBody(bs []article.Block, hrefs []string, host string) {
	// A teaser is a block that is mostly one link of a few words, to a page
	// of its own (with perhaps a time beside it): two such in a row, to
	// different pages, are a list of stories, in the body or around it.
	loose := func(i int) bool {
		return i >= 0 && i < len(bs) && (bs[i].Zone == article.ZoneBody || bs[i].Zone == article.ZoneUnknown)
	}
	// A form's own labels ("Adınız:", "Имя (обязательно)") that are no
	// prose are a tool's, a comment or search form's.
	for i := range bs {
		if loose(i) && bs[i].Tag == "form" && !prose(&bs[i]) {
			bs[i].Zone = article.ZoneNav
		}
	}
	// A sentence of some length that is not all link is prose that links
	// a source ("The inquiry was reopened after his eviction."), not a
	// headline: headlines rarely end with a full stop.
	teasers := make([]bool, len(bs))
	for i := range bs {
		teasers[i] = loose(i) && bs[i].LinkDensity >= linkRunShare && hrefs[i] != "" && hrefs[i] != mailLink && wordsUpTo(bs[i].Text, 3) >= 3 &&
			!linkedSentence(&bs[i])
	}
	pair := func(i, j int) bool {
		return j >= 0 && j < len(bs) && teasers[i] && teasers[j] && hrefs[i] != hrefs[j]
	}
	offsiteRuns(bs, hrefs, host, teasers)
	for i := range bs {
		if !pair(i, i-1) && !pair(i, i+1) {
			continue
		}
		bs[i].Zone = article.ZoneRelated
		if j := i - 1; loose(j) && bs[j].Tag != "li" &&
			!sentence(bs[j].Text) && utf8.RuneCountInString(bs[j].Text) <= maxLabel {
			bs[j].Zone = article.ZoneRelated
		}
	}
	// A line of links that is no sentence, amid the prose, is an inline
	// teaser ("SEE MORE: ...") when it points into the same site and
	// reads as a headline, not as an address, and a short label before
	// it opens it.
	for i := range bs {
		b := &bs[i]
		if b.Zone != article.ZoneBody || b.Level > 0 || b.Tag == "li" || b.LinkDensity < inlineTeaser || sentence(b.Text) || wordsUpTo(b.Text, 3) < 3 {
			continue
		}
		if hrefs[i] != "" && !sameHost(hrefs[i], host) {
			continue // one link elsewhere: a product, a source, an account
		}
		if urlText(b.Text) {
			continue // an address the text prints ("Bilet: www.…"): no headline
		}
		b.Zone = article.ZoneRelated
		if j := i - 1; j >= 0 && bs[j].Zone == article.ZoneBody && bs[j].Tag != "li" &&
			!sentence(bs[j].Text) && utf8.RuneCountInString(bs[j].Text) <= maxLabel/2 {
			bs[j].Zone = article.ZoneRelated
		}
	}
	// Page furniture in or around the body: a bare URL, a link of a word
	// or two (a tag, a section, "Facebook"), a date or time line.
	for i := range bs {
		b := &bs[i]
		if !loose(i) || b.Level > 0 {
			continue
		}
		n := wordsUpTo(b.Text, 7) // asked of up to six
		switch {
		case bareURL(b.Text) || urlText(b.Text):
			if !amidBody(bs, i) {
				b.Zone = article.ZoneNav
			}
		case b.LinkDensity >= 0.9 && n <= 2:
			b.Zone = article.ZoneNav
		case n <= 6 && !sentence(b.Text) && dated(b.Text) && !(yearOnly(b.Text) && withinText(bs, i)):
			b.Zone = article.ZoneHeader
		}
	}
	for i := range bs {
		b := &bs[i]
		if b.Zone != article.ZoneBody {
			continue
		}
		if prose(b) {
			break
		}
		if b.Tag != "li" && !sentence(b.Text) && utf8.RuneCountInString(b.Text) <= maxLabel &&
			(b.LinkDensity >= linkRunShare || dated(b.Text)) {
			b.Zone = article.ZoneHeader
		}
	}
}

// yearOnly reports a line whose one number is a year, with no month
// name and no time beside it: "(Grafik: 2025'te gelir dağılımı - burada)"
// names a year, "12 Mart 2025" and "Güncelleme 2025 14:20" are dates.
func yearOnly(s string) bool {
	numbers := 0
	for f := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if _, ok := monthOf(f); ok {
			return false
		}
		if isDigit(f[0]) {
			numbers++
		}
	}
	return numbers == 1
}

// withinText reports a block after the text's first paragraph with more
// of the body after it: a line in the article's flow is no header over
// it, and the cleaner judges it as the article's line.
func withinText(bs []article.Block, i int) bool {
	before, after := false, false
	for j := range bs {
		switch {
		case j < i && !before:
			before = bs[j].Zone == article.ZoneBody && prose(&bs[j])
		case j > i && bs[j].Zone == article.ZoneBody:
			after = true
		}
		if before && after {
			return true
		}
	}
	return false
}

// linkedSentence is a block that reads as a sentence of its own, with
// a link in it but some plain text beside: eight words or more, ending
// with a full stop, a fifth of it or more outside the link.
func linkedSentence(b *article.Block) bool {
	if b.LinkDensity > 0.8 || wordsUpTo(b.Text, 8) < 8 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(b.Text, " \u00a0\"'”»)]*"))
	return strings.ContainsRune(".!?…。", last)
}

// amidBody reports a linked address in the body whose nearest
// neighbours, past other address lines, are body paragraphs on both
// sides: an address the article cites in its flow (a source, a product
// in its list), not a template's link row at its edge.
func amidBody(bs []article.Block, i int) bool {
	if bs[i].Zone != article.ZoneBody || bs[i].LinkDensity < linkRunShare {
		return false // image data a template printed is no link
	}
	url := func(b *article.Block) bool { return bareURL(b.Text) || urlText(b.Text) }
	j := i - 1
	for j >= 0 && bs[j].Zone == article.ZoneBody && url(&bs[j]) {
		j--
	}
	k := i + 1
	for k < len(bs) && bs[k].Zone == article.ZoneBody && url(&bs[k]) {
		k++
	}
	return j >= 0 && k < len(bs) && bs[j].Zone == article.ZoneBody && bs[k].Zone == article.ZoneBody &&
		bs[j].Level == 0 && bs[k].Level == 0 && wordsUpTo(bs[j].Text, 3) >= 3 && wordsUpTo(bs[k].Text, 3) >= 3
}

// dated reports text holding a clock time (9:30, 14.05) or a year of this
// era standing alone as a number: a date or time line.
func dated(s string) bool {
	digits := 0 // length of the run of digits ending before i
	for i := 0; i <= len(s); i++ {
		c := byte(0)
		if i < len(s) {
			c = s[i]
		}
		if c >= '0' && c <= '9' {
			digits++
			continue
		}
		if digits == 4 && (s[i-4:i] >= "1990" && s[i-4:i] <= "2099") && (i == 4 || !isDigit(s[i-5])) {
			return true
		}
		if (c == ':' || c == '.') && digits >= 1 && digits <= 2 && i+2 < len(s) && isDigit(s[i+1]) && isDigit(s[i+2]) &&
			(i+3 == len(s) || !isDigit(s[i+3])) && (i-digits == 0 || !isDigit(s[i-digits-1])) &&
			clock(s, i-digits, i) {
			return true
		}
		digits = 0
	}
	return false
}

// clock reports whether the number s[start:end], the minutes after the
// separator at end, is a time of day and not a price or a measure:
// "$58.56" and "58.56 €" are money, "2.41hrs" and "4.75GB" a quantity
// with its unit glued on. A time's own labels may be glued too ("20:56h",
// "15.30Uhr", "7.30pm").
func clock(s string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:start])
	after, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[end+3:], " \u00a0"))
	if unicode.Is(unicode.Sc, before) || unicode.Is(unicode.Sc, after) {
		return false
	}
	unit := s[end+3:]
	for i, r := range unit {
		if !unicode.IsLetter(r) {
			unit = unit[:i]
			break
		}
	}
	switch strings.ToLower(unit) {
	case "", "h", "uhr", "am", "pm", "ч", "мск":
		return true
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// offsiteRuns clears the teaser mark of a run of linked lines that all
// point to other sites, where the run stands between a paragraph of the
// text and the text's next paragraph, or a sub-heading and its
// paragraph: the shops, the programme or the document the paragraph
// above names ("Amazon'dan 1.299 TL'ye alın", "Купить в магазине за
// 990 ₽"), which a reader reads as the text's own. A list of the site's
// other stories points into the site; a run at the end of the text, or
// before a heading with no text under it ("Comments"), and a long run
// (a link farm, a blogroll) are left to the teaser rule.
func offsiteRuns(bs []article.Block, hrefs []string, host string, teasers []bool) {
	if host == "" {
		return
	}
	for i := 0; i < len(bs); {
		if !teasers[i] {
			i++
			continue
		}
		j := i
		offsite := true
		for j < len(bs) && teasers[j] {
			offsite = offsite && !sameSite(hrefs[j], host)
			j++
		}
		text := func(k int) bool { return k < len(bs) && bs[k].Zone == article.ZoneBody && prose(&bs[k]) }
		if offsite && j-i <= maxShopRun && i > 0 && text(i-1) &&
			(text(j) || j < len(bs) && bs[j].Zone == article.ZoneHeading && bs[j].Level > 0 && text(j+1)) {
			for k := i; k < j; k++ {
				teasers[k] = false
			}
		}
		i = j
	}
}

// sameHost reports whether the absolute URL link is on host, ignoring a
// leading "www.". An empty host (no page URL) matches every link.
func sameHost(link, host string) bool {
	if host == "" {
		return true
	}
	return strings.EqualFold(strings.TrimPrefix(linkHost(link), "www."), strings.TrimPrefix(host, "www."))
}

// linkHost is the host of the absolute http(s) URL link, its port
// included (a link with neither scheme is read from its start).
func linkHost(link string) string {
	rest, ok := strings.CutPrefix(link, "https://")
	if !ok {
		rest, _ = strings.CutPrefix(link, "http://")
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// sameSite reports whether the absolute URL link is on host or on a
// sister host of the same name (news.example.co.uk beside example.com):
// a publisher's other edition is the site's, not a shop or a source.
func sameSite(link, host string) bool {
	if sameHost(link, host) {
		return true
	}
	h, _, _ := strings.Cut(linkHost(link), ":")
	name := siteName(h)
	return name != "" && strings.EqualFold(name, siteName(host))
}

// siteName is a host's name under its public suffix, roughly: the label
// before the last, or before a two-letter country's generic second
// level ("example" of www.example.co.uk and of example.com).
func siteName(host string) string {
	labels := strings.Split(strings.TrimSuffix(host, "."), ".")
	n := len(labels) - 1
	if n >= 2 && len(labels[n]) == 2 {
		switch strings.ToLower(labels[n-1]) {
		case "co", "com", "org", "net", "gov", "ac", "edu", "gen", "biz", "info", "web", "bel", "av", "tv":
			n--
		}
	}
	if n < 1 {
		return ""
	}
	return labels[n-1]
}

// urlText is text that is mostly web addresses, at least half its
// characters, between numbers and names: the image data or link lists a
// template prints as text, not a sentence that cites a source.
func urlText(s string) bool {
	// Every loose block is asked; few hold an address at all.
	if !strings.Contains(s, "http://") && !strings.Contains(s, "https://") && !strings.Contains(s, "www.") {
		return false
	}
	urls, all := 0, 0
	for f := range strings.FieldsSeq(s) {
		all += len(f)
		if strings.HasPrefix(f, "http://") || strings.HasPrefix(f, "https://") || strings.HasPrefix(f, "www.") {
			urls += len(f)
		}
	}
	return urls > 0 && urls*2 >= all
}

// bareURL is text that is one web address and nothing else.
func bareURL(s string) bool {
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")) &&
		!strings.ContainsAny(s, " \u00a0")
}

// markComments finds reader comments by their shape, whatever the markup
// calls them: a name line (three words at most, no sentence), a stamp line
// (five words at most, with a digit: "2 saat önce", "12.05.2026 14:03"),
// then the comment's prose, with perhaps a short "reply" link after it.
// Two such in a row are a thread; a short label right before it ("Yorumlar
// (2)") belongs to it. A live report's entries (a time, then text) have no
// name line and are not taken for comments.
func markComments(bs []article.Block) {
	open := func(i int) bool {
		return i >= 0 && i < len(bs) && (bs[i].Zone == article.ZoneBody || bs[i].Zone == article.ZoneUnknown) && bs[i].Level == 0
	}
	// A stamp may have been taken for a date line already.
	stamp := func(i int) bool {
		return open(i) || (i < len(bs) && bs[i].Zone == article.ZoneHeader)
	}
	short := func(i, n int) bool { return !sentence(bs[i].Text) && lineWordsAtMost(bs[i].Text, n) }
	// unit returns the end of a comment starting at i, or -1. Its head is
	// a name line and a stamp line, or one line holding both ("Pyotr_M
	// 14.05.2026 10:02"); the first comment's head is body or unknown, as
	// an article's byline over its text has been zoned header by now.
	// head returns the end of a comment's head starting at i, or -1.
	head := func(i int, first bool) int {
		switch {
		case open(i) && stamp(i+1) && short(i, 3) && short(i+1, 5) && strings.ContainsAny(bs[i+1].Text, "0123456789"):
			return i + 2
		case (open(i) || (!first && stamp(i))) && nameStamp(bs[i].Text):
			return i + 1
		}
		return -1
	}
	unit := func(i int, first bool) int {
		h := head(i, first)
		if h < 0 {
			return -1
		}
		j := h
		for open(j) && prose(&bs[j]) {
			j++
		}
		if j == h {
			return -1
		}
		// a reply or like link, already furniture; not the next
		// comment's name, which is unknown outside the article
		for j < len(bs) && wordsUpTo(bs[j].Text, 3) <= 2 && bs[j].Level == 0 && bs[j].Zone != article.ZoneBody && head(j, false) < 0 {
			j++
		}
		return j
	}
	for i := 0; i < len(bs); {
		end := unit(i, true)
		if end < 0 {
			i++
			continue
		}
		next := unit(end, false)
		if next < 0 {
			i = end
			continue
		}
		if l := i - 1; open(l) && short(l, 4) {
			bs[l].Zone = article.ZoneComment
		}
		for end >= 0 {
			for k := i; k < end; k++ {
				if stamp(k) {
					bs[k].Zone = article.ZoneComment
				}
			}
			i, end = end, unit(end, false)
		}
	}
}

// Lead teasers: the least run of them that is a list, and the least
// linked headline that opens one.
const (
	minLeadRun   = 3
	minLeadTitle = 15 // non-space characters of the opening link
)

// leadTeasers zones related a list of other stories that give each a
// lead: three list items or more in a row outside the article, each
// opening with a linked headline, to a page of its own, and running on
// in plain text ("Headline … WASHINGTON: The first lines…"). A headline
// with no lead is already a teaser by its link density.
// nameStamp reports a comment's head on one line: a name of one to three
// words, then a stamp: a date or a clock time ("Pyotr_M 14.05.2026
// 10:02"), or one number and a word or three ("Ayşe K. · 2 saat önce",
// "Oleg 5 мин назад"); eight words at most and no sentence. A score line
// ("Palm Bay 18 22 13 17") has more numbers, and a live report's time
// line opens with the time, not a name.
func nameStamp(s string) bool {
	if bareStamp(s) {
		return true
	}
	// A label before the name ("Posted by: Ayşe K. | 12.03.2010 10:15",
	// "Автор: Ольга В. — 14:02"): one or two words and a colon, before
	// any digit. The stamp must then hold a clock time, so that a photo
	// credit ("Фото: Иван Петров, 2010") is no comment's head.
	c := strings.IndexByte(s, ':')
	if c <= 0 || strings.ContainsAny(s[:c], "0123456789") || lineWords(s[:c]) > 2 {
		return false
	}
	rest := strings.TrimSpace(s[c+1:])
	return clockTime(rest) && bareStamp(rest)
}

// clockTime reports a time of day in s: one or two digits, a colon, two
// digits.
func clockTime(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if s[i] == ':' && isDigit(s[i-1]) && isDigit(s[i+1]) && isDigit(s[i+2]) && (i+3 == len(s) || !isDigit(s[i+3])) {
			return true
		}
	}
	return false
}

func bareStamp(s string) bool {
	if sentence(s) || lineWords(s) > 8 {
		return false
	}
	i := strings.IndexAny(s, "0123456789")
	if i < 0 {
		return false
	}
	if n := lineWords(s[:i]); n < 1 || n > 3 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsLetter(r) {
		return false
	}
	stamp := s[i:]
	if dated(stamp) {
		return true
	}
	numbers := 0
	for j := 0; j < len(stamp); j++ {
		if isDigit(stamp[j]) && (j == 0 || !isDigit(stamp[j-1])) {
			numbers++
		}
	}
	n := words(stamp)
	return numbers == 1 && n >= 2 && n <= 4
}

func (w *walker) leadTeasers(bs []article.Block) {
	lead := func(i int) bool {
		b := &bs[i]
		r := &w.blocks[i]
		return b.Zone == article.ZoneUnknown && b.Tag == "li" && b.LinkDensity < linkRunShare &&
			r.opens != "" && r.openChars >= minLeadTitle
	}
	for i := 0; i < len(bs); {
		if !lead(i) {
			i++
			continue
		}
		j := i + 1
		for j < len(bs) && lead(j) && w.blocks[j].opens != w.blocks[j-1].opens {
			j++
		}
		if j-i >= minLeadRun {
			for k := i; k < j; k++ {
				bs[k].Zone = article.ZoneRelated
			}
			// and the short label over it ("Son Dakika", "Главное")
			if l := i - 1; l >= 0 && bs[l].Zone == article.ZoneUnknown && bs[l].Tag != "li" &&
				!sentence(bs[l].Text) && utf8.RuneCountInString(bs[l].Text) <= maxLabel/2 {
				bs[l].Zone = article.ZoneRelated
			}
		}
		i = j
	}
}

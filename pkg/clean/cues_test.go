package clean

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// The checks as they were before blockCues: strings.Contains for each
// cue of each list (hasAny), " "+lower for the lists of a word's start.

// namesChannelOne is namesChannel as it was: the channels searched for
// one by one, in lower with its links cut when it may have one.
func namesChannelOne(lower string) bool {
	if strings.IndexByte(lower, '@') >= 0 && emailRE.MatchString(lower) {
		return true
	}
	bare := lower
	if mayHaveURL(lower) {
		bare = urlRE.ReplaceAllString(lower, " ")
	}
	for _, c := range channelWords {
		if strings.Contains(bare, c) {
			return true
		}
	}
	return false
}

// mayHaveURL reports whether urlRE may match lower.
func mayHaveURL(lower string) bool {
	for _, t := range urlTells {
		if strings.Contains(lower, t) {
			return true
		}
	}
	return false
}

// consentNoticeOne is consentNotice as it was: a short lower-cased block, in a page in language
// lang, that is a consent notice (consentCues).
func consentNoticeOne(lower string, nwords int, lang string) bool {
	w, ok := consentCues[lang]
	if !ok || nwords < minConsentWords {
		return false
	}
	for _, o := range w.first {
		if strings.HasPrefix(lower, o) {
			return true
		}
	}
	return hasAny(lower, w.consent) && hasAny(lower, w.data) && hasAny(" "+lower, w.reader)
}

// siteNoticeOne is siteNotice as it was: a short lower-cased block that is one of the site's
// notices about itself.
func siteNoticeOne(lower string, nwords int, lang string) bool {
	if nwords > maxCookieWords {
		return false
	}
	if hasAny(lower, cookieCues) && hasAny(lower, cookieUse) && hasAny(lower, cookieChoice) && hasAny(" "+lower, readerCues) {
		return true
	}
	if consentNoticeOne(lower, nwords, lang) {
		return true
	}
	if nwords > maxNoticeWords {
		return false
	}
	switch {
	case hasAny(lower, affiliateCues) && hasAny(lower, affiliateWhat) && hasAny(" "+lower, selfCues):
		return true
	case hasAny(lower, copyrightCues) && hasAny(lower, copyForbidden) && hasAny(" "+lower, selfCues):
		return true
	case hasAny(lower, adblockCues) && hasAny(lower, adblockWhat) && (hasAny(" "+lower, readerCues) || hasAny(" "+lower, selfCues)):
		return true
	}
	return hasAny(lower, subscribeCues) && hasAny(lower, subscribeState)
}

// cuePieces build generated blocks: every cue of every list, cut short
// and whole, words around them, and the space, quote and script edges
// a cue's search could trip on.
func cuePieces() []string {
	pieces := []string{" ", " ", " ", "söz ", "слово ", "word ", ".", ",", "«", "»", "\"", "İ", "ı", "\xff", "haber.example", "https://", "@"}
	add := func(list []string) {
		for _, c := range list {
			pieces = append(pieces, c, strings.TrimSpace(c))
			if len(c) > 3 {
				pieces = append(pieces, c[:len(c)-1], c[1:])
			}
		}
	}
	for _, list := range [][]string{cookieCues, cookieUse, cookieChoice, readerCues, affiliateCues, affiliateWhat, selfCues,
		copyrightCues, copyForbidden, subscribeCues, subscribeState, adblockCues, adblockWhat, clickHere, channelWords, urlTells} {
		add(list)
	}
	for _, w := range consentCues {
		add(w.consent)
		add(w.data)
		add(w.reader)
		add(w.first)
	}
	slices.Sort(pieces)
	return pieces
}

func genBlock(r *rand.Rand, pieces []string) string {
	var b strings.Builder
	for range r.IntN(10) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// The matcher finds a list's cue where strings.Contains finds one, in the
// text and in " " + the text, for every list, on generated blocks.
func TestCueMatcherMatchesContains(t *testing.T) {
	bc := newBlockCues()
	lists := map[int][]string{
		cueCookie: cookieCues, cueCookieUse: cookieUse, cueCookieChoice: cookieChoice, cueReader: readerCues,
		cueAffiliate: affiliateCues, cueAffiliateWhat: affiliateWhat, cueSelf: selfCues,
		cueCopyright: copyrightCues, cueCopyForbidden: copyForbidden,
		cueSubscribe: subscribeCues, cueSubscribeState: subscribeState,
		cueAdblock: adblockCues, cueAdblockWhat: adblockWhat,
		cueClickHere: clickHere, cueChannel: channelWords, cueURL: urlTells,
	}
	for lang, id := range bc.consent {
		lists[id.consent], lists[id.data], lists[id.reader] = consentCues[lang].consent, consentCues[lang].data, consentCues[lang].reader
	}
	if len(lists) != cueLists+3*len(consentCues) {
		t.Fatalf("%d lists, want %d", len(lists), cueLists+3*len(consentCues))
	}
	pieces := cuePieces()
	r := rand.New(rand.NewPCG(3, 4))
	texts := []string{"", " ", "we", " we ", "ваш", "cookie"}
	for range 20000 {
		texts = append(texts, genBlock(r, pieces))
	}
	for _, s := range texts {
		h := bc.m.scan(s)
		for id, list := range lists {
			if got, want := h.has(id), hasAny(s, list); got != want {
				t.Fatalf("%q: list %d (%q): has %v, strings.Contains %v", s, id, list, got, want)
			}
			if got, want := h.hasSpaced(id), hasAny(" "+s, list); got != want {
				t.Fatalf("%q: list %d (%q): hasSpaced %v, strings.Contains on \" \"+s %v", s, id, list, got, want)
			}
		}
	}
}

// siteNotice with the block's cues decides as siteNoticeOne on generated
// blocks of every length, in every language with consent cues and one
// without.
func TestSiteNoticeMatchesOne(t *testing.T) {
	bc := newBlockCues()
	pieces := cuePieces()
	r := rand.New(rand.NewPCG(5, 6))
	langs := []string{"zz"}
	for lang := range consentCues {
		langs = append(langs, lang)
	}
	slices.Sort(langs)
	yes := 0
	for i := range 40000 {
		s := genBlock(r, pieces)
		lang := langs[i%len(langs)]
		for _, nwords := range []int{countWords(s), 1, minConsentWords, maxNoticeWords + 1, maxCookieWords + 1} {
			got, want := bc.siteNotice(bc.m.scan(s), s, nwords, lang), siteNoticeOne(s, nwords, lang)
			if got != want {
				t.Fatalf("siteNotice(%q, %d, %s) = %v, siteNoticeOne %v", s, nwords, lang, got, want)
			}
			if got {
				yes++
			}
		}
	}
	t.Logf("%d notices", yes)
	if yes == 0 {
		t.Error("no generated block was a notice: the test tests nothing")
	}
}

func BenchmarkCueScan(b *testing.B) {
	bc := newBlockCues()
	text := strings.Repeat("Dışişleri Bakanı, Moskova'daki görüşmenin ardından açıklama yaptı; ", 4)
	b.Run("matcher", func(b *testing.B) {
		for b.Loop() {
			h := bc.m.scan(text)
			_ = bc.siteNotice(h, text, 40, "tr") || namesChannel(text, h)
		}
	})
	b.Run("contains", func(b *testing.B) {
		for b.Loop() {
			_ = siteNoticeOne(text, 40, "tr") || namesChannelOne(text)
		}
	})
}

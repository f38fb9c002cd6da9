package clean

import (
	"strings"
	"testing"
)

// ctaLineOne is ctaLine as it was written first: the channel looked for
// before the imperative, at every length.
func ctaLineOne(lower string, nwords int) bool {
	if nwords > 60 {
		return false
	}
	sents := sentences(nil, lower)
	if nwords <= 40 {
		if hasAny(lower, clickHere) {
			return true
		}
		for _, s := range sents {
			for _, o := range ctaAlone {
				if opens(s, o) {
					return true
				}
			}
		}
	}
	for _, s := range sents {
		for _, o := range readerAppeals {
			if strings.HasPrefix(s, o) {
				return true
			}
		}
	}
	channel := namesChannelOne(lower)
	if !channel {
		return nwords <= 30 && !strings.ContainsAny(lower, "\"“”«»„") && selfImperative(sents)
	}
	if ctaImperative(sents) {
		return true
	}
	if nwords > 30 || strings.ContainsAny(lower, "\"“”«»„") {
		return false
	}
	for _, w := range words(lower) {
		if selfWords[w] {
			return true
		}
	}
	return false
}

// ctaLine, which asks a long block for its imperative before its
// channel, decides as ctaLineOne on blocks of 1 to 70 words made of
// imperatives, channels, the site's words, quotes and filler.
func TestCtaLineOrder(t *testing.T) {
	heads := []string{"", "follow", "подпишитесь на", "check out", "bizi", "if you enjoyed this", "click here", "read"}
	mids := []string{"", "telegram", "our", "наш канал", "news@example.org", "pic.twitter.com/x", "«цитата»", "www.example.com"}
	tails := []string{"", "takip edin", "göz atın", ". share it", "? join us", "."}
	mids = append(mids, "https://t.me/telegram", "www.telegram.org rss", "buraya tıklayın", "“alıntı” telegram", "„цитата“ наш", "\"quote\" our")
	cues := newBlockCues()
	n := 0
	for _, h := range heads {
		for _, m := range mids {
			for _, tl := range tails {
				for _, fill := range []int{0, 3, 20, 26, 29, 33, 38, 45, 58, 65} {
					text := strings.Join(strings.Fields(h+" "+strings.Repeat("söz ", fill)+m+" "+tl), " ")
					text = strings.ReplaceAll(text, " .", ".")
					nw := countWords(text)
					if got, want := ctaLine(text, nw, cues.m.scan(text)), ctaLineOne(text, nw); got != want {
						t.Fatalf("ctaLine(%q, %d) = %v, want %v", text, nw, got, want)
					}
					n++
				}
			}
		}
	}
	t.Logf("%d blocks", n)
}

package extract

import (
	"strings"
	"unicode"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// relatedLeads open an inline teaser in the body flow ("İlgili Haber: …",
// "Читайте также: …"), folded by fold. Longer leads come first, so that a
// lead is matched whole.
var relatedLeads = []string{
	"bunlar da ilginizi cekebilir", "bunlar da ilgini cekebilir", "ilginizi cekebilir",
	"ilgili haberler", "ilgili haber", "ilgili icerikler", "ilgili icerik",
	"ayrica bakiniz", "ayrica bakin", "ayrica okuyun", "ayrica oku",
	"benzer haberler", "diger haberler",
	"читаите также", "читать также", "также по теме", "еще по теме", "смотрите также",
	"см. также", "по теме",
}

// captionLeads open a photo or camera credit standing on its own.
var captionLeads = []string{
	"fotograf", "foto", "kamera", "goruntu", "фото", "photo",
}

// fold lowercases the first max runes of s for lead matching: Turkish
// dotted and dotless i and the diacritics writers drop (ş → s), ё → е and
// й → и, which writers mix up.
func fold(s string, max int) string {
	var sb strings.Builder
	n := 0
	for _, r := range s {
		if n == max {
			break
		}
		n++
		switch r {
		case 'İ', 'I', 'ı', 'î', 'Î':
			r = 'i'
		case 'Ş', 'ş':
			r = 's'
		case 'Ğ', 'ğ':
			r = 'g'
		case 'Ü', 'ü', 'û', 'Û':
			r = 'u'
		case 'Ö', 'ö':
			r = 'o'
		case 'Ç', 'ç':
			r = 'c'
		case 'Â', 'â':
			r = 'a'
		case 'Ё', 'ё':
			r = 'е'
		case 'Й', 'й':
			r = 'и'
		default:
			r = unicode.ToLower(r)
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// lead returns what follows the first of leads that s starts with as a
// whole word, and whether one did.
func lead(s string, leads []string) (string, bool) {
	s = strings.TrimLeft(s, "([«\"'*•►▶ ")
	for _, l := range leads {
		rest, ok := strings.CutPrefix(s, l)
		if !ok {
			continue
		}
		if r := firstRune(rest); unicode.IsLetter(r) || unicode.IsDigit(r) {
			continue
		}
		return rest, true
	}
	return "", false
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// soft zones are the ones lead text may override: the structure said
// nothing more specific.
func soft(z article.Zone) bool {
	return z == article.ZoneBody || z == article.ZoneUnknown || z == article.ZoneHeading
}

// markLeads zones inline teasers and stand-alone credits by their text. A
// teaser label alone ("Читайте также") also claims the link-dense blocks
// right after it: the teaser list it introduces.
func markLeads(bs []article.Block) {
	run := false
	for i := range bs {
		b := &bs[i]
		if !soft(b.Zone) {
			run = false
			continue
		}
		head := fold(b.Text, 48)
		if rest, ok := lead(head, relatedLeads); ok {
			rest = strings.TrimLeft(rest, " ")
			label := strings.TrimRight(rest, " :.…»>-–—") == ""
			if label || strings.ContainsAny(firstString(rest), ":-–—|/") || b.LinkDensity >= 0.4 {
				b.Zone = article.ZoneRelated
				run = label
				continue
			}
		}
		if run && b.LinkDensity >= 0.5 && b.Level == 0 {
			b.Zone = article.ZoneRelated
			continue
		}
		run = false
		if b.Zone != article.ZoneHeading && len(b.Text) <= 300 && copyright(head, b.Text) {
			b.Zone = article.ZoneFooter
			continue
		}
		if len(b.Text) <= 200 {
			if rest, ok := lead(head, captionLeads); ok && strings.HasPrefix(strings.TrimLeft(rest, " "), ":") {
				b.Zone = article.ZoneCaption
			}
		}
	}
}

// copyright recognises a site's rights line by its opening or its
// formula; folded is fold(text).
func copyright(folded, text string) bool {
	if strings.HasPrefix(folded, "©") || strings.HasPrefix(folded, "copyright") || strings.HasPrefix(folded, "(c) ") {
		return true
	}
	f := fold(text, 300)
	return strings.Contains(f, "tum haklari saklidir") || strings.Contains(f, "все права защищены") ||
		strings.Contains(f, "all rights reserved") || (strings.Contains(f, "©") && len(text) <= 80)
}

func firstString(s string) string {
	for i := range s {
		if i > 0 {
			return s[:i]
		}
	}
	return s
}

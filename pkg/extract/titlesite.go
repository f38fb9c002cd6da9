package extract

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds how the site's name, its sections and a page number
// are cut from a title (title.go chooses the headline).

// pageSegment is a <title> segment that numbers the page of a thread or
// a long article: "Page 2", "Page 2 of 5", "Sayfa 3", "Страница 2",
// "Seite 4".
var pageSegment = regexp.MustCompile(`(?i)^(page|sayfa|страница|стр\.|seite|página|pagina|pagina)\s*\d+(\s*(of|/|из|von|de)\s*\d+)?$`)

// dropPageSegment is t less a segment that numbers the page ("Thread
// title - Page 2 - Forum"): the thread's or the article's title is the
// same on every page.
func dropPageSegment(t string) string {
	for _, sep := range titleSeps {
		parts := strings.Split(t, sep)
		if len(parts) < 2 {
			continue
		}
		kept := parts[:0:0]
		for _, p := range parts {
			if !pageSegment.MatchString(strings.TrimSpace(p)) {
				kept = append(kept, p)
			}
		}
		if len(kept) > 0 && len(kept) < len(parts) {
			return strings.Join(kept, sep)
		}
	}
	return t
}

// titleSite is <title> when it only names the site, as og:title shows by
// ending with it after a separator: <title>"Gazete Yeni" beside
// og:title "Headline | Gazete Yeni". "" otherwise.
func titleSite(og, tt string) string {
	if tt == "" || len(strings.Fields(tt)) > 4 || len(og) <= len(tt) {
		return ""
	}
	for _, sep := range titleSeps {
		if head, ok := strings.CutSuffix(og, sep+tt); ok && headlineLike(strings.TrimSpace(head), "") {
			return tt
		}
	}
	return ""
}

// titleSegSeps split a <title> or og:title into the headline and the
// site's name, spaced or not ("…。｜Site", "…_Site").
var titleSegSeps = append(append([]string{}, titleSeps...), " :: ", " ｜ ", "｜", "|", "_", "：")

// siteSegment is h when it is the shorter segment of title: the site's or
// the blog's name beside a longer headline; "" otherwise.
func siteSegment(h, title string) string {
	head, tail, ok := splitSegment(title, h)
	if ok && len(head)+len(tail) > 2*len(h) {
		return h
	}
	return ""
}

// restNamesHost says the rest of title beside h names the site by its
// host ("Entry - Example Wiki, the free encyclopedia" on
// wiki.example.org): then the longer segment is the site's, and h, the
// shorter, the entry's headline.
func (w *walker) restNamesHost(h, title string) bool {
	if w.pageURL == nil {
		return false
	}
	head, tail, ok := splitSegment(title, h)
	if !ok {
		return false
	}
	for _, label := range hostLabels(w.pageURL) {
		if len(label) < 3 {
			continue
		}
		for _, seg := range []string{head, tail} {
			for _, part := range strings.Split(seg, ",") {
				if strings.TrimSpace(part) != "" && namesHost(strings.TrimSpace(part), label) {
					return true
				}
			}
		}
	}
	return false
}

// hostLabels are the labels of the page's host that may name its site:
// the first ("cnn" of www.cnn.com, "gazeteyeni" of gazeteyeni.com) and
// the registered domain's when a subdomain comes first ("wikipedia" of
// en.wikipedia.org, "cnn" of edition.cnn.com).
func hostLabels(page *url.URL) []string {
	host := strings.TrimPrefix(strings.ToLower(page.Hostname()), "www.")
	first, _, _ := strings.Cut(host, ".")
	labels := []string{first}
	if reg, _, _ := strings.Cut(siteDomain(host), "."); reg != first {
		labels = append(labels, reg)
	}
	return labels
}

// splitSegment finds h at the start or the end of title next to a
// separator, and returns what is left before and after it, less the
// separator and the punctuation beside it.
func splitSegment(title, h string) (head, tail string, ok bool) {
	if h == "" || len(h) >= len(title) {
		return "", "", false
	}
	trim := func(s string) string {
		return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) })
	}
	if rest, found := strings.CutPrefix(title, h); found {
		for _, sep := range titleSegSeps {
			if i := strings.Index(rest, sep); i >= 0 && trim(rest[:i]) == "" {
				return "", trim(rest[i+len(sep):]), true
			}
		}
	}
	if rest, found := strings.CutSuffix(title, h); found {
		for _, sep := range titleSegSeps {
			if strings.HasSuffix(strings.TrimRight(rest, " "), strings.TrimRight(sep, " ")) {
				return trim(rest), "", true
			}
		}
	}
	return "", "", false
}

// stripHost removes a trailing segment that names the site by its host:
// "Title | CNN Politics" on www.cnn.com, "Title -- Sott.net" on sott.net.
// The segment must be short and hold the host's main label as a word, or
// be the label's words ("Times of India" on timesofindia.com). A leading
// segment naming the site so is removed too: "Gazete Yeni | Headline" on
// gazeteyeni.com, where a blog or a small site puts its name first.
func stripHost(t string, page *url.URL) string {
	if page == nil {
		return t
	}
	for _, label := range hostLabels(page) {
		if len(label) >= 2 {
			if s := stripHostLabel(t, label); s != t {
				return s
			}
		}
	}
	return t
}

func stripHostLabel(t, label string) string {
	for _, sep := range titleSeps {
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
	for _, sep := range titleSeps {
		i := strings.Index(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := t[:i], t[i+len(sep):]
		if len(strings.Fields(head)) > 3 || len(strings.Fields(tail)) < 3 {
			continue
		}
		if namesHost(head, label) {
			return strings.TrimSpace(tail)
		}
	}
	return t
}

// namesHost reports whether a short segment of a title names the site by
// its host's main label: the label as one of its words, or its words run
// together ("Gazete Yeni" on gazeteyeni.com).
func namesHost(seg, label string) bool {
	squashed := ""
	for _, f := range strings.FieldsFunc(strings.ToLower(seg), func(r rune) bool { return r == ' ' || r == '.' }) {
		if f == label {
			return true
		}
		squashed += f
	}
	return len(label) >= 6 && squashed == label
}

// dropSection removes a section's name left after the site's name was
// cut, behind the same separator: "Title_Section" of "Title_Section_Site",
// "Title | World" of "Title | World | Site". The section is a word or
// two, much shorter than what stays.
func dropSection(t, sep string) string {
	i := strings.LastIndex(t, sep)
	if i <= 0 {
		return t
	}
	head, tail := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
	if tail == "" || len(strings.Fields(tail)) > 2 || utf8.RuneCountInString(tail) > 20 ||
		3*utf8.RuneCountInString(tail) > utf8.RuneCountInString(head) || !headlineLike(head, "") {
		return t
	}
	return head
}

// barLookalikes are characters drawn as a bar that some sites set
// between the headline, the section and their name: the Hangul vowel ㅣ
// ("…-정치ㅣ한국일보"), box-drawing and mathematical bars; spaced or not.
// They cut only before the site's exact name.
var barLookalikes = []string{"ㅣ", " ㅣ ", "│", " │ ", "┃", " ┃ ", "∣", " ∣ ", "❘", " ❘ ", "ǀ", " ǀ "}

// dropCJKSection removes a section's name joined to a title in Hangul,
// Han or kana by an unspaced hyphen or underscore, left once the site's
// name was cut after an unspaced separator: "…커졌다-정치" of
// "…커졌다-정치ㅣ한국일보". The section is one to four such characters.
func dropCJKSection(t string) string {
	i := strings.LastIndexAny(t, "-_")
	if i <= 0 || t[i-1] == ' ' {
		return t
	}
	tail := t[i+1:]
	n := 0
	for _, r := range tail {
		if !unicode.Is(unicode.Hangul, r) && !unicode.Is(unicode.Han, r) && !unicode.Is(unicode.Hiragana, r) && !unicode.Is(unicode.Katakana, r) {
			return t
		}
		n++
	}
	if n == 0 || n > 4 || utf8.RuneCountInString(t[:i]) < 3*n {
		return t
	}
	return t[:i]
}

// stripSite removes the site name from the end of a title. Without a known
// site name (or when guess is set and it did not match) it drops up to two
// short trailing segments ("… - Dünya | Hürriyet"), keeping at least two
// words of title.
func stripSite(t, site string, guess bool) string {
	if site != "" {
		// Named exactly, the site may follow any separator, spaced or not:
		// "…：朝日新聞デジタル", "…:phpspot開発日誌", "… ｜ Site".
		// The site is cut off once, and each separator tried on what is
		// left, rather than joined to the site anew for each.
		beforeSite, endsSite := strings.CutSuffix(t, site)
		afterSite, opensSite := strings.CutPrefix(t, site)
		for _, sep := range namedSiteSeps {
			if head, ok := strings.CutSuffix(beforeSite, sep); endsSite && ok && strings.TrimSpace(head) != "" {
				head = dropSection(strings.TrimSpace(head), sep)
				if !strings.Contains(sep, " ") {
					head = dropCJKSection(head)
				}
				return head
			}
			// A blog's name first: "Blog Name - Entry title", and a
			// section after it: "Blog Name » Blog Archive » Entry".
			if tail, ok := strings.CutPrefix(afterSite, sep); opensSite && ok && len(strings.TrimSpace(tail)) > len(site) {
				return leadingPath(strings.TrimSpace(tail), sep, 1)
			}
		}
	}
	if !guess {
		return t
	}
	orig := t
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
	if t == orig {
		for _, sep := range titleSeps {
			if p := leadingPath(t, sep, 2); p != t {
				return p
			}
		}
	}
	return t
}

// leadingPath is the last segment of a title written as a path from the
// site down behind sep: least or more short segments (three words at most)
// before one of four words or more. With no headline printed, "Site |
// Section | Headline" is read with least 2; after a blog's name is cut from
// the front, "Blog Archive » Entry" with least 1. t otherwise.
func leadingPath(t, sep string, least int) string {
	segs := strings.Split(t, sep)
	if len(segs) <= least {
		return t
	}
	last := strings.TrimSpace(segs[len(segs)-1])
	if len(strings.Fields(last)) < 4 {
		return t
	}
	for _, s := range segs[:len(segs)-1] {
		if n := len(strings.Fields(s)); n == 0 || n > 3 {
			return t
		}
	}
	return last
}

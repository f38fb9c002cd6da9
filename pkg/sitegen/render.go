package sitegen

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
)

// Salts of the per-page random streams.
const (
	saltKind = iota // New's diplomatic draw
	saltText
	saltMeta
	saltRelated
	saltSource
)

// content is what one page says.
type content struct {
	title, byline, city string
	paragraphs          []string
	lead                string // the first sentence, for feed descriptions
}

// banks returns the sentence and title banks for a language and kind.
func banks(lang string, diplomatic bool) (sentences, titles []string) {
	switch {
	case lang == "tr" && diplomatic:
		return trDiplomatic, trDiplomaticTitles
	case lang == "tr":
		return trOther, trOtherTitles
	case diplomatic:
		return ruDiplomatic, ruDiplomaticTitles
	}
	return ruOther, ruOtherTitles
}

// content builds page i's text: 4-8 paragraphs of 2-3 distinct sentences
// and a line that names the paragraph's source. The sentences come from
// small banks, and at tens of thousands of pages every pair of them
// recurs beside many stories: without a source of its own each paragraph
// would be the source's furniture to the classifier, which would then
// cut it, and clean again the pages that kept it, where a real wire's
// paragraphs each say something of their own.
func (s *Site) content(i int) content {
	p := s.pages[i]
	lang := s.sources[p.src].lang
	sentences, titles := banks(lang, p.diplomatic)
	cities, names := trCities, trNames
	if lang == "ru" {
		cities, names = ruCities, ruNames
	}
	meta := s.rng(i, saltMeta)
	c := content{
		title:  titles[meta.IntN(len(titles))],
		byline: names[meta.IntN(len(names))],
		city:   cities[meta.IntN(len(cities))],
	}
	text := s.rng(i, saltText)
	who := s.rng(i, saltSource)
	order := text.Perm(len(sentences))
	n := 4 + text.IntN(5)
	for range n {
		k := 2 + text.IntN(2)
		if k > len(order) {
			break
		}
		var para []string
		for _, j := range order[:k] {
			para = append(para, sentences[j])
		}
		para = append(para, attribution(lang, who))
		order = order[k:]
		c.paragraphs = append(c.paragraphs, strings.Join(para, " "))
	}
	c.lead = c.paragraphs[0]
	return c
}

// attribution is a line naming someone, by a surname of three syllables
// and an ending: 32,000 of them a language.
func attribution(lang string, r *rand.Rand) string {
	syl, end, line := trSyllables, trEndings, "Bilgiyi %s paylaştı."
	if lang == "ru" {
		syl, end, line = ruSyllables, ruEndings, "Об этом сообщил %s."
	}
	var b strings.Builder
	for range 3 {
		b.WriteString(syl[r.IntN(len(syl))])
	}
	b.WriteString(end[r.IntN(len(end))])
	name := []rune(b.String())
	name[0] = unicode.ToUpper(name[0])
	return fmt.Sprintf(line, string(name))
}

// chrome is the furniture of a source's pages, per language.
type chrome struct {
	nav                                   []string
	related, by, rights, imprint, contact string
	dateFormat                            func(time.Time) string
	agency                                string
}

var trMonths = []string{"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"}
var ruMonths = []string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}

func chromeFor(lang string) chrome {
	if lang == "ru" {
		return chrome{
			nav:     []string{"Главное", "Политика", "Экономика", "Общество", "Спорт", "Культура"},
			related: "Читайте также", by: "Автор:", rights: "Все права защищены.",
			imprint: "Редакция", contact: "Контакты", agency: "Вестник",
			dateFormat: func(t time.Time) string {
				return fmt.Sprintf("%d %s %d, %02d:%02d", t.Day(), ruMonths[t.Month()-1], t.Year(), t.Hour(), t.Minute())
			},
		}
	}
	return chrome{
		nav:     []string{"Gündem", "Politika", "Ekonomi", "Yaşam", "Spor", "Kültür-Sanat"},
		related: "İlgili Haberler", by: "Muhabir:", rights: "Tüm hakları saklıdır.",
		imprint: "Künye", contact: "İletişim", agency: "Ajans",
		dateFormat: func(t time.Time) string {
			return fmt.Sprintf("%d %s %d %02d:%02d", t.Day(), trMonths[t.Month()-1], t.Year(), t.Hour(), t.Minute())
		},
	}
}

// writePage writes page i as served under path (its canonical URL).
func (s *Site) writePage(w io.Writer, i int, base, path string) {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	p := s.pages[i]
	src := s.sources[p.src]
	c := s.content(i)
	ch := chromeFor(src.lang)
	e := html.EscapeString
	pub := s.published(i)
	fmt.Fprintf(bw, `<!DOCTYPE html>
<html lang="%s">
<head>
<meta charset="utf-8">
<title>%s | %s</title>
<link rel="canonical" href="%s%s">
<meta property="og:title" content="%s">
<meta property="og:type" content="article">
<meta property="article:published_time" content="%s">
<meta name="author" content="%s">
</head>
<body>
<header class="site-header">
<a class="logo" href="/%s/">%s</a>
<nav class="main-nav"><ul>
`, src.lang, e(c.title), e(src.name), base, path, e(c.title), pub.Format(time.RFC3339), e(c.byline), src.id, e(src.name))
	for _, item := range ch.nav {
		fmt.Fprintf(bw, "<li><a href=\"/%s/%s/\">%s</a></li>\n", src.id, strings.ToLower(item), e(item))
	}
	fmt.Fprintf(bw, `</ul></nav>
</header>
<main class="container">
<article class="news-detail">
<h1 class="news-title">%s</h1>
<div class="byline">%s <span class="author">%s</span></div>
<time class="date" datetime="%s">%s</time>
<div class="news-content">
`, e(c.title), ch.by, e(c.byline), pub.Format(time.RFC3339), ch.dateFormat(pub))
	for k, para := range c.paragraphs {
		if k == 0 {
			para = fmt.Sprintf("%s (%s) – %s", strings.ToUpper(c.city), ch.agency, para)
		}
		fmt.Fprintf(bw, "<p>%s</p>\n", e(para))
	}
	fmt.Fprintf(bw, "</div>\n</article>\n<aside class=\"related-news\">\n<h3>%s</h3>\n<ul>\n", ch.related)
	for _, j := range s.related(i) {
		fmt.Fprintf(bw, "<li><a href=\"%s\">%s</a></li>\n", s.path(j), e(s.content(j).title))
	}
	fmt.Fprintf(bw, `</ul>
</aside>
</main>
<footer class="site-footer">
<ul><li><a href="/%[1]s/kunye">%[2]s</a></li><li><a href="/%[1]s/iletisim">%[3]s</a></li></ul>
<p>© %[4]d %[5]s. %[6]s</p>
</footer>
</body>
</html>
`, src.id, ch.imprint, ch.contact, epoch.Year(), e(src.name), ch.rights)
}

// related picks up to four other pages of the same source.
func (s *Site) related(i int) []int {
	n := len(s.pages) / s.cfg.Sources
	if n < 2 {
		return nil
	}
	r := s.rng(i, saltRelated)
	var out []int
	for range 4 {
		j := (r.IntN(n))*s.cfg.Sources + s.pages[i].src
		if j != i && j < len(s.pages) {
			out = append(out, j)
		}
	}
	return out
}

func (s *Site) writeRSS(w io.Writer, k int, base string) {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	src := s.sources[k]
	e := html.EscapeString
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>%s</title>
<link>%s/%s/</link>
<description>%s</description>
<language>%s</language>
`, e(src.name), base, src.id, e(src.name), src.lang)
	for i := k; i < len(s.pages); i += s.cfg.Sources {
		c := s.content(i)
		for _, path := range s.paths(i) {
			fmt.Fprintf(bw, "<item>\n<title>%s</title>\n<link>%s%s</link>\n<guid isPermaLink=\"true\">%s%s</guid>\n<pubDate>%s</pubDate>\n<description>%s</description>\n</item>\n",
				e(c.title), base, path, base, path, s.published(i).Format(time.RFC1123Z), e(c.lead))
		}
	}
	fmt.Fprint(bw, "</channel>\n</rss>\n")
}

func (s *Site) writeSitemap(w io.Writer, k int, base string) {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	fmt.Fprint(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
	for i := k; i < len(s.pages); i += s.cfg.Sources {
		for _, path := range s.paths(i) {
			fmt.Fprintf(bw, "<url><loc>%s%s</loc><lastmod>%s</lastmod></url>\n", base, path, s.published(i).Format(time.RFC3339))
		}
	}
	fmt.Fprint(bw, "</urlset>\n")
}

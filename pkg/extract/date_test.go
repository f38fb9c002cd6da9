package extract

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// TestDates checks the publication time, its precision and the update time
// as pages print them: weekday names, labels, zone-less times.
func TestDates(t *testing.T) {
	tests := []struct {
		name, page string
		pub, prec  string // pub in RFC 3339, "" for zero
		upd        string
	}{
		{"Turkish weekday between date and time", `<html lang="tr"><h1>Başlık</h1><div class="tarih">18 Kasım 2026 Çarşamba 18:12</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, ""},
		{"Turkish weekday and a bar", `<html lang="tr"><h1>Başlık</h1><div>18 Kasım 2026, Çarşamba | 18:12</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, ""},
		{"Russian weekday first", `<html lang="ru"><h1>Заголовок</h1><div>среда, 18 ноября 2026, 18:12</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, ""},
		{"Russian в before the time", `<html lang="ru"><h1>Заголовок</h1><div>18 ноября 2026 года в 18:12</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, ""},
		{"numeric date, weekday, time", `<html lang="tr"><h1>Başlık</h1><div>18.11.2026 Çarşamba 18:12</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, ""},
		{"a two-digit year with a time after it", `<html lang="tr"><h1>Başlık</h1><div class="bilgi">Çar 18.11.26 | 18:12</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, ""},
		{"a two-digit year alone is no date", `<html lang="tr"><h1>Başlık</h1><p>Sürüm 18.11.26 yayımlandı.</p>`,
			"", "", ""},
		{"date only stays a date", `<html lang="tr"><h1>Başlık</h1><div>18 Kasım 2026 Çarşamba</div>`,
			"2026-11-17T21:00:00Z", article.PrecisionDate, ""},
		{"Güncelleme is the update", `<html lang="tr"><h1>Başlık</h1><div>Giriş: 18.11.2026 18:12 Güncelleme: 18.11.2026 19:40</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, "2026-11-18T16:40:00Z"},
		{"Güncelleme first", `<html lang="tr"><h1>Başlık</h1><div>Güncelleme: 19.11.2026 09:05 | Yayınlanma: 18.11.2026 18:12</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, "2026-11-19T06:05:00Z"},
		{"Обновлено in parentheses", `<html lang="ru"><h1>Заголовок</h1><div>18:12 18.11.2026 (обновлено: 19:40 18.11.2026)</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, "2026-11-18T16:40:00Z"},
		{"Обновлено in its own line", `<html lang="ru"><h1>Заголовок</h1><div>Опубликовано: 18 ноября 2026, 18:12</div><div>Обновлено: 18 ноября 2026, 21:03</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, "2026-11-18T18:03:00Z"},
		{"only an update", `<html lang="tr"><h1>Başlık</h1><div>Son güncelleme: 18.11.2026 19:40</div>`,
			"", "", "2026-11-18T16:40:00Z"},
		{"machine dates and dateModified", `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-11-18T18:12:30+03:00","dateModified":"2026-11-18T19:00:00+03:00"}</script>`,
			"2026-11-18T15:12:30Z", article.PrecisionSecond, "2026-11-18T16:00:00Z"},
		{"meta modified_time", `<meta property="article:published_time" content="2026-11-18T18:12+03:00"><meta property="article:modified_time" content="2026-11-18T20:00+03:00">`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, "2026-11-18T17:00:00Z"},
		{"machine date only, visible time that day", `<meta property="article:published_time" content="2026-11-18"><html lang="tr"><h1>Başlık</h1><div>18 Kasım 2026 18:12</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, ""},
		{"machine date only", `<html lang="ru"><meta property="article:published_time" content="2026-11-18">`,
			"2026-11-17T21:00:00Z", article.PrecisionDate, ""},
		{"English month first, 12-hour clock and zone", `<html lang="en"><h1>A headline here</h1><div class="x">December 16, 2016, 4:19 PM ET</div>`,
			"2016-12-16T21:19:00Z", article.PrecisionMinute, ""},
		{"English day first, at, seasonal zone", `<html lang="en"><h1>A headline here</h1><div>1 June 2019 at 08:34 PM EDT</div>`,
			"2019-06-02T00:34:00Z", article.PrecisionMinute, ""},
		{"English abbreviated month and ordinal", `<html lang="en"><h1>A headline here</h1><div>Posted Oct. 9th, 2019</div>`,
			"2019-10-09T00:00:00Z", article.PrecisionDate, ""},
		{"English Updated told apart", `<html lang="en"><h1>A headline here</h1><div>Published Dec 8, 2016 6:18am GMT | Updated Dec 9, 2016 10:02am GMT</div>`,
			"2016-12-08T06:18:00Z", article.PrecisionMinute, "2016-12-09T10:02:00Z"},
		{"German day with a dot", `<html lang="de"><h1>Eine Überschrift</h1><div>18. November 2026</div>`,
			"2026-11-17T23:00:00Z", article.PrecisionDate, ""}, // the day's start in Berlin
		{"Spanish de", `<html lang="es"><h1>Un titular</h1><div>18 de noviembre de 2026</div>`,
			"2026-11-18T00:00:00Z", article.PrecisionDate, ""},
		{"Japanese 年月日 in Tokyo", `<html lang="ja"><h1>見出しの文字列です</h1><div>2019年4月2日 14:30</div>`,
			"2019-04-02T05:30:00Z", article.PrecisionMinute, ""},
		{"Chinese 年月日, date only", `<html lang="zh"><h1>标题文字内容</h1><div>发布时间：2017年3月1日</div>`,
			"2017-02-28T16:00:00Z", article.PrecisionDate, ""},
		{"year first with slashes", `<html lang="ja"><h1>見出しの文字列です</h1><div>2019/3/5</div>`,
			"2019-03-04T15:00:00Z", article.PrecisionDate, ""},
		{"Russian MSK after the time", `<html lang="ru"><h1>Заголовок</h1><div>18 ноября 2026, 18:12 (МСК)</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, ""},
		{"Russian abbreviated month", `<html lang="ru"><h1>Заголовок</h1><div>18 ноя 2026, 18:12</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, ""},
		{"Turkish TSİ and weekday first", `<html lang="tr"><h1>Başlık</h1><div>Çarşamba, 18 Kasım 2026 - 18:12 TSİ</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, ""},
		{"a date in the URL, nothing on the page", `<html lang="tr"><link rel="canonical" href="https://www.example.com/2026/11/18/baslik"><h1>Başlık</h1>`,
			"2026-11-17T21:00:00Z", article.PrecisionDate, ""},
		{"a machine date in another attribute of time", `<h1>Başlık</h1><time data-published="2016-12-09 09:13:00Z">9 Aralık</time>`,
			"2016-12-09T09:13:00Z", article.PrecisionSecond, ""},
		{"ISO basic format in JSON-LD", `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"20261118T181200+0300"}</script>`,
			"2026-11-18T15:12:00Z", article.PrecisionSecond, ""},
		{"an element classed as a date, under a long body", `<html lang="tr"><article><h1>Başlık burada</h1>` + strings.Repeat("<p>Gövde metni bir paragraf daha sürüyor ve devam ediyor.</p>", 16) + `<div class="haber-tarih">18.11.2026</div></article>`,
			"2026-11-17T21:00:00Z", article.PrecisionDate, ""},
		{"citation meta", `<meta name="citation_publication_date" content="2026-11-18"><html lang="tr"><h1>Başlık</h1>`,
			"2026-11-17T21:00:00Z", article.PrecisionDate, ""},
		{"update not after publication is none", `<html lang="tr"><h1>Başlık</h1><div>Giriş: 18.11.2026 18:12 Güncelleme: 18.11.2026 18:12</div>`,
			"2026-11-18T15:12:00Z", article.PrecisionMinute, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractString(t, tt.page)
			if got := rfc(res.PublishedAt); got != tt.pub || res.PublishedPrecision != tt.prec {
				t.Errorf("published %s (%q), want %s (%q)", got, res.PublishedPrecision, tt.pub, tt.prec)
			}
			if got := rfc(res.UpdatedAt); got != tt.upd {
				t.Errorf("updated %s, want %s", got, tt.upd)
			}
		})
	}
}

// TestZoneless: a time written without an offset is read in the source's
// zone, else in the zone of the page's language (Turkish, Russian, and
// the languages of one zone); on any other page no offset is invented:
// the time stays the wall-clock time written, marked local, and a
// date-only page keeps its own day.
func TestZoneless(t *testing.T) {
	baku, err := time.LoadLocation("Asia/Baku")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, page string
		zone       *time.Location // the source's configured zone
		pub        string
		local      bool
	}{
		{"English date only keeps its day", `<html lang="en"><h1>A headline here</h1><div>Posted March 4, 2019</div>`, nil,
			"2019-03-04T00:00:00Z", true},
		{"French time without a zone", `<html lang="fr"><h1>Un titre ici</h1><div>Publié le 4 mars 2019 à 23:40</div>`, nil,
			"2019-03-04T23:40:00Z", true},
		{"no language, numeric", `<h1>Başlık</h1><div>12.01.2020 14:35</div>`, nil,
			"2020-01-12T14:35:00Z", true},
		{"JSON-LD without an offset, Portuguese", `<html lang="pt"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-08T16:01:00"}</script>`, nil,
			"2020-01-08T16:01:00Z", true},
		{"JSON-LD without an offset, German: Berlin", `<html lang="de"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-08T16:01:00"}</script>`, nil,
			"2020-01-08T15:01:00Z", false},
		{"Polish page in Warsaw, summer time", `<html lang="pl"><h1>Nagłówek artykułu</h1><div><span>2025-07-11</span> <span>22:14</span></div>`, nil,
			"2025-07-11T20:14:00Z", false},
		{"an offset given is an instant", `<html lang="en"><meta property="article:published_time" content="2020-01-08T16:01:00-05:00">`, nil,
			"2020-01-08T21:01:00Z", false},
		{"a zone named is an instant", `<html lang="en"><h1>A headline here</h1><div>December 16, 2016, 4:19 PM ET</div>`, nil,
			"2016-12-16T21:19:00Z", false},
		{"Turkish page in Istanbul", `<html lang="tr"><h1>Başlık</h1><div>12.01.2020 14:35</div>`, nil,
			"2020-01-12T11:35:00Z", false},
		{"Russian month names say the zone", `<h1>Заголовок</h1><p>12 января 2020, 14:35</p>`, nil,
			"2020-01-12T11:35:00Z", false},
		{"the source's zone wins", `<html lang="en"><h1>A headline here</h1><div>Posted March 4, 2019 10:00</div>`, baku,
			"2019-03-04T06:00:00Z", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ExtractWith(strings.NewReader(tt.page), nil, Options{Zone: tt.zone})
			if err != nil {
				t.Fatal(err)
			}
			if got := rfc(res.PublishedAt); got != tt.pub || res.PublishedLocal != tt.local {
				t.Errorf("published %s (local %v), want %s (local %v)", got, res.PublishedLocal, tt.pub, tt.local)
			}
		})
	}
}

func rfc(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// TestSourceZone: a source's configured zone reads zone-less times, and
// an explicit offset is kept whatever the zone.
func TestSourceZone(t *testing.T) {
	baku, err := time.LoadLocation("Asia/Baku")
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://www.example.com/x")
	tests := []struct {
		page, want string
	}{
		{`<html lang="ru"><h1>Заголовок</h1><div>18 ноября 2026, 18:12</div>`, "2026-11-18T14:12:00Z"},
		{`<html lang="tr"><meta property="article:published_time" content="2026-11-18T18:12">`, "2026-11-18T14:12:00Z"},
		{`<html lang="tr"><meta property="article:published_time" content="2026-11-18T18:12:00+03:00">`, "2026-11-18T15:12:00Z"},
	}
	for _, tt := range tests {
		res, err := ExtractWith(strings.NewReader(tt.page), u, Options{Zone: baku})
		if err != nil {
			t.Fatal(err)
		}
		if got := rfc(res.PublishedAt); got != tt.want {
			t.Errorf("%s: published %s, want %s", tt.page, got, tt.want)
		}
	}
}

// TestBylineAttribution: the byline slot's agencies, outlets, weekdays and
// the site's own name never become the byline.
func TestBylineAttribution(t *testing.T) {
	tests := []struct {
		name, page, byline, attribution string
	}{
		{"agency in meta author", `<meta name="author" content="AA"><h1>Başlık</h1>`, "", "AA"},
		{"outlet in JSON-LD author", `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Vesti Kuryer"}}</script>`, "", "Vesti Kuryer"},
		{"outlet acronym first", `<span class="author">KRT Haber</span>`, "", "KRT Haber"},
		{"site host as author", `<meta name="author" content="example.com">`, "", "example.com"},
		{"site name as author", `<meta property="og:site_name" content="Örnek Gazete"><meta name="author" content="Örnek"><span class="byline">Örnek</span>`, "", "Örnek Gazete"},
		{"weekday in the byline slot", `<article><span class="author">Pazartesi</span><p>` + strings.Repeat("Metin paragrafı devam eder. ", 10) + `</p></article>`, "", ""},
		{"Russian agency", `<div class="article__author">ТАСС</div>`, "", "ТАСС"},
		{"party name", `<span class="author">Единая Россия</span>`, "", "Единая Россия"},
		{"person and agency", `<span class="author">Ольга Смирнова / Восток-Инфо</span>`, "Ольга Смирнова", "Восток-Инфо"},
		{"publisher as the author meta", `<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Yayın Grubu Nast"}}</script><meta name="author" content="Yayın Grubu Nast"><meta name="article:author" content="Deniz Arslan">`, "Deniz Arslan", "Yayın Grubu Nast"},
		{"a blog's author is its publisher", `<script type="application/ld+json">{"@type":"BlogPosting","author":{"@type":"Person","name":"Deniz Arslan"},"publisher":{"@type":"Organization","name":"Deniz Arslan"}}</script>`, "Deniz Arslan", "Deniz Arslan"},
		{"label glued to the name", `<article><div class="byline"><span>By</span>Jane Roe</div><p>` + strings.Repeat("Text of the story goes on here. ", 10) + `</p></article>`, "Jane Roe", ""},
		{"author metas disagree: the one shown wins", `<meta name="author" content="Yayın Evi Grubu"><meta property="article:author" content="Deniz Arslan"><h1>Bakanlar görüştü</h1><div class="info">Deniz Arslan</div><p>` + strings.Repeat("Bakanlar bugün görüştü. ", 10) + `</p><footer>© Yayın Evi Grubu</footer>`, "Deniz Arslan", ""},
		{"rel=author in a menu-like line under the headline", `<h1>Bakanlar Ankara'da görüştü</h1><div class="nav-info"><span>18.11.2026</span> <a rel="author" href="/yazar/deniz-arslan">Deniz Arslan</a></div><article><p>` + strings.Repeat("Bakanlar bugün Ankara'da bir araya geldi ve görüştü. ", 12) + `</p></article>`, "Deniz Arslan", ""},
		{"parsely author meta", `<meta name="parsely-author" content="Lisa de Moraes"><h1>A headline</h1>`, "Lisa de Moraes", ""},
		{"JSON-LD names the first of the meta's writers", `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Deniz Arslan"}}</script><meta name="author" content="Deniz Arslan, Selin Okur, Emre Tan"><h1>Bakanlar görüştü</h1>`, "Deniz Arslan, Selin Okur, Emre Tan", ""},
		{"publisher is the attribution", `<script type="application/ld+json">{"@type":"NewsArticle","author":"Ayşe Kaya","publisher":{"@type":"Organization","name":"Haber Ajansı Örnek"}}</script>`, "Ayşe Kaya", "Haber Ajansı Örnek"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractString(t, tt.page)
			if res.Byline != tt.byline || res.Attribution != tt.attribution {
				t.Errorf("byline %q, attribution %q; want %q, %q", res.Byline, res.Attribution, tt.byline, tt.attribution)
			}
		})
	}
}

// TestBylineSiteDomain: the site's name in a byline is matched against
// the domain its owner registered, not the first label of the host: a
// writer's own subdomain on a blogging platform names the writer, and an
// outlet's section subdomain does not hide the outlet's name.
func TestBylineSiteDomain(t *testing.T) {
	story := `<h1>Kıyıda yeni iskele</h1><article><p>` + strings.Repeat("Belediye yeni iskelenin yapımına başladı. ", 10) + `</p></article>`
	tests := []struct {
		name, url, page, byline, attribution string
	}{
		{"writer's subdomain on a platform", "https://deniz-arslan.blogyeri.com.tr/p/iskele",
			`<meta name="author" content="Deniz Arslan">` + story, "Deniz Arslan", ""},
		{"personal site's h-card in its header", "https://www.denizarslan.com.tr/yazilar/iskele",
			`<meta name="author" content="Deniz Arslan"><header><div class="h-card p-author"><a class="u-url" href="/"><span class="p-name">Deniz Arslan</span></a></div><nav><a href="/yazilar/">Yazılar</a></nav></header>` + story, "Deniz Arslan", "Deniz Arslan"},
		{"outlet on a section's subdomain", "https://spor.ornekgazete.com.tr/haber/iskele",
			`<meta name="author" content="Örnek Gazete">` + story, "", "Örnek Gazete"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := url.Parse(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Extract(strings.NewReader(tt.page), u, nil)
			if err != nil {
				t.Fatal(err)
			}
			if res.Byline != tt.byline || res.Attribution != tt.attribution {
				t.Errorf("byline %q, attribution %q; want %q, %q", res.Byline, res.Attribution, tt.byline, tt.attribution)
			}
		})
	}
}

// TestHasYear: visibleDate looks only at lines with four digits in a row,
// as every date it finds has.
func TestHasYear(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"18 Kasım 2026 Çarşamba", true},
		{"2026年11月18日", true},
		{"x1999", true},
		{"18:12, 18.11", false},
		{"Do 18.11.26 | 18:12 Uhr", true},
		{"18.11.26", false},
		{"123 456 7890", true},
		{"12 345 678", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := hasYear(tt.text); got != tt.want {
				t.Errorf("hasYear(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestMayNamedDate: the byte checks in front of dayFirstRE and
// monthFirstRE never say no where the expression finds a date, on random
// lines made of the pieces dates are made of and on every line of the
// test pages.
func TestMayNamedDate(t *testing.T) {
	pieces := []string{"1", "12", "2026", "1999", "07", " ", "  ", "\t", "\n", "\u00a0", ".", ",", "/", "-", ":",
		"st", "ſt", "ST", "nd", "rd", "th", "de ", "г.", "года", "Kasım", "KASIM", "ноября", "Ноября", "March", "Dec.",
		"oct", "Mai", "août", "x", "é", "(", "Yayınlanma:", "18:12"}
	lines := []string{
		"18 Kasım 2026 Çarşamba 18:12", "December 16, 2016", "Dec. 8,  2016", "Oct 9th, 2019", "Oct 9ſt,\t2019",
		"18 de noviembre de 2026", "18. November 2026", "12 января 2020 г., 14:35", "1 June 2019",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(opts ...string) string { return opts[rng.IntN(len(opts))] }
	noise := func() string {
		var b strings.Builder
		for range rng.IntN(4) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	month := func() string {
		return pick("Kasım", "KASIM", "ноября", "March", "Dec", "oct", "Mai", "août", "mart", "x")
	}
	space := func() string { return pick(" ", "  ", "\t", "\n", "", "\u00a0", " \r\n ") }
	day := func() string { return pick("1", "12", "123", "", "x") }
	year := func() string { return pick("2026", "1999", "202", "20261", "2026x") }
	for range 5000 {
		var line string
		if rng.IntN(2) == 0 { // day first
			line = noise() + day() + pick("", ".", ",") + space() + pick("", "de ") + month() + pick("", ".", ".,", ",") +
				space() + pick("", "de ") + year() + pick("", " г.", "года") + noise()
		} else { // month first
			line = noise() + pick("", " ", "x", "5") + month() + pick("", ".") + space() + day() +
				pick("", "st", "ſt", "TH", "rd", "s", "ſ") + pick("", ",", ".") + space() + year() + noise()
		}
		lines = append(lines, line)
	}
	pages, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	matched := 0
	for _, l := range lines {
		day, month := dayFirstRE.MatchString(l), monthFirstRE.MatchString(l)
		if day && !mayDayFirst(l) {
			t.Errorf("mayDayFirst(%q) = false, but dayFirstRE matches", l)
		}
		if month && !mayMonthFirst(l) {
			t.Errorf("mayMonthFirst(%q) = false, but monthFirstRE matches", l)
		}
		if day || month {
			matched++
		}
	}
	t.Logf("%d of %d lines have a date", matched, len(lines))
	if matched < 100 {
		t.Errorf("only %d of %d lines have a date: the test proves little", matched, len(lines))
	}
}

// TestMayMonthFirstEveryMonth writes every month's spelling in the shapes
// monthFirstRE reads and checks that the cheap test before it lets each
// through.
func TestMayMonthFirstEveryMonth(t *testing.T) {
	names := append([]string{"Ocak", "ŞUBAT", "Nisan", "Mayıs", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"}, monthSpellings...)
	shapes := []string{"Güncelleme: %s 5, 2026", "%s. 12th  2026, 14:05", "(%s 1ſt, 2026)", "%s\t03 2026", "Опубликовано %s 30ND,\n2026"}
	for _, shape := range shapes {
		t.Run(shape, func(t *testing.T) {
			for _, name := range names {
				line := fmt.Sprintf(shape, name)
				if !monthFirstRE.MatchString(line) {
					t.Errorf("monthFirstRE does not match %q: the shape is wrong", line)
				}
				if !mayMonthFirst(line) {
					t.Errorf("mayMonthFirst(%q) = false, but monthFirstRE matches", line)
				}
			}
		})
	}
}

// TestDigitSeparators checks that no numeric date expression matches a line
// digitSeparators turns away, on random lines of digits, separators,
// spaces, colons and letters.
func TestDigitSeparators(t *testing.T) {
	parts := []string{"1", "2", "12", "2024", "26", ".", "/", "-", " ", ":", "14:35", "a", "г.", "|"}
	rng := rand.New(rand.NewPCG(9, 9))
	for range 50000 {
		var sb strings.Builder
		for range 2 + rng.IntN(10) {
			sb.WriteString(parts[rng.IntN(len(parts))])
		}
		s := sb.String()
		dotted, dashed := digitSeparators(s)
		for _, re := range []*regexp.Regexp{numericDateRE, shortYearRE, yearFirstRE} {
			if !dotted && re.MatchString(s) {
				t.Fatalf("%q: %v matches, digitSeparators says no dotted digits", s, re)
			}
		}
		if !dashed && isoDateRE.MatchString(s) {
			t.Fatalf("%q: isoDateRE matches, digitSeparators says no dashed digits", s)
		}
	}
}

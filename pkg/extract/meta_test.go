package extract

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// extractString runs Extract on an HTML snippet from a fixed page URL.
func extractString(tb testing.TB, page string) *Result {
	tb.Helper()
	u, err := url.Parse("https://www.example.com/dunya/haber-1?utm=x")
	if err != nil {
		tb.Fatal(err)
	}
	res, err := Extract(strings.NewReader(page), u, nil)
	if err != nil {
		tb.Fatal(err)
	}
	checkInvariants(tb, res)
	return res
}

func TestTitle(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"og:title before an h1 in the page header", `<title>T - Site</title><meta property="og:title" content="OG başlık"><header><h1>H1 başlık</h1></header>`, "OG başlık"},
		{"the only h1, outside furniture, before og:title", `<title>T - Site</title><meta property="og:title" content="OG başlık"><h1>H1 başlık</h1>`, "H1 başlık"},
		{"og:title loses the site name", `<meta property="og:site_name" content="Sabah"><meta property="og:title" content="Başlık - Sabah">`, "Başlık"},
		{"og:title keeps a dash without site name", `<meta property="og:title" content="Lavrov - Çavuşoğlu görüşmesi">`, "Lavrov - Çavuşoğlu görüşmesi"},
		{"h1 before title", `<title>Başka - Site</title><h1> Erdoğan  ve <b>Putin</b> görüştü </h1>`, "Erdoğan ve Putin görüştü"},
		{"title pipe suffix", `<title>Erdoğan ve Putin görüştü | Hürriyet</title>`, "Erdoğan ve Putin görüştü"},
		{"title two suffixes", `<title>Erdoğan ve Putin görüştü - Dünya Haberleri | Hürriyet</title>`, "Erdoğan ve Putin görüştü"},
		{"title em dash", `<title>Лавров прибыл в Анкару — РИА Новости</title>`, "Лавров прибыл в Анкару"},
		{"title dash inside kept", `<title>Lavrov - Çavuşoğlu görüşmesi - Hürriyet</title>`, "Lavrov - Çavuşoğlu görüşmesi"},
		{"og:title loses a segment naming the host", `<meta property="og:title" content="Lavrov Ankara'da | Example Politika">`, "Lavrov Ankara'da"},
		{"og:title keeps a segment naming another", `<meta property="og:title" content="Lavrov Ankara'da | Dünya Gündemi">`, "Lavrov Ankara'da | Dünya Gündemi"},
		{"title no suffix", `<title>Libya'da ateşkes</title>`, "Libya'da ateşkes"},
		{"JSON-LD headline before title", `<title>X | Y</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"LD başlık"}</script>`, "LD başlık"},
		{"the article's h1 before a social og:title", `<meta property="og:title" content="Bunu görmelisiniz: Ankara'da sürpriz görüşme"><article><h1>Lavrov ve Fidan Ankara'da görüştü</h1><p>` + strings.Repeat("Dışişleri bakanları bugün bir araya geldi. ", 8) + `</p></article>`, "Lavrov ve Fidan Ankara'da görüştü"},
		{"a one-word h1 is a section, not the headline", `<meta property="og:title" content="Лавров прибыл в Анкару"><article><h1>Политика</h1><p>` + strings.Repeat("Министр иностранных дел прибыл в Анкару. ", 8) + `</p></article>`, "Лавров прибыл в Анкару"},
		{"site name after a full-width colon", `<meta property="og:site_name" content="東京新聞デジタル"><meta property="og:title" content="外相会談が開かれた：東京新聞デジタル">`, "外相会談が開かれた"},
		{"title segment squashing the host's name", `<meta property="og:title" content="Lavrov Ankara'da - Exam Ple">`, "Lavrov Ankara'da"},
		{"a section joined by an unspaced hyphen before a bar lookalike and the site", `<meta property="og:site_name" content="서울일보"><meta property="og:title" content="외교장관 회담 열려-정치ㅣ서울일보">`, "외교장관 회담 열려"},
		{"a hyphenated word before the site is no section", `<meta property="og:site_name" content="Ege Postası"><meta property="og:title" content="Ankara-Atina hattında yeni tur│Ege Postası">`, "Ankara-Atina hattında yeni tur"},
		{"a kicker's span and the headline's read run together", `<h1><span class="nadzag">Южный Кавказ</span> <span>Лавров и Фидан обсудили мирный договор в Анкаре</span></h1>`, "Южный Кавказ: Лавров и Фидан обсудили мирный договор в Анкаре"},
		{"a name's span going on in lower case is no kicker", `<h1><span>Erdoğan</span> <span>ve Putin Soçi'de bir araya geldi</span></h1>`, "Erdoğan ve Putin Soçi'de bir araya geldi"},
		{"a kicker with its own colon stays as printed", `<h1><span>Южный Кавказ:</span> <span>Лавров и Фидан обсудили мирный договор</span></h1>`, "Южный Кавказ: Лавров и Фидан обсудили мирный договор"},
		{"invalid UTF-8 repaired", "<meta property=\"og:title\" content=\"Ba\xffşlık\">", "Ba\uFFFDşlık"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := extractString(t, tt.page).Title; got != tt.want {
				t.Errorf("Title = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTitleSiteDomain: a title segment names the site by its registered
// domain's label as well as by the host's first: an edition's or a
// language's subdomain comes first on some sites.
func TestTitleSiteDomain(t *testing.T) {
	tests := []struct {
		name, url, page, want string
	}{
		{"edition subdomain", "https://edition.kiyigazete.com/haber/iskele",
			`<meta property="og:title" content="Kıyıda yeni iskele yapılıyor | Kiyigazete Ekonomi">`, "Kıyıda yeni iskele yapılıyor"},
		{"host's first label", "https://www.kiyigazete.com/haber/iskele",
			`<meta property="og:title" content="Kıyıda yeni iskele yapılıyor | Kiyigazete Ekonomi">`, "Kıyıda yeni iskele yapılıyor"},
		{"another site's name stays", "https://edition.kiyigazete.com/haber/iskele",
			`<meta property="og:title" content="Kıyıda yeni iskele yapılıyor | Liman Postası">`, "Kıyıda yeni iskele yapılıyor | Liman Postası"},
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
			if res.Title != tt.want {
				t.Errorf("Title = %q, want %q", res.Title, tt.want)
			}
		})
	}
}

func TestLeadingPath(t *testing.T) {
	tests := []struct {
		name, title, sep string
		least            int
		want             string
	}{
		{"site and section before the headline", "Kuzey Postası | Ekonomi | Limanda yük trafiği yüzde on arttı", " | ", 2, "Limanda yük trafiği yüzde on arttı"},
		{"one section is too few under least 2", "Ekonomi | Limanda yük trafiği yüzde on arttı", " | ", 2, "Ekonomi | Limanda yük trafiği yüzde on arttı"},
		{"one section is enough under least 1", "Архив записей » Паром на остров снова ходит по расписанию", " » ", 1, "Паром на остров снова ходит по расписанию"},
		{"a headline of three words stays whole", "Архив » Паром снова ходит", " » ", 1, "Архив » Паром снова ходит"},
		{"a segment of four words is no section", "Новости нашего небольшого города | Общество | Паром снова ходит по расписанию", " | ", 2, "Новости нашего небольшого города | Общество | Паром снова ходит по расписанию"},
		{"an empty segment is no section", "Site |  | Limanda yük trafiği yüzde on arttı", " | ", 2, "Site |  | Limanda yük trafiği yüzde on arttı"},
		{"another separator", "Site | Ekonomi | Limanda yük trafiği arttı", " - ", 2, "Site | Ekonomi | Limanda yük trafiği arttı"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := leadingPath(tt.title, tt.sep, tt.least); got != tt.want {
				t.Errorf("leadingPath(%q, %q, %d) = %q, want %q", tt.title, tt.sep, tt.least, got, tt.want)
			}
		})
	}
}

func TestPublishedAt(t *testing.T) {
	tests := []struct {
		name, page, want string // want in RFC 3339, "" for zero
	}{
		{"JSON-LD graph", `<script type="application/ld+json">{"@graph":[{"@type":"WebPage","datePublished":"2019-01-01T00:00:00Z"},{"@type":"NewsArticle","datePublished":"2020-01-08T16:01:02+03:00"}]}</script>`, "2020-01-08T13:01:02Z"},
		{"JSON-LD array of objects", `<script type="application/ld+json">[{"@type":"Organization"},{"@type":["NewsArticle"],"datePublished":"2020-01-08T16:01:02+0300"}]</script>`, "2020-01-08T13:01:02Z"},
		{"JSON-LD zone-less, Turkish", `<html lang="tr"><script type="application/ld+json">{"@type":"Article","datePublished":"2020-01-08T16:01"}</script>`, "2020-01-08T13:01:00Z"},
		{"JSON-LD raw newline repaired", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"description\":\"a\nb\",\"datePublished\":\"2020-01-08T10:00:00Z\"}</script>", "2020-01-08T10:00:00Z"},
		{"JSON-LD beats meta", `<meta property="article:published_time" content="2021-01-01T00:00:00Z"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-08T10:00:00Z"}</script>`, "2020-01-08T10:00:00Z"},
		{"meta published_time", `<meta property="article:published_time" content="2020-01-08T14:20:00+03:00">`, "2020-01-08T11:20:00Z"},
		{"meta bad, time element", `<meta property="article:published_time" content="yesterday"><article><p>x</p><time datetime="2020-01-09T09:00:00Z">9 Ocak</time></article>`, "2020-01-09T09:00:00Z"},
		{"sidebar time ignored", `<aside class="sidebar"><time datetime="2020-05-05T00:00:00Z">x</time></aside><html lang="tr"><h1>Başlık</h1><div>12.01.2020 14:35</div>`, "2020-01-12T11:35:00Z"},
		{"dateModified time skipped", `<time itemprop="dateModified" datetime="2020-02-02T00:00:00Z">x</time><time itemprop="datePublished" datetime="2020-01-01T10:00:00Z">y</time>`, "2020-01-01T10:00:00Z"},
		{"numeric visible, Istanbul", `<html lang="tr"><h1>Başlık</h1><div class="tarih">12.01.2020 14:35</div>`, "2020-01-12T11:35:00Z"},
		{"time before date (RIA)", `<html lang="ru"><h1>Заголовок</h1><div>14:35 12.01.2020 (обновлено: 16:02 12.01.2020)</div>`, "2020-01-12T11:35:00Z"},
		{"Turkish month and weekday", `<h1>Başlık</h1><div>12 Ocak 2020 Pazar</div>`, "2020-01-11T21:00:00Z"},
		{"Turkish month with time", `<h1>Başlık</h1><div>12 Ocak 2020 14:35</div>`, "2020-01-12T11:35:00Z"},
		{"Turkish capitals", `<h1>Başlık</h1><div>12 NİSAN 2020 PAZAR 09:00</div>`, "2020-04-12T06:00:00Z"},
		{"Turkish dotless i month, winter time 2015", `<h1>Başlık</h1><div>3 Aralık 2015 10:00</div>`, "2015-12-03T08:00:00Z"},
		{"Turkish DST late end 2015", `<html lang="tr"><h1>Başlık</h1><div>3 Kasım 2015 10:00</div>`, "2015-11-03T07:00:00Z"},
		{"Russian month and time", `<h1>Заголовок</h1><p>12 января 2020, 14:35</p>`, "2020-01-12T11:35:00Z"},
		{"Russian year suffix", `<h1>Заголовок</h1><p>12 января 2020 г.</p>`, "2020-01-11T21:00:00Z"},
		{"Moscow UTC+4 in 2012", `<html lang="ru"><h1>Заголовок</h1><p>12 января 2012, 14:35</p>`, "2012-01-12T10:35:00Z"},
		{"Istanbul summer time in 2015", `<html lang="tr"><h1>Başlık</h1><p>12.07.2015 14:35</p>`, "2015-07-12T11:35:00Z"},
		{"earliest of published and updated", `<html lang="tr"><h1>Başlık</h1><div>Güncelleme: 13.01.2020 10:00 Yayınlanma: 12.01.2020 09:00</div>`, "2020-01-12T06:00:00Z"},
		{"impossible date", `<h1>Başlık</h1><div>31.02.2020</div>`, ""},
		{"implausible year", `<meta property="article:published_time" content="0001-01-01T00:00:00Z">`, ""},
		{"far from the title", `<h1>Başlık</h1>` + strings.Repeat(`<p>Metin paragrafı.</p>`, 20) + `<p>12.01.2020</p>`, ""},
		{"none", `<p>Metin</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extractString(t, tt.page).PublishedAt
			if tt.want == "" {
				if !got.IsZero() {
					t.Errorf("PublishedAt = %v, want zero", got)
				}
				return
			}
			if got.Format(time.RFC3339) != tt.want || got.Location() != time.UTC {
				t.Errorf("PublishedAt = %v, want %s", got, tt.want)
			}
		})
	}
}

func TestByline(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"JSON-LD authors", `<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Güven Usta"},{"name":"DHA"},"Güven Usta"]}</script><span class="author">X</span>`, "Güven Usta"},
		{"JSON-LD author string", `<script type="application/ld+json">{"@type":"NewsArticle","author":"Анна Иванова"}</script>`, "Анна Иванова"},
		{"meta author", `<meta name="author" content="Ahmet Yılmaz"><span class="author">X</span>`, "Ahmet Yılmaz"},
		{"meta author URL ignored", `<meta name="author" content="https://www.aa.com.tr"><a rel="author" href="/y">Ayşe Kaya</a>`, "Ayşe Kaya"},
		{"class yazar with label", `<div class="haber-yazar">Yazar: Mehmet Demir</div>`, "Mehmet Demir"},
		{"muhabir", `<span class="muhabir">Ankara / Selin Ak</span>`, "Selin Ak"},
		{"Russian label", `<div class="article__author">Автор: Михаил Петров</div>`, "Михаил Петров"},
		{"itemprop author", `<span itemprop="author"><span itemprop="name">Olga Smirnova</span></span>`, "Olga Smirnova"},
		{"bio box too long", `<div class="author">` + strings.Repeat("Uzun biyografi metni ", 10) + `</div>`, ""},
		{"inside article wins", `<div class="author">Sidebar Yazar</div><article><p>` + strings.Repeat("Makale metni burada devam eder, ", 10) + `</p><span class="byline">Zeynep Aydın</span></article>`, "Zeynep Aydın"},
		{"desk is no person", `<span class="byline">Haber Merkezi</span>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := extractString(t, tt.page).Byline; got != tt.want {
				t.Errorf("Byline = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDateline(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"İSTANBUL (DHA) – Dışişleri Bakanı", "İSTANBUL (DHA) –"},
		{"ANKARA (AA) - Dışişleri Bakanı", "ANKARA (AA) -"},
		{"Moskova (AA) – Rusya", "Moskova (AA) –"},
		{"ANKARA/İSTANBUL (AA) - Bakan", "ANKARA/İSTANBUL (AA) -"},
		{"WASHINGTON, 12 Ocak (AA) - ABD", "WASHINGTON, 12 Ocak (AA) -"},
		{"МОСКВА, 12 января. /ТАСС/. Министр", "МОСКВА, 12 января. /ТАСС/."},
		{"МОСКВА, 12 янв — РИА Новости. Президент", "МОСКВА, 12 янв — РИА Новости."},
		{"САНКТ-ПЕТЕРБУРГ, 3 марта - ПРАЙМ. Цены", "САНКТ-ПЕТЕРБУРГ, 3 марта - ПРАЙМ."},
		{"Москва. 12 января. INTERFAX.RU - Глава МИД", "Москва. 12 января. INTERFAX.RU -"},
		{"Dışişleri Bakanı Çavuşoğlu, Lavrov ile görüştü.", ""},
		{"AB - Türkiye ilişkileri gündemde.", ""},
		{"По теме переговоров высказался Песков.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := dateline(tt.text)
			if got != tt.want {
				t.Errorf("dateline = %q, want %q", got, tt.want)
			}
			if got != "" && !strings.HasPrefix(tt.text, got) {
				t.Errorf("dateline %q is not a prefix of the text", got)
			}
		})
	}
}

func TestLangHint(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"html lang region", `<html lang="tr-TR"><p>x</p>`, "tr"},
		{"html lang upper", `<html lang="RU"><p>x</p>`, "ru"},
		{"og:locale", `<html><meta property="og:locale" content="ru_RU"><p>x</p>`, "ru"},
		{"html lang wins", `<html lang="tr"><meta property="og:locale" content="en_US">`, "tr"},
		{"bad lang falls back", `<html lang="x1"><meta property="og:locale" content="tr_TR">`, "tr"},
		{"content-language", `<meta http-equiv="Content-Language" content="tr, en">`, "tr"},
		{"none", `<p>x</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := extractString(t, tt.page).LangHint; got != tt.want {
				t.Errorf("LangHint = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"absolute", `<link rel="canonical" href="https://www.dha.com.tr/a/b">`, "https://www.dha.com.tr/a/b"},
		{"relative", `<link rel="canonical" href="/dunya/haber-1">`, "https://www.example.com/dunya/haber-1"},
		{"rel case and tokens", `<link rel="Canonical nofollow" href="haber-2">`, "https://www.example.com/dunya/haber-2"},
		{"fragment dropped", `<link rel="canonical" href="https://ria.ru/1.html#comments">`, "https://ria.ru/1.html"},
		{"og:url fallback", `<meta property="og:url" content="https://tass.ru/politika/1">`, "https://tass.ru/politika/1"},
		{"javascript ignored, og:url used", `<link rel="canonical" href="javascript:void(0)"><meta property="og:url" content="/x">`, "https://www.example.com/x"},
		{"none", `<p>x</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := extractString(t, tt.page).CanonicalURL; got != tt.want {
				t.Errorf("CanonicalURL = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBlocks(t *testing.T) {
	tests := []struct {
		name, page string
		want       []string // "tag zone text"
	}{
		{"li holding p is one block", `<ul><li><p>Bir</p></li></ul>`, []string{"p unknown Bir"}},
		{"inline joins, br is a space", `<p>Dışişleri <b>Bakanı</b>'nın<br>açıklaması</p>`, []string{"p unknown Dışişleri Bakanı'nın açıklaması"}},
		{"double br splits div soup", `<div>Bir.<br><br>İki.<br> <br>Üç.</div>`, []string{"div unknown Bir.", "div unknown İki.", "div unknown Üç."}},
		{"direct text around a child block", `<div>Önce<p>Orta</p>Sonra</div>`, []string{"div unknown Önce", "p unknown Orta", "div unknown Sonra"}},
		{"adjacent links are words", `<div class="x"><a href="/a">Libya</a><a href="/b">Rusya</a></div>`, []string{"div nav Libya Rusya"}},
		{"scripts and controls skipped", `<div>Metin<script>var x;</script><style>p{}</style><button>Tıkla</button><noscript>JS</noscript><select><option>A</option></select></div>`, []string{"div unknown Metin"}},
		{"invisible characters dropped", "<p>Dışiş\u00adleri\u200b Bakanı\u00a0\u00a0Lavrov</p>", []string{"p unknown Dışişleri Bakanı Lavrov"}},
		{"figure caption", `<figure><img src="x.jpg"><figcaption>Lavrov ve Çavuşoğlu. Foto: AA</figcaption></figure>`, []string{"figcaption caption Lavrov ve Çavuşoğlu. Foto: AA"}},
		{"stand-alone credit", `<div class="x">Фото: РИА Новости</div>`, []string{"div caption Фото: РИА Новости"}},
		{"lead label claims the link list", `<p>Текст без ссылок, обычный абзац.</p><h3>Читайте также</h3><ul><li><a href="/1">Раз</a></li><li><a href="/2">Два</a></li></ul><p>Дальше текст.</p>`,
			[]string{"p unknown Текст без ссылок, обычный абзац.", "h3 related Читайте также", "li related Раз", "li related Два", "p unknown Дальше текст."}},
		{"por teme as prose stays", `<p>По теме переговоров высказался Песков.</p>`, []string{"p unknown По теме переговоров высказался Песков."}},
		{"page wrapper classes ignored", `<div class="page has-sidebar"><div class="content"><h1>Başlık</h1><p>` + strings.Repeat("Makale metni, uzun bir paragraf. ", 8) + `</p></div><div class="sidebar"><p>Yan</p></div></div>`,
			[]string{"h1 heading Başlık", "p body " + strings.TrimSpace(strings.Repeat("Makale metni, uzun bir paragraf. ", 8)), "p aside Yan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractString(t, tt.page)
			var got []string
			for _, b := range res.Blocks {
				got = append(got, b.Tag+" "+string(b.Zone)+" "+b.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestLinks(t *testing.T) {
	res := extractString(t, `<base href="https://cdn.example.org/tr/"><ul>
<li><a href="haber/1">Tam bağlantı başlığı</a></li>
<li>Kısa <a href="/x">bağlantı</a> ve uzun bir metin burada</li>
<li><a href="/a">Bir</a> <a href="/b">İki</a></li>
<li><a href="javascript:void(0)">Paylaş</a></li>
<li><a href="#top">Yukarı</a></li></ul>`)
	want := []struct {
		link    string
		density float64
	}{
		{"https://cdn.example.org/tr/haber/1", 1},
		{"", 0.25},
		{"", 1},
		{"", 1},
		{"", 1},
	}
	if len(res.Blocks) != len(want) {
		t.Fatalf("%d blocks, want %d", len(res.Blocks), len(want))
	}
	for i, w := range want {
		if b := res.Blocks[i]; b.Link != w.link || b.LinkDensity != w.density {
			t.Errorf("block %d %q: link %q density %v, want %q %v", i, b.Text, b.Link, b.LinkDensity, w.link, w.density)
		}
	}
}

// fastResolve must agree with net/url wherever it answers.
func TestFastResolve(t *testing.T) {
	base, _ := url.Parse("https://www.example.com/dunya/haber?x=1")
	hrefs := []string{
		"/a/b", "/a/b?c=d&e=f", "/a/b#frag", "https://ria.ru/1.html", "http://x.org", "https://X.org/Path",
		"/a/../b", "/a/./b", "//cdn.org/x", "/a b", "/ş", "/%20", "https://x.org:443/a", "https://u@x.org/",
		"relative", "?q=1", "/a/b:c", "https://x.org?q", "https:///x",
	}
	for _, h := range hrefs {
		u, err := url.Parse(h)
		if err != nil {
			continue
		}
		slow := base.ResolveReference(u).String()
		if fast, ok := fastResolve(base, h); ok && fast != slow {
			t.Errorf("%q: fast %q, net/url %q", h, fast, slow)
		}
	}
}

func TestRules(t *testing.T) {
	tests := []struct {
		name  string
		rules Rules
		want  string
	}{
		{"valid", Rules{Article: "div.m-article", Title: "h1, .title", Body: ".text > p", Date: "time[datetime]", Byline: "[itemprop=author]", Drop: []string{".inj", "div:has(a.more)"}}, ""},
		{"empty", Rules{}, ""},
		{"bad article", Rules{Article: "div["}, "rules: article: selector \"div[\""},
		{"bad body", Rules{Body: ".a >> .b"}, "rules: body: "},
		{"bad drop", Rules{Drop: []string{".ok", "##x"}}, "rules: drop[1]: "},
		{"empty drop", Rules{Drop: []string{""}}, "rules: drop[0]: empty selector"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.rules.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Validate() = %v, want %q", err, tt.want)
			}
			if tt.want != "" {
				if _, err := Extract(strings.NewReader("<p>x</p>"), nil, &tt.rules); err == nil {
					t.Error("Extract accepted invalid rules")
				}
			}
		})
	}
	var nilRules *Rules
	if err := nilRules.Validate(); err != nil {
		t.Errorf("nil rules: %v", err)
	}
}

// A selector that matches nothing falls back to the generic extractor.
func TestRulesFallBack(t *testing.T) {
	page := `<article><h1>Başlık</h1><p>` + strings.Repeat("Makale metni, uzun bir paragraf. ", 8) + `</p></article>`
	res, err := Extract(strings.NewReader(page), nil, &Rules{Body: ".no-such-class"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Blocks) != 2 || res.Blocks[1].Zone != "body" {
		t.Errorf("blocks %+v, want the generic body", res.Blocks)
	}
}

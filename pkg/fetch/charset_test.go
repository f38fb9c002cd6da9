package fetch

import (
	"html"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Realistic wire copy, as Russian and Turkish agencies write it.

const (
	ruPara1 = "Министр иностранных дел России заявил во вторник, что переговоры с турецкой делегацией возобновятся на следующей неделе в Женеве."
	ruPara2 = "По словам источников, знакомых с ходом консультаций, стороны обсудили безопасность судоходства в Черном море и обмен пленными."
	trPara1 = "Dışişleri Bakanlığı Sözcüsü, Cenevre'deki görüşmelerin önümüzdeki hafta yeniden başlayacağını söyledi ve tarafların ateşkes konusunda uzlaşmaya yakın olduğunu açıkladı."
	trPara2 = "Türkiye'nin Karadeniz'deki gemi trafiğinin güvenliği için sunduğu önerileri görüşen toplantıya uluslararası kuruluşların temsilcileri de katıldı."
	// trQuote has typographic quotes, which windows-1254 has at 0x93/0x94
	// and ISO-8859-9 has not at all: the bytes that tell the two apart.
	trQuote = "Bakan, “Müzakerelerin başarıyla sonuçlanacağına inanıyoruz” dedi."
)

func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return b
}

// ruPage and trPage are undeclared article pages (no meta charset).
func ruPage(head string) string {
	return articleHTML("ru", head, "Переговоры возобновятся в Женеве", ruPara1, ruPara2)
}

func trPage(head string, paras ...string) string {
	return articleHTML("tr", head, "Cenevre görüşmeleri yeniden başlıyor", paras...)
}

// portalPage wraps Russian copy in what a news portal puts around it:
// scripts, navigation, class names. The markup's ASCII letters outnumber
// the text's Cyrillic bytes, as on real pages.
func portalPage() string {
	var nav strings.Builder
	for _, s := range []string{"politics", "economy", "society", "world", "incidents", "science", "culture", "sport", "tourism", "video", "photo", "opinions"} {
		nav.WriteString(`<li class="navigation-menu__item navigation-menu__item--primary"><a class="navigation-menu__link" href="/` + s + `/">` + s + `</a></li>`)
	}
	head := `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/static/css/main.bundle.css">` +
		`<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'UA-000000-1');</script>`
	body := `<header class="site-header"><nav class="navigation-menu"><ul>` + nav.String() + `</ul></nav></header>` +
		`<main class="layout-main"><article class="article article--main"><h1 class="article__title">Переговоры возобновятся в Женеве</h1>` +
		`<div class="article__body"><p>` + ruPara1 + `</p><p>` + ruPara2 + `</p></div></article></main>` +
		`<footer class="site-footer"><p class="site-footer__copyright">Copyright, all rights reserved. Reproduction without permission prohibited.</p></footer>`
	return `<!doctype html><html lang="ru"><head>` + head + `<title>Переговоры</title></head><body>` + body + `</body></html>`
}

// TestDetect checks that undeclared bytes are told apart by language and
// table.
func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		body func(t testing.TB) []byte
		want string
	}{
		{"utf-8", func(t testing.TB) []byte { return []byte(ruPage("")) }, "utf-8"},
		{"ascii", func(t testing.TB) []byte { return []byte(story("Plain")) }, "utf-8"},
		{"windows-1251", func(t testing.TB) []byte { return encode(t, charmap.Windows1251, ruPage("")) }, "windows-1251"},
		{"koi8-r", func(t testing.TB) []byte { return encode(t, charmap.KOI8R, ruPage("")) }, "koi8-r"},
		{"windows-1254", func(t testing.TB) []byte { return encode(t, charmap.Windows1254, trPage("", trPara1, trQuote)) }, "windows-1254"},
		{"iso-8859-9", func(t testing.TB) []byte { return encode(t, charmap.ISO8859_9, trPage("", trPara1, trPara2)) }, "iso-8859-9"},
		{"windows-1251 text only", func(t testing.TB) []byte { return encode(t, charmap.Windows1251, ruPara1) }, "windows-1251"},
		{"koi8-r text only", func(t testing.TB) []byte { return encode(t, charmap.KOI8R, ruPara2) }, "koi8-r"},
		{"windows-1251 portal page", func(t testing.TB) []byte { return encode(t, charmap.Windows1251, portalPage()) }, "windows-1251"},
		{"koi8-r portal page", func(t testing.TB) []byte { return encode(t, charmap.KOI8R, portalPage()) }, "koi8-r"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detect(tt.body(t)); got != tt.want {
				t.Errorf("detect = %s, want %s", got, tt.want)
			}
		})
	}
}

// TestDetermineEncodingTrap shows why detection exists: the standard
// prescan calls undeclared Russian and Turkish pages windows-1252.
func TestDetermineEncodingTrap(t *testing.T) {
	tests := []struct {
		name string
		body []byte
	}{
		{"windows-1251", encode(t, charmap.Windows1251, ruPage(""))},
		{"windows-1254", encode(t, charmap.Windows1254, trPage("", trPara1, trQuote))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, name, _ := charset.DetermineEncoding(tt.body, "text/html"); name != "windows-1252" {
				t.Errorf("DetermineEncoding = %s; the trap the fetcher avoids is gone", name)
			}
			out, _, err := toUTF8(tt.body, "text/html")
			if err != nil {
				t.Fatal(err)
			}
			if s := string(out); !strings.Contains(s, ruPara1) && !strings.Contains(s, html.EscapeString(trPara1)) {
				t.Errorf("toUTF8 did not recover the text: %.200q", s)
			}
		})
	}
}

// TestToUTF8 covers the order of declarations and their conflicts.
func TestToUTF8(t *testing.T) {
	utf8Meta := `<meta charset="utf-8">`
	tests := []struct {
		name        string
		body        func(t testing.TB) []byte
		contentType string
		wantName    string
		wantText    string
	}{
		{"header wins over meta", func(t testing.TB) []byte { return encode(t, charmap.Windows1251, ruPage(utf8Meta)) },
			"text/html; charset=windows-1251", "windows-1251", ruPara1},
		{"header alias cp1251", func(t testing.TB) []byte { return encode(t, charmap.Windows1251, ruPage("")) },
			"text/html; charset=cp1251", "windows-1251", ruPara1},
		{"meta when no header charset", func(t testing.TB) []byte {
			return encode(t, charmap.KOI8R, ruPage(`<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">`))
		}, "text/html", "koi8-r", ruPara2},
		{"declared utf-8, bytes windows-1251", func(t testing.TB) []byte { return encode(t, charmap.Windows1251, ruPage(utf8Meta)) },
			"text/html; charset=utf-8", "windows-1251", ruPara1},
		{"meta utf-8, bytes koi8-r", func(t testing.TB) []byte { return encode(t, charmap.KOI8R, ruPage(utf8Meta)) },
			"text/html", "koi8-r", ruPara1},
		{"BOM wins over header", func(t testing.TB) []byte { return append([]byte("\xef\xbb\xbf"), ruPage("")...) },
			"text/html; charset=windows-1251", "utf-8", ruPara1},
		{"undeclared windows-1251", func(t testing.TB) []byte { return encode(t, charmap.Windows1251, ruPage("")) },
			"text/html", "windows-1251", ruPara2},
		{"undeclared koi8-r", func(t testing.TB) []byte { return encode(t, charmap.KOI8R, ruPage("")) },
			"", "koi8-r", ruPara1},
		{"undeclared windows-1254", func(t testing.TB) []byte { return encode(t, charmap.Windows1254, trPage("", trPara1, trQuote)) },
			"text/html", "windows-1254", trQuote},
		{"undeclared iso-8859-9", func(t testing.TB) []byte { return encode(t, charmap.ISO8859_9, trPage("", trPara1, trPara2)) },
			"text/html", "iso-8859-9", trPara2},
		{"declared iso-8859-9", func(t testing.TB) []byte { return encode(t, charmap.ISO8859_9, trPage("")) },
			"text/html; charset=iso-8859-9", "windows-1254", "Cenevre görüşmeleri"},
		{"undeclared windows-1251 portal page", func(t testing.TB) []byte { return encode(t, charmap.Windows1251, portalPage()) },
			"text/html", "windows-1251", ruPara1},
		{"meta windows-1251, bytes utf-8", func(t testing.TB) []byte {
			return []byte(ruPage(`<meta charset="windows-1251">`))
		}, "text/html", "utf-8", ruPara1},
		{"header windows-1254, bytes utf-8", func(t testing.TB) []byte { return []byte(trPage("", trPara1, trQuote)) },
			"text/html; charset=windows-1254", "utf-8", trQuote},
		{"meta windows-1251, ASCII only", func(t testing.TB) []byte {
			return []byte(articleHTML("en", `<meta charset="windows-1251">`, "Talks resume", "The talks resume in Geneva next week."))
		}, "text/html", "windows-1251", "Talks resume"},
		// UTF-8 with one stray windows-1252 byte (a no-break space) is
		// UTF-8 still, declared or not: read as windows-1251, every
		// typographic quote would be garbled.
		{"undeclared utf-8 with a stray byte", func(t testing.TB) []byte {
			return []byte(strings.Replace(trPage("", trPara1, trQuote), "Cenevre", "\xa0Cenevre", 1))
		}, "text/html", "utf-8", trQuote},
		{"declared utf-8 with a stray byte", func(t testing.TB) []byte {
			return []byte(strings.Replace(ruPage(""), "Женеве", "\xa0Женеве", 1))
		}, "text/html; charset=utf-8", "utf-8", ruPara1},
		{"unknown label falls back to meta", func(t testing.TB) []byte { return []byte(ruPage(utf8Meta)) },
			"text/html; charset=x-unheard-of", "utf-8", ruPara1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, name, err := toUTF8(tt.body(t), tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if name != tt.wantName {
				t.Errorf("encoding = %s, want %s", name, tt.wantName)
			}
			if !utf8.Valid(out) {
				t.Errorf("output is not valid UTF-8")
			}
			// The output is still HTML, with apostrophes escaped.
			if !strings.Contains(string(out), html.EscapeString(tt.wantText)) {
				t.Errorf("output lacks %q:\n%.300s", tt.wantText, out)
			}
		})
	}
}

// TestToUTF8Truncated cuts a UTF-8 Russian page inside a character, as
// MaxBody does, and checks the text survives: a cut character must not
// make the whole page look like windows-1251.
func TestToUTF8Truncated(t *testing.T) {
	page := []byte(ruPage(`<meta charset="utf-8">`))
	cut := strings.Index(string(page), ruPara2) + 3 // inside a two-byte letter
	if utf8.Valid(page[:cut]) {
		t.Fatal("the cut should split a character")
	}
	for _, ct := range []string{"text/html; charset=utf-8", "text/html"} {
		t.Run(ct, func(t *testing.T) {
			out, name, err := toUTF8(page[:cut], ct)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), ruPara1) {
				t.Errorf("decoded as %s; the first paragraph is garbled: %.200s", name, out)
			}
		})
	}
}

// TestCharsetPages fetches pages in every encoding the fetcher knows and
// checks the published blocks carry the right text.
func TestCharsetPages(t *testing.T) {
	utf8Meta := `<meta charset="utf-8">`
	tests := []struct {
		name        string
		contentType string
		body        func(t testing.TB) []byte
		want        []string
	}{
		{"header windows-1251, meta utf-8", "text/html; charset=windows-1251",
			func(t testing.TB) []byte { return encode(t, charmap.Windows1251, ruPage(utf8Meta)) }, []string{ruPara1, ruPara2}},
		{"declared utf-8, bytes windows-1251", "text/html; charset=utf-8",
			func(t testing.TB) []byte { return encode(t, charmap.Windows1251, ruPage(utf8Meta)) }, []string{ruPara1, ruPara2}},
		{"undeclared windows-1251", "text/html",
			func(t testing.TB) []byte { return encode(t, charmap.Windows1251, ruPage("")) }, []string{ruPara1, ruPara2}},
		{"undeclared koi8-r", "text/html",
			func(t testing.TB) []byte { return encode(t, charmap.KOI8R, ruPage("")) }, []string{ruPara1, ruPara2}},
		{"undeclared windows-1254", "text/html",
			func(t testing.TB) []byte {
				return encode(t, charmap.Windows1254, trPage("", trPara1, trQuote, trPara2))
			},
			[]string{trPara1, trQuote, trPara2}},
		{"undeclared iso-8859-9", "text/html",
			func(t testing.TB) []byte { return encode(t, charmap.ISO8859_9, trPage("", trPara1, trPara2)) }, []string{trPara1, trPara2}},
		{"undeclared windows-1251 portal page", "text/html",
			func(t testing.TB) []byte { return encode(t, charmap.Windows1251, portalPage()) }, []string{ruPara1, ruPara2}},
	}
	e := newEnv(t, testConfig())
	routes := map[string]http.Handler{}
	var paths []string
	for i, tt := range tests {
		p := "/news/charset-case-" + string(rune('a'+i))
		paths = append(paths, p)
		routes[p] = serveBytes(tt.contentType, tt.body(t))
	}
	routes["/feed.xml"] = feedOf(paths...)
	s := newSite(t, routes)
	st := e.poll(t, Source{ID: "charsets", Feeds: []string{s.url("/feed.xml")}, Rate: 1000})
	if st.Published != len(tests) || st.Errors != 0 {
		t.Errorf("stats = %+v, want %d published", st, len(tests))
	}
	got := byURL(e.pages(t, "charsets"))
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := got[s.url(paths[i])]
			if p == nil {
				t.Fatal("not published")
			}
			text := allText(p)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("blocks lack %q; got:\n%s", w, text)
				}
			}
		})
	}
}

// TestTruncatedRussianPage is TestToUTF8Truncated through the fetcher: a
// Russian UTF-8 page longer than MaxBody.
func TestTruncatedRussianPage(t *testing.T) {
	page := []byte(ruPage(`<meta charset="utf-8">`) + "<!--" + strings.Repeat("x", 1000) + "-->")
	cfg := testConfig()
	cfg.MaxBody = int64(strings.Index(string(page), ruPara2) + 3)
	e := newEnv(t, cfg)
	s := newSite(t, map[string]http.Handler{
		"/feed.xml":                feedOf("/news/long-russian-story"),
		"/news/long-russian-story": serveBytes("text/html; charset=utf-8", page),
	})
	st := e.poll(t, Source{ID: "trunc", Feeds: []string{s.url("/feed.xml")}, Rate: 1000})
	if st.Published != 1 {
		t.Fatalf("stats = %+v", st)
	}
	p := e.pages(t, "trunc")[0].page
	if !p.Truncated || !strings.Contains(allText(p), ruPara1) {
		t.Errorf("truncated %v, text:\n%s", p.Truncated, allText(p))
	}
}

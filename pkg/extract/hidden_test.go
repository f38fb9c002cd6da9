package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestPruneHidden(t *testing.T) {
	story := "<p>" + strings.Repeat("Dışişleri Bakanı görüşmede iki ülkenin ticaretini ele aldı. ", 6) + "</p>"
	tests := []struct {
		name string
		body string
		want string // the text left, spaces collapsed
	}{
		{"hidden attribute", `<div hidden><p>Giriş yapın</p></div>` + story, "S"},
		{"hidden until found stays", `<div hidden="until-found"><p>Ek bilgi</p></div>`, "Ek bilgi"},
		{"display none", `<section style="color:red; display : none !important"><p>Şifrenizi mi unuttunuz?</p></section><p>Metin</p>`, "Metin"},
		{"visibility hidden", `<div style="visibility:hidden">Oturum açın</div><p>Metin</p>`, "Metin"},
		{"display block stays", `<div style="display:block">Metin</div>`, "Metin"},
		{"closed dialog", `<dialog><p>Войдите в аккаунт</p></dialog><p>Текст</p>`, "Текст"},
		{"open dialog stays", `<dialog open><p>Текст</p></dialog>`, "Текст"},
		{"screen-reader label", `<p>Текст <span class="sr-only">(откроется в новом окне)</span>статьи</p>`, "Текст статьи"},
		{"screen-reader separator parts words", `<h1><span>Kicker</span><span class="visually-hidden">: </span><span>Başlık</span></h1>`, "Kicker Başlık"},
		{"long visually hidden block stays", `<div class="sr-only">` + strings.Repeat("uzun metin ", 20) + `</div>`, strings.TrimSpace(strings.Repeat("uzun metin ", 20))},
		{"focusable skip link stays", `<a class="sr-only sr-only-focusable" href="#main">İçeriğe geç</a>`, "İçeriğe geç"},
		{"aria-hidden icon", `<p><span aria-hidden="true">★</span>Текст</p>`, "Текст"},
		{"aria-hidden prose stays", `<div aria-hidden="true"><p>` + strings.Repeat("Текст статьи. ", 10) + `</p></div>`, strings.TrimSpace(strings.Repeat("Текст статьи. ", 10))},
		{"utility class hidden", `<div class="kutu hidden"><p>Abone olun</p></div><p>Metin</p>`, "Metin"},
		{"a logo's heading hidden by the utility class stays", `<h1 class="hidden">Kuzey Postası</h1>`, "Kuzey Postası"},
		{"utility class d-none", `<div class="d-none"><p>Abone olun</p></div><p>Metin</p>`, "Metin"},
		{"hidden until a width shows it stays", `<div class="hidden md:block">Metin</div>`, "Metin"},
		{"d-none with a display at a width stays", `<div class="d-none d-md-block">Metin</div>`, "Metin"},
		{"metadata kept out of a hidden block", `<div style="display:none"><meta itemprop="datePublished" content="2026-12-04"><script type="application/ld+json">{}</script>gizli</div><p>Metin</p>`, "{} Metin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.body
			want := tt.want
			if want == "S" {
				want = visibleText(t, story)
			}
			doc, err := html.Parse(strings.NewReader("<html><body>" + body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			pruneHidden(doc)
			if got := nodeTextAll(doc); got != want {
				t.Errorf("left %q, want %q", got, want)
			}
		})
	}
}

// TestPruneHiddenStory: a story shipped hidden and shown by a script is
// the page's text, and stays; what is hidden inside it still goes.
func TestPruneHiddenStory(t *testing.T) {
	para := strings.Repeat("Министр заявил, что переговоры продолжатся на следующей неделе. ", 5)
	body := `<nav><a href="/">Главная</a></nav><div id="story" style="display:none"><h1>Заголовок</h1><p>` + para +
		`</p><p>` + para + `<span class="sr-only">Поделиться</span></p></div><div style="display:none"><p>Войдите, чтобы комментировать</p></div>`
	doc, err := html.Parse(strings.NewReader("<html><body>" + body + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	pruneHidden(doc)
	got := nodeTextAll(doc)
	if !strings.Contains(got, "Заголовок") || !strings.Contains(got, "переговоры") {
		t.Errorf("the hidden story was pruned: %q", got)
	}
	for _, gone := range []string{"Поделиться", "Войдите"} {
		if strings.Contains(got, gone) {
			t.Errorf("%q left in %q", gone, got)
		}
	}
}

func visibleText(t *testing.T, body string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<html><body>" + body + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	return nodeTextAll(doc)
}

// nodeTextAll is the text under n, spaces collapsed.
func nodeTextAll(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		if m.Type == html.TextNode {
			sb.WriteString(m.Data)
			sb.WriteByte(' ')
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(sb.String()), " ")
}

package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestPruneAccountBoxes(t *testing.T) {
	story := "<p>" + strings.Repeat("Dışişleri Bakanı görüşmede iki ülkenin ticaretini ve enerji hatlarını ele aldı. ", 5) + "</p>" +
		"<p>" + strings.Repeat("Bakan, yeni anlaşmanın gelecek yıl yürürlüğe gireceğini söyledi. ", 5) + "</p>"
	tests := []struct {
		name  string
		box   string
		gone  bool
		after string // a word that must stay
	}{
		{"subscription box with a form",
			`<div class="kutu"><h2>Bu içerik abonelere özeldir</h2><p>Abone olun, tüm haberlere sınırsız erişin.</p>` +
				`<form><input type="email" name="e"><button>Devam</button></form><p>Hesabınız var mı? <a href="/giris">Giriş yapın</a></p></div>`,
			true, ""},
		{"login box with a link only",
			`<div><p>Войдите в аккаунт, чтобы читать дальше.</p><a href="/login">Войти</a> <a href="/reg">Зарегистрироваться</a></div>`,
			true, ""},
		{"newsletter line with no control stays",
			`<p>Haber bültenimize abone olmak için e-posta adresinizi bırakabilirsiniz.</p>`,
			false, "bültenimize"},
		{"a link to subscribe inside a long paragraph stays",
			`<p>` + strings.Repeat("Gazetenin abone sayısı geçen yıl arttı ve dağıtım ağı genişledi. ", 6) + `<a href="/abone">Abone ol</a></p>`,
			false, "dağıtım"},
		{"a box of prose with one cue stays",
			`<div><p>Muhalefet lideri, hükümetin dış politikasını eleştirdi ve yeni bir yol haritası önerdi. Parti meclisi toplantısı yarın yapılacak.</p><a href="/abone">Abone ol</a></div>`,
			false, "Muhalefet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body><h1>Başlık</h1>" + story + tt.box + story + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			boxText := visibleText(t, tt.box)
			pruneAccountBoxes(doc)
			got := nodeTextAll(doc)
			if !strings.Contains(got, "Dışişleri") || !strings.Contains(got, "Başlık") {
				t.Fatalf("the story was pruned: %q", got)
			}
			if in := strings.Contains(got, boxText); in == tt.gone {
				t.Errorf("box left %v, want %v: %q", in, !tt.gone, got)
			}
			if tt.after != "" && !strings.Contains(got, tt.after) {
				t.Errorf("%q lost", tt.after)
			}
		})
	}
}

// TestAccountBoxNotText: the text's own list or paragraph that tells the
// reader how to sign up is the article, not a box.
func TestAccountBoxNotText(t *testing.T) {
	story := "<p>" + strings.Repeat("Платформа изменила тарифы для новых пользователей с первого декабря. ", 5) + "</p>"
	for _, box := range []string{
		`<ol><li><a href="/reg">Зарегистрируйтесь</a> на сайте и войдите в аккаунт.</li><li>В личном кабинете выберите подписку.</li></ol>`,
		`<p>Оформить подписку на рассылку можно <a href="/news">здесь</a>: войдите в аккаунт и отметьте выпуск.</p>`,
	} {
		doc, err := html.Parse(strings.NewReader("<html><body><h1>Тарифы</h1>" + story + box + story + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		want := visibleText(t, box)
		pruneAccountBoxes(doc)
		if got := nodeTextAll(doc); !strings.Contains(got, want) {
			t.Errorf("%q pruned from %q", want, got)
		}
	}
}

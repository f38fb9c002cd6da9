package clean_test

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// TestNewsletterOffer: a site offering its newsletter to the reader
// without an imperative, inside the container, on a Turkish and a Russian
// page in styles of their own, is furniture; a sentence of the story
// about a newsletter, which speaks to no reader, is the story's.
func TestNewsletterOffer(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	for _, tc := range []struct {
		name, title, lang string
		lines             []line
	}{
		{"tr", "Belediye, sahil yolunu yaz boyunca trafiğe kapatıyor", "tr", []line{
			{body("Belediye, sahil yolunun haziran başından eylül sonuna kadar hafta sonları trafiğe kapatılacağını açıkladı."), ""},
			{body("Karar, esnafın ve sakinlerin görüşleri alındıktan sonra meclisten oy birliğiyle geçti."), ""},
			{body("Belediyenin haftalık bülteni de kararı ilk sayfasından duyurdu."), ""},
			{body("Kentin gündemi her cuma sabahı Sahil Notları bülteniyle size ulaşıyor; öne çıkan haberler tek e-postada."), article.ReasonBoilerplate},
		}},
		{"ru", "Трамвай вернется на набережную к лету", "ru", []line{
			{body("Городские власти объявили, что трамвайное движение по набережной восстановят к началу лета."), ""},
			{body("Ремонт путей обойдется бюджету в 840 миллионов рублей, подрядчик уже выбран."), ""},
			{body("О сроках жителей предупредили через рассылку управы еще в марте."), ""},
			{body("Вечерняя рассылка «Город за день» каждый будний день приходит к вам в 19:00 — главное коротко."), article.ReasonBoilerplate},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkLines(t, "sahil", tc.title, tc.lang, tc.lines) })
	}
}

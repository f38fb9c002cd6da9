package clean_test

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// TestQuotedPosts: social posts the article quotes, whose embed the
// extractor zoned away with its wrapper (an aside, a link-dense line),
// are the article's where the article's text stands before them or on
// both sides: the signature under the post ("— Name (@account) date") is
// the evidence. A feed of the site's own posts in a sidebar after the
// article, under its heading, stays out. Turkish and Russian pages in
// styles of their own.
func TestQuotedPosts(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	quote := func(zone article.Zone, s string, ld float64) clean.Block {
		b := block(zone, s)
		b.Tag, b.LinkDensity = "blockquote", ld
		return b
	}
	t.Run("tr", func(t *testing.T) {
		checkLines(t, "spor", "Karadeniz Gücü yeni teknik direktörünü açıkladı", "tr", []line{
			{body("Karadeniz Gücü, dün akşam yaptığı açıklamayla takımın başına deneyimli çalıştırıcı Selim Aktaş'ı getirdiğini duyurdu."), ""},
			{body("Aktaş, daha önce iki farklı ligde şampiyonluk yaşamış ve genç oyunculara verdiği şansla tanınan bir isim."), ""},
			{block(article.ZoneAside, "Kulübün açıklaması"), ""},
			{quote(article.ZoneAside, "— Karadeniz Gücü SK (@karadenizgucu) 20 Kasım 2026", 0.3), ""},
			{body("Taraftarlar kararı sosyal medyada coşkuyla karşıladı, bazıları ise sözleşmenin süresini sorguladı."), ""},
			{body("Bir taraftar kısaca şunu yazdı:"), ""},
			{withLD(block(article.ZoneNav, "hep. birlikte. https://t.co/kG7pQ2"), 0.66, ""), ""},
			{quote(article.ZoneBody, "— Deniz Ak (@denizak) 21 Kasım 2026", 0.35), ""},
			{body("Aktaş'ın ilk antrenmanına cumartesi sabahı çıkması ve basın toplantısını ardından yapması bekleniyor."), ""},
			{clean.Block{Block: article.Block{Text: "Bizi takip edin", Tag: "h3", Zone: article.ZoneAside, Level: 3}}, article.ReasonSidebar},
			{block(article.ZoneAside, "Yeni sezon formalarımız mağazalarda!"), article.ReasonSidebar},
			{quote(article.ZoneAside, "— Karadeniz Gücü SK (@karadenizgucu) 19 Kasım 2026", 0.3), article.ReasonSidebar},
		})
	})
	t.Run("ru", func(t *testing.T) {
		checkLines(t, "gorod", "В Нижнем Новгороде открыли новый пешеходный мост", "ru", []line{
			{body("В субботу в Нижнем Новгороде открыли пешеходный мост через Почайнский овраг, который строили почти два года."), ""},
			{body("На открытие пришли несколько сотен горожан, а первым по мосту прошел оркестр местной музыкальной школы."), ""},
			{withLD(block(article.ZoneRelated, "— Мэрия Нижнего Новгорода (@nn_meria) 14 сентября 2026 г."), 0.4, ""), ""},
			{clean.Block{Block: article.Block{Text: "Читайте также", Tag: "h3", Zone: article.ZoneRelated, Level: 3}}, article.ReasonRelated},
		})
	})
}

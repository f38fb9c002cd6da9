package clean_test

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// TestKinLanguageInContainer: on a Malay blog post written in a style of
// its own, the detector puts some paragraphs in Indonesian, sure of it:
// inside the container they are the document's, since the two are one
// language to a reader. A paragraph sure to be English is still another
// language's, and so is an Indonesian block outside the container.
func TestKinLanguageInContainer(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	in := clean.Input{Source: "catatan", Title: "Perjalanan ke Pulau Tioman pada musim tengkujuh", Lang: "ms"}
	lines := []struct {
		b      clean.Block
		lang   string
		conf   float64
		reason string
	}{
		{body("Kami bertolak dari jeti Mersing awal pagi, ketika langit masih gelap dan ombak belum begitu tinggi."), "ms", 0.97, ""},
		{body("Sepanjang perjalanan, nelayan tempatan bercerita tentang musim tengkujuh yang datang lebih awal tahun ini."), "id", 0.98, ""},
		{body("Kalau mau ke sana, sebaiknya bawa jaket hujan dan jangan lupa obat mabuk laut, soalnya ombaknya lumayan besar."), "id", 0.99, ""},
		{body("The ferry operator said all crossings would stop by the end of the month until the weather improves."), "en", 0.99, article.ReasonOtherLanguage},
		{body("Setibanya di Tekek, kami terus mencari tempat berteduh kerana hujan lebat turun tanpa henti hingga petang."), "ms", 0.96, ""},
		{block(article.ZoneUnknown, "Promo tiket pesawat murah ke Bali dan Lombok, pesan sekarang juga sebelum kehabisan kursi."), "id", 0.99, article.ReasonOtherLanguage},
	}
	for i, l := range lines {
		b := l.b
		b.I, b.Lang, b.Own, b.Conf = i, l.lang, true, l.conf
		in.Blocks = append(in.Blocks, b)
	}
	res := clean.New(nil).Clean(in)
	for i, l := range lines {
		if got := reasonOf(res, i); got != l.reason {
			t.Errorf("block %d %q: reason %q, want %q", i, l.b.Text, got, l.reason)
		}
	}
}

// TestTableCellsRepeat: a Turkish results table inside the container, in
// a style of its own, repeats its cells ("0", "1", a party's name in two
// rows): each cell is the table's, not a copy. A paragraph printed twice
// in a row is still a duplicate.
func TestTableCellsRepeat(t *testing.T) {
	cell := func(s string) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: "td", Zone: article.ZoneBody}}
	}
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	lead := "Seçim kurulu, ilçe meclis üyeliği için yapılan yenileme seçiminin kesin olmayan sonuçlarını gece yarısı açıkladı."
	checkLines(t, "yerel", "İlçe meclisinde yenileme seçiminin sonuçları açıklandı", "tr", []line{
		{body(lead), ""},
		{cell("Parti"), ""}, {cell("Oy"), ""}, {cell("Üye"), ""}, {cell("İtiraz"), ""},
		{cell("Birlik Partisi"), ""}, {cell("4.120"), ""}, {cell("1"), ""}, {cell("0"), ""},
		{cell("Yeşil Liste"), ""}, {cell("1.905"), ""}, {cell("0"), ""}, {cell("0"), ""},
		{cell("Bağımsız"), ""}, {cell("311"), ""}, {cell("0"), ""}, {cell("1"), ""},
		{body("İtirazların hafta sonuna kadar sonuçlandırılması, kesin sonuçların pazartesi ilan edilmesi bekleniyor."), ""},
		{body("İtirazların hafta sonuna kadar sonuçlandırılması, kesin sonuçların pazartesi ilan edilmesi bekleniyor."), article.ReasonDuplicate},
	})
}

// TestLinkedSubheadings: a Russian buyer's guide in a style of its own
// heads each part with the product's name, linked to a shop on another
// site: between the container's paragraphs those are the article's
// sub-headings. A linked sub-heading to another story of the site itself
// is a teaser, and a linked headline after the container is another
// story's.
func TestLinkedSubheadings(t *testing.T) {
	h3 := func(s, link string) clean.Block {
		return withLD(clean.Block{Block: article.Block{Text: s, Tag: "h3", Zone: article.ZoneHeading, Level: 3}}, 1, link)
	}
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	in := clean.Input{Source: "obzor", Title: "Что подарить путешественнику: пять полезных вещей", Lang: "ru", Host: "obzor.example"}
	lines := []line{
		{body("Мы собрали вещи, которые сами возим в каждой поездке и которые выдержали не один перелет."), ""},
		{h3("Дорожный адаптер Северный Ветер М2", "https://market.example/item/adapter-m2"), ""},
		{body("Адаптер подходит к розеткам ста пятидесяти стран и заряжает сразу три устройства, включая ноутбук."), ""},
		{h3("Тревел-подушка Облако", "https://shop.example/p/oblako"), ""},
		{body("Подушка складывается в чехол размером с кулак и не давит на шею даже на долгом ночном рейсе."), ""},
		{h3("Как мы тестировали зарядные устройства в горах", "https://obzor.example/tests/gory"), article.ReasonRelated},
		{body("Все вещи из подборки можно купить до конца декабря со скидкой, цены указаны на момент публикации."), ""},
		{h3("Лучшие смартфоны года по версии редакции", "https://obzor.example/top/smartfony"), article.ReasonRelated},
	}
	checkLinesIn(t, in, lines)
}

// checkLinesIn cleans lines as the blocks of in, and checks the reason
// each line is dropped for.
func checkLinesIn(t *testing.T, in clean.Input, lines []line) {
	t.Helper()
	checkLinesRes(t, in, lines)
}

// TestHeadlineWithKicker: the headline printed again above the text with
// a kicker or a section before it, or the programme's label after it,
// holds the whole title: it is the headline, not a sub-heading. A heading
// before the text that shares only some of the title's words, and a short
// title's words in the first heading, stay. Turkish and Russian pages in
// styles of their own.
func TestHeadlineWithKicker(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	h2 := func(s string) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: "h2", Zone: article.ZoneHeading, Level: 2}}
	}
	t.Run("ru", func(t *testing.T) {
		checkLinesIn(t, clean.Input{Source: "sudhronika", Title: "Суд обязал сервис доставки удалить данные клиентов", Lang: "ru"}, []line{
			{h2("Защита данных Суд обязал сервис доставки удалить данные клиентов"), article.ReasonDuplicate},
			{body("Арбитражный суд обязал сервис доставки удалить персональные данные клиентов, собранные без их ведома."), ""},
			{h2("Что решил суд о данных клиентов"), ""},
			{body("Сервис должен удалить данные в течение месяца и сообщить об этом регулятору."), ""},
		})
	})
	t.Run("tr", func(t *testing.T) {
		checkLinesIn(t, clean.Input{Source: "karadenizpiyasa", Title: "Fındık fiyatları hasat sonrası yükselişe geçti", Lang: "tr"}, []line{
			{h2("Fındık fiyatları hasat sonrası yükselişe geçti | Piyasa Saati"), article.ReasonDuplicate},
			{body("Karadeniz'de fındık fiyatları hasadın ardından iki hafta içinde yüzde sekiz arttı."), ""},
		})
	})
	t.Run("short title", func(t *testing.T) {
		checkLinesIn(t, clean.Input{Source: "lig", Title: "Amatör Lig 2026 fikstürü", Lang: "tr"}, []line{
			{h2("Amatör Lig 2026 sezonu fikstürü"), ""},
			{body("Sezonun ilk haftasında on iki takım sahaya çıkacak; maçlar cumartesi ve pazar günleri oynanacak."), ""},
		})
	})
}

// TestHeadlineRetold: the page prints its headline in other words than
// the title (the og:title beside the printed h1 or h2): a top-level
// heading over the text that shares two of the title's longer words, and
// a third of them, is the headline again (a four-word title's heading
// stays: TestHeadlineWithKicker). Turkish and Russian pages in styles of
// their own.
func TestHeadlineRetold(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	h2 := func(s string) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: "h2", Zone: article.ZoneHeading, Level: 2}}
	}
	t.Run("tr", func(t *testing.T) {
		checkLinesIn(t, clean.Input{Source: "sahilhaber", Title: "Belediye sahil yolunu hafta sonları trafiğe kapatıyor", Lang: "tr"}, []line{
			{h2("Yaz kararı: Belediye sahil yolunu araçlara kapatıyor"), article.ReasonDuplicate},
			{body("Belediye, sahil yolunun haziran başından eylül sonuna kadar hafta sonları trafiğe kapatılacağını açıkladı."), ""},
			{body("Karar, esnafın ve sakinlerin görüşleri alındıktan sonra meclisten oy birliğiyle geçti."), ""},
		})
	})
	t.Run("ru", func(t *testing.T) {
		checkLinesIn(t, clean.Input{Source: "gorodnab", Title: "Трамвай вернется на набережную к лету", Lang: "ru"}, []line{
			{h2("Набережная снова с трамваем: движение вернется к лету"), article.ReasonDuplicate},
			{body("Городские власти объявили, что трамвайное движение по набережной восстановят к началу лета."), ""},
			{body("Ремонт путей обойдется бюджету в 840 миллионов рублей, подрядчик уже выбран."), ""},
		})
	})
}

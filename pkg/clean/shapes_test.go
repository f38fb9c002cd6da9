package clean_test

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// TestQuotedPostSignature: the signature under a social post the article
// quotes ("— Name (@account) date") is the article's line, though the
// extractor's date-line hint zoned it as the template's header; before the
// article's first paragraph a header line stays the template's. Turkish
// and Russian pages in styles of their own.
func TestQuotedPostSignature(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	header := func(s string) clean.Block { return withLD(block(article.ZoneHeader, s), 0.35, "") }
	for _, tc := range []struct {
		name, title, lang string
		lines             []line
	}{
		{"tr", "Büyükelçinin paylaşımı tepki çekti", "tr", []line{
			{header("— Kerem Yalçın (@keremyalcin) 2 Aralık 2026"), article.ReasonBoilerplate},
			{body("Büyükelçinin sosyal medyadaki paylaşımı, iki ülke arasındaki görüşmelerin ardından geniş yankı uyandırdı."), ""},
			{body("Ankara'daki görüşmeler verimli geçti, önümüzdeki hafta yeniden bir araya geleceğiz."), ""},
			{header("— Selma Korkut (@selmakorkut_bb) 3 Aralık 2026"), ""},
			{body("Dışişleri Bakanlığı, paylaşıma ilişkin henüz bir açıklama yapmadı."), ""},
		}},
		{"ru", "Посол ответил на вопросы в соцсети", "ru", []line{
			{body("Посол ответил на вопросы пользователей в социальной сети после завершения консультаций в Женеве."), ""},
			{body("Консультации прошли в конструктивной атмосфере, следующий раунд состоится в январе."), ""},
			{header("— Игорь Ветров (@vetrov.igor) 3 декабря 2026 г."), ""},
			{body("В министерстве пока не комментируют сроки следующего раунда."), ""},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkLines(t, "ajans", tc.title, tc.lang, tc.lines) })
	}
}

// TestTemplateData: the fields of a page's tracking record and a keyword
// list joined by bare commas, printed in the container as text, are the
// template's; a fact box with its labels, a sentence with numbers and a
// list written for a reader stay.
func TestTemplateData(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	for _, tc := range []struct {
		name, title, lang string
		lines             []line
	}{
		{"tr", "Merkez Bankası faiz kararını açıkladı", "tr", []line{
			{body("Merkez Bankası, politika faizini yüzde 42,5'te sabit bıraktığını açıkladı; karar piyasalarda beklendiği gibi karşılandı."), ""},
			{body("site: ekonomi | bolum: piyasalar | sayfaTipi: haber | etiket: faiz-karari"), article.ReasonBoilerplate},
			{body("Faiz kararı,Merkez Bankası,Politika faizi,Enflasyon,Piyasalar"), article.ReasonBoilerplate},
			{body("Politika faizi: yüzde 42,5 | Enflasyon: yüzde 48,6 | Beklenti: sabit"), ""},
			{body("Bankanın açıklamasına göre 1,300 milyar liralık rezerv, yıl sonuna kadar korunacak."), ""},
			{body("Kurul, bir sonraki toplantısını 23 Ocak'ta yapacak."), ""},
		}},
		{"ru", "Центробанк сохранил ключевую ставку", "ru", []line{
			{body("Совет директоров Банка России сохранил ключевую ставку на уровне 16% годовых, сообщила пресс-служба регулятора."), ""},
			{body("rubric: economy | pageType: article | slug: klyuchevaya-stavka-16"), article.ReasonBoilerplate},
			{body("ключевая ставка,Банк России,инфляция,экономика"), article.ReasonBoilerplate},
			{body("Следующее заседание по ставке запланировано на февраль."), ""},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkLines(t, "ekonomi", tc.title, tc.lang, tc.lines) })
	}
}

// TestCallsWithoutChannel: a call to action that names no channel is
// still the site's when the site speaks of itself beside its imperative,
// or when it opens with an appeal to the reader who liked the article; a
// cookie notice said to the reader is
// the site's. A quote with the same imperative, a sentence about a report
// and a story about cookie rules stay. Turkish and Russian pages in styles
// of their own.
func TestCallsWithoutChannel(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	out := func(s string) clean.Block { return block(article.ZoneUnknown, s) }
	for _, tc := range []struct {
		name, title, lang string
		lines             []line
	}{
		{"tr", "Kişisel veri kurulundan çerez kararı", "tr", []line{
			{body("Kişisel Verileri Koruma Kurulu, internet sitelerinin çerez kullanımına ilişkin yeni bir rehber yayımladı; rehber ocak ayında yürürlüğe girecek."), ""},
			{body("Rehbere göre siteler, çerez kullanmadan önce ziyaretçilerin açık rızasını almak ve ayarları kolayca değiştirilebilir kılmak zorunda olacak."), ""},
			{body("Kurul başkanı, \"Rehberi okuyun, sorularınızı bize iletin\" dedi."), ""},
			{body("Bu haberi beğendiyseniz, bağımsız gazeteciliğe destek olmak için üyemiz olabilirsiniz."), article.ReasonBoilerplate},
			{body("Kış tatili için editörlerimizin seçtiği on kitaba bizim listemizden göz atın."), article.ReasonBoilerplate},
			{body("Kurul, vatandaşların rehbere sitesinden göz atmasını önerdi."), ""},
			{body("Rehberin tam metni kurulun resmi sitesinde yayımlandı."), ""},
			{out("Sitemizde çerezler kullanılmaktadır. Sitemizi kullanmaya devam ederek çerez politikamızı kabul etmiş olursunuz."), article.ReasonBoilerplate},
		}},
		{"ru", "Роскомнадзор разъяснил правила использования куки", "ru", []line{
			{body("Роскомнадзор опубликовал разъяснения о том, как сайты должны использовать файлы cookie и получать согласие посетителей на обработку данных."), ""},
			{body("По словам представителя ведомства, владельцы сайтов обязаны показывать политику конфиденциальности до начала сбора данных."), ""},
			{body("Если вам понравилась эта статья, поддержите редакцию — оформите подписку на наш журнал."), article.ReasonBoilerplate},
			{body("Поддержите наш проект: каждый рубль помогает нам оставаться независимыми."), article.ReasonBoilerplate},
			{body("Читайте также наш разбор нового закона о персональных данных."), article.ReasonRelated},
			{body("Читайте разъяснения полностью на сайте ведомства."), ""},
			{body("Разъяснения вступят в силу с первого марта."), ""},
			{out("Мы используем файлы cookie. Продолжая пользоваться сайтом, вы соглашаетесь с политикой конфиденциальности."), article.ReasonBoilerplate},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkLines(t, "veri", tc.title, tc.lang, tc.lines) })
	}
}

// TestScoreRows: a page of results whose lines are all short (a team and
// its scores per line) has no byline among them: a line with several
// numbers is a table's row, not a person's name. Turkish and Russian pages
// in styles of their own.
func TestScoreRows(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	for _, tc := range []struct {
		name, title, lang string
		lines             []line
	}{
		{"tr", "Okullar arası basketbol: ilk hafta sonuçları", "tr", []line{
			{body("YILDIZ KIZLAR"), ""},
			{body("Kartal Koleji - Deniz Lisesi 58-41"), ""},
			{body("Deniz Lisesi 12 9 11 9 - 41"), ""},
			{body("Kartal Koleji 15 16 14 13 - 58"), ""},
			{body("Selin Aksoy"), article.ReasonCredit},
		}},
		{"ru", "Школьная лига: итоги первого тура", "ru", []line{
			{body("ЮНОШИ"), ""},
			{body("Лицей № 5 — Гимназия 2 64:58"), ""},
			{body("Гимназия Заречная 14 16 12 16 — 58"), ""},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkLines(t, "okul", tc.title, tc.lang, tc.lines) })
	}
}

// TestConsentNotices: a sign-up form's consent notice and an embed's
// consent checkbox inside the container, said to the reader, are the
// site's; a story about a data protection ruling that names the same
// consent and the same data, without speaking to its reader, stays.
// Turkish and Russian pages in styles of their own.
func TestConsentNotices(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	for _, tc := range []struct {
		name, title, lang string
		lines             []line
	}{
		{"tr", "Kurul, üyelik formlarında açık rıza şartını sıkılaştırdı", "tr", []line{
			{body("Kişisel Verileri Koruma Kurulu, e-ticaret sitelerinin üyelik formlarında kişisel verilerin işlenmesi için ayrı bir açık rıza kutusu sunmasını zorunlu tuttu."), ""},
			{body("Karara göre kullanıcı, kişisel veri işlenmesini kabul etmeden de üye olabilmeli; kutu önceden işaretlenmiş olmamalı."), ""},
			{body("Bültenimize kaydolarak kişisel verilerinizin KVKK aydınlatma metni kapsamında işlenmesini kabul etmiş olursunuz. Dilediğiniz an abonelikten çıkabilirsiniz."), article.ReasonBoilerplate},
			{body("Kararın altı ay içinde uygulanması bekleniyor."), ""},
		}},
		{"ru", "Суд обязал сервис доставки удалить данные клиентов", "ru", []line{
			{body("Арбитражный суд обязал сервис доставки удалить персональные данные клиентов, которые не давали согласие на их обработку."), ""},
			{body("По мнению суда, согласие на обработку персональных данных нельзя получать одной галочкой вместе с офертой."), ""},
			{body("Нажимая кнопку «Подписаться», вы даете согласие на обработку персональных данных и соглашаетесь с политикой конфиденциальности."), article.ReasonBoilerplate},
			{body("Я согласен с тем, что при показе видео данные передаются стороннему сервису."), article.ReasonBoilerplate},
			{body("Компания намерена обжаловать решение."), ""},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkLines(t, "veri", tc.title, tc.lang, tc.lines) })
	}
}

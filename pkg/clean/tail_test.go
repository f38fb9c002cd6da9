package clean_test

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// TestTailTeasers: at the end of the article's text, inside its container,
// a label over other stories ("En çok okunanlar", "Самые читаемые") and the
// short teasers under it are the site's, linked or not; the same kind of
// label in the middle of the text, with the article's sentences going on
// after it, is the article's. Pages written in styles of their own.
func TestTailTeasers(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	h2 := func(s string) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: "h2", Zone: article.ZoneHeading, Level: 2}}
	}
	for _, tc := range []struct {
		name, title, lang string
		lines             []line
	}{
		{"tr tail", "Dışişleri Bakanı Tiran'da Arnavut mevkidaşıyla görüştü", "tr", []line{
			{body("Dışişleri Bakanı, iki günlük ziyaret kapsamında Tiran'da Arnavut mevkidaşıyla bir araya gelerek ticaret, enerji ve Balkanlardaki son gelişmeleri ele aldı."), ""},
			{body("Görüşmenin ardından düzenlenen ortak basın toplantısında iki ülke arasında vize kolaylığı konusunda yeni bir protokol imzalanacağı açıklandı."), ""},
			{body("Bakan, ziyaretin son gününde Arnavutluk Cumhurbaşkanı tarafından da kabul edilecek."), ""},
			{h2("En çok okunanlar"), article.ReasonRelated},
			{body("Kış lastiği zorunluluğu başladı: Cezası ne kadar?"), article.ReasonRelated},
			{body("Emekliye bayram ikramiyesi ne zaman yatacak? Tarih belli oldu."), article.ReasonRelated},
			{withLD(body("Altın fiyatları haftaya yükselişle başladı"), 0.8, "/ekonomi/altin"), article.ReasonRelated},
		}},
		{"ru middle", "Лавров провел переговоры с главой МИД Сербии", "ru", []line{
			{body("Министр иностранных дел России провел в Москве переговоры с сербским коллегой, обсудив энергетическое сотрудничество и ситуацию на Балканах."), ""},
			{body("Самые читаемые темы встречи"), ""},
			{body("Стороны подробно обсудили поставки газа на следующий год, а также подготовку визита президента Сербии в Россию, который может состояться весной."), ""},
			{body("По итогам встречи министры подписали план консультаций на 2027–2028 годы."), ""},
		}},
		{"ru tail", "Лавров провел переговоры с главой МИД Сербии", "ru", []line{
			{body("Министр иностранных дел России провел в Москве переговоры с сербским коллегой, обсудив энергетическое сотрудничество и ситуацию на Балканах."), ""},
			{body("По итогам встречи министры подписали план консультаций на 2027–2028 годы."), ""},
			{body("Самые читаемые"), article.ReasonRelated},
			{body("Синоптики пообещали снег в Москве к выходным. Какой будет погода."), article.ReasonRelated},
			{body("Рубль укрепился к евро на открытии торгов."), article.ReasonRelated},
		}},
		{"ru popular", "Шойгу встретился с министром обороны Лаоса", "ru", []line{
			{body("Министр обороны России встретился во Вьентьяне с лаосским коллегой; стороны обсудили подготовку военных специалистов и совместные учения."), ""},
			{body("Соглашение о подготовке кадров планируется подписать до конца года, сообщили в ведомстве."), ""},
			{body("Популярное"), article.ReasonRelated},
			{body("Как оформить налоговый вычет за лечение зубов"), article.ReasonRelated},
			{body("В Подмосковье открылся новый ледовый дворец"), article.ReasonRelated},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkLines(t, "vitrin", tc.title, tc.lang, tc.lines) })
	}
}

// TestSiteNotices: the site's notices about itself inside the container
// (an affiliate disclosure, a copyright notice that forbids copying, a
// subscription box's status line, a plea to turn off an ad blocker) are
// dropped; prose about affiliate marketing, copyright, signing or ad
// blockers, with the same words, stays. Turkish and
// Russian pages in styles of their own.
func TestSiteNotices(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	for _, tc := range []struct {
		name, title, lang string
		lines             []struct {
			text, reason string
		}
	}{
		{"tr", "Telif hakkı yasasında yeni düzenleme Meclis'ten geçti", "tr", []struct{ text, reason string }{
			{"Telif hakkı yasasında yapılan değişiklik, dijital platformlardaki içeriklerin izinsiz kullanımına yönelik cezaları artırıyor.", ""},
			{"Düzenlemeye göre satış ortaklığı bağlantıları üzerinden kazanç sağlayan siteler de reklam kurallarına tabi olacak.", ""},
			{"Bu yazıdaki bazı bağlantılar satış ortaklığı bağlantısıdır; alışveriş yaparsanız sitemiz komisyon alabilir.", article.ReasonBoilerplate},
			{"Bu haberin telif hakları Gündem Postası'na aittir, kaynak gösterilmeden kullanılamaz.", article.ReasonBoilerplate},
			{"Bültene başarıyla abone oldunuz!", article.ReasonBoilerplate},
			{"Reklam engelleyici açıkken sitemizin bazı bölümleri düzgün çalışmayabilir; lütfen engelleyiciyi bu site için kapatın.", article.ReasonBoilerplate},
			{"Reklam engelleyici kullananların oranı gençlerde yüzde kırka ulaştı.", ""},
			{"Yasa, Resmi Gazete'de yayımlandıktan altı ay sonra yürürlüğe girecek.", ""},
		}},
		{"ru", "Россия и Казахстан подписали соглашение о торговле", "ru", []struct{ text, reason string }{
			{"Россия и Казахстан успешно подписали соглашение о торговле зерном, сообщили в министерстве сельского хозяйства.", ""},
			{"Документ защищает авторские права производителей семян и запрещает их воспроизводство без лицензии.", ""},
			{"Все материалы сайта защищены авторским правом, воспроизведение без разрешения редакции запрещено.", article.ReasonBoilerplate},
			{"Произошла ошибка при оформлении подписки на рассылку. Попробуйте еще раз.", article.ReasonBoilerplate},
			{"Пожалуйста, отключите блокировщик рекламы, чтобы вы могли читать наши материалы без ограничений.", article.ReasonBoilerplate},
			{"Блокировщик рекламы не работает на половине крупных сайтов, выяснили исследователи.", ""},
			{"Соглашение вступит в силу с 1 января 2027 года.", ""},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var lines []line
			for _, l := range tc.lines {
				lines = append(lines, line{body(l.text), l.reason})
			}
			checkLines(t, "bulten", tc.title, tc.lang, lines)
		})
	}
}

// TestRoleFirstBio: under a Turkish story written in a style of its own, a
// biography that names the trade before the name ("Ödüllü gazeteci Deniz
// Arslan, … yazıyor") is the author's, not the article's; a closing
// sentence in which a reporter asks a question stays.
func TestRoleFirstBio(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	lines := []struct{ text, reason string }{
		{"Dışişleri Bakanı, Tiran'da Arnavut mevkidaşıyla görüşerek iki ülke arasındaki ticaret hacmini artırmak için yeni adımlar atılacağını açıkladı.", ""},
		{"Toplantının ardından bakanlar, enerji ve ulaştırma alanlarında üç ayrı anlaşma imzaladı.", ""},
		{"Muhabir Ali Kaya, bakana anlaşmanın ne zaman yürürlüğe gireceğini sordu.", ""},
		{"Ödüllü gazeteci Deniz Arslan, 2010'dan bu yana her hafta dış politika üzerine yazıyor; kitapları dokuz dile çevrildi.", article.ReasonCredit},
	}
	in := clean.Input{Source: "kose", Title: "Ankara ile Tiran arasında üç yeni anlaşma", Lang: "tr"}
	for i, l := range lines {
		b := body(l.text)
		b.I, b.Lang = i, "tr"
		in.Blocks = append(in.Blocks, b)
	}
	res := clean.New(nil).Clean(in)
	for i, l := range lines {
		if got := reasonOf(res, i); got != l.reason {
			t.Errorf("block %d %q: reason %q, want %q", i, l.text, got, l.reason)
		}
	}
}

// TestAboutBox: after a press release, outside its container, the
// organisation's description of itself ("About X") is boilerplate, in
// Turkish and Russian pages written in styles of their own; a closing
// paragraph of the article inside the container that says what a company
// is stays, and so does a note after the container that is the story's.
func TestAboutBox(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	out := func(s string) clean.Block { return block(article.ZoneUnknown, s) }
	for _, tc := range []struct {
		name, title, lang string
		lines             []line
	}{
		{"tr", "Vega Lojistik, Gürcistan hattında yeni depo açtı", "tr", []line{
			{body("Vega Lojistik, Gürcistan'ın Batum limanında 40 bin metrekarelik yeni bir depo açtığını duyurdu; depo Orta Asya'ya giden yükler için aktarma merkezi olacak."), ""},
			{body("Şirketin genel müdürü, yatırımın Türkiye ile Gürcistan arasındaki ticaretin artmasıyla birlikte planlandığını söyledi ve yeni depoda 200 kişinin çalışacağını açıkladı."), ""},
			{body("Batum limanı, bölgedeki en büyük konteyner terminallerinden biri olan ve Hazar geçişine bağlanan bir şirketin işletmesindedir."), ""},
			{out("Vega Lojistik, 1998 yılında İstanbul'da kurulan ve 14 ülkede faaliyet gösteren uluslararası bir lojistik şirketidir. Şirketin 3 bini aşkın çalışanı bulunuyor."), article.ReasonBoilerplate},
		}},
		{"ru", "«Севертранс» открыл новый терминал в Усть-Луге", "ru", []line{
			{body("Компания «Севертранс» открыла в порту Усть-Луга новый терминал для перевалки удобрений мощностью пять миллионов тонн в год, сообщила пресс-служба."), ""},
			{body("Генеральный директор отметил, что терминал позволит сократить сроки отгрузки для экспортеров и создаст около трехсот рабочих мест в регионе. По его словам, компания вложила в строительство более двенадцати миллиардов рублей собственных и заемных средств."), ""},
			{out("Терминал в Усть-Луге станет третьим для «Севертранса» в Ленинградской области, отгрузка первых судов запланирована на январь."), ""},
			{out("«Севертранс» — одна из крупнейших транспортных компаний Северо-Запада России, основана в 2004 году и управляет шестью терминалами."), article.ReasonBoilerplate},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkLines(t, "basin", tc.title, tc.lang, tc.lines) })
	}
}

// TestRelatedLabels: a Russian "read also" or "other news" line is
// related, as its Turkish and English counterparts are (RE2's \b never
// matched after a Cyrillic letter); "По теме" is a label only standing
// alone or before a colon, for sentences open with it too.
func TestRelatedLabels(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	for _, tc := range []struct {
		name, title, lang string
		lines             []line
	}{
		{"ru", "Москва и Ханой обсудили поставки удобрений", "ru", []line{
			{body("Заместители министров иностранных дел России и Вьетнама провели в Ханое консультации о поставках удобрений и зерна."), ""},
			{body("Читайте также: Минсельхоз назвал сроки весенней посевной"), article.ReasonRelated},
			{body("По теме переговоров стороны договорились встретиться снова в мае, уточнили в министерстве."), ""},
			{body("По теме:"), article.ReasonRelated},
			{body("Другие новости"), article.ReasonRelated},
		}},
		{"tr", "Ankara ile Hanoi gübre tedarikini görüştü", "tr", []line{
			{body("Türkiye ve Vietnam dışişleri bakan yardımcıları Hanoi'de gübre ve tahıl tedarikini ele alan istişareler yaptı."), ""},
			{body("İlgili Haberler"), article.ReasonRelated},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkLines(t, "vitrin", tc.title, tc.lang, tc.lines) })
	}
}

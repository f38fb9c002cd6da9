package clean_test

import (
	"fmt"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// TestStandfirst: pages written in styles of their own print a summary
// between the headline and the byline or date line. It is the article's
// standfirst, set apart from the body; the first paragraph of a page with
// no byline or date line between is the lead, and stays in the body. Where
// the markup marks a summary (article.Block.Deck), the first block of
// running text so marked is the standfirst wherever the byline and date
// sit, unless what follows is marked too (a text all in bold) or it is a
// bold line too short to sum anything up.
func TestStandfirst(t *testing.T) {
	h1 := func(s string) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: "h1", Zone: article.ZoneHeading, Level: 1}}
	}
	h2 := func(s string) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: "h2", Zone: article.ZoneHeading, Level: 2}}
	}
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	li := func(s string) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: "li", Zone: article.ZoneBody}}
	}
	deck := func(b clean.Block) clean.Block { b.Deck = true; return b }
	// The template's header, as an old layout zones it: the headline and
	// the story's points beside it.
	headerH1 := func(s string) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: "h1", Zone: article.ZoneHeader, Level: 1}}
	}
	headerLi := func(s string, ld float64) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: "li", Zone: article.ZoneHeader, LinkDensity: ld}}
	}
	header := func(s string) clean.Block { return block(article.ZoneHeader, s) }
	headerHeading := func(level int, s string) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: fmt.Sprintf("h%d", level), Zone: article.ZoneHeader, Level: level}}
	}
	byLink := func(s, link string) clean.Block { return withLD(block(article.ZoneRelated, s), 0.9, link) }
	for _, tc := range []struct {
		name, title, lang string
		blocks            []clean.Block
		standfirst        string
		reasons           map[int]string // blocks dropped, by index; the rest are kept
	}{
		{
			name: "tr spot over the byline", title: "Karadeniz'de balıkçılara yeni av takvimi", lang: "tr",
			blocks: []clean.Block{
				h1("Karadeniz'de balıkçılara yeni av takvimi"),
				h2("Bakanlık, hamsi avının bu sezon iki hafta erken kapanacağını duyurdu."),
				byLink("Yazan: Deniz Aksoy", "https://kiyi.example/yazar/deniz-aksoy"),
				header("18 Kasım 2026 Çarşamba 14:05"),
				body("Tarım ve Orman Bakanlığı, Karadeniz'de hamsi avının stokların korunması için bu sezon 1 Şubat yerine 15 Ocak'ta sona ereceğini açıkladı."),
				body("Kooperatif temsilcileri, kararın küçük teknelerin gelirini düşüreceğini, ancak stokların korunması gerektiğini söyledi."),
			},
			standfirst: "Bakanlık, hamsi avının bu sezon iki hafta erken kapanacağını duyurdu.",
			reasons:    map[int]string{0: article.ReasonDuplicate, 1: article.ReasonStandfirst, 2: article.ReasonRelated, 3: article.ReasonBoilerplate},
		},
		{
			name: "ru лид over the author line", title: "В Мурманске открыли новый причал для ледоколов", lang: "ru",
			blocks: []clean.Block{
				h1("В Мурманске открыли новый причал для ледоколов"),
				body("Причал рассчитан на три судна и будет работать круглый год."),
				header("Текст: Ольга Лебедева · 21 ноября 2026"),
				body("Новый причал в Кольском заливе принял первое судно в пятницу, строительство заняло два года и обошлось в четыре миллиарда рублей."),
				body("По словам капитана порта, причал позволит ледоколам обслуживаться без захода на судоремонтный завод."),
			},
			standfirst: "Причал рассчитан на три судна и будет работать круглый год.",
			reasons:    map[int]string{0: article.ReasonDuplicate, 1: article.ReasonStandfirst, 2: article.ReasonBoilerplate},
		},
		{
			name: "tr names with no role, then the date", title: "Van Gölü'nde su seviyesi son on yılın en düşüğünde", lang: "tr",
			blocks: []clean.Block{
				h1("Van Gölü'nde su seviyesi son on yılın en düşüğünde"),
				body("Uzmanlar kuraklığın sürmesi halinde kıyıdaki sulak alanların yok olabileceği uyarısında bulundu."),
				body("Elif Demir Kerem Yıldız"),
				header("04.12.2026, 09:40"),
				body("Devlet Su İşleri'nin ölçümlerine göre gölün seviyesi geçen yılın aynı dönemine göre kırk santimetre düştü ve son on yılın en düşük düzeyine indi."),
				body("Bölgedeki çiftçiler sulama için kuyu açma izinlerinin artırılmasını istiyor."),
			},
			standfirst: "Uzmanlar kuraklığın sürmesi halinde kıyıdaki sulak alanların yok olabileceği uyarısında bulundu.",
			reasons:    map[int]string{0: article.ReasonDuplicate, 1: article.ReasonStandfirst, 3: article.ReasonBoilerplate},
		},
		{
			name: "ru label over a linked name, then the date", title: "В Калининграде запустили паромную линию до Усть-Луги", lang: "ru",
			blocks: []clean.Block{
				h1("В Калининграде запустили паромную линию до Усть-Луги"),
				body("Первый рейс принял на борт сорок грузовиков и двести пассажиров."),
				body("Над текстом работали:"),
				withLD(block(article.ZoneNav, "Игорь Зайцев"), 1, "https://kiyi.example/avtor/zaytsev"),
				header("4 декабря 2026, 10:15"),
				body("Паром вышел из порта Балтийск в пятницу вечером и прибудет в Усть-Лугу через тридцать шесть часов, сообщили в администрации порта."),
				body("До конца года на линии будут работать два судна."),
			},
			standfirst: "Первый рейс принял на борт сорок грузовиков и двести пассажиров.",
			reasons:    map[int]string{0: article.ReasonDuplicate, 1: article.ReasonStandfirst, 3: article.ReasonNav, 4: article.ReasonBoilerplate},
		},
		{
			name: "tr lead after the date, a name under it", title: "Oyuncu Selin Ak yeni filminin galasında", lang: "tr",
			blocks: []clean.Block{
				h1("Oyuncu Selin Ak yeni filminin galasında"),
				header("Magazin Haber 04 Aralık 2026"),
				body("Sosyal medyada paylaşılan fotoğraflarda oyuncunun galaya kırmızı bir elbiseyle geldiği görülüyor."),
				body("Selin Ak"),
				body("Oyuncu, galada gazetecilerin sorularını yanıtladı ve filmin çekimlerinin iki yıl sürdüğünü anlattı."),
			},
			reasons: map[int]string{0: article.ReasonDuplicate, 1: article.ReasonBoilerplate},
		},
		{
			name: "ru lead with no byline between", title: "Делегации договорились о новом раунде консультаций", lang: "ru",
			blocks: []clean.Block{
				h1("Делегации договорились о новом раунде консультаций"),
				body("Делегации двух стран договорились провести новый раунд консультаций в Женеве в середине декабря."),
				body("Эксперты обменялись проектами документов и согласовали график встреч рабочих групп на январь."),
				body("Текст: Ольга Лебедева"),
			},
			reasons: map[int]string{0: article.ReasonDuplicate, 3: article.ReasonCredit},
		},
		{
			name: "tr spot over date lines the template zoned nav", title: "Boğaz'da gemi trafiği yeniden açıldı", lang: "tr",
			blocks: []clean.Block{
				h1("Boğaz'da gemi trafiği yeniden açıldı"),
				h2("Yoğun sis nedeniyle dün akşam durdurulan gemi geçişleri sabah saatlerinde yeniden başladı."),
				block(article.ZoneNav, "30.11.2026 - 08:12"),
				block(article.ZoneNav, "Son Güncelleme : 30.11.2026 - 09:05"),
				body("Kıyı Emniyeti Genel Müdürlüğü, görüş mesafesinin bin metrenin üzerine çıkmasıyla İstanbul Boğazı'nın çift yönlü gemi trafiğine açıldığını bildirdi."),
				body("Bekleyen otuz iki geminin akşama kadar geçiş yapması bekleniyor."),
			},
			standfirst: "Yoğun sis nedeniyle dün akşam durdurulan gemi geçişleri sabah saatlerinde yeniden başladı.",
			reasons:    map[int]string{0: article.ReasonDuplicate, 1: article.ReasonStandfirst, 2: article.ReasonNav, 3: article.ReasonNav},
		},
		{
			name: "ru лид over a labelled clock time in a side zone", title: "Ярославль получит новый мост через Волгу", lang: "ru",
			blocks: []clean.Block{
				h1("Ярославль получит новый мост через Волгу"),
				body("Строительство начнется весной и займет около трех лет."),
				block(article.ZoneAside, "Сегодня, 12:30 мск"),
				body("Правительство области утвердило проект моста, который соединит заволжский район с центром города и разгрузит два старых моста."),
				body("Стоимость работ оценивается в двадцать миллиардов рублей."),
			},
			standfirst: "Строительство начнется весной и займет около трех лет.",
			reasons:    map[int]string{0: article.ReasonDuplicate, 1: article.ReasonStandfirst, 2: article.ReasonSidebar},
		},
		{
			name: "tr lead over a dated caption stays", title: "İzmir'de yeni metro hattı hizmete girdi", lang: "tr",
			blocks: []clean.Block{
				h1("İzmir'de yeni metro hattı hizmete girdi"),
				body("Narlıdere ile Fahrettin Altay arasındaki yeni metro hattı törenle hizmete açıldı."),
				block(article.ZoneCaption, "Hattın temeli Mart 2019'da atılmıştı"),
				body("Yedi kilometrelik hatta beş istasyon bulunuyor ve seferler her on dakikada bir yapılacak."),
			},
			reasons: map[int]string{0: article.ReasonDuplicate, 2: article.ReasonBoilerplate},
		},
		{
			name: "tr deck under a kicker and the headline again", title: "Meclis'te bütçe maratonu başladı: ilk gün dış politika tartışıldı", lang: "tr",
			blocks: []clean.Block{
				h1("Meclis'te bütçe maratonu başladı: ilk gün dış politika tartışıldı"),
				body("Bütçe görüşmeleri"),
				h2("Bütçe görüşmelerinde ilk gün: muhalefetten dış politikaya eleştiri"),
				body("Bütçe görüşmelerinin ilk gününde muhalefet partileri hükümetin dış politikasını eleştirdi. Bakan ise yeni diplomatik açılımları savundu."),
				block(article.ZoneCaption, "Yazan: Mert Oral, Ankara Muhabiri"),
				block(article.ZoneCaption, "04.12.2026, 11:20"),
				body("Türkiye Büyük Millet Meclisi Genel Kurulu'nda 2027 yılı bütçesinin görüşmelerine başlandı; ilk gün Dışişleri Bakanlığı'nın bütçesi ele alındı."),
				body("Görüşmelerin on iki gün sürmesi bekleniyor."),
			},
			standfirst: "Bütçe görüşmelerinin ilk gününde muhalefet partileri hükümetin dış politikasını eleştirdi. Bakan ise yeni diplomatik açılımları savundu.",
			reasons:    map[int]string{0: article.ReasonDuplicate, 3: article.ReasonStandfirst, 4: article.ReasonBoilerplate, 5: article.ReasonBoilerplate},
		},
		{
			name: "ru лид between the date and the author", title: "В Казани открылся форум российско-турецкого делового совета", lang: "ru",
			blocks: []clean.Block{
				h1("В Казани открылся форум российско-турецкого делового совета"),
				header("Обновлено: 4 декабря 2026, 10:15"),
				body("На форум приехали более трехсот предпринимателей из двух стран, подписано двенадцать соглашений."),
				body("Автор: Ольга Лебедева"),
				body("Форум российско-турецкого делового совета открылся в Казани в четверг; главной темой стали расчеты в национальных валютах и логистика."),
				body("Следующий форум пройдет в Бурсе."),
			},
			standfirst: "На форум приехали более трехсот предпринимателей из двух стран, подписано двенадцать соглашений.",
			reasons:    map[int]string{0: article.ReasonDuplicate, 1: article.ReasonBoilerplate, 2: article.ReasonStandfirst, 3: article.ReasonCredit},
		},
		{
			name: "ru lead under the date with no author stays", title: "В Казани открылся форум российско-турецкого делового совета", lang: "ru",
			blocks: []clean.Block{
				h1("В Казани открылся форум российско-турецкого делового совета"),
				header("Обновлено: 4 декабря 2026, 10:15"),
				body("На форум приехали более трехсот предпринимателей из двух стран, подписано двенадцать соглашений."),
				body("Форум российско-турецкого делового совета открылся в Казани в четверг; главной темой стали расчеты в национальных валютах и логистика."),
			},
			reasons: map[int]string{0: article.ReasonDuplicate, 1: article.ReasonBoilerplate},
		},
		{
			name: "tr deck under the headline printed again when the h1 sits in the menu", title: "Karadeniz'de fırtına uyarısı: limanlar kapatıldı", lang: "tr",
			blocks: []clean.Block{
				withLD(clean.Block{Block: article.Block{Text: "Karadeniz'de fırtına uyarısı: limanlar kapatıldı", Tag: "h1", Zone: article.ZoneNav, Level: 1}}, 0, ""),
				h2("Karadeniz'de fırtına uyarısı: limanlar kapatıldı"),
				body("Meteoroloji, hafta sonu boyunca rüzgârın saatte yüz kilometreyi aşabileceğini duyurdu. Balıkçı tekneleri limanlarda bekliyor."),
				block(article.ZoneCaption, "Yazan Deniz Aksoy, Trabzon"),
				body("Trabzon, Rize ve Artvin limanlarında gemi hareketleri valilik kararıyla pazartesi sabahına kadar durduruldu; ekipler olası taşkınlara karşı hazırda bekliyor."),
				body("Yetkililer vatandaşları kıyıdan uzak durmaları konusunda uyardı."),
			},
			standfirst: "Meteoroloji, hafta sonu boyunca rüzgârın saatte yüz kilometreyi aşabileceğini duyurdu. Balıkçı tekneleri limanlarda bekliyor.",
			reasons:    map[int]string{0: article.ReasonNav, 1: article.ReasonDuplicate, 2: article.ReasonStandfirst, 3: article.ReasonBoilerplate},
		},
		{
			name: "tr spot the markup marks, after the byline, the date and the photo", title: "Erzurum'da kayak sezonu erken açıldı", lang: "tr",
			blocks: []clean.Block{
				h1("Erzurum'da kayak sezonu erken açıldı"),
				header("Haber: Selin Çelik | 01.12.2026 - 10:05"),
				block(article.ZoneCaption, "Palandöken'de pistler sabah saatlerinde kayakçılarla doldu."),
				deck(body("Palandöken'de yağan kar sayesinde kayak sezonu planlanandan iki hafta önce, bugün açıldı.")),
				body("Kayak merkezindeki otel işletmecileri, erken açılışın ardından aralık ayı doluluk oranının yüzde doksanı aştığını söyledi."),
				body("Teleferik hatları saat 09.00 ile 16.00 arasında çalışacak."),
			},
			standfirst: "Palandöken'de yağan kar sayesinde kayak sezonu planlanandan iki hafta önce, bugün açıldı.",
			reasons:    map[int]string{0: article.ReasonDuplicate, 1: article.ReasonBoilerplate, 2: article.ReasonBoilerplate, 3: article.ReasonStandfirst},
		},
		{
			name: "ru лид the markup marks as points, after the author line", title: "Какие льготы получат семьи с детьми в 2027 году", lang: "ru",
			blocks: []clean.Block{
				h1("Какие льготы получат семьи с детьми в 2027 году"),
				body("Автор: Ольга Лебедева"),
				deck(li("Единое пособие вырастет на восемь процентов с первого января.")),
				deck(li("Налоговый вычет на третьего ребенка удвоится.")),
				body("Правительство внесло в Госдуму поправки, которые меняют порядок выплат семьям с детьми; большая часть изменений вступит в силу с нового года."),
				body("Изменения коснутся около десяти миллионов семей."),
			},
			standfirst: "Единое пособие вырастет на восемь процентов с первого января.\nНалоговый вычет на третьего ребенка удвоится.",
			reasons:    map[int]string{0: article.ReasonDuplicate, 1: article.ReasonCredit, 2: article.ReasonStandfirst, 3: article.ReasonStandfirst},
		},
		{
			name: "ru лид the markup marks, under a breadcrumb line the cleaner kept", title: "В Пскове отреставрировали Гремячую башню", lang: "ru",
			blocks: []clean.Block{
				body("Вы находитесь здесь: главная » культура » реставрация памятников"),
				h1("В Пскове отреставрировали Гремячую башню"),
				body("Автор: Ольга Лебедева"),
				deck(body("Реставрация башни шестнадцатого века заняла семь лет и обошлась в триста миллионов рублей.")),
				body("Гремячая башня, одна из самых высоких в оборонительной системе Пскова, открылась для посетителей после реставрации в субботу; внутри работает музейная экспозиция."),
				body("Билеты можно купить в кассе кремля."),
			},
			standfirst: "Реставрация башни шестнадцатого века заняла семь лет и обошлась в триста миллионов рублей.",
			reasons:    map[int]string{1: article.ReasonDuplicate, 2: article.ReasonCredit, 3: article.ReasonStandfirst},
		},
		{
			name: "tr spot printed as an h2 of sentences right under the headline", title: "Ege'de orman yangınları kontrol altına alındı", lang: "tr",
			blocks: []clean.Block{
				h1("Ege'de orman yangınları kontrol altına alındı"),
				h2("Muğla, Aydın ve İzmir'de üç gündür süren yangınlar, havadan ve karadan yapılan müdahalelerle sabah saatlerinde kontrol altına alındı."),
				body("Orman Genel Müdürlüğü'nün açıklamasına göre yangınlarda toplam bin iki yüz hektar alan zarar gördü; söndürme çalışmalarına kırk helikopter ve iki yüz arazöz katıldı."),
				body("Soğutma çalışmalarının akşama kadar sürmesi bekleniyor."),
			},
			standfirst: "Muğla, Aydın ve İzmir'de üç gündür süren yangınlar, havadan ve karadan yapılan müdahalelerle sabah saatlerinde kontrol altına alındı.",
			reasons:    map[int]string{0: article.ReasonDuplicate, 1: article.ReasonStandfirst},
		},
		{
			name: "ru подзаголовок the markup marks, with no full stop, under a headline in the menu", title: "Дипломатия без галстуков", lang: "ru",
			blocks: []clean.Block{
				withLD(clean.Block{Block: article.Block{Text: "Дипломатия без галстуков", Tag: "h1", Zone: article.ZoneNav, Level: 1}}, 0, ""),
				deck(h2("Чем запомнилась встреча министров иностранных дел в Казани")),
				body("Министры иностранных дел России и Турции провели в Казани двухдневные переговоры, на которых обсудили зерновую сделку, поставки газа и положение в Сирии."),
				body("Следующая встреча запланирована на весну."),
			},
			standfirst: "Чем запомнилась встреча министров иностранных дел в Казани",
			reasons:    map[int]string{0: article.ReasonNav, 1: article.ReasonStandfirst},
		},
		{
			name: "tr sub-heading under the headline stays", title: "Ege'de orman yangınları kontrol altına alındı", lang: "tr",
			blocks: []clean.Block{
				h1("Ege'de orman yangınları kontrol altına alındı"),
				h2("Söndürme çalışmaları"),
				body("Orman Genel Müdürlüğü'nün açıklamasına göre yangınlarda toplam bin iki yüz hektar alan zarar gördü; söndürme çalışmalarına kırk helikopter ve iki yüz arazöz katıldı."),
				body("Soğutma çalışmalarının akşama kadar sürmesi bekleniyor."),
			},
			reasons: map[int]string{0: article.ReasonDuplicate},
		},
		{
			name: "ru text all in bold keeps its lead", title: "В Томске наградили победителей олимпиады по физике", lang: "ru",
			blocks: []clean.Block{
				h1("В Томске наградили победителей олимпиады по физике"),
				header("4 декабря 2026, 16:20"),
				deck(body("Победителями олимпиады стали двенадцать школьников из семи регионов Сибири.")),
				deck(body("Церемония прошла в актовом зале университета, награды вручал ректор.")),
				deck(body("Победители получат право поступить на физический факультет без экзаменов.")),
			},
			reasons: map[int]string{0: article.ReasonDuplicate, 1: article.ReasonBoilerplate},
		},
		{
			name: "tr bold sub-heading first is no spot", title: "Yeni sürümde neler değişti", lang: "tr",
			blocks: []clean.Block{
				h1("Yeni sürümde neler değişti"),
				deck(body("Kasım paketinde neler var?")),
				body("Uygulamanın kasım paketinde karanlık tema, çevrimdışı harita ve yeni bildirim ayarları yer alıyor."),
				body("Güncelleme tüm kullanıcılara ücretsiz olarak sunuluyor."),
			},
			reasons: map[int]string{0: article.ReasonDuplicate},
		},
		{
			name: "tr points under the header's headline", title: "Ege'de zeytin hasadı yağışla gecikti", lang: "tr",
			blocks: []clean.Block{
				headerH1("Ege'de zeytin hasadı yağışla gecikti"),
				headerLi("Öne çıkanlar", 0),
				headerLi("Aydın ve Muğla'da toplama iki hafta geç başladı", 0),
				headerLi("Üreticiler dane kaybının yüzde onu bulduğunu söylüyor", 0),
				headerLi("Kooperatif alım fiyatını aralık ayında açıklayacak", 0),
				body("Ege'nin zeytin bahçelerinde ekim ayı boyunca süren yağışlar, hasadın her yıl başladığı tarihten iki hafta sonraya kalmasına yol açtı."),
				body("Aydınlı üretici Hasan Tuna, ıslak toprakta merdiven kurmanın bile güç olduğunu anlattı."),
			},
			standfirst: "Aydın ve Muğla'da toplama iki hafta geç başladı\nÜreticiler dane kaybının yüzde onu bulduğunu söylüyor\nKooperatif alım fiyatını aralık ayında açıklayacak",
			reasons:    map[int]string{0: article.ReasonBoilerplate, 1: article.ReasonBoilerplate, 2: article.ReasonStandfirst, 3: article.ReasonStandfirst, 4: article.ReasonStandfirst},
		},
		{
			// The template's header holds the headline, the deck as an
			// h2 and the byline; the extractor zones it all as
			// furniture.
			name: "en deck as a heading in the header", title: "Ferry crews vote to strike over winter rosters", lang: "en",
			blocks: []clean.Block{
				headerH1("Ferry crews vote to strike over winter rosters"),
				headerHeading(2, "Islanders fear a week without crossings as talks with the operator stall"),
				header("By Maren Quist | 4 December 2026"),
				body("Deckhands and engineers on the island routes voted by a wide margin to walk out for five days unless the operator withdraws its new winter rosters."),
				body("The union says the rosters cut rest days between night sailings to one."),
			},
			standfirst: "Islanders fear a week without crossings as talks with the operator stall",
			reasons:    map[int]string{0: article.ReasonBoilerplate, 1: article.ReasonStandfirst, 2: article.ReasonBoilerplate},
		},
		{
			name: "de deck the markup marks, in the header", title: "Stadtwerke heben den Gaspreis im Februar an", lang: "de",
			blocks: []clean.Block{
				headerH1("Stadtwerke heben den Gaspreis im Februar an"),
				deck(header("Für einen Haushalt mit Gasheizung wird das rund zwölf Euro im Monat mehr.")),
				body("Die Stadtwerke erhöhen zum ersten Februar den Arbeitspreis für Erdgas, wie das Unternehmen am Mittwoch mitteilte."),
				body("Als Grund nennt der Versorger gestiegene Netzentgelte."),
			},
			standfirst: "Für einen Haushalt mit Gasheizung wird das rund zwölf Euro im Monat mehr.",
			reasons:    map[int]string{0: article.ReasonBoilerplate, 1: article.ReasonStandfirst},
		},
		{
			// An old layout's story head in boxes the extractor zones as
			// an aside (the headline, an h2, and the byline) and as
			// related links (the deck, marked as one).
			name: "en headline in an aside box, the deck in a related one", title: "Council delays the vote on the harbour tunnel", lang: "en",
			blocks: []clean.Block{
				{Block: article.Block{Text: "Council delays the vote on the harbour tunnel", Tag: "h2", Zone: article.ZoneAside, Level: 2}},
				deck(block(article.ZoneRelated, "Councillors want a second traffic study before they commit the city to forty years of tolls.")),
				block(article.ZoneAside, "By Oskar Lind | Last updated 2 December 2026"),
				body("The city council on Tuesday put off its vote on the harbour tunnel until March, after three members asked for a new study of traffic on the ring road."),
				body("The tunnel's backers said the delay would raise the cost of the project."),
			},
			standfirst: "Councillors want a second traffic study before they commit the city to forty years of tolls.",
			reasons:    map[int]string{0: article.ReasonSidebar, 1: article.ReasonStandfirst, 2: article.ReasonSidebar},
		},
		{
			// The deck under the header's headline, outside the
			// header, marked as one; its words are not the title's, so
			// relatedness judged it alone.
			name: "en marked deck judged alone under the header's headline", title: "Night trains return to the coast line", lang: "en",
			blocks: []clean.Block{
				headerH1("Night trains return to the coast line"),
				deck(clean.Block{Block: article.Block{Text: "Sleepers, a buffet car and a bicycle wagon: what changes for passengers from May.", Tag: "h2", Zone: article.ZoneUnknown, Level: 2}}),
				block(article.ZoneUnknown, "by Ines Varga, 2 December 2026"),
				body("The rail operator will run a night service between the capital and the coast three times a week from the first of May, ending a gap of eleven years."),
				body("Tickets go on sale in February, the operator said on Wednesday."),
			},
			standfirst: "Sleepers, a buffet car and a bicycle wagon: what changes for passengers from May.",
			reasons:    map[int]string{0: article.ReasonBoilerplate, 1: article.ReasonStandfirst, 2: article.ReasonCredit},
		},
		{
			// A box after the article has begun is the site's, whatever
			// its heading says.
			name: "en box after the lead stays", title: "Council delays the vote on the harbour tunnel", lang: "en",
			blocks: []clean.Block{
				body("The city council on Tuesday put off its vote on the harbour tunnel until March, after three members asked for a new study of traffic on the ring road."),
				{Block: article.Block{Text: "Council delays the vote on the harbour tunnel", Tag: "h2", Zone: article.ZoneAside, Level: 2}},
				deck(block(article.ZoneRelated, "Councillors want a second traffic study before they commit the city to forty years of tolls.")),
				body("The tunnel's backers said the delay would raise the cost of the project."),
			},
			reasons: map[int]string{2: article.ReasonRelated},
		},
		{
			// Unmarked, the header's paragraph may be anything the
			// template puts there: it stays furniture.
			name: "en unmarked paragraph in the header stays", title: "Ferry crews vote to strike over winter rosters", lang: "en",
			blocks: []clean.Block{
				headerH1("Ferry crews vote to strike over winter rosters"),
				header("Islanders fear a week without crossings as talks with the operator stall."),
				body("Deckhands and engineers on the island routes voted by a wide margin to walk out for five days unless the operator withdraws its new winter rosters."),
				body("The union says the rosters cut rest days between night sailings to one."),
			},
			reasons: map[int]string{0: article.ReasonBoilerplate, 1: article.ReasonBoilerplate},
		},
		{
			// A linked heading under the headline is a teaser or a
			// section's link, and the site's h1 that is not the title
			// heads no story.
			name: "en linked heading, and a logo's h1", title: "Ferry crews vote to strike over winter rosters", lang: "en",
			blocks: []clean.Block{
				headerH1("Harbour Courier"),
				withLD(headerHeading(2, "Read more about the island routes and their timetables"), 1, "https://kiyi.example/routes"),
				h1("Ferry crews vote to strike over winter rosters"),
				body("Deckhands and engineers on the island routes voted by a wide margin to walk out for five days unless the operator withdraws its new winter rosters."),
				body("The union says the rosters cut rest days between night sailings to one."),
			},
			reasons: map[int]string{0: article.ReasonBoilerplate, 1: article.ReasonBoilerplate, 2: article.ReasonDuplicate},
		},
		{
			name: "ru five points under the headline", title: "В Архангельске продлили навигацию на Северной Двине", lang: "ru",
			blocks: []clean.Block{
				h1("В Архангельске продлили навигацию на Северной Двине"),
				headerLi("Навигация продлится до двадцатого ноября", 0),
				headerLi("Причина в тёплой погоде и позднем ледоставе", 0),
				headerLi("Паромы на острова пойдут по зимнему расписанию", 0),
				headerLi("Грузовые суда успеют завезти топливо в посёлки", 0),
				headerLi("Решение приняли на заседании областной комиссии", 0),
				body("Областная комиссия по безопасности на воде решила продлить навигацию на Северной Двине до двадцатого ноября из-за тёплой осени."),
				body("Капитан порта пояснил, что лёд в дельте реки пока не образовался."),
			},
			standfirst: "Навигация продлится до двадцатого ноября\nПричина в тёплой погоде и позднем ледоставе\nПаромы на острова пойдут по зимнему расписанию\nГрузовые суда успеют завезти топливо в посёлки\nРешение приняли на заседании областной комиссии",
			reasons:    map[int]string{0: article.ReasonDuplicate, 1: article.ReasonStandfirst, 2: article.ReasonStandfirst, 3: article.ReasonStandfirst, 4: article.ReasonStandfirst, 5: article.ReasonStandfirst},
		},
		{
			name: "tr sentence deck in other words than the title", title: "Ege'de zeytin hasadı yağışla gecikti", lang: "tr",
			blocks: []clean.Block{
				h1("Ege'de zeytin hasadı yağışla gecikti"),
				h2("Üreticiler bu yıl dalda kalan danenin kooperatife satılamayacağından endişe ediyor."),
				body("Ege'nin zeytin bahçelerinde ekim ayı boyunca süren yağışlar, hasadın her yıl başladığı tarihten iki hafta sonraya kalmasına yol açtı."),
				body("Aydınlı üretici Hasan Tuna, ıslak toprakta merdiven kurmanın bile güç olduğunu anlattı."),
			},
			standfirst: "Üreticiler bu yıl dalda kalan danenin kooperatife satılamayacağından endişe ediyor.",
			reasons:    map[int]string{0: article.ReasonDuplicate, 1: article.ReasonStandfirst},
		},
		{
			name: "ru short line under the headline is no deck", title: "В Архангельске продлили навигацию на Северной Двине", lang: "ru",
			blocks: []clean.Block{
				h1("В Архангельске продлили навигацию на Северной Двине"),
				h2("Так тепло бывает редко."),
				body("Областная комиссия по безопасности на воде решила продлить навигацию на Северной Двине до двадцатого ноября из-за тёплой осени."),
				body("Капитан порта пояснил, что лёд в дельте реки пока не образовался."),
			},
			reasons: map[int]string{0: article.ReasonDuplicate, 1: article.ReasonUnrelated},
		},
		{
			name: "tr linked header list is the menu", title: "Ege'de zeytin hasadı yağışla gecikti", lang: "tr",
			blocks: []clean.Block{
				headerH1("Ege'de zeytin hasadı yağışla gecikti"),
				headerLi("Tarım haberleri ve hava durumu arşivi", 1),
				headerLi("Bölge haberleri ve yerel seçim sonuçları", 1),
				body("Ege'nin zeytin bahçelerinde ekim ayı boyunca süren yağışlar, hasadın her yıl başladığı tarihten iki hafta sonraya kalmasına yol açtı."),
				body("Aydınlı üretici Hasan Tuna, ıslak toprakta merdiven kurmanın bile güç olduğunu anlattı."),
			},
			reasons: map[int]string{0: article.ReasonBoilerplate, 1: article.ReasonBoilerplate, 2: article.ReasonBoilerplate},
		},
		{
			name: "ru header list away from the headline", title: "В Архангельске продлили навигацию на Северной Двине", lang: "ru",
			blocks: []clean.Block{
				h1("В Архангельске продлили навигацию на Северной Двине"),
				body("Областная комиссия по безопасности на воде решила продлить навигацию на Северной Двине до двадцатого ноября из-за тёплой осени."),
				headerLi("Подпишитесь на рассылку о погоде в регионе", 0),
				headerLi("Сообщите о происшествии в нашу редакцию", 0),
				body("Капитан порта пояснил, что лёд в дельте реки пока не образовался."),
			},
			reasons: map[int]string{0: article.ReasonDuplicate, 2: article.ReasonBoilerplate, 3: article.ReasonBoilerplate},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := clean.Input{Source: "yerel", Title: tc.title, Lang: tc.lang, Host: "kiyi.example"}
			for i, b := range tc.blocks {
				b.I, b.Lang = i, tc.lang
				in.Blocks = append(in.Blocks, b)
			}
			res := clean.New(nil).Clean(in)
			if res.Meta.Standfirst != tc.standfirst {
				t.Errorf("standfirst %q, want %q", res.Meta.Standfirst, tc.standfirst)
			}
			for i, b := range tc.blocks {
				if got := reasonOf(res, i); got != tc.reasons[i] {
					t.Errorf("block %d %q: reason %q, want %q", i, b.Text, got, tc.reasons[i])
				}
			}
		})
	}
}

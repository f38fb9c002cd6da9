package clean_test

import (
	"slices"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// line is a block of a test page and the reason the cleaner drops it for
// ("" when it is kept).
type line struct {
	b      clean.Block
	reason string
}

// checkLines cleans lines as one page of source in lang under title, and
// checks the reason each line is dropped for.
func checkLines(t *testing.T, source, title, lang string, lines []line) {
	t.Helper()
	in := clean.Input{Source: source, Title: title, Lang: lang}
	for i, l := range lines {
		b := l.b
		b.I, b.Lang = i, lang
		in.Blocks = append(in.Blocks, b)
	}
	res := clean.New(nil).Clean(in)
	for i, l := range lines {
		if got := reasonOf(res, i); got != l.reason {
			t.Errorf("block %d %q: reason %q, want %q", i, l.b.Text, got, l.reason)
		}
	}
}

// TestFurnitureInContainer: furniture an editor or a template puts inside
// the article's container, on a Turkish and a Russian page written in
// styles of their own, is dropped by its shape (a line of names and
// credit roles, a call to follow a channel, a caption with its credit, a
// gallery counter, a biography under the story, the headline printed
// again), while prose with the same words stays.
func TestFurnitureInContainer(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	h1 := func(s string) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: "h1", Zone: article.ZoneHeading, Level: 1}}
	}
	for _, tc := range []struct {
		name, title, lang string
		lines             []line
	}{
		{"tr", "Ankara ile Bakü arasında yeni enerji anlaşması – Gündem Postası", "tr", []line{
			{h1("Ankara ile Bakü arasında yeni enerji anlaşması"), article.ReasonDuplicate},
			{body("Türkiye ile Azerbaycan, doğal gaz ticaretini 2035 yılına kadar uzatan yeni bir anlaşma imzaladı; tören Ankara'da yapıldı."), ""},
			{body("Enerji Bakanı, açıklamasını Twitter hesabından da paylaştı ve anlaşmanın bölge için önemli olduğunu söyledi."), ""},
			{body("Sınır Kapısında Muhabirimiz Ali Kaya"), ""}, // a sub-heading in title case
			{body("Bakanlar imza töreninin ardından baş başa görüştü (Fotoğraf: Gündem Postası)"), article.ReasonBoilerplate},
			{body("Güncellendi: 3 saat önce • Okuma süresi 4 dk"), article.ReasonDateline},
			{body("Heyetler imza töreninin ardından Dolmabahçe'de bir araya geldi. Fotoğraf: Murat Koç/Gündem Postası"), article.ReasonBoilerplate},
			{body("04.12.2026, 10:15 | Okuma süresi: 3 dk"), article.ReasonDateline},
			{body("Yayın: Akşam Bülteni, 04.12.2026 19:00"), article.ReasonDateline},
			{body("2035 yılına kadar 12 milyar metreküp"), ""},
			{body("Heyetler, yeni boru hattı projesinin teknik ayrıntılarını önümüzdeki ay Bakü'de yapılacak toplantıda ele alacak."), ""},
			{body("Son gelişmeler için bizi Telegram kanalımızdan takip edin."), article.ReasonBoilerplate},
			{body("Bakan, gazetecilerin sorularını yanıtladı ve anlaşmanın ayrıntılarının gelecek hafta açıklanacağını belirtti."), ""},
			{body("Haberle ilgili görüşlerinizi editor@gundempostasi.example adresine yazın."), article.ReasonBoilerplate},
			{body("Anlaşmanın tam metni için buraya tıklayınız."), article.ReasonBoilerplate},
			{body("Bakü'den Selin Aydın ve Murat Koç katkıda bulundu."), article.ReasonCredit},
			{body("Selin Aydın, 2015'ten bu yana Gündem Postası'nın Ankara muhabiridir ve diplomasi haberlerini izliyor."), article.ReasonCredit},
		}},
		{"ru", "Переговоры в Женеве продолжатся в декабре", "ru", []line{
			{body("Делегации договорились продолжить консультации в Женеве в середине декабря, сообщили дипломатические источники."), ""},
			{body("Фото 3 из 8"), article.ReasonBoilerplate},
			{body("Участники консультаций перед началом встречи в Женеве. Фото: Иван Петров/ТАСС"), article.ReasonBoilerplate},
			{body("25 ноября 2026, 14:20 · Время чтения: 4 минуты"), article.ReasonDateline},
			{body("Обновлено 25 ноября, 14:20 мск"), article.ReasonDateline},
			{body("Опубликовано 25 нояб. в 14:20, обновлено в 16:05"), article.ReasonDateline},
			{body("Эфир: «Вести недели», 23.11.2026, 20:00"), article.ReasonDateline},
			{body("Эфир: в эфире программы эксперты обсудили итоги переговоров и перспективы нового раунда консультаций в январе"), ""},
			{body("Текст: Ольга Лебедева, 25 ноября 2026"), article.ReasonCredit},
			{body("Официальный представитель МИД написала в своем Telegram-канале: «Мы готовы к продолжению диалога»."), ""},
			{body("Стороны обменялись проектами документов и согласовали график следующих встреч экспертов в январе."), ""},
			{body("Подписывайтесь на наш канал в Telegram, чтобы первыми узнавать главные новости."), article.ReasonBoilerplate},
			{body("Подпишитесь на ежедневный дайджест главных событий недели."), article.ReasonBoilerplate},
			{body("Загрузка приложения заняла у делегатов меньше минуты, отметили организаторы, а подписка на обновления работает с понедельника."), ""},
			{body("При участии Олега Петрова и Анны Смирновой"), article.ReasonCredit},
			{body("Ольга Лебедева — корреспондент «Вестник-Инфо» в Женеве, пишет о переговорах и международных организациях."), article.ReasonCredit},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkLines(t, "yazi", tc.title, tc.lang, tc.lines) })
	}
}

// TestLinksInContainer: inside the container a line that is one link to
// another page of the same site is a teaser; a line citing another site
// (a source document, a profile) is the article's, as is a line with text
// of its own beside its links. Without the page's host nothing tells them
// apart, and link lines go as before.
func TestLinksInContainer(t *testing.T) {
	blocks := []clean.Block{
		withLD(block(article.ZoneBody, "Ortak bildirinin tam metni"), 1, "https://www.mfa.example/tr/bildiri.html"),
		withLD(block(article.ZoneBody, "Bakan Moskova'da temaslarda bulundu"), 1, "https://haber.gundem.example/dunya/bakan-moskova"),
		withLD(block(article.ZoneBody, "Hesap: @disisleri_sozcu"), 0.6, ""),
		withLD(block(article.ZoneBody, "Gündem, Dünya, Ekonomi, Spor, Sağlık, Teknoloji, Kültür Sanat, Yaşam."), 0.9, ""),
		// The article goes on: the lines above are between its paragraphs,
		// not a list of links under it.
		block(article.ZoneBody, "Bakanlık, bildirinin ardından tarafların önümüzdeki ay Cenevre'de yeniden bir araya geleceğini duyurdu."),
	}
	for _, tc := range []struct {
		host string
		want []string
	}{
		{"www.gundem.example", []string{"", article.ReasonRelated, "", article.ReasonNav, ""}},
		{"", []string{article.ReasonRelated, article.ReasonRelated, article.ReasonRelated, article.ReasonNav, ""}},
	} {
		in := page(blocks...)
		in.Host = tc.host
		res := clean.New(nil).Clean(in)
		var got []string
		for i := range blocks {
			got = append(got, reasonOf(res, 2+i))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("host %q: reasons %q, want %q", tc.host, got, tc.want)
		}
	}
}

// TestAfterContainer: after the article's container, a paragraph under a
// linked headline is another story's teaser, and running text that shares
// nothing with the article is not the article; a paragraph that goes on
// with the story stays.
func TestAfterContainer(t *testing.T) {
	in := clean.Input{Source: "vestnik", Title: "Вице-премьеры обсудили разблокирование коммуникаций", Lang: "ru"}
	for _, b := range []clean.Block{
		block(article.ZoneBody, "Трехсторонняя рабочая группа на уровне вице-премьеров провела в Москве очередное заседание по разблокированию транспортных коммуникаций."),
		block(article.ZoneBody, "Стороны согласовали порядок пограничного и таможенного контроля на железной дороге и договорились о новых встречах экспертов."),
		block(article.ZoneBody, "Следующее заседание рабочей группы запланировано на январь, оно пройдет в одной из столиц региона."),
		block(article.ZoneBody, "Эксперты отмечают, что договоренности о контроле на границе были главным препятствием, и теперь работы по восстановлению дороги могут начаться уже весной."),
		block(article.ZoneUnknown, "Вице-премьеры также обсудили сроки восстановления железной дороги и пограничного контроля на ней, сообщили в правительстве после заседания."),
		withLD(clean.Block{Block: article.Block{Text: "Сборная выиграла товарищеский матч в Казани", Tag: "h3", Zone: article.ZoneUnknown, Level: 3}}, 1, "https://vestnik.example/sport/match"),
		block(article.ZoneUnknown, "Главный тренер назвал игру лучшей в сезоне и поблагодарил болельщиков, которые заполнили стадион несмотря на мороз."),
		block(article.ZoneUnknown, "Синоптики обещают в выходные снегопад в центральных районах, на дорогах ожидаются заторы и гололедица по всему региону."),
	} {
		b.I, b.Lang = len(in.Blocks), "ru"
		in.Blocks = append(in.Blocks, b)
	}
	res := clean.New(nil).Clean(in)
	want := []string{"", "", "", "", "", article.ReasonRelated, article.ReasonRelated, article.ReasonUnrelated}
	for i, w := range want {
		if got := reasonOf(res, i); got != w {
			t.Errorf("block %d: reason %q, want %q", i, got, w)
		}
	}
}

// TestShortLinesInContainer: between the container's paragraphs a
// sub-heading stays whatever its words, and a short line the language
// detector names no language for (a list of places) keeps the document's
// language; a line plainly in another language is still that language's.
func TestShortLinesInContainer(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	h3 := func(s string) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: "h3", Zone: article.ZoneHeading, Level: 3}}
	}
	in := clean.Input{Source: "ajans", Title: "Karadeniz'de tahıl koridoru için yeni tur", Lang: "tr"}
	lines := []struct {
		b      clean.Block
		lang   string
		reason string
	}{
		{body("Tahıl koridorunun yeniden açılması için taraflar İstanbul'da yeni bir görüşme turuna başladı."), "tr", ""},
		{h3("Soru: En zor an hangisiydi?"), "tr", ""},
		{body("Heyet başkanı, en zor anın gece yarısı yapılan son oturum olduğunu, metnin orada netleştiğini söyledi."), "tr", ""},
		{body("Rota A: Odessa, Köstence / Varna, İstanbul"), "und", ""},
		{body("Heyetler: Türkiye, Ukrayna, Rusya, BM"), "az", ""}, // named without conviction (Conf below)
		{body("Министр иностранных дел России заявил, что переговоры продолжатся."), "ru", article.ReasonOtherLanguage},
		{body("Görüşmelerin cuma günü ortak bir bildiriyle sona ermesi ve koridorun gelecek ay yeniden açılması bekleniyor."), "tr", ""},
	}
	for i, l := range lines {
		b := l.b
		b.I, b.Lang, b.Own, b.Conf = i, l.lang, true, 1
		if l.lang == "az" {
			b.Conf = 0.6
		}
		in.Blocks = append(in.Blocks, b)
	}
	res := clean.New(nil).Clean(in)
	for i, l := range lines {
		if got := reasonOf(res, i); got != l.reason {
			t.Errorf("block %d %q: reason %q, want %q", i, l.b.Text, got, l.reason)
		}
	}
}

// TestLanguagePriorInContainer: inside the container of a Russian page
// written in a style of its own, the document's language is a strong
// prior. A line of names and roles in Latin letters, a label in capitals
// and a long lead the detector named another language for without
// conviction are the article's; a paragraph the detector is sure is
// Ukrainian is still another language's, and so is a block outside the
// container.
func TestLanguagePriorInContainer(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	in := clean.Input{Source: "vestnik", Title: "В Казани открылся фестиваль театров тюркских стран", Lang: "ru"}
	lines := []struct {
		b      clean.Block
		lang   string
		conf   float64
		reason string
	}{
		{body("КАЗАНЬ, 21 ноября (Вестник-Инфо) – Фестиваль «Науруз» собрал в Казани труппы из Анкары, Баку, Ташкента и Алматы, спектакли пройдут на трёх сценах до конца месяца."), "und", 0.71, ""},
		{body("Открывает программу спектакль анкарского государственного театра, поставленный по мотивам поэмы Юнуса Эмре."), "ru", 1, ""},
		{body("СОСТАВ"), "la", 0.95, ""},
		{body("Rejissor_Aydar Zakirov, Khoreograf_Leyla Safina, Kompozitor_Rustem Gabdullin, Khudozhnik_Dina Nigmatullina, Svet_Ilnur Khasanov, Kostyumy_Gulnara Ziyatdinova"), "und", 0.98, ""},
		{body("Маршрут гастролей: Анкара, Баку, Ташкент / Алматы"), "uk", 0.97, ""},
		{body("Організатори фестивалю повідомили, що наступного року програма буде ширшою, а квитки надійдуть у продаж навесні."), "uk", 0.99, article.ReasonOtherLanguage},
		{body("Организаторы рассчитывают, что в следующем году к фестивалю присоединятся театры Бишкека и Ашхабада."), "ru", 1, ""},
		{block(article.ZoneUnknown, "Rejissor_Aydar Zakirov, Khoreograf_Leyla Safina"), "und", 0.98, article.ReasonOtherLanguage},
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

// TestAsideSubheadings: a round-up's sub-headings that the template boxed
// with the ads between its parts, zoned aside by the extractor, are the
// article's when paragraphs of the article stand on both sides of them; a
// sidebar's own heading over its links stays out.
func TestAsideSubheadings(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	h1 := func(s string) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: "h1", Zone: article.ZoneHeading, Level: 1}}
	}
	asideH := func(s string, level int) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: "h2", Zone: article.ZoneAside, Level: level}}
	}
	for _, tc := range []struct {
		name, title, lang string
		lines             []line
	}{
		{"tr", "Karadeniz'de sağanak: üç ilde taşkın", "tr", []line{
			{h1("Karadeniz'de sağanak: üç ilde taşkın"), article.ReasonDuplicate},
			{body("Karadeniz'de etkili olan sağanak, Rize, Artvin ve Trabzon'da taşkınlara yol açtı; ekipler sabaha kadar çalıştı."), ""},
			{asideH("RİZE", 2), ""},
			{body("Rize'nin Çayeli ilçesinde dereler taştı, iki köy yolu ulaşıma kapandı ve otuz ev tahliye edildi."), ""},
			{block(article.ZoneAside, "REKLAM"), article.ReasonSidebar},
			{asideH("ARTVİN'DE HEYELAN", 2), ""},
			{body("Artvin'in Hopa ilçesinde meydana gelen heyelanda bir iş yeri toprak altında kaldı, can kaybı yaşanmadı."), ""},
			{body("Valilik, vatandaşları dere yataklarından uzak durmaları konusunda uyardı."), ""},
			{asideH("Çok Okunanlar", 3), article.ReasonSidebar},
			{withLD(block(article.ZoneAside, "Trabzon'da yeni stadyum ihalesi sonuçlandı"), 1, "https://kiyi.example/spor/stadyum"), article.ReasonSidebar},
			{withLD(block(article.ZoneAside, "Hamsi fiyatları düştü"), 1, "https://kiyi.example/ekonomi/hamsi"), article.ReasonSidebar},
		}},
		{"ru", "Паводок в Приамурье: подтоплены три района", "ru", []line{
			{h1("Паводок в Приамурье: подтоплены три района"), article.ReasonDuplicate},
			{body("В Амурской области из-за ливней подтоплены дома в трех районах, эвакуированы более двухсот человек."), ""},
			{asideH("ЧТО ИЗВЕСТНО О ПОСТРАДАВШИХ", 3), ""},
			{body("По данным МЧС, пострадавших нет, в пунктах временного размещения находятся сорок семь человек."), ""},
			{body("Уровень воды в Зее продолжает расти и, по прогнозу, достигнет пика в воскресенье."), ""},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkLines(t, "kiyi", tc.title, tc.lang, tc.lines) })
	}
}

// TestDateLinesWithGlue: date lines that put a word between the date and
// its time ("в 14:26", "saat 09.30", "um 15:46 Uhr") and a writer's name
// after it, in pages written in a style of their own: a Russian council
// report and a Turkish market note. Each line is the page's metadata, and
// its name the byline; a reading time glued to the date line, two
// elements' text with no space ("пятницаВремя чтения"), is the date
// line's; a sentence of the text that opens with the same date and time
// is the article's.
func TestDateLinesWithGlue(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	t.Run("ru", func(t *testing.T) {
		in := clean.Input{Source: "oblvesti", Title: "Областной совет утвердил программу ремонта мостов", Lang: "ru"}
		lines := []line{
			{body("Анна Смирнова · 12 ноября 2026 в 14:26"), article.ReasonCredit},
			{body("Депутаты областного совета утвердили программу ремонта мостов на ближайшие три года."), ""},
			{body("Опубликовано 12 ноября 2026 в 14:26 · Обновлено в 18:05"), article.ReasonDateline},
			{body("Обновлено 12 ноября 2026, пятницаВремя чтения: 3 минуты"), article.ReasonDateline},
			{body("12 ноября в 14:26 председатель совета объявил итоги голосования: за программу высказались 41 депутат."), ""},
			{body("Первые работы начнутся весной на двух мостах через реку Сура."), ""},
		}
		res := checkLinesRes(t, in, lines)
		if res.Meta.Byline != "Анна Смирнова" {
			t.Errorf("byline %q, want Анна Смирнова", res.Meta.Byline)
		}
	})
	t.Run("tr", func(t *testing.T) {
		in := clean.Input{Source: "piyasanot", Title: "Fındık fiyatları hasat sonrası yükselişe geçti", Lang: "tr"}
		lines := []line{
			{body("Mehmet Yıldırım | 3 Aralık 2026, saat 09.30"), article.ReasonCredit},
			{body("Karadeniz'de fındık fiyatları hasadın ardından iki hafta içinde yüzde sekiz arttı."), ""},
			{body("Güncelleme: 3 Aralık 2026 PerşembeOkuma süresi: 2 dk"), article.ReasonDateline},
			{body("3 Aralık 2026 saat 09.30 itibarıyla borsada kilogram fiyatı 142 lira oldu."), ""},
		}
		res := checkLinesRes(t, in, lines)
		if res.Meta.Byline != "Mehmet Yıldırım" {
			t.Errorf("byline %q, want Mehmet Yıldırım", res.Meta.Byline)
		}
	})
}

// checkLinesRes is checkLinesIn that returns the cleaner's result.
func checkLinesRes(t *testing.T, in clean.Input, lines []line) clean.Result {
	t.Helper()
	for i, l := range lines {
		b := l.b
		b.I, b.Lang = i, in.Lang
		in.Blocks = append(in.Blocks, b)
	}
	res := clean.New(nil).Clean(in)
	for i, l := range lines {
		if got := reasonOf(res, i); got != l.reason {
			t.Errorf("block %d %q: reason %q, want %q", i, l.b.Text, got, l.reason)
		}
	}
	return res
}

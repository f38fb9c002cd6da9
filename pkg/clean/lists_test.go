package clean_test

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// TestListOfTheText: a Russian morning digest, in a style of its own,
// lists the day's news as items that open with a linked headline; the
// items whose link is longest crossed the extractor's link density and
// came zoned related between items zoned body. They are the same list's
// and stay. A teaser list after the text, all of it related, is still
// dropped, and so is a related run of bare headlines inside the list.
func TestListOfTheText(t *testing.T) {
	item := func(zone article.Zone, ld float64, s string) line {
		b := withLD(block(zone, s), ld, "")
		b.Tag = "li"
		return line{b, map[bool]string{true: article.ReasonRelated}[zone == article.ZoneRelated]}
	}
	keep := func(l line) line { l.reason = ""; return l }
	body := func(s string) line { return line{block(article.ZoneBody, s), ""} }
	in := clean.Input{Source: "utro", Title: "Пять новостей к утру среды", Lang: "ru", Host: "utro.example.ru"}
	checkLinesIn(t, in, []line{
		body("Доброе утро! Вот что нужно знать к началу рабочего дня в среду."),
		item(article.ZoneBody, 0.3, "Правительство утвердило план поддержки экспортеров зерна. Льготные кредиты получат компании, которые работают с портами юга."),
		item(article.ZoneBody, 0.4, "Центральный банк сохранил ключевую ставку. Регулятор объяснил решение замедлением инфляции в последние два месяца."),
		keep(item(article.ZoneRelated, 0.6, "Министр иностранных дел провел переговоры с турецким коллегой о поставках зерна через черноморские порты. Стороны договорились встретиться снова в январе.")),
		keep(item(article.ZoneRelated, 0.55, "Авиакомпании возобновили рейсы в Анкару после двухнедельного перерыва. Билеты уже продаются на январь и февраль.")),
		item(article.ZoneBody, 0.45, "В Москве открылась выставка о русско-турецкой дипломатии девятнадцатого века. Она продлится до конца марта."),
		body("Хорошего дня! Завтра утром пришлем новый выпуск."),
		item(article.ZoneRelated, 0.9, "Читайте также: как изменились цены на зерно за год и что будет дальше"),
		item(article.ZoneRelated, 0.9, "Переговоры в Анкаре: главное о визите министра и его итогах"),
	})
}

// TestLinkedPointOfAList: a Turkish how-to in a style of its own lists
// what a small shop gains online; one point links the site's own guide
// and crosses the link density line. Between the list's plain points it
// is one of them and stays; a linked dossier in the list over the text,
// and a run of the site's linked stories after it, are still dropped.
func TestLinkedPointOfAList(t *testing.T) {
	item := func(ld float64, link, s string) clean.Block {
		b := withLD(block(article.ZoneBody, s), ld, link)
		b.Tag = "li"
		return b
	}
	body := func(s string) line { return line{block(article.ZoneBody, s), ""} }
	in := clean.Input{Source: "dukkan", Title: "Küçük dükkanlar internete neden açılmalı", Lang: "tr", Host: "www.dukkanrehberi.test"}
	checkLinesIn(t, in, []line{
		{item(0, "", "Güncelleme: 12 Mart 2026"), article.ReasonDateline},
		{item(0.9, "https://www.dukkanrehberi.test/dosya/kucuk-isletmeler/", "Dosya: Küçük işletmeler rehberi"), article.ReasonRelated},
		{item(0, "", "Okuma süresi 4 dakika"), article.ReasonBoilerplate},
		body("Mahalle dükkanı internette ne kadar erken görünürse, kazançlar da o kadar erken gelmeye başlıyor:"),
		{item(0, "", "Arama motorları müşteriyi sayfanıza getirir"), ""},
		{item(0.86, "https://www.dukkanrehberi.test/e-posta-listesi/", "E-posta listeniz büyümeye başlar"), ""},
		{item(0, "", "Ürünleriniz ve hizmetleriniz bu ilgiden pay alır"), ""},
		body("Peki, bu adımı atmaya hazır mısınız? Aşağıdaki rehberimiz ilk haftanızı adım adım anlatıyor."),
		{item(1, "https://www.dukkanrehberi.test/kargo/", "Kargo firması seçerken nelere bakmalı"), article.ReasonRelated},
		{item(1, "https://www.dukkanrehberi.test/fiyat/", "Fiyat etiketi nasıl yazılır"), article.ReasonRelated},
	})
}

// TestListSteps: a how-to list inside the container, in Turkish and
// Russian styles of their own, tells the reader to download an app among
// plain steps: a step of the article, not the site's call to action. A
// list of the site's own calls (follow us, subscribe) has no plain step
// and stays out, and so does a call standing alone in the text.
func TestListSteps(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	li := func(s string) clean.Block {
		b := block(article.ZoneBody, s)
		b.Tag = "li"
		return b
	}
	checkLines(t, "rehber", "Pasaport randevusu nasıl alınır", "tr", []line{
		{body("Pasaport için randevu artık şubeye gitmeden, birkaç dakikada telefondan alınabiliyor."), ""},
		{body("Başvuru üç adımda tamamlanıyor:"), ""},
		{li("Önce e-Devlet uygulamasını telefonunuza indirin"), ""},
		{li("Başvuru ekranında kimlik numaranızı ve adresinizi girin"), ""},
		{li("Onay mesajı gelince size uygun randevu gününü seçin"), ""},
		{body("Randevu günü yanınızda kimlik kartınız ve harç makbuzunuz bulunmalı."), ""},
		{li("Bizi Instagram hesabımızdan takip edin"), article.ReasonBoilerplate},
		{li("Haftalık bültenimize hemen abone olun"), article.ReasonBoilerplate},
	})
	checkLines(t, "sovety", "Как записаться к врачу без звонка в регистратуру", "ru", []line{
		{body("Записаться к терапевту можно за пару минут, не дозваниваясь в регистратуру поликлиники."), ""},
		{li("Скачайте приложение «Госуслуги» на телефон"), ""},
		{li("Войдите в личный кабинет по номеру СНИЛС или телефона"), ""},
		{li("Выберите врача и удобное время приема"), ""},
		{body("Если свободных окон нет, приложение предложит встать в лист ожидания."), ""},
		{body("Подписывайтесь на наш канал в Telegram"), article.ReasonBoilerplate},
	})
}

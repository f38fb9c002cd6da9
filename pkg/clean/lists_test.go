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

package clean_test

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// TestTemplateLabels: a template prints the same short label between the
// article's paragraphs where it cut an ad out ("Sponsorlu
// içerik", "Продолжение ниже"), on a Turkish and a Russian page written in
// styles of their own. Three copies, each with running text between it and
// the next, are the template's; a sub-heading printed twice, a chant with
// its comma and a list's item, each repeated three times, are the
// article's.
func TestTemplateLabels(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	li := func(s string) clean.Block {
		return clean.Block{Block: article.Block{Text: s, Tag: "li", Zone: article.ZoneBody}}
	}
	const trLabel = "Sponsorlu içerik"
	checkLines(t, "liman", "Liman işçileri toplu sözleşme için iş bıraktı", "tr", []line{
		{body("Kuzey limanında çalışan yaklaşık iki bin işçi, toplu sözleşme görüşmelerinin çıkmaza girmesi üzerine sabah vardiyasından itibaren iş bıraktı."), ""},
		{body(trLabel), article.ReasonBoilerplate},
		{body("Sendika temsilcisi, işverenin önerdiği yüzde on iki zammın enflasyonun çok altında kaldığını söyledi."), ""},
		{body("Haklıyız, kazanacağız"), ""},
		{li("Vardiya primi"), ""},
		{body(trLabel), article.ReasonBoilerplate},
		{body("Liman yönetimi ise yükleme işlerinin geçici personelle sürdürüleceğini, gemilerin bekletilmeyeceğini açıkladı."), ""},
		{body("Haklıyız, kazanacağız"), ""},
		{li("Vardiya primi"), ""},
		{body(trLabel), article.ReasonBoilerplate},
		{body("Görüşmelerin perşembe günü arabulucu eşliğinde yeniden başlaması bekleniyor, işçiler o güne kadar eylemi sürdürecek."), ""},
		{body("Haklıyız, kazanacağız"), ""},
		{li("Vardiya primi"), ""},
		{body("Sendika, arabulucu toplantısından sonuç çıkmazsa eylemin komşu limanlara da yayılacağını duyurdu."), ""},
	})
	const ruLabel = "Продолжение ниже"
	checkLines(t, "dvor", "Жители двора на Садовой добились ремонта детской площадки", "ru", []line{
		{body("Жители дома на Садовой улице три года добивались, чтобы управляющая компания отремонтировала детскую площадку во дворе."), ""},
		{body(ruLabel), article.ReasonBoilerplate},
		{body("В прошлом месяце они собрали подписи и отправили коллективное обращение в районную администрацию и жилищную инспекцию."), ""},
		{body("Что обещают"), ""},
		{body("Администрация ответила, что новые качели и покрытие появятся до конца лета, а работы оплатит подрядчик."), ""},
		{body(ruLabel), article.ReasonBoilerplate},
		{body("Старшая по дому говорит, что жильцы будут следить за сроками и при необходимости снова обратятся в инспекцию."), ""},
		{body("Что обещают"), ""},
		{body(ruLabel), article.ReasonBoilerplate},
		{body("Подрядчик уже завёз на площадку материалы, рабочие начнут демонтаж старого оборудования в понедельник утром."), ""},
	})
}

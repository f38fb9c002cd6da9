package clean_test

import (
	"strings"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// TestTemplateLabels: a template prints the same short label between the
// article's paragraphs where it cut an ad out ("Sponsorlu
// içerik", "Продолжение ниже"), on a Turkish and a Russian page written in
// styles of their own. Three copies, each with running text between it and
// the next, are the template's; a sub-heading printed twice, a chant with
// its comma and a list's item, each repeated three times, and the posters'
// names in a thread of replies and the meal names of a menu plan, are the
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
	// A thread of replies inside the container: each poster's name
	// repeats between the posts, but three names do, which no template's
	// label does.
	post := "Согласна с предыдущим сообщением, во дворе давно пора было навести порядок, дети играли среди ржавых качелей."
	reply := "Главное, чтобы подрядчик не затянул сроки, как это было в соседнем дворе прошлым летом, когда всё тянулось месяцами."
	third := "Спасибо инициативной группе, без подписей и обращения в инспекцию ничего бы не сдвинулось с мёртвой точки."
	thread := []line{{body("Читатели обсуждают ремонт площадки: публикуем несколько откликов из комментариев к нашей прошлой заметке."), ""}}
	for i := range 3 {
		thread = append(thread,
			line{body("Ольга Петрова"), ""}, line{body(post + strings.Repeat(" Да.", i)), ""},
			line{body("Сергей Ильин"), ""}, line{body(reply + strings.Repeat(" Верно.", i)), ""},
			line{body("Марина"), ""}, line{body(third + strings.Repeat(" Точно.", i)), ""})
	}
	checkLines(t, "dvor", "Обсуждение: ремонт детской площадки на Садовой", "ru", thread)
	// A week's menu plan: its meal names repeat day after day between
	// the dishes, but three of them do, which no template's label does.
	plan := []line{{body("Diyetisyenimizin hazırladığı üç günlük kış menüsü, bağışıklığı destekleyen mevsim sebzelerine dayanıyor."), ""}}
	for _, d := range []string{"Pazartesi günü", "Salı günü", "Çarşamba günü"} {
		plan = append(plan,
			line{body(d), ""},
			line{body("Kahvaltı"), ""}, line{body(d + " yulaf ezmesi ve ceviz ile"), ""},
			line{body("Öğle yemeği"), ""}, line{body(d + " mercimek çorbası ve ekmek"), ""},
			line{body("Akşam yemeği"), ""}, line{body(d + " fırında sebzeli tavuk"), ""})
	}
	checkLines(t, "beslenme", "Kış için üç günlük bağışıklık menüsü", "tr", plan)
}

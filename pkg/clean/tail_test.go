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
	type line struct {
		b      clean.Block
		reason string
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
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := clean.Input{Source: "vitrin", Title: tc.title, Lang: tc.lang}
			for i, l := range tc.lines {
				b := l.b
				b.I, b.Lang = i, tc.lang
				in.Blocks = append(in.Blocks, b)
			}
			res := clean.New(nil).Clean(in)
			for i, l := range tc.lines {
				if got := reasonOf(res, i); got != l.reason {
					t.Errorf("block %d %q: reason %q, want %q", i, l.b.Text, got, l.reason)
				}
			}
		})
	}
}

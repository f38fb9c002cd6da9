package clean_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// TestInsideContainer: the article container's own short lines stay, as
// the pages had them; only positive evidence makes them furniture.
// The page is a Turkish live report in a style of its own.
func TestInsideContainer(t *testing.T) {
	long := func(s string) string {
		return s + " Bu gelişme, iki başkent arasındaki temasların yoğunlaştığı bir haftada yaşandı."
	}
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	in := clean.Input{Source: "canli", Title: "Ankara'da 29 Ekim resepsiyonu: büyükelçiler Beştepe'de", Lang: "tr"}
	in.Blocks = []clean.Block{
		body(long("Cumhuriyet'in yıl dönümü resepsiyonuna 90 ülkenin büyükelçisi katıldı.")),   // 0
		body(long("Dışişleri Bakanı konuklarını kapıda karşıladı ve kısa bir konuşma yaptı.")), // 1
		body("İNTERNET"), // 2 caps sub-heading
		body(long("Tören, Dışişleri'nin hesaplarından canlı yayınlandı ve yüz binlerce kişi izledi.")), // 3
		body("15:02: İstiklal marşı okundu"), // 4 timeline entry
		body("15:10: Konuşmalar başladı"),    // 5
		body("«Barış için buradayız.»"),      // 6 a one-line quote
		{Block: article.Block{Text: "Gece boyunca neler yaşandı", Tag: "h2", Zone: article.ZoneHeading, Level: 2}}, // 7 unrelated words, between paragraphs
		body(long("Resepsiyon gece yarısına kadar sürdü; bazı heyetler erken ayrıldı.")),                           // 8
		body("YORUM"),                 // 9
		body("Barış için buradayız."), // 10 the quote's sentence said again
		body(long("Diplomatlar, gecenin havasını olumlu olarak nitelendirdi ve yeni görüşmeler için tarih verdi.")), // 11
		body("Yorumlar (3)"), // 12 a widget's label: furniture
		body("Selin Karaca"), // 13 author line under the last paragraph
	}
	for i := range in.Blocks {
		in.Blocks[i].I = i
		in.Blocks[i].Lang = "tr"
	}
	res := clean.New(nil).Clean(in)
	kept := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
	var got, heads []int
	for _, p := range res.Paragraphs {
		got = append(got, p.I)
		if p.Heading {
			heads = append(heads, p.I)
		}
	}
	if !slices.Equal(got, kept) {
		t.Errorf("kept %v, want %v; dropped %+v", got, kept, res.Dropped)
	}
	if want := []int{2, 7, 9}; !slices.Equal(heads, want) {
		t.Errorf("headings %v, want %v", heads, want)
	}
	if reasonOf(res, 12) != article.ReasonBoilerplate || reasonOf(res, 13) != article.ReasonCredit {
		t.Errorf("block 12 %q, 13 %q; want boilerplate, credit", reasonOf(res, 12), reasonOf(res, 13))
	}
	if res.Meta.Byline != "Selin Karaca" {
		t.Errorf("byline %q, want the author line", res.Meta.Byline)
	}
}

// TestInsideContainerRussian: the same for a Russian page: prose that
// mentions comments is prose, and a name with an outlet under the text is
// the byline and the attribution.
func TestInsideContainerRussian(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	in := clean.Input{Source: "vestnik", Title: "Переговоры в Женеве продолжатся в декабре", Lang: "ru"}
	in.Blocks = []clean.Block{
		body("Делегации договорились продолжить консультации в Женеве в середине декабря, сообщили дипломатические источники."),
		body("В МИД отказались от комментариев, сославшись на договоренность сторон не раскрывать детали переговоров."),
		body("ГЛАВНОЕ"),
		body("Стороны обменялись проектами документов и согласовали график следующих встреч экспертов."),
		body("Ольга Лебедева, Вестник-Инфо"),
	}
	for i := range in.Blocks {
		in.Blocks[i].I = i
		in.Blocks[i].Lang = "ru"
	}
	res := clean.New(nil).Clean(in)
	for _, i := range []int{0, 1, 2, 3} {
		if r := reasonOf(res, i); r != "" {
			t.Errorf("block %d dropped as %q", i, r)
		}
	}
	if res.Meta.Byline != "Ольга Лебедева" || !strings.Contains(res.Meta.Attribution, "Вестник-Инфо") {
		t.Errorf("meta %+v", res.Meta)
	}
}

// TestWeekdayIsNoByline: a weekday beside the date is part of the date line.
func TestWeekdayIsNoByline(t *testing.T) {
	for _, line := range []string{"Pazartesi | 16.11.2026 09:30", "Perşembe; Cuma • 19.11.2026", "среда, 18 ноября 2026, 18:12"} {
		res := clean.New(nil).Clean(page(block(article.ZoneBody, line)))
		if res.Meta.Byline != "" || reasonOf(res, 2) != article.ReasonDateline {
			t.Errorf("%q: byline %q, reason %q", line, res.Meta.Byline, reasonOf(res, 2))
		}
	}
}

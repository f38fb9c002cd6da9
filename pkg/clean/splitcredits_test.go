package clean_test

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// TestSplitCredits: a Russian interview in a style of its own prints a
// definition list under each photo, the role as the term and the name as
// the description: each pair is a credit, in the credit field, whatever
// zone the extractor gave it, and neither line stays in the body. After
// "Видео:" alone comes a video's title as often as its maker: that pair
// is no credit. A Turkish page's "Fotoğraf:" pair in the body is one too.
func TestSplitCredits(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	term := func(zone article.Zone, tag, s string) clean.Block {
		b := block(zone, s)
		b.Tag = tag
		return b
	}
	in := clean.Input{Source: "kuhnya", Title: "Пять кондитеров о том, как они начинали", Lang: "ru"}
	res := checkLinesRes(t, in, []line{
		{body("Мы попросили пятерых кондитеров рассказать, с чего начиналось их дело и что они посоветуют новичкам."), ""},
		{heading("Марина Белова"), ""},
		{term(article.ZoneRelated, "dt", "Фото:"), article.ReasonCredit},
		{term(article.ZoneRelated, "dd", "личный архив Марины Беловой"), article.ReasonCredit},
		{body("— Первый торт я испекла в девять лет, и он был ужасен, но родители съели его до последней крошки."), ""},
		{heading("Игорь Санин"), ""},
		{term(article.ZoneBody, "dt", "Фото:"), article.ReasonCredit},
		{term(article.ZoneBody, "dd", "Анна Рыбакова"), article.ReasonCredit},
		{body("— Я пришел в профессию поздно, после десяти лет работы инженером на заводе в Твери."), ""},
		{term(article.ZoneBody, "p", "Видео:"), ""},
		{term(article.ZoneBody, "p", "Как собрать торт за десять минут"), ""},
		{body("— Главное, что я понял за эти годы: никогда не экономьте на сливочном масле и ванили."), ""},
	})
	if want := "Фото: личный архив Марины Беловой; Фото: Анна Рыбакова"; res.Meta.Credit != want {
		t.Errorf("credit %q, want %q", res.Meta.Credit, want)
	}
	checkLines(t, "mutfak", "Ev yapımı ekmeğin püf noktaları", "tr", []line{
		{body("Ev yapımı ekmek için en önemli şey sabır: hamurun mayalanmasına yeterince zaman tanımak gerekiyor."), ""},
		{term(article.ZoneBody, "dt", "Fotoğraf:"), article.ReasonCredit},
		{term(article.ZoneBody, "dd", "Elif Yıldırım"), article.ReasonCredit},
		{body("Unu elemek, suyu ılık kullanmak ve tuzu mayadan ayrı eklemek ekmeğin kabarmasına yardım ediyor."), ""},
	})
}

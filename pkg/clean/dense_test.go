package clean_test

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// TestDenseScriptWords: Japanese and Chinese write no spaces between
// words; two characters count as one, so a sentence of theirs is as long
// as a sentence, not one word.
func TestDenseScriptWords(t *testing.T) {
	for _, tc := range []struct {
		text     string
		min, max int
	}{
		{"外務大臣は来週モスクワを訪問する。", 7, 9},
		{"会談は二時間続いた。", 4, 5},
		{"Kindle版の発売日", 4, 6},
		{"관계 개선을 위한 회담", 4, 4}, // Korean writes spaces
		{"Dışişleri Bakanı Moskova'da", 3, 3},
	} {
		t.Run(tc.text, func(t *testing.T) {
			if n := clean.CountWords(tc.text); n < tc.min || n > tc.max {
				t.Errorf("CountWords = %d, want %d to %d", n, tc.min, tc.max)
			}
		})
	}
}

// TestJapanesePage: a Japanese page in a style of its own. Its paragraphs
// are paragraphs (not one-word lines, as counting by spaces made them):
// the lead is the lead, a line of another story after the container is
// judged against it by shared character pairs, and so is a line of this
// story there.
func TestJapanesePage(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	out := func(s string) clean.Block { return block(article.ZoneUnknown, s) }
	h1 := clean.Block{Block: article.Block{Text: "外務大臣、来週モスクワを訪問へ　エネルギー協力を協議", Tag: "h1", Zone: article.ZoneHeading, Level: 1}}
	checkLines(t, "asahikawa", "外務大臣、来週モスクワを訪問へ　エネルギー協力を協議", "ja", []line{
		{h1, article.ReasonDuplicate},
		{body("外務省は二十日、外務大臣が来週ロシアの首都モスクワを訪問し、ロシアの外相と会談すると発表した。"), ""},
		{body("会談では、エネルギー協力と地域の安全保障が主な議題になる見通しだ。両国の外相会談は一年ぶりとなる。"), ""},
		{body("今後の日程"), ""}, // a sub-heading inside the container
		{body("外務大臣は会談の後、モスクワ市内で日本企業の代表とも意見を交わす予定だという。"), ""},
		{body("政府関係者は「エネルギー協力の具体的な成果を目指したい」と話している。"), ""},
		// After the container: the visit's own note, and another story.
		{out("外務大臣のモスクワ訪問は、エネルギー協力をめぐる協議が目的で、外相会談は二十七日に行われる予定だ。"), ""},
		{out("プロ野球の日本シリーズ第三戦は雨のため中止となり、翌日に順延されることが決まった。"), article.ReasonUnrelated},
	})
}

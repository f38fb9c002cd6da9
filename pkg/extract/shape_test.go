package extract

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// markComments reads a thread by its heads: a short name line and a
// stamp line, then prose. Photo captions in a language written without
// spaces are one "word" each to words(), and a caption holding a model
// number looked like a name and a stamp.
func TestMarkCommentsHeads(t *testing.T) {
	body := func(texts ...string) []article.Block {
		bs := make([]article.Block, len(texts))
		for i, s := range texts {
			bs[i] = article.Block{I: i, Text: s, Tag: "p", Zone: article.ZoneBody}
		}
		return bs
	}
	tests := []struct {
		name    string
		blocks  []article.Block
		comment []bool
	}{
		{
			name: "captions between paragraphs, no spaces",
			blocks: body(
				"どちらも片面実装タイプで、コントローラーやメモリは表面にまとまっています",
				"裏面はフラットに仕上がっています。上がSN750、下がWD BLACK 2018です",
				"以前のモデルは高負荷が続くと、激しい発熱に見舞われ、性能が低下する、という問題もあったのですが、現行モデルは、そこまで極端なことはなくなっています。",
				"ケースカバーを開けたところ。M.2スロットの形状に合わせて熱伝導シールが貼られています（左）",
				"このモデルも、実は、スロットの上部にあたるケースシャシーに、熱伝導シールが用意され、ボディー全体で放熱するように、工夫が施されています。",
			),
			comment: []bool{false, false, false, false, false},
		},
		{
			name: "a thread with short names, no spaces",
			blocks: body(
				"田中",
				"2019/02/22 14:30",
				"以前のモデルは高負荷が続くと、激しい発熱に見舞われ、性能が低下する、という問題もあったのですが、現行モデルは、そこまで極端なことはなくなっています。",
				"佐藤 2019/02/22 15:02",
				"このモデルも、実は、スロットの上部にあたるケースシャシーに、熱伝導シールが用意され、ボディー全体で放熱するように、工夫が施されています。",
			),
			comment: []bool{true, true, true, true, true},
		},
		{
			name: "a thread of name and stamp lines",
			blocks: body(
				"Андрей К",
				"15.03.2011 08:00",
				"Согласен с автором, но не во всём: тарифы на транзит вторичны.",
				"Марина",
				"15.03.2011 08:07",
				"Спасибо за разбор, особенно за часть про коммюнике и сроки.",
			),
			comment: []bool{true, true, true, true, true, true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			markComments(tt.blocks)
			for i, b := range tt.blocks {
				if got := b.Zone == article.ZoneComment; got != tt.comment[i] {
					t.Errorf("block %d %q: zone %s", i, b.Text, b.Zone)
				}
			}
		})
	}
}

func TestNameStampLabel(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Posted by: Kerem B. | 12.10.2009 10:07", true},
		{"Автор: Ольга В. — 14.03.2010 в 14:02", true},
		{"Yazan: Ayten | 12.10.2009 9:00", true},
		// a label with no clock time: a credit, not a comment's head
		{"Фото: Иван Петров Сидоров, 2010", false},
		{"Kaynak: Anadolu Ajansı Ankara Bürosu, 12.10.2009", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := nameStamp(tt.line); got != tt.want {
				t.Errorf("nameStamp(%q) = %v, want %v", tt.line, got, tt.want)
			}
		})
	}
}

package clean_test

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

// TestSourceUnderEmbed: a source line amid the text (the source of a
// video the article embeds) ends nothing when the article's running text
// goes on after it in the container, however short an agency writes its
// paragraphs; a source line with a sentence or two after it ends the
// article as before.
func TestSourceUnderEmbed(t *testing.T) {
	body := func(s string) clean.Block { return block(article.ZoneBody, s) }
	for _, tc := range []struct {
		name, title, lang string
		blocks            []clean.Block
		reasons           map[int]string // blocks dropped, by index; the rest are kept
	}{
		{
			name: "ru video source, then short paragraphs", title: "Над Онежским озером прошёл смерч", lang: "ru",
			blocks: []clean.Block{
				body("Смерч прошёл над северной частью Онежского озера в среду вечером, его сняли на видео жители нескольких прибрежных деревень."),
				body("Источник: видео читателя"),
				body("По данным спасателей, ветер повалил деревья в двух деревнях и повредил крыши нескольких сараев у самой воды."),
				body("Пострадавших нет, а электричество в посёлке Шала и в соседних деревнях восстановили к утру четверга, сообщили в районной администрации."),
				body("Синоптики говорят, что смерчи над крупными озёрами Карелии в конце лета и в начале осени случаются почти каждый год."),
				body("Жителей просят не выходить на лодках на воду до выходных, пока держится штормовое предупреждение."),
			},
			reasons: map[int]string{1: article.ReasonSourceLine},
		},
		{
			name: "tr source line ends the article", title: "Ege'de zeytin hasadı yağışla gecikti", lang: "tr",
			blocks: []clean.Block{
				body("Ege'nin zeytin bahçelerinde ekim ayı boyunca süren yağışlar, hasadın her yıl başladığı tarihten iki hafta sonraya kalmasına yol açtı."),
				body("Kaynak: AA"),
				body("Muğla'da kış turizmi için yeni bir tanıtım kampanyası başlatıldı ve otellerin doluluğu geçen yılı geçti."),
				body("Aydın'da incir ihracatı rekor kırdı."),
			},
			reasons: map[int]string{1: article.ReasonSourceLine, 2: article.ReasonUnrelated, 3: article.ReasonUnrelated},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := clean.Input{Source: "kiyi", Title: tc.title, Lang: tc.lang}
			for i, b := range tc.blocks {
				b.I, b.Lang = i, tc.lang
				in.Blocks = append(in.Blocks, b)
			}
			res := clean.New(nil).Clean(in)
			for i, b := range tc.blocks {
				if got := reasonOf(res, i); got != tc.reasons[i] {
					t.Errorf("block %d %q: reason %q, want %q", i, b.Text, got, tc.reasons[i])
				}
			}
		})
	}
}

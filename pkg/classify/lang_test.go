package classify_test

import (
	"context"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// Paragraphs written for these tests in the neighbours lingua-go has no
// model of: a page in any of them is dropped for its language, named.
const (
	tkPara  = "Türkmenistanyň daşary işler ministri Aşgabatda geçirilen duşuşykda goňşy ýurtlar bilen hyzmatdaşlygy giňeltmegiň möhümdigini belledi we ylalaşyga gol çekildi."
	uzPara  = "Oʻzbekiston tashqi ishlar vaziri Toshkentda boʻlib oʻtgan uchrashuvda qoʻshni davlatlar bilan hamkorlikni kengaytirish muhimligini taʼkidladi va qoʻshma bayonot imzolandi."
	gagPara = "Gagauziyanın başkanı Komratta geçän buluşmada komuşu devletlärlän birliktä çalışmanın önemli olduunu söledi hem yardım için şükür etti."
	kyPara  = "Кыргызстандын тышкы иштер министри Бишкекте өткөн жолугушууда коңшу өлкөлөр менен кызматташтыкты өнүктүрүү маанилүү экенин белгиледи."
	ttPara  = "Татарстан Президенты Казанда узган очрашуда күрше төбәкләр белән хезмәттәшлекне үстерүнең әһәмиятен билгеләп үтте."
	baPara  = "Башҡортостан Башлығы Өфөлә үткән осрашыуҙа күрше төбәктәр менән хеҙмәттәшлекте үҫтереүҙең мөһимлеген билдәләне."
	plPara  = "Minister spraw zagranicznych Polski powiedział w środę, że rozmowy o zawieszeniu broni będą kontynuowane w przyszłym tygodniu w Genewie, a wspólne oświadczenie zostanie wkrótce opublikowane."
	huPara  = "A magyar külügyminiszter szerdán kijelentette, hogy a tűzszünetről szóló tárgyalások jövő héten Genfben folytatódnak, és a közös nyilatkozatot hamarosan közzéteszik."
)

func TestNeighbourPagesDropped(t *testing.T) {
	c := classifier(t)
	for _, tc := range []struct {
		lang, para string
		named      bool // the drop record names the language
	}{
		{"tk", tkPara, true}, {"uz", uzPara, true}, {"gag", gagPara, true},
		{"ky", kyPara, true}, {"tt", ttPara, true}, {"ba", baPara, true},
		{"pl", plPara, false}, {"hu", huPara, false},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			p := mkPage(t, body(tc.para), body(tc.para+" "+tc.para), teaser("Bakan Çavuşoğlu Moskova'ya gitti"))
			res, err := c.Classify(context.Background(), p, now)
			if err != nil {
				t.Fatal(err)
			}
			if res.Article != nil {
				t.Fatalf("kept as %q", res.Article.Lang)
			}
			d := res.Drop
			if d.Reason != article.DropLang || d.Lang == "tr" || d.Lang == "ru" {
				t.Errorf("drop %s/%q (%s), want lang and not tr or ru", d.Reason, d.Lang, d.Detail)
			}
			if tc.named && d.Lang != tc.lang {
				t.Errorf("drop names %q, want %q", d.Lang, tc.lang)
			}
		})
	}
}

// TestBodyDecidesPageLanguage: a Russian article on a site whose furniture
// (menus, teasers, cookie notes, outside the body zone) is in English, with
// more English letters than Russian ones, is a Russian page.
func TestBodyDecidesPageLanguage(t *testing.T) {
	en := func(text string) article.Block { return article.Block{Text: text, Zone: article.ZoneUnknown} }
	blocks := []article.Block{
		en("We use cookies to improve your experience on our website. By continuing to browse the site you agree to our use of cookies and our privacy policy."),
		en("Subscribe to our newsletter to receive the most important news of the day in your inbox every morning, free of charge."),
		body(ruPara),
		body("Лавров также сообщил, что стороны обсудили подготовку к следующему раунду консультаций."),
		en("The editorial board is not responsible for the content of comments. All rights reserved. Reproduction of materials is allowed only with a link to the source."),
		en("Download our mobile application for iOS and Android to read the latest news, watch videos and listen to podcasts wherever you are."),
	}
	res, err := classifier(t).Classify(context.Background(), mkPage(t, blocks...), now)
	if err != nil {
		t.Fatal(err)
	}
	if res.Article == nil {
		t.Fatalf("dropped: %+v", res.Drop)
	}
	if res.Article.Lang != "ru" || len(res.Article.Paragraphs) != 2 {
		t.Errorf("lang %q, paragraphs %q: want ru and the two Russian paragraphs", res.Article.Lang, res.Article.Paragraphs)
	}
}

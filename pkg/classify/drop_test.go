package classify_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// mkPage builds a valid page from blocks given as zone/text pairs.
func mkPage(t testing.TB, blocks ...article.Block) *article.Page {
	t.Helper()
	for i := range blocks {
		blocks[i].I = i
		if blocks[i].Tag == "" {
			blocks[i].Tag = "p"
		}
	}
	url := "https://www.example.org/haber/" + fmt.Sprint(len(blocks))
	p := &article.Page{
		Schema: article.SchemaPage, ID: article.IDFor(url), URL: url, CanonicalURL: url,
		Source: "example", FetchedAt: now, HTTP: article.HTTP{Status: 200},
		Title: "Başlık", Blocks: blocks, ContentHash: article.HashBlocks(blocks),
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	return p
}

func body(text string) article.Block { return article.Block{Text: text, Zone: article.ZoneBody} }

func teaser(text string) article.Block {
	return article.Block{Text: text, Tag: "a", Zone: article.ZoneUnknown, LinkDensity: 1, Link: "https://www.example.org/x"}
}

const (
	trPara  = "Dışişleri Bakanı, Ankara'da düzenlenen basın toplantısında Rusya ile Libya'da ateşkes konusunda yürütülen müzakerelerin olumlu geçtiğini ve ortak bildirinin yakında açıklanacağını söyledi."
	azPara  = "Azərbaycan Respublikasının xarici işlər naziri bu gün Bakıda keçirilən mətbuat konfransında Ermənistanla sülh danışıqlarının davam etdiyini və birgə bəyanatın tezliklə imzalanacağını bildirdi."
	ukPara  = "Міністр закордонних справ України заявив на пресконференції в Києві, що переговори щодо припинення вогню триватимуть наступного тижня, а спільна заява буде оприлюднена найближчим часом."
	enPara  = "The foreign minister told reporters in Ankara that negotiations on a ceasefire in Libya had gone well and that a joint statement with Russia would be published in the coming days."
	ruQuote = "Lavrov ise basın toplantısında «Мы готовы продолжать переговоры» diyerek Rusya'nın Türkiye ile Libya konusundaki iş birliğini sürdürmeye hazır olduğunu vurguladı ve tarafların ateşkese uymasının önemine dikkat çekti."
	jaPara  = "外務省は二十日、外務大臣が来週ロシアの首都モスクワを訪問し、ロシアの外相と会談すると発表した。"
	jaPara2 = "会談では、エネルギー協力と地域の安全保障が主な議題になる見通しだ。"
	ruPara  = "Министр иностранных дел России заявил на пресс-конференции в Москве, что переговоры о прекращении огня в Ливии прошли успешно, а совместное заявление с Турцией будет опубликовано в ближайшие дни."
)

// anyLang in TestPageDrops asks for a drop by language, whichever it names
// (the detector takes some Japanese for Chinese).
const anyLang = "*"

func TestPageDrops(t *testing.T) {
	c := classifier(t)
	listing := []article.Block{{Text: "Son Dakika Haberleri", Tag: "h1", Zone: article.ZoneHeading, Level: 1}}
	for i := range 12 {
		listing = append(listing, teaser(fmt.Sprintf("Bakan Çavuşoğlu %d. tur görüşmeler için Moskova'ya gitti", i+1)))
	}
	errPage := mkPage(t, body(trPara))
	errPage.HTTP.Status = 404
	for _, tc := range []struct {
		name   string
		page   *article.Page
		reason string
		lang   string
	}{
		{"listing", mkPage(t, listing...), article.DropNotArticle, ""},
		{"error page", errPage, article.DropNotArticle, ""},
		{"no prose", mkPage(t, teaser("Anasayfa"), body("Sayfa bulunamadı")), article.DropNotArticle, ""},
		{"azerbaijani", mkPage(t, body(azPara), body(azPara+" Görüş iki saat davam edib.")), article.DropLang, "az"},
		{"ukrainian", mkPage(t, body(ukPara)), article.DropLang, "uk"},
		{"english", mkPage(t, body(enPara)), article.DropLang, "en"},
		// A Japanese story among a dozen teasers is an article (out of
		// scope by its language), not a listing: its paragraphs are prose
		// though they hold no spaces.
		{"japanese", mkPage(t, append([]article.Block{body(jaPara), body(jaPara2)}, teasers(12)...)...), article.DropLang, anyLang},
		{"nothing left", mkPage(t, article.Block{Text: trPara, Zone: article.ZoneAside}, body("KAYNAK: AA")), article.DropEmpty, "tr"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := c.Classify(context.Background(), tc.page, now)
			if err != nil {
				t.Fatal(err)
			}
			if res.Article != nil {
				t.Fatalf("kept: %q", res.Article.Body)
			}
			d := res.Drop
			if d.Reason != tc.reason || d.Lang != tc.lang && !(tc.lang == anyLang && d.Lang != "") {
				t.Errorf("drop %s/%q (%s), want %s/%q", d.Reason, d.Lang, d.Detail, tc.reason, tc.lang)
			}
			if err := d.Validate(); err != nil {
				t.Error(err)
			}
			if !d.DroppedAt.Equal(now) || d.ID != tc.page.ID || d.ContentHash != tc.page.ContentHash {
				t.Errorf("drop record %+v does not identify the page", d)
			}
		})
	}
}

func TestKept(t *testing.T) {
	c := classifier(t)
	for _, tc := range []struct {
		name     string
		page     *article.Page
		lang     string
		relevant bool
		contains string
	}{
		{"turkish diplomatic with a listing sidebar", mkPage(t, append([]article.Block{body(trPara), body(ruQuote), body(trPara + " Görüşme iki saat sürdü.")},
			teaser("Fenerbahçe deplasmanda kazandı"), teaser("Dolar güne yükselişle başladı"), teaser("Hava durumu"), teaser("Altın fiyatları"), teaser("Trafik kazası"))...), "tr", true, "«Мы готовы продолжать переговоры»"},
		{"russian diplomatic", mkPage(t, body(ruPara)), "ru", true, "Министр"},
		// Two short paragraphs (about 200 letters) among a dozen teasers:
		// the extractor's body holds the story, so it is an article.
		{"short article on a busy page", mkPage(t, append([]article.Block{
			body("Türkiye ile Azerbaycan, Ankara'da demiryolu hattının ortak işletilmesine ilişkin mutabakat imzaladı."),
			body("Bakanlar, hattın gelecek yıl yük taşımacılığına açılacağını ve yolculuğun kısalacağını söyledi."),
			body("İki ülkenin dışişleri bakanları imza töreninin ardından ortak basın toplantısı düzenledi.")},
			teasers(12)...)...), "tr", true, "mutabakat"},
		{"turkish not diplomatic", mkPage(t, body("Fenerbahçe, ligin 18. haftasında deplasmanda karşılaştığı rakibini 3-1 mağlup etti ve zirve yarışında kritik bir galibiyet aldı. Teknik direktör maçtan sonra oyuncularını tebrik etti.")), "tr", false, "Fenerbahçe"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := c.Classify(context.Background(), tc.page, now)
			if err != nil {
				t.Fatal(err)
			}
			a := res.Article
			if a == nil {
				t.Fatalf("dropped: %+v", res.Drop)
			}
			if a.Lang != tc.lang || a.Relevance.Relevant != tc.relevant {
				t.Errorf("lang %q relevant %v (score %v, %q), want %q %v", a.Lang, a.Relevance.Relevant, a.Relevance.Score, a.Relevance.Terms, tc.lang, tc.relevant)
			}
			if err := a.Validate(); err != nil {
				t.Error(err)
			}
			if !strings.Contains(a.Body, tc.contains) {
				t.Errorf("body lacks %q (a Turkish paragraph quoting Russian stays Turkish): %q", tc.contains, a.Body)
			}
			if a.URL != tc.page.CanonicalURL || !a.ClassifiedAt.Equal(now) || !a.FetchedAt.Equal(tc.page.FetchedAt) {
				t.Errorf("article does not carry the page's identity: %+v", a)
			}
		})
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := classifier(t).Classify(ctx, mkPage(t, body(trPara)), now); err == nil {
		t.Error("no error from a cancelled context")
	}
}

func TestConcurrent(t *testing.T) {
	c := classifier(t)
	pages := []*article.Page{readPage(t, "seed000.page.json"), readPage(t, "seed002.page.json"), mkPage(t, body(ruPara))}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := pages[g%len(pages)]
			res, err := c.Classify(context.Background(), p, now)
			if err != nil || res.Article == nil || !strings.Contains(res.Article.Body, " ") {
				errs <- fmt.Sprintf("page %s: %v %+v", p.ID, err, res.Drop)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func teasers(n int) []article.Block {
	var bs []article.Block
	for i := range n {
		bs = append(bs, teaser(fmt.Sprintf("Günün öne çıkan haberi numara %d burada", i+1)))
	}
	return bs
}

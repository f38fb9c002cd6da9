package clean_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/clean"
)

const title = "Türkiye ve Rusya Libya için masadaydı"

var lead = []string{
	"Türkiye ve Rusya, Libya’da kalıcı ve sürdürülebilir bir ateşkes için şartların oluşturulması amacıyla ortak çabaları sürdürme kararı aldı.",
	"Dışişleri Bakanlığı, yüksek düzeyli istişarelerin ayrıntılarını açıkladı ve heyetlerin BM kolaylaştırıcılığında siyasi bir süreci desteklediğini bildirdi.",
}

// page is the lead as body blocks, then extra, in order; tr unless Lang says.
func page(extra ...clean.Block) clean.Input {
	in := clean.Input{Source: "trthaber", Title: title, Lang: "tr"}
	for _, p := range lead {
		in.Blocks = append(in.Blocks, clean.Block{Block: article.Block{Text: p, Tag: "p", Zone: article.ZoneBody}, Lang: "tr", Own: true})
	}
	in.Blocks = append(in.Blocks, extra...)
	for i := range in.Blocks {
		in.Blocks[i].I = i
		if in.Blocks[i].Lang == "" {
			in.Blocks[i].Lang = "tr"
		}
	}
	return in
}

func block(zone article.Zone, text string) clean.Block {
	return clean.Block{Block: article.Block{Text: text, Tag: "p", Zone: zone}, Own: len(text) > 20}
}

func withLD(b clean.Block, ld float64, link string) clean.Block {
	b.LinkDensity, b.Link = ld, link
	return b
}

func inLang(b clean.Block, lang string) clean.Block {
	b.Lang, b.Own = lang, true
	return b
}

func heading(text string) clean.Block {
	return clean.Block{Block: article.Block{Text: text, Tag: "h2", Zone: article.ZoneHeading, Level: 2}}
}

// TestSignals checks each signal on its own: the last block of each page
// must get the reason ("" = kept).
func TestSignals(t *testing.T) {
	body := "Toplantıda iki ülke, Libya’daki tarafları ateşkese uymaya çağırdı ve Moskova’da yeni bir tur görüşme yapılmasını kararlaştırdı."
	for _, tc := range []struct {
		name   string
		blocks []clean.Block
		reason string
	}{
		{"body paragraph is kept", []clean.Block{block(article.ZoneBody, body)}, ""},
		{"aside zone", []clean.Block{block(article.ZoneAside, body)}, article.ReasonSidebar},
		{"related zone", []clean.Block{block(article.ZoneRelated, body)}, article.ReasonRelated},
		{"nav zone", []clean.Block{block(article.ZoneNav, "Gündem Dünya Ekonomi Spor")}, article.ReasonNav},
		{"footer zone", []clean.Block{block(article.ZoneFooter, "Künye İletişim Gizlilik")}, article.ReasonBoilerplate},
		{"copyright", []clean.Block{block(article.ZoneBody, "© 2020 TRT Haber. Tüm hakları saklıdır.")}, article.ReasonBoilerplate},
		{"read-also header", []clean.Block{block(article.ZoneUnknown, "İlgili Haberler")}, article.ReasonRelated},
		{"teaser link", []clean.Block{withLD(block(article.ZoneBody, "Bakan Çavuşoğlu Moskova’da"), 1, "https://example.org/x")}, article.ReasonRelated},
		{"link list", []clean.Block{withLD(block(article.ZoneBody, "Gündem, Dünya, Ekonomi, Spor, Sağlık, Teknoloji, Kültür Sanat, Yaşam."), 0.9, "")}, article.ReasonNav},
		{"credit caption", []clean.Block{block(article.ZoneCaption, "Foto: AA")}, article.ReasonCredit},
		{"credit in body", []clean.Block{block(article.ZoneBody, "Kamera: Güven USTA")}, article.ReasonCredit},
		{"photo caption", []clean.Block{block(article.ZoneCaption, "Bakan Çavuşoğlu ve Lavrov basın toplantısında.")}, article.ReasonBoilerplate},
		{"source line", []clean.Block{block(article.ZoneBody, "KAYNAK:TRT HABER")}, article.ReasonSourceLine},
		{"body after the source line", []clean.Block{block(article.ZoneBody, "Kaynak: AA"), block(article.ZoneBody, body)}, article.ReasonRelated},
		{"teaser after the source line", []clean.Block{block(article.ZoneBody, "Kaynak: AA"), block(article.ZoneUnknown, "Fenerbahçe deplasmanda rakibini üç golle geçti")}, article.ReasonUnrelated},
		{"other language", []clean.Block{inLang(block(article.ZoneBody, "Министр иностранных дел России заявил, что переговоры продолжатся."), "ru")}, article.ReasonOtherLanguage},
		{"short foreign block inherits", []clean.Block{{Block: article.Block{Text: "Türkiye, Rusya, Libya.", Zone: article.ZoneBody}, Lang: "tr"}}, ""},
		{"duplicate", []clean.Block{block(article.ZoneBody, body), block(article.ZoneBody, " "+strings.ToUpper(body[:1])+body[1:]+" ")}, article.ReasonDuplicate},
		{"title repeated as h1", []clean.Block{{Block: article.Block{Text: title, Tag: "h1", Zone: article.ZoneHeading, Level: 1}}}, article.ReasonDuplicate},
		{"related heading is kept", []clean.Block{heading("Ortak çabalar sürdürülecek")}, ""},
		{"heading relates to the next paragraph", []clean.Block{heading("Moskova’da yeni tur"), block(article.ZoneBody, body), block(article.ZoneBody, "Bu, taraflar için önemli bir adım olarak görülüyor ve yakından izleniyor.")}, ""},
		{"unrelated teaser", []clean.Block{block(article.ZoneUnknown, "Fenerbahçe deplasmanda rakibini üç golle geçti")}, article.ReasonUnrelated},
		{"unrelated short line outside the container", []clean.Block{block(article.ZoneUnknown, "Hava durumu yarın yağmurlu")}, article.ReasonUnrelated},
		{"short line inside the container is kept", []clean.Block{block(article.ZoneBody, "Hava durumu yarın yağmurlu")}, ""},
		{"dateline block", []clean.Block{block(article.ZoneUnknown, "İSTANBUL (DHA)")}, article.ReasonDateline},
		{"empty block", []clean.Block{block(article.ZoneBody, "  ")}, article.ReasonBoilerplate},
		{"date line", []clean.Block{block(article.ZoneUnknown, "6 ноября 2026, 23:55")}, article.ReasonDateline},
		{"labelled date line", []clean.Block{block(article.ZoneBody, "Giriş: 10 Kasım 2026 14:00")}, article.ReasonDateline},
		{"byline and dates", []clean.Block{block(article.ZoneBody, "Zeynep Öztürk | 21.10.2026 17:45 Güncelleme: 21.10.2026 17:45")}, article.ReasonCredit},
		{"caps subheading relates to the next paragraph", []clean.Block{block(article.ZoneBody, "MOSKOVA'DA YENİ TUR GÖRÜŞME"), block(article.ZoneBody, body), block(article.ZoneBody, "Bu, taraflar için önemli bir adım olarak görülüyor ve yakından izleniyor.")}, ""},
		{"unrelated caps line outside the container", []clean.Block{block(article.ZoneUnknown, "SÜPER LİG'DE HAFTANIN HAKEMLERİ")}, article.ReasonUnrelated},
		{"caps line inside the container is kept", []clean.Block{block(article.ZoneBody, "SÜPER LİG'DE HAFTANIN HAKEMLERİ")}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := page(tc.blocks...)
			last := len(in.Blocks) - 1
			res := clean.New(nil).Clean(in)
			got := reasonOf(res, last)
			if strings.Contains(tc.name, "relates to the next paragraph") {
				got = reasonOf(res, 2)
			}
			if got != tc.reason {
				t.Errorf("reason %q, want %q (dropped: %+v)", got, tc.reason, res.Dropped)
			}
			for _, i := range []int{0, 1} {
				if r := reasonOf(res, i); r != "" {
					t.Errorf("lead block %d dropped as %q", i, r)
				}
			}
		})
	}
}

// reasonOf is the reason block i was dropped, "" when it was kept.
func reasonOf(res clean.Result, i int) string {
	for _, p := range res.Paragraphs {
		if p.I == i {
			return ""
		}
	}
	for _, d := range res.Dropped {
		if d.I == i {
			return d.Reason
		}
	}
	return "(neither kept nor dropped)"
}

func TestDatelineBlockBeforeLead(t *testing.T) {
	in := page()
	in.Blocks = append([]clean.Block{block(article.ZoneBody, "ANKARA (AA) -")}, in.Blocks...)
	for i := range in.Blocks {
		in.Blocks[i].I = i
	}
	res := clean.New(nil).Clean(in)
	if r := reasonOf(res, 0); r != article.ReasonDateline {
		t.Errorf("reason %q, want dateline", r)
	}
	if res.Meta.Dateline != "ANKARA" || res.Meta.Attribution != "AA" {
		t.Errorf("meta %+v", res.Meta)
	}
}

// TestMemoryAcrossPages cleans three pages of one source that share a
// promo box: the first two keep it (the text alone does not give it away),
// the third drops it as the source's furniture.
func TestMemoryAcrossPages(t *testing.T) {
	promo := "Günün öne çıkan haberlerini e-posta kutunuza gönderelim, hemen kaydolun ve takipte kalın."
	mem := clean.NewSourceMemory(clean.MemoryConfig{})
	c := clean.New(mem)
	for n, want := range []string{"", "", article.ReasonBoilerplate, article.ReasonBoilerplate} {
		in := page(block(article.ZoneBody, promo))
		in.Page = fmt.Sprintf("page-%d", n)
		o := mem.Observation(in.Source, in.Page, 0, pageBlocks(in))
		o.Story = uint64(n) // each page another story beside the same promo
		mem.Observe(o, 0)
		if r := reasonOf(c.Clean(in), 2); r != want {
			t.Errorf("page %d: reason %q, want %q", n, r, want)
		}
	}
	// Another source has its own memory.
	in := page(block(article.ZoneBody, promo))
	in.Source, in.Page = "other", "page-0"
	mem.Observe(mem.Observation(in.Source, in.Page, 0, pageBlocks(in)), 0)
	if r := reasonOf(c.Clean(in), 2); r != "" {
		t.Errorf("other source: reason %q, want kept", r)
	}
}

// An author credit that recurs beside many stories is furniture to the
// memory, but its name is still the article's metadata.
func TestMemoryKeepsCreditMeta(t *testing.T) {
	credit := "Автор: Ирина Соколова"
	mem := clean.NewSourceMemory(clean.MemoryConfig{})
	c := clean.New(mem)
	var res clean.Result
	for n := range 4 {
		in := page(block(article.ZoneBody, credit))
		in.Page = fmt.Sprintf("page-%d", n)
		o := mem.Observation(in.Source, in.Page, 0, pageBlocks(in))
		o.Story = uint64(n)
		mem.Observe(o, 0)
		res = c.Clean(in)
	}
	if r := reasonOf(res, 2); r != article.ReasonCredit {
		t.Errorf("credit line after the memory learned it: reason %q, want %q", r, article.ReasonCredit)
	}
	if !strings.Contains(res.Meta.Credit+res.Meta.Byline, "Ирина Соколова") {
		t.Errorf("meta credit %q, byline %q: the author is lost", res.Meta.Credit, res.Meta.Byline)
	}
}

func pageBlocks(in clean.Input) []article.Block {
	var out []article.Block
	for _, b := range in.Blocks {
		out = append(out, b.Block)
	}
	return out
}

// TestLeadAfterStandfirst: a standfirst outside the body zone comes before
// the lead, and the lead's dateline with an agency no list knows is still
// cut off and moved to the metadata.
func TestLeadAfterStandfirst(t *testing.T) {
	in := clean.Input{Source: "vestnik", Page: "p1", Title: "Вице-премьеры обсудили разблокирование коммуникаций", Lang: "ru", Blocks: []clean.Block{
		{Block: article.Block{I: 0, Text: "Трехсторонняя рабочая группа согласовала порядок пограничного и таможенного контроля на железной дороге.", Zone: article.ZoneUnknown}, Lang: "ru", Own: true},
		{Block: article.Block{I: 1, Text: "МОСКВА, 19 ноября. /Вестник/. Трехсторонняя рабочая группа на уровне вице-премьеров провела в Москве очередное заседание.", Zone: article.ZoneBody}, Lang: "ru", Own: true},
		{Block: article.Block{I: 2, Text: "Автор: Анна Кузнецова", Zone: article.ZoneUnknown}, Lang: "ru"},
	}}
	res := clean.New(nil).Clean(in)
	if len(res.Paragraphs) != 2 || !strings.HasPrefix(res.Paragraphs[1].Text, "Трехсторонняя") {
		t.Fatalf("paragraphs %+v", res.Paragraphs)
	}
	want := clean.Meta{Dateline: "МОСКВА, 19 ноября.", Attribution: "Вестник", Credit: "Автор: Анна Кузнецова"}
	if res.Meta != want {
		t.Errorf("meta %+v, want %+v", res.Meta, want)
	}
}

func TestBylineMeta(t *testing.T) {
	res := clean.New(nil).Clean(page(block(article.ZoneBody, "Zeynep Öztürk | 21.10.2026 17:45")))
	if res.Meta.Byline != "Zeynep Öztürk" || res.Meta.Date != "21.10.2026 17:45" {
		t.Errorf("meta %+v", res.Meta)
	}
}

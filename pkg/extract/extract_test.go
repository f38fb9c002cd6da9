package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wiredesk/wiredesk/internal/golden"
	"github.com/wiredesk/wiredesk/internal/zyte"
	"github.com/wiredesk/wiredesk/pkg/article"
)

var update = flag.Bool("update", false, "rewrite golden files")

// pageURL is where every test page pretends to come from.
func pageURL(tb testing.TB, name string) *url.URL {
	tb.Helper()
	u, err := url.Parse("https://www.example.com/haber/" + strings.TrimSuffix(name, ".html"))
	if err != nil {
		tb.Fatal(err)
	}
	return u
}

// rulesFor reads testdata/<page>.rules.json when it exists.
func rulesFor(tb testing.TB, page string) *Rules {
	tb.Helper()
	data, err := os.ReadFile(strings.TrimSuffix(page, ".html") + ".rules.json")
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		tb.Fatal(err)
	}
	var r Rules
	if err := json.Unmarshal(data, &r); err != nil {
		tb.Fatal(err)
	}
	return &r
}

func pages(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no test pages: %v", err)
	}
	return files
}

// treeDocs returns the golden pages and the Zyte pages as text: the
// markup the tests that compare two parses' trees run over, besides their
// own snippets.
func treeDocs(tb testing.TB) []string {
	tb.Helper()
	var docs []string
	for _, p := range pages(tb) {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, string(data))
	}
	zp, err := zyte.Load(filepath.Join("..", "..", "bench", "zyte"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range zp {
		docs = append(docs, string(p.HTML))
	}
	return docs
}

func indent(tb testing.TB, v any) []byte {
	tb.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, page := range pages(t) {
		name := filepath.Base(page)
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(page)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			res, err := Extract(f, pageURL(t, name), rulesFor(t, page))
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, res)
			got := indent(t, res)
			golden.Check(t, strings.TrimSuffix(page, ".html")+".golden.json", got, *update)
		})
	}
}

// checkInvariants holds for every page, however broken.
func checkInvariants(tb testing.TB, res *Result) {
	tb.Helper()
	for _, s := range []string{res.CanonicalURL, res.Title, res.Byline, res.Dateline, res.LangHint} {
		if !utf8.ValidString(s) {
			tb.Errorf("invalid UTF-8 in metadata %q", s)
		}
	}
	if res.Dateline != "" {
		found := false
		for _, b := range res.Blocks {
			if strings.HasPrefix(b.Text, res.Dateline) {
				found = true
				break
			}
		}
		if !found {
			tb.Errorf("dateline %q opens no block", res.Dateline)
		}
	}
	for i, b := range res.Blocks {
		switch {
		case b.I != i:
			tb.Errorf("block %d has I = %d", i, b.I)
		case !utf8.ValidString(b.Text):
			tb.Errorf("block %d: invalid UTF-8", i)
		case strings.TrimSpace(b.Text) != b.Text || b.Text == "" || strings.Contains(b.Text, "  "):
			tb.Errorf("block %d: whitespace not collapsed: %q", i, b.Text)
		case b.LinkDensity < 0 || b.LinkDensity > 1:
			tb.Errorf("block %d: link density %v", i, b.LinkDensity)
		case !b.Zone.Valid():
			tb.Errorf("block %d: zone %q", i, b.Zone)
		}
	}
}

// The goldens are reviewed by eye; these checks pin the judgements that
// matter most, so that a golden rewrite cannot silently lose them.
func TestGoldenZones(t *testing.T) {
	tests := []struct {
		page string
		text string // a block starting with this
		zone article.Zone
	}{
		{"tr_dha_semantic.html", "İSTANBUL (DHA) –", article.ZoneBody},
		{"tr_dha_semantic.html", "İlgili Haberler", article.ZoneRelated},
		{"tr_dha_semantic.html", "Erdoğan ve Putin TürkAkım", article.ZoneRelated},
		{"tr_dha_semantic.html", "Ayrıca okuyun:", article.ZoneRelated},
		{"tr_dha_semantic.html", "«Единая Россия» организует", article.ZoneRelated},
		{"tr_dha_semantic.html", "Çavuşoğlu ve Lavrov, Haliç", article.ZoneCaption},
		{"tr_dha_semantic.html", "Gündem", article.ZoneNav},
		{"tr_dha_semantic.html", "Libya Rusya Lavrov", article.ZoneNav},
		{"tr_dha_semantic.html", "© 2020", article.ZoneFooter},
		{"tr_dha_semantic.html", "Çavuşoğlu ve Lavrov'dan", article.ZoneHeading},
		{"tr_trt_divsoup.html", "Türkiye ve Rusya, Libya için masadaydı", article.ZoneBody},
		{"tr_trt_divsoup.html", "Toplantıda, ülkede", article.ZoneBody},
		{"tr_trt_divsoup.html", "Ortak çabalar sürdürülecek", article.ZoneBody},
		{"tr_trt_divsoup.html", "«Единая Россия» внесла", article.ZoneRelated},
		{"ru_tass.html", "МОСКВА, 8 января. /ТАСС/.", article.ZoneBody},
		{"ru_tass.html", "Читайте также", article.ZoneRelated},
		{"ru_tass.html", "Эрдоган заявил о начале", article.ZoneRelated},
		{"ru_tass.html", "\"Главы государств", article.ZoneBody},
		{"ru_tass.html", "По теме", article.ZoneRelated},
		{"ru_tass.html", "14:05 Türkiye'de enflasyon", article.ZoneAside},
		{"ru_ria_divsoup.html", "МОСКВА, 12 янв — РИА Новости.", article.ZoneBody},
		{"ru_ria_divsoup.html", "Читайте также: Хафтар", article.ZoneRelated},
		{"ru_ria_divsoup.html", "Фото: РИА Новости", article.ZoneCaption},
		{"ru_ria_divsoup.html", "Давно пора", article.ZoneComment},
		{"tr_aa_microdata.html", "ANKARA (AA) -", article.ZoneBody},
		{"tr_aa_microdata.html", "Bunlar da ilginizi", article.ZoneRelated},
		{"tr_aa_microdata.html", "Libya'da ateşkes yürürlüğe", article.ZoneRelated},
		{"tr_aa_microdata.html", "İki bakan", article.ZoneBody},
		{"tr_aa_microdata.html", "Milli takımın", article.ZoneRelated},
		{"tr_no_container.html", "Aradığınız sayfa kaldırılmış", article.ZoneUnknown},
		// A two-sentence post under a headline in a band of its own,
		// far from it in the tree: the first prose under it.
		{"ru_brief_far_headline.html", "Лёд у городской", article.ZoneBody},
		// The same with a stamp line between them: a line, not a sentence.
		{"ru_brief_stamp_line.html", "Ночью в посёлке", article.ZoneBody},
		// A blog post named as one after a classless "about me" box of a
		// little more prose: the post, not the box.
		{"tr_post_after_about.html", "Kestaneleri önce", article.ZoneBody},
		{"tr_post_after_about.html", "Merhaba, ben Nermin", article.ZoneUnknown},
		// A blog's name in the h1, a longer blurb under it, then the post
		// whose h3 names the title: the post.
		{"ru_blog_titled_post.html", "Старые ветки", article.ZoneBody},
		{"ru_blog_titled_post.html", "Этот дневник", article.ZoneUnknown},
		// A blog's brief: two short sentences in the post's box under
		// its linked h3 that names the title, the blog's name in the h1
		// and its motto between: the box, short as it is.
		{"tr_blog_brief_post.html", "Bu sabah saksıdaki", article.ZoneBody},
		{"tr_blog_brief_post.html", "Kasımda diktiğim", article.ZoneBody},
		{"tr_blog_brief_post.html", "Sevim Emekli", article.ZoneAside},
		// A series notice of more prose between the headline and the
		// post's short box named "entry": the post.
		{"ru_post_after_notice.html", "Башню построили", article.ZoneBody},
		{"ru_post_after_notice.html", "Сейчас в ней склад", article.ZoneBody},
		{"ru_post_after_notice.html", "Это шестая заметка", article.ZoneUnknown},
		{"ru_izvestia_visible.html", "Смотрите также:", article.ZoneRelated},
		{"ru_izvestia_visible.html", "По теме переговоров", article.ZoneBody},
		{"ru_izvestia_visible.html", "Фото: ИЗВЕСТИЯ", article.ZoneCaption},
		{"ru_izvestia_visible.html", "Курс доллара", article.ZoneRelated},
		{"tr_table_layout.html", "Cumhurbaşkanı Recep", article.ZoneBody},
		{"tr_table_layout.html", "Ayrıca Bakınız:", article.ZoneRelated},
		{"tr_table_layout.html", "Altın fiyatları", article.ZoneAside},
		{"tr_article_cards.html", "MOSKOVA (AA) –", article.ZoneBody},
		{"tr_article_cards.html", "NATO zirvesinin", article.ZoneRelated},
		{"tr_article_cards.html", "Umarım bu sefer", article.ZoneComment},
		{"tr_article_cards.html", "Almanya Dışişleri", article.ZoneUnknown},
		{"tr_rules_sputnik.html", "Lavrov, Moskova'da", article.ZoneBody},
		{"tr_rules_sputnik.html", "Rusya Dışişleri Bakanı Sergey", article.ZoneBody},
		{"tr_rules_sputnik.html", "Hafter, Moskova'dan", article.ZoneNav},
		{"tr_rules_sputnik.html", "Lavrov: Libya'da", article.ZoneHeading},
		// The body's own container is named like page tools ("search",
		// "comment", "menu"); its prose is the article all the same.
		{"ru_search_mark_body.html", "Министр иностранных дел России", article.ZoneBody},
		{"ru_search_mark_body.html", "Фидан заявил", article.ZoneBody},
		{"ru_search_mark_body.html", "6 мая 2026", article.ZoneHeader},
		// A two-paragraph story on a portal page, among teaser lists with
		// no telling class names.
		{"tr_portal_short.html", "Türkiye ile Azerbaycan", article.ZoneBody},
		{"tr_portal_short.html", "Ulaştırma bakanları", article.ZoneBody},
		{"tr_portal_short.html", "Bakü'deki zirvede", article.ZoneRelated},
		{"tr_portal_short.html", "Yerli haberleşme uydusu", article.ZoneRelated},
		{"tr_portal_short.html", "Altın fiyatları güne", article.ZoneRelated},
		{"tr_portal_short.html", "11 Mart 2026", article.ZoneHeader},
		// A title the page never closes ends at its line, not at the
		// end of the page: the article is still there.
		{"tr_title_unclosed.html", "ANKARA - Türkiye ile", article.ZoneBody},
		{"tr_title_unclosed.html", "Anlaşma, transit", article.ZoneBody},
		// An old ad tag's noembed fallback is markup, never shown: no text.
		{"ru_noembed_noticker.html", "Документ подписали", article.ZoneBody},
		{"ru_noembed_noticker.html", "Турецкая сторона", article.ZoneBody},
		// A table of readers' comments by their shape (name and date
		// rows, text rows) below a story in a table like it: no section.
		{"ru_table_thread_rows.html", "В субботу у деревни", article.ZoneBody},
		{"ru_table_thread_rows.html", "Глава поселения сказал", article.ZoneBody},
		{"ru_table_thread_rows.html", "Наконец-то дождались!", article.ZoneUnknown},
		{"ru_table_thread_rows.html", "Ездил в среду", article.ZoneUnknown},
		// The same thread, longer than a two-paragraph story, outscores
		// it: the story before the thread is the article all the same.
		// A sign-up dialog's terms after the page's footer, hidden by a
		// stylesheet the page links, outscore a three-paragraph story:
		// the container the headline opens is the article.
		{"tr_live_posts.html", "Valilik, akşam", article.ZoneBody},
		{"tr_live_posts.html", "AFAD ekipleri", article.ZoneBody},
		{"tr_live_posts.html", "Sabahtan beri süren", article.ZoneBody},
		{"ru_scroll_next_story.html", "Движение по мосту", article.ZoneBody},
		{"ru_scroll_next_story.html", "Автобусы трёх", article.ZoneBody},
		{"ru_scroll_next_story.html", "Сельхозпредприятия области", article.ZoneUnknown},
		{"tr_terms_dialog.html", "Bölge çay kooperatifi", article.ZoneBody},
		{"tr_terms_dialog.html", "Üreticiler ise avansın", article.ZoneBody},
		{"tr_terms_dialog.html", "Bu siteye üye olan", article.ZoneUnknown},
		// The story's text in like blocks a comment widget hooks onto
		// ("js-comments-target"), cut by an ad: the half that holds half
		// the story gave way, and so does the rest of the run.
		{"ru_comment_hook_text.html", "В субботу в Костроме", article.ZoneBody},
		{"ru_comment_hook_text.html", "Музей разместился", article.ZoneBody},
		{"ru_comment_hook_text.html", "Вход для детей", article.ZoneBody},
		// Three such parts, none half the story: the words zoned the
		// whole container away, and give way.
		{"tr_comment_hook_parts.html", "Sıcak geçen yaz", article.ZoneBody},
		{"tr_comment_hook_parts.html", "Hasada gelen mevsimlik", article.ZoneBody},
		// An old table layout's catalogue, one small table per entry
		// with a row of links: no cell holds an article's worth, the
		// table of them does.
		{"ru_table_catalogue.html", "Обзорная экскурсия по Крому", article.ZoneBody},
		{"ru_table_catalogue.html", "Прогулка по правому берегу", article.ZoneBody},
		{"ru_table_catalogue.html", "Главная Экскурсии", article.ZoneUnknown},
		{"tr_thread_outscores.html", "Belediye meclisi, sahil", article.ZoneBody},
		{"tr_thread_outscores.html", "Çalışmaların eylülde", article.ZoneBody},
		{"tr_thread_outscores.html", "Çok güzel bir haber", article.ZoneUnknown},
		{"tr_thread_outscores.html", "Liman tarafında tır", article.ZoneUnknown},
		// Comments signed after their text, the head behind a label
		// ("Yazan: Kerem B. | 12.10.2009 10:07"): the first comment,
		// before any head, is no part of the story either.
		{"tr_signed_after.html", "Açıklamaya göre onarım", article.ZoneBody},
		{"tr_signed_after.html", "Bu köprüyü çocukluğumdan", article.ZoneUnknown},
		{"tr_signed_after.html", "Yazan: Kerem B.", article.ZoneComment},
		// A hand-written page whose text sits in <body> itself, with no
		// element of its own: only inline tags and line breaks.
		{"ru_body_text_only.html", "Водяную мельницу у села", article.ZoneBody},
		{"ru_body_text_only.html", "Прошлой осенью группа", article.ZoneBody},
		{"ru_body_text_only.html", "На главную страницу", article.ZoneNav},
		// A two-sentence brief under a bold headline, no h1 on the page:
		// the line <title> writes stands for it.
		{"tr_brief_no_h1.html", "Kuvvetli lodos nedeniyle", article.ZoneBody},
		{"tr_brief_no_h1.html", "Seferlerin öğleden sonra", article.ZoneBody},
		// Paragraphs an old editor set in h3 for their size are body;
		// a short h3 between them is still a subheading.
		{"ru_heading_paragraphs.html", "Клуб «Родник» объединяет", article.ZoneBody},
		{"ru_heading_paragraphs.html", "Вступить в клуб", article.ZoneBody},
		{"ru_heading_paragraphs.html", "Ближайшие встречи", article.ZoneHeading},
		// A long text cut into sibling tables, one per section: all of it.
		{"tr_sections_tables.html", "Moskova Büyükelçisi", article.ZoneBody},
		{"tr_sections_tables.html", "Söyleşinin ikinci bölümünde", article.ZoneBody},
		{"tr_sections_tables.html", "Büyükelçi, söyleşinin sonunda", article.ZoneBody},
		{"tr_sections_tables.html", "Künye", article.ZoneFooter},
		// The first paragraphs set apart from the body, a photo and a box
		// of links between: the lead is body, the byline and links not.
		{"ru_lead_apart.html", "Министры энергетики России", article.ZoneBody},
		{"ru_lead_apart.html", "Встреча продолжалась", article.ZoneBody},
		{"ru_lead_apart.html", "Анна Петрова", article.ZoneHeader},
		{"ru_lead_apart.html", "Тарифы на газ", article.ZoneUnknown},
		{"ru_lead_apart.html", "По словам российского", article.ZoneBody},
		// A brief of one sentence under its headline is an article; the
		// blurb in the column beside it is not.
		{"tr_brief_short.html", "Dışişleri Bakanı, Azerbaycan'daki", article.ZoneBody},
		{"tr_brief_short.html", "Gazetemizin mobil", article.ZoneUnknown},
		// Every paragraph in a wrapper named for its ad slot: the run of
		// them is the article; the ad box after it is not.
		{"ru_sections_ad.html", "Представители туристических", article.ZoneBody},
		{"ru_sections_ad.html", "Следующая встреча", article.ZoneBody},
		{"ru_sections_ad.html", "Скидки на отели", article.ZoneAside},
		// A story cut into modules named like widgets, each with its own
		// generated id, teasers and an ad between them: every text module
		// is the article, the teasers and the ad are not.
		{"ru_widget_modules.html", "Министерства сельского хозяйства", article.ZoneBody},
		{"ru_widget_modules.html", "Окончательное решение по контрактам", article.ZoneBody},
		{"ru_widget_modules.html", "Следующий раунд консультаций", article.ZoneBody},
		{"ru_widget_modules.html", "Цены на пшеницу упали", article.ZoneRelated},
		{"ru_widget_modules.html", "Реклама", article.ZoneAside},
		{"ru_widget_modules.html", "Давно пора договориться", article.ZoneComment},
		// The article's sections each sit in a grid the template names
		// "sidebar": its text wrappers carry the word too, and their
		// prose is the article; the ad column beside it is not.
		{"tr_sidebar_grid.html", "İSTANBUL - Karadeniz'e", article.ZoneBody},
		{"tr_sidebar_grid.html", "Açıklamaya göre ilk tatbikat", article.ZoneBody},
		{"tr_sidebar_grid.html", "Bir sonraki toplantının", article.ZoneBody},
		{"tr_sidebar_grid.html", "Reklam", article.ZoneAside},
		// The story's container carries a comment word, the thread after
		// it none, and each comment's name and time share one line: the
		// story is body, the thread comments by its shape.
		{"ru_comments_anchor_story.html", "Россия, Азербайджан и Казахстан", article.ZoneBody},
		{"ru_comments_anchor_story.html", "Следующая встреча транспортных", article.ZoneBody},
		{"ru_comments_anchor_story.html", "Пётр_М 14.05.2026 10:02", article.ZoneComment},
		// Short lines inside the article that link off the site (a
		// blogger's account, a writer's mail address) or a sentence with
		// a link after a teaser pair are the article's; a same-site
		// "see also" line and the linked headlines stay related.
		{"ru_inline_accounts.html", "Аккаунт: @mert_arslan", article.ZoneBody},
		{"ru_inline_accounts.html", "Аккаунт: @olga_vereshchagina", article.ZoneBody},
		{"ru_inline_accounts.html", "Программа обменов, о которой", article.ZoneBody},
		{"ru_inline_accounts.html", "Анна Полозова, редакция", article.ZoneBody},
		{"ru_inline_accounts.html", "https://recipes.example.net/arslan", article.ZoneBody},
		{"ru_inline_accounts.html", "https://t.example.net/8f2k1", article.ZoneNav},
		{"ru_inline_accounts.html", "Визит министра: что", article.ZoneRelated},
		{"ru_inline_accounts.html", "Год культуры: программа", article.ZoneRelated},
		{"ru_inline_accounts.html", "СМОТРИТЕ ТАКЖЕ: рецепты", article.ZoneRelated},
		// A table layout: the story's text in its cell, br-separated,
		// with a classless table of readers' comments below it in the
		// same cell, longer than the story: the story is the body, the
		// thread comments, the comment form's label furniture.
		{"tr_table_comments.html", "Türkiye ile Rusya arasındaki", article.ZoneBody},
		{"tr_table_comments.html", "Sanayiciler ise belirsizliğin", article.ZoneBody},
		{"tr_table_comments.html", "Hasan Yılmaz - 12.04.2009", article.ZoneComment},
		{"tr_table_comments.html", "Bu görüşmeler yıllardır", article.ZoneComment},
		{"tr_table_comments.html", "Her yıl aynı haber", article.ZoneComment},
		{"tr_table_comments.html", "Adınız:", article.ZoneNav},
		// An old blog post with a long thread of long comments, each
		// in its own item: the post is the body, only the thread comment.
		{"ru_blog_thread_long.html", "Третий раунд консультаций", article.ZoneBody},
		{"ru_blog_thread_long.html", "Следующая встреча назначена", article.ZoneBody},
		{"ru_blog_thread_long.html", "Спасибо за разбор", article.ZoneComment},
		{"ru_blog_thread_long.html", "Ирина, согласен", article.ZoneComment},
		{"ru_blog_thread_long.html", "Как человек, который живёт", article.ZoneComment},
		// The template's prompts amid the story, named by their class
		// words: a video player's title and fallback line, a tooltip, a
		// sign-up box, the author's biography, a web push offer, a
		// "saved" toast, a job board, an outdated-browser warning. The
		// paragraphs around them stay the article's.
		{"tr_template_prompts.html", "Trabzon ve Rize limanlarında", article.ZoneBody},
		{"tr_template_prompts.html", "Balıkçılar, hamsi stokunun", article.ZoneBody},
		{"tr_template_prompts.html", "Sezonun ilk haftasında", article.ZoneBody},
		{"tr_template_prompts.html", "Limanda sezon öncesi hazırlık", article.ZoneCaption},
		{"tr_template_prompts.html", "Video yüklenemedi.", article.ZoneCaption},
		{"tr_template_prompts.html", "Haberi listenize eklemek", article.ZoneAside},
		{"tr_template_prompts.html", "Günün en önemli ekonomi", article.ZoneAside},
		{"tr_template_prompts.html", "Deniz Aksoy, 2012'den", article.ZoneFooter},
		{"tr_template_prompts.html", "Son dakika gelişmelerini", article.ZoneAside},
		{"tr_template_prompts.html", "Haber kaydedildi", article.ZoneAside},
		{"tr_template_prompts.html", "Liman işletmesi deneyimli", article.ZoneAside},
		{"tr_template_prompts.html", "Tarayıcınız güncel değil.", article.ZoneAside},
		{"ru_comments_anchor_story.html", "Наконец-то сделали", article.ZoneComment},
		{"ru_comments_anchor_story.html", "Хорошая новость для малого", article.ZoneComment},
		{"ru_comments_anchor_story.html", "Анна Белова, 14 мая 2026", article.ZoneHeader},
		// The story's container carries a comment word ("yorum-acik")
		// and a classless thread after it holds more text than the story:
		// the story holds the headline and the page's longest run of
		// paragraphs, so it is the article; the thread is comments by
		// its shape (a name and a time on one line, then the text).
		{"tr_yorum_story_thread.html", "Boğaz geçişlerine elektronik randevu geliyor", article.ZoneHeading},
		{"tr_yorum_story_thread.html", "Ulaştırma Bakanlığı, İstanbul", article.ZoneBody},
		{"tr_yorum_story_thread.html", "Yetkililer, randevu sisteminin", article.ZoneBody},
		{"tr_yorum_story_thread.html", "Mehmet K. · 1 saat önce", article.ZoneComment},
		{"tr_yorum_story_thread.html", "Güzel haber, umarım", article.ZoneComment},
		// The story's section is named for a teaser layout, and a
		// classless news feed beside it holds more prose: the story holds
		// the headline and the longest run of paragraphs, so it is the
		// article, whatever its class says.
		{"ru_teaser_word_story.html", "Турция и Россия договорились", article.ZoneHeading},
		{"ru_teaser_word_story.html", "Морские ведомства России", article.ZoneBody},
		{"ru_teaser_word_story.html", "Меморандум заключён", article.ZoneBody},
		{"ru_teaser_word_story.html", "В Новороссийске завершили", article.ZoneUnknown},
		// A teaser list right after the body and a comment thread, with no
		// class names at all.
		// A deals page: the shops a paragraph names, linked off the site
		// between it and the next paragraph or sub-heading, are the
		// text's (a dollar price is no clock time); a pair of the site's
		// own stories amid the text, or of its other edition's, and the
		// list at its end, are not.
		{"tr_shop_links.html", "Kuzey Market'te 1.899 TL'ye", article.ZoneBody},
		{"tr_shop_links.html", "Güney Pazar'da da var", article.ZoneBody},
		{"tr_shop_links.html", "Yurt dışı mağazasında $58.56", article.ZoneBody},
		{"tr_shop_links.html", "Kuzey Market'te 1.240 TL'ye", article.ZoneBody},
		{"tr_shop_links.html", "Telefon fiyatları yine arttı", article.ZoneRelated},
		{"tr_shop_links.html", "En iyi kamp ekipmanları", article.ZoneRelated},
		{"tr_shop_links.html", "Headphone prices keep falling", article.ZoneRelated},
		// A line in the text's flow that names a year and no date (a
		// graphic's link) is the text's; a date line amid the text, and
		// a line with a year above it, are its header.
		{"ru_graphic_year.html", "(График: бюджет 2025 года", article.ZoneBody},
		{"ru_graphic_year.html", "14 марта 2026", article.ZoneHeader},
		{"ru_graphic_year.html", "Выпуск 2026", article.ZoneHeader},
		// A list of measures above the first paragraph: a number with
		// its unit glued on ("52.18ГБ") is no clock time, and the list
		// is the text's, not a header's date lines.
		{"ru_storage_units.html", "Смартфон Север, 64 ГБ", article.ZoneBody},
		{"ru_storage_units.html", "Смартфон Восток Мини", article.ZoneBody},
		{"ru_thread_plain.html", "Турецкая делегация", article.ZoneBody},
		{"ru_thread_plain.html", "Переговоры в астанинском", article.ZoneRelated},
		{"ru_thread_plain.html", "Глава МИД посетит", article.ZoneRelated},
		{"ru_thread_plain.html", "Комментарии (3)", article.ZoneComment},
		{"ru_thread_plain.html", "Сергей_К", article.ZoneComment},
		{"ru_thread_plain.html", "Хорошо, что разговаривают", article.ZoneComment},
		{"ru_thread_plain.html", "14.04.2026 11:02", article.ZoneComment},
		{"ru_thread_plain.html", "Следующий раунд в июне?", article.ZoneComment},
		// An old hand-written page: the paragraphs sit in <body> itself,
		// between a menu table and a row of links.
		{"tr_body_prose.html", "Karadeniz Ekonomik İşbirliği Örgütü'ne", article.ZoneBody},
		{"tr_body_prose.html", "Bir sonraki toplantının", article.ZoneBody},
		{"tr_body_prose.html", "Ana Sayfa | Gündem", article.ZoneNav},
		{"tr_body_prose.html", "Yazdır | Arkadaşına", article.ZoneNav},
		// A short story and, after it, a readers' box that scores a little
		// higher: reading order decides between close candidates.
		{"ru_comments_after_short.html", "Министр иностранных дел", article.ZoneBody},
		{"ru_comments_after_short.html", "Ранее турецкая сторона", article.ZoneBody},
		{"ru_comments_after_short.html", "Давно пора было", article.ZoneUnknown},
		// An opinion column whose container carries a comment word
		// (yorum, comment): one run of paragraphs in one parent is the
		// article, and outweighs a box that scored higher with the word
		// counted; the threads after it, itemised or flat, stay comments.
		{"tr_column_yorum.html", "Dışişleri bakanlarının geçen hafta", article.ZoneBody},
		{"tr_column_yorum.html", "Önümüzdeki ay Bükreş'te", article.ZoneBody},
		{"tr_column_yorum.html", "Selin Akgündüz, uzun yıllar", article.ZoneUnknown},
		{"tr_column_yorum.html", "Montrö konusunda yazara", article.ZoneComment},
		{"tr_column_yorum.html", "Kemal T.", article.ZoneComment},
		{"ru_comment_column.html", "Подписанное в Баку", article.ZoneBody},
		{"ru_comment_column.html", "Первые итоги её работы", article.ZoneBody},
		{"ru_comment_column.html", "«Вестник Каспия» — независимое", article.ZoneUnknown},
		{"ru_comment_column.html", "Посмотрим, как это будет", article.ZoneComment},
		{"ru_comment_column.html", "Порты и так загружены", article.ZoneComment},
		// A post quoted in the story sits in a box classed "social": the
		// quotation is body text, the share bars beside it stay nav.
		{"tr_social_embed.html", "Kardeş Azerbaycan'da verimli", article.ZoneBody},
		{"tr_social_embed.html", "Ziyaretin ardından", article.ZoneBody},
		{"tr_social_embed.html", "Facebook X WhatsApp", article.ZoneNav},
		{"tr_social_embed.html", "Paylaş Tweetle", article.ZoneNav},
		{"ru_social_post.html", "Консультации прошли", article.ZoneBody},
		{"ru_social_post.html", "По её словам", article.ZoneBody},
		{"ru_social_post.html", "ВКонтакте Telegram", article.ZoneNav},
		{"ru_social_post.html", "Посольство России в Анкаре", article.ZoneBody},
		{"ru_social_post.html", "Ранее стороны уже", article.ZoneBody},
		// Outside the article, list items that open with a linked
		// headline and run on into a lead are other stories.
		{"ru_social_post.html", "Главное за день", article.ZoneRelated},
		{"ru_social_post.html", "Лавров обсудил с Фиданом", article.ZoneRelated},
		{"ru_social_post.html", "В ООН обсудили", article.ZoneRelated},
		{"tr_lead_teasers.html", "Son Dakika", article.ZoneRelated},
		{"tr_lead_teasers.html", "Bakan Fidan Bakü'de", article.ZoneRelated},
		{"tr_lead_teasers.html", "BM Güvenlik Konseyi", article.ZoneRelated},
		{"tr_lead_teasers.html", "Protokol, sınır geçişlerinde", article.ZoneBody},
		{"tr_lead_teasers.html", "Orta Koridor hakkında", article.ZoneBody},
		// Image data a template prints as text: mostly web addresses.
		{"tr_lead_teasers.html", "https://www.example.com/uploads/2026/03/demiryolu-protokol.jpg 1200", article.ZoneNav},
		// A short post above a long thread whose container carries a
		// comment word: the thread outscored the post and was chosen, its
		// comments zoned body and the post unknown. Comments follow the
		// article: the candidate before the thread is the article.
		{"ru_thread_chosen.html", "Третий раунд российско-турецких", article.ZoneBody},
		{"ru_thread_chosen.html", "Источники в обеих делегациях", article.ZoneBody},
		{"ru_thread_chosen.html", "Андрей К. 15.03.2011", article.ZoneComment},
		{"ru_thread_chosen.html", "Согласен с автором", article.ZoneComment},
		{"ru_thread_chosen.html", "Именно сроки", article.ZoneComment},
		// The same inside a wrapper whose name holds a comment word
		// ("yazi-yorum"), around the post and the thread: the thread's
		// own comment-worded element is the one the post comes before.
		{"tr_thread_wrapper.html", "Türk ve Rus heyetleri", article.ZoneBody},
		{"tr_thread_wrapper.html", "Heyetlere yakın kaynaklar", article.ZoneBody},
		{"tr_thread_wrapper.html", "Mehmet K 1 saat önce", article.ZoneComment},
		{"tr_thread_wrapper.html", "Yazara katılıyorum", article.ZoneComment},
		// A story told as a list of long points, in a segment named for
		// its sidebar: the points are paragraphs, the story the body.
		{"ru_points_list.html", "Строители, перевозчики и банки", article.ZoneBody},
		{"ru_points_list.html", "Турецкий строительный холдинг", article.ZoneBody},
		{"ru_points_list.html", "Туроператоры сообщили", article.ZoneBody},
		{"ru_points_list.html", "Курс лиры обновил минимум", article.ZoneAside},
		// itemprop=articleBody on every paragraph, none on their
		// container: the body is all of them, not the first alone.
		{"tr_articlebody_paras.html", "ANKARA - Türkiye ile Rusya", article.ZoneBody},
		{"tr_articlebody_paras.html", "Rus heyetinin başkanı", article.ZoneBody},
		{"tr_articlebody_paras.html", "Komisyonun bir sonraki", article.ZoneBody},
		{"tr_articlebody_paras.html", "Merkez Bankası faiz", article.ZoneRelated},
		// A page builder's text blocks named as widgets, each with a
		// class of its own: their prose is the article; the image
		// block's note and the rail's list keep their words.
		{"ru_builder_widgets.html", "За последние три года", article.ZoneBody},
		{"ru_builder_widgets.html", "Зерновая сделка", article.ZoneBody},
		{"ru_builder_widgets.html", "Следующий раунд консультаций", article.ZoneBody},
		{"ru_builder_widgets.html", "Дворец Долмабахче", article.ZoneAside},
		{"ru_builder_widgets.html", "Эрдоган допустил визит", article.ZoneAside},
	}
	results := map[string]*Result{}
	for _, tt := range tests {
		t.Run(tt.page+"/"+tt.text, func(t *testing.T) {
			res := results[tt.page]
			if res == nil {
				res = extractFile(t, tt.page)
				results[tt.page] = res
			}
			for _, b := range res.Blocks {
				if strings.HasPrefix(b.Text, tt.text) {
					if b.Zone != tt.zone {
						t.Errorf("zone %q, want %q: %q", b.Zone, tt.zone, b.Text)
					}
					return
				}
			}
			t.Errorf("no block starts with %q", tt.text)
		})
	}
}

func extractFile(tb testing.TB, name string) *Result {
	tb.Helper()
	path := filepath.Join("testdata", name)
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	res, err := Extract(bytes.NewReader(data), pageURL(tb, name), rulesFor(tb, path))
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

func FuzzExtract(f *testing.F) {
	for _, p := range pages(f) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("<p>a<br><br><br>b</p><li><p>x</p></li>\xff\xfe<a href='%zz'>y</a>"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":["NewsArticle"],"datePublished":"2020-13-45","author":[[["x"]]]}]}</script>`))
	f.Add([]byte("<html lang='\x00'><meta property=og:locale content=__><time datetime='31.02.2020'>"))
	f.Add([]byte(strings.Repeat("<div><b>x</b>", 500) + "deep" + strings.Repeat("</div>", 10)))
	base, _ := url.Parse("https://www.example.com/a/b")
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Extract(bytes.NewReader(data), base, nil)
		if err != nil {
			// x/net/html rejects documents nested deeper than 512
			// elements; nothing else may fail on in-memory input.
			if !strings.Contains(err.Error(), "extract: parse: ") {
				t.Fatal(err)
			}
			return
		}
		checkInvariants(t, res)
	})
}

// largePage is a test page padded to the size and shape of a real news
// page: a mega menu, inline scripts and SVG icons, a long teaser sidebar and
// a comment thread, around the article of tr_dha_semantic.html.
func largePage(tb testing.TB) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "tr_dha_semantic.html"))
	if err != nil {
		tb.Fatal(err)
	}
	var menu, side, comments, scripts strings.Builder
	menu.WriteString(`<nav class="mega-menu"><ul>`)
	for i := range 300 {
		fmt.Fprintf(&menu, `<li class="menu-item"><a href="/kategori/%d"><svg viewBox="0 0 24 24"><path d="M12 2L2 7l10 5 10-5-10-5z"/></svg><span>Kategori %d</span></a></li>`, i, i)
	}
	menu.WriteString(`</ul></nav>`)
	side.WriteString(`<aside class="sidebar">`)
	for i := range 120 {
		fmt.Fprintf(&side, `<div class="card"><a href="/haber/%d"><img src="/i/%d.jpg" alt=""><h4>Son dakika gelişmesi numara %d: ekonomi, spor ve gündem</h4></a><time datetime="2020-01-0%dT10:00:00+03:00">%d dk önce</time></div>`, i, i, i, i%9+1, i)
	}
	side.WriteString(`</aside>`)
	comments.WriteString(`<section id="comments" class="comments">`)
	for i := range 60 {
		fmt.Fprintf(&comments, `<div class="comment"><span class="user">okur%d</span><p>Bu konuda çok farklı düşünüyorum, açıklama yapılması gerekir, numara %d.</p></div>`, i, i)
	}
	comments.WriteString(`</section>`)
	for i := range 20 {
		fmt.Fprintf(&scripts, `<script>window.__STATE_%d__=%q;</script>`, i, strings.Repeat(`{"k":"v","n":[1,2,3]},`, 250))
	}
	page := string(data)
	page = strings.Replace(page, "<header class=\"site-header\">", menu.String()+"<header class=\"site-header\">", 1)
	page = strings.Replace(page, "<aside class=\"sidebar\">", side.String()+"<aside class=\"sidebar\">", 1)
	page = strings.Replace(page, "</article>", "</article>"+comments.String(), 1)
	page = strings.Replace(page, "</body>", scripts.String()+"</body>", 1)
	return []byte(page)
}

// BenchmarkExtract runs the test pages (small) and one page of realistic
// size (large: about 200 KB).
func BenchmarkExtract(b *testing.B) {
	var small [][]byte
	total := 0
	for _, p := range pages(b) {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		small = append(small, data)
		total += len(data)
	}
	u := pageURL(b, "bench")
	run := func(b *testing.B, docs [][]byte, size int) {
		b.SetBytes(int64(size))
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, err := Extract(bytes.NewReader(docs[i%len(docs)]), u, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("small", func(b *testing.B) { run(b, small, total/len(small)) })
	large := largePage(b)
	b.Run("large", func(b *testing.B) { run(b, [][]byte{large}, len(large)) })
}

package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// RunSearch runs the search contract: Search, Scan, Stats and Prune. Run
// calls it; it is exported so that a backend can run it alone.
func RunSearch(t *testing.T, open func(t testing.TB) store.Store) {
	t.Run("Morphology", func(t *testing.T) { testMorphology(t, open) })
	t.Run("Filters", func(t *testing.T) { testFilters(t, open) })
	t.Run("Pages", func(t *testing.T) { testPages(t, open) })
	t.Run("Sort", func(t *testing.T) { testSort(t, open) })
	t.Run("PhrasePages", func(t *testing.T) { testPhrasePages(t, open) })
	t.Run("Snippets", func(t *testing.T) { testSnippets(t, open) })
	t.Run("Standfirst", func(t *testing.T) { testStandfirst(t, open) })
	t.Run("Reindex", func(t *testing.T) { testReindex(t, open) })
	t.Run("Stats", func(t *testing.T) { testStats(t, open) })
	t.Run("Scan", func(t *testing.T) { testScan(t, open) })
	t.Run("Prune", func(t *testing.T) { testPrune(t, open) })
	t.Run("BadQuery", func(t *testing.T) { testBadQuery(t, open) })
}

// textArticle is NewArticle(n) with the given language, title and body,
// so that a search fixture holds only the words its test chooses.
func textArticle(n int, lang, title, body string) *article.Article {
	a := NewArticle(n)
	a.Lang, a.Title = lang, title
	setBody(a, []string{body})
	return a
}

// search runs q and fails t on error.
func search(t testing.TB, st store.Store, q store.SearchQuery) store.SearchPage {
	t.Helper()
	page, err := st.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return page
}

// hitNames returns the fixture names of hits, sorted.
func hitNames(fx map[string]*article.Article, hits []store.Hit) []string {
	names := make([]string, 0, len(hits))
	for _, h := range hits {
		names = append(names, nameOf(fx, h.Record.Article.ID))
	}
	slices.Sort(names)
	return names
}

func sorted(names ...string) []string {
	if names == nil {
		return []string{}
	}
	slices.Sort(names)
	return names
}

func morphologyFixture() map[string]*article.Article {
	return map[string]*article.Article{
		"tr-ateskes-body":  textArticle(200, "tr", "Sınırda sakin gece", "Taraflar ateşkesin korunmasında uzlaştı."),
		"tr-ateskes-title": textArticle(201, "tr", "Ateşkesi ihlal iddiası", "Açıklama öğle saatlerinde yapıldı."),
		"tr-atesli":        textArticle(202, "tr", "Mecliste gerginlik", "Ateşli bir tartışma yaşandı."),
		"tr-disisleri-up":  textArticle(203, "tr", "DIŞİŞLERİ BAKANLIĞINDAN AÇIKLAMA", "Açıklama kısa tutuldu."),
		"tr-disisleri-low": textArticle(204, "tr", "Sözcüden yanıt", "dışişlerinin sözcüsü soruları yanıtladı."),
		"tr-istanbul":      textArticle(205, "tr", "Zirve hazırlığı", "İstanbul'da yapılacak zirve için hazırlıklar sürüyor."),
		"tr-istanbul-low":  textArticle(206, "tr", "Trafik", "istanbul trafiği bugün yoğun."),
		"tr-baris":         textArticle(207, "tr", "Umut", "Barış görüşmeleri yeniden başladı."),
		"tr-baraj":         textArticle(208, "tr", "Kuraklık", "Baraj doluluk oranı düştü."),
		"tr-ab":            textArticle(209, "tr", "Brüksel", "AB ile vize görüşmesi yapıldı."),
		"tr-abd":           textArticle(210, "tr", "Washington", "ABD ile ticaret görüşmesi yapıldı."),
		"tr-both":          textArticle(211, "tr", "Ateşkes ve barış", "Ateşkesin ardından barış masası kuruldu."),
		"ru-peregovorov":   textArticle(301, "ru", "Итоги недели", "Переговоров на этой неделе не было."),
		"ru-peregovorah":   textArticle(303, "ru", "О переговорах в Стамбуле", "Стороны встретились утром."),
		"ru-irak":          textArticle(305, "ru", "Ближний Восток", "Ирак и Сирия подписали соглашение."),
		"ru-irak-up":       textArticle(307, "ru", "ИРАКА НОВОСТИ", "Сводка за день."),
		"ru-ministr":       textArticle(309, "ru", "Кадры", "Министр подал в отставку."),
		"ru-minsk":         textArticle(311, "ru", "Погода", "В Минске идёт снег."),
		"ru-provel":        textArticle(313, "ru", "Встреча", "Министр провёл встречу."),
		// Typed as people type.
		"tr-dunya":   textArticle(212, "tr", "Açılım", "Türkiye dünyaya açılan kapı oldu."),
		"tr-ilke":    textArticle(213, "tr", "Çağrı", "İlkelerinizle hareket edin."),
		"tr-ilik":    textArticle(214, "tr", "Sağlık", "İlik nakli başarıyla yapıldı."),
		"tr-kitap":   textArticle(215, "tr", "Kültür", "Bakan kitabını tanıttı."),
		"ru-rynok":   textArticle(315, "ru", "Экономика", "Цены на рынках выросли."),
		"ru-zvonok":  textArticle(317, "ru", "Связь", "Число звонков удвоилось."),
		"ru-posol":   textArticle(319, "ru", "Дипломатия", "Послу вручили ноту."),
		"ru-posled":  textArticle(321, "ru", "Спорт", "Последний матч сезона."),
		"ru-eyo":     textArticle(323, "ru", "Позиция", "Её позиция известна, идёт работа."),
		"ru-den":     textArticle(325, "ru", "Календарь", "Три дня тишины."),
		"ru-kitaets": textArticle(327, "ru", "Туризм", "Китайцы приехали."),
	}
}

func testMorphology(t *testing.T, open func(testing.TB) store.Store) {
	fx := morphologyFixture()
	st := open(t)
	var batch []*article.Article
	for _, a := range fx {
		batch = append(batch, a)
	}
	put(t, st, batch...)
	ateskes := sorted("tr-ateskes-body", "tr-ateskes-title", "tr-both")
	disisleri := sorted("tr-disisleri-up", "tr-disisleri-low")
	istanbul := sorted("tr-istanbul", "tr-istanbul-low")
	peregovory := sorted("ru-peregovorov", "ru-peregovorah")
	irak := sorted("ru-irak", "ru-irak-up")
	tests := []struct {
		text, lang string
		want       []string
	}{
		{"ateşkes", "tr", ateskes},
		{"ateşkes", "", ateskes},
		{"ATEŞKES", "", ateskes},
		{"ateşkesin", "tr", ateskes},
		{"ateşkesi", "tr", ateskes},
		{"ateşkes", "ru", sorted()},
		{"Dışişleri", "tr", disisleri},
		{"DIŞİŞLERİ", "tr", disisleri},
		{"dışişleri", "", disisleri},
		{"DIŞİŞLERİ", "", disisleri},
		{"İstanbul", "tr", istanbul},
		{"istanbul", "", istanbul},
		{"переговоры", "ru", peregovory},
		{"переговоры", "", peregovory},
		{"ПЕРЕГОВОРАМ", "", peregovory},
		{"Ирак", "ru", irak},
		{"ИРАК", "", irak},
		{"провёл", "ru", sorted("ru-provel")},
		{"провел", "ru", sorted("ru-provel")},
		{"ateşkes barış", "tr", sorted("tr-both")},
		{"barış ateşkes yok", "tr", sorted()},
		// Negative: words that share a short prefix with the query.
		{"ateşkes", "tr", ateskes},                           // not "ateşli"
		{"barış", "tr", sorted("tr-baris", "tr-both")},       // not "baraj"
		{"министр", "ru", sorted("ru-ministr", "ru-provel")}, // not "Минске"
		{"AB", "tr", sorted("tr-ab")},                        // short: whole word only, not "ABD"
		{"ABD", "tr", sorted("tr-abd")},
		// Turkish typed without its letters; Turkish typed with them means
		// what it says ("ılık" is not "ilik").
		{"dunyaya", "", sorted("tr-dunya")},
		{"dunya", "tr", sorted("tr-dunya")},
		{"Ilkelerinizle", "", sorted("tr-ilke")},
		{"ILKELERINIZLE", "tr", sorted("tr-ilke")},
		{"disisleri", "", disisleri},
		{"DISISLERI", "tr", disisleri},
		{"ateskes", "tr", ateskes},
		{"Istanbul", "", istanbul},
		{"kitabini", "tr", sorted("tr-kitap")},
		{"ılık", "tr", sorted()},
		// е for ё.
		{"ее", "", sorted("ru-eyo")},
		{"идет", "ru", sorted("ru-eyo", "ru-minsk")},
		{"провел", "", sorted("ru-provel")},
		// A base form finds the forms whose vowel drops.
		{"рынок", "", sorted("ru-rynok")},
		{"звонок", "ru", sorted("ru-zvonok")},
		{"посол", "ru", sorted("ru-posol")}, // not "последний"
		{"день", "ru", sorted("ru-den", "ru-irak-up")},
		{"китаец", "", sorted("ru-kitaets")},
		// Query syntax: OR, "phrases", prefix*.
		{"barış OR ateşkes", "tr", sorted("tr-ateskes-body", "tr-ateskes-title", "tr-both", "tr-baris")},
		{"baraj OR ateşkes barış", "tr", sorted("tr-both")},
		{"ateşkes barış OR baraj", "tr", sorted("tr-both")},
		{`"ateşkesin ardından"`, "tr", sorted("tr-both")},
		{`"ardından ateşkesin"`, "tr", sorted()},
		{`"ateşkes barış"`, "tr", sorted()}, // both words, never side by side
		{`"barış masası"`, "", sorted("tr-both")},
		{`«barış masası»`, "", sorted("tr-both")},
		{`"ateşkesin ardından" OR baraj`, "tr", sorted("tr-both", "tr-baraj")},
		{`"görüşmeleri yeniden" barış`, "tr", sorted("tr-baris")},
		{"ateş*", "tr", sorted("tr-ateskes-body", "tr-ateskes-title", "tr-both", "tr-atesli")},
		{"bara*", "tr", sorted("tr-baraj")},
		{"disis*", "", disisleri},
		{"перегов*", "ru", peregovory},
		{"переговоры OR ирак", "ru", sorted("ru-peregovorov", "ru-peregovorah", "ru-irak", "ru-irak-up")},
	}
	for _, tc := range tests {
		t.Run(tc.lang+"/"+tc.text, func(t *testing.T) {
			page := search(t, st, store.SearchQuery{Text: tc.text, Lang: tc.lang, Limit: store.MaxSearchLimit})
			if got := hitNames(fx, page.Hits); !slices.Equal(got, tc.want) {
				t.Errorf("Search(%q, lang %q)\n got %v\nwant %v", tc.text, tc.lang, got, tc.want)
			}
			if page.Total != -1 && page.Total != len(tc.want) {
				t.Errorf("Total = %d, want %d", page.Total, len(tc.want))
			}
			for i := 1; i < len(page.Hits); i++ {
				if page.Hits[i].Rank > page.Hits[i-1].Rank {
					t.Errorf("hit %d ranks %v above hit %d's %v", i, page.Hits[i].Rank, i-1, page.Hits[i-1].Rank)
				}
			}
		})
	}
}

func filterFixture() map[string]*article.Article {
	at := func(minutes int) time.Time { return base().Add(time.Duration(minutes) * time.Minute) }
	mk := func(n int, lang, source string, countries []string, published time.Time, score float64) *article.Article {
		a := textArticle(n, lang, "Gündem", "Heyetler ateşkes için toplandı. Делегации собрались.")
		a.Source, a.Countries, a.PublishedAt, a.Relevance.Score = source, countries, published, score
		return a
	}
	return map[string]*article.Article{
		"f1": mk(400, "tr", "aa", []string{"TR"}, at(10), 0.9),
		"f2": mk(401, "tr", "dha", []string{"TR", "SY"}, at(20), 0.5),
		"f3": mk(402, "ru", "tass", []string{"RU"}, at(30), 0.7),
		"f4": mk(403, "ru", "ria", []string{"RU", "TR"}, at(40), 0.2),
		"f5": mk(404, "tr", "aa", nil, time.Time{}, 0.9),
		"f6": mk(405, "tr", "aa", []string{"SY"}, at(40), 0.6),
	}
}

func testFilters(t *testing.T, open func(testing.TB) store.Store) {
	fx := filterFixture()
	st := open(t)
	var batch []*article.Article
	for _, a := range fx {
		batch = append(batch, a)
	}
	put(t, st, batch...)
	at := func(minutes int) time.Time { return base().Add(time.Duration(minutes) * time.Minute) }
	tests := []struct {
		name string
		q    store.SearchQuery
		want []string // in order when ordered, else sorted
		// ordered: the order is the contract (no text: newest first, then
		// id, undated last).
		ordered bool
	}{
		{"everything, newest first", store.SearchQuery{}, newestFirst(fx, "f1", "f2", "f3", "f4", "f5", "f6"), true},
		{"lang", store.SearchQuery{Lang: "ru"}, sorted("f3", "f4"), false},
		{"source", store.SearchQuery{Source: "aa"}, sorted("f1", "f5", "f6"), false},
		{"country", store.SearchQuery{Country: "TR"}, sorted("f1", "f2", "f4"), false},
		{"country in lower case", store.SearchQuery{Country: "sy"}, sorted("f2", "f6"), false},
		{"since is inclusive", store.SearchQuery{Since: at(30)}, sorted("f3", "f4", "f6"), false},
		{"until is exclusive", store.SearchQuery{Until: at(30)}, sorted("f1", "f2"), false},
		{"since and until", store.SearchQuery{Since: at(20), Until: at(40)}, sorted("f2", "f3"), false},
		{"min score", store.SearchQuery{MinScore: 0.7}, sorted("f1", "f3", "f5"), false},
		{"text", store.SearchQuery{Text: "ateşkes"}, sorted("f1", "f2", "f3", "f4", "f5", "f6"), false},
		{"text and lang", store.SearchQuery{Text: "ateşkes", Lang: "tr"}, sorted("f1", "f2", "f5", "f6"), false},
		{"all together", store.SearchQuery{Text: "делегации", Lang: "ru", Source: "ria", Country: "TR",
			Since: at(40), Until: at(41), MinScore: 0.1}, sorted("f4"), false},
		{"country and score", store.SearchQuery{Country: "TR", MinScore: 0.5}, sorted("f1", "f2"), false},
		{"no match", store.SearchQuery{Country: "US"}, sorted(), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := search(t, st, tc.q)
			var got []string
			if tc.ordered {
				got = []string{}
				for _, h := range page.Hits {
					got = append(got, nameOf(fx, h.Record.Article.ID))
				}
			} else {
				got = hitNames(fx, page.Hits)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Search(%+v)\n got %v\nwant %v", tc.q, got, tc.want)
			}
		})
	}
}

// newestFirst orders fixture names as Search without text does.
func newestFirst(fx map[string]*article.Article, names ...string) []string {
	slices.SortFunc(names, func(x, y string) int {
		a, b := fx[x], fx[y]
		switch {
		case a.PublishedAt.IsZero() != b.PublishedAt.IsZero():
			if a.PublishedAt.IsZero() {
				return 1
			}
			return -1
		case !a.PublishedAt.Equal(b.PublishedAt):
			return b.PublishedAt.Compare(a.PublishedAt)
		}
		return strings.Compare(a.ID, b.ID)
	})
	return names
}

// testPages walks 50 articles 7 at a time, with and without text, while
// articles arrive between pages: each of the 50 comes exactly once.
func testPages(t *testing.T, open func(testing.TB) store.Store) {
	for _, text := range []string{"", "ateşkes"} {
		for _, inserts := range []bool{false, true} {
			t.Run(fmt.Sprintf("text %q inserts %v", text, inserts), func(t *testing.T) {
				st := open(t)
				want := map[string]bool{}
				var batch []*article.Article
				for i := range 50 {
					// Varying counts of the word give varying ranks, and
					// equal ones ties broken by id.
					a := textArticle(500+i, "tr", "Gündem",
						strings.Repeat("Ateşkesin ", i%4+1)+"korunması konuşuldu.")
					if i%10 == 0 {
						a.PublishedAt = time.Time{}
					}
					want[a.ID] = true
					batch = append(batch, a)
				}
				put(t, st, batch...)
				seen := map[string]int{}
				q := store.SearchQuery{Text: text, Limit: 7}
				for pages := 0; ; pages++ {
					if pages > 20 {
						t.Fatal("more than 20 pages: the cursor does not advance")
					}
					page := search(t, st, q)
					if len(page.Hits) > 7 {
						t.Fatalf("page of %d hits, limit 7", len(page.Hits))
					}
					for _, h := range page.Hits {
						seen[h.Record.Article.ID]++
					}
					if page.Next == "" {
						break
					}
					if inserts {
						n := 600 + pages
						put(t, st, textArticle(n, "tr", "Son dakika", "Ateşkesin ateşkesin ateşkesin ateşkesin ateşkesin."),
							textArticle(n+100, "tr", "Son dakika", "Ateşkes."))
					}
					q.Cursor = page.Next
				}
				for id := range want {
					if seen[id] != 1 {
						t.Errorf("article %s seen %d times, want once", id, seen[id])
					}
				}
				for id, n := range seen {
					if n > 1 {
						t.Errorf("article %s seen %d times", id, n)
					}
				}
			})
		}
	}
}

func testSnippets(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	long := strings.Repeat("Uzun bir giriş paragrafı burada yer alıyor. ", 20) +
		"Taraflar <b>ateşkesin</b> korunmasında uzlaştı ve ATEŞKES sürecek.\n\nSon paragraf."
	a := textArticle(700, "tr", "Ateşkes sürüyor", long)
	ru := textArticle(701, "ru", "Новости", "Переговоры прошли успешно. ПЕРЕГОВОРОВ больше не будет.")
	put(t, st, a, ru)
	tests := []struct {
		text, lang  string
		wantMatches []string // Match spans of the snippet, in order
		wantTitle   []string // Match spans of the title
	}{
		{"ateşkes", "tr", []string{"ateşkesin", "ATEŞKES"}, []string{"Ateşkes"}},
		{"переговоры", "ru", []string{"Переговоры", "ПЕРЕГОВОРОВ"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			page := search(t, st, store.SearchQuery{Text: tc.text, Lang: tc.lang})
			if len(page.Hits) != 1 {
				t.Fatalf("%d hits, want 1", len(page.Hits))
			}
			h := page.Hits[0]
			if got := matchTexts(h.Snippet); !slices.Equal(got, tc.wantMatches) {
				t.Errorf("snippet matches %q, want %q (snippet %+v)", got, tc.wantMatches, h.Snippet)
			}
			if got := matchTexts(h.Title); !slices.Equal(got, tc.wantTitle) {
				t.Errorf("title matches %q, want %q", got, tc.wantTitle)
			}
			var text strings.Builder
			for _, s := range h.Snippet {
				text.WriteString(s.Text)
			}
			if s := text.String(); strings.Contains(s, "\n") || len([]rune(s)) > 400 {
				t.Errorf("snippet is not one short line: %q", s)
			}
		})
	}
	// The body's own markup is text: the store neither strips nor adds any.
	page := search(t, st, store.SearchQuery{Text: "ateşkes", Lang: "tr"})
	var all strings.Builder
	for _, s := range page.Hits[0].Snippet {
		all.WriteString(s.Text)
	}
	if !strings.Contains(all.String(), "<b>") || !strings.HasPrefix(all.String(), "…") {
		t.Errorf("snippet %q: want the body's text as it is, cut with …", all.String())
	}
}

// testStandfirst: the standfirst, the story in brief set apart from the
// body, is searched with it: a word or a phrase only it holds finds the
// article, and the record keeps it.
func testStandfirst(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	a := textArticle(720, "tr", "Karadeniz'de yeni av takvimi", "Kooperatif temsilcileri kararın küçük teknelerin gelirini düşüreceğini söyledi.")
	a.Standfirst = "Bakanlık hamsi avının erken kapanacağını duyurdu."
	a.ContentHash = article.HashArticle(a)
	other := textArticle(721, "tr", "Liman genişliyor", "Limanda yeni rıhtımın inşaatı başladı.")
	put(t, st, a, other)
	for _, q := range []string{"hamsi", `"hamsi avının"`} {
		page := search(t, st, store.SearchQuery{Text: q, Lang: "tr"})
		if len(page.Hits) != 1 || page.Hits[0].Record.Article.ID != a.ID {
			t.Fatalf("%s: %d hits, want the article whose standfirst holds it", q, len(page.Hits))
		}
		if got := page.Hits[0].Record.Article.Standfirst; got != a.Standfirst {
			t.Errorf("%s: standfirst %q, want %q", q, got, a.Standfirst)
		}
	}
}

func matchTexts(spans []store.Span) []string {
	var out []string
	for _, s := range spans {
		if s.Match {
			out = append(out, s.Text)
		}
	}
	return out
}

// testReindex checks that a new revision replaces what the index holds.
func testReindex(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	a := textArticle(800, "tr", "Gündem", "Ateşkes ilan edildi.")
	a.Countries = []string{"TR"}
	put(t, st, a)
	b := clone(a)
	setBody(b, []string{"Barış görüşmeleri başladı."})
	b.Countries = []string{"SY"}
	b.FetchedAt = a.FetchedAt.Add(time.Hour)
	put(t, st, b)
	for _, tc := range []struct {
		q    store.SearchQuery
		want int
	}{
		{store.SearchQuery{Text: "ateşkes"}, 0},
		{store.SearchQuery{Text: "barış"}, 1},
		{store.SearchQuery{Country: "TR"}, 0},
		{store.SearchQuery{Country: "SY"}, 1},
	} {
		if got := len(search(t, st, tc.q).Hits); got != tc.want {
			t.Errorf("after a revision, Search(%+v): %d hits, want %d", tc.q, got, tc.want)
		}
	}
}

// testSort checks the orders a user can choose, and that a cursor walks
// each of them without a gap or a repeat.
func testSort(t *testing.T, open func(testing.TB) store.Store) {
	fx := filterFixture()
	st := open(t)
	var batch []*article.Article
	for _, a := range fx {
		batch = append(batch, a)
	}
	// A stronger match, older and less diplomatic than the rest.
	strong := textArticle(420, "tr", "Ateşkes", "Ateşkes, ateşkes ve yine ateşkes.")
	strong.Source, strong.PublishedAt, strong.Relevance.Score = "aa", base().Add(-time.Hour), 0.1
	fx["strong"] = strong
	put(t, st, append(batch, strong)...)
	byScore := func(names ...string) []string {
		slices.SortStableFunc(names, func(x, y string) int {
			a, b := fx[x], fx[y]
			if a.Relevance.Score != b.Relevance.Score {
				if a.Relevance.Score > b.Relevance.Score {
					return -1
				}
				return 1
			}
			return strings.Compare(a.ID, b.ID)
		})
		return names
	}
	all := []string{"f1", "f2", "f3", "f4", "f5", "f6", "strong"}
	tests := []struct {
		q    store.SearchQuery
		want []string // first hits, in order
	}{
		{store.SearchQuery{Text: "ateşkes"}, []string{"strong"}},
		{store.SearchQuery{Text: "ateşkes", Sort: store.SortRelevance}, []string{"strong"}},
		{store.SearchQuery{Text: "ateşkes", Sort: store.SortNewest}, newestFirst(fx, slices.Clone(all)...)},
		{store.SearchQuery{Text: "ateşkes", Sort: store.SortScore}, byScore(slices.Clone(all)...)},
		{store.SearchQuery{Sort: store.SortScore}, byScore(slices.Clone(all)...)},
		{store.SearchQuery{Sort: store.SortRelevance}, newestFirst(fx, slices.Clone(all)...)},
		{store.SearchQuery{Lang: "tr", Sort: store.SortScore}, byScore("f1", "f2", "f5", "f6", "strong")},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%q by %q", tc.q.Text+tc.q.Lang, tc.q.Sort), func(t *testing.T) {
			// Two at a time, so that every order is walked by its cursor.
			q := tc.q
			q.Limit = 2
			var got []string
			for pages := 0; ; pages++ {
				if pages > 10 {
					t.Fatal("the cursor does not advance")
				}
				page := search(t, st, q)
				for _, h := range page.Hits {
					got = append(got, nameOf(fx, h.Record.Article.ID))
				}
				if page.Next == "" {
					break
				}
				q.Cursor = page.Next
			}
			if len(got) < len(tc.want) || !slices.Equal(got[:len(tc.want)], tc.want) {
				t.Errorf("order %v, want it to start %v", got, tc.want)
			}
			seen := map[string]bool{}
			for _, n := range got {
				if seen[n] {
					t.Errorf("%s twice in %v", n, got)
				}
				seen[n] = true
			}
		})
	}
	if _, err := st.Search(context.Background(), store.SearchQuery{Sort: "oldest"}); !errors.Is(err, store.ErrBadQuery) ||
		!strings.Contains(err.Error(), "sort") {
		t.Errorf("Search with sort oldest: %v, want ErrBadQuery naming sort", err)
	}
	// A cursor belongs to its order.
	page := search(t, st, store.SearchQuery{Text: "ateşkes", Limit: 1})
	_, err := st.Search(context.Background(), store.SearchQuery{Text: "ateşkes", Limit: 1, Sort: store.SortScore, Cursor: page.Next})
	if !errors.Is(err, store.ErrBadCursor) {
		t.Errorf("a relevance cursor on a score search: %v, want ErrBadCursor", err)
	}
}

// testPhrasePages pages through a phrase search whose candidates (every
// word found) are half of them out of order: each match comes once, the
// others never, and Total counts the matches.
func testPhrasePages(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	want := map[string]bool{}
	var batch []*article.Article
	for i := range 30 {
		body := "Taraflar ateşkesin korunması için uzlaştı."
		if i%2 == 1 {
			body = "Korunması gereken ateşkesin ardından taraflar uzlaştı."
		} else {
			want[NewArticle(1000+i).ID] = true
		}
		a := textArticle(1000+i, "tr", "Gündem", body)
		batch = append(batch, a)
	}
	put(t, st, batch...)
	for _, sort := range []string{"", store.SortNewest} {
		q := store.SearchQuery{Text: `"ateşkesin korunması"`, Limit: 4, Sort: sort}
		seen := map[string]bool{}
		for pages := 0; ; pages++ {
			if pages > 10 {
				t.Fatal("the cursor does not advance")
			}
			page := search(t, st, q)
			if page.Total != -1 && page.Total != len(want) {
				t.Errorf("sort %q: Total %d, want %d", sort, page.Total, len(want))
			}
			for _, h := range page.Hits {
				if seen[h.Record.Article.ID] || !want[h.Record.Article.ID] {
					t.Errorf("sort %q: %s is a repeat or out of order", sort, h.Record.Article.Body)
				}
				seen[h.Record.Article.ID] = true
			}
			if page.Next == "" {
				break
			}
			q.Cursor = page.Next
		}
		if len(seen) != len(want) {
			t.Errorf("sort %q: %d matches, want %d", sort, len(seen), len(want))
		}
	}
}

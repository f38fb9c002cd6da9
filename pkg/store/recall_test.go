package store_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/stem"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// The typing-recall eval: it stores news articles crawled by others, takes
// word forms out of them, types each as people do, and counts how often
// the search finds the article the form came from. It needs corpora that
// are not in the repository, so it runs only when given them:
//
//	go test ./pkg/store -run TestTypingRecall -v -args \
//	  -recall-ru russia_today_0.jsonlines -recall-tr DIR_OF_BILCAT_DOCS
//
// -recall-ru is JSON lines with title and content (or article/v1 lines,
// title and body, as /api/export writes them); -recall-tr is a directory
// of TREC-style documents with <HEADLINE> and <TEXT>, or of article/v1
// JSON lines files.
var (
	recallRU  = flag.String("recall-ru", "", "Russian articles (JSON lines) for TestTypingRecall")
	recallTR  = flag.String("recall-tr", "", "Turkish articles (a directory of documents) for TestTypingRecall")
	recallMax = flag.Int("recall-max", 600, "articles to read of each language")
)

// fleeting are Russian nouns whose last vowel drops in their other forms
// (рынок, рынка): the base form as people type it, and the stem of the
// other forms.
var fleeting = map[string]string{
	"рынок": "рынк", "звонок": "звонк", "посол": "посл", "отец": "отц", "день": "дн", "конец": "конц",
	"участок": "участк", "подарок": "подарк", "кусок": "куск", "заем": "займ", "боец": "бойц",
	"ветер": "ветр", "угол": "угл", "сон": "сн", "рот": "рт", "лоб": "лб", "огонь": "огн", "уголь": "угл",
	"узел": "узл", "орел": "орл", "котел": "котл", "ремень": "ремн", "камень": "камн", "корень": "корн",
	"порядок": "порядк", "переулок": "переулк", "поселок": "поселк", "городок": "городк",
	"образец": "образц", "продавец": "продавц", "борец": "борц", "певец": "певц", "иностранец": "иностранц",
	"американец": "американц", "китаец": "китайц", "европеец": "европейц", "украинец": "украинц",
	"немец": "немц", "японец": "японц", "итальянец": "итальянц", "недостаток": "недостатк",
	"остаток": "остатк", "список": "списк", "замок": "замк", "ребенок": "ребенк", "потомок": "потомк",
	"упадок": "упадк", "отрезок": "отрезк", "промежуток": "промежутк", "мешок": "мешк", "палец": "пальц",
	"доброволец": "добровольц", "владелец": "владельц", "лев": "льв", "ковер": "ковр", "костер": "костр",
	"хребет": "хребт", "дворец": "дворц", "беженец": "беженц", "переселенец": "переселенц",
	"ополченец": "ополченц", "уроженец": "уроженц", "купец": "купц", "истец": "истц", "гонец": "гонц",
	"сотрудник": "", "кризис": "", // not fleeting: a control that the list is read as meant
	"пример": "", "итог": "", "срок": "",
	"кусочек": "кусочк", "значок": "значк", "ручеек": "ручейк", "зверек": "зверьк", "пенек": "пеньк",
	"песок": "песк", "глазок": "глазк", "вторник": "", "четверг": "",
	"рубеж": "", "оборот": "", "заговор": "", "пробег": "", "отбор": "",
	"молодец": "молодц", "жилец": "жильц", "скворец": "скворц", "комсомолец": "комсомольц",
	"погорелец": "погорельц", "старец": "старц", "мудрец": "", "близнец": "",
	"свекор": "свекр", "пепел": "пепл", "дятел": "дятл", "козел": "козл", "осел": "осл", "ров": "рв",
	"шов": "шв", "лед": "льд", "мох": "мх", "пес": "пс", "овес": "овс", "верх": "",
	"ноготь": "ногт", "локоть": "локт", "коготь": "когт", "деготь": "дегт", "парень": "парн",
	"перстень": "перстн", "ячмень": "", "олень": "", "тюлень": "", "бюллетень": "",
	"ветерок": "ветерк", "сапог": "", "ботинок": "ботинк", "чулок": "чулк", "платок": "платк",
	"кружок": "кружк", "прыжок": "прыжк", "рывок": "рывк", "толчок": "толчк", "урок": "", "знаток": "знатк",
	"поток": "", "восток": "", "исток": "", "порок": "", "пирог": "", "итого": "",
	"выпуск": "", "отпуск": "", "состав": "",
	"кусочки": "", "игрок": "", "рок": "", "ток": "", "шок": "", "блок": "",
	"отрывок": "отрывк", "обломок": "обломк", "осколок": "осколк", "ярлык": "",
	"переворот": "", "разговор": "", "подросток": "подростк", "росток": "ростк",
	"желудок": "желудк", "рассудок": "рассудк", "кружочек": "кружочк", "цветок": "цветк",
	"потолок": "потолк", "каблук": "", "лоток": "лотк", "ломтик": "",
	"пророк": "", "урожай": "", "поступок": "поступк", "проступок": "проступк", "выкидыш": "",
	"пучок": "пучк",
}

// ruEndings are the case endings of the other forms of those nouns.
var ruEndings = []string{"а", "я", "у", "ю", "ом", "ем", "е", "ы", "и", "ов", "ев", "ей", "ам", "ям", "ами", "ями", "ах", "ях"}

type recallSample struct {
	typed string // what the user types
	id    string // the article the form came from
	form  string // the form in the article
}

func TestTypingRecall(t *testing.T) {
	if *recallRU == "" && *recallTR == "" {
		t.Skip("the typing-recall eval needs -recall-ru and -recall-tr (see the comment at the top of recall_test.go)")
	}
	var arts []*article.Article
	if *recallRU != "" {
		arts = append(arts, readJSONLines(t, *recallRU, "ru", *recallMax)...)
	}
	if *recallTR != "" {
		arts = append(arts, readDocs(t, *recallTR, "tr", *recallMax)...)
	}
	dir := t.TempDir()
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(dir, "recall.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i := 0; i < len(arts); i += 200 {
		if _, err := st.Put(context.Background(), arts[i:min(i+200, len(arts))]); err != nil {
			t.Fatal(err)
		}
	}
	// A search indexes what is pending: the size is the index's too.
	if _, err := st.Search(context.Background(), store.SearchQuery{Text: "x"}); err != nil {
		t.Fatal(err)
	}
	size := int64(0)
	for _, name := range []string{"recall.db", "recall.db-wal"} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil {
			size += fi.Size()
		}
	}
	t.Logf("store with its index: %.1f MiB", float64(size)/(1<<20))
	// The full-text index alone: FTS5 keeps it in its _data table.
	if db, err := sql.Open("sqlite", filepath.Join(dir, "recall.db")); err == nil {
		var n int64
		if err := db.QueryRow(`SELECT SUM(length(block)) FROM articles_fts_data`).Scan(&n); err == nil {
			t.Logf("full-text index: %.2f MiB", float64(n)/(1<<20))
		}
		db.Close()
	}
	classes := map[string][]recallSample{}
	seen := map[string]bool{}
	add := func(class string, s recallSample) {
		if key := class + "\x00" + s.typed; !seen[key] && len(classes[class]) < 400 {
			seen[key] = true
			classes[class] = append(classes[class], s)
		}
	}
	for _, a := range arts {
		for _, w := range stem.Split(a.Title + "\n" + a.Body) {
			switch a.Lang {
			case "tr":
				if typed := asciiTurkish(w); typed != w && len([]rune(w)) >= 4 {
					add("turkish typed without its letters", recallSample{typed, a.ID, w})
				}
			case "ru":
				low := strings.ToLower(w)
				if strings.Contains(low, "ё") {
					add("ё typed as е", recallSample{strings.ReplaceAll(low, "ё", "е"), a.ID, w})
				}
				low = strings.ReplaceAll(low, "ё", "е")
				for base, st := range fleeting {
					if st == "" || !strings.HasPrefix(low, st) || !slices.Contains(ruEndings, low[len(st):]) {
						continue
					}
					add("russian base form, fleeting vowel", recallSample{base, a.ID, w})
				}
			}
		}
	}
	names := make([]string, 0, len(classes))
	for c := range classes {
		names = append(names, c)
	}
	slices.Sort(names)
	t.Logf("%d articles stored", len(arts))
	for _, c := range names {
		found := 0
		var missed []string
		for _, s := range classes[c] {
			ok := false
			err := st.Scan(context.Background(), store.SearchQuery{Text: s.typed}, func(r store.Record) error {
				if r.Article.ID == s.id {
					ok = true
					return errFound
				}
				return nil
			})
			if err != nil && !strings.Contains(err.Error(), errFound.Error()) {
				t.Fatalf("%q: %v", s.typed, err)
			}
			if ok {
				found++
			} else if len(missed) < 12 {
				missed = append(missed, s.typed+"→"+s.form)
			}
		}
		n := len(classes[c])
		t.Logf("%-36s found %4d of %4d = %5.1f%%  missed e.g. %v", c, found, n, 100*float64(found)/float64(max(n, 1)), missed)
	}
}

var errFound = fmt.Errorf("found")

// asciiTurkish types w as on a keyboard without Turkish letters.
func asciiTurkish(w string) string {
	return strings.NewReplacer("ç", "c", "Ç", "C", "ğ", "g", "Ğ", "G", "ı", "i", "İ", "I",
		"ö", "o", "Ö", "O", "ş", "s", "Ş", "S", "ü", "u", "Ü", "U").Replace(w)
}

func recallArticle(lang, src, title, body string, n int) *article.Article {
	u := fmt.Sprintf("https://%s.example/recall/%d", src, n)
	paras := strings.FieldsFunc(body, func(r rune) bool { return r == '\n' })
	if len(paras) == 0 {
		paras = []string{title}
	}
	b := strings.Join(paras, "\n\n")
	sum := sha256.Sum256([]byte(b))
	pub := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Minute)
	return &article.Article{
		Schema: article.SchemaArticle, ID: article.IDFor(u), URL: u, Source: src, Lang: lang, LangConfidence: 0.99,
		Title: title, PublishedAt: pub, Body: b, Paragraphs: paras, ContentHash: hex.EncodeToString(sum[:16]),
		Relevance: article.Relevance{Topic: "diplomacy", Score: 0.5, Terms: []string{}}, Dropped: []article.Dropped{},
		FetchedAt: pub, ClassifiedAt: pub,
	}
}

func readJSONLines(t *testing.T, path, lang string, limit int) []*article.Article {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []*article.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() && len(out) < limit {
		var d struct{ Title, Content, Body string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		body := d.Content + d.Body
		if strings.TrimSpace(d.Title) == "" || strings.TrimSpace(body) == "" {
			continue
		}
		out = append(out, recallArticle(lang, "recall"+lang, d.Title, body, len(out)))
	}
	return out
}

var (
	headlineRE = regexp.MustCompile(`(?s)<HEADLINE>(.*?)</HEADLINE>`)
	textRE     = regexp.MustCompile(`(?s)<TEXT>(.*?)</TEXT>`)
)

func readDocs(t *testing.T, dir, lang string, limit int) []*article.Article {
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	var out []*article.Article
	for _, name := range names {
		if len(out) >= limit {
			break
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		h, x := headlineRE.FindSubmatch(b), textRE.FindSubmatch(b)
		if h == nil || x == nil {
			continue
		}
		title, body := strings.ToValidUTF8(strings.TrimSpace(string(h[1])), ""), strings.ToValidUTF8(string(x[1]), "")
		if title == "" || strings.TrimSpace(body) == "" {
			continue
		}
		out = append(out, recallArticle(lang, "recall"+lang, title, body, len(out)))
	}
	return out
}

package corpus

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// gitFixture commits files to a new repository and returns its git
// directory and the commit.
func gitFixture(t *testing.T, files map[string]string) (string, string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git := func(args ...string) string {
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.org"}, args...)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v: %s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "fixture")
	return filepath.Join(dir, ".git"), git("rev-parse", "HEAD")
}

type extracted struct {
	ID, Source, Section, Date string
	Order                     int64
	RecordNo                  int
	Title, Body               string
}

func TestRussianCorpora(t *testing.T) {
	ria := "id,url,title,subtitle,content,datetime,views,tags,topic\n"
	tests := []struct {
		name    string
		files   map[string]string
		extract func(context.Context, gitDir, Corpus) ([]Record, error)
		want    []extracted
	}{
		{
			name: "nerel: headline line, Wikinews ordered by page, other news unordered",
			files: map[string]string{
				"NEREL-v1.1/train/4321_text.txt": "\ufeffМинистры встретились\nПодпись к фото\n\nМинистры двух стран  встретились в среду.\r\n",
				"NEREL-v1.1/dev/last_3.txt":      "Посол вручил грамоты\n\tПосол вручил верительные грамоты.",
				"NEREL-v1.1/dev/last_3.ann":      "T1\tPERSON 0 5\tПосол",
				"NEREL-v1.1/test/empty.txt":      "Только заголовок\n",
				"NEREL-v1.0/train/4321_text.txt": "Старая версия\nне читается",
			},
			extract: extractNEREL,
			want: []extracted{
				{ID: "nerel/collection5/last_3", Source: "collection5", Section: "dev", Title: "Посол вручил грамоты", Body: "Посол вручил верительные грамоты."},
				{ID: "nerel/wikinews/4321_text", Source: "wikinews", Section: "train", Order: 4321, Title: "Министры встретились", Body: "Подпись к фото\n\nМинистры двух стран встретились в среду."},
			},
		},
		{
			name: "riatopics: CSV rows, paragraphs cut at runs of spaces, a repeated id kept once",
			files: map[string]string{
				"data/ria_news_topics_3.csv": ria +
					`11,https://ria.ru/20231010/a-11.html,Переговоры  в Москве,Подзаголовок,"МОСКВА, 10 окт - РИА Новости. Стороны обсудили ""сделку"".  Второй абзац.",14:05 10.10.2023,5,[],economy` + "\n",
				"data/ria_news_topics_7.csv": ria +
					`12,https://ria.ru/20231201/b-12.html,Выставка открылась,,Текст о выставке.,09:30 01.12.2023,7,[],culture` + "\n" +
					`13,https://ria.ru/20231201/c-13.html,Пустой текст,,,09:31 01.12.2023,7,[],society` + "\n",
				"data/ria_news_topics_9.csv": ria +
					`12,https://ria.ru/20231201/b-12.html,Выставка открылась,,Текст о выставке.,09:30 01.12.2023,7,[],culture` + "\n",
			},
			extract: extractRIATopics,
			want: []extracted{
				{ID: "riatopics/ria/11", Source: "ria", Section: "economy", Date: "2023-10-10", Order: 202310101405, RecordNo: 1, Title: "Переговоры в Москве", Body: "МОСКВА, 10 окт - РИА Новости. Стороны обсудили \"сделку\".\n\nВторой абзац."},
				{ID: "riatopics/ria/12", Source: "ria", Section: "culture", Date: "2023-12-01", Order: 202312010930, RecordNo: 1, Title: "Выставка открылась", Body: "Текст о выставке."},
			},
		},
		{
			name: "bsnlp: five header lines, Russian raw documents only",
			files: map[string]string{
				"data/datasets/bsnlp/nord_stream/raw/ru/ns_ru_1.txt": "ru-1\r\nru\r\n2019-01-11\r\nhttps://www.example.ru/news/1\r\nГлава МИД ответил\r\n\r\nМинистр  отверг критику.\r\nВторой абзац.\r\n",
				"data/datasets/bsnlp/nord_stream/raw/pl/ns_pl_1.txt": "pl-1\npl\n2019-01-11\nhttps://example.pl/1\nTytuł\n\nTekst.\n",
				"data/datasets/bsnlp/nord_stream/annotated/ru/x.out": "ru-1\n",
				"data/datasets/bsnlp/covid-19/raw/ru/covid_ru_2.txt": "ru-2\nru\n2021-02-01T10:00:00+03:00\nhttp://www.fromtheweb.eu\nВакцинация\n\nТекст.\n",
				"data/datasets/bsnlp/covid-19/raw/ru/covid_ru_3.txt": "ru-3\nru\n\nhttp://www.fromtheweb.eu\nБез даты\n\nТекст без даты.\n",
				"data/datasets/bsnlp/covid-19/raw/ru/short_ru_4.txt": "ru-4\nru\n2021-02-01\n",
			},
			extract: extractBSNLP,
			want: []extracted{
				{ID: "bsnlp/covid-19/covid_ru_2", Source: "bsnlp", Section: "covid-19", Date: "2021-02-01", Order: 20210201, Title: "Вакцинация", Body: "Текст."},
				{ID: "bsnlp/covid-19/covid_ru_3", Source: "bsnlp", Section: "covid-19", Title: "Без даты", Body: "Текст без даты."},
				{ID: "bsnlp/nord_stream/ns_ru_1", Source: "bsnlp", Section: "nord_stream", Date: "2019-01-11", Order: 20190111, Title: "Глава МИД ответил", Body: "Министр отверг критику.\n\nВторой абзац."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, commit := gitFixture(t, tt.files)
			c := Corpus{Name: "fixture", Repo: "example/fixture", Commit: commit, extract: tt.extract}
			recs, err := Extract(context.Background(), dir, c)
			if err != nil {
				t.Fatal(err)
			}
			var got []extracted
			for _, r := range recs {
				if r.Lang != "ru" || r.Commit != commit || r.SHA256 != Sum(r.Title, r.Body) {
					t.Errorf("%s: lang %q, commit %q, checksum %s", r.ID, r.Lang, r.Commit, r.SHA256)
				}
				got = append(got, extracted{r.ID, r.Source, r.Section, r.Date, r.Order, r.RecordNo, r.Title, r.Body})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("records:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestRussianCorporaMissingFile checks that a missing file of the RIA
// corpus is an error, not a smaller corpus.
func TestRussianCorporaMissingFile(t *testing.T) {
	dir, commit := gitFixture(t, map[string]string{"data/ria_news_topics_3.csv": "id,url,title,content,datetime,topic\n"})
	c := Corpus{Name: "fixture", Commit: commit, extract: extractRIATopics}
	if _, err := Extract(context.Background(), dir, c); err == nil {
		t.Fatal("no error for a corpus with missing files")
	}
}

package corpus

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

func TestUnlabelledCorpora(t *testing.T) {
	head := "url,title,date_extracted,content,category\n"
	// Every year file must be there; most are header only.
	years := func(rows map[string]string) map[string]string {
		files := map[string]string{"chunks/chunk_2019.csv": head + `https://www.1tv.ru/news/2019-02-01/9-a,Не читается,2019-02-01,Год не читается.,` + "\n"}
		for _, f := range oneTVFiles {
			files[f] = head + rows[f]
		}
		return files
	}
	// The page the scraper landed on, stored under two headlines.
	landed := `"Выпуск новостей в 18:00 от 12.02.2026` + "\n" + `Смотрите в этом выпуске: погода, курсы, спорт."`
	tests := []struct {
		name  string
		files map[string]string
		want  []extracted
	}{
		{
			name: "onetv: date and number from the URL, a repeated opening dropped everywhere, a repeated article kept once",
			files: years(map[string]string{
				"chunks/chunk_2000.csv": `https://www.1tv.ru/news/2000-03-05/101-ministry_vstretilis,Министры  встретились,2000-03-06,"Министры двух стран встретились в среду.` + "\n\n" + `Второй абзац.",` + "\n" +
					`https://www.1tv.ru/news/2000-03-06/102-pogoda,Погода,2000-03-06,` + landed + `,` + "\n" +
					`https://www.1tv.ru/news/2000-03-07/103-pusto,Пустая новость,2000-03-07,,` + "\n" +
					`https://www.example.org/other,Чужая страница,2000-03-07,Текст чужой страницы.,` + "\n",
				"chunks/chunk_2026.csv": `https://www.1tv.ru/news/2026-01-12/104-sport,Спорт,2026-01-12,` + landed + `,` + "\n" +
					`https://www.1tv.ru/news/2000-03-05/101-ministry_vstretilis,Министры встретились,2000-03-06,Повтор.,` + "\n" +
					`https://www.1tv.ru/news/2026-01-13/105-posol,Посол вручил грамоты,2026-01-13,Посол вручил верительные грамоты.,Политика` + "\n",
			}),
			want: []extracted{
				{ID: "onetv/1tv/101", Source: "1tv", Date: "2000-03-05", Order: 20000305, RecordNo: 1, Title: "Министры встретились", Body: "Министры двух стран встретились в среду.\n\nВторой абзац."},
				{ID: "onetv/1tv/105", Source: "1tv", Date: "2026-01-13", Order: 20260113, RecordNo: 3, Title: "Посол вручил грамоты", Body: "Посол вручил верительные грамоты."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, commit := gitFixture(t, tt.files)
			c := Corpus{Name: "fixture", Repo: "example/fixture", Commit: commit, extract: extractOneTV}
			recs, err := Extract(context.Background(), dir, c)
			if err != nil {
				t.Fatal(err)
			}
			var got []extracted
			for _, r := range recs {
				if r.Lang != "ru" || r.Commit != commit || r.SHA256 != Sum(r.Title, r.Body) || !strings.HasPrefix(r.Path, "chunks/") {
					t.Errorf("%s: lang %q, commit %q, checksum %s, path %s", r.ID, r.Lang, r.Commit, r.SHA256, r.Path)
				}
				got = append(got, extracted{r.ID, r.Source, r.Section, r.Date, r.Order, r.RecordNo, r.Title, r.Body})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("records:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestUnlabelledMissingFile checks that a missing year file is an error,
// not a smaller corpus.
func TestUnlabelledMissingFile(t *testing.T) {
	dir, commit := gitFixture(t, map[string]string{"chunks/chunk_2000.csv": "url,title,date_extracted,content,category\n"})
	c := Corpus{Name: "fixture", Commit: commit, extract: extractOneTV}
	if _, err := Extract(context.Background(), dir, c); err == nil {
		t.Fatal("no error for a corpus with missing files")
	}
}

func TestLookupAny(t *testing.T) {
	for _, name := range []string{"bilcat", "rukw", "onetv"} {
		if c, ok := LookupAny(name); !ok || c.Name != name {
			t.Errorf("LookupAny(%q) = %q, %v", name, c.Name, ok)
		}
	}
	if _, ok := Lookup("onetv"); ok {
		t.Error("Lookup finds an unlabelled corpus among the labelled set's")
	}
	if _, ok := LookupAny("nosuch"); ok {
		t.Error("LookupAny finds an unknown corpus")
	}
}

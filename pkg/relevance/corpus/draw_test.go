package corpus

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// long pads a body past the 150 characters a drawn text needs.
func long(s string) string {
	return s + " " + strings.Repeat("Текст продолжается. ", 10)
}

func TestDrawEligible(t *testing.T) {
	body := long("Тело")
	tests := []struct {
		name string
		r    Record
		want bool
	}{
		{"older RT", Record{Lang: "ru", Source: "rt", Order: 469999, Body: body}, true},
		{"RT of the dev split", Record{Lang: "ru", Source: "rt", Order: 470000, Body: body}, false},
		{"Wikinews up to 188551", Record{Lang: "ru", Source: "wikinews", Order: 188551, Body: body}, true},
		{"newer Wikinews", Record{Lang: "ru", Source: "wikinews", Order: 188552, Body: body}, false},
		{"Collection5", Record{Lang: "ru", Source: "collection5", Body: body}, true},
		{"BSNLP 2018", Record{Lang: "ru", Source: "bsnlp", Date: "2018-07-09", Body: body}, true},
		{"BSNLP 2019 (test)", Record{Lang: "ru", Source: "bsnlp", Date: "2019-01-30", Body: body}, false},
		{"undated BSNLP", Record{Lang: "ru", Source: "bsnlp", Body: body}, false},
		{"Nezavisimaya Gazeta (test)", Record{Lang: "ru", Source: "ng", Body: body}, false},
		{"RIA (dev and test)", Record{Lang: "ru", Source: "ria", Body: body}, false},
		{"short", Record{Lang: "ru", Source: "rt", Order: 1, Body: "Коротко."}, false},
		{"Turkish", Record{Lang: "tr", Source: "milliyet", Body: body}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DrawEligible(tt.r); got != tt.want {
				t.Errorf("DrawEligible = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDrawStratum(t *testing.T) {
	tests := []struct {
		name    string
		r       Record
		want    string
		isTitle bool
	}{
		{"talks in a world text", Record{Source: "rt", Section: "world", Title: "Лавров провёл переговоры с Керри", Body: "Министры обсудили Сирию."}, StratumDiplomatic, true},
		{"the ambassador's, not after", Record{Source: "rt", Section: "world", Title: "Новости", Body: "Заявление посла Франции."}, StratumDiplomatic, false},
		{"after is not an ambassador", Record{Source: "rt", Section: "world", Title: "Новости", Body: "После матча болельщики вышли на улицы."}, StratumRest, false},
		{"a presidential address is no ambassador", Record{Source: "wikinews", Title: "Послание президента", Body: "Обращение к парламенту."}, StratumPolitical, false},
		{"EU as a word", Record{Source: "bsnlp", Title: "Брюссель", Body: "Страны ЕС обсудили бюджет."}, StratumDiplomatic, false},
		{"if is not the EU", Record{Source: "bsnlp", Title: "Погода", Body: "Если будет дождь, возьмите зонт."}, StratumRest, false},
		{"elections", Record{Source: "wikinews", Title: "Выборы в Госдуму", Body: "Партии подвели итоги."}, StratumPolitical, false},
		{"a diplomatic word outside the news sections", Record{Source: "rt", Section: "sport", Title: "Визит сборной", Body: "Сборная России прилетела."}, StratumPolitical, false},
		{"a sport title is no top-up", Record{Source: "rt", Section: "world", Title: "Визит сборной на матч", Body: "Футбол."}, StratumDiplomatic, false},
		{"science", Record{Source: "rt", Section: "science", Title: "Учёные нашли воду", Body: "На Марсе обнаружен лёд."}, StratumRest, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DrawStratum(tt.r); got != tt.want {
				t.Errorf("DrawStratum = %s, want %s", got, tt.want)
			}
			if got := DrawTitle(tt.r); got != tt.isTitle {
				t.Errorf("DrawTitle = %v, want %v", got, tt.isTitle)
			}
		})
	}
}

func TestDraw(t *testing.T) {
	rec := func(id, source, section, date, title, body string) Record {
		body = long(body)
		return Record{ID: id, Lang: "ru", Source: source, Section: section, Date: date, Order: 1, Title: title, Body: body, SHA256: Sum(title, body)}
	}
	recs := []Record{
		rec("rt/1", "rt", "world", "", "Переговоры в Женеве", "Министры встретились."),
		rec("rt/2", "rt", "world", "", "Саммит НАТО", "Лидеры собрались."),
		rec("rt/3", "rt", "world", "", "Новости", "Послы ЕС собрались в Брюсселе."),
		rec("rt/4", "rt", "russia", "", "Выборы", "Партия победила на выборах."),
		rec("rt/5", "rt", "science", "", "Наука", "Учёные открыли новый вид жуков."),
		rec("rt/6", "rt", "world", "", "Другое", "Министры встретились."), // repeats rt/1's start
		rec("rt/9", "rt", "world", "", "Уже прочитано", "Послы встретились в Москве."),
		rec("bsnlp/1", "bsnlp", "brexit", "2018-07-09", "Переговоры о брексите", "Переговоры ЕС продолжаются."),
		rec("bsnlp/2", "bsnlp", "brexit", "2018-07-09", "Переговоры о брексите снова", "Стороны ЕС обсудили сделку."),
		rec("bsnlp/3", "bsnlp", "brexit", "2018-07-09", "Отставка министра", "Министр ушёл, ЕС молчит."),
	}
	labelled := map[string]bool{"rt/9": true, "bsnlp/3": true}
	tests := []struct {
		name    string
		opts    DrawOptions
		want    map[string]int // source and stratum: texts
		wantErr bool
	}{
		{
			name: "title top-up, then the strata",
			opts: DrawOptions{Seed: 1, Quotas: []DrawQuota{{Source: "rt", Counts: map[string]int{StratumTitle: 2, StratumDiplomatic: 1, StratumPolitical: 1, StratumRest: 1}}}},
			want: map[string]int{"rt FT": 2, "rt FA": 1, "rt FB": 1, "rt FC": 1},
		},
		{
			name: "a short stratum passes its quota on",
			opts: DrawOptions{Seed: 1, Quotas: []DrawQuota{{Source: "rt", Counts: map[string]int{StratumTitle: 3, StratumDiplomatic: 1, StratumRest: 1}}}},
			want: map[string]int{"rt FT": 2, "rt FA": 1, "rt FB": 1, "rt FC": 1},
		},
		{
			name: "the cap per topic and day counts labelled texts",
			opts: DrawOptions{Seed: 1, PerTopicDay: 2, Quotas: []DrawQuota{{Source: "bsnlp", Counts: map[string]int{StratumTitle: 1}}}},
			want: map[string]int{"bsnlp FT": 1},
		},
		{
			name:    "more than there is",
			opts:    DrawOptions{Seed: 1, PerTopicDay: 2, Quotas: []DrawQuota{{Source: "bsnlp", Counts: map[string]int{StratumTitle: 2}}}},
			wantErr: true,
		},
		{
			name:    "an unknown source",
			opts:    DrawOptions{Seed: 1, Quotas: []DrawQuota{{Source: "ng", Counts: map[string]int{StratumRest: 1}}}},
			wantErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			drawn, err := Draw(recs, labelled, tt.opts)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want an error: %v", err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			got := map[string]int{}
			for _, d := range drawn {
				got[d.Source+" "+d.Stratum]++
				if labelled[d.ID] || d.ID == "rt/6" && contains(drawn, "rt/1") || d.ID == "rt/1" && contains(drawn, "rt/6") {
					t.Errorf("drew %s: labelled or a repeat", d.ID)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("drawn %v, want %v", got, tt.want)
			}
			again, _ := Draw(recs, labelled, tt.opts)
			if fmt.Sprint(ids(again)) != fmt.Sprint(ids(drawn)) {
				t.Errorf("a second draw with the same seed gave %v, the first %v", ids(again), ids(drawn))
			}
		})
	}
}

func contains(ds []Drawn, id string) bool {
	for _, d := range ds {
		if d.ID == id {
			return true
		}
	}
	return false
}

func ids(ds []Drawn) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.ID)
	}
	return out
}

package clean

import (
	"reflect"
	"testing"
)

func TestStripLead(t *testing.T) {
	for _, tc := range []struct {
		name, in, rest string
		meta           Meta
		frags          []string
	}{
		{
			name:  "seed 000: date, camera credit, dateline, glued agency",
			in:    "date 2020-01 Kamera Güven USTA İstanbul DHADışişleri Bakanı Mevlüt Çavuşoğlu konuştu.",
			rest:  "Dışişleri Bakanı Mevlüt Çavuşoğlu konuştu.",
			meta:  Meta{Credit: "Kamera: Güven USTA", Dateline: "İstanbul", Attribution: "DHA", Date: "2020-01"},
			frags: []string{"date 2020-01", "Kamera Güven USTA", "İstanbul DHA"},
		},
		{
			name:  "capital city, agency in parentheses, en dash",
			in:    "İSTANBUL (DHA) – Dışişleri Bakanı açıklama yaptı.",
			rest:  "Dışişleri Bakanı açıklama yaptı.",
			meta:  Meta{Dateline: "İSTANBUL", Attribution: "DHA"},
			frags: []string{"İSTANBUL (DHA) –"},
		},
		{
			name:  "hyphen",
			in:    "ANKARA (AA) - Türkiye ile Rusya görüştü.",
			rest:  "Türkiye ile Rusya görüştü.",
			meta:  Meta{Dateline: "ANKARA", Attribution: "AA"},
			frags: []string{"ANKARA (AA) -"},
		},
		{
			name:  "tass",
			in:    "МОСКВА, 12 января. /ТАСС/. Министр иностранных дел России провел переговоры.",
			rest:  "Министр иностранных дел России провел переговоры.",
			meta:  Meta{Dateline: "МОСКВА, 12 января.", Attribution: "ТАСС"},
			frags: []string{"МОСКВА, 12 января. /ТАСС/."},
		},
		{
			name:  "ria",
			in:    "МОСКВА, 12 янв — РИА Новости. Лавров прибыл в Анкару.",
			rest:  "Лавров прибыл в Анкару.",
			meta:  Meta{Dateline: "МОСКВА, 12 янв", Attribution: "РИА Новости"},
			frags: []string{"МОСКВА, 12 янв — РИА Новости."},
		},
		{
			name:  "city and dash only",
			in:    "ANKARA – Bakan açıklama yaptı.",
			rest:  "Bakan açıklama yaptı.",
			meta:  Meta{Dateline: "ANKARA"},
			frags: []string{"ANKARA –"},
		},
		{
			name:  "any agency in parentheses: invented tag",
			in:    "ANKARA (HA) - Türkiye İstatistik Kurumu verileri açıkladı.",
			rest:  "Türkiye İstatistik Kurumu verileri açıkladı.",
			meta:  Meta{Dateline: "ANKARA", Attribution: "HA"},
			frags: []string{"ANKARA (HA) -"},
		},
		{
			name:  "two-word place, invented agency of two words, em dash",
			in:    "NEW YORK (Karadeniz Ajans) — BM Genel Kurulu toplandı.",
			rest:  "BM Genel Kurulu toplandı.",
			meta:  Meta{Dateline: "NEW YORK", Attribution: "Karadeniz Ajans"},
			frags: []string{"NEW YORK (Karadeniz Ajans) —"},
		},
		{
			name:  "invented Russian agency between slashes",
			in:    "МОСКВА, 19 ноября. /Вестник/. Министр провел переговоры.",
			rest:  "Министр провел переговоры.",
			meta:  Meta{Dateline: "МОСКВА, 19 ноября.", Attribution: "Вестник"},
			frags: []string{"МОСКВА, 19 ноября. /Вестник/."},
		},
		{
			name:  "organisation as place, agency of two words",
			in:    "ООН, 6 ноября 2026 г. /Северный Курьер/. Совбез продлил мандат.",
			rest:  "Совбез продлил мандат.",
			meta:  Meta{Dateline: "ООН, 6 ноября 2026 г.", Attribution: "Северный Курьер"},
			frags: []string{"ООН, 6 ноября 2026 г. /Северный Курьер/."},
		},
		{
			name: "parentheses inside a sentence are not a dateline",
			in:   "Türkiye (TR) ile Rusya görüştü.",
			rest: "Türkiye (TR) ile Rusya görüştü.",
		},
		{
			name: "a lower-case aside between slashes is not an agency",
			in:   "МОСКВА, 19 ноября /по данным СМИ/ министр провел переговоры.",
			rest: "МОСКВА, 19 ноября /по данным СМИ/ министр провел переговоры.",
		},
		{
			name: "ordinary sentence is left alone",
			in:   "Dışişleri Bakanı Mevlüt Çavuşoğlu ve Rusya Federasyonu Dışişleri Bakanı Sergey Lavrov görüştü.",
			rest: "Dışişleri Bakanı Mevlüt Çavuşoğlu ve Rusya Federasyonu Dışişleri Bakanı Sergey Lavrov görüştü.",
		},
		{
			// "KAPADOKYA" is K, AP and ADOKYA: a tag inside a word in
			// capitals is no agency, or the place line loses its start.
			name: "an agency's letters inside a place's name are not a tag",
			in:   "KAPADOKYA, NEVŞEHİR",
			rest: "KAPADOKYA, NEVŞEHİR",
		},
		{
			name: "an AP-like word is not an agency",
			in:   "Apple yeni ürününü tanıttı.",
			rest: "Apple yeni ürününü tanıttı.",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var m Meta
			rest, frags := stripLead(tc.in, &m)
			if rest != tc.rest {
				t.Errorf("rest %q, want %q", rest, tc.rest)
			}
			if m != tc.meta {
				t.Errorf("meta %+v, want %+v", m, tc.meta)
			}
			var texts []string
			for _, f := range frags {
				texts = append(texts, f.text)
			}
			if !reflect.DeepEqual(texts, tc.frags) {
				t.Errorf("fragments %q, want %q", texts, tc.frags)
			}
		})
	}
}

func TestCreditBlock(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"Kamera: Güven USTA", "Kamera: Güven USTA", true},
		{"Foto: AA", "Foto: AA", true},
		{"Фото: Иван Иванов/ТАСС", "Фото: Иван Иванов/ТАСС", true},
		{"Fotoğraf Ahmet Yılmaz", "Fotoğraf: Ahmet Yılmaz", true},
		{"Foto galeri: Bakan Çavuşoğlu'nun Moskova ziyaretinden kareler ve daha fazlası burada görülebilir", "", false},
		{"Dışişleri Bakanı konuştu.", "", false},
	} {
		got, ok := creditBlock(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("creditBlock(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestSourceLine(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"KAYNAK:TRT HABER", "TRT HABER", true},
		{"Kaynak: AA", "AA", true},
		{"Источник: ТАСС", "ТАСС", true},
		{"Kaynaklara göre görüşme iyi geçti.", "", false},
	} {
		got, ok := sourceLine(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("sourceLine(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestHeadlineShaped(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Ortak çabalar sürdürülecek", true},
		{"«Единая Россия» организует наблюдение на избирательных участках в ходе ЕДГ-2025", true},
		{"Bakan açıklama yaptı.", false},
		{"– Libya hakkında Berlin Konferansı sonuçlarıyla uyumlu olarak siyasi diyalogun sağlanması,", false},
		{"", false},
	} {
		if got := headlineShaped(tc.in); got != tc.want {
			t.Errorf("headlineShaped(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestRelated(t *testing.T) {
	lc := lowerer("tr")
	ref := stems("Türkiye ve Rusya Libya için masadaydı. Türkiye ve Rusya, Libya’da kalıcı ve sürdürülebilir bir ateşkes için ortak çabaları sürdürme kararı aldı.", lc)
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Ortak çabalar sürdürülecek", true},
		{"LİBYA'DA ATEŞKES İÇİN ORTAK ÇABA", true},
		{"Azerbaycan Cumhurbaşkanı ile Ermenistan Başbakanı arasında Washington’da düzenlenen görüşmede Ortak Bildiri imzalandı", false},
		{"“Birleşik Rusya Genç Muhafızları” gönüllüleri DPR’ye insani yardım malzemesi ulaştırdı", false},
		{"Fenerbahçe deplasmanda kazandı", false},
	} {
		if got := related(stems(tc.in, lc), ref); got != tc.want {
			t.Errorf("related(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestTurkishCasing(t *testing.T) {
	lc := lowerer("tr")
	got := dedupKey("İKİLİ İLİŞKİLER IRAK", lc)
	if got != "ikili ilişkiler ırak" {
		t.Errorf("got %q, want Turkish lower case", got)
	}
}

func TestDateLine(t *testing.T) {
	for _, tc := range []struct {
		in, date, byline string
		ok               bool
	}{
		{"6 ноября 2026, 23:55", "6 ноября 2026, 23:55", "", true},
		{"Giriş: 10 Kasım 2026 14:00", "10 Kasım 2026 14:00", "", true},
		{"03.11.2026 10:00 Güncelleme: 03.11.2026 10:00", "03.11.2026 10:00", "", true},
		{"Zeynep Öztürk | 21.10.2026 17:45 Güncelleme: 21.10.2026 17:45", "21.10.2026 17:45", "Zeynep Öztürk", true},
		{"Опубликовано: 2026-11-06 • Обновлено: 2026-11-07", "2026-11-06", "", true},
		{"Иван Петров • 12 января 2026", "12 января 2026", "Иван Петров", true},
		{"Published 3 March 2026 | Updated 4 March 2026", "3 March 2026", "", true},
		{"Анна Смирнова · 12 ноября 2026 в 14:26", "12 ноября 2026", "Анна Смирнова", true},
		{"Ayşe Kaya | 12 Kasım 2026, saat 14:26", "12 Kasım 2026", "Ayşe Kaya", true},
		{"Artikel veröffentlicht am 28. April 2024, 14:26 Uhr, Jan Vogt", "28. April 2024, 14:26", "Jan Vogt", true},
		{"9. September 2025 um 15:46 Uhr / Jan Vogt", "9. September 2025", "Jan Vogt", true},
		{"5 gennaio 2025 ( modifica il 6 gennaio 2025 | 15:24)", "5 gennaio 2025", "", true},
		{"Publicado el 13 de mayo de 2025 a las 20:56h", "13 de mayo de 2025", "", true},
		{"Dienstag, 27. August 2024", "27. August 2024", "", true},
		{"12 ноября в 14:26 в Москве начнется заседание совета.", "", "", false},
		{"Am 28. April 2024 um 14:26 Uhr begann die Sitzung", "", "", false},
		{"12 Mart 2026 tarihinde Ankara'da bir toplantı yapıldı.", "", "", false},
		{"Toplantı 21.10.2026 tarihinde yapılacak", "", "", false},
		{"Zeynep Öztürk 21.10.2026", "", "", false}, // no separator: not surely a byline
		{"ANKARA | 21.10.2026 yeni bir karar | açıklandı", "", "", false},
		{"Dışişleri Bakanı konuştu.", "", "", false},
	} {
		date, byline, ok := dateLine(tc.in)
		if date != tc.date || byline != tc.byline || ok != tc.ok {
			t.Errorf("dateLine(%q) = %q, %q, %v; want %q, %q, %v", tc.in, date, byline, ok, tc.date, tc.byline, tc.ok)
		}
	}
}

func TestCapsHeading(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"ANTİBİYOTİK KULLANIMI KONUSUNDA UYARI", true},
		{"ПЕРВЫЕ ПОЕЗДА МОГУТ ПОЙТИ УЖЕ В СЛЕДУЮЩЕМ ГОДУ", true},
		{"NATO VE AB'DEN ORTAK AÇIKLAMA", true},
		{"BM", false}, // too short to say
		{"DHA", false},
		{"BAKAN AÇIKLAMA YAPTI.", false}, // a sentence, if a shouted one
		{"Türkiye ve Rusya görüştü", false},
		{"İKİLİ İLİŞKİLERİMİZİN DEVAMI VE PEKİŞTİRİLMESİ İÇİN HER TÜRLÜ ADIMI ATAMAYA HAZIR OLDUKLARINI BEYAN ETTİLER", true},
	} {
		if got := capsHeading(tc.in); got != tc.want {
			t.Errorf("capsHeading(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

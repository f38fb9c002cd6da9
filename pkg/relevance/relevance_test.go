package relevance_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/relevance"
)

func diplomacy(t testing.TB) *relevance.Profile {
	t.Helper()
	p, err := relevance.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestScore(t *testing.T) {
	p := diplomacy(t)
	for _, tc := range []struct {
		name, lang, title string
		body              []string
		relevant          bool
		terms             []string // must be among the evidence
		countries, orgs   []string // exactly
	}{
		{
			name: "turkish diplomatic", lang: "tr",
			title:    "Türkiye ve Rusya Libya için masadaydı",
			body:     []string{"Dışişleri Bakanlığı, Türkiye ve Rusya heyetlerinin Libya’da kalıcı bir ateşkes için ortak çabaları sürdürme kararı aldığını açıkladı. Toplantıda BM Güvenlik Konseyi kararları ve Berlin süreci ele alındı."},
			relevant: true, terms: []string{"ateşkes", "Dışişleri Bakanı", "BM", "Güvenlik Konseyi"},
			countries: []string{"LY", "RU", "TR"}, orgs: []string{"UN"},
		},
		{
			name: "russian diplomatic with case forms", lang: "ru",
			title:    "Лавров и Чавушоглу обсудили перемирие в Ливии",
			body:     []string{"Министр иностранных дел России Сергей Лавров провел переговоры с главой МИД Турции. Стороны подписали совместное заявление о прекращении огня в Ливии и договорились о консультациях с ООН. Россией и Турцией создана рабочая группа."},
			relevant: true, terms: []string{"перемирие", "МИД", "совместное заявление", "переговоры"},
			countries: []string{"LY", "RU", "TR"}, orgs: []string{"UN"},
		},
		{
			name: "english diplomatic", lang: "en",
			title:    "Turkey and Russia call for Libya ceasefire",
			body:     []string{"The foreign ministers of Turkey and Russia issued a joint statement calling for a ceasefire in Libya, and said talks would continue under the auspices of the United Nations."},
			relevant: true, terms: []string{"ceasefire", "joint statement", "foreign minister"},
			countries: []string{"LY", "RU", "TR"}, orgs: []string{"UN"},
		},
		{
			name: "turkish sport naming countries", lang: "tr",
			title:     "Milli takım Rusya deplasmanında",
			body:      []string{"A Milli Futbol Takımı, Türkiye'nin grubundaki kritik maçta Rusya'ya konuk oluyor. Teknik direktör, Almanya ve Fransa maçlarının ardından takımın moralinin yüksek olduğunu söyledi. Maç saat 20.00'de başlayacak."},
			relevant:  false,
			countries: []string{"DE", "FR", "RU", "TR"},
		},
		{
			name: "russian economy", lang: "ru",
			title:    "Курс рубля вырос на открытии торгов",
			body:     []string{"Курс рубля к доллару вырос на открытии торгов на Московской бирже. Аналитики ожидают, что во второй половине недели рубль останется стабильным на фоне высоких цен на нефть."},
			relevant: false,
		},
		{
			name: "acronyms match only in capitals", lang: "tr",
			title:    "ab ab ab",
			body:     []string{"bm ve nato kelimeleri küçük harfle yazılınca kurum adı değildir."},
			relevant: false,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := p.Score(tc.lang, tc.title, tc.body)
			if r.Relevant != tc.relevant {
				t.Errorf("relevant %v (score %v, terms %q), want %v", r.Relevant, r.Score, r.Terms, tc.relevant)
			}
			for _, term := range tc.terms {
				if !slices.Contains(r.Terms, term) {
					t.Errorf("terms %q lack %q", r.Terms, term)
				}
			}
			if !reflect.DeepEqual(r.Countries, tc.countries) {
				t.Errorf("countries %q, want %q", r.Countries, tc.countries)
			}
			if !reflect.DeepEqual(r.Organizations, tc.orgs) {
				t.Errorf("organizations %q, want %q", r.Organizations, tc.orgs)
			}
			if r.Topic != "diplomacy" || r.Terms == nil {
				t.Errorf("topic %q, terms %v", r.Topic, r.Terms)
			}
		})
	}
}

func TestTermsByWeight(t *testing.T) {
	r := diplomacy(t).Score("tr", "", []string{"Görüşmede büyükelçi, ateşkes ve görüşme; ateşkes yine ateşkes."})
	want := []string{"ateşkes", "büyükelçi", "görüşme"} // weights 3, 2, 1; deduplicated
	if !reflect.DeepEqual(r.Terms, want) {
		t.Errorf("terms %q, want %q", r.Terms, want)
	}
}

func TestLengthNormalisation(t *testing.T) {
	p := diplomacy(t)
	short := []string{"Dışişleri Bakanı ateşkes çağrısında bulundu."}
	filler := strings.Repeat("Hava bugün güneşli olacak ve sıcaklık mevsim normallerinde seyredecek. ", 60)
	long := append(short, filler)
	s, l := p.Score("tr", "", short).Score, p.Score("tr", "", long).Score
	if !(l < s) {
		t.Errorf("long text score %v not below short %v", l, s)
	}
}

func TestThreshold(t *testing.T) {
	p := diplomacy(t)
	body := []string{"Büyükelçi açıklama yaptı."}
	if p.Score("tr", "", body).Relevant {
		t.Fatal("one term is relevant at the default threshold")
	}
	if !p.ScoreThreshold("tr", "", body, 0.5).Relevant {
		t.Error("not relevant at threshold 0.5")
	}
}

func TestCaseForms(t *testing.T) {
	p := diplomacy(t)
	for _, tc := range []struct{ lang, text, country string }{
		{"tr", "Rusya'nın tutumu", "RU"},
		{"tr", "Libya’da durum", "LY"},
		{"tr", "RUSYADAKİ gelişmeler", "RU"},
		{"ru", "вместе с Россией", "RU"},
		{"ru", "в России", "RU"},
		{"ru", "с Турцией", "TR"},
		{"ru", "из Азербайджана", "AZ"},
		{"ru", "в Египте", "EG"},
		{"en", "Turkey's position", "TR"},
	} {
		r := p.Score(tc.lang, "", []string{tc.text})
		if !slices.Contains(r.Countries, tc.country) {
			t.Errorf("%q: countries %q, want %s", tc.text, r.Countries, tc.country)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct{ name, yaml string }{
		{"not yaml", "topic: [unclosed"},
		{"unknown field", "topic: x\nthreshold: 1\nlength_norm: 100\ncolour: red\n"},
		{"no threshold", "topic: x\nlength_norm: 100\n"},
		{"no topic", "threshold: 1\nlength_norm: 100\n"},
		{"term without weight", "topic: x\nthreshold: 1\nlength_norm: 100\nterms:\n  tr:\n    - {t: [zirve]}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := relevance.Load(strings.NewReader(tc.yaml)); err == nil {
				t.Error("loaded")
			}
		})
	}
}

func TestCustomProfile(t *testing.T) {
	p, err := relevance.Load(strings.NewReader(`
topic: energy
threshold: 1
length_norm: 100
terms:
  tr:
    - {w: 2, t: [doğalgaz, doğal gaz]}
  ru:
    - {w: 2, t: [газопровод]}
`))
	if err != nil {
		t.Fatal(err)
	}
	if r := p.Score("tr", "", []string{"Doğalgaz anlaşması imzalandı."}); !r.Relevant || r.Topic != "energy" {
		t.Errorf("%+v", r)
	}
	if r := p.Score("ru", "", []string{"Строительство газопровода завершено."}); !r.Relevant {
		t.Errorf("%+v", r)
	}
}

// TestStems checks that terms match their inflected forms through the
// Snowball stems, and do not match words that only share a beginning.
func TestStems(t *testing.T) {
	p := diplomacy(t)
	for _, tc := range []struct {
		lang, text, term string
		want             bool
	}{
		{"tr", "Zirvesinde konuştu.", "zirve", true},
		{"tr", "Müzakerelerin sürdüğü bildirildi.", "müzakere", true},
		{"tr", "Ateşkesin korunması.", "ateşkes", true},
		{"tr", "ATEŞKESE uyulmadı.", "ateşkes", true},
		{"tr", "Yaptırımları genişletti.", "yaptırım", true},
		{"tr", "Büyükelçiliğine nota verdi.", "büyükelçi", true},
		{"tr", "Heyetler bir araya geldi.", "heyet", true},
		{"tr", "Ortak bildiriyi imzaladılar.", "ortak bildiri", true},
		{"tr", "Dışişleri Bakanlığından açıklama.", "Dışişleri Bakanı", true},
		{"tr", "Zirai ilaç fiyatları.", "zirve", false},
		{"tr", "Heyecanlı bir maç oldu.", "heyet", false},
		{"ru", "Переговорах в Анкаре.", "переговоры", true},
		{"ru", "Новые санкциями.", "санкции", true},
		{"ru", "На полях саммита.", "саммит", true},
		{"ru", "Заключили перемирия.", "перемирие", true},
		{"ru", "Приняли совместного заявления.", "совместное заявление", true},
		{"ru", "Министра иностранных дел Турции.", "министр иностранных дел", true},
		{"ru", "Послом в Анкаре.", "посол", true},
		{"ru", "Последние новости спорта.", "посол", false},
		{"ru", "Послезавтра.", "посол", false},
		{"ru", "После матча.", "посол", false},
		{"en", "Negotiations resumed.", "negotiation", true},
	} {
		t.Run(tc.lang+"/"+tc.text, func(t *testing.T) {
			r := p.ScoreThreshold(tc.lang, "", []string{tc.text}, 100)
			if got := slices.Contains(r.Terms, tc.term); got != tc.want {
				t.Errorf("terms %q: %q matched %v, want %v", r.Terms, tc.term, got, tc.want)
			}
		})
	}
}

// fleeting folds the Russian fleeting vowel of посол/послами, which
// Snowball does not: a stemmer of one's own replaces the default.
type fleeting struct{}

func (fleeting) Stem(lang, w string) string {
	if lang == "ru" && strings.HasPrefix(w, "посл") && !strings.HasPrefix(w, "после") {
		return "посол"
	}
	return relevance.Snowball{}.Stem(lang, w)
}

func TestStemmerSeam(t *testing.T) {
	p, err := relevance.Load(strings.NewReader("topic: x\nthreshold: 1\nlength_norm: 100\nterms:\n  ru:\n    - {w: 2, t: [посол]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	body := []string{"Встреча с послами прошла в МИД."}
	if p.Score("ru", "", body).Relevant {
		t.Fatal("Snowball matched посол in послами")
	}
	if !p.WithStemmer(fleeting{}).Score("ru", "", body).Relevant {
		t.Error("the stemmer was not used")
	}
}

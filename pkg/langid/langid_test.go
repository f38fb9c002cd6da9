package langid_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/langid"
)

// Loading seven languages' models takes seconds: one detector per binary.
var (
	detOnce sync.Once
	det     *langid.Detector
	detErr  error
)

func detector(t testing.TB) *langid.Detector {
	t.Helper()
	detOnce.Do(func() { det, detErr = langid.New() })
	if detErr != nil {
		t.Fatal(detErr)
	}
	return det
}

// samples are written for these tests; each is a plausible news sentence.
var samples = []struct {
	name, lang, text string
}{
	{"turkish", "tr", "Dışişleri Bakanı, Ankara'da düzenlenen basın toplantısında iki ülke arasındaki ilişkilerin güçlendirilmesi için yeni adımlar atılacağını söyledi."},
	{"turkish short", "tr", "Bakan yarın Moskova'ya gidecek ve görüşmeler yapacak."},
	{"turkish capitals", "tr", "İKİLİ İLİŞKİLERİMİZİN DEVAMI VE PEKİŞTİRİLMESİ İÇİN HER TÜRLÜ ADIMI ATAMAYA HAZIR OLDUKLARINI BEYAN ETTİLER"},
	{"turkish quoting russian", "tr", "Lavrov, basın toplantısında «Мы готовы к переговорам» diyerek Rusya'nın müzakerelere hazır olduğunu vurguladı ve Türkiye ile iş birliğinin süreceğini belirtti."},
	{"turkish with agency and urls", "tr", "İSTANBUL (DHA) – Toplantı 12 Ocak 2020 tarihinde yapıldı; ayrıntılar https://www.dha.com.tr/dunya adresinde, sorular basin@dha.com.tr adresine. #Libya @DHA"},
	{"russian", "ru", "Министр иностранных дел России заявил на пресс-конференции в Москве, что переговоры о прекращении огня продолжатся на следующей неделе."},
	{"russian short", "ru", "Лавров прибыл в Анкару на переговоры."},
	{"russian with tass", "ru", "МОСКВА, 12 января. /ТАСС/. Президент России и президент Турции обсудили ситуацию в Ливии."},
	{"azerbaijani", "az", "Azərbaycan Respublikasının xarici işlər naziri bu gün Bakıda keçirilən mətbuat konfransında iki ölkə arasında əməkdaşlığın genişləndirilməsindən danışdı."},
	{"azerbaijani short", "az", "Prezident İlham Əliyev Bakıda görüş keçirdi."},
	{"ukrainian", "uk", "Міністр закордонних справ України заявив, що переговори щодо припинення вогню триватимуть наступного тижня у Женеві."},
	{"ukrainian short", "uk", "Міністр прибув до Києва на переговори."},
	{"english", "en", "The foreign minister told reporters in Ankara that talks on a ceasefire would continue next week in Geneva."},
	{"english with turkish names", "!tr", "Turkish Foreign Minister Mevlüt Çavuşoğlu and President Recep Tayyip Erdoğan met the Russian delegation in Istanbul on Wednesday to discuss the ceasefire in Libya."},
	{"kazakh", "kk", "Қазақстан Республикасының Сыртқы істер министрі бүгін Астанада өткен баспасөз мәслихатында екі ел арасындағы ынтымақтастықты дамыту туралы айтты."},
	{"bulgarian", "bg", "Министърът на външните работи на България заяви, че преговорите за прекратяване на огъня ще продължат следващата седмица в Женева."},
}

func TestDetect(t *testing.T) {
	d := detector(t)
	for _, s := range samples {
		t.Run(s.name, func(t *testing.T) {
			lang, conf := d.Detect(s.text)
			if not, ok := strings.CutPrefix(s.lang, "!"); ok {
				if lang == not || lang == "ru" || lang == "" {
					t.Errorf("Detect = %q (%.2f), want another language than tr or ru", lang, conf)
				}
				return
			}
			if lang != s.lang {
				t.Errorf("Detect = %q (%.2f), want %q", lang, conf, s.lang)
			}
			if conf <= 0 || conf > 1 {
				t.Errorf("confidence %v outside (0,1]", conf)
			}
		})
	}
}

func TestDetectUnknown(t *testing.T) {
	d := detector(t)
	for _, text := range []string{"", "12.01.2020 00:00", "https://example.org/a/b", "Foto: AA", "#Libya @DHA"} {
		if lang, conf := d.Detect(text); lang != "" || conf != 0 {
			t.Errorf("Detect(%q) = %q, %v; want unknown", text, lang, conf)
		}
	}
}

func TestDocument(t *testing.T) {
	d := detector(t)
	texts := []string{
		samples[0].text,
		"Kamera: Güven USTA", // too short: takes the document's language
		"",                   // not to be detected
		samples[3].text,
		"«Единая Россия» организует наблюдение на избирательных участках в ходе выборов",
	}
	doc := d.Document(texts)
	if doc.Lang != "tr" {
		t.Fatalf("document language %q, want tr", doc.Lang)
	}
	want := []struct {
		lang      string
		inherited bool
	}{{"tr", false}, {"tr", true}, {"tr", true}, {"tr", false}, {"ru", false}}
	for i, w := range want {
		b := doc.Blocks[i]
		if b.Lang != w.lang || b.Inherited != w.inherited {
			t.Errorf("block %d: %q inherited=%v, want %q inherited=%v", i, b.Lang, b.Inherited, w.lang, w.inherited)
		}
	}
	if doc.Confidence <= 0.5 || doc.Confidence > 1 {
		t.Errorf("document confidence %v, want a clear majority", doc.Confidence)
	}
}

func TestNew(t *testing.T) {
	for _, tc := range []struct {
		name  string
		langs []string
		ok    bool
	}{
		{"unknown code", []string{"tr", "xx"}, false},
		{"one language", []string{"tr"}, true},
		{"duplicates collapse to one", []string{"tr", "TR"}, true},
		{"a language lingua does not know", []string{"tr", "gag"}, false},
		{"two neighbours", []string{"tr", "az"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := langid.New(tc.langs...)
			if (err == nil) != tc.ok {
				t.Errorf("New(%v) error %v, want ok=%v", tc.langs, err, tc.ok)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"bkz. https://www.dha.com.tr/a?b=1 ve www.aa.com.tr", "bkz.   ve  "},
		{"yaz: info@trthaber.com.tr", "yaz:  "},
		{"@DHA #Libya haberi", "    haberi"},
		{"12 Ocak 00.00'da", "  Ocak  'da"},
		{"İstanbul DHADışişleri", "İstanbul  Dışişleri"},
		{"/ТАСС/. Президент", "/ /. Президент"},
	} {
		if got := langid.Normalize(tc.in); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

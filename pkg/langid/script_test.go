package langid

import (
	"strings"
	"testing"
)

// The letter rules must never overrule lingua where lingua is right: on
// every sample where a rule says a language is in, lingua agrees.
func TestRulesAgreeWithLingua(t *testing.T) {
	d, err := New() // lingua caches its models per process: cheap after the first
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text string
		tr, ru     verdict
	}{
		{"turkish", "Dışişleri Bakanı, Ankara'da düzenlenen basın toplantısında iki ülke arasındaki ilişkilerin güçlendirilmesi için yeni adımlar atılacağını söyledi.", isLang, notLang},
		{"turkish short", "Bakan yarın Moskova'ya gidecek ve görüşmeler yapacak.", isLang, notLang},
		{"turkish too short for a rule", "Bakan Moskova'ya gidecek.", undecided, notLang},
		{"azerbaijani", "Azərbaycan Respublikasının xarici işlər naziri bu gün Bakıda keçirilən mətbuat konfransında iki ölkə arasında əməkdaşlığın genişləndirilməsindən danışdı.", notLang, notLang},
		{"english", "The foreign minister told reporters in Ankara that talks on a ceasefire would continue next week in Geneva.", notLang, notLang},
		{"english full of turkish names", "Turkish Foreign Minister Mevlüt Çavuşoğlu and President Recep Tayyip Erdoğan met the Russian delegation in Istanbul on Wednesday to discuss the ceasefire in Libya.", undecided, notLang},
		{"russian", "Министр иностранных дел России заявил на пресс-конференции в Москве, что переговоры о прекращении огня продолжатся на следующей неделе.", notLang, isLang},
		{"ukrainian", "Міністр закордонних справ України заявив, що переговори щодо припинення вогню триватимуть наступного тижня у Женеві.", notLang, notLang},
		{"kazakh", "Қазақстан Республикасының Сыртқы істер министрі бүгін Астанада өткен баспасөз мәслихатында екі ел арасындағы ынтымақтастықты дамыту туралы айтты.", notLang, notLang},
		{"bulgarian", "Министърът на външните работи на България заяви, че преговорите за прекратяване на огъня ще продължат следващата седмица в Женева.", notLang, notLang},
		{"turkish quoting russian", "Lavrov, basın toplantısında «Мы готовы к переговорам» diyerek Rusya'nın müzakerelere hazır olduğunu vurguladı ve Türkiye ile iş birliğinin süreceğini belirtti.", isLang, notLang},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := analyse(tc.text)
			if got := turkish(s); got != tc.tr {
				t.Errorf("Turkish rule says %v, want %v", got, tc.tr)
			}
			if got := russian(s); got != tc.ru {
				t.Errorf("Russian rule says %v, want %v", got, tc.ru)
			}
			for lang, v := range map[string]verdict{"tr": tc.tr, "ru": tc.ru} {
				if v != isLang {
					continue
				}
				if values := d.lingua.ComputeLanguageConfidenceValues(s.text()); code(values[0].Language()) != lang {
					t.Errorf("the rule says %s, lingua %s", lang, code(values[0].Language()))
				}
			}
		})
	}
}

func TestAnalyseDropsMinorityScript(t *testing.T) {
	s := analyse("Lavrov «Мы готовы» dedi ve müzakerelere hazır olduklarını söyledi")
	if s.script != scriptLatin || strings.Contains(s.text(), "готовы") {
		t.Errorf("script %v, sample %q: want Latin without the Russian words", s.script, s.text())
	}
}

package langid

import (
	"strings"
	"testing"
)

// The fast path must never overrule lingua: on every sample where a rule
// decides, lingua alone must agree.
func TestRulesAgreeWithLingua(t *testing.T) {
	d, err := New() // lingua caches its models per process: cheap after the first
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, text string
		rule       string // what the fast path must decide; "" = leave it to lingua
	}{
		{"turkish", "Dışişleri Bakanı, Ankara'da düzenlenen basın toplantısında iki ülke arasındaki ilişkilerin güçlendirilmesi için yeni adımlar atılacağını söyledi.", "tr"},
		{"turkish too short for a rule", "Bakan yarın Moskova'ya gidecek ve görüşmeler yapacak.", ""},
		{"azerbaijani", "Azərbaycan Respublikasının xarici işlər naziri bu gün Bakıda keçirilən mətbuat konfransında iki ölkə arasında əməkdaşlığın genişləndirilməsindən danışdı.", "az"},
		{"english with turkish names", "Turkish Foreign Minister Mevlüt Çavuşoğlu and President Recep Tayyip Erdoğan met the Russian delegation in Istanbul on Wednesday to discuss the ceasefire in Libya.", ""},
		{"russian", "Министр иностранных дел России заявил на пресс-конференции в Москве, что переговоры о прекращении огня продолжатся на следующей неделе.", "ru"},
		{"russian naming kyiv", "Министр иностранных дел России заявил, что делегация из Києва прибудет в Стамбул на переговоры на следующей неделе.", ""},
		{"ukrainian", "Міністр закордонних справ України заявив, що переговори щодо припинення вогню триватимуть наступного тижня у Женеві.", "uk"},
		{"kazakh", "Қазақстан Республикасының Сыртқы істер министрі бүгін Астанада өткен баспасөз мәслихатында екі ел арасындағы ынтымақтастықты дамыту туралы айтты.", "kk"},
		{"bulgarian", "Министърът на външните работи на България заяви, че преговорите за прекратяване на огъня ще продължат следващата седмица в Женева.", "bg"},
		{"turkish quoting russian", "Lavrov, basın toplantısında «Мы готовы к переговорам» diyerek Rusya'nın müzakerelere hazır olduğunu vurguladı ve Türkiye ile iş birliğinin süreceğini belirtti.", "tr"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := analyse(tc.text)
			rule := d.rules.decide(s)
			if rule != tc.rule {
				t.Errorf("fast path says %q, want %q", rule, tc.rule)
			}
			if rule == "" {
				return
			}
			if lingua, _ := d.detectLingua(s.text()); lingua != rule {
				t.Errorf("fast path says %q, lingua says %q", rule, lingua)
			}
		})
	}
}

// A set with Belarusian or Mongolian turns the Cyrillic rules off: their
// letters overlap with the ones the rules rely on.
func TestRulesDependOnTheSet(t *testing.T) {
	r := newRules(map[string]bool{"ru": true, "be": true})
	if r.cyrillic {
		t.Error("Cyrillic rules on with Belarusian in the set")
	}
	s := analyse(strings.Repeat("Министр иностранных дел России заявил о переговорах. ", 3))
	if got := r.decide(s); got != "" {
		t.Errorf("decided %q with the rules off", got)
	}
}

func TestAnalyseDropsMinorityScript(t *testing.T) {
	s := analyse("Lavrov «Мы готовы» dedi ve müzakerelere hazır olduklarını söyledi")
	if s.script != scriptLatin || strings.Contains(s.text(), "готовы") {
		t.Errorf("script %v, sample %q: want Latin without the Russian words", s.script, s.text())
	}
}

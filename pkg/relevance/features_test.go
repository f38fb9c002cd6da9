package relevance

import (
	"math"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/stem"
)

// TestShapes checks the structural features a lead yields: a diplomatic
// act beside a state, what the headline holds, negative cues that recur.
func TestShapes(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, lang, title, body string
		want, not               []string
	}{
		{
			name: "a call between two states, in the headline", lang: "tr",
			title: "Erdoğan, Rusya Devlet Başkanı ile telefonda görüştü",
			body:  "Cumhurbaşkanı Erdoğan, Rusya Devlet Başkanı Putin ile bir telefon görüşmesi yaptı.",
			want:  []string{"near", "head-act", "head-ent", "head-both", "lead-act", "sent-near", "sent-most"},
		},
		{
			name: "a war report: a state and a ministry sentences apart", lang: "ru",
			title: "Обстрел в Донбассе",
			body:  "Украина сообщила об обстреле нескольких сёл: погибли двое мирных жителей, ещё пятеро ранены, разрушены дома и школа. Позже в МИД ситуацию комментировать не стали, военные сообщили о новых ударах.",
			want:  []string{"violence2", "head-violence"},
			not:   []string{"near", "head-act", "head-both", "lead-act", "sent-near", "sent-most"},
		},
		{
			name: "a war digest with one line on talks", lang: "ru",
			title: "Обстрелы продолжаются",
			body:  "Военные сообщили о новых ударах по сёлам. Погибли двое мирных жителей. Разрушены дома и школа. Армия продолжает учения. В Женеве продолжились переговоры.",
			want:  []string{"sent-few", "violence2"},
			not:   []string{"sent-most", "lead-act", "no-act"},
		},
		{
			name: "a resignation", lang: "ru",
			title: "Министр иностранных дел ушёл в отставку",
			body:  "Глава МИД подал в отставку. Его преемник будет назначен на следующей неделе.",
			want:  []string{"office2", "head-office"},
		},
		{
			name: "domestic politics", lang: "tr",
			title: "Meclis'te seçim tartışması",
			body:  "Muhalefet partisi, seçim kanununa itiraz etti. Milletvekili açıklama yaptı.",
			want:  []string{"politics2", "no-act"},
			not:   []string{"near", "head-act", "sent-few"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			memo := map[string]string{}
			res, lead, lex := p.entities(tt.lang, tt.title, strings.Split(tt.body, "\n\n"), DefaultLead, memo, nil)
			d := extract(tt.lang, lead, compileCues(tt.lang), len(res.Countries), len(res.Organizations), lex, memo)
			var got []string
			for f := range d.feats {
				if s, ok := strings.CutPrefix(f, prefixShape); ok {
					got = append(got, s)
				}
			}
			sort.Strings(got)
			for _, w := range tt.want {
				if !d.feats[prefixShape+w] {
					t.Errorf("no %q among %v", w, got)
				}
				if displayName(prefixShape+w, "") == "" {
					t.Errorf("%q has no name in the evidence", w)
				}
			}
			for _, w := range tt.not {
				if d.feats[prefixShape+w] {
					t.Errorf("%q among %v", w, got)
				}
			}
		})
	}
}

// TestThresholdAtPrecision checks the threshold rule: the precision kept
// where it costs little F1, and not at any cost.
func TestThresholdAtPrecision(t *testing.T) {
	scores := []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95}
	labels := []bool{false, false, false, true, false, true, true, true, false, true}
	tests := []struct {
		name          string
		minP, maxLoss float64
		want          float64
	}{
		{"precision kept at any cost", 0.9, -1, 0.925},
		{"precision kept where it costs little F1", 0.8, 0.05, 0.55},
		{"precision given up where it costs F1", 0.8, 0.02, 0.35},
		{"the most precise threshold within the loss", 0.9, 0.1, 0.55},
		{"precision reached at the best F1", 0.7, 0.02, 0.35},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, c := ThresholdAtPrecision(scores, labels, tt.minP, tt.maxLoss)
			if diff := th - tt.want; diff > 1e-9 || diff < -1e-9 {
				t.Errorf("threshold %.3f (%v), want %.3f", th, c, tt.want)
			}
		})
	}
}

// TestCueStemsAreNotCommon guards the cue groups against a word whose stem
// is a common word's: "дело" (a court case) stems as "дел" does, the
// "affairs" of every "министр иностранных дел".
func TestCueStemsAreNotCommon(t *testing.T) {
	common := map[string][]string{
		"tr": {"teknik", "direktör", "genel", "başkan", "bakan"},
		"ru": {"дел", "дела", "заседании", "министр", "страны"},
	}
	for lang, words := range common {
		lx := compileCues(lang)
		for _, w := range words {
			st := stem.Word(lang, w)
			if k, ok := lx[st]; ok && cueOrder[k] != "act" {
				t.Errorf("%s %q (stem %q) is a %s cue", lang, w, st, cueOrder[k])
			}
		}
	}
}

// TestMeanVerdict: two models' verdicts averaged (LangModel.Long) have
// the mean log-odds, and each term at half its weight, a term both list
// adding up, the heaviest first.
func TestMeanVerdict(t *testing.T) {
	a := verdict{z: 2, terms: []term{{"переговоры", 1.2}, {"[meaning of the lead]", 0.8}, {"матч", -0.4}}}
	b := verdict{z: -1, terms: []term{{"[meaning of the lead]", 1.6}, {"санкции", 0.5}}}
	got := mean(a, b)
	want := verdict{z: 0.5, terms: []term{{"[meaning of the lead]", 1.2}, {"переговоры", 0.6}, {"санкции", 0.25}, {"матч", -0.2}}}
	same := func(x, y term) bool { return x.name == y.name && math.Abs(x.w-y.w) < 1e-9 }
	if got.z != want.z || !slices.EqualFunc(got.terms, want.terms, same) {
		t.Errorf("mean = %+v, want %+v", got, want)
	}
	if s := got.strings(); s[0] != "[meaning of the lead]:+1.20" || s[3] != "матч:-0.20" {
		t.Errorf("evidence %q", s)
	}
}

package relevance

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/wiredesk/wiredesk/pkg/stem"
)

// TestFastPathMatchesWalk checks that the scorer's fast path finds exactly
// the features that training's walk finds: on the team's sample and the
// seed articles, the probability from the fast path equals the one from
// walk's features, the lead's words' meaning and the model's weights.
func TestFastPathMatchesWalk(t *testing.T) {
	s, err := DefaultScorer()
	if err != nil {
		t.Fatal(err)
	}
	type text struct{ lang, title, body string }
	var texts []text
	f, err := os.Open("testdata/labelled.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var it struct{ Lang, Text string }
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, text{it.Lang, "", it.Text})
	}
	texts = append(texts,
		text{"tr", "Erdoğan ve Putin Libya'da ateşkes çağrısı yaptı", "Cumhurbaşkanı Erdoğan ile Rusya Devlet Başkanı Putin, Libya'daki taraflara ateşkes çağrısında bulundu.\n\nDışişleri Bakanı Çavuşoğlu, BM Güvenlik Konseyi kararlarına atıf yaptı."},
		text{"ru", "Лавров и Чавушоглу обсудили перемирие", "Министр иностранных дел России провел переговоры с главой МИД Турции.\n\nСтороны подписали совместное заявление 12 января."})
	for _, tx := range texts {
		paras := strings.Split(tx.body, "\n\n")
		lm := s.model.Langs[tx.lang]
		if lm.Norm {
			t.Skip("the model scales features to unit length; this check sums raw weights")
		}
		z, n := walkLogOdds(s, lm, tx.lang, tx.title, paras)
		// Where the model is unsure, the long model's log-odds are
		// averaged in (LangModel.Long).
		if lm.Long != nil && math.Abs(z) < lm.LongMargin {
			zl, nl := walkLogOdds(s, lm.Long, tx.lang, tx.title, paras)
			z, n = (z+zl)/2, n+nl
		}
		want := 1 / (1 + math.Exp(-z))
		got := s.Score(tx.lang, tx.title, paras, 0)
		if math.Abs(got.Score-math.Round(want*1000)/1000) > 1e-9 {
			t.Errorf("%s %.60q: fast path %.3f, walk %.3f (%d features)", tx.lang, tx.body, got.Score, want, n)
		}
	}
}

func TestLowerWord(t *testing.T) {
	for _, lang := range []string{"tr", "ru", "en"} {
		for _, w := range []string{"ateşkes", "İstanbul", "IŞIK", "ısrar", "Лавров", "переговоры", "ЁЛКА", "ёлка", "NATO", "müzakere", "Çavuşoğlu", "I\u0307", "straße", "ĞÜŞ"} {
			if got, want := lowerWord(lang, w), stem.Lower(lang, w); got != want {
				t.Errorf("lowerWord(%s, %q) = %q, stem.Lower %q", lang, w, got, want)
			}
		}
	}
}

func TestIsWordRune(t *testing.T) {
	for r := rune(0); r < 0x600; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if got := isWordRune(r); got != want {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// walkLogOdds is lm's log-odds of a text as training's walk reads it,
// and how many of the model's features it has.
func walkLogOdds(s *Scorer, lm *LangModel, lang, title string, paras []string) (float64, int) {
	memo := make(map[string]string)
	res, lead, lex := s.profile.entities(lang, title, paras, lm.Lead, memo, nil)
	d := extract(lang, lead, s.model.lexicons[lang], len(res.Countries), len(res.Organizations), lex, memo)
	z := lm.Bias
	n := 0
	for f := range d.feats {
		if w, ok := lm.Weights[f]; ok {
			z += w
			n++
		}
	}
	// The lead's meaning: the mean of its words' numbers, less the
	// centre (semantic.go).
	if lm.Sem != nil {
		sum, k := 0.0, 0
		for _, seg := range lead {
			vectorWords(lang, seg, memo, func(st string) {
				if v, ok := lm.Sem[st]; ok {
					sum += v
					k++
				}
			})
		}
		if k > 0 {
			z += sum / float64(k)
		}
		z -= lm.SemCenter
	}
	// The sentences' meaning (pool.go), as training's sentences read
	// it: the title one sentence, each body segment and sentence
	// start another.
	if lm.Pool != nil {
		acc := newSentAcc(nil, nil)
		for si, seg := range lead {
			acc.segment(si)
			for _, tok := range seg {
				if tok.sent {
					acc.sentence()
				}
				vectorWords(lang, []token{tok}, memo, func(st string) {
					if v, ok := lm.Sem[st]; ok {
						acc.add(v - lm.SemCenter)
					}
				})
			}
		}
		f := pooled(acc.scores(), acc.head, acc.first)
		for j, k := range poolKeys {
			z += lm.Pool[k] * f[j]
		}
	}
	return z, n
}

// TestTokenizeAsRunes checks tokenizeLower, which reads bytes, against
// the tokenizer it replaced, which ranged over runes: the same tokens,
// at every limit, on the team's sample and on text with broken UTF-8,
// apostrophes and stops in odd places.
func TestTokenizeAsRunes(t *testing.T) {
	texts := []string{
		"", "a", "Rusya'nın Libya’da ateşkes. Çağrı! ÖNCE? sonra… İşte", "\xff\xfeab\xc3", "\xd0\x9f\xd1", "x'y'z ''a' 'b.c.D",
		"Лавров: «Переговоры» — МИД РФ. Ёлка! 12.01.2020 G20", "straße ǅemal ΑΘΗΝΑ ʼa`b", "a\u0301b c\u0307 ǀ ١٢٣",
	}
	f, err := os.Open("testdata/labelled.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var it struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, it.Text)
	}
	for _, text := range texts {
		for _, lang := range []string{"tr", "ru"} {
			for _, limit := range []int{-1, 0, 1, 2, 7, 60} {
				for _, lower := range []bool{false, true} {
					got := tokenizeLower(nil, text, lang, limit, lower)
					want := tokenizeRunes(text, lang, limit, lower)
					if !reflect.DeepEqual(got, want) {
						t.Errorf("tokenizeLower(%.40q, %s, %d, %v) = %+v, want %+v", text, lang, limit, lower, got, want)
					}
				}
			}
		}
	}
}

// tokenizeRunes is the tokenizer as it was, over runes.
func tokenizeRunes(text, lang string, limit int, lower bool) []token {
	var out []token
	if limit == 0 {
		return out
	}
	start, cut, n := -1, -1, 0
	stop := false
	flush := func(end int) {
		if start >= 0 {
			if cut >= 0 {
				end = cut
			}
			w := text[start:end]
			t := token{orig: w, sent: stop && n > 0 && startsUpper(w)}
			if lower {
				t.lower = lowerWord(lang, w)
			}
			out = append(out, t)
			n++
			stop = false
		}
		start, cut = -1, -1
	}
	for i, r := range text {
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case isApostrophe(r) && start >= 0:
			if cut < 0 {
				cut = i
			}
		default:
			flush(i)
			if n == limit {
				return out
			}
			if r == '.' || r == '!' || r == '?' || r == '…' {
				stop = true
			}
		}
	}
	flush(len(text))
	return out
}

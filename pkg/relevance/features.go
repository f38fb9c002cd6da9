package relevance

import (
	"strings"
	"unicode"

	"github.com/wiredesk/wiredesk/pkg/stem"
)

// DefaultLead is how many words of an article's body the learned model
// reads after the title, unless the model says otherwise. The rubric asks
// what a text is mainly about, which wires say first; reading the lead
// also bounds the cost of a long article.
const DefaultLead = 300

// Feature names. A word is its Snowball stem; a phrase is two consecutive
// stems; the rest are structural.
const (
	prefixWord   = "w:"
	prefixTitle  = "t:"
	prefixPhrase = "p:"
	prefixCue    = "c:"
	prefixShape  = "s:"
)

// cues are word groups the model gets as one feature each, so that what
// it learns about "a diplomatic act" or "elections" holds for words of the
// group the training set saw rarely. The words are stemmed when a model is
// built; a text has the cue when any of its lead's stems is in the group.
var cues = map[string]map[string][]string{
	"tr": {
		"act":      {"görüştü", "görüşme", "görüşmesi", "imzaladı", "imzalandı", "imzalanan", "ziyaret", "zirve", "zirvesi", "anlaşma", "antlaşma", "mutabakat", "müzakere", "müzakereler", "ateşkes", "yaptırım", "yaptırımlar", "büyükelçi", "büyükelçisi", "büyükelçilik", "konsolosluk", "başkonsolosluk", "dışişleri", "heyet", "heyeti", "mevkidaşı", "diplomatik", "diplomasi", "bildiri", "deklarasyon", "arabuluculuk", "protokol"},
		"politics": {"seçim", "seçimler", "seçimde", "milletvekili", "meclis", "meclisi", "parti", "partisi", "kurultay", "kongre", "muhalefet", "belediye", "oy", "aday", "anket"},
		"market":   {"borsa", "borsası", "endeks", "endeksi", "dolar", "avro", "faiz", "piyasa", "piyasalar", "hisse", "kur", "enflasyon", "şirket", "şirketi", "yatırımcı", "ihracat"},
		"sport":    {"maç", "maçı", "gol", "lig", "ligi", "takım", "takımı", "futbol", "teknik", "direktör", "şampiyonluk", "transfer"},
		"court":    {"mahkeme", "mahkemesi", "dava", "davası", "sanık", "savcı", "savcılık", "tutuklandı", "duruşma", "iddianame", "ceza", "gözaltı"},
		"violence": {"saldırı", "saldırıda", "öldü", "öldürüldü", "yaralandı", "patlama", "bomba", "operasyon", "çatışma", "çatışmalar", "asker", "askeri", "terör"},
	},
	"ru": {
		"act":      {"переговоры", "переговоров", "встреча", "встречи", "визит", "визита", "саммит", "саммита", "соглашение", "соглашения", "договор", "договора", "санкции", "санкций", "перемирие", "посол", "посла", "посольство", "консульство", "мид", "дипломат", "дипломатов", "дипломатический", "меморандум", "заявление", "телефонный", "консультации", "госсекретарь", "министр", "подписали", "подписал", "подписание"},
		"politics": {"выборы", "выборов", "депутат", "депутаты", "госдума", "госдумы", "партия", "партии", "оппозиция", "губернатор", "кандидат", "голосование", "избирком", "праймериз"},
		"market":   {"биржа", "бирже", "рубль", "рубля", "курс", "акции", "торги", "торгов", "инвесторы", "инфляция", "ставка", "доллар", "компания", "компании", "фьючерс"},
		"sport":    {"матч", "матча", "гол", "чемпионат", "сборная", "команда", "клуб", "тренер", "олимпиада", "турнир"},
		"court":    {"суд", "суда", "приговор", "обвинение", "дело", "следствие", "арест", "прокурор", "адвокат", "заседание"},
		"violence": {"теракт", "погибли", "погиб", "удар", "удары", "взрыв", "боевики", "боевиков", "учения", "армия", "военные", "обстрел"},
	},
}

// cueNames are how a cue reads in an article's evidence.
var cueNames = map[string]string{
	"act": "[diplomatic act]", "politics": "[domestic politics]", "market": "[markets]",
	"sport": "[sport]", "court": "[courts]", "violence": "[violence]",
}

// shapeNames are how the structural features read in the evidence.
var shapeNames = map[string]string{
	"states2":   "[two states named]",
	"state+org": "[a state and an international organisation]",
	"org":       "[an international organisation]",
	"states3":   "[three or more states named]",
	"lex2":      "[profile terms 2+]",
	"lex4":      "[profile terms 4+]",
	"lex7":      "[profile terms 7+]",
	"act2":      "[diplomatic acts 2+]",
	"act4":      "[diplomatic acts 4+]",
}

// actSteps are the steps of the number of the lead's diplomatic-act words
// that the model sees as features: one such word may be incidental (a
// war report quoting a ministry), several are what a text is about.
var actSteps = []struct {
	name string
	min  int
}{{"act2", 2}, {"act4", 4}}

// headWords is how many first words of a text without a title stand in
// for one.
const headWords = 25

// lexSteps are the steps of the profile's term weight in the lead that
// the model sees as features.
var lexSteps = []struct {
	name string
	min  float64
}{{"lex2", 2}, {"lex4", 4}, {"lex7", 7}}

// lexicon is a model's compiled cues for one language: stem to cue.
type lexicon map[string]string

func compileCues(lang string) lexicon {
	lx := make(lexicon)
	for cue, words := range cues[lang] {
		for _, w := range words {
			lx[stem.Word(lang, w)] = cue
		}
	}
	return lx
}

// doc is what the model sees of an article: its feature set, and for each
// word or phrase feature the words as written (for the evidence).
type doc struct {
	feats   map[string]bool
	surface map[string]string
}

// countable reports whether a word may be a feature: letters, at least
// two of them (digits and single letters say nothing about the topic).
func countable(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
		n++
	}
	return n >= 2
}

// walk enumerates the features of an article's lead, once or more each.
// toks are the tokens of the title and the paragraphs, one segment each,
// so that no phrase spans them (see Profile.entities); countries and orgs
// are what the profile found, lex the weight of its terms in the lead.
// stemOf stems a lower-case word. emit gets each feature's key (valid
// only during the call) and the words as written: w1 for a word, w1 and
// w2 for a phrase, none for a cue or a shape. Training and scoring both
// walk, so they see the same features.
func walk(toks [][]token, lx lexicon, countries, orgs int, lex float64, stemOf func(string) string, emit func(key []byte, w1, w2 string)) {
	var buf []byte
	key := func(prefix, a, sep, b string) []byte {
		buf = append(append(append(append(buf[:0], prefix...), a...), sep...), b...)
		return buf
	}
	// The title's words count again as title words: a headline says what
	// a text is mainly about. A text without a title (some corpora lose
	// them) has its first words stand in for one.
	head := 0
	if len(toks) > 0 && len(toks[0]) == 0 {
		head = 1
	}
	acts := 0
	for si, seg := range toks {
		prev, prevLower := "", ""
		for ti, t := range seg {
			if !countable(t.lower) {
				prev = ""
				continue
			}
			s := stemOf(t.lower)
			emit(key(prefixWord, s, "", ""), t.lower, "")
			if si == head && (head == 0 || ti < headWords) {
				emit(key(prefixTitle, s, "", ""), t.lower, "")
			}
			if cue, ok := lx[s]; ok {
				emit(key(prefixCue, cue, "", ""), "", "")
				if cue == "act" {
					acts++
				}
			}
			if prev != "" {
				emit(key(prefixPhrase, prev, "_", s), prevLower, t.lower)
			}
			prev, prevLower = s, t.lower
		}
	}
	switch {
	case countries >= 3:
		emit(key(prefixShape, "states3", "", ""), "", "")
		emit(key(prefixShape, "states2", "", ""), "", "")
	case countries == 2:
		emit(key(prefixShape, "states2", "", ""), "", "")
	}
	// The old profile's weighted terms, as evidence among the rest: their
	// weight in the lead, in steps.
	for _, step := range lexSteps {
		if lex >= step.min {
			emit(key(prefixShape, step.name, "", ""), "", "")
		}
	}
	for _, step := range actSteps {
		if acts >= step.min {
			emit(key(prefixShape, step.name, "", ""), "", "")
		}
	}
	if orgs > 0 {
		emit(key(prefixShape, "org", "", ""), "", "")
		if countries > 0 {
			emit(key(prefixShape, "state+org", "", ""), "", "")
		}
	}
}

// extract builds the doc of an article's lead, for training.
func extract(lang string, toks [][]token, lx lexicon, countries, orgs int, lex float64, memo map[string]string) doc {
	d := doc{feats: make(map[string]bool, 256), surface: make(map[string]string, 256)}
	stemOf := func(w string) string {
		s, ok := memo[w]
		if !ok {
			s = stem.Word(lang, w)
			memo[w] = s
		}
		return s
	}
	walk(toks, lx, countries, orgs, lex, stemOf, func(key []byte, w1, w2 string) {
		f := string(key)
		d.feats[f] = true
		if _, ok := d.surface[f]; !ok && w1 != "" {
			if w2 != "" {
				w1 += " " + w2
			}
			d.surface[f] = w1
		}
	})
	return d
}

// displayName is how a feature reads in the evidence.
func displayName(feat, surface string) string {
	switch {
	case strings.HasPrefix(feat, prefixCue):
		return cueNames[feat[len(prefixCue):]]
	case strings.HasPrefix(feat, prefixShape):
		return shapeNames[feat[len(prefixShape):]]
	case strings.HasPrefix(feat, prefixTitle) && surface != "":
		return "title:" + surface
	case surface != "":
		return surface
	}
	return feat[strings.IndexByte(feat, ':')+1:]
}

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
		"sport":    {"maç", "maçı", "gol", "lig", "ligi", "takım", "takımı", "futbol", "futbolcu", "şampiyonluk", "transfer"},
		"court":    {"mahkeme", "mahkemesi", "dava", "davası", "sanık", "savcı", "savcılık", "tutuklandı", "duruşma", "iddianame", "ceza", "gözaltı"},
		"violence": {"saldırı", "saldırıda", "öldü", "öldürüldü", "yaralandı", "patlama", "bomba", "operasyon", "çatışma", "çatışmalar", "asker", "askeri", "terör"},
		"office":   {"atandı", "atama", "atanması", "atanan", "istifa", "istifası", "istifasını", "görevden", "görevine", "emekli", "vefat", "hayatını", "cenaze", "cenazesi", "suikast", "kariyer", "halefi"},
	},
	"ru": {
		"act":      {"переговоры", "переговоров", "встреча", "встречи", "визит", "визита", "саммит", "саммита", "соглашение", "соглашения", "договор", "договора", "санкции", "санкций", "перемирие", "посол", "посла", "посольство", "консульство", "мид", "дипломат", "дипломатов", "дипломатический", "меморандум", "заявление", "телефонный", "консультации", "госсекретарь", "министр", "подписали", "подписал", "подписание"},
		"politics": {"выборы", "выборов", "депутат", "депутаты", "госдума", "госдумы", "партия", "партии", "оппозиция", "губернатор", "кандидат", "голосование", "избирком", "праймериз"},
		"market":   {"биржа", "бирже", "рубль", "рубля", "курс", "акции", "торги", "торгов", "инвесторы", "инфляция", "ставка", "доллар", "компания", "компании", "фьючерс"},
		"sport":    {"матч", "матча", "гол", "чемпионат", "сборная", "команда", "клуб", "тренер", "олимпиада", "турнир"},
		"court":    {"суд", "суда", "приговор", "обвинение", "следствие", "арест", "прокурор", "адвокат", "уголовное"},
		"violence": {"теракт", "погибли", "погиб", "удар", "удары", "взрыв", "боевики", "боевиков", "учения", "армия", "военные", "обстрел"},
		"office":   {"отставка", "отставку", "отставке", "назначен", "назначил", "назначение", "назначения", "возглавил", "возглавит", "преемник", "уволился", "покинул", "умер", "скончался", "убийство", "убийства", "похороны", "карьера"},
	},
}

// cueOrder numbers the cue groups; cueAct is the diplomatic act's.
var cueOrder = []string{"act", "politics", "market", "sport", "court", "violence", "office"}

const (
	cueAct  = 0
	numCues = 7
)

// cueNames are how a cue reads in an article's evidence.
var cueNames = map[string]string{
	"act": "[diplomatic act]", "politics": "[domestic politics]", "market": "[markets]",
	"sport": "[sport]", "court": "[courts]", "violence": "[violence]",
	"office": "[appointments, resignations, deaths]",
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
	"near":      "[a diplomatic act beside a state or organisation]",
	"dense":     "[dense with diplomatic acts]",
	"near2":     "[diplomatic acts beside states 2+]",
	"head-act":  "[a diplomatic act in the headline]",
	"head-ent":  "[a state or organisation in the headline]",
	"head-both": "[a diplomatic act and a state in the headline]",
	"sent-most": "[diplomatic acts in most sentences]",
	"sent-few":  "[diplomatic acts in few sentences]",
	"sent-near": "[a diplomatic act and a state or organisation in one sentence]",
	"sent-two":  "[a diplomatic act and two states or organisations in one sentence]",
	"lead-act":  "[a diplomatic act in the first sentence]",
	"no-act":    "[negative cues 2+ and no diplomatic act]",
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

// lexicon is a model's compiled cues for one language: stem to cue
// (its index in cueOrder).
type lexicon map[string]int8

func compileCues(lang string) lexicon {
	lx := make(lexicon)
	for k, cue := range cueOrder {
		for _, w := range cues[lang][cue] {
			lx[stem.Word(lang, w)] = int8(k)
		}
	}
	return lx
}

// stopWords are function words that are no word feature of their own
// (they stay in phrases): what they weigh in a training set is its
// outlets' habits, not the topic (RT's "после", after, in its incident
// reports). MaxShare drops the commonest; these are the rest.
var stopWords = map[string]map[string]bool{
	"tr": setOf("ve", "ile", "bir", "bu", "da", "de", "için", "ki", "ne", "o", "ama", "fakat", "ancak", "çok", "daha", "en", "gibi", "kadar", "sonra", "önce", "olarak", "olan", "oldu", "olduğunu", "ise", "ya", "veya", "her", "şu", "diye", "göre", "üzere", "karşı", "arasında", "içinde", "ayrıca", "yani", "hem", "mi", "mı", "mu", "mü", "değil", "var", "yok", "bunu", "buna", "bunun", "şey", "dedi", "söyledi", "belirtti", "ifade", "etti", "eden", "yaptı", "yapılan", "son", "ilk", "iki", "yeni", "büyük", "tarafından", "nedeniyle", "ardından", "sırasında", "yaklaşık", "bile", "artık", "hiç", "tüm", "bütün", "bazı", "aynı", "diğer", "başka", "bugün", "dün", "yarın"),
	"ru": setOf("и", "в", "во", "на", "с", "со", "по", "к", "ко", "о", "об", "от", "до", "из", "за", "для", "при", "про", "без", "над", "под", "не", "ни", "но", "а", "же", "ли", "бы", "что", "чтобы", "как", "так", "также", "тоже", "это", "этот", "эта", "эти", "этого", "этом", "тот", "та", "те", "того", "он", "она", "они", "оно", "его", "её", "ее", "их", "им", "ему", "ей", "мы", "вы", "я", "все", "всё", "весь", "уже", "ещё", "еще", "только", "после", "перед", "между", "через", "около", "более", "менее", "очень", "может", "был", "была", "было", "были", "быть", "будет", "будут", "есть", "который", "которая", "которые", "которых", "котором", "если", "когда", "где", "там", "тут", "здесь", "сейчас", "теперь", "потому", "поэтому", "однако", "хотя", "даже", "лишь", "свой", "своей", "своих", "себя", "году", "года", "год", "сказал", "заявил", "отметил", "словам", "новый", "новые"),
}

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// nearWords is how many tokens apart a diplomatic act and a state or an
// international organisation may be and still be read as one event: "Lavrov
// met his Turkish counterpart", not a war report that names a state in one
// sentence and quotes a ministry in another.
const nearWords = 6

// denseActs: a lead with a diplomatic-act word in every denseActs words or
// fewer is dense with them.
const denseActs = 10

// shaper counts the structural evidence of a lead as walk and fastWalk
// go through its tokens, and emits it at the end: the two walks share it,
// so they see the same shapes.
type shaper struct {
	cues     [numCues]int
	headCue  [numCues]bool
	headEnt  bool
	near     int
	lastEnt  int // position of the segment's last entity, or -1
	lastAct  int
	pairedAt int // the last act paired with an entity, so that each counts once
	words    int // the lead's feature words

	// Sentences: the one being read (its words, acts and entities), and
	// the counts of those read.
	inWords, inActs, inEnts      int
	sents, actSents              int
	nearSents, twoSents, segs    int
	leadAct, leadDone, sentFirst bool
}

// segment starts a segment (the title, a paragraph): a new sentence too.
func (sh *shaper) segment() {
	sh.endSentence()
	sh.lastEnt, sh.lastAct, sh.pairedAt = -1<<20, -1<<20, -1
	sh.segs++
	sh.sentFirst = sh.segs >= 2 // a body segment's (segment 1 is the title)
}

// endSentence counts the sentence being read, if it has words. The
// lead's first sentence is the body's first (the title's is its own).
func (sh *shaper) endSentence() {
	if sh.inWords > 0 {
		sh.sents++
		if sh.inActs > 0 {
			sh.actSents++
			if sh.inEnts > 0 {
				sh.nearSents++
			}
			if sh.inEnts > 1 {
				sh.twoSents++
			}
		}
		if sh.sentFirst && !sh.leadDone {
			sh.leadAct, sh.leadDone = sh.inActs > 0, true
		}
	}
	sh.inWords, sh.inActs, sh.inEnts = 0, 0, 0
}

// token records one token at position ti of its segment: its cue (-1 for
// none), whether the profile found an entity starting there and whether
// it starts a sentence.
func (sh *shaper) token(ti int, cue int8, ent, head, word, sent bool) {
	if sent {
		sh.endSentence()
	}
	if word {
		sh.words++
		sh.inWords++
	}
	if ent {
		sh.inEnts++
	}
	if cue >= 0 {
		sh.cues[cue]++
		if head {
			sh.headCue[cue] = true
		}
		if cue == cueAct {
			sh.inActs++
			if ti-sh.lastEnt <= nearWords && sh.pairedAt != ti {
				sh.near++
				sh.pairedAt = ti
			}
			sh.lastAct = ti
		}
	}
	if ent {
		if head {
			sh.headEnt = true
		}
		if ti-sh.lastAct <= nearWords && sh.pairedAt != sh.lastAct {
			sh.near++
			sh.pairedAt = sh.lastAct
		}
		sh.lastEnt = ti
	}
}

// shapes emits the lead's structural features by name.
func (sh *shaper) shapes(countries, orgs int, lex float64, emit func(name string)) {
	sh.endSentence()
	// What the rubric asks is what a text is mainly about: diplomacy in
	// most of its sentences, or in one line of a war digest; an act whose
	// actors are named in the same sentence; the act in the lead.
	switch {
	case sh.sents >= 2 && sh.actSents*2 >= sh.sents:
		emit("sent-most")
	case sh.actSents > 0 && sh.actSents*4 <= sh.sents:
		emit("sent-few")
	}
	if sh.nearSents > 0 {
		emit("sent-near")
	}
	if sh.twoSents > 0 {
		emit("sent-two")
	}
	if sh.leadAct {
		emit("lead-act")
	}
	if sh.cues[cueAct] == 0 {
		for k := 1; k < numCues; k++ {
			if sh.cues[k] >= 2 {
				emit("no-act")
				break
			}
		}
	}
	switch {
	case countries >= 3:
		emit("states3")
		emit("states2")
	case countries == 2:
		emit("states2")
	}
	// The old profile's weighted terms, as evidence among the rest: their
	// weight in the lead, in steps.
	for _, step := range lexSteps {
		if lex >= step.min {
			emit(step.name)
		}
	}
	for _, step := range actSteps {
		if sh.cues[cueAct] >= step.min {
			emit(step.name)
		}
	}
	if orgs > 0 {
		emit("org")
		if countries > 0 {
			emit("state+org")
		}
	}
	if sh.near >= 1 {
		emit("near")
	}
	// A short wire item is dense with diplomatic acts where a long one
	// only counts many: one word in denseActs of the lead or more.
	if sh.cues[cueAct] >= 2 && sh.cues[cueAct]*denseActs >= sh.words {
		emit("dense")
	}
	if sh.near >= 2 {
		emit("near2")
	}
	if sh.headCue[cueAct] {
		emit("head-act")
	}
	if sh.headEnt {
		emit("head-ent")
		if sh.headCue[cueAct] {
			emit("head-both")
		}
	}
	for k := 1; k < numCues; k++ {
		if sh.cues[k] >= 2 {
			emit(shapeKeys[k].two)
		}
		if sh.headCue[k] {
			emit(shapeKeys[k].head)
		}
	}
}

// shapeKeys are the names of the negative cues' shapes, built once.
var shapeKeys = func() (out [numCues]struct{ two, head string }) {
	for k, c := range cueOrder {
		out[k].two, out[k].head = c+"2", "head-"+c
	}
	return out
}()

// doc is what the model sees of an article: its feature set, and for each
// word or phrase feature the words as written (for the evidence).
type doc struct {
	feats   map[string]bool
	surface map[string]string
	// dense is the lead's average word vector, standardised (nil without
	// vectors).
	dense []float64
	// sents are the mean vectors of the lead's sentences, standardised as
	// dense is, and sentHead and sentFirst the title's and the first body
	// sentence's (pool.go; nil without pooling).
	sents               [][]float64
	sentHead, sentFirst int
	// head and maxp are the headline's mean vector and the maximum of
	// the lead's sentences' (mlp.go), net the network's input.
	head, maxp, net []float64
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
func walk(toks [][]token, lx lexicon, stop map[string]bool, countries, orgs int, lex float64, stemOf func(string) string, emit func(key []byte, w1, w2 string)) {
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
	var sh shaper
	for si, seg := range toks {
		sh.segment()
		prev, prevLower := "", ""
		for ti, t := range seg {
			inHead := si == head && (head == 0 || ti < headWords)
			if !countable(t.lower) {
				sh.token(ti, -1, t.ent, inHead, false, t.sent)
				prev = ""
				continue
			}
			s := stemOf(t.lower)
			if !stop[t.lower] {
				emit(key(prefixWord, s, "", ""), t.lower, "")
				if inHead {
					emit(key(prefixTitle, s, "", ""), t.lower, "")
				}
			}
			cue, ok := lx[s]
			if ok {
				emit(key(prefixCue, cueOrder[cue], "", ""), "", "")
			} else {
				cue = -1
			}
			sh.token(ti, cue, t.ent, inHead, true, t.sent)
			if prev != "" {
				emit(key(prefixPhrase, prev, "_", s), prevLower, t.lower)
			}
			prev, prevLower = s, t.lower
		}
	}
	sh.shapes(countries, orgs, lex, func(name string) { emit(key(prefixShape, name, "", ""), "", "") })
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
	walk(toks, lx, stopWords[lang], countries, orgs, lex, stemOf, func(key []byte, w1, w2 string) {
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
		name := feat[len(prefixShape):]
		if n, ok := shapeNames[name]; ok {
			return n
		}
		// The negative cues' shapes: "politics2", "head-market".
		if c, ok := strings.CutPrefix(name, "head-"); ok {
			return "[" + strings.TrimSuffix(cueNames[c], "]")[1:] + " in the headline]"
		}
		return "[" + strings.TrimSuffix(cueNames[strings.TrimSuffix(name, "2")], "]")[1:] + " 2+]"
	case strings.HasPrefix(feat, prefixTitle) && surface != "":
		return "title:" + surface
	case surface != "":
		return surface
	}
	return feat[strings.IndexByte(feat, ':')+1:]
}

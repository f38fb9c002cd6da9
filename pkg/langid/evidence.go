package langid

import (
	"strings"
	"unicode"
)

// Letter evidence for the open world. Turkish and Russian each have letters
// that few other languages share and lack letters that their neighbours
// cannot do without, so most text is settled, in or out, by counting:
//
//   - Turkish writes ı, ğ and ş (about 8% of its letters together), and no
//     ə, ä, ê, ñ, ň, ý, ţ, nor q, w or x outside foreign names.
//   - Russian writes ы and э (about 2%) and none of і ї є ґ ў ј љ њ ћ ђ џ ѓ
//     ќ ѕ ә ө ү ң җ һ ғ қ ұ ҡ ҙ ҫ, which every Cyrillic neighbour needs.
//
// Where the counts do not settle it, lingua does.
type class int

const (
	classNone  class = iota
	trCore           // ı İ ğ Ğ ş Ş: Turkish and its Turkic neighbours only
	trShared         // ç ö ü: Turkish, and also German, Hungarian, Albanian...
	latForeign       // Latin letters Turkish never writes (ä é ł ə ñ ʻ ...)
	turkic           // ə ä ê ñ ň ý ţ: the Turkic neighbours' own, also in latForeign
	qx               // q x: frequent in Azerbaijani, Uzbek, Crimean Tatar
	w                // w: in Turkish only in foreign names
	ruOnly           // ы э ё
	ruSoft           // й я ю ь щ: in Russian, never in Serbian or Macedonian
	ruHard           // ъ: rare in Russian, 2% of Bulgarian
	cyrForeign       // Cyrillic letters outside Russian's 33
	numClasses
)

func classOf(r rune) class {
	if r < 0x80 {
		switch r {
		case 'q', 'x', 'Q', 'X':
			return qx
		case 'w', 'W':
			return w
		}
		return classNone
	}
	switch r {
	case 'ı', 'İ', 'ğ', 'Ğ', 'ş', 'Ş':
		return trCore
	case 'ç', 'Ç', 'ö', 'Ö', 'ü', 'Ü', 'â', 'Â', 'î', 'Î', 'û', 'Û':
		// Turkish writes the circumflex in a few loans (hâlâ, kâğıt).
		return trShared
	case 'ы', 'Ы', 'э', 'Э', 'ё', 'Ё':
		return ruOnly
	case 'й', 'Й', 'я', 'Я', 'ю', 'Ю', 'ь', 'Ь', 'щ', 'Щ':
		return ruSoft
	case 'ъ', 'Ъ':
		return ruHard
	case 'ə', 'Ə', 'ä', 'Ä', 'ê', 'Ê', 'ñ', 'Ñ', 'ň', 'Ň', 'ý', 'Ý', 'ţ', 'Ţ':
		return turkic
	case 'ʻ', 'ʼ':
		// Uzbek's oʻ and gʻ: modifier letters, not Latin ones.
		return latForeign
	}
	switch {
	case r >= 'а' && r <= 'я', r >= 'А' && r <= 'Я':
		return classNone
	case unicode.Is(unicode.Cyrillic, r):
		if unicode.IsLetter(r) {
			return cyrForeign
		}
	case r < 0x250 || unicode.Is(unicode.Latin, r):
		if unicode.IsLetter(r) {
			return latForeign
		}
	}
	return classNone
}

// verdict is what the letters say about a sample.
type verdict int

const (
	undecided verdict = iota
	isLang            // the rule's language, for sure
	notLang           // not the rule's language, for sure
)

// Thresholds. A rule decides only on samples long enough for a share to
// mean something; below minRuleLetters lingua and the document decide.
const (
	minRuleLetters = 40
	// trCoreShare: Turkish prose has 6-10% ı ğ ş; English copy full of
	// Turkish names 1-2%.
	trCoreShare = 0.03
	// foreignShare of letters Turkish (or Russian) does not have rules the
	// language out, if there are at least minForeign of them: one quoted
	// name may bring one or two.
	foreignShare = 0.02
	minForeign   = 2
	// qwxShare rules out Turkish text that is not mostly ı ğ ş: English has
	// 3% w, x and q, Uzbek and Crimean Tatar more.
	qwxShare = 0.02
	// ruOnlyShare: Russian prose has about 2% ы э ё.
	ruOnlyShare = 0.01
	// ruHardShare: Bulgarian has 2% ъ, Russian well under 0.5%.
	ruHardShare = 0.01
	// noSoftLetters: Russian text this long without any of й я ю ь щ ы э
	// (about 9% of its letters) is Serbian or Macedonian.
	noSoftLetters = 80
)

// turkish is the letters' verdict on whether s is Turkish.
func turkish(s *sample) verdict {
	n := s.scriptLetters
	if s.script != scriptLatin || n < minRuleLetters {
		if s.script == scriptCyrillic || s.script == scriptOther {
			return notLang
		}
		return undecided
	}
	core := s.ratio(trCore)
	foreign := s.counts[latForeign] + s.counts[turkic] + s.counts[qx]
	switch {
	case foreign >= minForeign && float64(foreign) >= float64(n)*foreignShare:
		return notLang
	case s.counts[turkic] > 0 && s.ratio(turkic) >= foreignShare/2:
		// One ə or ä in a line is a neighbour's, not a foreign name's.
		return notLang
	case s.counts[trCore]+s.counts[trShared] == 0:
		// Turkish prose of 40 letters without any of ı ğ ş ç ö ü: under 1%.
		return notLang
	case float64(s.counts[qx]+s.counts[w]) >= float64(n)*qwxShare && core < trCoreShare:
		return notLang
	case core >= trCoreShare && foreign < minForeign && float64(s.counts[qx]+s.counts[w]) < float64(n)*qwxShare:
		return isLang
	}
	return undecided
}

// russian is the letters' verdict on whether s is Russian.
func russian(s *sample) verdict {
	n := s.scriptLetters
	if s.script != scriptCyrillic || n < minRuleLetters {
		if s.script == scriptLatin || s.script == scriptOther {
			return notLang
		}
		return undecided
	}
	foreign := s.counts[cyrForeign]
	switch {
	case foreign >= minForeign && float64(foreign) >= float64(n)*foreignShare/4,
		foreign > 0 && float64(foreign) >= float64(n)*foreignShare/2:
		// Ukrainian has 6% і, Kazakh 9% of its own letters; the smaller
		// languages of Russia one palochka or ӈ in a line.
		return notLang
	case s.counts[ruHard] >= minForeign && s.ratio(ruHard) >= ruHardShare && s.counts[ruOnly] == 0:
		return notLang
	case n >= noSoftLetters && s.counts[ruSoft]+s.counts[ruOnly] == 0:
		return notLang
	case foreign == 0 && s.ratio(ruOnly) >= ruOnlyShare && s.ratio(ruHard) < ruHardShare/2:
		return isLang
	}
	return undecided
}

// ruleFor returns the letter rule for an in-scope language, if there is one.
func ruleFor(lang string) func(*sample) verdict {
	switch lang {
	case "tr":
		return turkish
	case "ru":
		return russian
	}
	return nil
}

// letterNames name a language from letters only it (among its neighbours)
// writes. They come first for the languages lingua has no model of, so that
// a Turkmen page is not reported as whatever lingua finds nearest.
var letterNames = []struct {
	lang string
	sc   script
	all  string // every one of these must occur
	none string // and none of these
}{
	// Each with a letter of the Turkic family beside its own, since ý is
	// also Czech, ê Portuguese, ñ Spanish.
	{"az", scriptLatin, "ə", ""},
	{"tk", scriptLatin, "ýş", ""},
	{"tk", scriptLatin, "ňä", ""},
	{"gag", scriptLatin, "êı", ""},
	{"gag", scriptLatin, "ţı", ""},
	{"gag", scriptLatin, "äı", ""},
	{"uz", scriptLatin, "ʻq", ""},
	{"crh", scriptLatin, "ñı", ""},
	{"ba", scriptCyrillic, "ҡ", ""},
	{"tt", scriptCyrillic, "җ", ""},
	{"tg", scriptCyrillic, "ӣ", ""},
	{"tg", scriptCyrillic, "ҷ", ""},
	{"uz", scriptCyrillic, "ўқ", ""},
	{"be", scriptCyrillic, "ўі", ""},
	{"kk", scriptCyrillic, "ұ", ""},
	{"kk", scriptCyrillic, "қі", ""},
	{"tt", scriptCyrillic, "әһ", "қғ"},
	{"ky", scriptCyrillic, "ңө", "әқғұһ"},
	{"mn", scriptCyrillic, "өү", "ңәқ"},
	{"uk", scriptCyrillic, "ї", ""},
	{"uk", scriptCyrillic, "є", ""},
	{"sr", scriptCyrillic, "ћ", ""},
	{"sr", scriptCyrillic, "ђ", ""},
	{"mk", scriptCyrillic, "ќ", ""},
	{"mk", scriptCyrillic, "ѓ", ""},
}

// nameByLetters names the language of s from its letters, or "".
func nameByLetters(s *sample) string {
	text := strings.ToLower(s.text())
	for _, n := range letterNames {
		if n.sc != s.script {
			continue
		}
		ok := true
		for _, r := range n.all {
			if !strings.ContainsRune(text, r) {
				ok = false
				break
			}
		}
		if ok && (n.none == "" || !strings.ContainsAny(text, n.none)) {
			return n.lang
		}
	}
	return ""
}

// functionWords are the commonest words of the languages most often met on
// the web outside the in-scope ones. A page in one of them is named by
// counting, without asking lingua: most pages dropped for their language
// are in English.
var functionWords = func() map[string][]string {
	lists := map[string]string{
		"en": "the of and to in is that for on with as was at by from it be are this have has said were not an or but which will would their its they he she who been",
		"de": "der die und das ist nicht mit den von zu für auf dem ein eine sich des im auch als wird nach bei sie es wurde werden hat aus oder",
		"fr": "le la les et des du un une est dans que pour qui sur par au pas avec ce il sont aux ont été elle plus mais ne se",
		"es": "el los las y del que en un una por con para es se al lo como más fue su sus ha pero han este esta entre sobre",
		"it": "il di che e per un una del della è non con si sono al le da gli dei nel alla anche ha come più ma questo delle",
		"pt": "o os as do da dos das que em um uma para com não por se é na no ao mais foi seu sua como mas pelo pela",
		"nl": "de het een en van is dat op te in met voor niet zijn er aan ook die naar bij maar om werd door heeft",
	}
	m := make(map[string][]string)
	for lang, words := range lists {
		for _, w := range strings.Fields(words) {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// nameByWords names a Latin-script sample by its function words, or "".
// The winner needs a fifth of the words and twice the runner-up's count.
func nameByWords(s *sample) string {
	if s.script != scriptLatin || len(s.words) < 8 {
		return ""
	}
	count := make(map[string]int, 4)
	for _, w := range s.words {
		for _, lang := range functionWords[strings.ToLower(w)] {
			count[lang]++
		}
	}
	best, second := "", 0
	for lang, n := range count {
		if n > count[best] || (n == count[best] && lang < best) {
			best = lang
		}
	}
	for lang, n := range count {
		if lang != best && n > second {
			second = n
		}
	}
	if best == "" || 5*count[best] < len(s.words) || count[best] < 2*second {
		return ""
	}
	return best
}

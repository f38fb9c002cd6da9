package langid

import (
	"regexp"
	"strings"
	"unicode"
)

// Text that says nothing about the language around it: it is removed before
// detection. Agency tags are Latin or Cyrillic acronyms that would pull a
// short Turkish block towards English, or vice versa.
var (
	urlRE    = regexp.MustCompile(`(?i)(?:https?://|www\.)\S+`)
	emailRE  = regexp.MustCompile(`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}+`)
	handleRE = regexp.MustCompile(`[@#][\p{L}\p{N}_]+`)
	numberRE = regexp.MustCompile(`\p{N}+(?:[.,:/-]\p{N}+)*`)
	// An agency tag may be glued to the next word ("DHADışişleri"), so the
	// right boundary is a non-letter or an upper-case letter.
	agencyRE = regexp.MustCompile(`(^|[^\p{L}])(?:DHA|AA|İHA|IHA|ANKA|ТАСС|РИА Новости|Интерфакс|Anadolu Ajansı)(\p{Lu}|[^\p{L}]|$)`)
)

// Normalize strips URLs, e-mail addresses, @handles, #hashtags, numbers and
// agency tags from text.
//
// Each pattern runs only when a cheap check finds what it needs: most blocks
// have no URL, e-mail or tag, and the regexps cost more than the rest of the
// fast path together.
func Normalize(text string) string {
	text = normalizeTags(text)
	if strings.IndexFunc(text, unicode.IsDigit) >= 0 {
		text = numberRE.ReplaceAllString(text, " ")
	}
	return text
}

// normalizeTags is Normalize without the numbers. analyse needs no number
// stripping: it splits words at every non-letter, so digits never count.
func normalizeTags(text string) string {
	if strings.Contains(text, "http") || strings.Contains(text, "www.") {
		text = urlRE.ReplaceAllString(text, " ")
	}
	if strings.ContainsAny(text, "@#") {
		text = emailRE.ReplaceAllString(text, " ")
		text = handleRE.ReplaceAllString(text, " ")
	}
	if hasAgencyTag(text) {
		text = agencyRE.ReplaceAllString(text, "$1 $2")
	}
	return text
}

// agencyTags are the literal tags agencyRE looks for.
var agencyTags = []string{"DHA", "AA", "İHA", "IHA", "ANKA", "ТАСС", "РИА Новости", "Интерфакс", "Anadolu Ajansı"}

func hasAgencyTag(text string) bool {
	for _, tag := range agencyTags {
		if strings.Contains(text, tag) {
			return true
		}
	}
	return false
}

type script int

const (
	scriptNone script = iota
	scriptLatin
	scriptCyrillic
	scriptOther
)

func scriptOf(r rune) script {
	switch {
	case !unicode.IsLetter(r):
		return scriptNone
	case r < 0x250 || unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	}
	return scriptOther
}

// sample is a normalised text with the letter counts the script rules need.
type sample struct {
	words   []string
	letters int // all letters of the normalised text
	script  script
	// counts over the words kept (the dominant script's), up to the sample bound
	scriptLetters int
	marks         map[rune]int
}

// analyse normalises text and counts its letters. When one script has at
// least two thirds of the letters, words in the other script are dropped: a
// Turkish paragraph quoting a Russian phrase is still a Turkish paragraph.
func analyse(text string) *sample {
	s := &sample{}
	words := strings.FieldsFunc(normalizeTags(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	var per [4]int
	wordScript := make([]script, len(words))
	for i, w := range words {
		var ws [4]int
		for _, r := range w {
			ws[scriptOf(r)]++
		}
		for sc := scriptLatin; sc <= scriptOther; sc++ {
			per[sc] += ws[sc]
			if ws[sc] > ws[wordScript[i]] {
				wordScript[i] = sc
			}
		}
	}
	s.letters = per[scriptLatin] + per[scriptCyrillic] + per[scriptOther]
	if s.letters == 0 {
		return s
	}
	for sc := scriptLatin; sc <= scriptOther; sc++ {
		if per[sc] > per[s.script] {
			s.script = sc
		}
	}
	dominant := 3*per[s.script] >= 2*s.letters
	s.marks = make(map[rune]int)
	for i, w := range words {
		if dominant && wordScript[i] != s.script {
			continue
		}
		if s.scriptLetters >= maxSampleLetters {
			break
		}
		s.words = append(s.words, w)
		for _, r := range w {
			if scriptOf(r) == s.script {
				s.scriptLetters++
			}
			if marks[r] {
				s.marks[r]++
			}
		}
	}
	if !dominant {
		s.script = scriptNone
	}
	return s
}

func (s *sample) text() string { return strings.Join(s.words, " ") }

func (s *sample) count(letters string) int {
	n := 0
	for _, r := range letters {
		n += s.marks[r]
	}
	return n
}

// ratio is the share of the sample's script letters that are among letters.
func (s *sample) ratio(letters string) float64 {
	if s.scriptLetters == 0 {
		return 0
	}
	return float64(s.count(letters)) / float64(s.scriptLetters)
}

// Letters that tell languages apart. Frequencies in running text: Turkish ı
// about 5% and ğ 1%; Azerbaijani ə 7-9%; Kazakh ә ғ қ ң ұ һ ө ү together
// near 9%; Ukrainian і ї є ґ near 6%; Russian ы э ё near 2%; Bulgarian ъ 2%.
const (
	trLetters = "ıİğĞ" // among lingua's languages only tr and az use these
	azLetters = "əƏ"   // only az
	kkLetters = "әғқңұһөүӘҒҚҢҰҺӨҮ"
	ukLetters = "іїєґІЇЄҐ"
	ruLetters = "ыэёЫЭЁ"
	bgLetters = "ъЪ"
	// Letters of Cyrillic languages the rules were not written for.
	otherCyrillic = "ўЎјЈљЉњЊћЋђЂџЏѓЃќЌѕЅ"
)

var marks = func() map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range trLetters + azLetters + kkLetters + ukLetters + ruLetters + bgLetters + otherCyrillic {
		m[r] = true
	}
	return m
}()

// minRuleLetters is the fewest script letters a rule decides on. Below it a
// Kazakh or Azerbaijani snippet may by chance lack its telltale letters.
const minRuleLetters = 50

// rules is the script fast path, enabled per rule only where it is sound
// for the detector's language set.
type rules struct {
	tr, az         bool
	cyrillic       bool // the set's Cyrillic languages are all among ru, uk, kk, bg
	ru, uk, kk, bg bool
}

func newRules(in map[string]bool) rules {
	r := rules{tr: in["tr"], az: in["az"], ru: in["ru"], uk: in["uk"], kk: in["kk"], bg: in["bg"]}
	r.cyrillic = true
	for _, l := range []string{"be", "mk", "mn", "sr"} {
		if in[l] {
			// Belarusian shares і with uk and ы with ru; Mongolian has ө ү ы;
			// Serbian and Macedonian have no ы. The rules below would lie.
			r.cyrillic = false
		}
	}
	return r
}

// decide returns the language the letters alone settle, or "".
func (r rules) decide(s *sample) string {
	if s.scriptLetters < minRuleLetters {
		return ""
	}
	switch s.script {
	case scriptLatin:
		switch {
		case r.az && s.ratio(azLetters) >= 0.02:
			return "az"
		case r.tr && s.count(azLetters) == 0 && s.ratio(trLetters) >= 0.03 && s.scriptLetters >= 80:
			// English copy full of Turkish names reaches 1-2%, so the bar is 3%
			// and the text must be long enough for the ratio to mean something.
			return "tr"
		}
	case scriptCyrillic:
		if !r.cyrillic || s.count(otherCyrillic) > 0 {
			return ""
		}
		kk, uk, ru := s.count(kkLetters), s.count(ukLetters), s.count(ruLetters)
		switch {
		case r.kk && s.ratio(kkLetters) >= 0.02:
			return "kk"
		case r.uk && kk == 0 && s.ratio(ukLetters) >= 0.02:
			return "uk"
		case r.ru && kk == 0 && uk == 0 && s.ratio(ruLetters) >= 0.01:
			return "ru"
		case r.bg && kk == 0 && uk == 0 && ru == 0 && s.ratio(bgLetters) >= 0.01:
			return "bg"
		}
	}
	return ""
}

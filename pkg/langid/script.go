package langid

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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
	// Every tag holds a Latin A, a Cyrillic А, or is Интерфакс: a text
	// with none of the three (most of a Russian page's, and many of a
	// Turkish one's) is not searched for each tag.
	if strings.IndexByte(text, 'A') < 0 && !strings.Contains(text, "А") && !strings.Contains(text, "Интерфакс") {
		return false
	}
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

// scriptOf is the script of a letter, scriptNone for any other rune. The
// letters of Turkish and Russian are answered without unicode's tables:
// every rune of a page's text is asked, and the tables' searches were a
// third of analyse's time.
func scriptOf(r rune) script {
	switch {
	case r < 0x80:
		if asciiLetter(r) {
			return scriptLatin
		}
		return scriptNone
	case basicCyrillic(r):
		return scriptCyrillic
	case latinExtendedA(r):
		return scriptLatin
	case !unicode.IsLetter(r):
		return scriptNone
	case r < 0x250 || unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	}
	return scriptOther
}

// isLetter is unicode.IsLetter, with scriptOf's shortcuts.
func isLetter(r rune) bool {
	switch {
	case r < 0x80:
		return asciiLetter(r)
	case basicCyrillic(r), latinExtendedA(r):
		return true
	}
	return unicode.IsLetter(r)
}

func asciiLetter(r rune) bool { return 'a' <= r|0x20 && r|0x20 <= 'z' }

// basicCyrillic: А to я, Ё and ё, the Russian alphabet.
func basicCyrillic(r rune) bool { return r >= 0x410 && r <= 0x44F || r == 0x401 || r == 0x451 }

// latinExtendedA: U+0100 to U+017F, all letters (Turkish's ğ, ı, İ, ş).
func latinExtendedA(r rune) bool { return r >= 0x100 && r <= 0x17F }

// sample is a normalised text with the letter counts the rules need.
type sample struct {
	words   []string
	letters int // all letters of the normalised text
	script  script
	// counts over the words kept (the dominant script's), up to the sample bound
	scriptLetters int
	counts        [numClasses]int
}

// analyse normalises text and counts its letters. When one script has at
// least two thirds of the letters, words in the other script are dropped: a
// Turkish paragraph quoting a Russian phrase is still a Turkish paragraph.
func analyse(text string) *sample {
	s := &sample{}
	words, wordScript, per := splitWords(normalizeTags(text))
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
	// The words kept go to the front of words, in order: a word is read
	// before its place is written.
	s.words = words[:0]
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
			if c := classOf(r); c != classNone {
				s.counts[c]++
			}
		}
	}
	if !dominant {
		s.script = scriptNone
	}
	return s
}

// splitWords is strings.FieldsFunc(text, f) with f true for a rune that
// is neither a letter nor an apostrophe, with each word's script (the one
// most of its runes are in: scriptNone when no script has more runes than
// its apostrophes) and the count of letters in each script, in one pass
// that decodes the two-byte runes of Turkish and Russian itself.
func splitWords(text string) (words []string, scripts []script, per [4]int) {
	words = make([]string, 0, len(text)/6+1)
	scripts = make([]script, 0, cap(words))
	start := -1 // the current word's first byte, -1 between words
	var ws [4]int
	for i := 0; i <= len(text); {
		sc, inWord, n := scriptNone, false, 1
		if i < len(text) {
			r := rune(text[i])
			if r >= utf8.RuneSelf {
				if c := text[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
					r, n = rune(c&0x1F)<<6|rune(text[i+1]&0x3F), 2
				} else {
					r, n = utf8.DecodeRuneInString(text[i:])
				}
			}
			// isLetter(r) is scriptOf(r) != scriptNone.
			sc = scriptOf(r)
			inWord = sc != scriptNone || r == '\'' || r == '’'
		}
		switch {
		case inWord:
			if start < 0 {
				start = i
			}
			ws[sc]++
		case start >= 0:
			word := scriptNone
			for s := scriptLatin; s <= scriptOther; s++ {
				per[s] += ws[s]
				if ws[s] > ws[word] {
					word = s
				}
			}
			words = append(words, text[start:i])
			scripts = append(scripts, word)
			start, ws = -1, [4]int{}
		}
		i += n
	}
	return words, scripts, per
}

func (s *sample) text() string { return strings.Join(s.words, " ") }

// prefix is the sample's text cut after its first n letters or so.
func (s *sample) prefix(n int) string {
	seen := 0
	for i, w := range s.words {
		seen += len(w) // bytes: at most twice the letters, close enough
		if seen >= n {
			return strings.Join(s.words[:i+1], " ")
		}
	}
	return s.text()
}

// ratio is the share of the sample's script letters in class c.
func (s *sample) ratio(c class) float64 {
	if s.scriptLetters == 0 {
		return 0
	}
	return float64(s.counts[c]) / float64(s.scriptLetters)
}

package clean

import "strings"

// maxCorrectionWords bounds a correction prompt: a question and a line of
// how to send it.
const maxCorrectionWords = 25

// Words of a prompt that asks the reader to report a mistake in the
// text, lower case: the mistake, and the reader having found it. Stems,
// so that a case ending ("ошибку", "опечатку") or a suffix ("hatayı")
// still matches.
var (
	correctionNouns = []string{"error", "typo", "mistake", "fehler", "ошибк", "опечатк", "hata"}
	correctionVerbs = []string{"found", "spotted", "noticed", "seen", "gefunden", "entdeckt", "bemerkt",
		"нашли", "заметили", "обнаружили", "buldunuz", "fark ettiniz", "gördünüz", "rastladınız"}
)

// correctionPrompt reports a short block that asks the reader to report
// a mistake in the text ("Нашли ошибку? Выделите её и нажмите
// Ctrl+Enter", "Haberde hata mı buldunuz? Bize yazın", "Fehler gefunden?
// Jetzt melden."): the site's furniture, not the story. The question is
// the evidence: a sentence of the story that someone found an error is
// no question put to the reader, and "Ctrl+Enter" is a key the reader
// presses. Asked of a lower-cased block.
func correctionPrompt(lower string, nwords int) bool {
	if nwords > maxCorrectionWords {
		return false
	}
	if strings.Contains(lower, "ctrl+enter") || strings.Contains(lower, "ctrl + enter") {
		return true
	}
	q := strings.IndexByte(lower, '?')
	if q < 0 {
		return false
	}
	// The question's own sentence: from the last sentence's end before
	// it (a stop and a space: "taz.de" is no sentence's end).
	question := lower[:q]
	if k := max(strings.LastIndex(question, ". "), strings.LastIndex(question, "! ")); k >= 0 {
		question = question[k+2:]
	}
	return containsAny(question, correctionNouns) && containsAny(question, correctionVerbs)
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

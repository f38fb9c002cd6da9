package clean

import (
	"regexp"
	"strings"
)

// Biographies and self-descriptions: an author's biography under the story
// and an organisation's "About X" after a press release, recognised by a
// name at the start and what the person or the organisation is.

// bioRoles are the trades an author's biography names, lower case
// prefixes.
var bioRoles = []string{
	"writer", "reporter", "editor", "journalist", "columnist", "correspondent", "contributor", "blogger",
	"curator", "author", "producer",
	"muhabir", "editör", "gazeteci", "yazar", "köşe yazarı", "yapımcı",
	"журналист", "корреспондент", "редактор", "обозреватель", "колумнист", "автор", "продюсер",
}

var (
	// "Ayşe Kaya is a reporter", "Jeff Foust (jeff@...) is the editor",
	// "Zac covers Apple": a name, then what the person is or does.
	enBioRE = regexp.MustCompile(`^(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*(?:\s*\([^)]{1,80}\))?\s+(?:is|was|covers|writes|has been|joined)\s`)
	// "Ольга Смирнова — корреспондент ...": a name, a dash.
	ruBioRE = regexp.MustCompile(`^(?:\p{Lu}[\p{L}.-]*\s+){1,3}[—–-]\s+\p{Ll}`)
	// "Ayşe Kaya, 2015'ten bu yana Ankara muhabiridir", "... editör
	// olarak çalışıyor": the trade as the predicate.
	trBioRE = regexp.MustCompile(`(?:muhabir|editör|gazeteci|yazar|yapımcı)\p{L}*(?:dir|dır|tir|tır|dur|dür)\b|(?:muhabir|editör|gazeteci|yazar|yapımcı)\p{L}*\s+olarak\s`)
	// "Award-winning journalist Ann Lee writes …", "Ödüllü gazeteci
	// Deniz Arslan, … yazıyor": the trade before the name. The English
	// verb follows the name; the Turkish one ends the sentence
	// (roleFirstTrVerbs), and a reporter who "asked" is not a biography.
	roleFirstRE      = regexp.MustCompile(`^(?:[\p{L}’'-]+\s+){0,3}(?:journalist|writer|reporter|editor|columnist|correspondent|gazeteci|muhabir|yazar|editör)\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,2}\p{Lu}[\p{L}.'’-]*(,?)\s+(is|was|covers|writes|has been|joined)?`)
	roleFirstTrVerbs = []string{"yazıyor", "yazmaktadır", "çalışıyor", "çalışmaktadır"}
)

// bioLine reports an author's biography: a paragraph that opens with a
// name and says, in its first words, that the person is (or does the work
// of) a reporter, an editor, a writer. Only the end of the article is
// asked: there, under the story, is where templates put it.
func bioLine(text string) bool {
	n := countWordsTo(text, maxBioWords)
	if n > maxBioWords || n < 4 {
		return false
	}
	fs := strings.Fields(text)
	head := strings.Join(fs[:min(14, len(fs))], " ")
	lower := strings.ToLower(head)
	role := strings.Contains(lower, "covers ") || strings.Contains(lower, "writes ")
	for _, r := range bioRoles {
		role = role || strings.Contains(lower, r)
	}
	if !role {
		return false
	}
	if m := roleFirstRE.FindStringSubmatch(head); m != nil && (m[2] != "" || hasAny(strings.ToLower(text), roleFirstTrVerbs)) {
		return true
	}
	return enBioRE.MatchString(head) || ruBioRE.MatchString(head) || trBioRE.MatchString(lower)
}

// maxBioWords is the longest biography: a paragraph or two of a career.
const maxBioWords = 100

// orgWords are what an organisation's description of itself says it is or
// does, lower case prefixes.
var orgWords = []string{
	"provider", "company", "leader", "leading", "manufacturer", "organization", "organisation", "firm", "developer",
	"supplier", "headquartered", "founded", "employs", "subsidiary",
	"şirket", "kuruluş", "holding", "merkezi", "kurulan", "faaliyet gösteren", "lider", "üretici", "tedarikçi",
	"компани", "производител", "корпораци", "холдинг", "основан", "штаб-квартир", "лидер", "поставщик",
}

var (
	// "Ascom is a global solutions provider", "Vega Lojistik (VEGA) is
	// one of the leading …": a name, then what it is.
	enAboutRE = regexp.MustCompile(`^(?:\p{Lu}[\p{L}\d&.'’-]*\s+){0,3}\p{Lu}[\p{L}\d&.'’-]*(?:\s*\([^)]{1,40}\))?,?\s+(?:is|are)\s+(?:a|an|the|one of)\s`)
	// "Vega Lojistik, 1998'de kurulan … bir şirkettir", "«Ростех» —
	// государственная корпорация …": a name, then a comma or a dash.
	trRuAboutRE = regexp.MustCompile(`^[«"“]?(?:\p{Lu}[\p{L}\d&.'’-]*[»"”]?\s+){0,3}\p{Lu}[\p{L}\d&.'’-]*[»"”]?\s*(?:,\s|[—–-]\s)`)
	// The Turkish predicate: "… bir şirkettir", "… kuruluşudur".
	trAboutEndRE = regexp.MustCompile(`(?:şirket|kuruluş|holding|üretici|tedarikçi)\p{L}*(?:dir|dır|tir|tır|dur|dür|tur|tür)(?:[^\p{L}]|$)`)
)

// aboutLine reports an organisation's description of itself: a paragraph
// that opens with its name and says, in its first words, what it is.
// Only blocks after the article are asked: there a press release and a
// corporate site put their "About X" box.
func aboutLine(text string) bool {
	n := countWordsTo(text, maxBioWords)
	if n < 8 || n > maxBioWords {
		return false
	}
	fs := strings.Fields(text)
	head := strings.Join(fs[:min(16, len(fs))], " ")
	lower := strings.ToLower(head)
	if !hasAny(lower, orgWords) {
		return false
	}
	switch {
	case enAboutRE.MatchString(head):
		return true
	case trRuAboutRE.MatchString(head):
		return trAboutEndRE.MatchString(strings.ToLower(text)) || hasAny(lower, []string{"компани", "корпораци", "холдинг", "производител", "поставщик"}) && strings.ContainsAny(head, "—–")
	}
	return false
}

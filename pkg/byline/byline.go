// Package byline tells the people a page credits from everything else a
// byline slot holds on real pages: agencies and outlets ("AA", "ТАСС",
// "TRT Haber", "hurriyet.com.tr"), desks ("Haber Merkezi"), places,
// weekdays and dates.
//
// The judgement is by shape, not by a list of outlets: a person's name is
// two to four capitalised words with no digits, none of them a weekday,
// a month, a known place or an organisation word, and it is not the
// site's own name. A short list of well-known agencies is only a prior.
package byline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Split divides a credit line into the persons it names and the rest that
// names an agency, outlet or desk (attribution). Places, weekdays, dates
// and labels are dropped. sites are the site's own names and host. Both
// results are joined with ", " and may be "".
func Split(s string, sites ...string) (persons, orgs string) {
	return split(s, false, sites)
}

// SplitLabelled is Split for the text after a byline label ("By", "Yazan:",
// "Автор:", the label already cut): a name there ends at the first
// lower-case word ("Jane Roe in Science on 2 December").
func SplitLabelled(s string, sites ...string) (persons, orgs string) {
	return split(s, true, sites)
}

func split(s string, labelled bool, sites []string) (persons, orgs string) {
	if strings.Contains(s, "://") {
		return "", ""
	}
	var ps, os []string
	lines := Lines(s)
	list := nameList(lines, sites)
	personLine := -1
	for li, line := range lines {
		if f := strings.Fields(line); li > 0 && len(f) > 1 && joinWord(f[0]) {
			line = strings.Join(f[1:], " ") // "и Иван Петров": the line before's co-author
		}
		personField := -1
		for fi, field := range pipeFields(line) {
			for i, part := range parts(field) {
				if i == 0 && fi == 0 && li == 0 && labelled {
					part = nameHead(part)
				}
				if name, site := siteTail(part, sites); site != "" {
					os = appendNew(os, site)
					part = name
				}
				switch kind(part, sites) {
				case Person:
					if personLine >= 0 && personLine != li && !list && !continued(lines, li) {
						// "Jane Roe\nDaily Example", "Ayşe Kaya\nSanta Maria":
						// a line after the writer's names an outlet, a
						// place or a role, whatever its shape.
						continue
					}
					if personField >= 0 && personField != fi {
						continue // the dateline's place: "Palma de Mallorca"
					}
					personLine, personField = li, fi
					ps = appendNew(ps, part)
				case Org:
					os = appendNew(os, part)
				}
			}
		}
	}
	ps, os = shoutedOutlets(ps, os)
	return strings.Join(ps, ", "), strings.Join(os, ", ")
}

// Lines splits a credit at its line breaks ("\n": a <br> or a block
// boundary inside the byline element), which are field boundaries:
// "Jane Roe<br>Example Gazette" is a writer and an outlet, not a
// three-word name. A line that ends in a single word after its last
// separator runs on into the next when that opens with a capital, as a
// given name and a surname in elements of their own do ("Bruno<br>Campos",
// "By<br>Jane Roe", "… and PATRICK<br>REEVELL").
func Lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			continue
		}
		if n := len(out); n > 0 && len(strings.Fields(tail(out[n-1]))) == 1 && unicode.IsUpper(firstRune(l)) {
			out[n-1] += " " + l
			continue
		}
		out = append(out, l)
	}
	return out
}

// tail is a line's text after its last separator between names.
func tail(l string) string {
	i := strings.LastIndexAny(l, ",;/|&•·")
	if i >= 0 {
		l = l[i+1:]
	}
	for _, conj := range []string{" ve ", " и ", " and ", " und ", " og ", " och ", " et "} {
		if j := strings.LastIndex(l, conj); j >= 0 {
			l = l[j+len(conj):]
		}
	}
	return l
}

// continued says line i goes on with the names of the line before: that
// one ends with a separator or a joining word, or line i opens with one
// ("Jane Roe,<br>John Doe", "Ayşe Kaya<br>ve Emre Tan").
func continued(lines []string, i int) bool {
	if i == 0 {
		return false
	}
	prev := strings.Fields(lines[i-1])
	cur := strings.Fields(lines[i])
	last := prev[len(prev)-1]
	return strings.HasSuffix(last, ",") || strings.HasSuffix(last, ";") || joinWord(last) ||
		strings.HasPrefix(cur[0], ",") || joinWord(cur[0])
}

// joinWord is a word or a sign that joins names: "ve", "и", "and", "&".
func joinWord(w string) bool {
	switch strings.ToLower(strings.Trim(w, ",;")) {
	case "ve", "и", "and", "und", "og", "och", "et", "&", "":
		return true
	}
	return false
}

// nameList says every line of three or more names only persons: a list
// of co-authors, one to a line.
func nameList(lines []string, sites []string) bool {
	if len(lines) < 3 {
		return false
	}
	for _, l := range lines {
		ps := parts(l)
		if len(ps) == 0 {
			return false
		}
		for _, p := range ps {
			if kind(p, sites) != Person {
				return false
			}
		}
	}
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// placeCodes counts the short codes in capitals after a place that are no
// agency's ("DC", "UK"; not "AA").
func placeCodes(words []string) int {
	n := 0
	for i, w := range words {
		if i > 0 && utf8.RuneCountInString(w) <= 3 && caps(w) && acronym(w) && !agencies[fold(w)] {
			n++
		}
	}
	return n
}

// pipeFields splits a line of fields set apart by bars, the writer, the
// place filed from and the date ("Patricio Candia | Palma de Mallorca |
// 08/01/2014"): one field holds the persons, and a place shaped like a
// name ("Palma de Mallorca", "Rio de Janeiro") is not a second writer. A
// line is one of fields when it has three of them, or two and a date.
// Other lines are one field.
func pipeFields(s string) []string {
	f := strings.Split(s, "|")
	if len(f) < 2 || (len(f) == 2 && strings.IndexFunc(s, unicode.IsDigit) < 0) {
		return []string{s}
	}
	return f
}

// shoutedOutlets moves to the outlets a name in capitals that opens with
// an acronym, on a line whose other names are written in mixed case: the
// broadcaster's desk after its reporter ("Engin Haupt, MDR
// SACHSEN-ANHALT"). A line all in capitals ("JANE ROE, JOHN DOE") is a
// layout's typography and stays.
func shoutedOutlets(ps, os []string) ([]string, []string) {
	mixed := false
	for _, p := range ps {
		mixed = mixed || !caps(p)
	}
	if !mixed {
		return ps, os
	}
	var keep []string
	for _, p := range ps {
		if w := strings.Fields(p); caps(p) && len(w) >= 2 && acronym(w[0]) {
			os = appendNew(os, p)
			continue
		}
		keep = append(keep, p)
	}
	return keep, os
}

// Kind is what a credited name is.
type Kind int

// Kinds.
const (
	Other  Kind = iota // a place, a date, a weekday, a label, noise
	Person             // a person's name
	Org                // an agency, outlet, site or desk
)

// Classify says what one credited name is; sites are the site's own
// names and host.
func Classify(s string, sites ...string) Kind { return kind(strings.TrimSpace(stripLabel(s)), sites) }

// parts splits a credit line at the separators that join names: commas,
// semicolons, slashes, pipes, "&" and the conjunctions "ve", "и", "and".
func parts(s string) []string {
	s = cutDates(Unglue(cutPictureCredits(cutReadingTime(dropHandles(strings.Join(strings.Fields(s), " "))))))
	s = bracketParts(s)
	for _, conj := range []string{" ve ", " и ", " and ", " & ", " und ", " og ", " och ", " et ", "،", " و "} {
		s = strings.ReplaceAll(s, conj, ",") // "،" and "و": the Arabic script's comma and "and"
	}
	// "Jane Roe For Example.com", "Анна Смирнова для РБК": the outlet a
	// writer filed for follows "for", which a line break may have left
	// at the end ("Jane Roe For\nExample Online").
	for _, w := range forWords {
		s = strings.ReplaceAll(s, " "+w+" ", ",")
		s = strings.ReplaceAll(s, " "+title(w)+" ", ",")
		for _, end := range []string{" " + w, " " + title(w)} {
			s = strings.TrimSuffix(s, end)
		}
	}
	// "Sputnik Türkiye muhabiri Ayşe Demir", "корреспондент ТАСС Иван
	// Петров": a role word between an outlet and a name separates them.
	for _, role := range roleWords {
		s = strings.ReplaceAll(s, " "+role+" ", ",")
		// "AA Muhabiri Ayşe Kaya": capitalised in a heading's case.
		s = strings.ReplaceAll(s, " "+title(role)+" ", ",")
	}
	// A spaced dash sets a role or an outlet off a name ("Jane Roe -
	// Marketing Manager", "Иван Петров — ТАСС"); a hyphen inside a name
	// ("Jean-Luc", "Stokel-Walker") has no spaces.
	for _, dash := range []string{" - ", " – ", " — "} {
		s = strings.ReplaceAll(s, dash, ",")
	}
	s = placeColons(s)
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == '/' || r == '|' || r == '•' || r == '·'
	})
	var out []string
	for _, f := range splitAcronyms(fields) {
		f = dropInitials(strings.TrimSpace(f))
		f = strings.Trim(strings.TrimSpace(f), "-–—:()[]«»\"'")
		if g := strings.TrimSpace(stripLabel(f)); g != f {
			f = nameHead(g)
		} else if g := sectionLabel(f); g != "" {
			f = nameHead(g)
		}
		f = stripPlace(stripRole(twice(cutArchive(f))))
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// siteTail cuts the site's own name run on after a writer's ("Ayşe Kaya
// Hürriyet" on hurriyet.com.tr, "Иван Петров Вести Курьер"): one or two
// last words that are the site, after two words or more.
func siteTail(s string, sites []string) (name, site string) {
	words := strings.Fields(s)
	for n := 1; n <= 2 && len(words)-n >= 2; n++ {
		tail := strings.Join(words[len(words)-n:], " ")
		for _, st := range sites {
			if st != "" && sameSite(fold(tail), st) {
				return strings.Join(words[:len(words)-n], " "), tail
			}
		}
	}
	return s, ""
}

// title is s with its first letter in upper case.
func title(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// stripPlace cuts the place filed from after a name, run on with no
// separator when a line break was read as a space ("Ayşe Kaya Ankara",
// "Иван Петров Москва"): the last words are places, and two name words
// or more that name no place stand before them. One word before a
// place is an institution's name ("Birleşik Rusya"), which kind judges.
func stripPlace(s string) string {
	words := strings.Fields(s)
	end := len(words)
	for end > 0 && places[strings.Trim(fold(words[end-1]), ".,:;()")] {
		end--
	}
	if end == len(words) || end < 2 {
		return s
	}
	for _, w := range words[:end] {
		f := strings.Trim(fold(w), ".,:;()")
		if !nameWord(w) || places[f] || orgWords[f] || acronym(w) {
			return s
		}
	}
	return strings.Join(words[:end], " ")
}

// archiveLinks are the links to a writer's other articles printed after
// the name in a byline box ("Tüm yazıları", "Все материалы автора",
// "View all posts"), folded; they and what follows are cut.
var archiveLinks = []string{"tum yazilari", "diger yazilari", "tum haberleri", "yazarin diger", "все материалы", "все публикации", "все статьи", "другие материалы",
	"view all posts", "view author archive", "all posts by", "more from", "all articles", "see all"}

func cutArchive(s string) string {
	f := fold(s)
	for _, l := range archiveLinks {
		i := strings.Index(f, l)
		if i <= 0 || f[i-1] != ' ' {
			continue // at a word's start, after the name
		}
		// fold maps rune for rune but may change a rune's byte length
		// ("ş" to "s"): cut s at the same rune.
		return strings.TrimSpace(string([]rune(s)[:utf8.RuneCountInString(f[:i])]))
	}
	return s
}

// splitAcronyms cuts a part where an outlet's acronym follows a name
// with no separator: "Caio Quero BBC Brasil", "Ahmet Kaya AA". The
// acronym comes third or later; a name in capitals ("LOUISE RADNOFSKY")
// is left whole.
func splitAcronyms(fields []string) []string {
	var out []string
	for _, f := range fields {
		words := strings.Fields(f)
		allCaps := true
		for _, w := range words {
			allCaps = allCaps && caps(w)
		}
		cut := -1
		for i := 2; i < len(words) && !allCaps; i++ {
			if acronym(strings.Trim(words[i], ".,:;()")) && nameWord(words[0]) && nameWord(words[1]) {
				cut = i
				break
			}
		}
		if cut < 0 {
			out = append(out, f)
			continue
		}
		out = append(out, strings.Join(words[:cut], " "), strings.Join(words[cut:], " "))
	}
	return out
}

// dropInitials cuts a short bracket after a name: the writer's initials
// or desk ("Elena Oberholzer (obe)", "Jane Roe (hr)"), which a paper
// prints beside the name it signs with.
func dropInitials(s string) string {
	i := strings.LastIndexByte(s, '(')
	if i <= 0 || !strings.HasSuffix(s, ")") || utf8.RuneCountInString(s[i:]) > 8 || len(strings.Fields(s[:i])) < 2 {
		return s
	}
	return strings.TrimSpace(s[:i])
}

// bracketParts makes a bracket that closes a name a part of its own:
// the place or the agency a writer files from ("Emre Tan
// (Kahramanmaraş)", "Ayşe Kaya, Ankara (AA)"). A short lower-case
// bracket is the writer's initials, which dropInitials cuts.
func bracketParts(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			break
		}
		j += i
		inner, after := s[i+1:j], strings.TrimLeft(s[j+1:], " ")
		closes := after == "" || strings.ContainsAny(after[:1], ",;/|-–—")
		if r, _ := utf8.DecodeRuneInString(inner); closes && i > 0 && unicode.IsUpper(r) && !strings.ContainsAny(inner, "()") {
			b.WriteString(strings.TrimRight(s[:i], " "))
			b.WriteString(", ")
			b.WriteString(inner)
			s = s[j+1:]
			continue
		}
		b.WriteString(s[:j+1])
		s = s[j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// placeColons makes the colon after a dateline's place a separator
// ("Москва: Иван Петров"); other colons belong to a label ("Yazar:") and
// stay.
func placeColons(s string) string {
	words := strings.Fields(s)
	changed := false
	for i, w := range words {
		if p, ok := strings.CutSuffix(w, ":"); ok && places[fold(p)] {
			words[i], changed = p+",", true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(words, " ")
}

// twice is a name written twice in a row, as a layout's copies of one
// element for narrow and wide screens read ("Jane Roe Jane Roe"), once.
func twice(s string) string {
	w := strings.Fields(s)
	if n := len(w) / 2; n > 0 && len(w)%2 == 0 && strings.Join(w[:n], " ") == strings.Join(w[n:], " ") {
		return strings.Join(w[:n], " ")
	}
	return s
}

// roleWords stand between an outlet and a person.
var roleWords = []string{"muhabiri", "muhabirimiz", "editörü", "temsilcisi", "correspondent", "корреспондент", "обозреватель", "редактор"}

// labels open a credit ("Yazar:", "Автор:", "By"); they are not names.
var labels = []string{"written by", "posted by", "story by", "haberi hazırlayan", "hazırlayan", "derleyen", "yazar", "muhabir", "editör", "editor", "haber", "metin", "yazı", "text", "автор текста", "автор", "текст", "корреспондент",
	"материал подготовила", "материал подготовил", "подготовила", "подготовили", "подготовил", "беседовала", "беседовал", "by", "от",
	"autorin", "autor", "von", "par", "por", "door", "av", "redaktion", "about", "über",
	"作者", "著者", "筆者", "记者", "記者", "文"}

// spaceLabels are labels without a colon: "Yazar Ahmet Kaya", "By Jane Roe".
// "Haber Merkezi" is a desk, so "haber" needs its colon, and so does
// "Redaktion" ("BR24 Redaktion" is a desk, "Redaktion: Jane Roe" credits
// her).
var spaceLabels = map[string]bool{"written by": true, "posted by": true, "story by": true, "yazar": true, "автор": true, "by": true, "от": true,
	"haberi hazırlayan": true, "hazırlayan": true, "derleyen": true, "материал подготовила": true, "материал подготовил": true,
	"подготовила": true, "подготовили": true, "подготовил": true, "беседовала": true, "беседовал": true,
	"autorin": true, "autor": true, "von": true, "par": true, "por": true, "door": true, "av": true,
	// An author's card after the story is headed "About Jane Roe",
	// "Über Jane Roe".
	"about": true, "über": true}

// sectionLabel is what follows a byline label after the section's name
// a slot prints first ("Спорт Автор: Иван Петров", "Gündem Yazan: Ayşe
// Kaya", "Television By Jane Roe"): one or two words, then the label.
// "" when there is none.
func sectionLabel(s string) string {
	words := strings.Fields(s)
	for i := 1; i <= 2 && i < len(words)-1; i++ {
		rest := strings.Join(words[i:], " ")
		if g := strings.TrimSpace(stripLabel(rest)); g != rest && g != "" {
			return g
		}
	}
	return ""
}

func stripLabel(s string) string {
	f := fold(s)
	for _, l := range labels {
		rest, ok := strings.CutPrefix(f, fold(l))
		if !ok || rest == "" {
			continue
		}
		if next := strings.Fields(rest); l == "von" && len(next) > 0 && vonParticle[next[0]] {
			continue // "von der Leyen": a name's particle, not a label
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
		if r == ':' || r == '：' || (rest[0] == ' ' && spaceLabels[l]) {
			return CutLabel(s, l)
		}
	}
	return s
}

func kind(s string, sites []string) Kind {
	if s == "" || len(s) > 80 {
		return Other
	}
	if strings.Contains(s, "://") || strings.Contains(s, "@") {
		return Other
	}
	f := fold(s)
	for _, site := range sites {
		if site != "" && sameSite(f, site) {
			return Org
		}
	}
	if looksLikeHost(s) {
		return Org
	}
	if agencies[f] {
		return Org
	}
	if placeNames[f] {
		return Other // a dateline's city of two words: "New York"
	}
	words := strings.Fields(s)
	if len(words) == 1 {
		if k, ok := cjkName(words[0]); ok {
			return k
		}
	}
	if len(words) == 2 {
		// "大渡 美咲": a surname and a given name in Han or kana, spaced.
		if k, ok := cjkName(words[0] + words[1]); ok {
			return k
		}
	}
	if k, ok := arabicName(words); ok {
		return k
	}
	org, place, dateWords := false, 0, 0
	for _, w := range words {
		fw := strings.Trim(fold(w), ".,:;")
		if uiWords[fw] {
			return Other // "Contact Us": a link of the page's menus
		}
		switch {
		case orgWords[fw] || orgCompound(fw):
			org = true
		case places[fw]:
			place++
		case weekdays[fw] || months[fw]:
			dateWords++
		}
	}
	// A date has digits or is only date words ("Perşembe Cuma"); a month
	// or a weekday among other words is a name's ("Laura June Topolsky",
	// "Cuma Kaya").
	if strings.IndexFunc(s, unicode.IsDigit) >= 0 || (dateWords > 0 && dateWords == len(words)) {
		return Other
	}
	if org {
		// "Share this post": an organisation word in lower case inside
		// a sentence. In a name it is capitalised ("Министерство
		// иностранных дел") or opens it ("пресс-служба Кремля").
		named := false
		for i, w := range words {
			fw := strings.Trim(fold(w), ".,:;")
			if r, _ := utf8.DecodeRuneInString(w); (orgWords[fw] || orgCompound(fw)) && (i == 0 || !unicode.IsLower(r)) {
				named = true
			}
		}
		if !named {
			return Other
		}
		if len(words) == 1 && orgWords[strings.Trim(f, ".,:;")] {
			// "News", "Haber", "Staff": a generic word alone, left of a
			// role ("News & Culture Writer"), names no outlet.
			return Other
		}
		return Org
	}
	if place == len(words) {
		return Other
	}
	if place > 0 && place+placeCodes(words) == len(words) {
		return Other // "Washington DC", "London UK": a place and its state's or country's code
	}
	if place > 0 && !givenPlace(words) && !citySurname(words) {
		// "Birleşik Rusya", "Единая Россия": a name with a country in it
		// is a party or an institution, not a person.
		return Org
	}
	if len(words) == 1 {
		// "AA", "ТАСС"; "Восток-Инфо", "Haber-Ajans": an acronym or a
		// capitalised compound alone is an outlet's name; a single
		// ordinary word could be anything.
		if acronym(words[0]) || compound(words[0]) {
			return Org
		}
		return Other
	}
	if len(words) > 4 {
		return Other
	}
	if ours[fold(words[0])] {
		return Other // "Our Foreign Staff" with the role cut: a desk
	}
	if articles[fold(words[0])] && nameWord(words[0]) {
		return Org // "Le Figaro", "The Example Gazette"
	}
	allCaps := true
	for _, w := range words {
		if !caps(w) {
			allCaps = false
		}
	}
	for i, w := range words {
		if i > 0 && i < len(words)-1 && particles[w] {
			continue // "Lisa de Moraes", "Ludwig van Beethoven"
		}
		if !nameWord(w) {
			return Other
		}
		// "TRT Haber", "RT Arabic": an acronym opens an outlet's name. A
		// surname in capitals ("Güven USTA") comes last, and two
		// capitals before a surname are a person's initials ("MG
		// Siegler") unless they are a known agency's ("AA Spor").
		if i == 0 && acronym(w) && !allCaps && !initials(words) {
			return Org
		}
	}
	return Person
}

// orgCompound is a hyphenated word with an organisation word among its
// parts: "Presse-Agentur", "MM-Redaktion", "Haber-Merkezi".
func orgCompound(fw string) bool {
	if !strings.Contains(fw, "-") {
		return false
	}
	for _, p := range strings.Split(fw, "-") {
		if orgWords[p] {
			return true
		}
	}
	return false
}

// initials is a name whose first word is two capitals, not a known
// agency's, before one ordinary capitalised surname: "MG Siegler", "JK
// Rowling". Three capitals or more open an outlet's name ("BBC Brasil").
func initials(words []string) bool {
	return len(words) == 2 && utf8.RuneCountInString(words[0]) == 2 && !agencies[fold(words[0])] &&
		surname(words[1])
}

// givenPlace is a given name that is also a place, before a surname:
// "Doha Madani", "Paris Lees". A dateline's place stands before a
// separator or a date, which parts has already cut off, so a place
// left first before one ordinary surname is a person's name.
func givenPlace(words []string) bool {
	return len(words) == 2 && places[strings.Trim(fold(words[0]), ".,:;")] && surname(words[1])
}

// citySurname is a given name before a surname that is also a city's
// name: "Bushrod Washington", "Jack London", "Irving Berlin". A party or
// an institution named so takes its country's name ("Birleşik Rusya",
// "Единая Россия") or an adjective before the city's ("Вечерняя
// Москва"); a city after one ordinary name word is a person's surname.
func citySurname(words []string) bool {
	if len(words) != 2 {
		return false
	}
	first, last := strings.Trim(fold(words[0]), ".,:;"), strings.Trim(fold(words[1]), ".,:;")
	if !places[last] || countries[last] || !nameWord(words[0]) || acronym(words[0]) || caps(words[1]) {
		return false
	}
	if places[first] || orgWords[first] || agencies[first] || editions[first] || articles[first] || ours[first] {
		return false
	}
	for _, end := range adjectiveEnds {
		if strings.HasSuffix(first, end) {
			return false
		}
	}
	return true
}

// adjectiveEnds close a Russian or Ukrainian adjective, which opens an
// outlet's or a party's name before a city ("Вечерняя Москва").
var adjectiveEnds = []string{"ая", "яя", "ое", "ее", "ые", "ие", "ый", "ой"}

// surname is an ordinary capitalised word that names no place, outlet,
// organisation, edition or date: "Siegler", "Madani".
func surname(w string) bool {
	f := strings.Trim(fold(w), ".,:;")
	return nameWord(w) && !caps(w) && !places[f] && !orgWords[f] &&
		!agencies[f] && !editions[f] && !weekdays[f] && !months[f]
}

// nameWord is a capitalised word of letters, with inner hyphens,
// apostrophes or an initial's dot: "Öztürk", "Jean-Luc", "O'Neil", "A.".
func nameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	letters, upper := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case r == '-' || r == '\'' || r == '’' || r == '.':
		default:
			return false
		}
	}
	// "Why...": an ellipsis; "FacebookTwitterInstagram": icons' labels
	// run together. "McDonald", "DeShawn", "Jean-Luc" and "USTA" are names.
	if strings.Contains(w, "..") || (upper > 2 && upper < letters && !strings.ContainsAny(w, "-'’.")) {
		return false
	}
	return letters > 0
}

// compound is a hyphenated word whose parts are capitalised: "Восток-Инфо".
func compound(w string) bool {
	parts := strings.Split(w, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !nameWord(p) {
			return false
		}
	}
	return true
}

// acronym is a short word in capitals: "AA", "TRT", "ТАСС", "AFP". Initials
// with dots ("T.C. Sottek", "J.R. Smith") are a person's.
func acronym(w string) bool {
	n := utf8.RuneCountInString(w)
	return n >= 2 && n <= 4 && caps(w) && !strings.Contains(w, ".")
}

// vonParticle follows "von" inside a name, not after the label "Von".
var vonParticle = map[string]bool{"der": true, "dem": true, "den": true, "zu": true}

// articles open an outlet's name, not a person's: "Le Figaro", "The
// Daily Example", "Die Zeit".
var articles = map[string]bool{"the": true, "le": true, "la": true, "les": true, "el": true, "los": true,
	"las": true, "der": true, "die": true, "das": true, "il": true, "lo": true, "het": true}

// particles stand inside a name in lower case: "Lisa de Moraes", "Ursula
// von der Leyen", "Rafael van der Vaart".
var particles = map[string]bool{
	"de": true, "da": true, "di": true, "du": true, "del": true, "della": true, "der": true, "den": true,
	"van": true, "von": true, "la": true, "le": true, "dos": true, "das": true, "do": true, "bin": true,
	"ibn": true, "al": true, "el": true, "ter": true, "ten": true, "y": true,
}

func caps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters > 0
}

// looksLikeHost is "hurriyet.com.tr", "www.example.com", "RT.com".
func looksLikeHost(s string) bool {
	if strings.ContainsRune(s, ' ') {
		return false
	}
	i := strings.LastIndexByte(s, '.')
	if i <= 0 || i == len(s)-1 {
		return false
	}
	tld := s[i+1:]
	for _, r := range tld {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	return len(tld) >= 2 && len(tld) <= 6
}

// sameSite compares a folded name with the site's name or host: "Hürriyet"
// is the site www.hurriyet.com.tr, "TRT Haber" the site trthaber.com.
func sameSite(folded, site string) bool {
	site = fold(site)
	site = strings.TrimPrefix(site, "www.")
	if folded == site {
		return true
	}
	squash := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, s)
	}
	label := site
	if i := strings.IndexByte(label, '.'); i > 0 {
		label = label[:i]
	}
	a := squash(folded)
	return a != "" && (a == squash(site) || a == squash(label))
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}

// CutLabel is s less a leading label matched on its folded form ("Yazar",
// "Автор", "By") and the colon and spaces after it. Folding maps rune for
// rune, so the label's rune count is what to cut.
func CutLabel(s, label string) string {
	n := utf8.RuneCountInString(label)
	for i := range s {
		if n == 0 {
			return strings.TrimLeft(s[i:], " :：")
		}
		n--
	}
	return ""
}

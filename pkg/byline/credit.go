package byline

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What a byline slot holds beside the names, on real pages: the date and
// time ("By Jane Roe December 28, 2016", "18.11.2026 14:35 — Ayşe Kaya",
// "January 17, 2017 at 6:08 PM ET by Jane Roe"), the writer's role
// ("Jane Roe, Staff Writer", "Ayşe Kaya, Ankara Muhabiri", "Иван Петров,
// специальный корреспондент"), and the labels of icons beside the name
// ("Jane Roe Twitter", glued as "Jane RoeTwitter" when the markup has no
// space). Each separates names; none is one.

// socialWords label a link to the writer's account.
var socialWords = set("twitter", "facebook", "instagram", "linkedin", "email", "e-mail", "e-posta",
	"telegram", "whatsapp", "youtube", "вконтакте", "follow", "takip")

// roleTail are the words of a writer's role, before or after the name.
var roleTail = set(
	"writer", "editor", "reporter", "correspondent", "columnist", "contributor", "staff", "senior",
	"manager", "director", "producer", "marketing", "mudur", "muduru", "direktoru", "yapimci", "pazarlama",
	"директор", "менеджер", "продюсер",
	"chief", "special", "contributing", "associate", "deputy", "managing",
	"muhabir", "muhabiri", "muhabirimiz", "editor", "editoru", "yazari", "kose", "ozel", "temsilcisi",
	"корреспондент", "обозреватель", "редактор", "специальный", "собственный", "собкор", "спецкор",
	"журналист", "колумнист", "шеф-редактор", "главный",
	"기자", "특파원", "선임기자", "논설위원",
)

// possessiveRoles are Turkish roles in the possessive ("Diplomasi
// Muhabiri", "Ekonomi Editörü"): the word before them is their beat,
// never a name's.
var possessiveRoles = set("muhabiri", "editoru", "temsilcisi", "yazari", "muduru", "direktoru")

// roleCore are the role words proper; the others (senior, özel,
// специальный) only qualify one.
var roleCore = set("writer", "editor", "reporter", "correspondent", "columnist", "contributor", "staff",
	"manager", "director", "producer", "mudur", "muduru", "direktoru", "yapimci", "директор", "менеджер", "продюсер",
	"muhabir", "muhabiri", "muhabirimiz", "editoru", "yazari", "temsilcisi",
	"корреспондент", "обозреватель", "редактор", "собкор", "спецкор", "журналист", "колумнист", "шеф-редактор",
	"기자", "특파원", "선임기자", "논설위원")

// dateJoin are the words that join a date and a time: "at 6:08 PM",
// "в 18:12", "saat 14:35", "2026 г.", "on 1 June".
var dateJoin = set("at", "on", "saat", "в", "г", "г.", "года", "am", "pm", "a.m.", "p.m.",
	"et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "msk", "мск", "tsi",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"янв", "фев", "мар", "апр", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
	"-", "–", "—", "|")

// timeLabels say which time follows; they end a name wherever they stand
// ("By Jane Roe Published in Science December 14, 2016").
var timeLabels = set("published", "updated", "posted", "yayınlanma", "güncelleme", "güncellendi",
	"опубликовано", "обновлено")

// readingTimeRE is a reading time on the byline's line: a label and its
// minutes ("Lesezeit: 3 Min.", "Okuma süresi: 4 dk", "Время чтения: 5
// минут") or the minutes and "read" ("4 min read"), with a dot glued
// before it ("11:52 AM·2 min read"). Its words would read as a name's
// ("Sunny Lesezeit") or spoil one.
var readingTimeRE = regexp.MustCompile(`(?i)(?:[·•]\s*)?(?:reading time|okuma süresi|время чтения|время на прочтение|lesezeit|lesedauer|tempo de leitura|tempo di lettura|temps de lecture|tiempo de lectura|czas czytania|leestijd)\s*:?\s*(?:\d{1,3}\s*\p{L}*\.?)?|(?:[·•]\s*)?\d{1,3}\s*(?:min(?:ute)?s?|mins?\.|dk|dakika|мин\.?|минут[аы]?)\s*(?:read|okuma|чтения)`)

// cutReadingTime replaces a reading time with a comma, a field boundary.
func cutReadingTime(s string) string {
	// A reading time gives its minutes: no digit, no reading time (and
	// the pattern, half a percent of extraction, is not run).
	if strings.IndexFunc(s, unicode.IsDigit) < 0 {
		return s
	}
	return readingTimeRE.ReplaceAllString(s, " , ")
}

// Unglue puts a space where a name runs into an icon's label, a role or
// a date without one, as a name's span and the next one's text read
// together: "Jane RoeTwitter", "Howard BlumeStaff Writer", "Selin Ak3
// Aralık 2026", "谢若含2017-03-01".
func Unglue(s string) string {
	var b strings.Builder
	prev, word := rune(0), 0
	for i, r := range s {
		if r == ' ' {
			word = i + 1
		}
		if unicode.IsDigit(r) && (unicode.Is(unicode.Han, prev) || unicode.Is(unicode.Hiragana, prev) || unicode.IsLower(prev)) {
			// "谢若含2017-03-01": no space before a date in Han; "Selin
			// Ak3 Aralık 2026": a name's span run into the date's.
			b.WriteByte(' ')
		}
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			rest := fold(s[i:])
			if socialWords[fold(s[word:i])] { // "TwitterNews"
				b.WriteByte(' ')
				word = i
			}
			for w := range socialWords {
				if strings.HasPrefix(rest, w) {
					b.WriteByte(' ')
					break
				}
			}
			if !strings.HasSuffix(b.String(), " ") {
				for w := range roleCore {
					if strings.HasPrefix(rest, w) {
						b.WriteByte(' ')
						break
					}
				}
			}
			// "Алексей ГромовВсе материалы автора": the link to the
			// writer's other articles.
			if !strings.HasSuffix(b.String(), " ") {
				for _, w := range archiveLinks {
					if strings.HasPrefix(rest, w) {
						b.WriteByte(' ')
						break
					}
				}
			}
			// "Jane RoeNovember 15, 2015": a month's name, whole.
			if !strings.HasSuffix(b.String(), " ") {
				for w := range months {
					if after, ok := strings.CutPrefix(rest, w); ok && !unicode.IsLetter(firstRuneOf(after)) {
						b.WriteByte(' ')
						break
					}
				}
			}
		}
		if strings.HasSuffix(b.String(), " ") {
			word = i
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func firstRuneOf(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// dateWord: a word with a digit, or one that reads as part of a date when
// beside one (a month, a weekday, "at", "PM", a zone).
func dateWord(w string) (digit, near bool) {
	if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
		return true, true
	}
	f := strings.Trim(fold(w), ".,:;()")
	return false, months[f] || weekdays[f] || dateJoin[f] || dateJoin[fold(w)] || timeLabels[f]
}

// cutDates replaces each run of date words that holds a digit with a
// comma, and the icons' labels and the time labels with one too. A line
// with two icons' labels or more is a share or follow bar, no byline.
func cutDates(s string) string {
	words := strings.Fields(s)
	social := 0
	for _, w := range words {
		if socialWords[strings.Trim(fold(w), ".,:;()")] {
			social++
		}
	}
	if social > 1 {
		return ""
	}
	mark := make([]bool, len(words))
	near := make([]bool, len(words))
	for i, w := range words {
		mark[i], near[i] = dateWord(w)
	}
	// Spread from the digits to the date words beside them.
	for changed := true; changed; {
		changed = false
		for i := range words {
			if mark[i] || !near[i] {
				continue
			}
			if (i > 0 && mark[i-1]) || (i+1 < len(words) && mark[i+1]) {
				mark[i], changed = true, true
			}
		}
	}
	var b strings.Builder
	for i, w := range words {
		if f := strings.Trim(fold(w), ".,:;()"); mark[i] || socialWords[f] || timeLabels[f] {
			b.WriteString(" , ")
			continue
		}
		b.WriteString(" ")
		b.WriteString(w)
	}
	return strings.TrimSpace(b.String())
}

// stripRole drops the role words before or after a name: "Staff Writer",
// "Ankara Muhabiri" keep only the name; a part that is only a role is
// nothing. At least one proper role word must be there ("Senior" alone
// is a name's).
func stripRole(s string) string {
	words := strings.Fields(s)
	core := false
	isRole := func(w string) bool {
		f := strings.Trim(fold(w), ".,:;()")
		if roleCore[f] {
			core = true
		}
		return roleTail[f]
	}
	end := len(words)
	for end > 0 && isRole(words[end-1]) {
		end--
	}
	if core {
		// "Ankara Muhabiri", "Moscow correspondent": the place names the
		// post, not the writer.
		for end > 0 && places[strings.Trim(fold(words[end-1]), ".,:;()")] {
			end--
		}
		// "Emre Tan Diplomasi Editörü": a Turkish role in the possessive
		// has its beat before it, one word at least; two words of the
		// name stay.
		if end < len(words) && possessiveRoles[strings.Trim(fold(words[end]), ".,:;()")] && end >= 3 {
			end--
		}
		// "Jane Roe Senior Politics Editor": a qualifier after the
		// name opens the role, whatever its beat.
		for i := 2; i < end; i++ {
			if f := strings.Trim(fold(words[i]), ".,:;()"); roleTail[f] && !roleCore[f] {
				end = i
				break
			}
		}
		words = words[:end]
	}
	tailCore := core
	core = false
	start := 0
	for start < len(words) && isRole(words[start]) {
		start++
	}
	if core {
		words = words[start:]
	}
	if (tailCore || core) && len(words) == 0 {
		return ""
	}
	return strings.Join(words, " ")
}

// nameHead cuts what follows a name in a labelled line: "Written by
// Michael Larabel in Valve", "Yazan: Ayşe Kaya bildiriyor". Two name
// words or more, then a lower-case word that is not a particle of a
// name. (Unlabelled, four capitalised words and a lower-case one are as
// often a headline: "Bernie Was Once Asked to Leave".)
func nameHead(s string) string {
	words := strings.Fields(s)
	n := 0
	for i, w := range words {
		if nameWord(w) {
			n++
			continue
		}
		if particles[w] && n > 0 && i+1 < len(words) && nameWord(words[i+1]) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); n >= 2 && unicode.IsLower(r) {
			return strings.Join(words[:i], " ")
		}
		return s
	}
	return s
}

// cjkName judges a word in Han or kana, which have no capitals to go by:
// a name is two to six such characters, opening with two Han or more ("松村太郎",
// "谢若含", "小暮ひさのり"); one ending in an outlet's or a body's word
// ("朝日新聞", "好奇心日报", "編集部") is an organisation. ok is false for
// any other script.
func cjkName(w string) (k Kind, ok bool) {
	if k, ok := hangulName(w); ok {
		return k, true
	}
	n, han := 0, 0
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r), r == 'ー':
		default:
			return Other, false
		}
		n++
	}
	for _, suf := range cjkOrgEnds {
		if strings.HasSuffix(w, suf) {
			return Org, true
		}
	}
	for _, pre := range cjkOrgOpens {
		if strings.HasPrefix(w, pre) && w != pre {
			return Org, true
		}
	}
	// A surname in Han opens the name ("その他", "other", is no one's).
	if first, _ := utf8.DecodeRuneInString(w); han < 2 || !unicode.Is(unicode.Han, first) || n > 6 {
		return Other, true
	}
	return Person, true
}

// cjkOrgOpens open the names of periodicals: daily, weekly, monthly
// ("日刊現代", "週刊文春", "月刊Hanada"); no surname is written so.
var cjkOrgOpens = []string{"日刊", "週刊", "周刊", "月刊", "季刊", "旬刊"}

// cjkOrgEnds end the names of outlets, desks and bodies.
var cjkOrgEnds = []string{"新聞", "新闻", "日报", "日報", "通信", "通讯", "社", "編集部", "编辑部", "編集", "ニュース",
	"デジタル", "网", "網", "报", "報", "台", "誌", "杂志", "部", "局", "省", "会", "党", "院", "所", "庁", "厅"}

// hangulName judges a word in Hangul: a Korean name is two to four
// syllables ("구현모", "남궁민수"); one ending in an outlet's or a desk's
// word ("한국일보", "매일경제", "디지털뉴스룸") is an organisation, and a
// role ("기자", reporter) is cut before a name is judged. ok is false for
// a word that is not all Hangul syllables.
func hangulName(w string) (k Kind, ok bool) {
	n := 0
	for _, r := range w {
		if r < 0xAC00 || r > 0xD7A3 {
			return Other, false
		}
		n++
	}
	if n == 0 {
		return Other, false
	}
	for _, suf := range hangulOrgEnds {
		if strings.HasSuffix(w, suf) {
			return Org, true
		}
	}
	if n < 2 || n > 4 || roleTail[w] {
		return Other, true
	}
	return Person, true
}

// hangulOrgEnds end Korean outlets' and desks' names: daily, newspaper,
// news, broadcasting, economy, times, newsroom, editorial desk, team.
var hangulOrgEnds = []string{"일보", "신문", "뉴스", "방송", "경제", "타임스", "뉴스룸", "편집부", "취재팀", "팀", "부", "통신"}

// arabicName tells a name written in the Arabic script (Arabic, Persian,
// Urdu), which has no capitals to show a name by: two to four words of
// Arabic letters are a person's name ("علیرضا مجیدی", "محمد عبد الله"),
// unless a word names an outlet, a desk or a role (arabicOrgWords) or
// the first opens with the article al- ("الجزيرة نت", "الشرق الأوسط"),
// which outlets' names do and given names do not. ok is false when s is
// not all in the Arabic script.
func arabicName(words []string) (k Kind, ok bool) {
	for _, w := range words {
		for _, r := range w {
			if !unicode.Is(unicode.Arabic, r) && r != '\u200c' && !unicode.Is(unicode.Mn, r) {
				return Other, false
			}
		}
	}
	if len(words) < 2 || len(words) > 4 {
		return Other, true
	}
	if strings.HasPrefix(words[0], "ال") {
		return Org, true
	}
	for _, w := range words {
		if arabicOrgWords[w] {
			return Org, true
		}
	}
	return Person, true
}

// arabicOrgWords make an Arabic-script credit an outlet's, a desk's or a
// role's: agency, newspaper, site, channel, network, news, editorial
// desk, ministry, centre, team, editor, reporter (Arabic, then Persian).
var arabicOrgWords = set(
	"وكالة", "صحيفة", "جريدة", "موقع", "قناة", "شبكة", "أخبار", "اخبار", "تلفزيون", "إذاعة", "مجلة",
	"هيئة", "وزارة", "مركز", "فريق", "محرر", "مراسل", "تحرير",
	"خبرگزاری", "روزنامه", "مجله", "سایت", "تحریریه", "گروه", "خبر", "شبکه", "رادیو", "تلویزیون",
	"وزارت", "سرویس", "خبرنگار", "دبیر",
)

// dropHandles removes the social-network handles printed after a name
// ("Jane Roe @janeroe", "Ayşe Kaya @aysekaya, Emre Tan @emretan"): the
// name is the byline, the handle a user name. A handle is a word opening
// with @ of letters, digits, underscores and dots; punctuation after it
// stays, as it may separate writers.
func dropHandles(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	fields := strings.Fields(s)
	out := fields[:0]
	for _, f := range fields {
		h, ok := strings.CutPrefix(f, "@")
		end := strings.TrimRight(h, ",;|")
		if !ok || len(end) < 2 || strings.IndexFunc(end, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '.'
		}) >= 0 {
			out = append(out, f)
			continue
		}
		if p := h[len(end):]; p != "" && len(out) > 0 {
			out[len(out)-1] += p
		}
	}
	return strings.Join(out, " ")
}

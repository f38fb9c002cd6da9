package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// Furniture a template or an editor puts inside the article's container,
// recognised by its shape first: a line of names with credit roles, a call
// to follow or subscribe with the channel it names, a caption with its
// photo credit, a gallery counter, a reading time. The words these shapes
// need are listed in Turkish, Russian and English (the product's languages
// and the web's lingua franca); a word alone never makes a line furniture,
// and prose with the same words in it (a minister who "said on Telegram")
// lacks the shape.

// creditWords are the roles and verbs of a credit line, lower case:
// "Reporting by X; editing by Y", "X contributed reporting", "Haber: X,
// Editör: Y", "Текст: X, при участии Y".
var creditWords = setOf(
	// en
	"by", "reporting", "reported", "editing", "edited", "writing", "written", "contributed", "contributing",
	"additional", "writer", "writers", "reporter", "reporters", "editor", "editors", "correspondent",
	"correspondents", "staff", "photographer", "photographers", "compiled",
	// tr
	"haber", "hazırlayan", "hazırlayanlar", "editör", "editörü", "yazan", "muhabir", "muhabiri", "muhabirimiz",
	"muhabirleri", "derleyen", "çeviren", "katkıda", "katkısıyla",
	// ru
	"автор", "авторы", "текст", "редактор", "редакторы", "корреспондент", "корреспонденты", "подготовил",
	"подготовила", "подготовили", "участии", "перевод", "перевела", "перевел",
)

// creditJoins are the small words that join the names and roles of a
// credit line.
var creditJoins = setOf(
	"and", "with", "from", "to", "this", "report", "in", "of", "the", "for", "at", "also",
	"ve", "ile", "da", "de", "bulundu", "bulunmuştur",
	"и", "с", "при", "из", "для", "в",
)

// creditLine reports a line that only credits people: every word is a
// name (capitalised), a credit role or a joining word, with at least two
// name words and one role. A sentence has verbs and common nouns in it.
func creditLine(text string) bool {
	return creditLineWords(text, countWordsTo(text, 40))
}

// creditLineWords is creditLine for text whose words are counted
// (countWords, or countWordsTo with a limit of 40 or more).
func creditLineWords(text string, nwords int) bool {
	if nwords > 40 || capsHeadingWords(text, nwords) {
		return false
	}
	names, roles, run, fullName := 0, 0, 0, false
	byOnly, prevCap, small, opensWithRole := true, false, false, false
	// The words one at a time: most lines are prose, given away by their
	// first common noun or verb, and splitting all of it first was most of
	// this function's time.
	k := -1
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:()|/–—-•·.&", r)
	}) {
		k++
		w = strings.Trim(w, "\"'’“”«»")
		if w == "" {
			continue
		}
		lw := strings.ToLower(w)
		first, _ := utf8.DecodeRuneInString(w) // []rune(w)[0], without converting the word
		small = small || unicode.IsLower(first)
		isName := false
		switch {
		case creditWords[lw]:
			roles++
			opensWithRole = opensWithRole || k == 0
			if lw != "by" || k == 0 || !prevCap {
				// "by" after a capitalised word is a title's ("Sales
				// Approaches by Product Category"); first, or after a
				// role, it credits.
				byOnly = false
			}
		case creditJoins[lw]:
		case unicode.IsDigit(first) || dateWords[lw] && !unicode.IsUpper(first):
			// A date beside the names: "By X on Monday, November 18th".
		case unicode.IsUpper(first):
			names++
			isName = true
		default:
			return false
		}
		if isName {
			run++
			fullName = fullName || run >= 2
		} else {
			run = 0
		}
		prevCap = unicode.IsUpper(first)
	}
	// A person has a first name and a surname: two capitalised words in a
	// row ("Online Writing Workshop" has none). A line in title case
	// ("Muhabirimiz Ali Kaya Sınır Kapısında") is a heading, unless it
	// opens with its role or a label's colon says it credits ("By
	// Washington Post Editors", "Contributing: Ayşe Kaya").
	return fullName && roles >= 1 && !byOnly && (small || opensWithRole || strings.Contains(text, ":"))
}

// Channels a site asks its readers to follow it on, and the words of its
// newsletters and notifications: a short block inside the container that
// asks the reader to do something with one of them is the site's call to
// action, not the story.
var (
	channelWords = []string{
		"twitter", "facebook", "instagram", "youtube", "telegram", "whatsapp", "tiktok", "messenger", "linkedin",
		"google news", "вконтакте", "одноклассник", "дзен", "rss", "podcast", "подкаст",
		"newsletter", "inbox", "e-mail", "email", "notification", "app store", "google play",
		"bülten", "e-posta", "bildirim", "uygulama", "рассылк", "уведомлен", "приложени", "почт",
	}
	// Imperatives a call to action opens with, lower case.
	ctaOpeners = []string{
		"follow", "subscribe", "sign up", "join", "get", "click", "tap", "download", "listen", "watch", "share",
		"email", "chat", "start your", "let our", "don't miss", "never miss", "stay",
		"takip edin", "takip et", "abone ol", "abone olun", "tıklayın", "tıkla", "indirin", "katılın", "paylaşın",
		"dinleyin", "izleyin", "kaydolun",
		"подписывайтесь", "подпишитесь", "следите", "присоединяйтесь", "скачайте", "скачивайте", "нажмите",
		"делитесь", "поделитесь", "слушайте", "смотрите", "читайте нас", "пишите", "присылайте", "сообщите нам",
		"send", "contact", "write to",
	}
	// Calls that need no channel named: a sentence that opens by asking
	// the reader to subscribe or sign up, and "click here" anywhere.
	ctaAlone = []string{
		"subscribe to", "sign up for", "sign up to", "subscribe now",
		"abone olun", "hemen abone ol", "bültenimize abone",
		"подпишитесь на", "подписывайтесь на",
	}
	// Imperatives that call to action only when the site speaks of
	// itself beside them: "Check out our picks", "Read our full
	// coverage", "… listemize göz atın".
	ctaSelfOpeners = []string{
		"check out", "read", "support", "become a",
		"читайте", "поддержите",
	}
	ctaSelfClosers = []string{"göz atın", "okuyun", "destek olun"}
	// A reader's appeal that opens a call to support or join the site:
	// "If you enjoyed this article, …".
	readerAppeals = []string{
		"if you enjoyed this", "if you liked this", "if you like this", "if you enjoy this", "if you found this",
		"if you value our", "if you appreciate our",
		"bu haberi beğendiyseniz", "bu yazıyı beğendiyseniz", "bu içeriği beğendiyseniz", "haberlerimizi beğeniyorsanız",
		"если вам понравилась эта", "если вам понравился этот", "если вам понравился материал", "если вам нравятся наши",
	}
	clickHere = []string{"click here", "buraya tıklayın", "buraya tıklayınız", "нажмите здесь", "жмите сюда"}
	// Imperatives a Turkish call to action closes with.
	ctaClosers = []string{"takip edin", "takip et", "abone olun", "abone ol", "tıklayın", "tıklayınız", "indirin", "katılın", "paylaşın", "kaydolun", "dinleyin", "izleyin",
		"yazın", "gönderin", "iletin", "ulaşın", "bildirin"}
	// Words with which a site speaks of itself: a prompt says "our
	// newsletter", "bizi takip edin", "наш канал".
	selfWords = setOf("our", "us", "we", "bizi", "bizim", "bültenimize", "kanalımıza", "sitemize", "нас", "наш", "наша", "наши", "нашем", "наших", "нашу")
)

// ctaLine reports a call to action: a short block that opens with an
// imperative and names a channel, or in which the site speaks of itself
// and names a channel, or that gives a link to follow. h are the block's
// cues (blockCues).
func ctaLine(lower string, nwords int, h cueHits) bool {
	if nwords > 60 {
		return false
	}
	// Split once: every check below reads the sentences (into an array
	// on the stack when there are few).
	var buf [16]string
	sents := sentences(buf[:0], lower)
	if nwords <= 40 {
		if h.has(cueClickHere) {
			return true
		}
		for _, s := range sents {
			for _, o := range ctaAlone {
				if opens(s, o) {
					return true
				}
			}
		}
	}
	for _, s := range sents {
		for _, o := range readerAppeals {
			if strings.HasPrefix(s, o) {
				return true
			}
		}
	}
	if nwords > 30 {
		// A longer block calls to action only with an imperative and a
		// channel named; the imperative is the cheaper to look for.
		return ctaImperative(sents) && namesChannel(lower, h)
	}
	if !namesChannel(lower, h) {
		// No channel: an imperative in a short block, in a sentence in
		// which the site speaks of itself ("Check out our team's
		// picks", "Поддержите наш проект", "Editörlerimizin
		// seçtiklerine bizim listemizden göz atın").
		return !quoted(lower) && selfImperative(sents)
	}
	if ctaImperative(sents) {
		return true
	}
	if quoted(lower) {
		// Quoting someone: a "we" in a quote is the speaker's.
		return false
	}
	for _, w := range words(lower) {
		if selfWords[w] {
			return true
		}
	}
	return false
}

// namesChannel reports whether a lower-cased block names a channel to
// follow or an address to write to. A link to a post
// (pic.twitter.com/...) names no channel. h are the block's cues.
func namesChannel(lower string, h cueHits) bool {
	if strings.IndexByte(lower, '@') >= 0 && emailRE.MatchString(lower) {
		return true
	}
	if !h.has(cueURL) {
		return h.has(cueChannel)
	}
	return hasAny(urlRE.ReplaceAllString(lower, " "), channelWords)
}

// ctaImperative reports a sentence that opens with a call's imperative.
// It may follow a question or a clause ("Like this story? Share it", "If
// you enjoyed this article, join"); a Turkish imperative ends its
// sentence ("bizi Telegram'dan takip edin").
func ctaImperative(sents []string) bool {
	for _, s := range sents {
		for _, o := range ctaOpeners {
			if opens(s, o) {
				return true
			}
		}
		for _, o := range ctaClosers {
			if strings.HasSuffix(s, o) {
				return true
			}
		}
	}
	return false
}

// selfImperative reports one of the sentences of a lower-cased block
// that opens with an imperative (or, in Turkish, ends with one) and in
// which the site speaks of itself.
func selfImperative(sents []string) bool {
	for _, s := range sents {
		imperative := false
		for _, os := range [][]string{ctaOpeners, ctaSelfOpeners} {
			for _, o := range os {
				imperative = imperative || opens(s, o)
			}
		}
		for _, os := range [][]string{ctaClosers, ctaSelfClosers} {
			for _, o := range os {
				imperative = imperative || strings.HasSuffix(s, o)
			}
		}
		if !imperative {
			continue
		}
		for _, w := range words(s) {
			if selfWords[w] {
				return true
			}
		}
	}
	return false
}

// opens reports whether sentence s opens with the words o, as words of
// their own: "download the app", not "downloads have", "clicking",
// "email, text messages".
func opens(s, o string) bool {
	rest, ok := strings.CutPrefix(s, o)
	return ok && (rest == "" || rest[0] == ' ')
}

// sentences appends to out the sentences of lower-cased text, split after
// sentence punctuation and trimmed.
func sentences(out []string, lower string) []string {
	start := 0
	// Byte by byte: the marks are ASCII, and UTF-8 never has an ASCII
	// byte inside another character.
	for i := 0; i < len(lower); i++ {
		switch lower[i] {
		case '.', '!', '?', ':':
			if s := strings.TrimSpace(lower[start:i]); s != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(lower[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// quoted reports a quotation mark in s: ", “, ”, «, » or „. It is
// strings.ContainsAny(s, "\"“”«»„") read byte by byte, as the marks' UTF-8
// (C2 AB, C2 BB, E2 80 9C-9E) starts with a byte no other character's
// encoding has inside it: ContainsAny decoded every rune of the block.
func quoted(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			return true
		case 0xC2:
			if i+1 < len(s) && (s[i+1] == 0xAB || s[i+1] == 0xBB) {
				return true
			}
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x9C && s[i+2] <= 0x9E {
				return true
			}
		}
	}
	return false
}

// hasDigit reports an ASCII digit in s: what \d matches in a regexp.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// emailRE matches an e-mail address.
var emailRE = regexp.MustCompile(`[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}`)

// urlRE matches links and host names in lower-cased text.
var urlRE = regexp.MustCompile(`(?:https?://|www\.)\S+|\S+\.(?:com|org|net|ru|tr|io)(?:/\S*)?`)

// urlTells are strings of which urlRE cannot match without one: most
// blocks have none, and the expression is not run on them (it took a
// tenth of the cleaner's CPU).
var urlTells = []string{"http", "www.", ".com", ".org", ".net", ".ru", ".tr", ".io"}

var (
	// A caption that ends in its credit: "... (Image: GETTY)",
	// "... (Фото: ТАСС)", "... (Fotoğraf: AA)".
	captionCreditRE = regexp.MustCompile(`\(\s*(?i:image|picture|photo|illustration|credit|image credit|photo credit|foto|fotoğraf|görsel|фото|иллюстрация)\s*:\s*[^()]{1,60}\)\s*$`)
	// "Image 2 of 5", "1 of 6", "3 / 12", "Фото 2 из 5".
	galleryCountRE = regexp.MustCompile(`^\s*(?:\p{L}+\s+)?\d{1,3}\s*(?:of|/|из)\s*\d{1,3}\s*$`)
	// "2 min read", "Okuma süresi: 3 dakika", "Время чтения: 4 минуты",
	// "Lesezeit: 2 Min.", "Tempo de leitura: 1 minuto".
	readingTimeRE = regexp.MustCompile(`(?i)^\s*(?:` + readingTime + `)\s*$`)
	// A reading time after the date line it shares a line with:
	// "06.01.2026, Lesezeit 5 Min.", "Stand: 20:03 Uhr | Lesedauer: 4
	// Minuten", "18 Kasım 2026 • Okuma süresi 4 dk".
	readingTimeTailRE = regexp.MustCompile(`(?i)(?:^|[\s,;|•·/–—-])(?:` + readingTime + `)\s*$`)
	// A caption that ends in its credit with no brackets: "... an.
	// Bild: Andreas Seidel/Archiv", "... Bildrechte: MDR/David Straub",
	// "... Фото: Иван Петров/ТАСС".
	captionTailRE = regexp.MustCompile(`[\p{L}\p{N}.,;!?)"»“”'’]\s+(?i:bild|bildrechte|fotos?|photo|image|credit|fotoğraf|görsel|фото)\s*:\s*[\p{L}\p{N} .,'’/|&@\-]{2,60}$`)
)

// readingTime is a reading time's phrase: a count of minutes with a word
// for reading, or a label for the reading time with its count.
const readingTime = `\d{1,3}\s*(?:min(?:ute)?s?|dk|dakika)\.?\s*(?:read|okuma)|(?:reading time|okuma süresi|время чтения|время на прочтение|lesezeit|lesedauer|tempo de leitura|tempo di lettura|temps de lecture|tiempo de lectura|czas czytania)\s*:?\s*\d{1,3}\s*\p{L}*\.?`

// captionLine reports a picture's caption or a gallery's counter left in
// the container.
func captionLine(text string) bool {
	return captionLineWords(text, countWordsTo(text, maxCaptionWords+1))
}

// captionLineWords is captionLine for text whose words are counted
// (countWords, or countWordsTo with a limit above maxCaptionWords).
func captionLineWords(text string, nwords int) bool {
	// A bracketed credit closes the line: only a line ending in ")" is
	// worth the unanchored search. A gallery's counter and a reading time
	// have digits: a line without is not searched for them.
	bracketed := strings.HasSuffix(strings.TrimRight(text, " \t\n\f\r"), ")")
	if (bracketed && captionCreditRE.MatchString(text)) || hasDigit(text) && (galleryCountRE.MatchString(text) || readingTimeRE.MatchString(text)) {
		return true
	}
	// The picture's description before the credit: a few words at
	// least ("Main image credit: Getty" is a credit line alone).
	if nwords <= maxCaptionWords && creditTail(text) {
		if loc := captionTailRE.FindStringIndex(text); loc != nil && countWordsTo(text[:loc[0]+1], 3) >= 3 {
			return true
		}
	}
	return false
}

// creditTail reports what captionTailRE needs at the end of a line: its
// last colon (the credit's text holds none) followed by 60 characters at
// most. It turns most lines away before the search, which reads them
// whole.
func creditTail(text string) bool {
	i := strings.LastIndexByte(text, ':')
	return i >= 0 && utf8.RuneCountInString(strings.TrimLeft(text[i+1:], " \t\n\f\r")) <= 60
}

// datedReadingTime reports a date line ending in a reading time: the date
// is the page's metadata, read elsewhere.
func datedReadingTime(text string) bool {
	// The count stops at fifteen words: a paragraph is turned away
	// before the search, which would read all of it.
	if countWordsTo(text, 15) > 14 {
		return false
	}
	loc := readingTimeTailRE.FindStringIndex(text)
	if loc == nil {
		loc = gluedReadingTime(text)
	}
	if loc == nil {
		return false
	}
	head := strings.TrimSpace(text[:loc[0]])
	return head != "" && (datedLine(head) || clockRE.MatchString(strings.ToLower(head)) || yearRE.MatchString(head))
}

// gluedReadingTime finds a reading time glued to the date line before it,
// two elements' text with no space between ("18:50 UhrLesedauer: 4
// Min.", "14:20Okuma süresi: 3 dk"): the tail from a capital that follows
// a letter or a digit with no space. It returns the tail's bounds, or nil.
func gluedReadingTime(text string) []int {
	var prev rune
	for i, r := range text {
		if unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)) && readingTimeRE.MatchString(text[i:]) {
			return []int{i, len(text)}
		}
		prev = r
	}
	return nil
}

// maxCaptionWords bounds a caption that ends in its credit: a longer
// block is a paragraph of the text.
const maxCaptionWords = 40

// nameLine reports a line nearly all of whose words open with a capital: a
// list of names, roles and places ("Yönetmen_Ayşe Kaya, Müzik_Can Ertan",
// "Rota B: Odessa, Köstence"), or a label in capitals. Its letters say
// nothing of the language the article is written in.
func nameLine(text string) bool {
	n, caps := 0, 0
	for _, w := range words(text) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return n > 0 && caps*10 >= n*minNameShare
}

// minNameShare is the share, in tenths, of a name line's words that open
// with a capital: a German sentence capitalises its nouns, not eight words
// in ten.
const minNameShare = 8

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// dateWords are the words of a printed date or time other than its
// numbers, lower case: month and weekday names and their abbreviations,
// the labels templates print ("Published", "Güncelleme", "Обновлено"),
// relative times ("2 hours ago", "3 saat önce", "5 минут назад"), time
// zones and reading times.
var dateWords = setOf(
	// en
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
	"mon", "tue", "wed", "thu", "fri", "sat", "sun",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"published", "publish", "updated", "update", "posted", "modified", "last", "first", "date", "on", "at", "and",
	"am", "pm", "a", "p", "m", "et", "pt", "ct", "est", "edt", "cst", "cdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest",
	"ago", "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "read",
	// tr
	"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık",
	"oca", "şub", "nis", "haz", "tem", "ağu", "eyl", "eki", "kas", "ara",
	"pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar",
	"yayınlanma", "yayın", "yayımlanma", "tarihi", "güncelleme", "güncellendi", "son", "giriş", "oluşturulma",
	"önce", "saat", "dakika", "dk", "gün", "hafta", "okuma", "süresi", "trt", "tsi",
	// ru
	"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
	"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
	"янв", "фев", "мар", "апр", "июн", "июл", "авг", "сен", "сент", "окт", "ноя", "дек",
	"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
	"опубликовано", "обновлено", "дата", "публикации", "назад", "мин", "минут", "минуты", "минуту", "час", "часа",
	"часов", "день", "дня", "дней", "время", "чтения", "г", "мск", "в",
	// de
	"januar", "februar", "märz", "mär", "mai", "juni", "juli", "oktober", "okt", "dezember", "dez",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
	"veröffentlicht", "aktualisiert", "zuletzt", "erstellt", "stand", "um", "uhr", "vor",
	"minuten", "stunde", "stunden", "tag", "tagen", "lesedauer", "lesezeit",
	// fr
	"janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
	"janv", "févr", "avr", "juil", "déc", "нояб", "февр",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"publié", "publiée", "modifié", "mis", "jour", "le", "il", "y", "à", "heure", "heures", "lecture",
	// it
	"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "dicembre",
	"lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
	"pubblicato", "aggiornato", "modifica", "modificato", "ore", "alle", "fa", "minuti",
	// es, pt
	"enero", "febrero", "abril", "mayo", "junio", "julio", "septiembre", "octubre", "noviembre", "diciembre",
	"janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro",
	"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
	"publicado", "actualizado", "atualizado", "las", "el", "de", "del", "em", "às", "hace", "há", "horas", "minutos",
	// pl, uk
	"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października",
	"listopada", "grudnia", "opublikowano", "zaktualizowano", "aktualizacja", "godz", "temu",
	"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
	"листопада", "грудня", "опубліковано", "оновлено", "тому", "хвилин",
)

// dateOnlyLine reports a line that is nothing but a printed date, time or
// reading time, in any of the forms the date words allow ("Nov 18, 2019
// at 9:24 pm ET • 2 min read", "Published 1 day ago", "3 saat önce",
// "Обновлено 5 минут назад"): each word is a number or a date word, and
// there is a number or a relative time.
func dateOnlyLine(lower string) bool {
	if countWordsTo(lower, 20) > 20 {
		return false
	}
	number, named := false, false
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",.:;|•·()/–—-", r)
	}) {
		switch {
		case strings.IndexFunc(w, unicode.IsDigit) >= 0:
			number = true
			// "10:28am", "18th", "2019updated": a number with a date
			// word glued to it names the date as well as a word would.
			named = named || strings.IndexFunc(w, unicode.IsLetter) >= 0 && strings.Contains(w, ":")
		case !dateWords[w]:
			return false
		case !dateJoins[w]:
			named = true
		}
	}
	// Numbers alone are a table's cells or a score, not a date line.
	return number && named
}

// broadcastLabels open the line a broadcaster prints under a story it
// aired: the programme and when ("Эфир: «Вести», 12.11.2026, 20:00",
// "Sendung: hr-INFO, 25.04.2024, 10.45 Uhr", "Dieses Thema im
// Programm: …"). Lower case.
var broadcastLabels = []string{
	"эфир:", "в эфире:", "yayın:", "yayın tarihi:", "program:", "programme:", "broadcast:", "aired:",
	"sendung:", "sendung vom", "dieses thema im programm:", "émission :", "émission:", "programa:", "trasmissione:", "audycja:",
}

// maxBroadcastWords bounds a broadcast line: a programme's name, a date,
// a time, at most a short sentence about the report.
const maxBroadcastWords = 20

// broadcastLine reports a lower-cased line that says when and in which
// programme the story was aired: a broadcast label opening it, and a
// printed date in it. It is the story's metadata, not its text.
func broadcastLine(lower string, nwords int) bool {
	if nwords > maxBroadcastWords {
		return false
	}
	for _, l := range broadcastLabels {
		if strings.HasPrefix(lower, l) {
			return printedDates(lower) != nil
		}
	}
	return false
}

// dateJoins are the date words too small to make a line of numbers a date.
var dateJoins = setOf("on", "at", "and", "a", "p", "m", "в", "г",
	"um", "vor", "le", "il", "y", "à", "alle", "fa", "las", "el", "de", "del", "em", "às", "há", "temu", "тому")

// maxAsideHeadingWords bounds a sub-heading the template boxed as a side
// element.
const maxAsideHeadingWords = 12

// asideSubheadings keeps the sub-headings the extractor zoned aside
// between the article's paragraphs ("İZMİR BORNOVA'DA YANGIN", "BALIKESİR"
// over each part of a round-up, wrapped with the ads between the parts):
// a short heading (h2-h4, few links) whose nearest kept blocks on both
// sides are paragraphs of the article, with at most two dropped blocks (an
// ad's label) between, is the article's. A sidebar's heading heads its
// own links and teasers, not the article's text.
func asideSubheadings(in Input, vs []verdict) {
	for n, b := range in.Blocks {
		v := vs[n]
		if v.reason != article.ReasonSidebar || b.Level < 2 || b.Level > 4 || b.LinkDensity >= 0.5 {
			continue
		}
		text := strings.TrimSpace(b.Text)
		if nw := countWordsTo(text, maxAsideHeadingWords+1); nw == 0 || nw > maxAsideHeadingWords {
			continue
		}
		if bodyNear(vs, n, -1) && bodyNear(vs, n, 1) {
			vs[n] = verdict{text: text, heading: true}
		}
	}
}

// quotedPosts keeps the social posts the article quotes that the
// extractor zoned away with the embed's wrapper (an aside, a widget, a
// link-dense line): the post's signature ("— Ayşe Kaya (@aysekaya) 18
// Kasım 2026") is the content evidence, and where the post sits says it
// is the article's: its text runs on from a line the article's container
// keeps, or the article's paragraphs stand on both sides of it. The post's text is
// the up to two lines right before the signature, back to the article's
// last kept block. A feed of posts in a sidebar has neither the
// article's text before it nor after it.
func quotedPosts(in Input, vs []verdict) {
	for n, b := range in.Blocks {
		// A signature opens with a dash: most blocks fail on their first
		// byte, before the regexp.
		text := strings.TrimSpace(b.Text)
		if text == "" || !strings.ContainsRune("—–-", firstRune(text)) || !postSignature(text) {
			continue
		}
		// start is where the post's text begins: the first of the up to
		// two zoned-away lines right before the signature (text, so not
		// empty).
		start := n
		for start > 0 && n-start < 2 && zonedAway(vs[start-1]) && postLine(in.Blocks[start-1]) {
			start--
		}
		before := start > 0 && vs[start-1].reason == "" && vs[start-1].text != "" && in.Blocks[start-1].Zone == article.ZoneBody
		switch {
		case zonedAway(vs[n]) && (before || start < n && bodyNear(vs, start, -1) && bodyNear(vs, n, 1)):
			vs[n] = verdict{text: text}
		case vs[n].reason == "" && vs[n].text != "" && before:
		default:
			continue
		}
		for k := start; k < n; k++ {
			vs[k] = verdict{text: strings.TrimSpace(in.Blocks[k].Text)}
		}
	}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// postLine reports a block that may be a line of a post's text: not a
// heading nor a list's point, which head or list a sidebar's own.
func postLine(b Block) bool { return b.Level == 0 && b.Tag != "li" && b.LinkDensity < 1 }

// zonedAway reports a block dropped only for the zone the extractor gave
// it.
func zonedAway(v verdict) bool {
	return v.reason == article.ReasonNav || v.reason == article.ReasonSidebar || v.reason == article.ReasonRelated
}

// bodyNear reports a paragraph of the article as the nearest kept block
// from n in direction dir, past at most two dropped blocks.
func bodyNear(vs []verdict, n, dir int) bool {
	skipped := 0
	for k := n + dir; k >= 0 && k < len(vs); k += dir {
		v := vs[k]
		if v.reason == "" && v.text != "" {
			return v.body
		}
		if skipped++; skipped > 2 {
			return false
		}
	}
	return false
}

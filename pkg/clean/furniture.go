package clean

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/byline"
)

// agencies are the news agencies whose tags open a wire report, longest
// first so that "Anadolu Ajansı" wins over "Anadolu".
const agencies = `Anadolu Ajansı|Sputnik Türkiye|ИТАР-ТАСС|РИА Новости|Интерфакс|Reuters|Sputnik|Anadolu|Xinhua|ANKA|TASS|ТАСС|ПРАЙМ|DHA|İHA|IHA|AFP|AA|AP`

// Credit roles: the word before a photo, camera or text credit.
const creditRoles = `Kamera|Foto(?:ğraf)?|Fotograf|Görüntü|Video|Muhabir|Haber|Photo|Camera|Фото|Видео|Текст|Автор`

var (
	// A date the page template printed before the text: "date 2020-01".
	leadDateRE = regexp.MustCompile(`^\s*(?:(?i:date|tarih|дата)\s*:?\s*)?(\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2})?)?|\d{1,2}[./]\d{1,2}[./]\d{4}(?:\s+\d{1,2}[:.]\d{2})?)(?:\s+|$)`)
	// "Kamera Güven USTA", "Foto: AA", "Фото: Иван Иванов/ТАСС".
	creditRoleRE = regexp.MustCompile(`^\s*(` + creditRoles + `)\s*:?\s*`)
	nameWordRE   = regexp.MustCompile(`^\p{Lu}[\p{L}.'’-]*(?:/(?:` + agencies + `))?\s*`)
	// "İSTANBUL (DHA) –", "ANKARA (AA) -", "İstanbul DHA", "Moskova, AA".
	cityAgencyRE = regexp.MustCompile(`^\s*(\p{Lu}[\p{L}'’.]*(?:[ -]\p{Lu}[\p{L}'’.]*)?)\s*[(,/]?\s*(` + agencies + `)\s*[)/]?\s*[-–—:,.]?\s*`)
	// "ANKARA (HA) -", "TAHRAN (XYZ Ajans) –": any short place in capitals,
	// any short tag in parentheses, then a dash. Together the three are a
	// dateline whatever the agency: a sentence does not open that way.
	capsAgencyRE = regexp.MustCompile(`^\s*(\p{Lu}{2,}(?:[ -]\p{Lu}{2,}){0,2})\s*\((\p{Lu}[\p{L}.&]*(?: \p{Lu}[\p{L}.&]*){0,2})\)\s*[-–—]\s*`)
	// "(AA) - ", "DHA - ".
	agencyLeadRE = regexp.MustCompile(`^\s*\(?(` + agencies + `)\)?\s*[-–—]\s*`)
	// "ANKARA – ": a city in capitals and a dash, no agency.
	cityDashRE = regexp.MustCompile(`^\s*(\p{Lu}{3,}(?:[ -]\p{Lu}{3,})?)\s*[-–—]\s+`)
	// "МОСКВА, 12 января. /ТАСС/.", "МОСКВА, 12 янв — РИА Новости."
	ruDatelineRE = regexp.MustCompile(`^\s*(\p{Lu}{2,}(?:[ -]\p{Lu}{2,})*,\s*\d{1,2}\s+\p{Ll}+\.?(?:\s+\d{4}(?:\s*г\.?)?)?)\s*[.,]?\s*[-–—]?\s*/\s*(\p{Lu}[^/]{1,39}?)\s*/\s*[.,]?\s*[-–—]?\s*`)
	// The same with a known agency and no slashes: "МОСКВА, 12 янв — РИА Новости."
	ruDatelineAgencyRE = regexp.MustCompile(`^\s*(\p{Lu}{2,}(?:[ -]\p{Lu}{2,})*,\s*\d{1,2}\s+\p{Ll}+\.?(?:\s+\d{4}(?:\s*г\.?)?)?)\s*[.,]?\s*[-–—]?\s*/?\s*(` + agencies + `)\s*/?\s*[.,]?\s*[-–—]?\s*`)

	// A photo credit's role alone, its name in the next block (a
	// definition list's term and description: "Фото:" / "личный архив
	// Анны"). Only the camera's roles: after "Video:" alone comes a
	// video's title as often as its maker.
	creditRoleLineRE = regexp.MustCompile(`^\s*(Foto(?:ğraf)?|Fotograf|Photo|Фото|Kamera|Camera)\s*:\s*$`)
	// A block that is only a credit.
	creditBlockRE = regexp.MustCompile(`^\s*(` + creditRoles + `)\s*:?\s*([^.!?]{2,80})$`)
	// "KAYNAK:TRT HABER", "Источник: ТАСС": the end of the article.
	sourceLineRE = regexp.MustCompile(`^\s*(?:KAYNAK|Kaynak|kaynak|Haber Kaynağı|ИСТОЧНИК|Источник|SOURCE|Source)\s*:\s*(.{1,80}?)\s*$`)

	// relatedRE matches lower-cased text: (?i) would not fold Turkish İ.
	// \b is ASCII-only in RE2: after a Cyrillic label it never matched, so
	// those labels spell their edge out. "По теме" opens sentences too
	// ("По теме переговоров …"), so it must stand alone or before a colon
	// or a dash.
	relatedRE = regexp.MustCompile(`^\s*(?:(?:ilgili haberler|ilginizi çekebilir|bunlar da ilginizi|diğer haberler|son dakika haberleri|related|see also|more news)\b|(?:читайте также|другие новости)(?:[^\p{L}\p{N}]|$)|по теме\s*(?:[:.—–-]|$))`)
)

// boilerplatePhrases mark site furniture wherever they occur in a short
// block; boilerplateBlocks are whole blocks. Both are lower case. Plain
// substring tests: a regexp alternation over every block cost more than all
// the other signals together.
var (
	boilerplatePhrases = []string{
		"©", "tüm hakları saklıdır", "her hakkı saklıdır", "all rights reserved", "все права защищены",
		"çerez", "cookie", "abone ol", "bültenimize", "подпишитесь", "подписывайтесь", "yorum yap",
		"комментари", "whatsapp", "google news", "haberin devamı", "devamını oku", "читать далее", "share this",
	}
	boilerplateBlocks = map[string]bool{
		"reklam": true, "реклама": true, "advertisement": true, "yorumlar": true, "paylaş": true, "поделиться": true,
		// A widget's label alone on its line: buttons and captions of the
		// template, in the in-scope languages and English.
		"yazdır": true, "kapat": true, "abone ol": true, "tümünü gör": true, "devamı": true, "galeri": true,
		"комментарии": true, "закрыть": true, "подписаться": true, "печать": true, "галерея": true, "читать далее": true,
		"share": true, "close": true, "caption": true, "subscribe": true, "by": true, "print": true, "comments": true,
		"back to gallery": true, "read more": true, "loading": true,
		// An ad slot's label, a video player's embed button, the page's tools.
		"advertisements": true, "advert": true, "anzeige": true, "werbung": true, "embed": true,
		"text size": true, "discuss": true, "e-mail this to a friend": true, "email this to a friend": true,
		"reuse this content": true, "go to permalink": true, "explore further": true,
	}
)

// maxRepeatWords bounds a line the article may repeat: a sentence, not a
// paragraph a template printed twice.
const maxRepeatWords = 30

// copyrightPhrases are furniture wherever they are.
var copyrightPhrases = []string{"©", "tüm hakları saklıdır", "her hakkı saklıdır", "all rights reserved", "все права защищены"}

// boilerplateIn reports furniture inside the article's container: a whole
// block that is a widget's label, a copyright line, or a short block (a
// button, a prompt) with a furniture phrase.
func boilerplateIn(lower string, nwords int) bool {
	if boilerplateBlocks[strings.TrimFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) })] {
		return true
	}
	for _, p := range copyrightPhrases {
		if strings.Contains(lower, p) && nwords < 40 {
			return true
		}
	}
	return nwords <= 6 && boilerplate(lower)
}

// boilerplate reports a lower-cased short block that is site furniture.
func boilerplate(lower string) bool {
	if boilerplateBlocks[strings.Trim(lower, " .:!")] {
		return true
	}
	for _, p := range boilerplatePhrases {
		if strings.Contains(lower, p) {
			return true
		}
	}
	return false
}

// Meta is the furniture the cleaner moved out of the body.
type Meta struct {
	// Byline is an author named on a line of dates ("Name | 21.10.2026").
	Byline      string `json:"byline,omitempty"`
	Credit      string `json:"credit,omitempty"`
	Dateline    string `json:"dateline,omitempty"`
	Attribution string `json:"attribution,omitempty"`
	// Date is a date printed before the text, as written ("2020-01").
	Date string `json:"date,omitempty"`
	// Standfirst is the summary printed between the headline and the
	// byline or date line: the story in brief, not a paragraph of it.
	Standfirst string `json:"standfirst,omitempty"`
}

func addTo(field *string, v string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	for _, old := range strings.Split(*field, "; ") {
		if strings.EqualFold(old, v) {
			return
		}
	}
	if *field == "" {
		*field = v
		return
	}
	*field += "; " + v
}

func setOnce(field *string, v string) {
	if *field == "" {
		*field = strings.TrimSpace(v)
	}
}

// fragment is a piece of furniture cut off a block.
type fragment struct {
	text, reason string
}

// gluedOK reports whether a match may end at text[end:]: an agency tag
// glued to the next word ("DHADışişleri") is followed by a capital, while
// "AP" in "Apple" is followed by a small letter.
func gluedOK(text string, end int) bool {
	if end >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[end:])
	return !unicode.IsLower(r)
}

// stripLead cuts the furniture off the start of a lead paragraph: dates,
// credits, datelines and agency tags, in any order, as a template or a
// naive scraper glued them on. It returns the text left and what was cut.
func stripLead(text string, m *Meta) (string, []fragment) {
	var frags []fragment
	for range 6 {
		rest, f, ok := cutOne(text, m)
		if !ok {
			break
		}
		frags = append(frags, f)
		text = rest
	}
	return strings.TrimSpace(text), frags
}

func cutOne(text string, m *Meta) (string, fragment, bool) {
	if loc := leadDateRE.FindStringSubmatchIndex(text); loc != nil {
		setOnce(&m.Date, text[loc[2]:loc[3]])
		return text[loc[1]:], fragment{strings.TrimSpace(text[:loc[1]]), article.ReasonDateline}, true
	}
	for _, re := range []*regexp.Regexp{ruDatelineRE, ruDatelineAgencyRE} {
		if loc := re.FindStringSubmatchIndex(text); loc != nil && gluedOK(text, loc[1]) {
			setOnce(&m.Dateline, text[loc[2]:loc[3]])
			addTo(&m.Attribution, text[loc[4]:loc[5]])
			return text[loc[1]:], fragment{strings.TrimSpace(text[:loc[1]]), article.ReasonDateline}, true
		}
	}
	if rest, f, ok := cutCredit(text, m); ok {
		return rest, f, true
	}
	if rest, f, ok := cutDateline(text, m); ok {
		return rest, f, true
	}
	return text, fragment{}, false
}

// cutDateline cuts "İstanbul DHA", "ANKARA (AA) -", "(AA) -" or "ANKARA -".
func cutDateline(text string, m *Meta) (string, fragment, bool) {
	if loc := capsAgencyRE.FindStringSubmatchIndex(text); loc != nil {
		setOnce(&m.Dateline, text[loc[2]:loc[3]])
		addTo(&m.Attribution, text[loc[4]:loc[5]])
		return text[loc[1]:], fragment{strings.TrimSpace(text[:loc[1]]), article.ReasonDateline}, true
	}
	// The place must end before the tag starts: "KAPADOKYA" is no place
	// "K" and tag "AP".
	if loc := cityAgencyRE.FindStringSubmatchIndex(text); loc != nil && gluedOK(text, loc[1]) && loc[5] > loc[4] && loc[4] > loc[3] {
		setOnce(&m.Dateline, text[loc[2]:loc[3]])
		addTo(&m.Attribution, text[loc[4]:loc[5]])
		return text[loc[1]:], fragment{strings.TrimSpace(text[:loc[1]]), article.ReasonDateline}, true
	}
	if loc := agencyLeadRE.FindStringSubmatchIndex(text); loc != nil {
		addTo(&m.Attribution, text[loc[2]:loc[3]])
		return text[loc[1]:], fragment{strings.TrimSpace(text[:loc[1]]), article.ReasonDateline}, true
	}
	if loc := cityDashRE.FindStringSubmatchIndex(text); loc != nil {
		setOnce(&m.Dateline, text[loc[2]:loc[3]])
		return text[loc[1]:], fragment{strings.TrimSpace(text[:loc[1]]), article.ReasonDateline}, true
	}
	return text, fragment{}, false
}

// cutCredit cuts "Kamera Güven USTA" off the start of text. The name runs
// until a dateline starts ("İstanbul DHA...") or, without one, for at most
// two capitalised words: a name rarely has more, and the body may start with
// a capital right after it.
func cutCredit(text string, m *Meta) (string, fragment, bool) {
	loc := creditRoleRE.FindStringSubmatchIndex(text)
	if loc == nil {
		return text, fragment{}, false
	}
	role := text[loc[2]:loc[3]]
	pos := loc[1]
	var ends []int // end of each name word
	for len(ends) < 5 {
		w := nameWordRE.FindStringIndex(text[pos:])
		if w == nil {
			break
		}
		pos += w[1]
		ends = append(ends, pos)
	}
	if len(ends) == 0 {
		return text, fragment{}, false
	}
	// The city is the word or two right before the agency tag, so the last
	// place a dateline can start wins: "Güven USTA İstanbul DHA" is the
	// name Güven USTA and the dateline İstanbul, not USTA İstanbul.
	nameEnd := -1
	for k := len(ends) - 1; k >= 1; k-- {
		var probe Meta
		if _, _, ok := cutDateline(text[ends[k-1]:], &probe); ok {
			nameEnd = ends[k-1]
			break
		}
	}
	if nameEnd < 0 {
		nameEnd = ends[min(len(ends), 2)-1]
	}
	name := strings.TrimSpace(text[loc[1]:nameEnd])
	addTo(&m.Credit, role+": "+name)
	return text[nameEnd:], fragment{strings.TrimSpace(text[:nameEnd]), article.ReasonCredit}, true
}

// creditBlock reports a block that is only a credit, and the credit.
func creditBlock(text string) (string, bool) {
	sm := creditBlockRE.FindStringSubmatch(text)
	if sm == nil || galleryCountRE.MatchString(text) || len(strings.Fields(sm[2])) > 6 {
		return "", false
	}
	return sm[1] + ": " + strings.TrimSpace(sm[2]), true
}

// splitCredits moves the credits printed as a role on one line and the
// name on the next ("Фото:" / "личный архив Анны Петровой", a definition
// list under each photo) into the article's credit field, whatever zone
// the extractor gave them: issue 10 keeps credits out of the body, in a
// field of their own, and on their own neither line is the article's
// text nor a teaser.
func splitCredits(in Input, vs []verdict, m *Meta) {
	for n := 0; n+1 < len(in.Blocks); n++ {
		// The role line is a word and a colon: most blocks fail on
		// their length or their last byte, before the regexp.
		text := strings.TrimSpace(in.Blocks[n].Text)
		if len(text) > 20 || !strings.HasSuffix(text, ":") {
			continue
		}
		sm := creditRoleLineRE.FindStringSubmatch(text)
		if sm == nil {
			continue
		}
		credit, ok := creditBlock(sm[1] + ": " + strings.TrimSpace(in.Blocks[n+1].Text))
		if !ok {
			continue
		}
		addTo(&m.Credit, credit)
		vs[n] = verdict{reason: article.ReasonCredit}
		vs[n+1] = verdict{reason: article.ReasonCredit}
		n++
	}
}

// datelineBlock reports a block that is only a dateline.
func datelineBlock(text string, m *Meta) bool {
	var probe Meta
	rest, frags := stripLead(text, &probe)
	if rest != "" || len(frags) == 0 {
		return false
	}
	stripLead(text, m)
	return true
}

// sourceLine reports a "KAYNAK: X" line and X.
func sourceLine(text string) (string, bool) {
	sm := sourceLineRE.FindStringSubmatch(text)
	if sm == nil {
		return "", false
	}
	return sm[1], true
}

// monthNames are month names as pages print them, lower case: Turkish,
// Russian (genitive) and English, and the other languages a source may be
// read in (German, French, Italian, Spanish, Portuguese, Polish and
// Ukrainian genitives).
var monthNames = setOf(
	"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık",
	"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
	"janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
	"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "dicembre",
	"enero", "febrero", "abril", "mayo", "junio", "julio", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
	"janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro",
	"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
	"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня",
)

var (
	// A printed date, with its time if it has one: "21.10.2026 17:45",
	// "2026-10-21", "6 ноября 2026, 23:55", "10 Kasım 2026 14:00", "28.
	// April 2024, 14:26", "13 de enero de 2025". The word after the day
	// is captured and must be one of monthNames (printedDates): a map
	// looks it up in the time an alternation of a hundred names would
	// take to start.
	printedDateRE = regexp.MustCompile(`(?i)(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}\.?\s+(?:de\s+)?(\p{L}+)(?:\s*,?\s*(?:de\s+)?\d{4}(?:\s*г\.?)?)?)(?:\s*[,T]?\s*\d{1,2}[:.]\d{2}(?::\d{2})?)?`)
	printedTimeRE = regexp.MustCompile(`\d{1,2}[:.]\d{2}(?::\d{2})?|\d{1,2}h\d{2}`)
	// The labels a template prints before its dates.
	dateLabelRE = regexp.MustCompile(`(?i)(?:giriş|güncelleme|son güncelleme|yayınlanma(?: tarihi)?|yayın tarihi|oluşturulma|tarih|опубликовано|обновлено|дата публикации|дата|published|updated)\s*:?`)
	// The same labels in the other languages, and the words a template
	// puts between a date, its time and a name ("в 14:26", "saat 14:26",
	// "um 14:26 Uhr", "à 09h42", "a las 20:56h"), each a whole word.
	dateGlueRE = regexp.MustCompile(`(?i)(^|[^\p{L}])(?:artikel veröffentlicht am|veröffentlicht am|veröffentlicht|zuletzt aktualisiert am|aktualisiert am|aktualisiert|erstellt am|stand|publié le|publié|mis à jour le|mis à jour|modifié le|publicado el|publicado em|publicado|actualizado el|actualizado|atualizado em|atualizado|pubblicato il|pubblicato|aggiornato il|aggiornato|modifica il|modificato il|opublikowano|zaktualizowano|aktualizacja|опубліковано|оновлено|в|saat|um|uhr|am|à|a las|alle|ore|às|godz|at|h)\.?([^\p{L}]|$)`)
	// Weekday names, printed beside a date: never a byline. The lower-case
	// forms cover what (?i) does not fold (Turkish İ, ı).
	// \b is ASCII-only in RE2, so the word edges are spelled out.
	weekdayRE = regexp.MustCompile(`(?i)(^|[^\p{L}])(?:pazartesi|salı|SALI|çarşamba|ÇARŞAMBA|perşembe|PERŞEMBE|cuma|cumartesi|pazar|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela)([^\p{L}]|$)`)
	// A name: one to four capitalised words.
	bylineNameRE = regexp.MustCompile(`^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$`)
)

// printedDates returns where text prints a date (printedDateRE with a
// month's name, or in numbers), in order.
func printedDates(text string) [][2]int {
	var out [][2]int
	for _, m := range printedDateRE.FindAllStringSubmatchIndex(text, -1) {
		if m[2] >= 0 && !monthNames[strings.ToLower(text[m[2]:m[3]])] {
			continue
		}
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

// maxDateLineWords bounds a date line: labels, dates, times and a name or
// two. A longer line is a sentence, and is turned away before the search.
const maxDateLineWords = 16

// dateLineSeparators are what templates put between a name and its dates.
const dateLineSeparators = "|•·/–—-,"

// dateLine reports a block that is only the page's dates, as the template
// prints them ("6 ноября 2026, 23:55", "Giriş: 10 Kasım 2026 14:00",
// "03.11.2026 10:00 Güncelleme: 03.11.2026 10:00"), or a byline with
// them ("Zeynep Öztürk | 21.10.2026 17:45"). It returns the first date and
// the name, if any. A sentence that mentions a date has other words left
// once the dates and labels are gone, and is not a date line.
func dateLine(text string) (date, byline string, ok bool) {
	if len(text) > 240 || strings.IndexFunc(text, unicode.IsDigit) < 0 {
		return "", "", false
	}
	if countWordsTo(text, maxDateLineWords+1) > maxDateLineWords {
		return "", "", false
	}
	locs := printedDates(text)
	if locs == nil {
		return "", "", false
	}
	date = strings.TrimSpace(text[locs[0][0]:locs[0][1]])
	var b strings.Builder
	at := 0
	for _, l := range locs {
		b.WriteString(text[at:l[0]])
		b.WriteByte(' ')
		at = l[1]
	}
	b.WriteString(text[at:])
	rest := printedTimeRE.ReplaceAllString(b.String(), " ")
	rest = dateLabelRE.ReplaceAllString(rest, " ")
	rest = weekdayRE.ReplaceAllString(rest, "$1 $2")
	// Twice: each match takes the edge it shares with the next.
	rest = dateGlueRE.ReplaceAllString(dateGlueRE.ReplaceAllString(rest, "$1 $2"), "$1 $2")
	hadSeparator := strings.ContainsAny(rest, dateLineSeparators)
	rest = strings.TrimSpace(strings.Trim(strings.TrimSpace(rest), dateLineSeparators+" :"))
	switch {
	case strings.IndexFunc(rest, unicode.IsLetter) < 0 && !strings.ContainsAny(rest, "0123456789"):
		return date, "", true
	case hadSeparator && bylineNameRE.MatchString(rest):
		return date, rest, true
	}
	return "", "", false
}

// capsHeading reports a short line in capitals: a subheading a template
// wrote as <p><strong>, which the fetcher cannot tell from a paragraph.
func capsHeading(text string) bool {
	return capsHeadingWords(text, countWordsTo(text, 15))
}

// capsHeadingWords is capsHeading for text whose words are counted
// (countWords, or countWordsTo with a limit of 15 or more).
func capsHeadingWords(text string, nwords int) bool {
	if nwords == 0 || nwords > 15 || strings.HasSuffix(text, ".") {
		return false
	}
	upper, letters := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 4 && upper*10 >= letters*9
}

// endByline takes an author line under the article's last paragraph (a
// short line with a person's name, "Ayşe Kaya" or "Ольга Смирнова,
// Восток-Инфо") as the byline: it is credit, not body. The line is the
// first block after the last paragraph, in the container or next to it.
func endByline(in Input, vs []verdict, res *Result) {
	last, paras := -1, 0
	for n, v := range vs {
		if v.body {
			last = n
			paras++
		}
	}
	if last < 0 || paras < 2 {
		return
	}
	for n := last + 1; n < len(vs); n++ {
		b := in.Blocks[n]
		if _, furniture := zoneReasons[b.Zone]; furniture || strings.TrimSpace(b.Text) == "" {
			continue
		}
		v := &vs[n]
		if v.after {
			return
		}
		if v.text == "" || (v.reason != "" && v.reason != article.ReasonUnrelated) {
			continue // furniture the first pass recognised
		}
		persons, orgs, ok := authorLine(v.text)
		if !ok {
			return
		}
		addTo(&res.Meta.Byline, persons)
		addTo(&res.Meta.Attribution, orgs)
		v.reason, v.heading = article.ReasonCredit, false
		return
	}
}

// authorLine reports a line that only credits people (and perhaps their
// agency): a few words, no sentence punctuation, no more than one number
// (a table's row, "Palm Bay 18 22 13 17 — 70", names a team and its
// scores), at least one person.
func authorLine(text string) (persons, orgs string, ok bool) {
	text = strings.TrimSuffix(strings.TrimSpace(text), ".")
	if countWordsTo(text, 8) > 8 || strings.ContainsAny(text, "!?:;\"«»“”") || capsHeading(text) || numbers(text) > 1 {
		return "", "", false
	}
	persons, orgs = byline.Split(text)
	return persons, orgs, persons != ""
}

// timelineRE is a live report's entry: a clock time, a separator, then
// words ("15:02: İstiklal marşı okundu", "19.52 - Konuşmalar başladı").
var timelineRE = regexp.MustCompile(`^(?:[01]?\d|2[0-3])[:.][0-5]\d\s*[:\-–—]?\s+\p{L}[^\d]*$`)

// timelineEntry reports a timeline entry with at least two words after the
// time: a date line has dates or labels there, not a sentence.
func timelineEntry(text string) bool {
	if !timelineRE.MatchString(text) {
		return false
	}
	if _, _, ok := dateLine(text); ok {
		return false
	}
	return countWordsTo(text, 3) >= 3
}

// postSignatureRE is the line under a quoted social post: a dash, the
// author's name, the account in parentheses, the date ("— Ayşe Kaya
// (@aysekaya) 18 Kasım 2026", "— Мария Орлова (@orlova_m) 3 апреля 2026
// г.", "— Jo Lee (@jolee) November 18, 2019").
var postSignatureRE = regexp.MustCompile(`^[—–-]\s*[^()@]{1,60}\(@[\pL\d_.]{1,30}\)\s+[^()]{0,30}\d{4}(?:\s*г\.?)?\s*$`)

// postSignature reports the signature line of a quoted social post.
func postSignature(text string) bool { return postSignatureRE.MatchString(text) }

// ownLink reports a link-dense block inside the container that is the
// article's own: a line that cites another site (a source, a product, a
// profile) or a line with text of its own beside several links. A line
// that is one link to another page of the same site is a teaser, and a
// block that is nothing but links is a menu. Without the page's host
// nothing tells a citation from a teaser.
func ownLink(b Block, host string) bool {
	if host == "" {
		return false
	}
	if b.Link == "" {
		return b.LinkDensity < 0.8
	}
	return !sameSite(b.Link, host)
}

// sameSite reports whether link points to host or a sibling of it
// (www.example.org and video.example.org are one site): the last two labels
// of the host name, or three under a two-letter country's second level
// (example.com.tr).
func sameSite(link, host string) bool {
	u, err := url.Parse(link)
	if err != nil {
		return true
	}
	if u.Host == "" {
		return true // relative: this site
	}
	return siteOf(u.Hostname()) == siteOf(host)
}

func siteOf(host string) string {
	labels := strings.Split(strings.TrimSuffix(strings.ToLower(host), "."), ".")
	n := 2
	if len(labels) >= 3 && len(labels[len(labels)-1]) == 2 && len(labels[len(labels)-2]) <= 3 {
		n = 3 // example.com.tr, example.co.uk
	}
	if len(labels) <= n {
		return strings.Join(labels, ".")
	}
	return strings.Join(labels[len(labels)-n:], ".")
}

// numbers counts the runs of digits in text.
func numbers(text string) int {
	n, in := 0, false
	for _, r := range text {
		d := '0' <= r && r <= '9'
		if d && !in {
			n++
		}
		in = d
	}
	return n
}

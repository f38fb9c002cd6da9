package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/byline"

	// Turkish and Russian offsets changed before 2016 and 2014 (DST, the
	// 2011–2014 Moscow UTC+4 years), and archives reach back past that, so
	// visible dates are read with the real zone rules, not a fixed +03:00.
	// The embedded database keeps that independent of the host (distroless
	// and scratch images have no /usr/share/zoneinfo).
	_ "time/tzdata"
)

// Years outside this range are a parse accident ("0001-01-01" defaults).
const (
	minYear = 1990
	maxYear = 2100
)

// isoLayouts carry a zone; localLayouts are read in the page's zone.
var (
	isoLayouts = []string{
		time.RFC3339,
		"2006-01-02T15:04:05Z0700",
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04Z0700",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05 Z07:00",
		"2006-01-02 15:04:05 -0700",
		time.RFC1123Z,
		time.RFC1123,
		"Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04:05 MST",
		// ISO 8601's basic format: "20180619T055000+0900".
		"20060102T150405Z0700",
		"20060102T1504Z0700",
	}
	localLayouts = []string{
		"2006-01-02T15:04:05",
		"2006-01-02T15:04",
		"2006-01-02 15:04:05",
		"2006-01-02 15:04",
		"2006-01-02",
		"02.01.2006 15:04:05",
		"02.01.2006 15:04",
		"02.01.2006",
	}
)

// Visible dates, day first as Turkish and Russian write them, and the
// times of day around them: "12.01.2020 14:35", "14:35 12.01.2020",
// "18 Kasım 2026 Çarşamba 18:12", "среда, 18 ноября 2026, 18:12",
// "12 января 2020 г., 14:35"; month names and other orders in months.go.
// Dates and times are found apart and then paired, so that a weekday or
// "в" between them does not lose the time and a label between them
// ("(обновлено: 16:02") does not steal it.
var (
	numericDateRE = regexp.MustCompile(`\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b`)
	// A two-digit year is read only with a clock time right after it
	// ("Do 25.04.24 | 14:07 Uhr", "04.12.26 - 14:35"): alone, "25.04.24"
	// could be a version or a score.
	shortYearRE = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{2})\s*[|,–—-]?\s*(?:[01]?\d|2[0-3]):[0-5]\d\b`)
	isoDateRE   = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	// A time of day, with seconds, a 12-hour mark and a zone if written:
	// "18:12", "4:19 PM", "6:18am", "08:34 PM EDT", "11:05 IST", "18:12
	// (МСК)", "14:00 GMT+3".
	timeOfDayRE = regexp.MustCompile(`\b([01]?\d|2[0-3])[:.]([0-5]\d)(?::[0-5]\d)?(?:\s*([AaPp])\.?\s?[Mm]\.?)?` +
		`(?:\s*\(?(` + zoneAlternation + `)([+-]\d{1,2}(?::?\d{2})?)?\)?(?:$|[^\p{L}]))?`)
)

// stamp is a time as the page gives it: the instant, in UTC, and how much
// of it the page wrote (article.PrecisionDate, Minute or Second). local
// marks a time the page wrote without an offset where no zone rule
// applies: t is then the wall-clock time it shows, labelled UTC.
type stamp struct {
	t     time.Time
	prec  string
	local bool
}

func (s stamp) zero() bool { return s.t.IsZero() }

// zones picks the zone of times written without an offset: the source's
// configured zone when it has one, else the zone of the page's language.
type zones struct {
	fixed *time.Location // the source's timezone; nil: by language
	lang  string         // the page's language hint
}

// loc is the zone for a page in language lang ("" = the page's hint):
// Turkish pages are read in Europe/Istanbul, Russian ones in
// Europe/Moscow, and the languages of one zone in theirs (Japanese,
// Korean, Chinese; article.LangZone). It is nil for any other page: its
// zone is not known, and no offset is invented for it.
func (z zones) loc(lang string) *time.Location {
	if z.fixed != nil {
		return z.fixed
	}
	if lang == "" {
		lang = z.lang
	}
	return article.LangZone(lang)
}

// wallClock is the zone to build a time in: loc, or UTC for a time kept
// as the wall-clock time the page shows (local) when there is no zone.
func wallClock(loc *time.Location) (_ *time.Location, local bool) {
	if loc == nil {
		return time.UTC, true
	}
	return loc, false
}

// parseDate reads a machine date (JSON-LD, meta, <time datetime>), falling
// back to a visible date in the string. Zone-less times are read in z.
// ok is false when nothing plausible was found.
func parseDate(s string, z zones) (stamp, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return stamp{}, false
	}
	for _, l := range isoLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return plausible(t, layoutPrecision(l))
		}
	}
	if s[0] >= '0' && s[0] <= '9' {
		loc, local := wallClock(z.loc(""))
		for _, l := range localLayouts {
			if len(s) < len(l)-2 {
				continue
			}
			if t, err := time.ParseInLocation(l, s, loc); err == nil {
				st, ok := plausible(t, layoutPrecision(l))
				st.local = ok && local
				return st, ok
			}
		}
	}
	pub, _ := visibleDate(s, z)
	return pub, !pub.zero()
}

// layoutPrecision is how much of a time a layout carries.
func layoutPrecision(layout string) string {
	switch {
	case strings.Contains(layout, "05"):
		return article.PrecisionSecond
	case strings.Contains(layout, "04"):
		return article.PrecisionMinute
	}
	return article.PrecisionDate
}

func plausible(t time.Time, prec string) (stamp, bool) {
	if y := t.Year(); y < minYear || y > maxYear {
		return stamp{}, false
	}
	return stamp{t: t.UTC(), prec: prec}, true
}

// Labels that say which time a date is. A date belongs to the last label
// written before it: "Yayınlanma: 18.11.2026 18:12 Güncelleme: 18.11.2026
// 19:40", "14:35 12.01.2020 (обновлено: 16:02 12.01.2020)".
var (
	updatedLabelRE   = regexp.MustCompile(`(?i)(?:son\s+)?g[üu]ncel?leme|g[üu]ncellenme|g[üu]ncellendi|обновлено|обновлен[ао]?|изменено|updated|modified`)
	publishedLabelRE = regexp.MustCompile(`(?i)yay[ıi]nlanma|yay[ıi]n\s+tarihi|giri[şs]|olu[şs]turulma|опубликовано|дата\s+публикации|published|posted`)
)

// visibleDate finds the dates written in text. The publication date is
// the earliest date not labelled as an update; the update is the latest
// date so labelled. A named month says the language when z has none.
func visibleDate(text string, z zones) (pub, upd stamp) {
	type span struct {
		at, end          int
		day, month, year string
		lang             string
	}
	if !hasYear(text) {
		return stamp{}, stamp{}
	}
	text = unglueDigits(text)
	var spans []span
	// The numeric forms need a digit, a separator and a digit in a row,
	// and the CJK form its year character: most lines asked have a year
	// and none of these, and are spared the expressions.
	dotted, dashed := digitSeparators(text)
	if dotted {
		for _, m := range numericDateRE.FindAllStringSubmatchIndex(text, 6) {
			g := groups(text, m)
			spans = append(spans, span{at: m[0], end: m[1], day: g[1], month: g[2], year: g[3]})
		}
		for _, m := range shortYearRE.FindAllStringSubmatchIndex(text, 6) {
			g := groups(text, m)
			// The span ends at the year, so that the time after it is
			// read as the time of day.
			spans = append(spans, span{at: m[0], end: m[7], day: g[1], month: g[2], year: "20" + g[3]})
		}
	}
	if dashed {
		for _, m := range isoDateRE.FindAllStringSubmatchIndex(text, 6) {
			g := groups(text, m)
			spans = append(spans, span{at: m[0], end: m[1], day: g[3], month: g[2], year: g[1]})
		}
	}
	if dotted {
		for _, m := range yearFirstRE.FindAllStringSubmatchIndex(text, 6) {
			g := groups(text, m)
			if g[2] != g[4] { // "2019/3.5" is not a date
				continue
			}
			spans = append(spans, span{at: m[0], end: m[1], day: g[5], month: g[3], year: g[1]})
		}
	}
	if strings.Contains(text, "年") || strings.Contains(text, "년") {
		for _, m := range cjkDateRE.FindAllStringSubmatchIndex(text, 6) {
			g := groups(text, m)
			spans = append(spans, span{at: m[0], end: m[1], day: g[3], month: g[2], year: g[1]})
		}
	}
	named := func(at, end int, day, name, year string) {
		month, ok := monthOf(name)
		if !ok {
			return
		}
		lang := ""
		switch r := firstRune(byline.Fold(name, 1)); {
		case r >= 0x400 && r < 0x500:
			lang = "ru"
		case turkishMonth(name):
			lang = "tr"
		}
		spans = append(spans, span{at: at, end: end, day: day, month: strconv.Itoa(int(month)), year: year, lang: lang})
	}
	if mayDayFirst(text) {
		for _, m := range dayFirstRE.FindAllStringSubmatchIndex(text, 6) {
			g := groups(text, m)
			named(m[0], m[1], g[1], g[2], g[3])
		}
	}
	if mayMonthFirst(text) {
		for _, m := range monthFirstRE.FindAllStringSubmatchIndex(text, 6) {
			g := groups(text, m)
			named(m[2], m[1], g[2], g[1], g[3])
		}
	}
	if len(spans) == 0 {
		return stamp{}, stamp{}
	}
	var times [][]int
	for _, m := range timeOfDayRE.FindAllStringSubmatchIndex(text, 12) {
		inDate := false
		for _, d := range spans {
			if m[0] < d.end && m[1] > d.at {
				inDate = true
			}
		}
		if !inDate {
			times = append(times, m)
		}
	}
	updLabels := updatedLabelRE.FindAllStringIndex(text, -1)
	var pubLabels [][]int // asked only after an update label: most text has none
	if len(updLabels) > 0 {
		pubLabels = publishedLabelRE.FindAllStringIndex(text, -1)
	}
	lastBefore := func(labels [][]int, at int) int {
		best := -1
		for _, l := range labels {
			if l[1] <= at {
				best = l[1]
			}
		}
		return best
	}
	for _, d := range spans {
		m := timeAfter(text, d.end, times)
		if m == nil {
			m = timeBefore(text, d.at, times)
		}
		lang := ""
		if z.lang == "" {
			lang = d.lang
		}
		loc := z.loc(lang)
		h, mi := "", ""
		if m != nil {
			g := groups(text, m)
			h, mi = hour12(g[1], g[3]), g[2]
			if named := zoneNamed(g[4], g[5]); named != nil {
				loc = named
			}
		}
		s, ok := dateFrom(d.day, d.month, d.year, h, mi, loc)
		if !ok {
			continue
		}
		if u := lastBefore(updLabels, d.at); u >= 0 && u > lastBefore(pubLabels, d.at) {
			if upd.zero() || s.t.After(upd.t) {
				upd = s
			}
			continue
		}
		if pub.zero() || s.t.Before(pub.t) {
			pub = s
		}
	}
	return pub, upd
}

// unglueDigits puts a space between a letter and the digit right after
// it: a writer's span and the date's run together in a block's text
// ("Ayşe Kaya05.12.2026 14:35", "Иван Петров5 декабря 2026"), and the
// date's first number has no word boundary before it. text is returned
// as is when nothing is glued.
func unglueDigits(text string) string {
	glued := false
	prev := rune(0)
	for _, r := range text {
		if unicode.IsDigit(r) && unicode.IsLetter(prev) {
			glued = true
			break
		}
		prev = r
	}
	if !glued {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 4)
	prev = 0
	for _, r := range text {
		if unicode.IsDigit(r) && unicode.IsLetter(prev) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// digitSeparators reports whether text has an ASCII digit, '.' or '/' and
// a digit in a row (dotted: "12.01", "3/5"), and a digit, '-' and a digit
// (dashed: "2020-01"), as the numeric date expressions need.
func digitSeparators(text string) (dotted, dashed bool) {
	for i := 1; i+1 < len(text); i++ {
		switch text[i] {
		case '.', '/':
			dotted = dotted || isDigit(text[i-1]) && isDigit(text[i+1])
		case '-':
			dashed = dashed || isDigit(text[i-1]) && isDigit(text[i+1])
		}
	}
	return dotted, dashed
}

// hasYear reports whether text has four digits in a row, as every date
// visibleDate finds has for its year. Most lines asked have none, and are
// spared the expressions, whose month names make them slow (they took
// two fifths of a backfilling fetcher's CPU).
func hasYear(text string) bool {
	run := 0
	for i := 0; i < len(text); i++ {
		if text[i] >= '0' && text[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return strings.IndexByte(text, ':') > 0 && strings.Count(text, ".") >= 2 && shortYearRE.MatchString(text)
}

// The two expressions with month names are the slow ones (three fifths
// of visibleDate in a backfilling fetcher's profile): mayDayFirst and
// mayMonthFirst look, byte by byte, for what a match cannot do without,
// and a line that lacks it is spared the expression. They may say yes
// where the expression finds nothing, never the other way round
// (TestMayNamedDate).

// spaceByte reports the five bytes that are \s in Go's regexp, which is
// ASCII whatever the flags, and the white space the HTML tokenizer
// skips between attributes (stripAttrs, endOfTag): the same five.
func spaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// spaceYears calls fn with the start of the run of spaces before each four
// digits that follow a space, until fn returns true.
func spaceYears(text string, fn func(spaces int) bool) bool {
	for i := 1; i+4 <= len(text); i++ {
		if !spaceByte(text[i-1]) || !isDigit(text[i]) || !isDigit(text[i+1]) || !isDigit(text[i+2]) || !isDigit(text[i+3]) {
			continue
		}
		p := i - 1
		for p > 0 && spaceByte(text[p-1]) {
			p--
		}
		if fn(p) {
			return true
		}
	}
	return false
}

// mayDayFirst: dayFirstRE needs a day, one or two digits with an optional
// dot, followed by a space, and a year after a space.
func mayDayFirst(text string) bool {
	day := false
	for i := 0; i+1 < len(text) && !day; i++ {
		if isDigit(text[i]) {
			j := i + 1
			if text[j] == '.' {
				j++
			}
			day = j < len(text) && spaceByte(text[j])
		}
	}
	return day && spaceYears(text, func(int) bool { return true })
}

// mayMonthFirst: monthFirstRE needs, before the spaces before the year, a
// day of one or two digits with an optional ordinal suffix and comma, and
// before the day spaces, an optional dot and the last letter of a month's
// name. The search reads the whole line with every month's name; this
// reads a few bytes back from each year.
func mayMonthFirst(text string) bool {
	return spaceYears(text, func(p int) bool { return monthDayBefore(text, p) })
}

// monthDayBefore reports whether text[:p] ends as monthFirstRE's match
// does before the spaces that lead to its year.
func monthDayBefore(text string, p int) bool {
	q := p
	if q > 0 && text[q-1] == ',' {
		q--
	}
	q -= ordinalSuffix(text[:q])
	k := 0
	for k < q && isDigit(text[q-1-k]) {
		k++
	}
	if k == 0 || k > 2 {
		return false
	}
	q -= k
	if q == 0 || !spaceByte(text[q-1]) {
		return false
	}
	for q > 0 && spaceByte(text[q-1]) {
		q--
	}
	if q > 0 && text[q-1] == '.' {
		q--
	}
	r, _ := utf8.DecodeLastRuneInString(text[:q])
	return unicode.IsLetter(r)
}

// ordinalSuffix is the length of the English ordinal's suffix that ends s
// after a digit ("st", "nd", "rd", "th" in any case, and "ſt", which (?i)
// matches too), or 0.
func ordinalSuffix(s string) int {
	n := len(s)
	if n >= 3 && isDigit(s[n-3]) {
		switch uint16(s[n-2]|0x20)<<8 | uint16(s[n-1]|0x20) {
		case 's'<<8 | 't', 'n'<<8 | 'd', 'r'<<8 | 'd', 't'<<8 | 'h':
			return 2
		}
	}
	if n >= 4 && isDigit(s[n-4]) && s[n-3:n-1] == "ſ" && (s[n-1] == 't' || s[n-1] == 'T') {
		return 3
	}
	return 0
}

// hour12 turns a 12-hour clock's hour into the 24-hour one: "4" and "p"
// → "16", "12" and "a" → "0".
func hour12(h, ampm string) string {
	if ampm == "" {
		return h
	}
	n, _ := strconv.Atoi(h)
	if n < 1 || n > 12 {
		return h
	}
	n %= 12
	if ampm == "p" || ampm == "P" {
		n += 12
	}
	return strconv.Itoa(n)
}

// turkishMonth says a month name is Turkish: the pipeline's zone rule
// needs the language when the page gives none.
func turkishMonth(name string) bool {
	switch byline.Fold(name, 20) {
	case "ocak", "subat", "mart", "nisan", "mayis", "haziran", "temmuz", "agustos", "eylul", "ekim", "kasim", "aralik":
		return true
	}
	return false
}

// timeAfter is the time of day right after a date: only separators and at
// most two words between, none of them a label.
func timeAfter(text string, end int, times [][]int) []int {
	for _, m := range times {
		if m[0] < end {
			continue
		}
		gap := text[end:m[0]]
		if len(gap) > 40 || strings.ContainsAny(gap, "0123456789.()") || len(strings.FieldsFunc(gap, isSep)) > 2 ||
			updatedLabelRE.MatchString(gap) || publishedLabelRE.MatchString(gap) {
			return nil
		}
		return m
	}
	return nil
}

// timeBefore is the time of day right before a date ("14:35 12.01.2020",
// "18:12, 18 Kasım 2026"): only separators between.
func timeBefore(text string, at int, times [][]int) []int {
	for i := len(times) - 1; i >= 0; i-- {
		m := times[i]
		if m[1] > at {
			continue
		}
		if gap := text[m[1]:at]; len(gap) > 4 || len(strings.FieldsFunc(gap, isSep)) > 0 {
			return nil
		}
		return m
	}
	return nil
}

func isSep(r rune) bool {
	return r == ' ' || r == ',' || r == '|' || r == '•' || r == '·' || r == '/' || r == '-' || r == '–' || r == '—' ||
		r == '\u00a0' || r == '\t' || r == '\n'
}

// dateFrom builds a time from day, month, year and a time of day (h, mi;
// "" when the page gives none). Without a time of day
// it is the start of the day in loc, with date precision. A nil loc keeps
// the time as written (stamp.local).
func dateFrom(day, month, year, h, mi string, loc *time.Location) (stamp, bool) {
	d, _ := strconv.Atoi(day)
	mo, _ := strconv.Atoi(month)
	y, _ := strconv.Atoi(year)
	prec := article.PrecisionMinute
	if h == "" {
		prec = article.PrecisionDate
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(mi)
	if d < 1 || d > 31 || mo < 1 || mo > 12 || hh > 23 || mm > 59 {
		return stamp{}, false
	}
	loc, local := wallClock(loc)
	t := time.Date(y, time.Month(mo), d, hh, mm, 0, 0, loc)
	if t.Day() != d { // 31.02 rolled over
		return stamp{}, false
	}
	st, ok := plausible(t, prec)
	st.local = ok && local
	return st, ok
}

// Datelines open wire copy: "İSTANBUL (DHA) –", "ANKARA (AA) -",
// "МОСКВА, 12 января. /ТАСС/.", "МОСКВА, 12 янв — РИА Новости.",
// "Москва. 12 января. INTERFAX.RU -".
var datelineREs = []*regexp.Regexp{
	regexp.MustCompile(`^[A-ZÇĞİÖŞÜ][\p{L}'’.\-]*(?:[ /][A-ZÇĞİÖŞÜ][\p{L}'’.\-]*){0,3}\s*,?\s*(?:\d{1,2}\s+\p{L}+(?:\s+\d{4})?\s*)?\((?:[^()]{2,40})\)\s*[-–—:]`),
	regexp.MustCompile(`^[А-ЯЁ][А-ЯЁ\-]+(?:[ \-][А-ЯЁ][А-ЯЁ\-]+){0,3}\s*,\s*\d{1,2}\s+[а-яё]+\.?(?:\s+\d{4}(?:\s*г\.)?)?\s*(?:[.,]\s*)?(?:/\s*[^/]{2,30}?\s*/\.?|[-–—]\s*[А-ЯЁA-Z][^.]{1,30}?\.)`),
	regexp.MustCompile(`^[А-ЯЁ][а-яё]+(?:[ \-][А-ЯЁ][а-яё]+){0,2}\.\s*\d{1,2}\s+[а-яё]+\.\s*INTERFAX\.RU\s*[-–—]`),
}

// dateline returns the dateline that opens text, exactly as written.
func dateline(text string) string {
	if len(text) > 160 { // a dateline is short; bound the regexp work
		cut := 160
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	for _, re := range datelineREs {
		if loc := re.FindStringIndex(text); loc != nil {
			return strings.TrimSpace(text[:loc[1]])
		}
	}
	return ""
}

// groups returns the submatches of an index match, "" for absent ones.
func groups(s string, m []int) []string {
	out := make([]string, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return out
}

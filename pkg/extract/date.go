package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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

// Visible dates, day first as Turkish and Russian write them, with an
// optional time before or after: "12.01.2020 14:35", "14:35 12.01.2020",
// "12 Ocak 2020 Pazar 14:35", "12 января 2020 г., 14:35".
var (
	numericDateRE = regexp.MustCompile(
		`(?:(\d{1,2})[:.](\d{2})[,\s]+)?\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b(?:[^\d]{1,4}(\d{1,2})[:.](\d{2})\b)?`)
	namedDateRE = regexp.MustCompile(
		`(?i)(?:(\d{1,2})[:.](\d{2})[,\s]+)?\b(\d{1,2})\s+(` + monthAlternatives + `)\s+(\d{4})(?:\s*(?:г\.|года))?(?:[,\s]+(?:[^\d\s,]+[,\s]+)?(\d{1,2})[:.](\d{2})\b)?`)
)

const monthAlternatives = `ocak|[şs]ubat|mart|n[iİı]san|may[ıiI]s|haz[iİı]ran|temmuz|a[ğg]ustos|eyl[üu]l|ek[iİı]m|kas[ıiI]m|aral[ıiI]k|` +
	`января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря`

// monthPrefixes maps the first three folded letters of a month name.
var monthPrefixes = map[string]time.Month{
	"oca": 1, "sub": 2, "mar": 3, "nis": 4, "may": 5, "haz": 6,
	"tem": 7, "agu": 8, "eyl": 9, "eki": 10, "kas": 11, "ara": 12,
	"янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "июн": 6,
	"июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}

// zoneFor is the zone of zone-less times on a page in language lang
// ("tr", "ru"). Anything else gets +03:00, which both in-scope zones have
// been since 2016 and the pipeline only keeps Turkish and Russian pages.
func zoneFor(lang string) *time.Location {
	name := ""
	switch lang {
	case "tr":
		name = "Europe/Istanbul"
	case "ru":
		name = "Europe/Moscow"
	}
	if name != "" {
		if loc, err := time.LoadLocation(name); err == nil {
			return loc
		}
	}
	return time.FixedZone("+03", 3*60*60)
}

// parseDate reads a machine date (JSON-LD, meta, <time datetime>), falling
// back to a visible date in the string. lang picks the zone of zone-less
// times. The result is UTC; ok is false when nothing plausible was found.
func parseDate(s, lang string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return time.Time{}, false
	}
	for _, l := range isoLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return plausible(t)
		}
	}
	if s[0] >= '0' && s[0] <= '9' {
		var loc *time.Location
		for _, l := range localLayouts {
			if len(s) < len(l)-2 {
				continue
			}
			if loc == nil {
				loc = zoneFor(lang)
			}
			if t, err := time.ParseInLocation(l, s, loc); err == nil {
				return plausible(t)
			}
		}
	}
	return visibleDate(s, lang)
}

func plausible(t time.Time) (time.Time, bool) {
	if y := t.Year(); y < minYear || y > maxYear {
		return time.Time{}, false
	}
	return t.UTC(), true
}

// visibleDate finds the earliest date written in text: a "Published …
// Updated …" line holds the publication first or second, but it is always
// the earlier one. A named month says the language when lang does not.
func visibleDate(text, lang string) (time.Time, bool) {
	var best time.Time
	for _, m := range numericDateRE.FindAllStringSubmatch(text, 4) {
		if t, ok := dateFrom(m[3], m[4], m[5], m[1], m[2], m[6], m[7], lang); ok && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	for _, m := range namedDateRE.FindAllStringSubmatch(text, 4) {
		folded := fold(m[4], 3)
		month, ok := monthPrefixes[folded]
		if !ok {
			continue
		}
		l := lang
		if l == "" {
			l = "tr"
			if folded[0] >= 0x80 { // Cyrillic
				l = "ru"
			}
		}
		if t, ok := dateFrom(m[3], strconv.Itoa(int(month)), m[5], m[1], m[2], m[6], m[7], l); ok && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	return best, !best.IsZero()
}

// dateFrom builds a time from day, month, year and a time of day given
// either before (h1, m1) or after (h2, m2) the date.
func dateFrom(day, month, year, h1, m1, h2, m2, lang string) (time.Time, bool) {
	d, _ := strconv.Atoi(day)
	mo, _ := strconv.Atoi(month)
	y, _ := strconv.Atoi(year)
	h, mi := h2, m2
	if h == "" {
		h, mi = h1, m1
	}
	hh, _ := strconv.Atoi(h)
	mm, _ := strconv.Atoi(mi)
	if d < 1 || d > 31 || mo < 1 || mo > 12 || hh > 23 || mm > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, hh, mm, 0, 0, zoneFor(lang))
	if t.Day() != d { // 31.02 rolled over
		return time.Time{}, false
	}
	return plausible(t)
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

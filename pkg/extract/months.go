package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/wiredesk/wiredesk/pkg/byline"
)

// monthNames are the month names and abbreviations visible dates use, in
// the languages of the pages the fetcher meets: Turkish and Russian first
// (genitive "ноября" and nominative "ноябрь", "янв" in RIA-style
// datelines), and the European languages of cited sources and wire copy.
// Keys are folded (byline.Fold); several languages share a spelling ("mart",
// "mai", "agosto") with the same month.
var monthNames = monthTable(map[time.Month][]string{
	time.January: {"ocak", "января", "январь", "янв", "january", "jan", "januar", "jänner", "janvier",
		"janv", "enero", "ene", "gennaio", "gen", "janeiro"},
	time.February: {"şubat", "subat", "февраля", "февраль", "фев", "february", "feb", "februar", "février",
		"févr", "fevrier", "febrero", "febbraio", "fevereiro", "fev"},
	time.March: {"mart", "марта", "март", "мар", "march", "mar", "märz", "märz", "maerz", "mars", "marzo",
		"março", "marco"},
	time.April: {"nisan", "апреля", "апрель", "апр", "april", "apr", "avril", "avr", "abril", "abr", "aprile"},
	time.May:   {"mayıs", "mayis", "мая", "май", "may", "mai", "mayo", "maggio", "mag", "maio"},
	time.June: {"haziran", "июня", "июнь", "июн", "june", "jun", "juni", "juin", "junio", "giugno", "giu",
		"junho"},
	time.July: {"temmuz", "июля", "июль", "июл", "july", "jul", "juli", "juillet", "juil", "julio",
		"luglio", "lug", "julho"},
	time.August: {"ağustos", "agustos", "августа", "август", "авг", "august", "aug", "août", "aout",
		"agosto", "ago"},
	time.September: {"eylül", "eylul", "сентября", "сентябрь", "сен", "сент", "september", "sep", "sept",
		"septembre", "septiembre", "setiembre", "settembre", "set", "setembro"},
	time.October: {"ekim", "октября", "октябрь", "окт", "october", "oct", "oktober", "okt", "octobre",
		"octubre", "ottobre", "ott", "outubro", "out"},
	time.November: {"kasım", "kasim", "ноября", "ноябрь", "ноя", "нояб", "november", "nov", "novembre",
		"noviembre", "novembro"},
	time.December: {"aralık", "aralik", "декабря", "декабрь", "дек", "december", "dec", "dezember", "dez",
		"décembre", "decembre", "diciembre", "dic", "dicembre", "dezembro"},
})

// monthTable folds the names and builds the regexp alternation, longest
// first so that "mart" is not read as "mar" and "t".
func monthTable(byMonth map[time.Month][]string) map[string]time.Month {
	m := make(map[string]time.Month)
	for mo, names := range byMonth {
		for _, n := range names {
			m[byline.Fold(n, 20)] = mo
		}
	}
	return m
}

func monthAlternation() string {
	// Turkish spellings with the dotted and dotless i and the letters
	// writers drop: the regexp is case-insensitive but does not fold.
	alts := []string{"ocak", "[şs]ubat", "mart", "n[iİı]san", "may[ıiI]s", "haz[iİı]ran", "temmuz",
		"a[ğg]ustos", "eyl[üu]l", "ek[iİı]m", "kas[ıiI]m", "aral[ıiI]k"}
	seen := map[string]bool{}
	for _, n := range monthSpellings {
		if !seen[n] {
			seen[n] = true
			alts = append(alts, regexp.QuoteMeta(n))
		}
	}
	sort.SliceStable(alts, func(i, j int) bool { return len(alts[i]) > len(alts[j]) })
	return strings.Join(alts, "|")
}

// monthSpellings are monthNames' keys as pages write them (before byline.Fold).
var monthSpellings = []string{
	"января", "январь", "янв", "февраля", "февраль", "фев", "марта", "март", "мар", "апреля", "апрель", "апр",
	"мая", "май", "июня", "июнь", "июн", "июля", "июль", "июл", "августа", "август", "авг", "сентября",
	"сентябрь", "сент", "сен", "октября", "октябрь", "окт", "ноября", "ноябрь", "нояб", "ноя", "декабря",
	"декабрь", "дек",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
	"januar", "jänner", "februar", "märz", "maerz", "mai", "juni", "juli", "oktober", "okt", "dezember", "dez",
	"janvier", "janv", "février", "févr", "fevrier", "mars", "avril", "avr", "juin", "juillet", "juil",
	"août", "aout", "septembre", "octobre", "novembre", "décembre", "decembre",
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
	"octubre", "noviembre", "diciembre",
	"gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
	"janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "dezembro",
}

// monthOf is the month a written name stands for.
func monthOf(name string) (time.Month, bool) {
	m, ok := monthNames[byline.Fold(strings.TrimSuffix(name, "."), 20)]
	return m, ok
}

// Dates with a month name, day first ("18 Kasım 2026", "18 ноября 2026
// г.", "18. November 2026", "18 de noviembre de 2026", "1 June 2019") or
// month first as English writes them ("December 16, 2016", "Dec. 8,
// 2016", "Oct 9th, 2019"); and year first, as Japanese, Chinese and Korean
// pages and ISO-minded CMSs write them ("2019年4月2日", "2019년 4월 2일",
// "2019/3/5", "2019.03.05").
var (
	dayFirstRE = regexp.MustCompile(`(?i)\b(\d{1,2})\.?\s+(?:de\s+)?(` + monthAlternation() +
		`)\.?,?\s+(?:de\s+)?(\d{4})(?:\s*(?:г\.|года))?`)
	monthFirstRE = regexp.MustCompile(`(?i)(?:^|[^\p{L}\d])((?:` + monthAlternation() +
		`)\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	cjkDateRE      = regexp.MustCompile(`(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]`)
	yearFirstRE    = regexp.MustCompile(`\b(\d{4})([./])(\d{1,2})([./])(\d{1,2})\b`)
	machineDateRE  = regexp.MustCompile(`^\s*(?:19|20)\d{2}-\d{2}-\d{2}`)
	urlDateRE      = regexp.MustCompile(`/((?:19|20)\d{2})[/-](\d{2})[/-](\d{2})(?:[/-]|\.html?|$)`)
	offsetSuffixRE = regexp.MustCompile(`^([+-])(\d{1,2})(?::?(\d{2}))?$`)
)

// zoneAbbrevs are the zone names written after a time of day ("4:19 PM
// ET", "08:34 PM EDT", "11:05 IST", "18:12 (МСК)", "18:12 TSİ"). A name
// for a zone with summer time follows its rules; a seasonal name is its
// fixed offset.
var zoneAbbrevs = map[string]string{
	"utc": "UTC", "gmt": "UTC", "z": "UTC",
	"et": "America/New_York", "est": "-05", "edt": "-04",
	"ct": "America/Chicago", "cst": "-06", "cdt": "-05",
	"mt": "America/Denver", "mst": "-07", "mdt": "-06",
	"pt": "America/Los_Angeles", "pst": "-08", "pdt": "-07",
	"bst": "+01", "cet": "+01", "cest": "+02", "eet": "+02", "eest": "+03",
	"msk": "Europe/Moscow", "мск": "Europe/Moscow", "tsi": "Europe/Istanbul", "tsİ": "Europe/Istanbul",
	"ist": "+0530", "jst": "+09", "kst": "+09", "hkt": "+08", "sgt": "+08", "aest": "+10", "aedt": "+11",
}

// zoneAlternation is zoneAbbrevs' keys for the time-of-day regexp.
const zoneAlternation = `UTC|GMT|EST|EDT|ET|CST|CDT|CT|MST|MDT|MT|PST|PDT|PT|BST|CEST|CET|EEST|EET|MSK|МСК|TS[İI]|IST|JST|KST|HKT|SGT|AEST|AEDT`

// zoneNamed is the zone a written abbreviation and offset name ("GMT",
// "+3" after it): nil when there is none.
func zoneNamed(abbr, offset string) *time.Location {
	if abbr == "" {
		return nil
	}
	if secs, ok := offsetSeconds(offset); ok {
		return time.FixedZone(abbr+offset, secs)
	}
	name, ok := zoneAbbrevs[byline.Fold(abbr, 10)]
	if !ok {
		name, ok = zoneAbbrevs[strings.ToLower(abbr)]
	}
	if !ok {
		return nil
	}
	if secs, ok := offsetSeconds(name); ok {
		return time.FixedZone(strings.ToUpper(abbr), secs)
	}
	return namedZones[name]()
}

// offsetSeconds reads an offset written after a zone name or standing for
// one ("+3", "-05", "+0530"); ok is false for anything else or past 14
// hours.
func offsetSeconds(s string) (secs int, ok bool) {
	m := offsetSuffixRE.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	h, _ := strconv.Atoi(m[2])
	mi, _ := strconv.Atoi(m[3])
	if h > 14 {
		return 0, false
	}
	secs = h*3600 + mi*60
	if m[1] == "-" {
		secs = -secs
	}
	return secs, true
}

// namedZones loads each zone that zoneAbbrevs names once, as article.LangZone
// does, rather than for every page that writes "МСК" or "ET"; nil for a
// zone this system's data lacks.
var namedZones = func() map[string]func() *time.Location {
	m := make(map[string]func() *time.Location)
	for _, name := range zoneAbbrevs {
		if _, ok := offsetSeconds(name); !ok {
			m[name] = sync.OnceValue(func() *time.Location {
				loc, _ := time.LoadLocation(name)
				return loc
			})
		}
	}
	return m
}()

// urlDate is the day a news URL's path gives ("/2016/12/15/slug",
// "/2016-12-15-slug"): the last resort when the page shows no date.
func urlDate(raw string, z zones) (stamp, bool) {
	m := urlDateRE.FindStringSubmatch(raw)
	if m == nil {
		return stamp{}, false
	}
	return dateFrom(m[3], m[2], m[1], "", "", z.loc(""))
}

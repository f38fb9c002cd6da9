package main

import (
	"fmt"
	"strings"

	"github.com/wiredesk/wiredesk/internal/fundus"
)

// loadFundus reads flairNLP/fundus's parser test pages (MIT; the pages are
// read from the git directory at eval time and never committed): about
// 258 modern news pages of about 150 publishers in about 40 countries,
// Turkish and Russian wire and newspaper sites among them, each with what
// the publisher's hand-written fundus parser extracts. internal/fundus
// matches each parser version's expectation to its page.
//
// The reference is that expectation: the title; the publishing_date (to
// the minute when it has a time of day other than midnight, which is how
// a parser writes a date-only page; the day otherwise); the authors,
// scored as the byline once the agencies, outlets and desks a parser
// lists among them are set aside (issue 10's byline is persons only:
// fundusNotPersons). A page whose parser gives no author is scored as
// one that credits no person; a date or title it does not give is not
// scored.
// fundusURL is the address a fundus page was crawled from, or one made up
// from its file name where meta.info has none.
func fundusURL(p *fundus.Page) string {
	if p.URL == "" {
		return "https://example.com/" + p.File
	}
	return p.URL
}

func loadFundus(dir string) ([]known, error) {
	set, err := fundus.Load(dir)
	if err != nil {
		return nil, err
	}
	var out []known
	for _, p := range set.Pages {
		k := known{name: "fundus/" + strings.TrimSuffix(p.File, ".html.gz"), url: fundusURL(&p), html: p.HTML}
		if t := strings.TrimSpace(p.Title); t != "" {
			k.title, k.scoreTitle = t, true
		}
		if d := fundusDate(p.Date); d != "" {
			k.published, k.scoreDate = d, true
		}
		if d, ok := fundusDates[k.name]; ok {
			k.published = d
		}
		if c, ok := fundusBylines[k.name]; ok {
			if c != "-" {
				k.byline, k.scoreByline = names(c), true
			}
		} else {
			var persons []string
			for _, a := range p.Authors {
				if !fundusNotPersons[strings.TrimSpace(a)] {
					persons = append(persons, a)
				}
			}
			k.byline, k.scoreByline = names(strings.Join(persons, ", ")), true
		}
		out = append(out, k)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("fundus: no pages in %s", dir)
	}
	return out, nil
}

// fundusDate is the reference date as bench/meta scores it: RFC 3339 when
// it has a time of day and a zone, the day when it is midnight (a
// date-only page) or has no zone; "" when there is none.
func fundusDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return ""
	}
	t := normalTime(s)
	if len(t) > 10 && strings.Contains(t, "T00:00:00") {
		return t[:10]
	}
	return t
}

// fundusNotPersons are the names fundus's parsers list as authors that are
// an agency, an outlet, a desk, a site or a place (a dateline's city):
// issue 10 puts them in attribution, or nowhere, not in the byline.
var fundusNotPersons = map[string]bool{
	// agencies
	"Associated Press": true, "The Associated Press": true, "AP": true, "AFP": true, "AFP Deutschland": true,
	"AFP, MANILA": true, "dpa": true, "DPA": true, "Deutsche Presse-Agentur": true, "SDA": true, "SID": true,
	"Reuters": true, "Anadolu Ajansı": true,
	// outlets, sites and desks
	"ORF.at": true, "Salzburger Nachrichten": true, "nieuwsblad.be": true, "BR24 Redaktion": true,
	"MDR SACHSEN-ANHALT": true, "Redaktion hessenschau.de": true, "kicker": true, "ndr.de": true,
	"DER SPIEGEL": true, "sportschau.de": true, "t-online": true, "FOCUS online": true, "MM-Redaktion": true,
	"Le Figaro et AFP": true, "Le Monde": true, "Les Echos": true, "IN-Redaktion": true, "दैनिक भास्कर": true,
	"mbl.is": true, "朝日新聞デジタル": true, "中日新聞Web": true, "日刊現代": true, "東京新聞デジタル": true,
	"読売新聞オンライン": true, "Landesspiegel": true, "MND Staff": true, "TPN": true, "Última Hora": true,
	"Habertürk": true, "ntv.com.tr": true, "BBC News": true, "Euronews": true, "Guardian staff reporter": true,
	"Gear Team": true, "Dizindaba": true,
	// places after the names (a dateline)
	"Nairobi": true, "Lille": true, "Sweidah": true,
}

// fundusBylines corrects a page's reference byline where the parser's
// authors are not the persons the page credits; "-" leaves it unscored.
var fundusBylines = map[string]string{
	"fundus/ch/SRF_2024_04_15":          "-",                // "srf/hosb", "kesm": desk initials
	"fundus/de/Postillon_2024_04_25":    "-",                // "ssi", "dan": initials
	"fundus/kr/HankookIlbo_2026_07_12":  "박준석, 김태연",         // "박준석 기자 외 1명" ("and one more"): the JSON-LD names both
	"fundus/fr/LeMonde_2023_09_01":      "Bertrand Bissuel", // "Le Monde": the page shows "Par Bertrand Bissuel" under the headline
	"fundus/jp/AsahiShimbun_2025_01_13": "渡辺洋介",             // "朝日新聞デジタル": the page shows the reporter under the headline
	// Found with the line break as a byline's field boundary (eleventh round):
	"fundus/isl/Morgunbladid_2025_04_16": "Atli Steinn Guðmundsson",         // "mbl.is": the page's reporter-line shows "Atli Steinn Guðmundsson" / "skrifar frá Porsgrunn" (writes from Porsgrunn)
	"fundus/de/Hessenschau_2024_04_27":   "Roman Warschauer, Marcel Sommer", // "Redaktion hessenschau.de": the page's text__byline reads "Redaktion: Roman Warschauer und Marcel Sommer"
}

// fundusDates correct publishing dates a parser read wrongly, with what
// the page shows.
var fundusDates = map[string]string{
	"fundus/tr/AnadoluAjansi_2025_04_05":     "2025-04-05", // "2025-05-04 00:00:00": day and month swapped; the page shows 05.04.2025
	"fundus/de/KlasseGegenKlasse_2026_01_07": "2026-01-06", // "2026-06-01 00:00:00": day and month swapped; the page shows 06.01.2026
}

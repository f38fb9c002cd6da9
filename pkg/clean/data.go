package clean

import "regexp"

// Data a template prints as text: the fields of a page's tracking or
// targeting record ("site: media | arena: nfl | pageType: stories"), a
// keyword list joined by bare commas ("Erken emeklilik,Bireysel
// emeklilik,Faiz oranları"). Neither is written for a reader, in any
// language: a person puts a space after a comma and writes no field names.

var (
	// A field of a record: its name in lower case (a program's, not a
	// fact box's "Başkent: Bakü") and a colon, at the start of the line or
	// after a bar.
	dataFieldRE = regexp.MustCompile(`(?:^|\|)\s*[\p{Ll}_][\pL\d_-]{0,30}\s*:`)
	// A comma with a word glued on both sides ("emeklilik,Bireysel"),
	// not a number's ("1,300").
	bareCommaRE = regexp.MustCompile(`\pL,[\pL\d]|\d,\pL`)
)

// Bounds of the data shapes: a record with this many fields or more, a
// keyword list with this many bare commas.
const (
	minDataFields  = 3
	minBareCommas  = 2
	maxDataLineLen = 600
)

// dataLine reports a line of template data.
func dataLine(text string) bool {
	if len(text) > maxDataLineLen {
		return false
	}
	if len(dataFieldRE.FindAllStringIndex(text, minDataFields)) >= minDataFields && countBars(text) >= minDataFields-1 {
		return true
	}
	return len(bareCommaRE.FindAllStringIndex(text, minBareCommas)) >= minBareCommas
}

func countBars(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '|' {
			n++
		}
	}
	return n
}

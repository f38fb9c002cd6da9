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
	// The byte counts first: most lines have neither the bars nor the
	// glued commas, and are spared the expressions (dataLine was 7% of
	// a backfilling classifier's CPU).
	if countBars(text) >= minDataFields-1 && len(dataFieldRE.FindAllStringIndex(text, minDataFields)) >= minDataFields {
		return true
	}
	return gluedCommas(text) >= minBareCommas && len(bareCommaRE.FindAllStringIndex(text, minBareCommas)) >= minBareCommas
}

// gluedCommas counts the commas that may have a letter or digit on both
// sides: an ASCII letter or digit, or any byte of a multi-byte character.
// Each match of bareCommaRE holds one, so there are never fewer of these
// than matches (TestGluedCommas).
func gluedCommas(s string) int {
	n := 0
	for i := 1; i+1 < len(s); i++ {
		if s[i] == ',' && wordByte(s[i-1]) && wordByte(s[i+1]) {
			n++
		}
	}
	return n
}

func wordByte(c byte) bool {
	return c >= 0x80 || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
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

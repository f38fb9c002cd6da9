package article

import (
	"sync"
	"time"

	// The zone rules below must not depend on the host's zone files
	// (distroless and scratch images have none).
	_ "time/tzdata"
)

// LangZone is the zone in which a page in language lang writes the
// times it gives without an offset, when its source has no timezone
// configured: Europe/Istanbul for Turkish, Europe/Moscow for Russian,
// and the zone of the languages spoken in one zone only (Japanese,
// Korean, Chinese; Polish; German and Italian, whose countries all keep
// Central European time). It is nil for any other language: such a page's
// zone is not known, and a time it writes without an offset stays the
// wall-clock time it shows (PublishedLocal).
func LangZone(lang string) *time.Location {
	if z, ok := langZones[lang]; ok {
		return z()
	}
	return nil
}

// The zones, loaded once: time.LoadLocation reads and parses the zone's
// data on every call, which cost the fetcher a twentieth of its CPU when
// every page asked for its zone.
var langZones = map[string]func() *time.Location{
	"tr": loadOnce("Europe/Istanbul"),
	"ru": loadOnce("Europe/Moscow"),
	"ja": loadOnce("Asia/Tokyo"),
	"ko": loadOnce("Asia/Seoul"),
	"zh": loadOnce("Asia/Shanghai"),
	// Poland; Germany, Austria, Switzerland, Liechtenstein, Luxembourg
	// and South Tyrol; Italy, San Marino and Ticino: one zone each, with
	// the same summer time.
	"pl": loadOnce("Europe/Warsaw"),
	"de": loadOnce("Europe/Berlin"),
	"it": loadOnce("Europe/Rome"),
}

func loadOnce(name string) func() *time.Location {
	return sync.OnceValue(func() *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			// Cannot happen with the embedded database; a zone unknown
			// is the honest fallback, not a guessed offset.
			return nil
		}
		return loc
	})
}

// InZone reads t's wall-clock fields (as a local time is stored: the
// clock the page showed, labelled UTC) in loc, and returns that instant
// in UTC.
func InZone(t time.Time, loc *time.Location) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc).UTC()
}

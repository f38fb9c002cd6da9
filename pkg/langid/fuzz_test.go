package langid

import (
	"testing"
	"unicode/utf8"
)

// FuzzNormalize checks the text normalisation that runs before detection:
// no panics, and valid UTF-8 out for valid UTF-8 in.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"İSTANBUL (DHA) - Dışişleri Bakanı https://example.com @user #gündem 12.01.2020",
		"МОСКВА, 12 января. /ТАСС/. Министр иностранных дел РФ info@mid.ru",
		"", "\u200b\u00a0", "AA", "РИА Новости",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Normalize(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("Normalize(%q) = %q is not valid UTF-8", s, out)
		}
	})
}

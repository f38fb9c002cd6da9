package article

import (
	"regexp"
	"strings"
	"testing"
)

// TestValidatorsMatchRegexps holds the loops that check tokens, ids and
// hashes to the patterns they replaced, on every byte alone and in strings
// of each length around the limits, and joinedBy to strings.Join.
func TestValidatorsMatchRegexps(t *testing.T) {
	tokenRE := regexp.MustCompile(`^[a-z0-9_-]+$`)
	sourceRE := regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)
	idRE := regexp.MustCompile(`^[0-9a-f]{16}$`)
	hashRE := regexp.MustCompile(`^[0-9a-f]{32}$`)
	var in []string
	for c := range 256 {
		in = append(in, string([]byte{byte(c)}), "ab"+string([]byte{byte(c)}), strings.Repeat("0", 15)+string([]byte{byte(c)}))
	}
	for _, n := range []int{0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65} {
		in = append(in, strings.Repeat("a", n), strings.Repeat("f", n), strings.Repeat("g", n), strings.Repeat("9", n), strings.Repeat("A", n))
	}
	in = append(in, "tr", "ru", "ajans-tr", "a_b", "a b", "a\n", "\na", "é", "5bbae7d16cb5e192", "5bbae7d16cb5e19\n", "-a", "_a", "a-", "9_")
	for _, s := range in {
		if got, want := ValidToken(s), tokenRE.MatchString(s); got != want {
			t.Errorf("ValidToken(%q) = %v, want %v", s, got, want)
		}
		if got, want := ValidSourceID(s), sourceRE.MatchString(s); got != want {
			t.Errorf("ValidSourceID(%q) = %v, want %v", s, got, want)
		}
		if got, want := hexDigits(s, 16), idRE.MatchString(s); got != want {
			t.Errorf("hexDigits(%q, 16) = %v, want %v", s, got, want)
		}
		if got, want := hexDigits(s, 32), hashRE.MatchString(s); got != want {
			t.Errorf("hexDigits(%q, 32) = %v, want %v", s, got, want)
		}
	}
	parts := [][]string{nil, {""}, {"", ""}, {"a"}, {"a", "b"}, {"a\n\nb"}, {"a", "", "b"}, {"Bir.", "İki."}}
	for _, ps := range parts {
		for _, qs := range parts {
			s := strings.Join(qs, "\n\n")
			for _, s := range []string{s, s + "\n\n", s + "x", "\n\n" + s} {
				if got, want := joinedBy(s, ps, "\n\n"), s == strings.Join(ps, "\n\n"); got != want {
					t.Errorf("joinedBy(%q, %q) = %v, want %v", s, ps, got, want)
				}
			}
		}
	}
}

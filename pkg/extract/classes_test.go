package extract

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/wiredesk/wiredesk/pkg/article"
)

func TestClassZone(t *testing.T) {
	tests := []struct {
		class string
		zone  article.Zone
	}{
		{"sidebar", article.ZoneAside},
		{"widget most-read", article.ZoneRelated},
		{"news-ticker", article.ZoneRelated},
		// What an element lacks is no zone of its own.
		{"wrap has-no-ticker", ""},
		{"layout-without-sidebar", ""},
		{"page no-ads", ""},
		{"hasNoComments", ""},
		{"no-sidebar comments", article.ZoneComment},
		{"nonsense-widget", article.ZoneAside},
	}
	for _, tt := range tests {
		t.Run(tt.class, func(t *testing.T) {
			var b tokenBuf
			var ci classInfo
			b.scan(tt.class, &ci)
			if ci.zone != tt.zone {
				t.Errorf("zone of class %q = %q, want %q", tt.class, ci.zone, tt.zone)
			}
		})
	}
}

// TestScanASCII checks scan's ASCII path against the unicode tables' reading
// of every rune (scanRunes, the loop it shortcuts), on class lists made of
// table words in every case, digits, separators and non-ASCII letters.
func TestScanASCII(t *testing.T) {
	parts := []string{"author", "Byline", "SIDE", "bar", "no", "Comments", "most", "Read", "2", "x9", "-", "_", " ", "__", "Ş", "автор", "Дата", "é", "ı", "İ", "\u00a0", ".", "A", "b"}
	rng := rand.New(rand.NewPCG(11, 11))
	for range 20000 {
		var sb strings.Builder
		for range 1 + rng.IntN(8) {
			sb.WriteString(parts[rng.IntN(len(parts))])
		}
		s := sb.String()
		var b, r tokenBuf
		var got, want classInfo
		b.scan(s, &got)
		r.scanRunes(s, &want)
		if got != want {
			t.Fatalf("scan(%q) = %+v, rune by rune %+v", s, got, want)
		}
	}
}

// TestScanRead checks that the values scan has read before, added to an
// element's classInfo that holds other values' words already, add what
// reading their words there would (class and id on one element).
func TestScanRead(t *testing.T) {
	parts := []string{"author", "Byline", "side", "bar", "no", "comments", "most", "read", "header", "lead", "date", "content", "widget", "share", "-", " ", "2"}
	rng := rand.New(rand.NewPCG(12, 12))
	var b tokenBuf // one for the page, as the walk's
	for range 20000 {
		var got, want classInfo
		var r tokenBuf
		for range 1 + rng.IntN(3) {
			var sb strings.Builder
			for range 1 + rng.IntN(4) {
				sb.WriteString(parts[rng.IntN(len(parts))])
			}
			s := sb.String()
			b.scan(s, &got)
			r.words(s, &want)
		}
		if got != want {
			t.Fatalf("scan = %+v, words read in turn %+v", got, want)
		}
	}
}

// scanRunes is scan without its ASCII path.
func (b *tokenBuf) scanRunes(s string, ci *classInfo) {
	b.cur, b.prev = b.cur[:0], b.prev[:0]
	lastLower := false
	for i := 0; i <= len(s); {
		r, size := rune(0), 1
		if i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		isLetter := r != 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if isLetter && !(lastLower && unicode.IsUpper(r)) {
			b.cur = utf8.AppendRune(b.cur, unicode.ToLower(r))
			lastLower = unicode.IsLower(r) || unicode.IsDigit(r)
			continue
		}
		b.token(ci)
		if isLetter {
			b.cur = utf8.AppendRune(b.cur, unicode.ToLower(r))
		}
		lastLower = false
	}
}

package extract

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"

	"github.com/wiredesk/wiredesk/internal/zyte"
)

// TestCueMatch: the cue table finds what a substring search for each cue
// finds.
func TestCueMatch(t *testing.T) {
	tests := []string{
		"", "a", "politics", "subscribe", "sign in to subscribe", "abo abonn", "abonné·e",
		"войдите в аккаунт", "подпишитесь на рассылку", "giriş yap ya da üye ol", "hesabınız",
		"iniciar sesión o regístrate", "zaloguj się", "free trial, unlock, newsletter, log in, login",
		"\xff\xfesubscribe\xc3", "registration register regístr",
	}
	for _, text := range tests {
		want := 0
		for _, c := range accountCues {
			if strings.Contains(text, c) {
				want++
			}
		}
		if got := cueCount(text); got != want {
			t.Errorf("cueCount(%q) = %d, want %d", text, got, want)
		}
		if got := anyCue([]byte(text)); got != (want > 0) {
			t.Errorf("anyCue(%q) = %v, want %v", text, got, want > 0)
		}
	}
}

// TestNonSpaceRunes: counted as ranging over the text and skipping
// unicode.IsSpace does.
func TestNonSpaceRunes(t *testing.T) {
	for _, s := range []string{"", " \t\n", "a b", "Текст статьи", "a\u00a0b\u0085c\u1680d\u2000e\u3000f\u202f", "\xff\xfe a \xc3", "日本語 テキスト"} {
		want := 0
		for _, r := range s {
			if !unicode.IsSpace(r) {
				want++
			}
		}
		if got := nonSpaceRunes(s); got != want {
			t.Errorf("nonSpaceRunes(%q) = %d, want %d", s, got, want)
		}
	}
}

// BenchmarkPrune: the hidden-element and account-box passes alone over
// the Zyte pages, one page an op (the parse is not timed).
func BenchmarkPrune(b *testing.B) {
	pages, err := zyte.Load(filepath.Join("..", "..", "bench", "zyte"))
	if err != nil {
		b.Fatal(err)
	}
	srcs := make([][]byte, len(pages))
	for i, p := range pages {
		srcs[i] = prep{strip: true, attrs: true}.ready(nil, p.HTML)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		doc, err := html.Parse(bytes.NewReader(srcs[i%len(srcs)]))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		prune(doc)
	}
}

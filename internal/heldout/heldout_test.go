package heldout

import (
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	pages, err := Load("testdata/set")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Page{}
	for _, p := range pages {
		byName[p.Name] = p
	}
	// empty_03 marks nothing as the article and nogold_04 has no
	// reference: neither is scored.
	if len(pages) != 7 {
		t.Fatalf("got %d pages, want 7: %v", len(pages), byName)
	}
	tests := []struct {
		name, site string
		kind       Kind
		want       []string // in the reference, in this order
		not        []string // not in it
		html       string   // in the page, converted to UTF-8
	}{
		{name: "kiosk_01", site: "kiosk", kind: Markup,
			want: []string{"Заголовок", "Первый абзац статьи.", "пункт списка"},
			not:  []string{"URL:", "<p>", "COMMENTS", "комментарий читателя"},
			html: "Привет"},
		{name: "123456", site: "123456", kind: Spans,
			want: []string{"Body one.", "Body two."},
			not:  []string{"Headline", "menu"}},
		{name: "7", site: "7", kind: Labels,
			want: []string{"Köprüde yeni dönem", "Birinci paragraf burada.", "İkinci paragraf da burada."},
			not:  []string{"Anasayfa", "Ayşe Kaya", "Okur yorumu"},
			html: "__label"},
		// A reference in Windows-1252 beside a UTF-8 page: its curly
		// quotes read as the page prints them, not as U+FFFD.
		{name: "hafen_05", site: "hafen", kind: Markup,
			want: []string{"Neue Fähre im Hafen", "sagte: „Die Fähre fährt ab Montag.“ Das ist’s."},
			not:  []string{"\uFFFD", "URL:"},
			html: "„Die Fähre"},
		// A UTF-8 reference with one stray Windows-1252 byte (an
		// ellipsis): its letters stay UTF-8's.
		{name: "liman_06", site: "liman", kind: Markup,
			want: []string{"Liman müdürü Akgün", "söyledi…"},
			not:  []string{"Ã", "\uFFFD"},
			html: "Akgün"},
		// A UTF-8 page whose <meta charset> comes after a head of
		// scripts longer than the HTML prescan reads: the page is read
		// as UTF-8, as the fetcher reads it, not as windows-1252.
		{name: "rihtim_07", site: "rihtim", kind: Markup,
			want: []string{"Rıhtımda yeni vinç", "Liman işletmesi “yeni vinç haftaya çalışır” dedi; işçiler’in"},
			html: "işçiler’in vardiyası"},
		{name: "frag_02", site: "frag", kind: Fragment,
			want: []string{"Bir paragraf.", "İkinci paragraf."},
			not:  []string{"<p>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := byName[tt.name]
			if !ok {
				t.Fatal("not loaded")
			}
			if p.Site != tt.site || p.Kind != tt.kind {
				t.Errorf("site %q kind %d, want %q %d", p.Site, p.Kind, tt.site, tt.kind)
			}
			at := 0
			for _, w := range tt.want {
				i := strings.Index(p.Truth[at:], w)
				if i < 0 {
					t.Fatalf("reference lacks %q after offset %d: %q", w, at, p.Truth)
				}
				at += i + len(w)
			}
			for _, n := range tt.not {
				if strings.Contains(p.Truth, n) {
					t.Errorf("reference holds %q: %q", n, p.Truth)
				}
			}
			if !strings.Contains(string(p.HTML), tt.html) {
				t.Errorf("page lacks %q: %q", tt.html, p.HTML)
			}
		})
	}
}

func TestLoadEmpty(t *testing.T) {
	if _, err := Load(t.TempDir()); err == nil {
		t.Fatal("no error for a directory without pages")
	}
}

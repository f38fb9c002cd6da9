package clean

import "testing"

// TestCreditTail checks the cheap test before captionTailRE: it may pass
// lines the pattern refuses, never refuse one it finds.
func TestCreditTail(t *testing.T) {
	tests := []struct {
		name   string
		line   string
		want   bool
		credit bool // captionTailRE finds a credit
	}{
		{"german credit", "Demonstranten vor dem Ministerium am Montag. Bild: Andreas Seidel/Archiv", true, true},
		{"russian credit", "Делегации на переговорах в Анкаре. Фото: Иван Петров/ТАСС", true, true},
		{"spaces after the colon", "Heyet Ankara'da bir araya geldi. Fotoğraf:    AA", true, true},
		{"no colon", "Heyet Ankara'da bir araya geldi ve ortak bildiri yayımladı.", false, false},
		{"a long tail after the last colon", "Bakan şunları söyledi: iki ülke arasındaki ilişkiler son yıllarda her alanda güçlenmiş ve yeni bir döneme girmiştir.", false, false},
		{"colon at the end", "Bakanın açıklaması şöyle:", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := creditTail(tt.line)
			if got != tt.want {
				t.Errorf("creditTail(%q) = %v, want %v", tt.line, got, tt.want)
			}
			found := captionTailRE.MatchString(tt.line)
			if found != tt.credit {
				t.Errorf("captionTailRE.MatchString(%q) = %v, want %v", tt.line, found, tt.credit)
			}
			if found && !got {
				t.Errorf("captionTailRE finds a credit in %q that creditTail turns away", tt.line)
			}
		})
	}
}

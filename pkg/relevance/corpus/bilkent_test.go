package corpus

import "testing"

func TestSplitSozcu(t *testing.T) {
	tests := []struct {
		name, text, title, body string
	}{
		{
			name:  "cut summary repeated by the article",
			text:  "Bakan yanıt verdi. Bakan, iddialara yazılı bir açıklama ile ... Bakan, iddialara yazılı bir açıklama ile cevap verdi.  İkinci paragraf burada.",
			title: "Bakan yanıt verdi.",
			body:  "Bakan, iddialara yazılı bir açıklama ile cevap verdi.\n\nİkinci paragraf burada.",
		},
		{
			name:  "no cut summary",
			text:  "Maç bitti. Takım  ikinci yarıda kazandı.  'Ara başlık'    Sonra kutlama yapıldı.",
			title: "Maç bitti.",
			body:  "Takım ikinci yarıda kazandı.\n\n'Ara başlık'\n\nSonra kutlama yapıldı.",
		},
		{
			name:  "an ellipsis that is not a cut summary stays",
			text:  "Başlık burada. Önce bu ... sonra başka bir şey oldu.",
			title: "Başlık burada.",
			body:  "Önce bu ... sonra başka bir şey oldu.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title, body := splitSozcu(tt.text)
			if title != tt.title || body != tt.body {
				t.Errorf("splitSozcu = %q, %q; want %q, %q", title, body, tt.title, tt.body)
			}
		})
	}
}

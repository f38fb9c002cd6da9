package classify

import (
	"fmt"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/byline"
)

// The remembered split is byline.Split's, asked the first time, again,
// for another host, and after the memory has filled and started again.
func TestBylineSplitsMatchSplit(t *testing.T) {
	lines := []string{
		"", "Ayşe Kaya", "AA", "Ayşe Kaya / AA", "Иван Петров, ТАСС", "Haber Merkezi",
		"Jane Roe\nDaily Example", "Ayşe Kaya Hürriyet", "МОСКВА, 12 января. Иван Петров",
		"Muhabir: Mehmet Öz ve Zeynep Ak", "https://haber.example/yazar/ayse-kaya", "Фото: РИА Новости",
	}
	hosts := []string{"", "www.hurriyet.com.tr", "haber.example"}
	b := newBylineSplits()
	for round := range 3 {
		for _, line := range lines {
			for _, host := range hosts {
				t.Run(fmt.Sprintf("%d/%s/%s", round, line, host), func(t *testing.T) {
					wantP, wantO := byline.Split(line, host)
					gotP, gotO := b.split(line, host)
					if gotP != wantP || gotO != wantO {
						t.Errorf("split = %q, %q; byline.Split = %q, %q", gotP, gotO, wantP, wantO)
					}
				})
			}
		}
		if round == 1 {
			for i := range maxBylines {
				b.split(fmt.Sprintf("Yazar %d", i), "")
			}
		}
	}
}

package article

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzDecode feeds arbitrary bytes to the decoders every stage runs on
// what arrives from the bus: they must not panic, and what they accept
// must validate and survive a round trip.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"page.json", "article.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"schema":"page/v1"}`))
	f.Add([]byte(`{"schema":"article/v9"}`))
	f.Add([]byte("{\"schema\":\"page/v1\",\"title\":\"\xff\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if p, err := DecodePage(data); err == nil {
			if err := p.Validate(); err != nil {
				t.Fatalf("DecodePage accepted a page that does not validate: %v", err)
			}
			again, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := DecodePage(again); err != nil {
				t.Fatalf("a decoded page does not decode again: %v", err)
			}
		}
		if a, err := DecodeArticle(data); err == nil {
			if err := a.Validate(); err != nil {
				t.Fatalf("DecodeArticle accepted an article that does not validate: %v", err)
			}
			if !utf8.ValidString(a.Body) {
				t.Fatal("accepted an article whose body is not UTF-8")
			}
		}
	})
}

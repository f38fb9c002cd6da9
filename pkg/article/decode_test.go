package article

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	jsonv1 "github.com/go-json-experiment/json/v1"
)

// oddInputs are messages that take the decoder off its usual path: keys
// in another case and twice over, nulls, unknown members, escapes, wrong
// types, numbers an int does not hold, text after the value.
var oddInputs = []string{
	`{"schema":"page/v1","ID":"8bd26ca40170c00a","Id":"8bd26ca40170c00b"}`,
	`{"schema":"page/v1","schema":"article/v1"}`,
	`{"SCHEMA":"page/v1","title":null,"blocks":null,"fetched_at":null,"http":null}`,
	`{"schema":"page/v1","unknown":{"a":[1,2,{"b":null}]},"title":"\u00e7\u0131\ud83d\ude00\ud800x\"\\\/\b\f\n\r\t"}`,
	`{"schema":"page/v1","blocks":[{"i":1e2}]}`,
	`{"schema":"page/v1","blocks":[{"i":1.5}]}`,
	`{"schema":"page/v1","blocks":[{"i":99999999999999999999}]}`,
	`{"schema":"page/v1","blocks":[{"i":"1"}]}`,
	`{"schema":"page/v1","blocks":[{"link_density":"0.5"}]}`,
	`{"schema":"page/v1","blocks":[{"link_density":1e400}]}`,
	`{"schema":"page/v1","truncated":"true"}`,
	`{"schema":"page/v1","fetched_at":"2020-01-08T16:01:02+03:00"}`,
	`{"schema":"page/v1","fetched_at":"2020-01-08 16:01:02"}`,
	`{"schema":"page/v1","fetched_at":12}`,
	`{"schema":"page/v1"} {"schema":"page/v1"}`,
	`{"schema":"page/v1"}x`,
	` 	{"schema":"page/v1"}` + "\n",
	`{"schema":"page/v1",}`,
	`{"schema":"page/v1","http":{"status":-0}}`,
	`{"schema":"article/v1","paragraphs":["a",null,"b"],"relevance":{"terms":[]},"headings":[1,-2]}`,
	`{"schema":"article/v1","dropped":[{"i":-1,"reason":"oversize"},null],"countries":null}`,
	`{"schema":"article/v1","lang_confidence":-0.0,"relevance":{"score":1E-7,"relevant":1}}`,
	`[]`, `null`, `"page/v1"`, `{}`,
}

// FuzzDecodeMatchesStd: where the decoder's first pass (jsonv1)
// succeeds, encoding/json succeeds and gives the same message (compared
// as encoding/json writes it again). Where it fails, decode goes on with
// encoding/json itself.
func FuzzDecodeMatchesStd(f *testing.F) {
	for _, name := range []string{"page.json", "article.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range oddInputs {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return // decode refuses it before any parsing
		}
		checkDecode(t, data, func() any { return new(Page) })
		checkDecode(t, data, func() any { return new(Article) })
	})
}

func checkDecode(t *testing.T, data []byte, fresh func() any) {
	t.Helper()
	got, want := fresh(), fresh()
	if err := jsonv1.Unmarshal(data, got); err != nil {
		return
	}
	if err := json.Unmarshal(data, want); err != nil {
		t.Fatalf("jsonv1 decodes what encoding/json refuses (%v)", err)
	}
	g, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	w, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(g, w) {
		t.Fatalf("jsonv1 decodes otherwise than encoding/json:\n got %s\nwant %s", g, w)
	}
}

// TestDecodeMatchesStd checks FuzzDecodeMatchesStd's seeds, alone and
// each grafted into the golden page and article (the odd members added
// to them), so that the message is otherwise whole.
func TestDecodeMatchesStd(t *testing.T) {
	for _, name := range []string{"page.json", "article.json"} {
		golden, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		golden = bytes.TrimSpace(golden)
		for _, s := range append([]string{"{}"}, oddInputs...) {
			inputs := []string{s}
			if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") && len(s) > 2 {
				inputs = append(inputs, string(golden[:len(golden)-1])+","+s[1:])
			}
			for _, in := range inputs {
				t.Run(name+"/"+in[:min(len(in), 40)], func(t *testing.T) {
					checkDecode(t, []byte(in), func() any { return new(Page) })
					checkDecode(t, []byte(in), func() any { return new(Article) })
				})
			}
		}
	}
}

// BenchmarkDecode decodes the golden page with its blocks repeated to a
// news page's 200, and the golden article with 30 paragraphs, against
// encoding/json's Unmarshal of the same.
//
//	go test -run '^$' -bench Decode -benchmem ./pkg/article/
func BenchmarkDecode(b *testing.B) {
	var p Page
	if err := json.Unmarshal(readTestdata(b, "page.json"), &p); err != nil {
		b.Fatal(err)
	}
	for len(p.Blocks) < 200 {
		p.Blocks = append(p.Blocks, p.Blocks...)
	}
	for i := range p.Blocks {
		p.Blocks[i].I = i
	}
	page, _ := json.Marshal(&p)
	var a Article
	if err := json.Unmarshal(readTestdata(b, "article.json"), &a); err != nil {
		b.Fatal(err)
	}
	for len(a.Paragraphs) < 30 {
		a.Paragraphs = append(a.Paragraphs, a.Paragraphs...)
	}
	a.Body = strings.Join(a.Paragraphs, "\n\n")
	art, _ := json.Marshal(&a)
	cases := []struct {
		name string
		fn   func() error
	}{
		{"page/std", func() error { var p Page; return json.Unmarshal(page, &p) }},
		{"page/DecodePage", func() error { _, err := DecodePage(page); return err }},
		{"article/std", func() error { var a Article; return json.Unmarshal(art, &a) }},
		{"article/DecodeArticle", func() error { _, err := DecodeArticle(art); return err }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := c.fn(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func readTestdata(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

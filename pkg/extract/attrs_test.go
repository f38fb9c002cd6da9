package extract

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestStripAttrs(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"quoted", `<div data-id="7" class="yazı">x</div>`, `<div  class="yazı">x</div>`},
		{"single quotes and bare", `<img src='a.jpg' alt=Foto width=10>`, `<img   >`},
		{"a name twice: whole", `<img alt="" ALT="AP Logo" width=1>`, `<img alt="" ALT="AP Logo" width=1>`},
		{"white space kept", `<img alt="Lawrence Bonk" title='a&nbsp;b' data-x="Фото" width=10>`, `<img alt="Lawrence Bonk" title='a&nbsp;b' data-x="Фото" >`},
		{"white space in lower case: cut", `<svg viewBox="0 0 24 24"><img alt="lawrence bonk" title="a &amp; b" sizes="(max-width: 600px) 100vw">`, `<svg ><img  title="a &amp; b" >`},
		{"any case", `<IMG SRC="a" Data-Lazy="b" ID=c>`, `<IMG   ID=c>`},
		{"no spaces between", `<p class="a"title="b"id="c">`, `<p class="a"id="c">`},
		{"spaces around =", `<p title = "b" class=a>`, `<p  class=a>`},
		{"bare name", `<video controls data-x>`, `<video controls >`},
		{"self-closing kept", `<svg><path d="M0,0L1,1"/></svg>`, `<svg><path /></svg>`},
		{"bare value ending in a slash", `<br title=a/>`, `<br >`},
		{"empty value", `<p title=>x`, `<p >x`},
		{"read ones stay", `<div style="display:none" hidden aria-hidden="true" role="nav" itemprop="author">`, `<div style="display:none" hidden aria-hidden="true" role="nav" itemprop="author">`},
		{"other aria", `<nav aria-label="menu" class="m">`, `<nav  class="m">`},
		{"aria any case", `<p ARIA-HIDDEN=true Aria-Label=x aria-hiddenx=y>`, `<p ARIA-HIDDEN=true  >`},
		{"long names", `<p data-a-very-long-attribute-name=1 onmouseoverlongname=2 referrerpolicyx=3>`, `<p   referrerpolicyx=3>`},
		{"a: cut", `<a href="/h" data-track="1" target="_blank">x</a>`, `<a href="/h"  >x</a>`},
		{"time: whole", `<time data-published="2016-12-09 09:13:00Z">x</time>`, `<time data-published="2016-12-09 09:13:00Z">x</time>`},
		{"formatting: whole", `<b data-x="1">x</b>`, `<b data-x="1">x</b>`},
		{"script tag", `<script src="a.js" async type="module"></script>`, `<script   type="module"></script>`},
		{"next reads as a value: whole", `<p hidden data-x="1" ="z">`, `<p hidden data-x="1" ="z">`},
		{"end tag untouched", `<p>x</p title="y">`, `<p>x</p title="y">`},
		{"quote past the end: whole", `<p a== "x>" title="b">`, `<p a== "x>" title="b">`},
		{"longer than a name: cut", `<path d="` + strings.Repeat("M1 2", 76) + `" fill=x>`, `<path  >`},
		{"as long as a name: kept", `<img alt="` + strings.Repeat("Ab c", 75) + `">`, `<img alt="` + strings.Repeat("Ab c", 75) + `">`},
		{"long with a reference: kept", `<img alt="` + strings.Repeat("Ab c", 75) + `&amp;">`, `<img alt="` + strings.Repeat("Ab c", 75) + `&amp;">`},
		{"long with a CR: kept", `<img alt="` + strings.Repeat("Ab c", 75) + "\r\n" + `">`, `<img alt="` + strings.Repeat("Ab c", 75) + "\r\n" + `">`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.in)
			if got := string(prep{strip: true, attrs: true}.ready(in[:0], in)); got != tt.want {
				t.Errorf("ready(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestStripAttrsSameTree parses pages with and without the cut of unread
// attributes: the trees must be the same but for attributes the cut may
// take. Extraction results are compared in TestStripRawSameResult; this
// also holds where no result would show it.
func TestStripAttrsSameTree(t *testing.T) {
	// A tag copied whole (TestStripAttrs) keeps its unread attributes
	// and is not among these.
	docs := []string{
		`<p data-x/>a<p title=b/>c`,
		`<svg><path d="M0" /><circle data-x="1"/></svg><p>after`,
		`<svg><a xlink:href="#x" title="t">x</a></svg>`,
		`<b data-a=1><b data-a=2><b data-a=3><b data-a=4><p>x</b></b></p>y`,
		`<a href=1 data-a=1><a href=1 data-a=2><a href=1 data-a=3><p>x</a>y`,
		`<nobr title=1>a<nobr title=2>b<nobr title=3>c<nobr title=4>d`,
		`<table><input type=hidden data-x=1><tr><td title=x>a</table>`,
		`<body data-a=1><p>x<body class=b data-c=2 title=t>`,
		`<math><annotation-xml encoding="text/html" data-x=1><p>y</annotation-xml></math>`,
		`<font data-x=1 color=red>a</font><svg><font data-y=2 face=x>b</font></svg>`,
		`<div/data-x=1 class=a>x</div><div class="a"data-x='1'id=b>y`,
		`<img alt="" alt="AP Logo"><img title=a title="b c" TITLE=d><p data-a=1 data-A=2>`,
	}
	docs = append(docs, treeDocs(t)...)
	for i, d := range docs {
		full := parse(t, prep{strip: true}.ready(nil, []byte(d)))
		cut := parse(t, prep{strip: true, attrs: true}.ready(nil, []byte(d)))
		if diff := sameTree(full, cut); diff != "" {
			name := d
			if len(name) > 80 {
				name = name[:80]
			}
			t.Errorf("doc %d (%q): %s", i, name, diff)
		}
	}
}

func parse(t *testing.T, src []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// sameTree describes the first place where cut is not full less some
// attributes the cut may take (cutAttr), or returns "". A tag the cut
// copied whole keeps attributes it might have lost.
func sameTree(full, cut *html.Node) string {
	if full.Type != cut.Type || full.Data != cut.Data || full.Namespace != cut.Namespace {
		return fmt.Sprintf("node %q against %q", full.Data, cut.Data)
	}
	j := 0
	for _, a := range full.Attr {
		if j < len(cut.Attr) && cut.Attr[j] == a {
			j++
			continue
		}
		if full.Type != html.ElementNode || keepsAttrs([]byte(full.Data)) || !cutAttr(a) {
			return fmt.Sprintf("<%s>: attribute %s=%q lost", full.Data, a.Key, a.Val)
		}
	}
	if j < len(cut.Attr) {
		return fmt.Sprintf("<%s>: attribute %s=%q added", cut.Data, cut.Attr[j].Key, cut.Attr[j].Val)
	}
	f, c := full.FirstChild, cut.FirstChild
	for ; f != nil && c != nil; f, c = f.NextSibling, c.NextSibling {
		if diff := sameTree(f, c); diff != "" {
			return diff
		}
	}
	if f != nil || c != nil {
		return fmt.Sprintf("<%s>: children differ", full.Data)
	}
	return ""
}

// cutAttr reports an attribute as parsed that the cut may take.
func cutAttr(a html.Attribute) bool {
	name := a.Key
	if a.Namespace != "" { // xlink:href in SVG, as the page wrote it
		name = a.Namespace + ":" + a.Key
	}
	return unreadAttr([]byte(name)) && (!mayHoldSpace([]byte(a.Val)) || len(a.Val) > maxCaseAttr || strings.ToLower(a.Val) == a.Val)
}

// TestTagLists checks keepsAttrs and rawElement, which switch on a name
// lowered, against their lists compared name by name in any ASCII case.
func TestTagLists(t *testing.T) {
	kept := []string{"time", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"}
	raw := []string{"script", "style", "textarea", "title", "noscript", "xmp", "iframe", "noembed", "noframes", "plaintext"}
	names := []string{"", "a", "p", "div", "times", "tim", "bb", "scripts", "scrip", "plaintexts", "TİTLE", "ſcript", "strong\x00"}
	for _, l := range [][]string{kept, raw} {
		for _, n := range l {
			names = append(names, n, strings.ToUpper(n), strings.ToUpper(n[:1])+n[1:], n+"x")
		}
	}
	for _, n := range names {
		wantKept, wantRaw := false, ""
		for _, k := range kept {
			wantKept = wantKept || equalFoldASCII([]byte(n), k)
		}
		for _, r := range raw {
			if equalFoldASCII([]byte(n), r) {
				wantRaw = r
			}
		}
		if got := keepsAttrs([]byte(n)); got != wantKept {
			t.Errorf("keepsAttrs(%q) = %v, want %v", n, got, wantKept)
		}
		if got := rawElement([]byte(n)); got != wantRaw {
			t.Errorf("rawElement(%q) = %q, want %q", n, got, wantRaw)
		}
	}
}

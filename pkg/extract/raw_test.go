package extract

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/wiredesk/wiredesk/internal/zyte"
)

func TestStripRaw(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"script", `<p>a</p><script>var x = "<p>no</p>";</script><p>b</p>`, `<p>a</p><script></script><p>b</p>`},
		{"style any case", `<STYLE type=text/css>p{}</Style ><p>b`, `<STYLE type=text/css></Style ><p>b`},
		{"json-ld kept", `<script type="application/ld+json">{"a":1}</script>`, `<script type="application/ld+json">{"a":1}</script>`},
		{"escaped script kept", `<script><!-- document.write("<script>x</script>") --></script>`, `<script><!-- document.write("<script>x</script>") --></script>`},
		{"in a comment", `<!-- <script> --><p>b</p><!-- </script> -->`, `<!----><p>b</p><!---->`},
		{"comment ended at once", `<!-->a<script>b</script>--><!--->c-->`, `<!-->a<script>b</script>--><!--->c-->`},
		{"comment ended by --!>", `<!-- a --!> b --><p>c`, `<!-- a --!> b --><p>c`},
		{"unclosed comment", `<p>a<!-- b<script>c</script>`, `<p>a<!-- b<script>c</script>`},
		{"in an attribute", `<div data-x="<script>">text</div><script>y</script>`, `<div data-x="<script>">text</div><script></script>`},
		{"in a textarea", `<textarea><script>x</script></textarea>`, `<textarea><script>x</script></textarea>`},
		{"not an end tag", `<script>a="</scripts>";</script>b`, `<script></script>b`},
		{"unclosed", `<p>a<script>b`, `<p>a<script>b`},
		{"unclosed tag", `<p>a<div class="x`, `<p>a<div class="x`},
		{"lone angle", `a < b <3 <p>c`, `a < b <3 <p>c`},
		{"bogus comment", `<!<script>x</script><p>b`, `<!<script>x</script><p>b`},
		{"in an end tag", `</p title="<script>">x<script>y</script>`, `</p title="<script>">x<script></script>`},
		{"cdata", `<svg><![CDATA[<script>x</script>]]></svg>`, `<svg><![CDATA[<script>x</script>]]></svg>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.in)
			if got := string(prep{strip: true}.ready(in[:0], in)); got != tt.want {
				t.Errorf("ready(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCloseTitle(t *testing.T) {
	tests := []struct {
		name, in, want string
		strip          bool // with what the strip takes out
	}{
		{"closed", "<title>a</title><p>b", "<title>a</title><p>b", false},
		{"none", "<p>a</p>", "<p>a</p>", false},
		{"open to a line break", "<title>a b\n<p>c", "<title>a b</title>\n<p>c", false},
		{"open to a tag", "<TITLE id=t>a</titlex -->\n<p>c", "<TITLE id=t>a</title></titlex -->\n<p>c", false},
		{"to the end", "<title>a b c", "<title>a b c", false},
		{"in a comment", "<!-- <title> --><title>a</title>", "<!-- <title> --><title>a</title>", false},
		{"in a script", "<script>x='<title>'</script><title>a</title>", "<script>x='<title>'</script><title>a</title>", false},
		{"after the body", "<body><p>a<title>b", "<body><p>a<title>b", false},
		{"in a bogus comment", "<!<title>a\n<p>c", "<!<title>a\n<p>c", false},
		{"stripped", "<script>x()</script><title data-x=1>a\n<p>c", "<script></script><title >a</title>\n<p>c", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := prep{strip: tt.strip, attrs: tt.strip}
			if got := string(p.ready(nil, []byte(tt.in))); got != tt.want {
				t.Errorf("ready(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			// In place, the end tag added moves the page to a
			// buffer of its own rather than overwrite it.
			in := []byte(tt.in)
			if got := string(p.ready(in[:0], in)); got != tt.want {
				t.Errorf("ready(%q) in place\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestStripRawSameResult extracts every test page and every Zyte page with
// and without stripping script and style text and the unread attributes:
// the results must be identical.
func TestStripRawSameResult(t *testing.T) {
	type page struct {
		name string
		data []byte
		u    *url.URL
	}
	var all []page
	for _, p := range pages(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page{p, data, pageURL(t, filepath.Base(p))})
	}
	zp, err := zyte.Load(filepath.Join("..", "..", "bench", "zyte"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range zp {
		u, _ := url.Parse(p.URL)
		all = append(all, page{p.ID, p.HTML, u})
	}
	for _, p := range all {
		a, err := ExtractWith(bytes.NewReader(p.data), p.u, Options{})
		if err != nil {
			t.Fatal(err)
		}
		b, err := ExtractWith(bytes.NewReader(p.data), p.u, Options{keepRaw: true})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: stripping script and style or unread attributes changes the result", p.name)
			for i := range min(len(a.Blocks), len(b.Blocks)) {
				if a.Blocks[i] != b.Blocks[i] {
					t.Logf("first difference, block %d:\n stripped %+v\n     kept %+v", i, a.Blocks[i], b.Blocks[i])
					break
				}
			}
		}
	}
}

// TestReadPageReaders readies every test page from a bytes.Reader, which
// hands its bytes over to be readied straight from them, from the other
// readers that write all they hold at once, and from a reader read into a
// buffer first: the pages must be the same.
func TestReadPageReaders(t *testing.T) {
	for _, p := range pages(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range []prep{{}, {strip: true}, {strip: true, attrs: true}} {
			want, err := readPage(bytes.NewReader(data), pr)
			if err != nil {
				t.Fatal(err)
			}
			for name, r := range map[string]io.Reader{
				"strings.Reader": strings.NewReader(string(data)),
				"bytes.Buffer":   bytes.NewBuffer(bytes.Clone(data)),
				"one byte":       iotest.OneByteReader(bytes.NewReader(data)),
			} {
				got, err := readPage(r, pr)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s, %+v: the page read from a %s differs", filepath.Base(p), pr, name)
				}
			}
		}
	}
}

// TestEmptyCommentsSameTree parses pages with and without the strip: the trees must be the same but for the comments' text and
// the text of the scripts and styles the strip empties.
func TestEmptyCommentsSameTree(t *testing.T) {
	docs := []string{
		`<p>a<!-- x -->b</p><!---->c`,
		`<!-- x --><html><!-- y --><head><!-- z --></head><body>a</body></html><!-- after -->`,
		`<table><!-- c --><tr><!-- d --><td>x<!-- e --></table>`,
		`<!-->a<p>b</p>--><!--->c<p>d</p>--><!-- e --!> f <p>g</p> -->`,
		`<p>a<!-- <title> --><title>t</title><!-- b -- c ---><p>d<!-- e`,
		`<svg><!-- a --><title><!-- b --></title></svg><select><!-- c --><option>d</select>`,
	}
	docs = append(docs, treeDocs(t)...)
	for i, d := range docs {
		full := parse(t, prep{}.ready(nil, []byte(d))) // a title left open closed, as always
		stripped := parse(t, prep{strip: true}.ready(nil, []byte(d)))
		if diff := sameBut(full, stripped); diff != "" {
			name := d
			if len(name) > 80 {
				name = name[:80]
			}
			t.Errorf("doc %d (%q): %s", i, name, diff)
		}
	}
}

// sameBut describes the first place where two trees differ other than in
// a comment's text or a script's or style's text, or returns "".
func sameBut(a, b *html.Node) string {
	if a.Type != b.Type || a.Namespace != b.Namespace || !reflect.DeepEqual(a.Attr, b.Attr) {
		return fmt.Sprintf("node %q against %q", a.Data, b.Data)
	}
	if a.Type != html.CommentNode && a.Data != b.Data {
		return fmt.Sprintf("node %q against %q", a.Data, b.Data)
	}
	if a.Type == html.ElementNode && (a.DataAtom == atom.Script || a.DataAtom == atom.Style) {
		return "" // text only, emptied
	}
	ca, cb := a.FirstChild, b.FirstChild
	for ; ca != nil && cb != nil; ca, cb = ca.NextSibling, cb.NextSibling {
		if d := sameBut(ca, cb); d != "" {
			return d
		}
	}
	if ca != nil || cb != nil {
		return fmt.Sprintf("children of %q differ in number", a.Data)
	}
	return ""
}

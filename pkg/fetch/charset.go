package fetch

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// toUTF8 decodes an HTML body to UTF-8. The label comes, in order, from a
// byte-order mark, the Content-Type header and <meta charset>; without one,
// or when a UTF-8 label is contradicted by the bytes, it is detected. A
// single- or double-byte label is contradicted by bytes that are valid
// UTF-8 with letters beyond ASCII: a CMS that moved its pages to UTF-8 and
// kept the old meta (windows-1251, Shift_JIS) is common, while legacy text
// that happens to be valid UTF-8 is not (Cyrillic in windows-1251 is a run
// of lead bytes UTF-8 cannot have).
//
// Detection is needed because the standard fallback, windows-1252, garbles
// the undeclared windows-1251 and windows-1254 pages that Russian and
// Turkish sites still serve.
func toUTF8(body []byte, contentType string) ([]byte, string, error) {
	name := declared(body, contentType)
	// valid is set where a way to "utf-8" below has found validUTF8(body)
	// true, and the body is not scanned a second time; detection also
	// answers "utf-8" for UTF-8 with a few stray bytes (mostlyUTF8),
	// which are replaced.
	valid := false
	if name == "utf-8" {
		if valid = validUTF8(body); !valid {
			name = ""
		}
	}
	if name != "" && name != "utf-8" && !isBOM(body) && !ascii(body) && validUTF8(body) && !utf16(name) {
		name, valid = "utf-8", true
	}
	if name == "" {
		name, valid = detectValid(body)
	}
	if name == "utf-8" {
		// Less its BOM and a rune cut off at the end, a valid body is
		// the page as it is: most pages, no copy.
		body = trimPartialRune(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
		if valid || utf8.Valid(body) {
			return body, name, nil
		}
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), name, nil
	}
	enc, _ := charset.Lookup(name)
	if enc == nil {
		return nil, name, &badContent{reason: "charset", detail: name}
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, name, fmt.Errorf("decode %s: %w", name, err)
	}
	// A decoder passes through bytes its table leaves undefined; the
	// output is promised to be valid UTF-8 all the same.
	return bytes.ToValidUTF8(out, []byte("\uFFFD")), name, nil
}

// declared returns the canonical name of the declared encoding, or "".
func declared(body []byte, contentType string) string {
	if isBOM(body) {
		_, name, _ := charset.DetermineEncoding(body[:3], "")
		return name
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if cs := params["charset"]; cs != "" {
			if e, name := charset.Lookup(cs); e != nil {
				return name
			}
		}
	}
	return metaCharset(body)
}

// ascii reports whether b has no byte beyond ASCII, when every
// ASCII-compatible label reads it the same.
func ascii(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// utf16 reports whether name is a UTF-16 label, whose bytes are not
// ASCII-compatible and so say nothing about UTF-8.
func utf16(name string) bool { return strings.HasPrefix(name, "utf-16") }

func isBOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) || bytes.HasPrefix(b, []byte("\xfe\xff")) || bytes.HasPrefix(b, []byte("\xff\xfe"))
}

// metaRE matches both <meta charset=x> and the http-equiv form's
// content="text/html; charset=x".
var metaRE = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)

// metaCharset finds a meta declaration in the first 1024 bytes, where the
// HTML prescan looks for it.
func metaCharset(body []byte) string {
	m := metaRE.FindSubmatch(body[:min(len(body), 1024)])
	if m == nil {
		return ""
	}
	if e, name := charset.Lookup(string(m[1])); e != nil {
		return name
	}
	return ""
}

// detect guesses the encoding of undeclared bytes. It knows the encodings
// wiredesk's languages are published in: UTF-8, windows-1251 and KOI8-R
// for Russian, windows-1254 and ISO-8859-9 for Turkish.
func detect(b []byte) string {
	name, _ := detectValid(b)
	return name
}

// detectValid is detect, and says whether bytes it reads as UTF-8 are
// valid UTF-8: UTF-8 with a few stray bytes is read as UTF-8 too
// (mostlyUTF8), the strays replaced.
func detectValid(b []byte) (string, bool) {
	if validUTF8(b) {
		return "utf-8", true
	}
	if mostlyUTF8(b) {
		return "utf-8", false
	}
	return detectLegacy(b), false
}

// mostlyUTF8 reports bytes that are UTF-8 but for a few strays (ten
// valid sequences a stray or more): a page put together from parts, one
// of which slipped in a windows-1252 byte (a no-break space, a curly
// quote), is UTF-8 all the same, where reading it as windows-1251 turns
// every "’" into "вЂ™". Text in a single-byte encoding is not: its
// letters are lone high bytes, and few chance to form a valid sequence
// with the bytes after them.
func mostlyUTF8(b []byte) bool {
	good, stray := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			stray++
		} else {
			good++
		}
		i += size
	}
	return good >= 10*stray
}

// detectLegacy guesses the single-byte encoding of bytes that are not
// UTF-8.
func detectLegacy(b []byte) string {
	// Russian words are made of high bytes, so a high byte's neighbour is
	// mostly another; a Turkish word has an accented letter here and there
	// between ASCII ones. Counting only high bytes keeps the ASCII of the
	// markup, however much of it there is, out of the decision.
	var high, paired, c1 int
	for i, c := range b {
		if c < 0x80 {
			continue
		}
		high++
		if c < 0xA0 {
			c1++
		}
		if (i > 0 && b[i-1] >= 0x80) || (i+1 < len(b) && b[i+1] >= 0x80) {
			paired++
		}
	}
	if paired*2 > high {
		if cyrillicScore(b, charmap.Windows1251) >= cyrillicScore(b, charmap.KOI8R) {
			return "windows-1251"
		}
		return "koi8-r"
	}
	if c1 == 0 && turkishScore(b, charmap.ISO8859_9) > 0 {
		// Without bytes in 0x80-0x9F the two read the same; the ISO name
		// is the honest one.
		return "iso-8859-9"
	}
	return "windows-1254"
}

// validUTF8 is utf8.Valid, forgiving a rune cut off at the end: a body
// truncated at the size cap is still the UTF-8 it was declared to be.
func validUTF8(b []byte) bool {
	return utf8.Valid(trimPartialRune(b))
}

// trimPartialRune drops an incomplete UTF-8 sequence at the end of b.
func trimPartialRune(b []byte) []byte {
	for k := 1; k <= utf8.UTFMax-1 && k <= len(b); k++ {
		tail := b[len(b)-k:]
		if utf8.RuneStart(tail[0]) {
			if !utf8.FullRune(tail) {
				return b[:len(b)-k]
			}
			return b
		}
	}
	return b
}

// cyrillicScore counts decoded letters among the commonest lowercase
// Russian letters. Read with the wrong table, windows-1251 lowercase comes
// out as KOI8-R uppercase and the other way round, so the right table wins
// by a wide margin on any real text.
func cyrillicScore(b []byte, enc encoding.Encoding) int {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return -1
	}
	n := 0
	for _, r := range string(out) {
		if strings.ContainsRune("оеаинтсрвлкмдпу", r) {
			n++
		}
	}
	return n
}

func turkishScore(b []byte, enc encoding.Encoding) int {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return -1
	}
	n := 0
	for _, r := range string(out) {
		if strings.ContainsRune("çğıöşüÇĞİÖŞÜ", r) {
			n++
		}
	}
	return n
}

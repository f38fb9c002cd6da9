package extract

import (
	"bytes"
	"unicode/utf8"
)

// Attributes nothing reads are taken out of start tags before the parse.
// After scripts and styles they are most of a page's bytes (data-*, src,
// srcset, inline SVG paths), and x/net/html copies each attribute's name
// and value twice (its NUL replacement, then a string) into the tree,
// where every scan of an element's attributes passes over them again.
//
// The tree parsed from the shortened page is the full page's tree without
// those attributes: each one is cut where the tokenizer itself delimits
// it (stripAttrs follows its states), and an element whose attributes the
// parser compares (the formatting elements, whose identical copies the
// active-formatting list limits) or the walk searches whole (<time>) keeps
// all of its own. One whose value may hold white space stays too: the
// byline reader looks for a writer's name in any attribute near a byline
// (capitalised), up to maxCaseAttr bytes long and in other case than the
// byline's line: a longer one (an SVG path, a srcset) goes, and so does
// one lowering leaves as it is (viewBox="0 0 24 24", sizes, a lower-case
// label). A source's rules may select on any attribute: with
// rules, nothing is cut.

// unreadAttr reports an attribute name (any case) that neither the walk,
// the hidden-element and account-box pruning, the metadata readers nor the
// parser read. An attribute the extractor comes to read must not be
// listed here; TestStripRawSameResult and TestStripAttrsSameTree compare
// the results and trees with and without the cut.
func unreadAttr(k []byte) bool {
	// The name lowercased, as far as the longest listed one.
	var buf [16]byte
	l := buf[:min(len(k), len(buf))]
	for i := range l {
		c := k[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		l[i] = c
	}
	switch {
	case len(k) > 5 && string(l[:5]) == "data-": // scripts' state and lazy-loading
		return true
	case len(k) > 2 && string(l[:2]) == "on": // event handlers
		return true
	case len(k) > 5 && string(l[:5]) == "aria-":
		return len(k) != len("aria-hidden") || string(l) != "aria-hidden"
	case len(k) > len(buf):
		return false
	}
	// The most frequent others on news pages.
	switch string(l) {
	case "src", "srcset", "sizes", "alt", "title", "target", "width", "height",
		"loading", "decoding", "tabindex", "async", "defer", "media",
		"crossorigin", "integrity", "referrerpolicy", "xmlns", "xlink:href",
		"viewbox", "d", "fill", "fill-rule", "clip-rule", "stroke", "stroke-width", "transform":
		return true
	}
	return false
}

// keepsAttrs reports a start tag whose attributes stay whole: <time>,
// whose attributes the walk searches for a machine date under any name,
// and the formatting elements, which the parser compares attribute for
// attribute (of three identical ones open at once, the earliest leaves
// the active formatting list). <a> is not among them: an <a> start tag
// first closes any <a> still in that list, so no two are ever compared.
func keepsAttrs(name []byte) bool {
	var buf [6]byte // the longest name below
	l, ok := lowerShort(buf[:], name)
	if !ok {
		return false
	}
	switch string(l) {
	case "time", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u":
		return true
	}
	return false
}

// lowerShort writes name with its ASCII capitals lowered into buf, as
// equalFoldASCII compares; ok is false when name is longer than buf. A
// switch on the result asks a tag name of a list in one comparison or
// two, where equalFoldASCII would be called for each name in turn.
func lowerShort(buf, name []byte) (_ []byte, ok bool) {
	if len(name) > len(buf) {
		return nil, false
	}
	for i, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(name)], true
}

// stripAttrs appends the start tag b[start:end] to dst without its unread
// attributes (in place, as prep.ready). nameEnd is where the tag's name
// ends, and b[end-1] is the '>' that endOfTag found.
// The attributes are read as the tokenizer reads them (x/net/html's
// readTag: name, optional spaces, '=', optional spaces, a quoted or bare
// value); where that reading does not end at the same '>', the tag is
// copied whole.
func stripAttrs(dst, b []byte, start, nameEnd, end int) []byte {
	// cuts are the spans [from, to) to leave out, and unread the names
	// of the unread attributes, cut or not: a handful at most.
	var cutBuf, nameBuf [8][2]int
	cuts, unread := cutBuf[:0], nameBuf[:0]
	p := skipSpaces(b, nameEnd, end)
	for p < end && b[p] != '>' {
		// The name runs to a space, '/', '>' or '=' ('=' only after
		// its first byte).
		key := p
		q := p
		for q < end {
			c := b[q]
			if c == '=' && q > key || c == '/' || c == '>' || spaceByte(c) {
				break
			}
			q++
		}
		keyEnd := q
		valEnd := keyEnd // a name alone: its value is empty
		var val []byte
		q = skipSpaces(b, q, end)
		switch {
		case q == end:
		case b[q] == '/':
			// A '/' after the name is consumed with it; it stays in
			// the tag, where it still reads as the self-closing mark.
			q++
		case b[q] == '=':
			// "=" and the value, empty when '>' follows.
			q = skipSpaces(b, q+1, end)
			if q == end {
				break
			}
			switch c := b[q]; c {
			case '>':
			case '"', '\'':
				j := bytes.IndexByte(b[q+1:end], c)
				if j < 0 {
					return append(dst, b[start:end]...)
				}
				val = b[q+1 : q+1+j]
				q += 1 + j + 1
			default:
				v := q
				for q < end && b[q] != '>' && !spaceByte(b[q]) {
					q++
				}
				val = b[v:q]
			}
			valEnd = q
		}
		if keyEnd > key && unreadAttr(b[key:keyEnd]) {
			// The tokenizer keeps the first of two attributes of
			// one name: with the first cut and the second kept, the
			// second would be read instead. Such a tag is copied
			// whole, and so is a name with a NUL, which the tokenizer
			// reads as U+FFFD.
			if bytes.IndexByte(b[key:keyEnd], 0) >= 0 {
				return append(dst, b[start:end]...)
			}
			for _, u := range unread {
				if equalFoldBytes(b[u[0]:u[1]], b[key:keyEnd]) {
					return append(dst, b[start:end]...)
				}
			}
			unread = append(unread, [2]int{key, keyEnd})
			if !mayHoldSpace(val) || longerRead(val, maxCaseAttr) || caseless(val) {
				// Cut the name and its value; the spaces around
				// stay, so that the neighbours read as before. A
				// following '=' would then be read as the value of
				// a bare name before the cut: such a tag is copied
				// whole.
				if next := skipSpaces(b, valEnd, end); next < end && b[next] == '=' {
					return append(dst, b[start:end]...)
				}
				cuts = append(cuts, [2]int{key, valEnd})
			}
		}
		p = skipSpaces(b, q, end)
	}
	if p != end-1 {
		return append(dst, b[start:end]...)
	}
	from := start
	for _, c := range cuts {
		dst = append(dst, b[from:c[0]]...)
		from = c[1]
	}
	return append(dst, b[from:end]...)
}

// equalFoldBytes reports a and b equal but for ASCII case.
func equalFoldBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// mayHoldSpace reports an attribute value that may hold white space once
// the tokenizer has read it: an ASCII space, a character reference ("&nbsp;")
// or a non-ASCII character (U+00A0, U+2009). A value with none stays cut:
// capitalised reads any attribute around a byline for a line of two
// words or more, which only a value with white space in it can hold.
func mayHoldSpace(v []byte) bool {
	for _, c := range v {
		if c >= utf8.RuneSelf || asciiSpace[c] != 0 || c == '&' {
			return true
		}
	}
	return false
}

// longerRead reports a value the tokenizer reads as longer than max
// bytes: it reads a value as written but for character references and
// "\r\n", which it shortens, and NUL, which it lengthens to U+FFFD; a
// value with neither of the first two is read at its length or longer.
func longerRead(v []byte, max int) bool {
	return len(v) > max && bytes.IndexByte(v, '&') < 0 && bytes.IndexByte(v, '\r') < 0
}

// caseless reports a value lowering leaves as it is, as the tokenizer
// reads it: ASCII with no capital letter and no character reference.
// attrCase takes a name's spelling only from a value that differs from
// its lowering where it holds the name.
func caseless(v []byte) bool {
	for _, c := range v {
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || c == '&' {
			return false
		}
	}
	return true
}

func skipSpaces(b []byte, i, end int) int {
	for i < end && spaceByte(b[i]) {
		i++
	}
	return i
}

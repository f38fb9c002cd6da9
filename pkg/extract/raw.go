package extract

import (
	"bytes"
)

// ready appends the page b to dst readied for the parse, in one scan: a
// title left open closed, and what p strips stripped. dst may be b[:0],
// for a strip in place: nothing is written ahead of where b is read (a
// title's end tag, the one thing added, moves the rest to a buffer of its
// own when it would be).
//
// The strip takes out the contents of <script> and <style> elements,
// which are half the bytes of a modern news page and which the walk skips
// anyway: the HTML tokenizer reads raw text a byte at a time, while this
// scan jumps between tag openings with bytes.IndexByte.
//
// The scan follows the tokenizer's states closely enough that the parsed
// tree is the same but for those text nodes: comments and the other
// raw-text and RCDATA elements (textarea, title, noscript, xmp, iframe,
// noembed, noframes) are copied as they are, and so is their "<script"
// text; tags are read to their end with quoted attribute values, so
// "<script" inside an attribute is no tag. A script whose text holds
// "<!--" may be in the tokenizer's escaped states, where "</script>" need
// not end it: it is left whole, and so are JSON-LD scripts, which the
// metadata reads.
//
// The tokenizer reads a title's text up to "</title", so one left open (a
// template that lost its end tag, "</titlevalue=…") swallows the whole
// page into the title and the page has no text at all. The page's first
// title, when it comes before <body>, is ended at its first line break or
// tag opening instead: the page's text is kept, and the title is its
// first line. One that runs to the end of the page is left as it is:
// there is no page to keep.
//
// With p.attrs, the attributes nothing reads are taken out of the start
// tags too (attrs.go).
func (p prep) ready(dst, b []byte) []byte {
	attrs := p.strip && p.attrs
	emit := func(from, to int) {
		dst = append(dst, b[from:to]...)
	}
	titled := false // a title or <body> seen: no title is closed after it
	i := 0
	for {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			emit(i, len(b))
			return dst
		}
		j += i
		emit(i, j)
		i = j
		rest := b[i:]
		if bytes.HasPrefix(rest, []byte("<!--")) {
			end := bytes.Index(rest[4:], []byte("-->"))
			if end < 0 {
				emit(i, len(b))
				return dst
			}
			if p.strip && plainComment(rest[4:4+end]) {
				// Nothing reads a comment's text: an empty one in its
				// place leaves the tree as it was, comment node and all.
				dst = append(dst, "<!---->"...)
			} else {
				emit(i, i+4+end+3)
			}
			i += 4 + end + 3
			continue
		}
		if end := markupEnd(rest); end > 0 {
			emit(i, i+end)
			i += end
			continue
		}
		name, ok := tagName(rest)
		if !ok {
			emit(i, i+1)
			i++
			continue
		}
		tagEnd := endOfTag(b, i+1+len(name))
		if tagEnd < 0 {
			emit(i, len(b))
			return dst
		}
		lower := rawElement(name)
		if lower == "" {
			if equalFoldASCII(name, "body") {
				titled = true
			}
			if attrs && !keepsAttrs(name) {
				dst = stripAttrs(dst, b, i, i+1+len(name), tagEnd)
			} else {
				emit(i, tagEnd)
			}
			i = tagEnd
			continue
		}
		if lower == "plaintext" {
			emit(i, len(b))
			return dst
		}
		close := closingTag(b, tagEnd, lower)
		open := false // a first title with no end tag: ended at close
		if lower == "title" && !titled {
			titled = true
			if close < 0 {
				if end := bytes.IndexAny(b[tagEnd:], "<\n"); end >= 0 {
					close, open = tagEnd+end, true
				}
			}
		}
		if close < 0 {
			emit(i, len(b))
			return dst
		}
		body := b[tagEnd:close]
		strip := p.strip && (lower == "script" || lower == "style") && !bytes.Contains(body, []byte("<!--"))
		if strip && lower == "script" && bytes.Contains(bytes.ToLower(b[i:tagEnd]), []byte("ld+json")) {
			strip = false
		}
		if attrs {
			dst = stripAttrs(dst, b, i, i+1+len(name), tagEnd)
		} else {
			emit(i, tagEnd)
		}
		if !strip {
			emit(tagEnd, close)
		}
		i = close
		if open {
			if len(dst)+len("</title>") > i && len(b) > 0 && cap(dst) > 0 && &dst[:1][0] == &b[0] {
				// In place, the end tag would overwrite what is not
				// read yet.
				dst = append(make([]byte, 0, len(dst)+len(b)-i+len("</title>")), dst...)
			}
			dst = append(dst, "</title>"...)
		}
	}
}

// plainComment reports a comment's text (what follows "<!--" up to the
// first "-->") that the tokenizer reads to that same "-->": it ends a
// comment at the first "-->" or "--!>", and at once on "<!-->" and
// "<!--->".
func plainComment(body []byte) bool {
	return !bytes.HasPrefix(body, []byte(">")) && !bytes.HasPrefix(body, []byte("->")) &&
		!bytes.Contains(body, []byte("--!>"))
}

// markupEnd returns the length of the doctype, bogus comment, CDATA
// section or end tag at the head of s ("<!", "<?", "</"), as far as the
// tokenizer reads it, or 0 for anything else. Nothing inside is a tag:
// "<script" in "<!<script …>" or in an end tag's quoted attribute is
// comment or attribute text. A section with no end runs to the end of s.
func markupEnd(s []byte) int {
	if len(s) < 2 {
		return 0
	}
	var end int
	switch {
	case s[1] == '/' && len(s) > 2 && isASCIILetter(s[2]):
		end = endOfTag(s, 3) // the tokenizer reads an end tag's attributes too
	case bytes.HasPrefix(s, []byte("<![CDATA[")):
		// CDATA in SVG or MathML runs to "]]>"; elsewhere it is a
		// comment to the first '>', and copying to "]]>" only copies
		// more markup as it is.
		if end = bytes.Index(s, []byte("]]>")); end >= 0 {
			end += 3
		}
	case s[1] == '!' || s[1] == '?' || s[1] == '/':
		if end = bytes.IndexByte(s, '>'); end >= 0 {
			end++
		}
	default:
		return 0
	}
	if end < 0 {
		return len(s)
	}
	return end
}

// tagName returns the element name of a start tag at the head of s ("<p",
// "<Script"), as the tokenizer reads it: a letter, then anything up to a
// space, "/" or ">".
func tagName(s []byte) ([]byte, bool) {
	if len(s) < 2 || !isASCIILetter(s[1]) {
		return nil, false
	}
	n := 2
	for n < len(s) {
		switch s[n] {
		case ' ', '\t', '\n', '\f', '\r', '/', '>':
			return s[1:n], true
		}
		n++
	}
	return s[1:n], true
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// endOfTag returns the position after the ">" that ends the tag whose
// attributes start at i, skipping quoted attribute values; -1 if none.
func endOfTag(b []byte, i int) int {
	var quote byte
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			// Inside a quoted value (URLs, class lists, data-* JSON):
			// straight to its closing quote.
			j := bytes.IndexByte(b[i:], quote)
			if j < 0 {
				return -1
			}
			i += j
			quote = 0
		case c == '>':
			return i + 1
		case c == '"' || c == '\'':
			// A quote opens a value only after "=" (and spaces).
			k := i - 1
			for k >= 0 && spaceByte(b[k]) {
				k--
			}
			if k >= 0 && b[k] == '=' {
				quote = c
			}
		}
	}
	return -1
}

// closingTag finds "</name" (any case) followed by a space, "/" or ">"
// from i, as the tokenizer ends a raw-text element; -1 if none.
func closingTag(b []byte, i int, name string) int {
	for {
		j := bytes.Index(b[i:], []byte("</"))
		if j < 0 {
			return -1
		}
		j += i
		k := j + 2 + len(name)
		if k <= len(b) && equalFoldASCII(b[j+2:k], name) {
			if k == len(b) {
				return j
			}
			switch b[k] {
			case ' ', '\t', '\n', '\f', '\r', '/', '>':
				return j
			}
		}
		i = j + 2
	}
}

// rawElement returns the lower-case name of a raw-text or RCDATA element
// (one whose content the tokenizer reads as text up to its end tag), or ""
// for any other tag name.
func rawElement(name []byte) string {
	var buf [9]byte // the longest name
	l, ok := lowerShort(buf[:], name)
	if !ok {
		return ""
	}
	switch string(l) {
	case "script":
		return "script"
	case "style":
		return "style"
	case "textarea":
		return "textarea"
	case "title":
		return "title"
	case "noscript":
		return "noscript"
	case "xmp":
		return "xmp"
	case "iframe":
		return "iframe"
	case "noembed":
		return "noembed"
	case "noframes":
		return "noframes"
	case "plaintext":
		return "plaintext"
	}
	return ""
}

func equalFoldASCII(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

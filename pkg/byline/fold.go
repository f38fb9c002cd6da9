package byline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold lower-cases the first max runes of s for matching words as
// writers type them: Turkish dotted and dotless i are i, the Turkish
// letters and the circumflexed vowels lose their marks (ş → s, â → a),
// and ё → е and й → и, which Russian writers mix up. So "HÜRRİYET",
// "Hürriyet" and "hurriyet" fold alike, and "Читайте" and "читаите".
// Every other rune is unicode.ToLower's. It maps rune for rune, so a
// folded prefix is as many runes long as the text's (ß stays ß).
//
// ASCII is lowered in place and the rest below U+0800 (every letter of
// Turkish and Russian) read from foldRunes, foldRune's answers
// (foldtable.go). An invalid byte becomes U+FFFD, as strings.Map writes it.
func Fold(s string, max int) string {
	// What folding leaves as it is needs no copy: a word in lower case
	// already, as most of those byline matches are, is returned as it is.
	i, n := 0, 0
	for ; i < len(s) && n < max; n++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || foldTable(r) != r {
			break
		}
		i += size
	}
	if i == len(s) || n == max {
		return s[:i]
	}
	var sb strings.Builder
	// One allocation for the whole: the folded runes take as many bytes
	// as the page's, or fewer, all but never more.
	sb.Grow(min(len(s), 4*max))
	sb.WriteString(s[:i])
	for ; i < len(s) && n < max; n++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			sb.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		sb.WriteRune(foldTable(r))
	}
	return sb.String()
}

// foldTable is foldRune, from foldRunes below U+0800.
func foldTable(r rune) rune {
	if r < 0x800 {
		return rune(foldRunes[r])
	}
	return foldRune(r)
}

// fold is Fold of the whole of s.
func fold(s string) string { return Fold(s, len(s)) }

// foldRune is Fold's mapping of one rune.
func foldRune(r rune) rune {
	switch r {
	case 'İ', 'I', 'ı', 'î', 'Î':
		return 'i'
	case 'Ş', 'ş':
		return 's'
	case 'Ğ', 'ğ':
		return 'g'
	case 'Ü', 'ü', 'û', 'Û':
		return 'u'
	case 'Ö', 'ö':
		return 'o'
	case 'Ç', 'ç':
		return 'c'
	case 'Â', 'â':
		return 'a'
	case 'Ё', 'ё':
		return 'е'
	case 'Й', 'й':
		return 'и'
	}
	return unicode.ToLower(r)
}

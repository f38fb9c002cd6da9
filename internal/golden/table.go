package golden

import (
	"bytes"
	"fmt"
	"go/format"
	"testing"
)

// Rows writes the entries of an array literal indexed by character, for
// the characters below end, perLine to a line, each line opened with the
// character it starts at ("\t/* 0x0410 */ 0x0430, 0x0431, ..."): the
// layout of the packages' generated lookup tables, so that a table
// reads the same in each.
func Rows(b *bytes.Buffer, end rune, perLine int, value func(r rune) string) {
	n := rune(perLine)
	for r := rune(0); r < end; r++ {
		if r%n == 0 {
			fmt.Fprintf(b, "\t/* %#04x */ ", r)
		}
		b.WriteString(value(r) + ",")
		if r%n == n-1 {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
	}
}

// CheckGo formats src, a generated Go file, and checks it against the
// file at path as Check does.
func CheckGo(t testing.TB, path string, src []byte, update bool) {
	t.Helper()
	out, err := format.Source(src)
	if err != nil {
		t.Fatalf("%s: generated source: %v", path, err)
	}
	Check(t, path, out, update)
}

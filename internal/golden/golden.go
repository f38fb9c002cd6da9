// Package golden compares a test's output with a golden file and, when the
// test binary runs with its -update flag, rewrites the file instead. The
// flag stays in each test package, which passes its value in.
package golden

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Check compares got with the file at path, or writes got there when
// update is set (creating the directory).
func Check(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	if len(got)+len(want) <= maxShown {
		t.Errorf("%s differs from the golden file (run with -update to accept):\n got: %s\nwant: %s", path, got, want)
		return
	}
	// A large file (a generated table) is shown by its first line that
	// differs.
	gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	i := 0
	for i < len(gl) && i < len(wl) && bytes.Equal(gl[i], wl[i]) {
		i++
	}
	line := func(ls [][]byte) []byte {
		if i < len(ls) {
			return ls[i]
		}
		return []byte("(end of file)")
	}
	t.Errorf("%s differs from the golden file at line %d (run with -update to accept):\n got: %s\nwant: %s", path, i+1, line(gl), line(wl))
}

// maxShown is the most bytes of got and want a mismatch prints whole.
const maxShown = 8 << 10

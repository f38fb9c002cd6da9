package gittree

import (
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFiles reads the same tree from a directory and from a bare clone of
// it: both give the same files, by the same names.
func TestFiles(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	work := t.TempDir()
	for name, body := range map[string]string{
		"a/one.html":       "<p>bir</p>",
		"a/b/two.htm":      "<p>два</p>",
		"a/skip.txt":       "not wanted",
		"other/three.html": "<p>outside the prefix</p>",
	} {
		p := filepath.Join(work, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git := func(dir string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v: %s", args, err, out)
		}
	}
	git(work, "init", "-q")
	git(work, "add", ".")
	git(work, "commit", "-q", "-m", "pages")
	bare := filepath.Join(t.TempDir(), "repo.git")
	git(work, "clone", "-q", "--bare", work, bare)

	html := func(name string) bool { return strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm") }
	tests := []struct {
		name, prefix string
		want         map[string]string
	}{
		{"all", "", map[string]string{"a/one.html": "<p>bir</p>", "a/b/two.htm": "<p>два</p>", "other/three.html": "<p>outside the prefix</p>"}},
		{"prefix", "a", map[string]string{"one.html": "<p>bir</p>", "b/two.htm": "<p>два</p>"}},
	}
	for _, tt := range tests {
		for _, src := range []struct{ kind, dir string }{{"dir", work}, {"bare", bare}} {
			t.Run(tt.name+"/"+src.kind, func(t *testing.T) {
				files, err := Files(src.dir, tt.prefix, html)
				if err != nil {
					t.Fatal(err)
				}
				got := map[string]string{}
				for k, v := range files {
					if strings.HasPrefix(k, ".git/") {
						continue // the work tree's own repository
					}
					got[k] = string(v)
				}
				if !maps.Equal(got, tt.want) {
					t.Errorf("Files(%s, %q) = %v, want %v", src.kind, tt.prefix, got, tt.want)
				}
			})
		}
	}
	if !IsBare(bare) || IsBare(work) {
		t.Errorf("IsBare: bare %v, work tree %v", IsBare(bare), IsBare(work))
	}
}

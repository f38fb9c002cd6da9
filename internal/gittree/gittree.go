// Package gittree reads the files under a folder of a directory, or of a
// bare git repository's HEAD, so that the benchmarks read a fetched
// mirror as it is, without a checkout beside it.
package gittree

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// IsBare reports whether dir is a bare git repository: it has HEAD and
// objects/ of its own.
func IsBare(dir string) bool {
	st, err := os.Stat(filepath.Join(dir, "objects"))
	if err != nil || !st.IsDir() {
		return false
	}
	_, err = os.Stat(filepath.Join(dir, "HEAD"))
	return err == nil
}

// Files returns the files under prefix ("" for all) of dir whose base
// name want accepts, by their slash-separated path relative to prefix.
// A bare repository is read from its HEAD in one `git archive` stream.
func Files(dir, prefix string, want func(name string) bool) (map[string][]byte, error) {
	if IsBare(dir) {
		return gitFiles(dir, prefix, want)
	}
	root := filepath.Join(dir, filepath.FromSlash(prefix))
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !want(d.Name()) {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", root, err)
	}
	return files, nil
}

func gitFiles(dir, prefix string, want func(string) bool) (map[string][]byte, error) {
	argv := []string{"--git-dir", dir, "archive", "--format=tar", "HEAD"}
	if prefix != "" {
		argv = append(argv, prefix)
	}
	cmd := exec.Command("git", argv...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git archive %s: %w: %s", dir, err, strings.TrimSpace(stderr.String()))
	}
	files := map[string][]byte{}
	tr := tar.NewReader(bytes.NewReader(out))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return files, nil
		}
		if err != nil {
			return nil, fmt.Errorf("git archive %s: %w", dir, err)
		}
		rel := h.Name
		if prefix != "" {
			var ok bool
			if rel, ok = strings.CutPrefix(h.Name, strings.TrimSuffix(prefix, "/")+"/"); !ok {
				continue
			}
		}
		if h.Typeflag != tar.TypeReg || !want(path.Base(rel)) {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("git archive %s: %s: %w", dir, h.Name, err)
		}
		files[rel] = b
	}
}

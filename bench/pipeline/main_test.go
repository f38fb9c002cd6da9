package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteResults(t *testing.T) {
	const (
		services = "# Pipeline benchmark\n\nold services table\n"
		bp       = bpHeading + "\n\nold back-pressure table\n"
	)
	tests := []struct {
		name string
		old  string // "" for no file
		text string
		bp   bool
		want string
	}{
		{"services, new file", "", "# Pipeline benchmark\n\nnew\n", false, "# Pipeline benchmark\n\nnew\n"},
		{"services keep back-pressure", services + "\n" + bp, "# Pipeline benchmark\n\nnew\n", false,
			"# Pipeline benchmark\n\nnew\n\n" + bp},
		{"back-pressure, new file", "", bpHeading + "\n\nnew\n", true, bpHeading + "\n\nnew\n"},
		{"back-pressure appended", services, bpHeading + "\n\nnew\n", true, services + "\n" + bpHeading + "\n\nnew\n"},
		{"back-pressure replaced", services + "\n" + bp, bpHeading + "\n\nnew\n", true,
			services + "\n" + bpHeading + "\n\nnew\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "RESULTS.md")
			if tt.old != "" {
				if err := os.WriteFile(path, []byte(tt.old), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := writeResults(path, tt.text, tt.bp); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

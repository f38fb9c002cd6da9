package config

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary YAML to the configuration parser and
// validator: a bad file must be an error, never a panic.
func FuzzParse(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "full.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte("sources:\n  - id: a\n    feeds: [https://a.example/rss]\n"))
	f.Add([]byte("sink:\n  batch_wait: soon\n"))
	f.Add([]byte("nats: [1, 2]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg := Default()
		if err := Parse(data, &cfg); err != nil {
			return
		}
		_ = cfg.Validate()
	})
}

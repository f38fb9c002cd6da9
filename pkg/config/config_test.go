package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/config"
)

func TestLoadLayers(t *testing.T) {
	cfg, err := config.Load("testdata/full.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.ApplyEnv([]string{
		"HOME=/root",
		"WIREDESK_NATS_URL=nats://env:4222",
		"WIREDESK_SINK_BATCH_WAIT=250ms",
		"WIREDESK_CLASSIFIER_LANGUAGES=tr, ru ,az",
	}); err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"file overrides default", cfg.Log.Format, "json"},
		{"default kept", cfg.Fetcher.MaxBody, int64(5 << 20)},
		{"env overrides file", cfg.NATS.URL, "nats://env:4222"},
		{"env duration", cfg.Sink.BatchWait, 250 * time.Millisecond},
		{"env list", strings.Join(cfg.Classifier.Languages, ","), "tr,ru,az"},
		{"file duration", cfg.Streams.Pages.MaxAge, 168 * time.Hour},
		{"file keeps unset default", cfg.Streams.Articles.MaxAge, 30 * 24 * time.Hour},
		{"sources", len(cfg.Sources), 2},
		{"source interval", cfg.Sources[0].Interval, 5 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key", "nats:\n  urll: x\n", "field urll not found"},
		{"bad duration", "sink:\n  batch_wait: soon\n", "batch_wait"},
		{"bad type", "classifier:\n  workers: many\n", "workers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.yaml")
			if err := os.WriteFile(path, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := config.Load(path)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load() = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *config.Config)
		want   string
	}{
		{"defaults are valid", func(c *config.Config) {}, ""},
		{"log format", func(c *config.Config) { c.Log.Format = "xml" }, `log.format: "xml" is not text or json`},
		{"shard", func(c *config.Config) { c.Fetcher.Shard = "3/3" }, "fetcher.shard"},
		{"store", func(c *config.Config) { c.Sink.Store = "mysql://x" }, "sink.store"},
		{"replicas", func(c *config.Config) { c.Streams.Replicas = 0 }, "streams.replicas"},
		{"every problem reported", func(c *config.Config) { c.Log.Level = "loud"; c.Sink.BatchSize = 0 }, "sink.batch_size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := config.Default()
			tt.change(&c)
			err := c.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate() = %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Validate() = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestApplyEnvErrors(t *testing.T) {
	tests := []struct{ env, want string }{
		{"WIREDESK_NATS_URLS=x", "unknown variable WIREDESK_NATS_URLS"},
		{"WIREDESK_SINK_BATCH_SIZE=lots", "WIREDESK_SINK_BATCH_SIZE"},
		{"WIREDESK_SINK_STORE_ALL=maybe", "WIREDESK_SINK_STORE_ALL"},
	}
	for _, tt := range tests {
		t.Run(tt.env, func(t *testing.T) {
			c := config.Default()
			err := c.ApplyEnv([]string{tt.env})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ApplyEnv() = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestApplyEnvPassesOverTestVariables(t *testing.T) {
	c := config.Default()
	if err := c.ApplyEnv([]string{"WIREDESK_TEST_POSTGRES=postgres://x", "WIREDESK_NATS_URL=nats://a:4222"}); err != nil {
		t.Fatalf("ApplyEnv() = %v, want WIREDESK_TEST_* passed over", err)
	}
	if c.NATS.URL != "nats://a:4222" {
		t.Errorf("nats.url = %q", c.NATS.URL)
	}
}

func TestFromEnvReadsConfigPath(t *testing.T) {
	cfg, err := config.FromEnv("", []string{"WIREDESK_CONFIG=testdata/full.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Streams.Replicas != 3 {
		t.Errorf("WIREDESK_CONFIG was not read: replicas = %d", cfg.Streams.Replicas)
	}
}

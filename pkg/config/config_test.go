package config_test

import (
	"fmt"
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
		"WIREDESK_FETCHER_BACKFILL_GC_PERCENT=200",
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
		{"env integer", cfg.Fetcher.BackfillGCPercent, 200},
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
		{"unknown key", "nats:\n  urll: x\n", "unknown key nats.urll (line 2 of "},
		{"did you mean", "fetcher:\n  listen: x\n  concurency: 4\n", "; did you mean concurrency?"},
		{"unknown top-level key", "sinks:\n  store: x\n", "unknown key sinks (line 1 of "},
		{"unknown source key", "sources:\n  - id: a\n    feed: [x]\n", "unknown key sources[0].feed (line 3 of "},
		{"bad duration", "sink:\n  batch_wait: soon\n", `sink.batch_wait (line 2 of `},
		{"duration without unit", "sink:\n  batch_wait: 30\n", "durations need a unit, as in 30s"},
		{"bad integer", "classifier:\n  workers: two\n", `classifier.workers (line 2 of `},
		{"bad integer plain", "classifier:\n  workers: two\n", `"two" is not a whole number`},
		{"bad bool", "sink:\n  store_all: maybe\n", `"maybe" is not true or false`},
		{"list wanted", "classifier:\n  languages: tr\n", "want a list"},
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
		{"sqlite without a path", func(c *config.Config) { c.Sink.Store = "sqlite:" }, "sqlite: needs a path"},
		{"nats url typo", func(c *config.Config) { c.NATS.URL = "nats//127.0.0.1:4222" }, `nats.url: NATS URL "nats//127.0.0.1:4222"`},
		{"replicas", func(c *config.Config) { c.Streams.Replicas = 0 }, "streams.replicas"},
		{"discovery cap", func(c *config.Config) { c.Fetcher.MaxSitemapURLs = -1 }, "fetcher.max_sitemap_urls: must not be negative"},
		{"backfill GOGC", func(c *config.Config) { c.Fetcher.BackfillGCPercent = -1 }, "fetcher.backfill_gc_percent: must not be negative"},
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
		{"WIREDESK_SINK_BATCH_SIZE=lots", `WIREDESK_SINK_BATCH_SIZE (sink.batch_size): "lots" is not a whole number`},
		{"WIREDESK_SINK_BATCH_WAIT=30", "durations need a unit, as in 30s"},
		{"WIREDESK_SINK_BATCH_SZE=1", "did you mean WIREDESK_SINK_BATCH_SIZE?"},
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

// Validation errors of values from the file name the file and the line;
// a value set since by the environment names none, rather than a wrong one.
func TestValidateNamesTheLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wiredesk.yaml")
	data := "log:\n  level: loud\nsink:\n  batch_size: 0\n  retention: 1m\nsources:\n  - id: a\n    lang: tr\n"
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.ApplyEnv([]string{"WIREDESK_SINK_BATCH_SIZE=-1"}); err != nil {
		t.Fatal(err)
	}
	got := cfg.Validate().Error()
	for _, want := range []string{
		"log.level (line 2 of " + path + "):",
		"sink.retention (line 5 of " + path + "):",
		"sources[0] (line 7 of " + path + "):",
		"sink.batch_size: must be at least 1",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Validate() lacks %q:\n%s", want, got)
		}
	}
}

// Passwords never reach a configuration error: malformed DSNs and URLs
// that carry one, in the file, the environment and the defaults.
func TestErrorsRedactPasswords(t *testing.T) {
	const pw = "Pa55-word"
	tests := []struct{ name, key, value string }{
		{"key=value DSN", "store", "host=db user=wd password=" + pw + " dbname=w"},
		{"key=value DSN quoted", "store", "host=db password='" + pw + "'"},
		{"postgres URL bad port", "store", "postgres://wd:" + pw + "@db:54x2/w"},
		{"postgres URL bad escape", "store", "postgres://wd:" + pw + "%zz@db/w"},
		{"unknown scheme", "store", "mysql://wd:" + pw + "@db/w"},
		{"no scheme", "store", "wd:" + pw + "@db/w"},
		{"nats URL typo", "nats", "nats//wd:" + pw + "@127.0.0.1:4222"},
		{"nats URL bad port", "nats", "nats://wd:" + pw + "@127.0.0.1:42x2"},
		{"nats URL bad scheme", "nats", "http://wd:" + pw + "@127.0.0.1:4222"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			yamlKey := map[string]string{"store": "sink:\n  store: ", "nats": "nats:\n  url: "}[tt.key]
			envKey := map[string]string{"store": "WIREDESK_STORE=", "nats": "WIREDESK_NATS_URL="}[tt.key]
			path := filepath.Join(t.TempDir(), "c.yaml")
			if err := os.WriteFile(path, []byte(yamlKey+"'"+strings.ReplaceAll(tt.value, "'", "''")+"'\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			var printed []string
			cfg, err := config.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			printed = append(printed, fmt.Sprint(cfg.Validate()))
			cfg = config.Default()
			if err := cfg.ApplyEnv([]string{envKey + tt.value}); err != nil {
				t.Fatal(err)
			}
			printed = append(printed, fmt.Sprint(cfg.Validate()))
			for _, p := range printed {
				if p == "<nil>" {
					t.Errorf("%q was accepted", tt.value)
				}
				if strings.Contains(p, pw) {
					t.Errorf("the password was printed: %s", p)
				}
			}
		})
	}
}

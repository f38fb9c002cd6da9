// Package config is wiredesk's configuration: one YAML file shared by every
// service, its defaults and the WIREDESK_* environment variables. Flags
// belong to package main, which applies them last: defaults, then file,
// then environment, then flags.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/fetch"
)

// Config is the whole configuration file.
type Config struct {
	Log        Log               `yaml:"log"`
	NATS       bus.Config        `yaml:"nats"`
	Streams    bus.StreamsConfig `yaml:"streams"`
	Fetcher    Fetcher           `yaml:"fetcher"`
	Classifier Classifier        `yaml:"classifier"`
	Sink       Sink              `yaml:"sink"`
	Sources    []fetch.Source    `yaml:"sources"`

	// src says where the file set each key, for validation errors.
	src *origin
}

// Log configures slog.
type Log struct {
	Format string `yaml:"format"` // text or json
	Level  string `yaml:"level"`  // debug, info, warn, error
}

// Fetcher configures the fetcher service.
type Fetcher struct {
	Listen    string `yaml:"listen"` // admin HTTP: /metrics, /healthz, /readyz
	UserAgent string `yaml:"user_agent"`
	// Contact (a URL or address) is sent in the User-Agent so that site
	// operators can reach whoever runs the crawler.
	Contact      string `yaml:"contact"`
	IgnoreRobots bool   `yaml:"ignore_robots"` // only for sites you own
	// AllowPrivate lets the fetcher reach loopback and private addresses;
	// off by default so that a feed cannot aim it at the local network.
	AllowPrivate bool          `yaml:"allow_private"`
	Retries      int           `yaml:"retries"` // for transient failures; -1 for none
	Timeout      time.Duration `yaml:"timeout"`
	MaxBody      int64         `yaml:"max_body"`
	Concurrency  int           `yaml:"concurrency"`
	// The discovery caps (see fetch.Config): URLs per poll of a source,
	// URLs taken from one sitemap, child sitemaps followed from one index.
	MaxPollURLs        int `yaml:"max_poll_urls"`
	MaxSitemapURLs     int `yaml:"max_sitemap_urls"`
	MaxSitemapChildren int `yaml:"max_sitemap_children"`
	// Shard is "i/n": this fetcher polls the sources whose id hashes to i.
	Shard string `yaml:"shard"`
	// BackfillGCPercent is the garbage collector's GOGC for "fetcher
	// backfill"; 0 leaves the runtime's (the GOGC variable, else 100).
	// A backfill's live heap is a few MB while it allocates a page's
	// worth a record, so at 100 it collects a dozen times a second;
	// the crawl keeps the runtime's, as its live heap follows what its
	// sources list.
	BackfillGCPercent int `yaml:"backfill_gc_percent"`
}

// Classifier configures the classifier service.
type Classifier struct {
	Listen    string   `yaml:"listen"`
	Workers   int      `yaml:"workers"`
	Languages []string `yaml:"languages"`
	Profile   string   `yaml:"profile"`
	Threshold float64  `yaml:"threshold"`
}

// Sink configures the sink service.
type Sink struct {
	Listen string `yaml:"listen"`
	// Store is sqlite:PATH or postgres://...
	Store string `yaml:"store"`
	// StoreAll keeps every cleaned article, not only the relevant ones.
	StoreAll  bool          `yaml:"store_all"`
	Workers   int           `yaml:"workers"`
	BatchSize int           `yaml:"batch_size"`
	BatchWait time.Duration `yaml:"batch_wait"`
	// APIListen serves the read-only API and the reader UI; "" turns
	// them off.
	APIListen string `yaml:"api_listen"`
	// APIToken, when set, is required as a bearer token by the API and UI.
	APIToken string `yaml:"api_token"`
	// Retention deletes articles older than this (by publication time);
	// 0 keeps them forever.
	Retention time.Duration `yaml:"retention"`
}

// Default returns the built-in configuration: one machine, NATS on
// localhost, SQLite under ./data.
func Default() Config {
	return Config{
		Log:     Log{Format: "text", Level: "info"},
		NATS:    bus.Config{URL: "nats://127.0.0.1:4222", MaxPending: 256},
		Streams: bus.DefaultStreams(),
		Fetcher: Fetcher{
			Listen:      "127.0.0.1:9101",
			UserAgent:   "wiredesk/0.1 (+https://github.com/wiredesk/wiredesk)",
			Timeout:     30 * time.Second,
			MaxBody:     5 << 20,
			Concurrency: 8,

			MaxPollURLs:        fetch.DefaultMaxPollURLs,
			MaxSitemapURLs:     fetch.DefaultMaxSitemapURLs,
			MaxSitemapChildren: fetch.DefaultMaxSitemapChildren,
			Shard:              "0/1",
			BackfillGCPercent:  400,
		},
		Classifier: Classifier{
			Listen: "127.0.0.1:9102",
			// A page waits on four round trips to NATS (its observation
			// out to the shared memory and back, its result's ack, the
			// memory's last sequence) for every two milliseconds of CPU:
			// with two workers a classifier stood two thirds idle. At
			// eight, a runtime trace of a backfill (on a loaded machine) still had its workers
			// blocked two thirds of their time on those round trips (the
			// shared memory's batch 38%, the result's ack 29%), and once
			// the fetcher had finished, the classifier draining PAGES
			// was the only stage left to fill the cores.
			Workers:   16,
			Languages: []string{"tr", "ru"},
		},
		Sink: Sink{
			Listen:    "127.0.0.1:9103",
			Store:     "sqlite:./data/wiredesk.db",
			Workers:   256,
			BatchSize: 256,
			BatchWait: 50 * time.Millisecond,
			APIListen: "127.0.0.1:8080",
		},
	}
}

// Load returns the defaults overlaid with the file at path ("" for none).
// Unknown keys are errors: a misspelt key that silently does nothing is
// worse than a refusal to start.
func Load(path string) (Config, error) {
	cfg := Default()
	if path == "" {
		return cfg, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return cfg, fmt.Errorf("config: %w", err)
	}
	if err := parse(data, path, &cfg); err != nil {
		return cfg, fmt.Errorf("config: %w", err)
	}
	return cfg, nil
}

// Parse overlays the YAML in data on cfg.
func Parse(data []byte, cfg *Config) error { return parse(data, "", cfg) }

// parse is Parse for the file named file, which errors name.
func parse(data []byte, file string, cfg *Config) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	// An empty file means "only the defaults".
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		err = nameFields(data, file, err)
		if file != "" && !strings.Contains(err.Error(), file) {
			err = fmt.Errorf("%s: %w", file, err)
		}
		return err
	}
	cfg.src = newOrigin(data, file)
	return nil
}

// Validate checks the whole configuration and reports every problem,
// each with its key and, for a value from the file, its line. No error
// repeats a password.
func (c *Config) Validate() error {
	var errs []error
	// add reports a problem with key, whose value is v (nil: a whole
	// mapping or list item).
	add := func(key string, v any, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s%s: %s", key, c.src.where(key, v), fmt.Sprintf(format, args...)))
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		add("log.format", c.Log.Format, "%q is not text or json", c.Log.Format)
	}
	if _, err := ParseLevel(c.Log.Level); err != nil {
		add("log.level", c.Log.Level, "%v", err)
	}
	if c.NATS.URL == "" {
		add("nats.url", c.NATS.URL, "is empty")
	} else if err := bus.CheckURL(c.NATS.URL); err != nil {
		add("nats.url", c.NATS.URL, "%v", err)
	}
	if c.Streams.Replicas < 1 || c.Streams.Replicas > 5 {
		add("streams.replicas", c.Streams.Replicas, "%d is not between 1 and 5", c.Streams.Replicas)
	}
	if _, _, err := ParseShard(c.Fetcher.Shard); err != nil {
		add("fetcher.shard", c.Fetcher.Shard, "%v", err)
	}
	if c.Fetcher.MaxBody <= 0 {
		add("fetcher.max_body", c.Fetcher.MaxBody, "must be positive")
	}
	for _, lim := range []struct {
		key string
		v   int
	}{{"fetcher.max_poll_urls", c.Fetcher.MaxPollURLs}, {"fetcher.max_sitemap_urls", c.Fetcher.MaxSitemapURLs},
		{"fetcher.max_sitemap_children", c.Fetcher.MaxSitemapChildren}, {"fetcher.backfill_gc_percent", c.Fetcher.BackfillGCPercent}} {
		if lim.v < 0 {
			add(lim.key, lim.v, "must not be negative (0 means the default)")
		}
	}
	if c.Classifier.Workers < 1 {
		add("classifier.workers", c.Classifier.Workers, "must be at least 1")
	}
	if len(c.Classifier.Languages) == 0 {
		add("classifier.languages", nil, "is empty")
	}
	if err := CheckStore(c.Sink.Store); err != nil {
		add("sink.store", c.Sink.Store, "%v", err)
	}
	if c.Sink.Retention < 0 {
		add("sink.retention", c.Sink.Retention, "%v is negative", c.Sink.Retention)
	} else if c.Sink.Retention > 0 && c.Sink.Retention < time.Hour {
		add("sink.retention", c.Sink.Retention, "%v is under an hour: too short to be meant", c.Sink.Retention)
	}
	if c.Sink.BatchSize < 1 {
		add("sink.batch_size", c.Sink.BatchSize, "must be at least 1")
	}
	ids := map[string]bool{}
	for i := range c.Sources {
		s := &c.Sources[i]
		key := fmt.Sprintf("sources[%d]", i)
		if err := s.Validate(); err != nil {
			add(key, nil, "%v", err)
		}
		if ids[s.ID] {
			add(key+".id", s.ID, "%q is used twice", s.ID)
		}
		ids[s.ID] = true
	}
	return errors.Join(errs...)
}

// ParseShard parses "i/n" with 0 <= i < n.
func ParseShard(s string) (i, n int, err error) {
	if _, err := fmt.Sscanf(s, "%d/%d", &i, &n); err != nil {
		return 0, 0, fmt.Errorf("%q is not i/n", s)
	}
	if n < 1 || i < 0 || i >= n {
		return 0, 0, fmt.Errorf("%q: want 0 <= i < n", s)
	}
	return i, n, nil
}

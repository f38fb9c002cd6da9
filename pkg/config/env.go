package config

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
)

// envVar maps one WIREDESK_* variable onto the configuration.
type envVar struct {
	name string
	help string
	set  func(c *Config, v string) error
}

func str(p func(c *Config) *string) func(*Config, string) error {
	return func(c *Config, v string) error { *p(c) = v; return nil }
}

func integer(p func(c *Config) *int) func(*Config, string) error {
	return func(c *Config, v string) error {
		n, err := ParseInt(v)
		if err != nil {
			return err
		}
		*p(c) = n
		return nil
	}
}

func duration(p func(c *Config) *time.Duration) func(*Config, string) error {
	return func(c *Config, v string) error {
		d, err := ParseDuration(v)
		if err != nil {
			return err
		}
		*p(c) = d
		return nil
	}
}

func boolean(p func(c *Config) *bool) func(*Config, string) error {
	return func(c *Config, v string) error {
		b, err := ParseBool(v)
		if err != nil {
			return err
		}
		*p(c) = b
		return nil
	}
}

// envVars is the documented set of environment variables. It is a table,
// not reflection over the YAML keys, so that each one is deliberate.
var envVars = []envVar{
	// Read by main before the file is loaded; listed so that it is known.
	{"WIREDESK_CONFIG", "the configuration file, like -config", func(*Config, string) error { return nil }},
	{"WIREDESK_LOG_FORMAT", "log.format", str(func(c *Config) *string { return &c.Log.Format })},
	{"WIREDESK_LOG_LEVEL", "log.level", str(func(c *Config) *string { return &c.Log.Level })},
	{"WIREDESK_NATS_URL", "nats.url", str(func(c *Config) *string { return &c.NATS.URL })},
	{"WIREDESK_NATS_USER", "nats.user", str(func(c *Config) *string { return &c.NATS.User })},
	{"WIREDESK_NATS_PASSWORD", "nats.password", str(func(c *Config) *string { return &c.NATS.Password })},
	{"WIREDESK_NATS_TOKEN", "nats.token", str(func(c *Config) *string { return &c.NATS.Token })},
	{"WIREDESK_NATS_NKEY_FILE", "nats.nkey_file", str(func(c *Config) *string { return &c.NATS.NKeyFile })},
	{"WIREDESK_NATS_CREDS_FILE", "nats.creds_file", str(func(c *Config) *string { return &c.NATS.CredsFile })},
	{"WIREDESK_NATS_TLS_CERT", "nats.tls_cert", str(func(c *Config) *string { return &c.NATS.TLSCert })},
	{"WIREDESK_NATS_TLS_KEY", "nats.tls_key", str(func(c *Config) *string { return &c.NATS.TLSKey })},
	{"WIREDESK_NATS_TLS_CA", "nats.tls_ca", str(func(c *Config) *string { return &c.NATS.TLSCA })},
	{"WIREDESK_STREAMS_REPLICAS", "streams.replicas", integer(func(c *Config) *int { return &c.Streams.Replicas })},
	{"WIREDESK_FETCHER_LISTEN", "fetcher.listen", str(func(c *Config) *string { return &c.Fetcher.Listen })},
	{"WIREDESK_FETCHER_USER_AGENT", "fetcher.user_agent", str(func(c *Config) *string { return &c.Fetcher.UserAgent })},
	{"WIREDESK_FETCHER_CONTACT", "fetcher.contact", str(func(c *Config) *string { return &c.Fetcher.Contact })},
	{"WIREDESK_FETCHER_SHARD", "fetcher.shard", str(func(c *Config) *string { return &c.Fetcher.Shard })},
	{"WIREDESK_FETCHER_CONCURRENCY", "fetcher.concurrency", integer(func(c *Config) *int { return &c.Fetcher.Concurrency })},
	{"WIREDESK_FETCHER_BACKFILL_GC_PERCENT", "fetcher.backfill_gc_percent", integer(func(c *Config) *int { return &c.Fetcher.BackfillGCPercent })},
	{"WIREDESK_FETCHER_TIMEOUT", "fetcher.timeout", duration(func(c *Config) *time.Duration { return &c.Fetcher.Timeout })},
	{"WIREDESK_CLASSIFIER_LISTEN", "classifier.listen", str(func(c *Config) *string { return &c.Classifier.Listen })},
	{"WIREDESK_CLASSIFIER_WORKERS", "classifier.workers", integer(func(c *Config) *int { return &c.Classifier.Workers })},
	{"WIREDESK_CLASSIFIER_PROFILE", "classifier.profile", str(func(c *Config) *string { return &c.Classifier.Profile })},
	{"WIREDESK_CLASSIFIER_LANGUAGES", "classifier.languages (comma-separated)", func(c *Config, v string) error {
		c.Classifier.Languages = splitList(v)
		return nil
	}},
	{"WIREDESK_SINK_LISTEN", "sink.listen", str(func(c *Config) *string { return &c.Sink.Listen })},
	{"WIREDESK_STORE", "sink.store", str(func(c *Config) *string { return &c.Sink.Store })},
	{"WIREDESK_SINK_STORE_ALL", "sink.store_all", boolean(func(c *Config) *bool { return &c.Sink.StoreAll })},
	{"WIREDESK_SINK_BATCH_SIZE", "sink.batch_size", integer(func(c *Config) *int { return &c.Sink.BatchSize })},
	{"WIREDESK_SINK_API_LISTEN", "sink.api_listen", str(func(c *Config) *string { return &c.Sink.APIListen })},
	{"WIREDESK_SINK_API_TOKEN", "sink.api_token", str(func(c *Config) *string { return &c.Sink.APIToken })},
	{"WIREDESK_SINK_RETENTION", "sink.retention", duration(func(c *Config) *time.Duration { return &c.Sink.Retention })},
	{"WIREDESK_SINK_BATCH_WAIT", "sink.batch_wait", duration(func(c *Config) *time.Duration { return &c.Sink.BatchWait })},
}

// ApplyEnv overlays the WIREDESK_* variables found in env ("KEY=value"
// pairs, as from os.Environ). An unknown WIREDESK_* variable is an error,
// for the same reason as an unknown key in the file. WIREDESK_TEST_* names
// belong to the test suites (WIREDESK_TEST_POSTGRES) and are passed over:
// a shell set up for the tests must still run the services.
func (c *Config) ApplyEnv(env []string) error {
	known := map[string]envVar{}
	for _, e := range envVars {
		known[e.name] = e
	}
	for _, kv := range env {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || !strings.HasPrefix(k, "WIREDESK_") || strings.HasPrefix(k, "WIREDESK_TEST_") {
			continue
		}
		e, ok := known[k]
		if !ok {
			names := make([]string, 0, len(envVars))
			for _, e := range envVars {
				names = append(names, e.name)
			}
			msg := "environment: unknown variable " + k
			if s := suggest(k, names); s != "" {
				msg += "; did you mean " + s + "?"
			}
			return errors.New(msg)
		}
		if err := e.set(c, v); err != nil {
			return fmt.Errorf("environment %s (%s): %w", k, e.help, err)
		}
	}
	return nil
}

// EnvHelp lists the environment variables and the keys they set.
func EnvHelp() string {
	var b strings.Builder
	for _, e := range envVars {
		fmt.Fprintf(&b, "  %-30s %s\n", e.name, e.help)
	}
	return b.String()
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// SplitList splits a comma-separated flag value.
func SplitList(v string) []string { return splitList(v) }

// ParseLevel parses a log level name.
func ParseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return l, fmt.Errorf("%q is not debug, info, warn or error", s)
	}
	return l, nil
}

// FromEnv loads the configuration as every service does: the defaults,
// then the file at path (or $WIREDESK_CONFIG when path is empty), then the
// WIREDESK_* variables of env. Flags are main's, applied after.
func FromEnv(path string, env []string) (Config, error) {
	if path == "" {
		for _, kv := range env {
			if v, ok := strings.CutPrefix(kv, "WIREDESK_CONFIG="); ok {
				path = v
			}
		}
	}
	cfg, err := Load(path)
	if err != nil {
		return cfg, err
	}
	if err := cfg.ApplyEnv(env); err != nil {
		return cfg, err
	}
	return cfg, nil
}

package main

import (
	"flag"

	"github.com/wiredesk/wiredesk/pkg/config"
)

// serviceFlags are the flags that the fetcher's two service modes, the
// crawl and the backfill, share: where the configuration is, how to reach
// NATS, the admin address and the log.
type serviceFlags struct {
	configPath, natsURL, listen, logFormat, logLevel *string
}

func addServiceFlags(fs *flag.FlagSet, configHelp string) *serviceFlags {
	return &serviceFlags{
		configPath: fs.String("config", "", configHelp),
		natsURL:    fs.String("nats", "", "NATS URL, comma-separated for a cluster"),
		listen:     fs.String("listen", "", "admin address for /metrics, /healthz, /readyz"),
		logFormat:  fs.String("log-format", "", "log format: text or json"),
		logLevel:   fs.String("log-level", "", "log level: debug, info, warn, error"),
	}
}

// load returns the configuration: defaults, then the file, then the
// environment, then the flags that were given.
func (sf *serviceFlags) load(fs *flag.FlagSet, env []string) (config.Config, error) {
	cfg, err := config.FromEnv(*sf.configPath, env)
	if err != nil {
		return cfg, err
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "nats":
			cfg.NATS.URL = *sf.natsURL
		case "listen":
			cfg.Fetcher.Listen = *sf.listen
		case "log-format":
			cfg.Log.Format = *sf.logFormat
		case "log-level":
			cfg.Log.Level = *sf.logLevel
		}
	})
	return cfg, nil
}

// isSet reports whether the flag name was given.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

package config

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
)

// storeForms says what sink.store may be.
const storeForms = "sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DB"

// CheckStore reports whether dsn is a store the sink can open: sqlite:PATH
// with a path, or a postgres:// URL that parses. Its errors never repeat
// the DSN, which may carry a password; they say what is wrong with it.
func CheckStore(dsn string) error {
	switch {
	case dsn == "":
		return fmt.Errorf("is empty; want %s", storeForms)
	case strings.HasPrefix(dsn, "sqlite:"):
		if strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "//")) == "" {
			return errors.New("sqlite: needs a path, as in sqlite:./data/wiredesk.db")
		}
		return nil
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		u, err := url.Parse(dsn)
		if err != nil {
			// url.Error repeats the whole URL: keep only the reason.
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err
			}
			return fmt.Errorf("the postgres URL does not parse: %v (a password with @, :, / or %% in it must be percent-encoded)",
				redactAll(err.Error(), dsn))
		}
		if u.Host == "" {
			return errors.New("the postgres URL has no host; want " + storeForms)
		}
		return nil
	case strings.Contains(dsn, "="):
		return fmt.Errorf("looks like a key=value connection string; write it as a URL: %s", storeForms)
	}
	kind := dsn
	if i := strings.IndexAny(kind, ":/@ "); i >= 0 {
		kind = kind[:i]
	}
	if len(kind) > 20 {
		kind = kind[:20] + "…"
	}
	return fmt.Errorf("%q… is neither %s", kind, storeForms)
}

// redactAll removes from msg the password that the URL u carries, in
// case a parser repeated part of it.
func redactAll(msg, u string) string {
	rest := u
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		if _, pw, ok := strings.Cut(rest[:at], ":"); ok && pw != "" {
			msg = strings.ReplaceAll(msg, pw, "xxxxx")
		}
	}
	return msg
}

// CheckFiles reports whether the files the configuration names can be
// read: the NATS nkey, creds and TLS files and the classifier's relevance
// profile. -check-config runs it, so that a missing file is found before
// a service needs it.
func (c *Config) CheckFiles() error {
	var errs []error
	if err := c.NATS.CheckFiles(); err != nil {
		errs = append(errs, err)
	}
	if p := c.Classifier.Profile; p != "" {
		if f, err := os.Open(p); err != nil {
			errs = append(errs, fmt.Errorf("classifier.profile%s: %w", c.src.where("classifier.profile", p), err))
		} else {
			f.Close()
		}
	}
	return errors.Join(errs...)
}

// NeedSources is the error of a command that polls sources when the
// configuration has none.
func (c *Config) NeedSources() error {
	if len(c.Sources) > 0 {
		return nil
	}
	if c.src != nil && c.src.file != "" {
		return fmt.Errorf("%s has no sources: add a sources: list (see deploy/compose/wiredesk.yaml)", c.src.file)
	}
	return errors.New("no sources configured: give -config with a sources: list")
}

// CheckProxyEnv reports whether the proxy variables in env (as from
// os.Environ) are URLs the HTTP client can use. Go's proxy code quotes a
// malformed one whole in every request's error, password and all, so it
// is refused here, at start and by -check-config, with the password
// redacted.
func CheckProxyEnv(env []string) error {
	var errs []error
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy":
		default:
			continue
		}
		if v == "" {
			continue
		}
		// Go's proxy code retries a URL that does not parse with
		// "http://" in front, and so takes a typo for a host named
		// "http:"; here a URL with a scheme must parse as it is.
		full := v
		if !strings.Contains(v, "://") {
			full = "http://" + v
		}
		u, err := url.Parse(full)
		if err == nil && u.Host == "" {
			err = errors.New("no host")
		}
		if err != nil {
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err
			}
			errs = append(errs, fmt.Errorf("environment %s: %q is not a proxy URL: %s", k, redactUserinfo(v), redactAll(err.Error(), v)))
		}
	}
	return errors.Join(errs...)
}

// redactUserinfo hides what comes before the last @ of a URL's authority,
// parsed or not: "http://[redacted]@proxy:3128".
func redactUserinfo(s string) string {
	at := strings.LastIndex(s, "@")
	if at < 0 {
		return s
	}
	start := 0
	if i := strings.Index(s, "://"); i >= 0 && i < at {
		start = i + 3
	}
	return s[:start] + "[redacted]" + s[at:]
}

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

// redactAll removes from msg the password dsn carries, in case a parser
// repeated part of it.
func redactAll(msg, dsn string) string {
	rest, ok := strings.CutPrefix(dsn, "postgres://")
	if !ok {
		rest, _ = strings.CutPrefix(dsn, "postgresql://")
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

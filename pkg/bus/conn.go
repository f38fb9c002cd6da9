package bus

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Config says how to reach NATS. Secrets are never logged.
type Config struct {
	// URL is one server URL or a comma-separated list of a cluster's.
	URL string `yaml:"url"`
	// Name identifies the client to the server (monitoring, logs).
	Name     string `yaml:"name"`
	User     string `yaml:"user"`
	Password string `yaml:"password"`
	Token    string `yaml:"token"`
	// NKeyFile is an nkey seed file; CredsFile a JWT creds file.
	NKeyFile  string `yaml:"nkey_file"`
	CredsFile string `yaml:"creds_file"`
	// TLS: a client certificate and key, and a CA to verify the server.
	TLSCert string `yaml:"tls_cert"`
	TLSKey  string `yaml:"tls_key"`
	TLSCA   string `yaml:"tls_ca"`
	// MaxPending bounds asynchronous publishes in flight, so that a slow
	// server pushes back on the publisher instead of growing its memory.
	MaxPending int `yaml:"max_pending"`
}

// Conn is a NATS connection with its JetStream context.
type Conn struct {
	NC  *nats.Conn
	JS  jetstream.JetStream
	log *slog.Logger
	// url is the configured URL list, redacted, for errors and /readyz.
	url string
	// last is the last connection failure reported: nats.go clears its
	// own before the next attempt.
	last *lastErr
}

// lastErr holds the last connection failure, redacted.
type lastErr struct{ v atomic.Value }

func (l *lastErr) set(s string) { l.v.Store(s) }

func (l *lastErr) String() string {
	if s, ok := l.v.Load().(string); ok {
		return s
	}
	return ""
}

// stillWaitingEvery is how often Connect says it is still waiting for a
// first connection, with the last reason, beside the warning on each
// failed attempt: a refused TLS handshake is reported by nats.go only
// the first time.
const stillWaitingEvery = 5 * time.Second

// Connect dials NATS. It retries the first connection and reconnects
// forever with jittered backoff: a service started before NATS, or cut off
// from it, reports not-ready and recovers by itself. It is loud about it:
// it logs the URL it dials, warns on every failed attempt with the reason,
// and every error it returns names the URL (with any password redacted).
// A URL that cannot be dialled at all is an error at once, and so is a
// server that refuses the credentials twice.
func Connect(ctx context.Context, cfg Config, log *slog.Logger) (*Conn, error) {
	url := RedactURL(cfg.URL)
	if err := CheckURL(cfg.URL); err != nil {
		return nil, fmt.Errorf("nats: %w", err)
	}
	last := &lastErr{}
	opts, err := cfg.options(url, last, log)
	if err != nil {
		return nil, err
	}
	log.Info("connecting to NATS", "url", url)
	nc, err := nats.Connect(cfg.URL, opts...)
	if err != nil {
		return nil, fmt.Errorf("nats connect %s: %s", url, redactErr(err, cfg))
	}
	maxPending := cfg.MaxPending
	if maxPending <= 0 {
		maxPending = 256
	}
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(maxPending),
		jetstream.WithPublishAsyncTimeout(PublishTimeout))
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("jetstream %s: %w", url, err)
	}
	if err := waitConnected(ctx, nc, url, last, log); err != nil {
		nc.Close()
		return nil, errors.New(redactErr(err, cfg))
	}
	log.Info("nats connected", "server", nc.ConnectedUrlRedacted())
	return &Conn{NC: nc, JS: js, log: log, url: url, last: last}, nil
}

// waitConnected waits for the first connection, which RetryOnFailedConnect
// makes asynchronous, so that callers can set up streams right after.
func waitConnected(ctx context.Context, nc *nats.Conn, url string, last *lastErr, log *slog.Logger) error {
	start := time.Now()
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	next := start.Add(stillWaitingEvery)
	for !nc.IsConnected() {
		if nc.IsClosed() {
			// nats.go gives up on a server that refuses the same
			// credentials twice.
			return fmt.Errorf("nats: the server at %s refused the connection: %v", url, lastError(nc, last))
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("nats: no connection to %s after %v (last error: %v): %w",
				url, time.Since(start).Round(time.Second), lastError(nc, last), ctx.Err())
		case now := <-t.C:
			if now.After(next) {
				next = now.Add(stillWaitingEvery)
				log.Warn("still waiting for NATS", "url", url, "waited", time.Since(start).Round(time.Second), "last_err", lastError(nc, last))
			}
		}
	}
	return nil
}

func lastError(nc *nats.Conn, last *lastErr) string {
	if err := nc.LastError(); err != nil {
		return err.Error()
	}
	if s := last.String(); s != "" {
		return s
	}
	return "none yet"
}

// redactErr returns err's text with the configured secrets taken out: the
// URL's user information, the password and the token. nats.go's errors
// rarely carry them, but a future one might.
func redactErr(err error, cfg Config) string {
	s := err.Error()
	if cfg.URL != "" {
		s = strings.ReplaceAll(s, cfg.URL, RedactURL(cfg.URL))
	}
	for _, secret := range []string{cfg.Password, cfg.Token} {
		if len(secret) >= 3 {
			s = strings.ReplaceAll(s, secret, "[redacted]")
		}
	}
	for _, u := range strings.Split(cfg.URL, ",") {
		if pw := urlPassword(u); len(pw) >= 3 {
			s = strings.ReplaceAll(s, pw, "[redacted]")
		}
	}
	return s
}

// urlPassword returns the password of a URL, parsed or not.
func urlPassword(u string) string {
	at := strings.LastIndex(u, "@")
	if at < 0 {
		return ""
	}
	userinfo := u[:at]
	if i := strings.Index(userinfo, "//"); i >= 0 {
		userinfo = userinfo[i+2:]
	}
	_, pw, _ := strings.Cut(userinfo, ":")
	return pw
}

func (cfg Config) options(url string, last *lastErr, log *slog.Logger) ([]nats.Option, error) {
	name := cfg.Name
	if name == "" {
		name = "wiredesk"
	}
	opts := []nats.Option{
		nats.Name(name),
		nats.MaxReconnects(-1),
		nats.RetryOnFailedConnect(true),
		nats.ReconnectWait(time.Second),
		nats.ReconnectJitter(500*time.Millisecond, 2*time.Second),
		nats.DisconnectErrHandler(func(nc *nats.Conn, err error) {
			if err == nil { // a deliberate close or drain
				log.Debug("nats disconnected")
				return
			}
			log.Warn("nats disconnected; reconnecting", "url", url, "err", redactErr(err, cfg))
		}),
		// Called on every failed attempt, the first connection's too.
		nats.ReconnectErrHandler(func(_ *nats.Conn, err error) {
			msg := redactErr(err, cfg)
			if errors.Is(err, nats.ErrNoServers) {
				// nats.go reports a first attempt that every server
				// refused this way, having dropped the refusals.
				msg = "connection refused (" + msg + ")"
			}
			last.set(msg)
			log.Warn("nats connection failed; retrying", "url", url, "err", msg)
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			last.set("")
			log.Info("nats reconnected", "server", nc.ConnectedUrlRedacted())
		}),
		nats.ClosedHandler(func(nc *nats.Conn) {
			log.Debug("nats connection closed")
		}),
		nats.ErrorHandler(func(_ *nats.Conn, sub *nats.Subscription, err error) {
			if sub == nil && refused(err) {
				last.set(redactErr(err, cfg))
				log.Warn("nats refused the connection", "url", url, "err", redactErr(err, cfg))
				return
			}
			subj := ""
			if sub != nil {
				subj = sub.Subject
			}
			log.Warn("nats async error", "subject", subj, "err", redactErr(err, cfg))
		}),
	}
	switch {
	case cfg.User != "":
		opts = append(opts, nats.UserInfo(cfg.User, cfg.Password))
	case cfg.Token != "":
		opts = append(opts, nats.Token(cfg.Token))
	}
	if cfg.NKeyFile != "" {
		o, err := nats.NkeyOptionFromSeed(cfg.NKeyFile)
		if err != nil {
			return nil, fmt.Errorf("nats.nkey_file: %w", err)
		}
		opts = append(opts, o)
	}
	if cfg.CredsFile != "" {
		// nats.go reads the file at each attempt and would retry a
		// missing one forever.
		if _, err := os.Stat(cfg.CredsFile); err != nil {
			return nil, fmt.Errorf("nats creds_file: %w", err)
		}
		opts = append(opts, nats.UserCredentials(cfg.CredsFile))
	}
	if cfg.TLSCert != "" || cfg.TLSCA != "" {
		tc, err := cfg.tlsConfig()
		if err != nil {
			return nil, err
		}
		opts = append(opts, nats.Secure(tc))
	}
	return opts, nil
}

// CheckFiles reports whether the nkey, creds and TLS files the
// configuration names can be read and used, so that -check-config catches
// a missing one before a service starts.
func (cfg Config) CheckFiles() error {
	var errs []error
	if cfg.NKeyFile != "" {
		if _, err := nats.NkeyOptionFromSeed(cfg.NKeyFile); err != nil {
			errs = append(errs, fmt.Errorf("nats.nkey_file: %w", err))
		}
	}
	if cfg.CredsFile != "" {
		if _, err := os.Stat(cfg.CredsFile); err != nil {
			errs = append(errs, fmt.Errorf("nats.creds_file: %w", err))
		}
	}
	if cfg.TLSKey != "" && cfg.TLSCert == "" {
		errs = append(errs, errors.New("nats.tls_key: given without nats.tls_cert"))
	}
	if cfg.TLSCert != "" || cfg.TLSCA != "" {
		if _, err := cfg.tlsConfig(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (cfg Config) tlsConfig() (*tls.Config, error) {
	tc := &tls.Config{MinVersion: tls.VersionTLS12}
	if cfg.TLSCert != "" {
		cert, err := tls.LoadX509KeyPair(cfg.TLSCert, cfg.TLSKey)
		if err != nil {
			return nil, fmt.Errorf("nats.tls_cert %s, nats.tls_key %s: %w", cfg.TLSCert, cfg.TLSKey, err)
		}
		tc.Certificates = []tls.Certificate{cert}
	}
	if cfg.TLSCA != "" {
		pem, err := os.ReadFile(cfg.TLSCA)
		if err != nil {
			return nil, fmt.Errorf("nats.tls_ca: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("nats.tls_ca %s: no certificates found", cfg.TLSCA)
		}
		tc.RootCAs = pool
	}
	return tc, nil
}

// refused reports whether err is the server turning the client away.
func refused(err error) bool {
	return errors.Is(err, nats.ErrAuthorization) || errors.Is(err, nats.ErrAuthExpired) ||
		errors.Is(err, nats.ErrAuthRevoked) || errors.Is(err, nats.ErrAccountAuthExpired) ||
		errors.Is(err, nats.ErrPermissionViolation)
}

// URL is the configured URL list with any password redacted.
func (c *Conn) URL() string { return c.url }

// Ready reports whether the connection is up: services use it for
// /readyz, which prints it after "nats: ", so it reads "reconnecting to
// nats://host:4222 (last error: ...)".
func (c *Conn) Ready() error {
	if c.NC.IsConnected() {
		return nil
	}
	var state string
	switch st := c.NC.Status(); st {
	case nats.RECONNECTING:
		state = "reconnecting to " + c.url
	case nats.CONNECTING:
		state = "connecting to " + c.url
	case nats.DISCONNECTED:
		state = "disconnected from " + c.url
	case nats.CLOSED:
		state = "connection to " + c.url + " closed"
	case nats.DRAINING_SUBS, nats.DRAINING_PUBS:
		state = "draining the connection to " + c.url
	default:
		state = strings.ToLower(st.String()) + " " + c.url
	}
	if err := c.NC.LastError(); err != nil {
		state += " (last error: " + err.Error() + ")"
	} else if s := c.last.String(); s != "" {
		state += " (last error: " + s + ")"
	}
	return errors.New(state)
}

// Drain flushes what was published, lets subscriptions finish, and closes
// the connection; it waits until the connection is closed or ctx is done.
func (c *Conn) Drain(ctx context.Context) error {
	if c.NC.IsClosed() {
		return nil
	}
	closed := make(chan struct{})
	c.NC.SetClosedHandler(func(*nats.Conn) { close(closed) })
	if err := c.NC.Drain(); err != nil {
		c.NC.Close()
		return fmt.Errorf("nats drain: %w", err)
	}
	select {
	case <-closed:
		return nil
	case <-ctx.Done():
		c.NC.Close()
		return fmt.Errorf("nats drain: %w", ctx.Err())
	}
}

package bus

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// CheckURL reports whether list, one NATS URL or a comma-separated list of
// a cluster's, is one that nats.go can dial. nats.go itself takes
// "nats//127.0.0.1:4222" for a host named "nats" and retries it forever,
// so a typo must be caught before it is handed over. The error names the
// URL with its password redacted.
func CheckURL(list string) error {
	if strings.TrimSpace(list) == "" {
		return errors.New("no NATS URL")
	}
	var errs []error
	for _, u := range strings.Split(list, ",") {
		if err := checkOneURL(strings.TrimSpace(u)); err != nil {
			errs = append(errs, fmt.Errorf("NATS URL %q: %w", RedactURL(u), err))
		}
	}
	return errors.Join(errs...)
}

var natsSchemes = map[string]bool{"nats": true, "tls": true, "ws": true, "wss": true}

func checkOneURL(s string) error {
	if s == "" {
		return errors.New("empty entry in the list")
	}
	hostport := s
	if scheme, rest, ok := strings.Cut(s, "://"); ok {
		if !natsSchemes[strings.ToLower(scheme)] {
			return fmt.Errorf("scheme %q is not nats, tls, ws or wss", scheme)
		}
		u, err := url.Parse(s)
		if err != nil {
			// url.Error repeats the URL, password and all: say only why.
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err
			}
			return fmt.Errorf("does not parse: %v", err)
		}
		if u.Path != "" && u.Path != "/" || u.RawQuery != "" {
			return fmt.Errorf("has a path or query (%q); want %s://HOST:PORT", strings.TrimPrefix(rest, u.Host), scheme)
		}
		hostport = u.Host
	} else if strings.ContainsAny(s, "/@") {
		if i := strings.Index(s, "//"); i > 0 && !strings.Contains(s[:i], ":") {
			return fmt.Errorf("want nats://HOST:PORT; is \"://\" missing after %q?", s[:i])
		}
		return errors.New("want nats://HOST:PORT or HOST:PORT")
	}
	host, port := hostport, ""
	if h, p, err := net.SplitHostPort(hostport); err == nil {
		host, port = h, p
	} else if strings.Count(hostport, ":") == 1 || strings.HasSuffix(hostport, ":") {
		return fmt.Errorf("%q is not HOST:PORT", hostport)
	}
	if host == "" {
		return errors.New("no host")
	}
	if port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("port %q is not a number from 1 to 65535", port)
		}
	}
	return nil
}

// RedactURL hides the user information of a URL, or of each URL in a
// comma-separated list, for errors and logs: "nats://[redacted]@host:4222".
// It works on text that does not parse, as a typo'd URL still carries
// its password.
func RedactURL(list string) string {
	parts := strings.Split(list, ",")
	for i, p := range parts {
		at := strings.LastIndex(p, "@")
		if at < 0 {
			continue
		}
		start := 0
		if scheme := strings.Index(p, "://"); scheme >= 0 && scheme < at {
			start = scheme + 3
		} else if scheme := strings.Index(p, "//"); scheme >= 0 && scheme < at {
			start = scheme + 2
		}
		lead := len(p) - len(strings.TrimLeft(p, " "))
		start = max(start, lead)
		parts[i] = p[:start] + "[redacted]" + p[at:]
	}
	return strings.Join(parts, ",")
}

package fetch

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a click, not a page.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "yclid": true, "dclid": true, "msclkid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "_ga": true, "_gl": true,
	"ref_src": true, "ref_url": true, "spm": true,
	"_openstat": true, "cmpid": true, "ncid": true, "xtor": true,
}

func tracking(key string) bool {
	k := strings.ToLower(key)
	return trackingParams[k] || strings.HasPrefix(k, "utm_")
}

// Canonicalize returns the form of an absolute http(s) URL that identifies
// a page: lowercase scheme and host, no default port, no fragment, no
// tracking parameters, the remaining query sorted, an empty path as "/".
func Canonicalize(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonicalize %q: %w", raw, err)
	}
	return canonical(u)
}

func canonical(in *url.URL) (string, error) {
	u := *in
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("canonicalize %q: not an http(s) URL", in.String())
	}
	if u.Host == "" {
		return "", fmt.Errorf("canonicalize %q: no host", in.String())
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimSuffix(host, ".")
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	u.Host = host
	if port != "" {
		u.Host = host + ":" + port
	}
	if strings.Contains(host, ":") { // IPv6 literal
		u.Host = "[" + host + "]"
		if port != "" {
			u.Host += ":" + port
		}
	}
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	// Resolving against itself removes dot segments.
	u = *u.ResolveReference(&url.URL{Path: u.Path, RawPath: u.RawPath})
	u.RawQuery = cleanQuery(in.RawQuery)
	return u.String(), nil
}

func cleanQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var keep []string
	for _, kv := range strings.Split(raw, "&") {
		if kv == "" {
			continue
		}
		key, _, _ := strings.Cut(kv, "=")
		if k, err := url.QueryUnescape(key); err == nil && tracking(k) {
			continue
		}
		keep = append(keep, kv)
	}
	sort.Strings(keep)
	return strings.Join(keep, "&")
}

package fetch

import (
	"compress/flate"
	"compress/gzip"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// maxRedirects bounds a redirect chain; sites that need more are broken.
const maxRedirects = 5

// response is a fetched body, already decompressed and bounded.
type response struct {
	URL       *url.URL // after redirects
	Status    int
	Header    http.Header
	Body      []byte
	Truncated bool // the body hit MaxBody
	// ConsumeErr is what request.consume returned.
	ConsumeErr error
}

// conditional carries the validators of the last fetch.
type conditional struct {
	ETag         string
	LastModified string
}

// errNotAllowed is returned when a redirect leaves the source's hosts.
var errNotAllowed = errors.New("host not allowed")

// statusError is an HTTP status that is not a success.
type statusError struct {
	Code       int
	RetryAfter time.Duration
}

func (e *statusError) Error() string { return fmt.Sprintf("HTTP %d", e.Code) }

// retryable reports whether a later attempt may succeed: network trouble,
// 408, 429 and 5xx. Other 4xx will not change by asking again, and neither
// will a certificate that does not verify: retrying it only hammers the host
// and hides a misconfiguration (or an interception) behind a timeout.
func retryable(err error) bool {
	var se *statusError
	if errors.As(err, &se) {
		return se.Code == http.StatusRequestTimeout || se.Code == http.StatusTooManyRequests || se.Code >= 500
	}
	if badCertificate(err) {
		return false
	}
	var bad *badContent
	if errors.As(err, &bad) || errors.Is(err, errNotAllowed) || errors.Is(err, errRedirects) || errors.Is(err, errPrivate) {
		return false
	}
	return !errors.Is(err, context.Canceled)
}

// badCertificate reports whether err is a TLS certificate that failed
// verification: unknown authority, wrong host name, expired or not yet valid.
func badCertificate(err error) bool {
	var ve *tls.CertificateVerificationError
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var ci x509.CertificateInvalidError
	return errors.As(err, &ve) || errors.As(err, &ua) || errors.As(err, &he) || errors.As(err, &ci)
}

// client is an HTTP client shaped for crawling: timeouts at each phase,
// bounded redirects, bounded bodies, and bounded decompression.
type client struct {
	hc    *http.Client
	cfg   Config
	sleep func(ctx context.Context, d time.Duration) error
}

// gate is called before every attempt: it waits for the host's turn and a
// global slot, and returns the slot's release.
type gate func(ctx context.Context) (release func(), err error)

// checkKey carries a request's redirect check in its context, where
// CheckRedirect can find it.
type checkKey struct{}

// request is one logical fetch, retries included.
type request struct {
	u    *url.URL
	cond conditional
	// check vets every redirect target: the source's hosts, robots.txt.
	check func(ctx context.Context, u *url.URL) error
	gate  gate
	// maxBody overrides Config.MaxBody (sitemaps may be larger than pages).
	maxBody int64
	// consume, when set, reads the body as it arrives instead of the
	// body being collected in response.Body: a sitemap is parsed as a
	// stream and never held whole. It is called again on a retry, so it
	// must start afresh each time. base is the URL after redirects. Its
	// error is the caller's, in response.ConsumeErr; a failure to read
	// the body is retried.
	consume func(base *url.URL, body io.Reader) error
}

var errRedirects = errors.New("redirects")

func newClient(cfg Config) *client {
	dialer := &net.Dialer{Timeout: cfg.ConnectTimeout, KeepAlive: 30 * time.Second}
	dial := dialer.DialContext
	proxy := cfg.proxy
	if proxy == nil {
		proxy = httpproxy.FromEnvironment().ProxyFunc()
	}
	if !cfg.AllowPrivate {
		// Checked at connect time, after resolution, so that a DNS name
		// that resolves to a private address is caught too.
		checked := *dialer
		checked.Control = refusePrivate
		proxies := map[string]bool{}
		dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
			if proxies[addr] {
				// The proxy was chosen by the operator, and may well be
				// on the local network; its targets are checked instead.
				return dialer.DialContext(ctx, network, addr)
			}
			return checked.DialContext(ctx, network, addr)
		}
		for _, scheme := range []string{"http", "https"} {
			if pu, err := proxy(&url.URL{Scheme: scheme, Host: "example.com"}); err == nil && pu != nil {
				proxies[canonicalAddr(pu)] = true
			}
		}
	}
	tr := &http.Transport{
		Proxy: func(req *http.Request) (*url.URL, error) {
			pu, err := proxy(req.URL)
			if err != nil || pu == nil || cfg.AllowPrivate {
				return pu, err
			}
			// Through a proxy, the dial-time check sees only the proxy's
			// address: the target is resolved and checked here instead.
			if err := checkTarget(req.Context(), net.DefaultResolver, req.URL.Hostname()); err != nil {
				return nil, err
			}
			return pu, nil
		},
		DialContext:           dial,
		TLSHandshakeTimeout:   cfg.ConnectTimeout,
		ResponseHeaderTimeout: cfg.HeaderTimeout,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		// Compression is negotiated by hand so that it can be bounded.
		DisableCompression: true,
	}
	c := &client{cfg: cfg, sleep: sleepCtx}
	c.hc = &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("%w: more than %d", errRedirects, maxRedirects)
			}
			for _, v := range via {
				if v.URL.String() == req.URL.String() {
					return fmt.Errorf("%w: loop at %s", errRedirects, req.URL)
				}
			}
			if check, ok := req.Context().Value(checkKey{}).(func(context.Context, *url.URL) error); ok {
				if err := check(req.Context(), req.URL); err != nil {
					return fmt.Errorf("redirect to %s: %w", req.URL, err)
				}
			}
			return nil
		},
	}
	return c
}

// get fetches u, retrying transient failures with exponential backoff and
// full jitter, and honouring Retry-After.
func (c *client) get(ctx context.Context, req request) (*response, error) {
	var err error
	for attempt := 0; ; attempt++ {
		release := func() {}
		if req.gate != nil {
			if release, err = req.gate(ctx); err != nil {
				return nil, err
			}
		}
		var r *response
		r, err = c.once(ctx, req)
		release()
		if err == nil {
			return r, nil
		}
		if attempt >= c.cfg.Retries || !retryable(err) {
			break
		}
		wait := backoff(attempt, c.cfg.RetryBase, c.cfg.RetryMax)
		var se *statusError
		if errors.As(err, &se) && se.RetryAfter > 0 {
			if se.RetryAfter > c.cfg.RetryMax {
				// The site asks for more patience than a poll has; the
				// next poll comes back for it.
				break
			}
			wait = se.RetryAfter
		}
		if serr := c.sleep(ctx, wait); serr != nil {
			return nil, serr
		}
	}
	return nil, err
}

func backoff(attempt int, base, ceiling time.Duration) time.Duration {
	d := base << attempt
	if d > ceiling || d <= 0 {
		d = ceiling
	}
	return d/2 + rand.N(d/2+1)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (c *client) once(ctx context.Context, r0 request) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	if r0.check != nil {
		ctx = context.WithValue(ctx, checkKey{}, r0.check)
	}
	u, cond := r0.u, r0.cond
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.cfg.userAgent())
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5")
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	r := &response{URL: resp.Request.URL, Status: resp.StatusCode, Header: resp.Header}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return r, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
		return nil, &statusError{Code: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	limit := c.cfg.MaxBody
	if r0.maxBody > 0 {
		limit = r0.maxBody
	}
	if r0.consume != nil {
		body, closeBody, err := decodedBody(resp)
		if err != nil {
			return nil, err
		}
		defer closeBody()
		br := &bodyReader{limitedReader: limitedReader{r: body, n: limit}}
		r.ConsumeErr = r0.consume(r.URL, br)
		if br.err != nil {
			return nil, fmt.Errorf("read body: %w", br.err)
		}
		r.Truncated = br.truncated
		return r, nil
	}
	r.Body, r.Truncated, err = readBody(resp, limit)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// bodyReader is a bounded body that remembers a failure to read it, so
// that a network failure can be told from a parse error in what read it.
type bodyReader struct {
	limitedReader
	err error
}

func (b *bodyReader) Read(p []byte) (int, error) {
	n, err := b.limitedReader.Read(p)
	if err != nil && err != io.EOF && b.err == nil {
		b.err = err
	}
	return n, err
}

// readBody reads at most max decompressed bytes. The bound applies after
// decompression, so a small gzip bomb cannot inflate past it.
func readBody(resp *http.Response, max int64) ([]byte, bool, error) {
	body, closeBody, err := decodedBody(resp)
	if err != nil {
		return nil, false, err
	}
	defer closeBody()
	data, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil {
		return nil, false, fmt.Errorf("read body: %w", err)
	}
	if int64(len(data)) > max {
		return data[:max], true, nil
	}
	return data, false, nil
}

// canonicalAddr is u's host:port, with the scheme's default port, as the
// transport dials it.
func canonicalAddr(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443", "socks5": "1080", "socks5h": "1080"}[u.Scheme]
	}
	return net.JoinHostPort(u.Hostname(), port)
}

// decodedBody undoes the response's Content-Encoding.
func decodedBody(resp *http.Response) (io.Reader, func(), error) {
	switch strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))) {
	case "", "identity":
		return resp.Body, func() {}, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, nil, fmt.Errorf("gzip: %w", err)
		}
		return zr, func() { zr.Close() }, nil
	case "deflate":
		zr := flate.NewReader(resp.Body)
		return zr, func() { zr.Close() }, nil
	}
	return nil, nil, &badContent{reason: "encoding", detail: resp.Header.Get("Content-Encoding")}
}

// retryAfter parses a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// badContent is a response that is not what a crawler can use: not HTML,
// an unknown encoding. It is a skip with a reason, not a failure.
type badContent struct {
	reason string
	detail string
}

func (e *badContent) Error() string { return e.reason + ": " + e.detail }

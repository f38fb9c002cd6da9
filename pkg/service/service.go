// Package service holds what every wiredesk service shares: its logger and
// its admin HTTP endpoint with /metrics, /healthz, /readyz and
// /debug/pprof/.
package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// NewLogger returns a text or JSON logger at level.
func NewLogger(w io.Writer, format string, level slog.Level) (*slog.Logger, error) {
	opts := &slog.HandlerOptions{Level: level}
	switch format {
	case "text", "":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("log format %q is not text or json", format)
}

// NewRegistry returns a metrics registry with the Go and process
// collectors, so that every service exports its RSS and CPU.
func NewRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return reg
}

// Check reports whether one dependency is ready; nil means ready.
type Check func(ctx context.Context) error

// Admin is the admin HTTP endpoint.
type Admin struct {
	mu     sync.Mutex
	checks map[string]Check
	mux    *http.ServeMux
}

// NewAdmin serves reg's metrics on /metrics. /healthz answers while the
// process runs; /readyz runs the checks added with AddCheck.
func NewAdmin(reg *prometheus.Registry) *Admin {
	a := &Admin{checks: map[string]Check{}, mux: http.NewServeMux()}
	a.mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	a.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok\n")
	})
	a.mux.HandleFunc("GET /readyz", a.ready)
	// Profiles, as Prometheus and nats-server serve them: where a service
	// spends its CPU and memory is measured on the running process, not
	// guessed. The admin address is private (127.0.0.1 by default), and
	// a profile costs nothing until it is asked for.
	a.mux.HandleFunc("GET /debug/pprof/", pprof.Index)
	a.mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	a.mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	a.mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	a.mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	return a
}

// AddCheck adds a readiness check under name.
func (a *Admin) AddCheck(name string, c Check) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.checks[name] = c
}

// Handle adds a handler to the admin mux (the sink's API and UI).
func (a *Admin) Handle(pattern string, h http.Handler) { a.mux.Handle(pattern, h) }

func (a *Admin) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	a.mu.Lock()
	checks := make(map[string]Check, len(a.checks))
	for k, v := range a.checks {
		checks[k] = v
	}
	a.mu.Unlock()
	status, body := http.StatusOK, ""
	for name, c := range checks {
		if err := c(ctx); err != nil {
			status = http.StatusServiceUnavailable
			body += fmt.Sprintf("%s: %v\n", name, err)
		}
	}
	if body == "" {
		body = "ok\n"
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// Starting keeps /readyz failing until the returned function is called: a
// service still loading its models or creating its streams must not be
// taken for ready.
func (a *Admin) Starting() (ready func()) {
	var ok atomic.Bool
	a.AddCheck("startup", func(context.Context) error {
		if !ok.Load() {
			return errors.New("starting")
		}
		return nil
	})
	return func() { ok.Store(true) }
}

// ServeHTTP lets the admin endpoint be mounted in tests.
func (a *Admin) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.mux.ServeHTTP(w, r) }

// Serve listens on addr and serves until ctx is done. An empty addr
// disables the endpoint. It returns the bound address (useful with port 0)
// and a wait function that returns once the server has stopped.
func (a *Admin) Serve(ctx context.Context, addr string, log *slog.Logger) (string, func() error, error) {
	return Serve(ctx, "admin endpoint", addr, a, log)
}

// Serve serves h on addr until ctx is done, as Admin.Serve does; name
// says what it is in logs and errors.
func Serve(ctx context.Context, name, addr string, h http.Handler, log *slog.Logger) (string, func() error, error) {
	if addr == "" {
		return "", func() error { return nil }, nil
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, fmt.Errorf("%s: listen %s: %w", name, addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() {
		err := srv.Serve(ln)
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
		done <- err
	}()
	stop := context.AfterFunc(ctx, func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	})
	log.Info(name+" listening", "addr", ln.Addr().String())
	return ln.Addr().String(), func() error {
		err := <-done
		stop()
		return err
	}, nil
}

// LogOnStop logs msg at info level once ctx is done. context.AfterFunc
// writes it from a goroutine of its own, which may reach the log after the
// lines the caller writes next; the returned settle, called where the
// caller's shutdown goes on, waits for the line if ctx has ended, so that
// the shutdown reads in order, and otherwise makes sure it is never
// written. settle may be called more than once (deferred as well).
func LogOnStop(ctx context.Context, log *slog.Logger, msg string) (settle func()) {
	done := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		log.Info(msg)
		close(done)
	})
	var once sync.Once
	return func() {
		once.Do(func() {
			if !stop() {
				<-done
			}
		})
	}
}

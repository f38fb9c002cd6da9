package crash

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// proc is one child process that the test starts, kills and restarts with
// the same arguments. Its output goes to a log file, appended to across
// restarts and shown when the test fails.
type proc struct {
	t       testing.TB
	name    string
	bin     string
	args    []string
	listen  string // admin address, "" for none
	logPath string

	cmd     *exec.Cmd
	exited  chan struct{} // closed when the current run has ended
	exitErr error         // set before exited is closed
}

func newProc(t testing.TB, dir, name, bin string, args ...string) *proc {
	t.Helper()
	p := &proc{t: t, name: name, bin: bin, args: args, logPath: filepath.Join(dir, name+".log")}
	t.Cleanup(func() {
		if p.running() {
			p.signal(syscall.SIGKILL)
			<-p.exited
		}
		if t.Failed() {
			p.dumpLog()
		}
	})
	return p
}

func (p *proc) running() bool {
	if p.cmd == nil {
		return false
	}
	select {
	case <-p.exited:
		return false
	default:
		return true
	}
}

// serviceEnv is the test's environment without WIREDESK_* variables: the
// services are configured by the test's file alone, and reject WIREDESK_*
// names they do not know (CI sets WIREDESK_TEST_POSTGRES for the store
// tests).
func serviceEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "WIREDESK_") {
			env = append(env, kv)
		}
	}
	return env
}

func (p *proc) start() {
	p.t.Helper()
	if p.running() {
		p.t.Fatalf("%s is already running", p.name)
	}
	logf, err := os.OpenFile(p.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		p.t.Fatal(err)
	}
	fmt.Fprintf(logf, "=== %s start %s %s\n", time.Now().Format(time.TimeOnly), p.bin, strings.Join(p.args, " "))
	cmd := exec.Command(p.bin, p.args...)
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.Env = append(serviceEnv(), "GOMAXPROCS=2")
	if err := cmd.Start(); err != nil {
		logf.Close()
		p.t.Fatalf("start %s: %v", p.name, err)
	}
	p.cmd = cmd
	exited := make(chan struct{})
	p.exited = exited
	go func() {
		err := cmd.Wait()
		logf.Close()
		p.exitErr = err
		close(exited)
	}()
}

func (p *proc) signal(sig syscall.Signal) {
	if p.cmd != nil && p.cmd.Process != nil {
		p.cmd.Process.Signal(sig)
	}
}

// kill sends SIGKILL and waits for the process to be gone.
func (p *proc) kill() {
	p.t.Helper()
	p.t.Logf("kill -9 %s", p.name)
	p.signal(syscall.SIGKILL)
	select {
	case <-p.exited:
	case <-time.After(10 * time.Second):
		p.t.Fatalf("%s survived SIGKILL", p.name)
	}
}

// stop sends SIGTERM and requires a clean exit within the deadline: an
// orderly shutdown is part of what is tested.
func (p *proc) stop(deadline time.Duration) {
	p.t.Helper()
	if !p.running() {
		return
	}
	p.signal(syscall.SIGTERM)
	select {
	case <-p.exited:
		if p.exitErr != nil {
			p.t.Errorf("%s after SIGTERM: %v", p.name, p.exitErr)
		}
	case <-time.After(deadline):
		p.signal(syscall.SIGKILL)
		<-p.exited
		p.t.Errorf("%s did not stop within %v of SIGTERM", p.name, deadline)
	}
}

func (p *proc) dumpLog() {
	data, err := os.ReadFile(p.logPath)
	if err != nil {
		return
	}
	lines := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	if len(lines) > 60 {
		lines = lines[len(lines)-60:]
	}
	p.t.Logf("--- last lines of %s:\n%s", p.name, bytes.Join(lines, []byte("\n")))
}

// status returns the HTTP status of the process's admin endpoint at path,
// or 0 when it does not answer.
func (p *proc) status(path string) int {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+p.listen+path, nil)
	if err != nil {
		return 0
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// freePort returns a loopback port that was free a moment ago and that
// no scenario of this test binary was given before. It is taken below
// Linux's ephemeral range (32768-60999): a NATS node that is down leaves
// its port free until it is restarted on it, and meanwhile neither an
// outgoing connection's local port nor another scenario's server may
// take it (both happened, and services then talked to another
// scenario's NATS).
func freePort(t testing.TB) int {
	t.Helper()
	handedOut.Lock()
	defer handedOut.Unlock()
	for range 2000 {
		p := 20000 + rand.IntN(12000)
		if handedOut.ports[p] {
			continue
		}
		ln, err := net.Listen("tcp", addr(p))
		if err != nil {
			continue
		}
		ln.Close()
		handedOut.ports[p] = true
		return p
	}
	t.Fatal("no free port in 20000-31999")
	return 0
}

// handedOut is every port freePort has given out, across the scenarios
// that run in parallel in this binary.
var handedOut = struct {
	sync.Mutex
	ports map[int]bool
}{ports: map[int]bool{}}

func addr(port int) string { return "127.0.0.1:" + strconv.Itoa(port) }

// eventually polls cond every 50ms until it holds or d passes.
func eventually(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	if err := poll(d, cond); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

var errTimeout = errors.New("timed out")

func poll(d time.Duration, cond func() bool) error {
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			return fmt.Errorf("%w after %v", errTimeout, d)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil
}

// pollProgress polls done every 50ms until it holds. It fails when the
// count progress returns has not grown for stall, or when d has passed:
// on a loaded machine a step may be slow (a cluster's elections took 9 s
// under a load of 15 on two cores) without being stuck.
func pollProgress(stall, d time.Duration, progress func() int, done func() bool) error {
	start := time.Now()
	last, moved := progress(), start
	for !done() {
		now := time.Now()
		if n := progress(); n > last {
			last, moved = n, now
		}
		switch {
		case now.Sub(moved) > stall:
			return fmt.Errorf("%w: no progress for %v (at %d)", errTimeout, stall, last)
		case now.Sub(start) > d:
			return fmt.Errorf("%w after %v (at %d)", errTimeout, d, last)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil
}

// listening reports whether something accepts connections on a.
func listening(a string) bool {
	c, err := net.DialTimeout("tcp", a, 200*time.Millisecond)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

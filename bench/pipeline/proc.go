package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// usage is what a process cost: peak resident memory and CPU time.
type usage struct {
	PeakRSS int64 // bytes (VmHWM)
	CPU     time.Duration
}

// proc is one child process, sampled from /proc while it runs. Its CPU
// is the kernel's rusage at exit, which includes the last moments the
// sampler missed; its peak RSS is VmHWM as last sampled (see usage).
type proc struct {
	name   string
	listen string
	cmd    *exec.Cmd
	done   chan struct{}
	err    error

	mu   sync.Mutex
	last usage
}

// startProc starts bin as the process name, logging to dir/name.log;
// procs, when above 0, is its GOMAXPROCS.
func startProc(ctx context.Context, dir, name string, procs int, bin string, args ...string) (*proc, error) {
	logf, err := os.Create(filepath.Join(dir, name+".log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = logf, logf
	if procs > 0 {
		cmd.Env = append(os.Environ(), fmt.Sprintf("GOMAXPROCS=%d", procs))
	}
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	p := &proc{name: name, cmd: cmd, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		logf.Close()
		close(p.done)
	}()
	go p.sample(ctx)
	return p, nil
}

func (p *proc) sample(ctx context.Context) {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		p.sampleNow()
		select {
		case <-ctx.Done():
			return
		case <-p.done:
			return
		case <-t.C:
		}
	}
}

// usage returns the process's cost; call it after the process has exited.
//
// The peak RSS is the sampled VmHWM, not rusage's Maxrss: os/exec starts
// a child with clone(CLONE_VM|CLONE_VFORK), so until its exec the child
// runs in this process's memory, and Linux carries that memory's
// high-water mark into the child's Maxrss at the exec. Maxrss is then
// this benchmark's own RSS whenever that is the larger (a fetcher started
// after the WARC's generation and a first run showed 184-197 MiB where
// its VmHWM was under 70). VmHWM belongs to the memory the exec made.
func (p *proc) usage() usage {
	p.mu.Lock()
	u := p.last
	p.mu.Unlock()
	if st := p.cmd.ProcessState; st != nil {
		if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
			u.CPU = max(u.CPU, time.Duration(ru.Utime.Nano()+ru.Stime.Nano()))
		}
	}
	return u
}

// sampleNow records the process's usage now, if it is still running.
func (p *proc) sampleNow() {
	if u, err := procUsage(p.cmd.Process.Pid); err == nil {
		p.mu.Lock()
		p.last.PeakRSS = max(p.last.PeakRSS, u.PeakRSS)
		p.last.CPU = max(p.last.CPU, u.CPU)
		p.mu.Unlock()
	}
}

// stop sends SIGTERM and waits.
func (p *proc) stop(d time.Duration) error {
	select {
	case <-p.done:
		return p.err
	default:
	}
	// The peak so far, which the shutdown may add to but the rusage at
	// exit cannot tell (see usage).
	p.sampleNow()
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
		return p.err
	case <-time.After(d):
		p.cmd.Process.Kill()
		<-p.done
		return fmt.Errorf("%s did not stop within %v of SIGTERM", p.name, d)
	}
}

func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

func (p *proc) ready() bool {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+p.listen+"/readyz", nil)
	if err != nil {
		return false
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// procUsage reads VmHWM from /proc/PID/status and utime+stime from
// /proc/PID/stat.
func procUsage(pid int) (usage, error) {
	var u usage
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return u, err
	}
	u.PeakRSS = statusKB(status, "VmHWM") << 10
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return u, err
	}
	// The command name may hold spaces; fields count from after its ')'.
	i := bytes.LastIndexByte(stat, ')')
	if i < 0 {
		return u, fmt.Errorf("/proc/%d/stat: no ')'", pid)
	}
	f := strings.Fields(string(stat[i+1:]))
	if len(f) < 13 {
		return u, fmt.Errorf("/proc/%d/stat: %d fields", pid, len(f))
	}
	// utime and stime are fields 14 and 15 of stat, 12 and 13 after ')'.
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	const ticks = 100 // USER_HZ on Linux
	u.CPU = time.Duration(ut+st) * time.Second / ticks
	return u, nil
}

// rss returns the resident memory of process pid now (VmRSS), in bytes.
func rss(pid int) (int64, error) {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	return statusKB(status, "VmRSS") << 10, nil
}

// statusKB returns the "key:   N kB" line of /proc/PID/status as N.
func statusKB(status []byte, key string) int64 {
	sc := bufio.NewScanner(bytes.NewReader(status))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), key+":"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb
		}
	}
	return 0
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// waitFor polls cond every 50ms until it holds or d passes.
func waitFor(d time.Duration, what string, cond func() bool) error {
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: timed out after %v", what, d)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return nil
}

// Package cputime reads the process's CPU time for benchmarks that report
// CPU per op: on a shared, loaded machine the wall time of an op measures
// the machine's other work as much as the code, the process's user and
// system time much less.
package cputime

import (
	"syscall"
	"testing"
	"time"
)

// Process is the process's user and system CPU time so far, the garbage
// collector's included. It fails tb if the kernel cannot say.
func Process(tb testing.TB) time.Duration {
	tb.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

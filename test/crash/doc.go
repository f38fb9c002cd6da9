// Package crash holds the multi-process crash tests: the real fetcher,
// classifier and sink binaries and real nats-server processes, killed with
// SIGKILL mid-stream and restarted, checked for lost and duplicated
// articles against a generated site (pkg/sitegen), and for text: each
// article must be what a classifier that saw every page makes of it, as a
// run without faults stores it, whichever replica cleaned it and when. It
// has no code outside its tests.
//
// go test ./test/crash runs the short form (about 300 pages, a 15 s NATS
// outage); go test ./test/crash -crash.long runs 5,000 pages, more kills
// and a minute-long outage.
package crash

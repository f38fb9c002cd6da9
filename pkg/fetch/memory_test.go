package fetch

import (
	"bufio"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

var discoveryURLs = flag.String("discovery.urls", "200000",
	"comma-separated sitemap sizes (URLs) for TestDiscoveryMemory; the benchmark is 10000,200000,1000000")

// discoveryRSSBar is the bar: the fetcher's peak RSS on a
// 1,000,000-URL sitemap.
const discoveryRSSBar = 200 << 20

// discoveryRSSCeiling is where the parent kills a child that grows
// without bound, so that measuring the unbounded case cannot take the
// machine down.
const discoveryRSSCeiling = 2 << 30

// TestDiscoveryMemory polls a source whose one sitemap (gzip, like an
// .xml.gz sitemap) lists n URLs, and one whose RSS feed does, each in a
// child process, and reads that process's peak RSS. The site is in the child too, but streams the
// sitemap as it writes it, so it holds none of it. Every page is a 404: what
// is measured is discovery, not extraction (TestLargePageMemory in
// pkg/extract measures a page). CI runs 200,000 URLs; the benchmark is
//
//	go test ./pkg/fetch -run TestDiscoveryMemory -v -discovery.urls 10000,200000,1000000
func TestDiscoveryMemory(t *testing.T) {
	if spec := os.Getenv("WIREDESK_TEST_DISCOVERY_CHILD"); spec != "" {
		kind, count, _ := strings.Cut(spec, ":")
		n, _ := strconv.Atoi(count)
		discoveryChild(kind, n)
		return
	}
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc: peak RSS is read from /proc/<pid>/status")
	}
	for _, field := range strings.Split(*discoveryURLs, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil {
			t.Fatalf("-discovery.urls: %v", err)
		}
		for _, kind := range []string{"sitemap", "feed"} {
			t.Run(kind+"/"+strconv.Itoa(n), func(t *testing.T) {
				peak, killed, out := runDiscoveryChild(t, kind, n)
				if killed {
					t.Errorf("%d-URL %s: peak RSS passed %d MiB; the child was stopped\n%s", n, kind, discoveryRSSCeiling>>20, out)
					return
				}
				t.Logf("%d-URL %s: peak RSS %.1f MiB (%s)", n, kind, float64(peak)/(1<<20), strings.TrimSpace(out))
				if peak > discoveryRSSBar {
					t.Errorf("peak RSS %.1f MiB, want under %d MiB", float64(peak)/(1<<20), discoveryRSSBar>>20)
				}
			})
		}
	}
}

// runDiscoveryChild runs the child for n URLs, sampling its RSS so that it
// can be stopped at the ceiling, and returns its peak RSS in bytes.
func runDiscoveryChild(t *testing.T, kind string, n int) (peak int64, killed bool, out string) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestDiscoveryMemory$", "-test.count=1")
	cmd.Env = append(os.Environ(), "WIREDESK_TEST_DISCOVERY_CHILD="+kind+":"+strconv.Itoa(n))
	var buf strings.Builder
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
	for {
		select {
		case err := <-done:
			if killed {
				return peak, true, buf.String()
			}
			if err != nil {
				t.Fatalf("child: %v\n%s", err, buf.String())
			}
			for _, line := range strings.Split(buf.String(), "\n") {
				if v, ok := strings.CutPrefix(line, "peak-rss-kib "); ok {
					kib, _ := strconv.ParseInt(v, 10, 64)
					peak = max(peak, kib<<10)
				} else if strings.HasPrefix(line, "stats ") {
					out = line
				}
			}
			return peak, false, out
		case <-tick.C:
			if rss := procKiB(status, "VmHWM:") << 10; rss > peak {
				peak = rss
			}
			if peak > discoveryRSSCeiling && !killed {
				killed = true
				cmd.Process.Kill()
			}
		}
	}
}

// procKiB reads a "Field:  N kB" line of a /proc status file.
func procKiB(path, field string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field); ok {
			kib, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kib
		}
	}
	return 0
}

// discoveryChild serves an n-URL sitemap (kind "sitemap") or RSS feed
// ("feed"), polls it once, and prints the poll's stats and the process's
// peak RSS.
func discoveryChild(kind string, n int) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/sitemap.xml.gz":
			w.Header().Set("Content-Type", "application/x-gzip")
			zw := gzip.NewWriter(w)
			writeSitemap(zw, n)
			zw.Close()
		case "/feed.xml":
			// Compressed in transit, as servers send large feeds.
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			writeFeed(zw, n)
			zw.Close()
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	src := Source{ID: "big", Sitemaps: []string{srv.URL + "/sitemap.xml.gz"}, Rate: 1e6}
	if kind == "feed" {
		src = Source{ID: "big", Feeds: []string{srv.URL + "/feed.xml"}, Rate: 1e6}
	}
	f := New(Config{AllowPrivate: true, IgnoreRobots: true, Retries: -1}, discardPublisher{},
		nil, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	st, err := f.PollAll(ctx, []Source{src})
	fmt.Printf("stats discovered=%d errors=%d skipped=%d err=%v\n", st.Discovered, st.Errors, st.Skipped, err)
	fmt.Println("peak-rss-kib", procKiB("/proc/self/status", "VmHWM:"))
}

// writeSitemap writes a urlset of n article URLs. Locations are
// root-relative and undated, so that a million of them (32 MB) fit under
// the protocol's 50 MB: a sitemap that the fetcher reads whole. (Ordering
// by date is tested in TestSitemapCaps.)
func writeSitemap(w io.Writer, n int) {
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for i := range n {
		fmt.Fprintf(bw, "<url><loc>/a/%d</loc></url>\n", i)
	}
	bw.WriteString("</urlset>\n")
	bw.Flush()
}

// writeFeed writes an RSS feed of n items. A large one is cut at
// fetcher.max_body and fails as too_large, in bounded memory.
func writeFeed(w io.Writer, n int) {
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<rss version="2.0"><channel><title>big</title>` + "\n")
	for i := range n {
		fmt.Fprintf(bw, "<item><link>/a/%d</link></item>\n", i)
	}
	bw.WriteString("</channel></rss>\n")
	bw.Flush()
}

// discardPublisher accepts every page; the benchmark's pages are 404s, so
// it is never called.
type discardPublisher struct{}

func (discardPublisher) Publish(context.Context, string, string, []byte) error { return nil }

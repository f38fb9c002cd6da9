package main

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/service/servicetest"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// runWiredesk runs the all-in-one as the README's first command does, with
// its data in dir.
func runWiredesk(t testing.TB, dir string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	args = append([]string{"-data", dir, "-listen", "", "-log-level", "warn"}, args...)
	if slices.Contains(args, "-demo") && !slices.Contains(args, "-demo-addr") {
		// Not the fixed default: tests run beside each other.
		args = append(args, "-demo-addr", demoAddr(t, dir))
	}
	if err := run(ctx, args, nil, &stdout, &stderr); err != nil {
		t.Fatalf("wiredesk %s: %v\nstderr:\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// demoAddr returns a free loopback address for the demo site, the same
// for every run on dir, as the fixed default is for an operator.
func demoAddr(t testing.TB, dir string) string {
	t.Helper()
	demoAddrs.Lock()
	defer demoAddrs.Unlock()
	if a, ok := demoAddrs.m[dir]; ok {
		return a
	}
	a := servicetest.FreeAddr(t)
	demoAddrs.m[dir] = a
	return a
}

var demoAddrs = struct {
	sync.Mutex
	m map[string]string
}{m: map[string]string{}}

var publishedRE = regexp.MustCompile(`pages fetched\s+\d+ \(published (\d+)`)

var storedRE = regexp.MustCompile(`articles stored\s+(\d+) new, (\d+) updated, (\d+) unchanged.*; (\d+) in the store`)

func storedCounts(t testing.TB, summary string) (newN, updated, unchanged, total int) {
	t.Helper()
	m := storedRE.FindStringSubmatch(summary)
	if m == nil {
		t.Fatalf("no 'articles stored' line in the summary:\n%s", summary)
	}
	n := make([]int, 4)
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	return n[0], n[1], n[2], n[3]
}

// The demo run stores the demo's diplomatic Turkish and Russian articles,
// prints its summary, and a second run stores nothing new.
func TestDemoOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline")
	}
	dir := t.TempDir()
	out := runWiredesk(t, dir, "-demo", "-once")
	for _, want := range []string{"pages fetched", "articles kept", "pages dropped", "dead letters       0", "where to look"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	newN, _, _, total := storedCounts(t, out)
	if newN == 0 || newN != total {
		t.Errorf("first run stored %d new of %d in the store", newN, total)
	}

	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(dir, "wiredesk.db"), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := st.List(context.Background(), store.Query{Limit: 1000})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != total {
		t.Errorf("store lists %d articles, summary says %d", len(recs), total)
	}
	for _, r := range recs {
		if r.Article.Lang != "tr" && r.Article.Lang != "ru" {
			t.Errorf("stored %s in %q", r.Article.URL, r.Article.Lang)
		}
		if !r.Article.Relevance.Relevant {
			t.Errorf("stored an irrelevant article: %s", r.Article.URL)
		}
	}

	again := runWiredesk(t, dir, "-demo", "-once")
	newN, updated, _, total2 := storedCounts(t, again)
	if newN != 0 || updated != 0 || total2 != total {
		t.Errorf("second run: %d new, %d updated, %d in the store (was %d); want no change:\n%s", newN, updated, total2, total, again)
	}
	// On the same origin the fetcher knows the pages: it publishes none again.
	if m := publishedRE.FindStringSubmatch(again); m == nil || m[1] != "0" {
		t.Errorf("second run published pages again (%v):\n%s", m, again)
	}
}

func TestFlagsAndConfig(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  []string
		want string
	}{
		{"check config needs sources", []string{"-check-config"}, nil, "no sources configured"},
		{"demo check config", []string{"-demo", "-check-config"}, nil, "configuration ok: the demo site's 3 sources"},
		{"no sources", nil, nil, "no sources"},
		{"bad flag", []string{"-bogus"}, nil, "flag provided but not defined"},
		{"bad env", []string{"-check-config"}, []string{"WIREDESK_LOG_FORMAT=xml"}, `log.format: "xml"`},
		{"unknown env", []string{"-check-config"}, []string{"WIREDESK_NOPE=1"}, "unknown variable WIREDESK_NOPE"},
		{"missing file", []string{"-config", "/nonexistent.yaml"}, nil, "no such file"},
		{"stray argument", []string{"demo"}, nil, "unexpected arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, tt.env, &stdout, &stderr)
			got := stdout.String()
			if err != nil {
				got += err.Error()
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("got %q (stderr %q), want %q", got, stderr.String(), tt.want)
			}
		})
	}
}

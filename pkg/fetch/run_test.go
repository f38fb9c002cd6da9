package fetch

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// Run polls each source every interval, spread by jitter, until its
// context ends.
func TestRunPollsEveryInterval(t *testing.T) {
	e := newEnv(t, testConfig())
	s := newSite(t, map[string]http.Handler{
		"/feed.xml":       feedOf("/news/run-story"),
		"/news/run-story": htmlPage(story("Run story")),
	})
	const interval = 200 * time.Millisecond
	src := Source{ID: "run", Feeds: []string{s.url("/feed.xml")}, Rate: 1000, Interval: interval}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.f.Run(ctx, []Source{src}) }()
	deadline := time.Now().Add(10 * time.Second)
	for len(s.requests("/feed.xml")) < 4 {
		if time.Now().After(deadline) {
			t.Fatalf("%d polls in 10s with a %v interval", len(s.requests("/feed.xml")), interval)
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run = %v", err)
	}
	polls := s.requests("/feed.xml")
	// Jitter is ±5% of the interval by default; allow for a loaded machine
	// above, none below.
	// The span is judged, and each gap loosely: one late arrival on a
	// loaded machine makes the next gap look short.
	low := interval - interval/10
	if span, want := polls[len(polls)-1].at.Sub(polls[0].at), time.Duration(len(polls)-1)*low; span < want {
		t.Errorf("%d polls took %v, want at least %v", len(polls), span, want)
	}
	for i := 1; i < len(polls); i++ {
		if gap := polls[i].at.Sub(polls[i-1].at); gap < interval/2 {
			t.Errorf("polls %d and %d are %v apart, want about %v", i-1, i, gap, interval)
		}
	}
	if n := len(e.pages(t, "run")); n != 1 {
		t.Errorf("%d pages published by %d polls, want 1", n, len(polls))
	}
}

package fetch

import (
	"net/http"
	"sync"
	"testing"
)

// versioned is an article whose content the test can change, served with
// the validators the case asks for, honouring conditional requests.
type versioned struct {
	mu           sync.Mutex
	title        string
	etag         string
	lastModified string
}

func (v *versioned) set(title, etag, lastModified string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.title, v.etag, v.lastModified = title, etag, lastModified
}

func (v *versioned) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	v.mu.Lock()
	title, etag, lm := v.title, v.etag, v.lastModified
	v.mu.Unlock()
	if etag != "" {
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if lm != "" {
		w.Header().Set("Last-Modified", lm)
		if etag == "" && r.Header.Get("If-Modified-Since") == lm {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(story(title)))
}

// TestConditionalGet polls one page three times: new, not modified (or
// unchanged without validators), changed.
func TestConditionalGet(t *testing.T) {
	const (
		lm1 = "Tue, 03 Mar 2026 09:00:00 GMT"
		lm2 = "Tue, 03 Mar 2026 10:00:00 GMT"
	)
	tests := []struct {
		name          string
		etag1, etag2  string
		lm1, lm2      string
		wantNotMod    bool
		wantCondition string // the request header that carries the validator
	}{
		{"etag", `"v1"`, `"v2"`, "", "", true, "If-None-Match"},
		{"last-modified", "", "", lm1, lm2, true, "If-Modified-Since"},
		{"both", `W/"a1"`, `W/"a2"`, lm1, lm2, true, "If-None-Match"},
		{"no validators", "", "", "", "", false, ""},
	}
	e := newEnv(t, testConfig())
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.restart(t, testConfig())
			page := &versioned{}
			page.set("First version", tt.etag1, tt.lm1)
			s := newSite(t, map[string]http.Handler{
				"/feed.xml":                   feedOf("/news/conditional-get-story"),
				"/news/conditional-get-story": page,
			})
			id := "cond" + string(rune('a'+i))
			src := Source{ID: id, Feeds: []string{s.url("/feed.xml")}, Rate: 1000}

			if st := e.poll(t, src); st.Published != 1 {
				t.Fatalf("first poll: %+v", st)
			}
			st := e.poll(t, src)
			if st.Published != 0 {
				t.Errorf("second poll published %d", st.Published)
			}
			if tt.wantNotMod && st.NotModified != 1 {
				t.Errorf("second poll: %+v, want 1 not modified", st)
			}
			if !tt.wantNotMod && st.Unchanged != 1 {
				t.Errorf("second poll: %+v, want 1 unchanged", st)
			}
			hits := s.requests("/news/conditional-get-story")
			if tt.wantCondition != "" && len(hits) == 2 && hits[1].header.Get(tt.wantCondition) == "" {
				t.Errorf("second request without %s: %v", tt.wantCondition, hits[1].header)
			}

			page.set("Second version", tt.etag2, tt.lm2)
			if st := e.poll(t, src); st.Published != 1 {
				t.Errorf("third poll after a change: %+v", st)
			}
			ps := e.pages(t, id)
			if len(ps) != 2 {
				t.Fatalf("%d messages, want 2", len(ps))
			}
			if ps[0].page.ID != ps[1].page.ID {
				t.Errorf("ids differ: %s, %s", ps[0].page.ID, ps[1].page.ID)
			}
			if ps[0].page.ContentHash == ps[1].page.ContentHash || ps[0].msgID == ps[1].msgID {
				t.Errorf("content hash unchanged: %s", ps[0].page.ContentHash)
			}
			if ps[1].page.HTTP.ETag != tt.etag2 || ps[1].page.HTTP.LastModified != tt.lm2 {
				t.Errorf("http = %+v", ps[1].page.HTTP)
			}
		})
	}
}

// TestSeenSurvivesRestart polls with one fetcher, then with a new one on
// the same KV bucket: nothing is published again.
func TestSeenSurvivesRestart(t *testing.T) {
	e := newEnv(t, testConfig())
	withETag := &versioned{}
	withETag.set("Validated story", `"etag-1"`, "")
	plain := &versioned{}
	plain.set("Plain story", "", "")
	s := newSite(t, map[string]http.Handler{
		"/feed.xml":                 feedOf("/news/restart-etag-story", "/news/restart-plain-story"),
		"/news/restart-etag-story":  withETag,
		"/news/restart-plain-story": plain,
	})
	src := Source{ID: "restart", Feeds: []string{s.url("/feed.xml")}, Rate: 1000}
	if st := e.poll(t, src); st.Published != 2 {
		t.Fatalf("first poll: %+v", st)
	}
	e.restart(t, testConfig())
	st := e.poll(t, src)
	if st.Published != 0 || st.NotModified != 1 || st.Unchanged != 1 {
		t.Errorf("after restart: %+v, want 1 not modified and 1 unchanged", st)
	}
	if n := len(e.pages(t, "restart")); n != 2 {
		t.Errorf("%d messages on the bus, want 2", n)
	}

	// Without the bucket, a new fetcher has no memory and fetches all.
	e.f = New(testConfig(), e.conn, nil, e.f.log, nil)
	if st := e.poll(t, src); st.Published != 2 || st.NotModified != 0 {
		t.Errorf("without KV: %+v, want both published", st)
	}
}

func TestSeenKey(t *testing.T) {
	a, b := seenKey("http://example.com/a"), seenKey("http://example.com/b")
	if a == b || len(a) != len("u.")+16 || a[:2] != "u." {
		t.Errorf("seenKey = %q, %q", a, b)
	}
}

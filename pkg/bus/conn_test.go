package bus_test

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
)

func TestCheckURL(t *testing.T) {
	tests := []struct {
		url, want string // want "" = valid
	}{
		{"nats://127.0.0.1:4222", ""},
		{"nats://a:4222, nats://b:4222", ""},
		{"tls://nats.example:4443", ""},
		{"nats://user:pw@host:4222", ""},
		{"127.0.0.1:4222", ""},
		{"localhost", ""},
		{"[::1]:4222", ""},
		{"nats//127.0.0.1:4222", `is "://" missing after "nats"?`},
		{"http://127.0.0.1:4222", `scheme "http"`},
		{"nats://127.0.0.1:42x2", "does not parse"},
		{"nats://127.0.0.1:99999", "port"},
		{"nats://:4222", "no host"},
		{"nats://host:4222/path", "path"},
		{"nats://a:4222,", "empty entry"},
		{"", "no NATS URL"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			err := bus.CheckURL(tt.url)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("CheckURL(%q) = %v", tt.url, err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("CheckURL(%q) = %v, want %q", tt.url, err, tt.want)
			}
		})
	}
}

// Passwords never reach the text of a URL error, whether the URL parses
// or not.
func TestURLErrorsRedactPasswords(t *testing.T) {
	const pw = "s3cr3t-pw"
	for _, u := range []string{
		"nats://wd:" + pw + "@host:42x2",
		"nats//wd:" + pw + "@127.0.0.1:4222",
		"wd:" + pw + "@127.0.0.1:4222/x",
		"nats://ok:4222,http://wd:" + pw + "@h:1",
		"nats://wd:" + pw + "@host:4222/%zz",
	} {
		err := bus.CheckURL(u)
		if err == nil {
			t.Errorf("CheckURL(%q) = nil", u)
			continue
		}
		if strings.Contains(err.Error(), pw) {
			t.Errorf("CheckURL(%q) printed the password: %v", u, err)
		}
		if got := bus.RedactURL(u); strings.Contains(got, pw) {
			t.Errorf("RedactURL(%q) = %q", u, got)
		}
	}
}

// syncBuf collects log output written by background goroutines.
type syncBuf struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func freeURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return "nats://" + addr
}

// A NATS that is not there is reported at once and on each retry, with
// the URL, and the error at the end names the URL too.
func TestConnectDownIsLoud(t *testing.T) {
	url := freeURL(t)
	var logs syncBuf
	log := slog.New(slog.NewTextHandler(&logs, nil))
	ctx, cancel := context.WithTimeout(context.Background(), 2500*time.Millisecond)
	defer cancel()
	_, err := bus.Connect(ctx, bus.Config{URL: url}, log)
	if err == nil {
		t.Fatal("connected to nothing")
	}
	if !strings.Contains(err.Error(), url) {
		t.Errorf("error does not name the URL: %v", err)
	}
	out := logs.String()
	for _, want := range []string{"connecting to NATS", "url=" + url, "nats connection failed; retrying", "connection refused"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "nats connection failed"); n < 2 {
		t.Errorf("%d warnings in 2.5 s, want one per attempt:\n%s", n, out)
	}
}

// A server that refuses the credentials ends Connect with the reason,
// at once, and the password is not printed.
func TestConnectRefusedIsReported(t *testing.T) {
	const pw = "right-pw-9"
	url := bustest.StartAuth(t, "wd", pw)
	var logs syncBuf
	log := slog.New(slog.NewTextHandler(&logs, nil))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	start := time.Now()
	_, err := bus.Connect(ctx, bus.Config{URL: url, User: "wd", Password: "wrong-pw-7"}, log)
	if err == nil {
		t.Fatal("connected with a wrong password")
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("refusal took %v", took)
	}
	printed := err.Error() + logs.String()
	for _, want := range []string{"refused the connection", "authorization violation", url} {
		if !strings.Contains(strings.ToLower(printed), strings.ToLower(want)) {
			t.Errorf("output lacks %q:\n%s", want, printed)
		}
	}
	if strings.Contains(printed, "wrong-pw-7") {
		t.Errorf("the password was printed:\n%s", printed)
	}
}

// /readyz prints Ready's error after "nats: ": it must read as English.
func TestReadyNamesStateAndURL(t *testing.T) {
	srv, c := bustest.Start(t)
	if err := c.Ready(); err != nil {
		t.Fatal(err)
	}
	url := srv.ClientURL()
	srv.Shutdown()
	deadline := time.Now().Add(5 * time.Second)
	for c.Ready() == nil {
		if time.Now().After(deadline) {
			t.Fatal("still ready after the server stopped")
		}
		time.Sleep(10 * time.Millisecond)
	}
	got := c.Ready().Error()
	if !strings.HasPrefix(got, "reconnecting to "+url) {
		t.Errorf("Ready() = %q, want it to start %q", got, "reconnecting to "+url)
	}
}

// TestGetMsgFromLeader: a message the stream holds comes back as it was
// stored; one it does not hold is jetstream.ErrMsgNotFound.
func TestGetMsgFromLeader(t *testing.T) {
	_, conn := bustest.Start(t)
	ctx := context.Background()
	if err := conn.Publish(ctx, bus.SubjectRaw("wire"), "p1", []byte(`{"page":1}`)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		seq  uint64
		want string
		err  error
	}{
		{"held", 1, `{"page":1}`, nil},
		{"not held", 2, "", jetstream.ErrMsgNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := conn.GetMsgFromLeader(ctx, bus.StreamPages, tt.seq)
			if string(data) != tt.want || !errors.Is(err, tt.err) {
				t.Errorf("got %q, %v; want %q, %v", data, err, tt.want, tt.err)
			}
		})
	}
}

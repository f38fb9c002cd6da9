package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/service/servicetest"
	"github.com/wiredesk/wiredesk/pkg/store/storetest"
)

// TestStoreOutage runs the sink against a real PostgreSQL reached through
// a TCP proxy that the test cuts for a while, as a network partition or a
// database restart would. The sink must report not ready during the
// outage, hold what arrives, and store everything once or not at all:
// every article exactly once, none in the DLQ.
func TestStoreOutage(t *testing.T) {
	admin := os.Getenv("WIREDESK_TEST_POSTGRES")
	if admin == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must set WIREDESK_TEST_POSTGRES")
		}
		t.Skip("WIREDESK_TEST_POSTGRES is not set: no PostgreSQL to cut off")
	}
	ctx := context.Background()
	db := createDatabase(t, admin)
	proxy := startProxy(t, db.Host)
	viaProxy := *db
	viaProxy.Host = proxy.addr

	srv, conn := bustest.Start(t)
	adminAddr, api := servicetest.FreeAddr(t), servicetest.FreeAddr(t)
	var stderr servicetest.Buffer
	stop := servicetest.Start(t, func(ctx context.Context) error {
		return run(ctx, []string{"-nats", srv.ClientURL(), "-listen", adminAddr, "-api-listen", api,
			"-store", viaProxy.String(), "-store-all", "-batch-wait", "20ms"}, nil, nil, io.Discard, &stderr)
	})
	readyz := "http://" + adminAddr + "/readyz"
	servicetest.Get(t, readyz, 200, 30*time.Second)

	publish := func(from, to int) {
		t.Helper()
		for i := from; i < to; i++ {
			a := storetest.NewArticle(i)
			data, err := json.Marshal(a)
			if err != nil {
				t.Fatal(err)
			}
			if err := conn.Publish(ctx, bus.SubjectClean(a.Lang, a.Source), a.ID+":"+a.ContentHash, data); err != nil {
				t.Fatal(err)
			}
		}
	}
	const half = 60
	publish(0, half)
	waitCount(t, db, half, 30*time.Second)

	proxy.cut()
	publish(half, 2*half)
	servicetest.Get(t, readyz, 503, 15*time.Second)
	// The outage lasts until the sink has retried its held batch: the
	// articles published meanwhile wait in the sink, not in the DLQ.
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(servicetest.Get(t, "http://"+adminAddr+"/metrics", 200, 5*time.Second), "wiredesk_sink_store_waits_total 2") {
		if time.Now().After(deadline) {
			t.Fatal("the sink did not retry its batch during the outage")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if n := count(t, db); n != half {
		t.Errorf("%d stored while the store was cut off, want %d", n, half)
	}
	proxy.restore()
	servicetest.Get(t, readyz, 200, 30*time.Second)
	waitCount(t, db, 2*half, 60*time.Second)

	if err := stop(); err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	if n := queryInt(t, db, `SELECT count(*) FROM revisions`); n != 0 {
		t.Errorf("%d earlier revisions: a redelivery was stored twice", n)
	}
	s, err := conn.JS.Stream(ctx, bus.StreamDLQ)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.State.Msgs != 0 {
		t.Errorf("%d messages in the DLQ after a store outage, want 0", info.State.Msgs)
	}
}

// createDatabase makes a database of its own for the test on the server
// of admin, and drops it at the end.
func createDatabase(t testing.TB, admin string) *url.URL {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	name := fmt.Sprintf("wd_outage_%d", time.Now().UnixNano())
	if _, err := c.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), admin)
		if err != nil {
			t.Error(err)
			return
		}
		defer c.Close(context.Background())
		if _, err := c.Exec(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Error(err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u
}

func count(t testing.TB, db *url.URL) int {
	t.Helper()
	return queryInt(t, db, `SELECT count(*) FROM articles`)
}

func queryInt(t testing.TB, db *url.URL, q string) int {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, db.String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var n int
	if err := c.QueryRow(ctx, q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func waitCount(t testing.TB, db *url.URL, want int, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		n := count(t, db)
		if n == want {
			return
		}
		if n > want || time.Now().After(deadline) {
			t.Fatalf("%d articles stored, want %d", n, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// proxy forwards TCP connections to target until cut, which closes its
// listener and every connection through it; restore listens again on the
// same address.
type proxy struct {
	t      testing.TB
	target string
	addr   string
	mu     sync.Mutex
	ln     net.Listener
	conns  map[net.Conn]bool
}

func startProxy(t testing.TB, target string) *proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{t: t, target: target, addr: ln.Addr().String(), conns: map[net.Conn]bool{}}
	p.serve(ln)
	t.Cleanup(p.cut)
	return p
}

func (p *proxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.forward(c)
		}
	}()
}

func (p *proxy) forward(c net.Conn) {
	d, err := net.Dial("tcp", p.target)
	if err != nil {
		c.Close()
		return
	}
	p.mu.Lock()
	p.conns[c], p.conns[d] = true, true
	p.mu.Unlock()
	done := make(chan struct{}, 2)
	pipe := func(dst, src net.Conn) { io.Copy(dst, src); done <- struct{}{} }
	go pipe(d, c)
	go pipe(c, d)
	<-done
	c.Close()
	d.Close()
	p.mu.Lock()
	delete(p.conns, c)
	delete(p.conns, d)
	p.mu.Unlock()
}

func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for c := range p.conns {
		c.Close()
	}
}

func (p *proxy) restore() {
	p.t.Helper()
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatal(err)
	}
	p.serve(ln)
}

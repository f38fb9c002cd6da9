package fetch

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// TestBlockedAddr covers every range of the IANA special-purpose
// registries, at both ends and inside, and the IPv6 forms that carry an
// IPv4 address.
func TestBlockedAddr(t *testing.T) {
	tests := []struct {
		addr    string
		blocked bool
	}{
		// IPv4 special-purpose registry.
		{"0.0.0.0", true}, {"0.255.255.255", true},
		{"10.0.0.1", true}, {"10.255.255.255", true},
		{"100.64.0.0", true}, {"100.100.100.200", true}, {"100.127.255.255", true}, {"100.63.255.255", false}, {"100.128.0.0", false},
		{"127.0.0.1", true}, {"127.255.255.254", true},
		{"169.254.169.254", true}, {"169.254.0.1", true},
		{"172.16.0.1", true}, {"172.31.255.255", true}, {"172.15.255.255", false}, {"172.32.0.0", false},
		{"192.0.0.1", true}, {"192.0.0.8", true}, {"192.0.0.170", true}, {"192.0.0.255", true},
		{"192.0.0.9", false}, {"192.0.0.10", false}, // anycast, globally reachable
		{"192.0.2.1", true}, {"192.88.99.1", true},
		{"192.168.1.1", true}, {"192.169.0.1", false},
		{"198.18.0.1", true}, {"198.19.255.255", true}, {"198.17.255.255", false}, {"198.20.0.0", false},
		{"198.51.100.7", true}, {"203.0.113.9", true},
		{"224.0.0.1", true}, {"239.255.255.250", true},
		{"240.0.0.1", true}, {"255.255.255.255", true},
		{"192.31.196.1", false}, {"192.175.48.1", false}, // AS112, globally reachable
		{"8.8.8.8", false}, {"93.184.216.34", false}, {"1.1.1.1", false},
		// IPv6 special-purpose registry.
		{"::", true}, {"::1", true}, {"::7f00:1", true}, // the last, IPv4-compatible 127.0.0.1
		{"64:ff9b:1::1", true}, {"64:ff9b:1:ffff::", true},
		{"100::1", true}, {"100::ffff:ffff:ffff:ffff", true}, {"100:0:0:1::1", true},
		{"2001:2::1", true},      // benchmarking
		{"2001:10::1", true},     // deprecated ORCHID
		{"2001:1::4", true},      // IETF protocol assignments
		{"2001:100::1", true},    // the rest of 2001::/23
		{"2001:1::1", false},     // PCP anycast
		{"2001:1::2", false},     // TURN anycast
		{"2001:1::3", false},     // DNS-SD SRP anycast
		{"2001:3::1", false},     // AMT
		{"2001:4:112::1", false}, // AS112-v6
		{"2001:20::1", false},    // ORCHIDv2
		{"2001:200::1", false},   // past 2001::/23: ordinary unicast
		{"2001:db8::1", true}, {"2001:db8:ffff::1", true},
		{"3fff::1", true}, {"3fff:fff::1", true},
		{"5f00::1", true},
		{"fc00::1", true}, {"fd12:3456::1", true},
		{"fe80::1", true}, {"fe80::1%eth0", true}, {"febf::1", true},
		{"fec0::1", true},
		{"ff02::1", true}, {"ff05::1:3", true},
		{"2606:4700::1111", false}, {"2a00:1450:4001::200e", false},
		// IPv4 inside IPv6: judged by the IPv4 address.
		{"::ffff:127.0.0.1", true}, {"::ffff:10.1.2.3", true}, {"::ffff:100.100.100.200", true}, {"::ffff:8.8.8.8", false},
		{"::ffff:0:a9fe:a9fe", true}, {"::ffff:0:808:808", false}, // IPv4-translated
		{"64:ff9b::127.0.0.1", true}, {"64:ff9b::169.254.169.254", true}, {"64:ff9b::192.168.0.1", true}, {"64:ff9b::8.8.8.8", false},
		{"2002:7f00:1::", true}, {"2002:a9fe:a9fe::1", true}, {"2002:c0a8:101::", true}, {"2002:808:808::1", false},
		// Teredo: server 2001:0:SSSS:SSSS, client ^CCCC:CCCC at the end.
		{"2001:0:4136:e378:8000:63bf:3fff:fdd2", true}, // RFC 4380's example: client 192.0.2.45, documentation
		{"2001:0:4136:e378:8000:63bf:80ff:fffe", true}, // client 127.0.0.1
		{"2001:0:7f00:1:8000:63bf:f7f7:f7f7", true},    // server 127.0.0.1
		{"2001:0:808:808:8000:63bf:f7f7:f7f7", false},  // server and client 8.8.8.8
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			ip := netip.MustParseAddr(tt.addr)
			if got := blockedAddr(ip); got != tt.blocked {
				t.Errorf("blockedAddr(%s) = %v, want %v", tt.addr, got, tt.blocked)
			}
			err := refusePrivate("tcp", net.JoinHostPort(tt.addr, "80"), nil)
			if got := errors.Is(err, errPrivate); got != tt.blocked {
				t.Errorf("refusePrivate(%s) = %v, want refused %v", tt.addr, err, tt.blocked)
			}
		})
	}
}

// TestProxyChecksTarget sends requests through an HTTP proxy: the fetcher
// connects to the proxy (on loopback, allowed because the operator chose
// it) and resolves and checks each target before sending it there.
func TestProxyChecksTarget(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.URL.String())
		mu.Unlock()
		io.WriteString(w, "via proxy")
	}))
	t.Cleanup(proxy.Close)
	pu, _ := url.Parse(proxy.URL)
	tests := []struct {
		target       string
		allowPrivate bool
		refused      bool
	}{
		{"http://93.184.216.34/news/a", false, false},
		{"http://10.1.2.3/news/a", false, true},
		{"http://100.100.100.200/latest/meta-data", false, true},
		{"http://[64:ff9b::a9fe:a9fe]/latest", false, true},
		{"http://[2002:a00:1::]/x", false, true},
		{"http://localhost:9/x", false, true}, // resolved: 127.0.0.1 or ::1
		{"http://10.1.2.3/news/a", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			cfg := testConfig()
			cfg.AllowPrivate = tt.allowPrivate
			cfg.Retries = -1
			cfg.proxy = func(*url.URL) (*url.URL, error) { return pu, nil }
			c := newClient(cfg.withDefaults())
			u, _ := url.Parse(tt.target)
			mu.Lock()
			seen = nil
			mu.Unlock()
			r, err := c.get(context.Background(), request{u: u})
			mu.Lock()
			reached := len(seen) > 0
			mu.Unlock()
			if tt.refused {
				if !errors.Is(err, errPrivate) || reached {
					t.Errorf("err = %v, proxy reached %v; want refused before the proxy", err, reached)
				}
				return
			}
			if err != nil || string(r.Body) != "via proxy" || !reached {
				t.Errorf("err = %v, proxy reached %v; want the proxy's answer", err, reached)
			}
		})
	}
}

// TestCheckTargetResolves checks a name by what it resolves to.
func TestCheckTargetResolves(t *testing.T) {
	if err := checkTarget(context.Background(), net.DefaultResolver, "localhost"); !errors.Is(err, errPrivate) || !strings.Contains(err.Error(), "localhost resolves to") {
		t.Errorf("checkTarget(localhost) = %v, want refused", err)
	}
}

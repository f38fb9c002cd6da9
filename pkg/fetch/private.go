package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

var errPrivate = errors.New("refusing a private, loopback or special-purpose address")

// The special-purpose ranges of the IANA IPv4 and IPv6 Special-Purpose
// Address Registries (and multicast, site-local, and the ranges that
// embed an IPv4 address). A crawler has no business with any of them: a
// feed that links into them is probing the network the fetcher runs in
// (a cloud metadata service answers on 100.100.100.200 and 169.254.169.254).
// Ranges that embed an IPv4 address are not here: they are unwrapped and
// the IPv4 address judged instead (see embeddedIPv4).
var blockedPrefixes = prefixes(
	// IPv4.
	"0.0.0.0/8",       // "this network" (RFC 791)
	"10.0.0.0/8",      // private (RFC 1918)
	"100.64.0.0/10",   // shared address space, carrier-grade NAT (RFC 6598)
	"127.0.0.0/8",     // loopback
	"169.254.0.0/16",  // link local
	"172.16.0.0/12",   // private
	"192.0.0.0/24",    // IETF protocol assignments (RFC 6890), DS-Lite, NAT64 discovery
	"192.0.2.0/24",    // documentation, TEST-NET-1
	"192.88.99.0/24",  // deprecated 6to4 relay anycast (RFC 7526)
	"192.168.0.0/16",  // private
	"198.18.0.0/15",   // benchmarking (RFC 2544)
	"198.51.100.0/24", // documentation, TEST-NET-2
	"203.0.113.0/24",  // documentation, TEST-NET-3
	"224.0.0.0/4",     // multicast
	"240.0.0.0/4",     // reserved, and the limited broadcast 255.255.255.255
	// IPv6.
	"::/96",          // unspecified, loopback and deprecated IPv4-compatible (RFC 4291)
	"64:ff9b:1::/48", // local-use IPv4/IPv6 translation (RFC 8215)
	"100::/64",       // discard-only (RFC 6666)
	"100:0:0:1::/64", // dummy prefix (RFC 9780)
	"2001::/23",      // IETF protocol assignments; the global parts are allowed below
	"2001:db8::/32",  // documentation
	"3fff::/20",      // documentation (RFC 9637)
	"5f00::/16",      // segment routing SIDs (RFC 9602)
	"fc00::/7",       // unique local
	"fe80::/10",      // link local
	"fec0::/10",      // deprecated site local
	"ff00::/8",       // multicast
)

// globalPrefixes are the parts of blocked ranges that the registries mark
// globally reachable: anycast services on the public internet.
var globalPrefixes = prefixes(
	"192.0.0.9/32",    // Port Control Protocol anycast
	"192.0.0.10/32",   // TURN anycast
	"2001:1::1/128",   // Port Control Protocol anycast
	"2001:1::2/128",   // TURN anycast
	"2001:1::3/128",   // DNS-SD service registration protocol anycast
	"2001:3::/32",     // AMT
	"2001:4:112::/48", // AS112-v6
	"2001:20::/28",    // ORCHIDv2
)

func prefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

var (
	mapped     = netip.MustParsePrefix("::ffff:0:0/96")   // IPv4-mapped
	translated = netip.MustParsePrefix("::ffff:0:0:0/96") // IPv4-translated (SIIT, RFC 2765)
	nat64      = netip.MustParsePrefix("64:ff9b::/96")    // well-known NAT64 prefix (RFC 6052)
	sixToFour  = netip.MustParsePrefix("2002::/16")       // 6to4 (RFC 3056)
	teredo     = netip.MustParsePrefix("2001::/32")       // Teredo (RFC 4380)
)

// embeddedIPv4 returns the IPv4 addresses that an IPv6 address carries
// and that a packet to it reaches in the end: the address of an
// IPv4-mapped, IPv4-translated or NAT64 address, the relay of a 6to4
// address, and a Teredo address's server and (obfuscated) client.
func embeddedIPv4(ip netip.Addr) []netip.Addr {
	if !ip.Is6() {
		return nil
	}
	b := ip.As16()
	v4 := func(i int) netip.Addr { return netip.AddrFrom4([4]byte{b[i], b[i+1], b[i+2], b[i+3]}) }
	switch {
	case mapped.Contains(ip), translated.Contains(ip), nat64.Contains(ip):
		return []netip.Addr{v4(12)}
	case sixToFour.Contains(ip):
		return []netip.Addr{v4(2)}
	case teredo.Contains(ip):
		client := netip.AddrFrom4([4]byte{^b[12], ^b[13], ^b[14], ^b[15]})
		return []netip.Addr{v4(4), client}
	}
	return nil
}

// blockedAddr reports whether the fetcher must not connect to ip: an
// address of a special-purpose range, or an IPv6 address that carries
// one.
func blockedAddr(ip netip.Addr) bool {
	ip = ip.WithZone("")
	if !ip.IsValid() {
		return true
	}
	if v4s := embeddedIPv4(ip); v4s != nil {
		for _, v4 := range v4s {
			if blockedAddr(v4) {
				return true
			}
		}
		// A Teredo address is in 2001::/23 but is judged by what it
		// carries; the others are outside every blocked range.
		return false
	}
	for _, p := range globalPrefixes {
		if p.Contains(ip) {
			return false
		}
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// refusePrivate is a net.Dialer Control: it runs after resolution, on the
// address about to be connected to, so that a DNS name that resolves to
// a private address is caught too.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%s: %w", address, err)
	}
	if blockedAddr(ip) {
		return fmt.Errorf("%s: %w", address, errPrivate)
	}
	return nil
}

// resolver looks up a host's addresses; *net.Resolver is one.
type resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
}

// checkTarget resolves host and refuses it when any of its addresses is
// blocked. It guards requests sent through an HTTP proxy, where the
// fetcher connects only to the proxy and the dial-time check would judge
// the proxy's address instead of the target's. The proxy resolves the
// name again, so a DNS server that answers differently the second time
// (DNS rebinding) can still get past it; a proxy that enforces its own
// egress rules is the complete answer.
func checkTarget(ctx context.Context, r resolver, host string) error {
	if ip, err := netip.ParseAddr(host); err == nil {
		if blockedAddr(ip) {
			return fmt.Errorf("%s: %w", host, errPrivate)
		}
		return nil
	}
	ips, err := r.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return fmt.Errorf("resolve %s before sending it to the proxy: %w", host, err)
	}
	for _, ip := range ips {
		if blockedAddr(ip) {
			return fmt.Errorf("%s resolves to %s: %w", host, ip, errPrivate)
		}
	}
	return nil
}

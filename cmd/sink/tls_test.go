package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// selfSigned returns a certificate for 127.0.0.1 signed by itself, and
// its PEM.
func selfSigned(t *testing.T) (tls.Certificate, []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, IsCA: true, BasicConstraintsValid: true,
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

// TestBadCertificateIsReported: a NATS whose certificate the sink does
// not trust is reported with the reason, at once and while it waits.
func TestBadCertificateIsReported(t *testing.T) {
	cert, _ := selfSigned(t)
	_, otherCA := selfSigned(t)
	srv, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, NoLog: true, NoSigs: true,
		TLS: true, TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}})
	if err != nil {
		t.Fatal(err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats not ready")
	}
	t.Cleanup(srv.Shutdown)
	ca := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(ca, otherCA, 0o644); err != nil {
		t.Fatal(err)
	}
	url := "tls://" + srv.Addr().String()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var out, errb bytes.Buffer
	err = run(ctx, []string{"-nats", url, "-listen", "", "-api-listen", "", "-store", "sqlite:" + filepath.Join(t.TempDir(), "w.db")},
		[]string{"WIREDESK_NATS_TLS_CA=" + ca}, nil, &out, &errb)
	if err == nil {
		t.Fatal("connected to a server it does not trust")
	}
	for _, want := range []string{"nats connection failed; retrying", "url=" + url, "certificate signed by unknown authority"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, errb.String())
		}
	}
	if !strings.Contains(err.Error(), url) || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("error = %v, want the URL and the reason", err)
	}
}

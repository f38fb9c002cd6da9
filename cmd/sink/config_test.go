package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckConfigCatches: -check-config finds what would fail later, and
// says it in plain words with the key, the file and the line.
func TestCheckConfigCatches(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "wiredesk.yaml")
	if err := os.WriteFile(typo, []byte("sink:\n  batch_size: 10\n  batch_wiat: 1s\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		env  []string
		want string
	}{
		{"malformed NATS URL", []string{"-nats", "nats//127.0.0.1:4222"}, nil, `nats.url: NATS URL "nats//127.0.0.1:4222": want nats://HOST:PORT`},
		{"missing creds", nil, []string{"WIREDESK_NATS_CREDS_FILE=" + filepath.Join(dir, "nope.creds")}, "nats.creds_file: stat " + dir},
		{"missing nkey", nil, []string{"WIREDESK_NATS_NKEY_FILE=" + filepath.Join(dir, "nope.nk")}, "nats.nkey_file:"},
		{"missing TLS CA", nil, []string{"WIREDESK_NATS_TLS_CA=" + filepath.Join(dir, "ca.pem")}, "nats.tls_ca:"},
		{"missing TLS cert", nil, []string{"WIREDESK_NATS_TLS_CERT=" + filepath.Join(dir, "c.pem"), "WIREDESK_NATS_TLS_KEY=" + filepath.Join(dir, "k.pem")}, "nats.tls_cert"},
		{"sqlite without a path", []string{"-store", "sqlite:"}, nil, "sink.store: sqlite: needs a path"},
		{"unknown key", []string{"-config", typo}, nil, "unknown key sink.batch_wiat (line 3 of " + typo + "); did you mean batch_wait?"},
		{"duration without unit", []string{"-batch-wait", "30"}, nil, "durations need a unit, as in 30s"},
		{"bad integer flag", []string{"-batch-size", "two"}, nil, `"two" is not a whole number`},
		{"bad integer env", nil, []string{"WIREDESK_SINK_BATCH_SIZE=two"}, `WIREDESK_SINK_BATCH_SIZE (sink.batch_size): "two" is not a whole number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), append([]string{"-check-config"}, tt.args...), tt.env, nil, &out, &errb)
			if err == nil {
				t.Fatalf("-check-config passed:\n%s", out.String())
			}
			if got := err.Error() + errb.String(); !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSecretsNeverInErrors feeds malformed DSNs and NATS URLs that carry
// a password to -check-config, to the store's open (migrate) and to the
// NATS connect: the password appears in nothing the sink prints.
func TestSecretsNeverInErrors(t *testing.T) {
	const pw = "Hunter2-pw"
	tests := []struct {
		name string
		args []string
		env  []string
	}{
		{"key=value DSN", []string{"-check-config", "-store", "host=db user=wd password=" + pw}, nil},
		{"key=value DSN in env", []string{"-check-config"}, []string{"WIREDESK_STORE=host=db password='" + pw + "' dbname=w"}},
		{"DSN with a bad port", []string{"-check-config", "-store", "postgres://wd:" + pw + "@db:5x/w"}, nil},
		{"DSN with an @ in the password", []string{"migrate", "-store", "postgres://wd:" + pw + "@x@127.0.0.1:1/w?connect_timeout=1"}, nil},
		{"DSN pgx refuses", []string{"migrate", "-store", "postgres://wd:" + pw + "@127.0.0.1:1/w?sslmode=bogus"}, nil},
		{"DSN with a bad timeout", []string{"migrate", "-store", "postgres://wd:" + pw + "@127.0.0.1:1/w?connect_timeout=soon"}, nil},
		{"DSN of a server not there", []string{"migrate", "-store", "postgres://wd:" + pw + "@127.0.0.1:1/w?connect_timeout=1"}, nil},
		{"unknown store", []string{"migrate", "-store", "mysql://wd:" + pw + "@db/w"}, nil},
		{"NATS URL typo", []string{"-check-config", "-nats", "nats//wd:" + pw + "@127.0.0.1:4222"}, nil},
		{"NATS URL bad port", []string{"-nats", "nats://wd:" + pw + "@127.0.0.1:4x", "-store", "sqlite:" + filepath.Join(t.TempDir(), "w.db")}, nil},
		{"NATS URL in env", []string{"-check-config"}, []string{"WIREDESK_NATS_URL=tls//wd:" + pw + "@h:1,nats://x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := run(context.Background(), tt.args, tt.env, nil, &out, &errb)
			if err == nil {
				t.Fatalf("no error:\n%s", out.String())
			}
			if printed := err.Error() + out.String() + errb.String(); strings.Contains(printed, pw) {
				t.Errorf("the password was printed:\n%s", printed)
			}
		})
	}
}

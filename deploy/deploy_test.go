// Package deploy_test checks that the shipped deployment files agree with
// the code: the configurations they carry load and validate.
package deploy_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/wiredesk/wiredesk/pkg/config"
)

func TestConfigsValidate(t *testing.T) {
	k8s := configMapData(t, filepath.Join("k8s", "config.yaml"), "wiredesk.yaml")
	compose, err := os.ReadFile(filepath.Join("compose", "wiredesk.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"compose/wiredesk.yaml", compose},
		{"k8s/config.yaml ConfigMap", k8s},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config.Default()
			if err := config.Parse(tt.data, &cfg); err != nil {
				t.Fatal(err)
			}
			if err := cfg.Validate(); err != nil {
				t.Fatal(err)
			}
			if cfg.Streams.Replicas != 3 {
				t.Errorf("streams.replicas = %d, want 3 on a cluster", cfg.Streams.Replicas)
			}
			// In a container, the default loopback address would hide
			// the reader from the analysts.
			if !strings.HasPrefix(cfg.Sink.APIListen, "0.0.0.0:") {
				t.Errorf("sink.api_listen = %q, want it reachable from outside the container", cfg.Sink.APIListen)
			}
		})
	}
}

// TestSystemdUnits checks that each unit starts a command that exists.
func TestSystemdUnits(t *testing.T) {
	units, err := filepath.Glob(filepath.Join("systemd", "*.service"))
	if err != nil || len(units) != 3 {
		t.Fatalf("units = %v, %v; want three", units, err)
	}
	for _, u := range units {
		data, err := os.ReadFile(u)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(u), "wiredesk-"), ".service")
		if _, err := os.Stat(filepath.Join("..", "cmd", name, "main.go")); err != nil {
			t.Errorf("%s: no command %s: %v", u, name, err)
		}
		if !bytes.Contains(data, []byte("ExecStart=/usr/local/bin/wiredesk-"+name+" ")) {
			t.Errorf("%s does not start wiredesk-%s", u, name)
		}
	}
}

func configMapData(t testing.TB, path, key string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := yaml.NewDecoder(f)
	for {
		var doc struct {
			Kind string            `yaml:"kind"`
			Data map[string]string `yaml:"data"`
		}
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if doc.Kind == "ConfigMap" && doc.Data[key] != "" {
			return []byte(doc.Data[key])
		}
	}
	t.Fatalf("%s: no ConfigMap with %s", path, key)
	return nil
}

// TestAlertRules checks that the Prometheus rules parse and name only
// metrics the services export, so that a renamed metric cannot leave an
// alert that never fires.
func TestAlertRules(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("prometheus", "wiredesk-alerts.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var rules struct {
		Groups []struct {
			Rules []struct {
				Alert string `yaml:"alert"`
				Expr  string `yaml:"expr"`
			} `yaml:"rules"`
		} `yaml:"groups"`
	}
	if err := yaml.Unmarshal(data, &rules); err != nil {
		t.Fatal(err)
	}
	exported := exportedMetrics(t)
	metric := regexp.MustCompile(`wiredesk_[a-z_]+`)
	n := 0
	for _, g := range rules.Groups {
		for _, r := range g.Rules {
			n++
			if r.Alert == "" || r.Expr == "" {
				t.Errorf("rule %+v: want an alert name and an expression", r)
			}
			for _, m := range metric.FindAllString(r.Expr, -1) {
				name := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(m, "_bucket"), "_sum"), "_count")
				if !exported[name] {
					t.Errorf("%s: %s is not a metric the services export", r.Alert, m)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no rules")
	}
}

// exportedMetrics are the metric names registered in the Go code.
func exportedMetrics(t testing.TB) map[string]bool {
	t.Helper()
	name := regexp.MustCompile(`Name:\s+"(wiredesk_[a-z_]+)"`)
	out := map[string]bool{}
	err := filepath.WalkDir(filepath.Join("..", "pkg"), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range name.FindAllStringSubmatch(string(src), -1) {
			out[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("found no metrics in pkg/")
	}
	return out
}

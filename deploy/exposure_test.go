package deploy_test

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"go.yaml.in/yaml/v3"

	"github.com/wiredesk/wiredesk/pkg/config"
)

// natsPorts are the ports nats-server listens on: clients, monitoring,
// cluster routes.
var natsPorts = map[string]bool{"4222": true, "8222": true, "6222": true}

// secretName is an environment variable or key that holds a secret.
var secretName = regexp.MustCompile(`(?i)(password|passwd|token|secret|_store$|dsn|seed|creds)`)

type composeFile struct {
	Services map[string]struct {
		Image       string            `yaml:"image"`
		Ports       []string          `yaml:"ports"`
		Environment map[string]string `yaml:"environment"`
		Volumes     []string          `yaml:"volumes"`
	} `yaml:"services"`
}

// TestComposeSafe reads deploy/compose: NATS is published on loopback at
// most, its configuration requires authentication, and no secret is
// written in a committed file.
func TestComposeSafe(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("compose", "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var cf composeFile
	if err := yaml.Unmarshal(data, &cf); err != nil {
		t.Fatal(err)
	}
	natsConfs := map[string]bool{}
	for name, svc := range cf.Services {
		isNATS := strings.HasPrefix(svc.Image, "nats:") || strings.HasPrefix(svc.Image, "nats-")
		for _, p := range svc.Ports {
			hostIP, container := publishedPort(p)
			if (isNATS || natsPorts[container]) && !loopback(hostIP) {
				t.Errorf("service %s publishes %q on every interface; publish NATS on 127.0.0.1 or not at all", name, p)
			}
			if !loopback(hostIP) {
				t.Errorf("service %s publishes %q beyond the host's loopback", name, p)
			}
		}
		for k, v := range svc.Environment {
			if secretName.MatchString(k) && v != "" && !strings.Contains(v, "${") {
				t.Errorf("service %s: %s is written in docker-compose.yml; take it from .env as ${%s}", name, k, k)
			}
		}
		if isNATS {
			for _, v := range svc.Volumes {
				if src, dst, ok := strings.Cut(v, ":"); ok && strings.HasSuffix(strings.Split(dst, ":")[0], ".conf") {
					natsConfs[filepath.Join("compose", src)] = true
				}
			}
		}
	}
	if len(natsConfs) == 0 {
		t.Fatal("no NATS service with a configuration file in docker-compose.yml")
	}
	for conf := range natsConfs {
		t.Run(conf, func(t *testing.T) { checkNATSAuth(t, conf) })
	}

	// The service configuration and the example environment carry no
	// secret; the real environment file is ignored by git.
	wcfg := config.Default()
	raw, err := os.ReadFile(filepath.Join("compose", "wiredesk.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := config.Parse(raw, &wcfg); err != nil {
		t.Fatal(err)
	}
	checkNoSecrets(t, "compose/wiredesk.yaml", wcfg)
	checkEnvExample(t, filepath.Join("compose", ".env.example"))
	ignore, err := os.ReadFile(filepath.Join("compose", ".gitignore"))
	if err != nil || !regexp.MustCompile(`(?m)^/?\.env$`).Match(ignore) {
		t.Errorf("compose/.gitignore does not ignore .env (%v)", err)
	}
}

// publishedPort splits a compose port ("[ip:]host:container[/proto]")
// into the host address it binds ("" for every interface) and the
// container port.
func publishedPort(p string) (hostIP, container string) {
	p, _, _ = strings.Cut(p, "/")
	i := strings.LastIndex(p, ":")
	if i < 0 {
		return "", p
	}
	container, p = p[i+1:], p[:i]
	if j := strings.LastIndex(p, ":"); j >= 0 {
		hostIP = strings.Trim(p[:j], "[]")
	}
	return hostIP, container
}

func loopback(host string) bool {
	ip := net.ParseIP(host)
	return host == "localhost" || ip != nil && ip.IsLoopback()
}

// checkNATSAuth loads a nats-server configuration as nats-server would,
// starts it on a free loopback port, and checks that a client without
// credentials is refused and one with them is let in.
func checkNATSAuth(t *testing.T, conf string) {
	t.Setenv("SERVER_NAME", "test")
	t.Setenv("WIREDESK_NATS_USER", "wiredesk")
	t.Setenv("WIREDESK_NATS_PASSWORD", "a-test-password")
	opts, err := server.ProcessConfigFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	if len(opts.Users) == 0 && len(opts.Nkeys) == 0 && opts.Authorization == "" && opts.TrustedOperators == nil {
		t.Fatalf("%s: no authorization: anyone who reaches it may publish and delete", conf)
	}
	// Run it alone, on loopback, with its own store.
	opts.Host, opts.Port, opts.HTTPPort = "127.0.0.1", -1, 0
	opts.Cluster = server.ClusterOpts{}
	opts.Routes = nil
	opts.StoreDir = t.TempDir()
	opts.NoSigs, opts.NoLog = true, true
	srv, err := server.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Start()
	t.Cleanup(srv.Shutdown)
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats-server did not start")
	}
	if nc, err := nats.Connect(srv.ClientURL(), nats.NoReconnect()); err == nil {
		nc.Close()
		t.Errorf("%s: a client without credentials connected", conf)
	} else if !errors.Is(err, nats.ErrAuthorization) && !strings.Contains(strings.ToLower(err.Error()), "authorization") {
		t.Errorf("%s: unauthenticated connect failed with %v, want an authorization violation", conf, err)
	}
	nc, err := nats.Connect(srv.ClientURL(), nats.UserInfo("wiredesk", "a-test-password"), nats.NoReconnect())
	if err != nil {
		t.Fatalf("%s: the services' credentials are refused: %v", conf, err)
	}
	nc.Close()
}

// checkNoSecrets fails on a secret written in a service configuration.
func checkNoSecrets(t *testing.T, name string, c config.Config) {
	t.Helper()
	if c.NATS.Password != "" || c.NATS.Token != "" {
		t.Errorf("%s: a NATS password or token is written in it; use WIREDESK_NATS_PASSWORD", name)
	}
	if u, err := url.Parse(c.Sink.Store); err == nil && u.User != nil {
		if _, set := u.User.Password(); set {
			t.Errorf("%s: sink.store carries a password; use WIREDESK_STORE", name)
		}
	}
	if strings.Contains(c.Sink.Store, "password=") {
		t.Errorf("%s: sink.store carries a password; use WIREDESK_STORE", name)
	}
	if c.Sink.APIToken != "" {
		t.Errorf("%s: sink.api_token is written in it; use WIREDESK_SINK_API_TOKEN", name)
	}
}

// checkEnvExample fails on an example environment file that fills in a
// secret: a value everyone knows is no secret.
func checkEnvExample(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		k, v, ok := strings.Cut(line, "=")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		n++
		if secretName.MatchString(k) && strings.TrimSpace(v) != "" {
			t.Errorf("%s: %s has a value; leave secrets empty in the example", path, k)
		}
	}
	if n == 0 {
		t.Errorf("%s: no variables", path)
	}
}

// TestKubernetesSafe reads deploy/k8s: no Secret with its value
// committed, no NATS port published beyond the cluster, NATS
// authentication on in the Helm values, and every service given NATS
// credentials from a Secret.
func TestKubernetesSafe(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("k8s", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("manifests: %v %v", files, err)
	}
	for _, path := range files {
		if filepath.Base(path) == "nats-values.yaml" {
			continue
		}
		for _, doc := range yamlDocs(t, path) {
			kind, _ := doc["kind"].(string)
			switch kind {
			case "Secret":
				if len(asMap(doc["data"]))+len(asMap(doc["stringData"])) > 0 {
					t.Errorf("%s: Secret %v has its values committed; create it with kubectl", path, asMap(doc["metadata"])["name"])
				}
			case "Service":
				spec := asMap(doc["spec"])
				if typ, _ := spec["type"].(string); typ == "NodePort" || typ == "LoadBalancer" {
					for _, p := range asSlice(spec["ports"]) {
						if port := asMap(p)["port"]; natsPorts[toString(port)] {
							t.Errorf("%s: Service %v publishes NATS port %v as %s", path, asMap(doc["metadata"])["name"], port, typ)
						}
					}
				}
			case "Deployment", "StatefulSet":
				checkPodEnv(t, path, doc)
			}
		}
	}
	values := yamlDocs(t, filepath.Join("k8s", "nats-values.yaml"))[0]
	auth := asMap(asMap(asMap(values["config"])["merge"])["authorization"])
	users := asSlice(auth["users"])
	if len(users) == 0 && auth["token"] == nil {
		t.Error("k8s/nats-values.yaml: no authorization under config.merge: NATS would accept anyone in the cluster")
	}
	for _, u := range users {
		if pw := toString(asMap(u)["password"]); !strings.Contains(pw, "$") {
			t.Errorf("k8s/nats-values.yaml: a password is written in the values (%q); take it from a Secret", pw)
		}
	}
	if typ := toString(asMap(asMap(asMap(values["service"])["merge"])["spec"])["type"]); typ == "NodePort" || typ == "LoadBalancer" {
		t.Errorf("k8s/nats-values.yaml: NATS Service is a %s", typ)
	}
	k8s := config.Default()
	if err := config.Parse(configMapData(t, filepath.Join("k8s", "config.yaml"), "wiredesk.yaml"), &k8s); err != nil {
		t.Fatal(err)
	}
	checkNoSecrets(t, "k8s/config.yaml ConfigMap", k8s)
}

// checkPodEnv checks that the services' containers take NATS credentials,
// and every secret, from a Secret rather than a literal value.
func checkPodEnv(t *testing.T, path string, doc map[string]any) {
	spec := asMap(asMap(asMap(doc["spec"])["template"])["spec"])
	for _, c := range asSlice(spec["containers"]) {
		c := asMap(c)
		hasNATS := false
		for _, e := range asSlice(c["env"]) {
			e := asMap(e)
			name := toString(e["name"])
			if name == "WIREDESK_NATS_PASSWORD" && asMap(asMap(e["valueFrom"])["secretKeyRef"]) != nil {
				hasNATS = true
			}
			if secretName.MatchString(name) && toString(e["value"]) != "" {
				t.Errorf("%s: container %v: %s is written in the manifest; take it from a Secret", path, c["name"], name)
			}
		}
		if !hasNATS {
			t.Errorf("%s: container %v gets no NATS password from a Secret", path, c["name"])
		}
	}
}

// TestNATSClusterConfigs: the three-node configurations in deploy/nats
// have no authentication, so they must listen on loopback only.
func TestNATSClusterConfigs(t *testing.T) {
	confs, err := filepath.Glob(filepath.Join("nats", "*.conf"))
	if err != nil || len(confs) == 0 {
		t.Fatalf("configs: %v %v", confs, err)
	}
	for _, conf := range confs {
		opts, err := server.ProcessConfigFile(conf)
		if err != nil {
			t.Fatal(err)
		}
		open := len(opts.Users) == 0 && len(opts.Nkeys) == 0 && opts.Authorization == "" && opts.TrustedOperators == nil
		if open && (!loopback(opts.Host) || !loopback(opts.Cluster.Host)) {
			t.Errorf("%s: listens on %s (cluster %s) without authorization", conf, opts.Host, opts.Cluster.Host)
		}
	}
}

func yamlDocs(t testing.TB, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := yaml.NewDecoder(f)
	var out []map[string]any
	for {
		var doc map[string]any
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if doc != nil {
			out = append(out, doc)
		}
	}
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

func toString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	}
	b, _ := yaml.Marshal(v)
	return strings.TrimSpace(string(b))
}

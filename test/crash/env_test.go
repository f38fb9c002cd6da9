package crash

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"go.yaml.in/yaml/v3"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/fetch"
	"github.com/wiredesk/wiredesk/pkg/pipeline"
	"github.com/wiredesk/wiredesk/pkg/sitegen"
	"github.com/wiredesk/wiredesk/pkg/store"
)

var (
	long     = flag.Bool("crash.long", false, "the long form: 5,000 pages, more kills, a minute-long NATS outage")
	keep     = flag.String("crash.keep", "", "copy each scenario's logs and configs into this directory")
	logLevel = flag.String("crash.log-level", "info", "the services' log level")
)

// binDir holds the binaries TestMain builds; moduleRoot is where it builds them.
var binDir, moduleRoot string

func TestMain(m *testing.M) {
	flag.Parse()
	// The scenarios mostly wait (for redeliveries, for an outage to end),
	// so they run side by side even on two cores; -test.parallel defaults
	// to GOMAXPROCS. An explicit -parallel wins.
	explicit := false
	flag.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "test.parallel" })
	if !explicit {
		flag.Set("test.parallel", "4")
	}
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "wiredesk-crash-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		fmt.Fprintf(os.Stderr, "go env GOMOD: %v\n", err)
		return 1
	}
	moduleRoot = filepath.Dir(strings.TrimSpace(string(out)))
	builds := [][]string{
		{"build", "-o", dir + "/", "./cmd/fetcher", "./cmd/classifier", "./cmd/sink"},
		{"build", "-o", filepath.Join(dir, "nats-server"), "github.com/nats-io/nats-server/v2"},
	}
	for _, args := range builds {
		cmd := exec.Command("go", args...)
		cmd.Dir = moduleRoot
		if out, err := cmd.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "go %s: %v\n%s", strings.Join(args, " "), err, out)
			return 1
		}
	}
	binDir = dir
	return m.Run()
}

// pageLatency is how long the site takes to serve an article page.
const pageLatency = 15 * time.Millisecond

// size is what a scenario crawls and how hard it is hit.
type size struct {
	pages  int
	rounds int           // kill rounds in the stage-kill scenario
	outage time.Duration // the lasting NATS fault
	drain  time.Duration // how long the pipeline may take to finish
}

func sizeFor() size {
	if *long {
		return size{pages: 5000, rounds: 3, outage: time.Minute, drain: 5 * time.Minute}
	}
	return size{pages: 300, rounds: 2, outage: 15 * time.Second, drain: 60 * time.Second}
}

// natsNode is one nats-server process with its port and store directory,
// restarted on the same ones.
type natsNode struct {
	*proc
	port int
	name string
}

// env is one scenario's world: the generated site, NATS, the three
// services, the store file (opened by the test too, to watch progress).
type env struct {
	t        testing.TB
	dir      string
	size     size
	site     *sitegen.Site
	siteURL  string
	expected []string
	nodes    []*natsNode
	cfgPath  string
	dbPath   string
	st       store.Store
	fetcher  *proc
	cls      *proc
	cls2     *proc // a second classifier replica, when replicas is 2
	replicas int   // classifier replicas: 1 unless a scenario says
	sink     *proc
	nc       *nats.Conn
	js       jetstream.JetStream
	requests atomic.Int64
	begun    time.Time
	// exits counts services that exited on their own and were restarted,
	// as systemd's Restart=on-failure would.
	exits int
	// archive, when set, is a WARC file of the site that a backfill reads
	// in place of the crawl: the sources are then the archive's, and no
	// crawling fetcher runs.
	archive string
}

// revive restarts any service that exited on its own. Exiting on a
// start-up error (NATS not ready) is the services' design, with a
// supervisor to restart them; the exit is logged so that it is seen.
func (e *env) revive() {
	e.t.Helper()
	for _, p := range e.services() {
		if p != nil && p.cmd != nil && !p.running() {
			e.exits++
			e.logf("%s exited on its own (%v); restarting it", p.name, p.exitErr)
			p.start()
		}
	}
}

// logf logs with the time since the scenario began.
func (e *env) logf(format string, args ...any) {
	e.t.Helper()
	e.t.Logf("%6.1fs "+format, append([]any{time.Since(e.begun).Seconds()}, args...)...)
}

func newEnv(t testing.TB) *env {
	t.Helper()
	return newEnvSite(t, sitegen.Config{})
}

// newEnvSite is newEnv with a site shaped by cfg; its Pages and Seed are
// the scenario's when zero.
func newEnvSite(t testing.TB, cfg sitegen.Config) *env {
	t.Helper()
	e := &env{t: t, dir: t.TempDir(), size: sizeFor(), begun: time.Now(), replicas: 1}
	if cfg.Pages == 0 {
		cfg.Pages = e.size.pages
	}
	if cfg.Seed == 0 {
		cfg.Seed = 20261123
	}
	e.site = sitegen.New(cfg)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.requests.Add(1)
		if strings.HasSuffix(r.URL.Path, ".html") {
			// A real site's latency: it stretches the crawl over the
			// first kills, so that the fetcher dies mid-crawl.
			time.Sleep(pageLatency)
		}
		e.site.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	e.siteURL = srv.URL
	e.expected = e.site.Expected(srv.URL)
	e.dbPath = filepath.Join(e.dir, "wiredesk.db")
	if *keep != "" {
		// Registered first, so it runs last: after the processes are gone.
		t.Cleanup(func() { keepLogs(t, e.dir, filepath.Join(*keep, t.Name())) })
	}
	return e
}

// startSingle starts one JetStream server.
func (e *env) startSingle() {
	e.t.Helper()
	port := freePort(e.t)
	sd := filepath.Join(e.dir, "nats")
	n := &natsNode{port: port, name: "nats"}
	n.proc = newProc(e.t, e.dir, "nats", filepath.Join(binDir, "nats-server"),
		"-js", "-sd", sd, "-p", fmt.Sprint(port), "-a", "127.0.0.1", "-n", "crash")
	e.nodes = []*natsNode{n}
	e.startNode(n)
}

var (
	portRE     = regexp.MustCompile(`127\.0\.0\.1:(4222|4223|4224|6222|6223|6224)\b`)
	storeDirRE = regexp.MustCompile(`store_dir:\s*"[^"]*"`)
)

// startCluster starts the three nodes of deploy/nats/node*.conf, with
// their ports and store directories rewritten to free ones.
func (e *env) startCluster() {
	e.t.Helper()
	ports := map[string]string{}
	for _, p := range []string{"4222", "4223", "4224", "6222", "6223", "6224"} {
		ports[p] = fmt.Sprint(freePort(e.t))
	}
	for i := 1; i <= 3; i++ {
		name := fmt.Sprintf("n%d", i)
		src, err := os.ReadFile(filepath.Join(moduleRoot, "deploy", "nats", fmt.Sprintf("node%d.conf", i)))
		if err != nil {
			e.t.Fatal(err)
		}
		conf := portRE.ReplaceAllStringFunc(string(src), func(m string) string {
			return "127.0.0.1:" + ports[m[len("127.0.0.1:"):]]
		})
		conf = storeDirRE.ReplaceAllString(conf, fmt.Sprintf("store_dir: %q", filepath.Join(e.dir, name)))
		path := filepath.Join(e.dir, name+".conf")
		if err := os.WriteFile(path, []byte(conf), 0o644); err != nil {
			e.t.Fatal(err)
		}
		var port int
		fmt.Sscan(ports[fmt.Sprint(4221+i)], &port)
		n := &natsNode{port: port, name: name}
		n.proc = newProc(e.t, e.dir, name, filepath.Join(binDir, "nats-server"), "-c", path)
		e.nodes = append(e.nodes, n)
	}
	for _, n := range e.nodes {
		n.start()
	}
	for _, n := range e.nodes {
		eventually(e.t, 20*time.Second, n.name+" listening", func() bool { return listening(addr(n.port)) })
	}
}

func (e *env) startNode(n *natsNode) {
	e.t.Helper()
	n.start()
	eventually(e.t, 20*time.Second, n.name+" listening", func() bool { return listening(addr(n.port)) })
}

func (e *env) natsURL() string {
	var urls []string
	for _, n := range e.nodes {
		urls = append(urls, "nats://"+addr(n.port))
	}
	return strings.Join(urls, ",")
}

// configure writes the services' shared config file.
func (e *env) configure(replicas int) {
	e.t.Helper()
	sources := e.site.Sources(e.siteURL)
	if e.archive != "" {
		sources = e.site.ArchiveSources()
	}
	for i := range sources {
		// Short enough that a page whose publish failed during an outage
		// is fetched again soon; the site answers 304 for the others.
		sources[i].Interval = 2 * time.Second
	}
	cfg := map[string]any{
		"log":        map[string]any{"level": *logLevel},
		"nats":       map[string]any{"url": e.natsURL()},
		"streams":    map[string]any{"replicas": replicas},
		"fetcher":    map[string]any{"allow_private": true, "timeout": "10s", "concurrency": 4},
		"classifier": map[string]any{"workers": 2},
		// Each scenario's sink serves its reader on a port of its own:
		// on the default one, parallel scenarios' sinks would fail to
		// start and be restarted over and over.
		"sink": map[string]any{"store": "sqlite:" + e.dbPath, "batch_size": 64, "batch_wait": "20ms",
			"api_listen": addr(freePort(e.t))},
		"sources": sourcesYAML(sources),
	}
	data, err := yaml.Marshal(cfg)
	if err != nil {
		e.t.Fatal(err)
	}
	e.cfgPath = filepath.Join(e.dir, "wiredesk.yaml")
	if err := os.WriteFile(e.cfgPath, data, 0o644); err != nil {
		e.t.Fatal(err)
	}
}

// sourcesYAML renders sources as the config file spells them: durations
// as strings, which is how an operator writes them.
func sourcesYAML(sources []fetch.Source) []map[string]any {
	var out []map[string]any
	for _, s := range sources {
		out = append(out, map[string]any{
			"id": s.ID, "lang": s.Lang, "feeds": s.Feeds, "sitemaps": s.Sitemaps,
			"interval": s.Interval.String(), "rate": s.Rate, "allow_hosts": s.AllowHosts,
		})
	}
	return out
}

// startServices opens the store (so that the schema exists before the
// sink starts and the test can read it throughout), connects the test's
// own NATS client, and starts the three services.
func (e *env) startServices() {
	e.t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite:"+e.dbPath, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { st.Close() })
	e.st = st
	nc, err := nats.Connect(e.natsURL(), nats.MaxReconnects(-1), nats.ReconnectWait(200*time.Millisecond))
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(nc.Close)
	e.nc = nc
	if e.js, err = jetstream.New(nc); err != nil {
		e.t.Fatal(err)
	}
	svcAs := func(name, bin string) *proc {
		p := newProc(e.t, e.dir, name, filepath.Join(binDir, bin), "-config", e.cfgPath)
		p.listen = addr(freePort(e.t))
		p.args = append(p.args, "-listen", p.listen)
		return p
	}
	svc := func(name string) *proc { return svcAs(name, name) }
	e.sink, e.cls = svc("sink"), svc("classifier")
	if e.replicas > 1 {
		e.cls2 = svcAs("classifier-2", "classifier")
	}
	if e.archive == "" {
		e.fetcher = svc("fetcher")
	}
	for _, p := range e.services() {
		e.restart(p)
	}
	e.logf("services ready")
}

func (e *env) services() []*proc {
	var out []*proc
	for _, p := range []*proc{e.sink, e.cls, e.cls2, e.fetcher} {
		if p != nil {
			out = append(out, p)
		}
	}
	return out
}

// restart starts p and waits until it reports ready.
func (e *env) restart(p *proc) {
	e.t.Helper()
	p.start()
	eventually(e.t, 60*time.Second, p.name+" ready", func() bool {
		e.revive()
		return p.status("/readyz") == http.StatusOK
	})
}

func (e *env) stored() int {
	n, err := e.st.Count(context.Background())
	if err != nil {
		return -1
	}
	return n
}

// waitStored waits until at least n articles are stored.
func (e *env) waitStored(n int, d time.Duration) {
	e.t.Helper()
	eventually(e.t, d, fmt.Sprintf("%d of %d articles stored", n, len(e.expected)), func() bool {
		e.revive()
		return e.stored() >= n
	})
}

// finish waits until everything expected is stored and the consumers are
// drained, stops the services with SIGTERM, and compares the store with
// the site: nothing lost, nothing duplicated, nothing extra.
func (e *env) finish() {
	e.t.Helper()
	want := len(e.expected)
	err := poll(e.size.drain, func() bool {
		e.revive()
		return e.stored() >= want
	})
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), e.size.drain)
		err = pipeline.WaitDrained(ctx, e.js, map[string]string{
			pipeline.DurableClassifier: bus.StreamPages,
			pipeline.DurableSink:       bus.StreamArticles,
		})
		cancel()
	}
	e.logf("drained: %d stored", e.stored())
	if err != nil {
		e.t.Errorf("pipeline did not finish: %d of %d stored: %v", e.stored(), want, err)
		e.logConsumers()
	}
	for _, p := range []*proc{e.fetcher, e.cls, e.cls2, e.sink} {
		if p != nil {
			p.stop(40 * time.Second)
		}
	}
	e.compare()
}

func (e *env) compare() {
	e.t.Helper()
	recs, err := e.st.List(context.Background(), store.Query{Limit: store.MaxLimit})
	if err != nil {
		e.t.Fatal(err)
	}
	var got []string
	ids := map[string]int{}
	for _, r := range recs {
		got = append(got, r.Article.URL)
		ids[r.Article.ID]++
	}
	e.compareText(recs)
	slices.Sort(got)
	for id, n := range ids {
		if n != 1 {
			e.t.Errorf("id %s: %d rows", id, n)
		}
	}
	lost, extra := difference(e.expected, got), difference(got, e.expected)
	if len(lost) > 0 || len(extra) > 0 || len(got) != len(e.expected) {
		e.t.Errorf("stored %d, expected %d: %d lost %v, %d unexpected %v", len(got), len(e.expected),
			len(lost), head(lost), len(extra), head(extra))
	}
	e.logf("stored %d of %d expected articles; site served %d requests; %d unexpected exits", len(got), len(e.expected), e.requests.Load(), e.exits)
	// A service rides out a crash of its neighbours or of NATS: it
	// reports not ready and waits, it does not exit.
	if e.exits > 0 {
		e.t.Errorf("services exited on their own %d times", e.exits)
	}
}

// difference returns the elements of a, sorted, that are not in b, sorted.
func difference(a, b []string) []string {
	var out []string
	for _, s := range a {
		if _, ok := slices.BinarySearch(b, s); !ok {
			out = append(out, s)
		}
	}
	return out
}

func head(s []string) []string { return s[:min(len(s), 5)] }

// keepLogs copies the logs and configs of a scenario for a post-mortem.
func keepLogs(t testing.TB, from, to string) {
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Log(err)
		return
	}
	for _, pat := range []string{"*.log", "*.conf", "*.yaml"} {
		files, _ := filepath.Glob(filepath.Join(from, pat))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err == nil {
				err = os.WriteFile(filepath.Join(to, filepath.Base(f)), data, 0o644)
			}
			if err != nil {
				t.Log(err)
			}
		}
	}
}

// logConsumers logs where the messages are, for a pipeline that stalled.
func (e *env) logConsumers() {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for durable, stream := range map[string]string{pipeline.DurableClassifier: bus.StreamPages, pipeline.DurableSink: bus.StreamArticles} {
		s, err := e.js.Stream(ctx, stream)
		if err != nil {
			e.logf("stream %s: %v", stream, err)
			continue
		}
		si, err := s.Info(ctx)
		if err != nil {
			e.logf("stream %s: %v", stream, err)
			continue
		}
		e.logf("stream %s: %d msgs, last seq %d, cluster %+v", stream, si.State.Msgs, si.State.LastSeq, si.Cluster)
		c, err := s.Consumer(ctx, durable)
		if err != nil {
			e.logf("consumer %s: %v", durable, err)
			continue
		}
		ci, err := c.Info(ctx)
		if err != nil {
			e.logf("consumer %s: %v", durable, err)
			continue
		}
		e.logf("consumer %s: delivered %d, ack floor %d, pending %d, ack pending %d, redelivered %d, waiting pulls %d, cluster %+v",
			durable, ci.Delivered.Stream, ci.AckFloor.Stream, ci.NumPending, ci.NumAckPending, ci.NumRedelivered, ci.NumWaiting, ci.Cluster)
	}
}

// compareText checks that every article is stored as a classifier that
// had seen every page first cleans it: what the shared memory of furniture
// converges to, whatever the order of the pages, the replicas that took
// them and the kills. A revision beyond the first is then an article
// cleaned again once a block it kept was learned, never a redelivery
// (the store never makes a revision of the same content).
func (e *env) compareText(recs []store.Record) {
	e.t.Helper()
	ctx := context.Background()
	cl, err := classify.New(classify.Config{}, slog.New(slog.DiscardHandler))
	if err != nil {
		e.t.Fatal(err)
	}
	// A node restarted just before may still be rejoining, and the
	// cluster without a meta leader for a moment: a stream lookup then
	// times out, which says nothing of what was stored. Ask again until
	// the cluster answers.
	var (
		s    jetstream.Stream
		info *jetstream.StreamInfo
		last error
	)
	if err := poll(e.size.drain, func() bool {
		if s, last = e.js.Stream(ctx, bus.StreamPages); last != nil {
			return false
		}
		info, last = s.Info(ctx)
		return last == nil
	}); err != nil {
		e.t.Fatalf("stream %s: %v (last: %v)", bus.StreamPages, err, last)
	}
	var pages []*article.Page
	for seq := info.State.FirstSeq; info.State.Msgs > 0 && seq <= info.State.LastSeq; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if err != nil {
			continue
		}
		p, err := article.DecodePage(m.Data)
		if err != nil {
			e.t.Fatal(err)
		}
		pages = append(pages, p)
	}
	now := time.Now()
	for _, p := range pages { // teach the memory every page
		if _, err := cl.Classify(ctx, p, now); err != nil {
			e.t.Fatal(err)
		}
	}
	want := map[string]string{}
	for _, p := range pages {
		res, err := cl.ClassifyShared(ctx, p, now, nil)
		if err != nil {
			e.t.Fatal(err)
		}
		if res.Article != nil {
			want[p.ID] = res.Article.Body
		}
	}
	differ, revised := 0, 0
	for _, r := range recs {
		if r.Revision > 1 {
			revised++
		}
		if w, ok := want[r.Article.ID]; ok && w != r.Article.Body {
			differ++
			if differ <= 3 {
				e.t.Errorf("%s: stored text is not what the memory converged to:\nstored:\n%s\nwant:\n%s", r.Article.URL, r.Article.Body, w)
			}
		}
	}
	if differ > 0 {
		e.t.Errorf("%d of %d stored articles differ from what the memory converged to", differ, len(recs))
	}
	e.logf("%d of %d stored articles match the converged memory, text included; %d cleaned again after the memory learned a block they kept", len(recs)-differ, len(recs), revised)
}

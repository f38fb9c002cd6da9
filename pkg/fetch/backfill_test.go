package fetch_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/fetch"
	"github.com/wiredesk/wiredesk/pkg/sitegen"
)

// writeSite writes a generated site of n pages as a WARC file, with 30%
// foreign HTML records, and returns its path.
func writeSite(t *testing.T, site *sitegen.Site, name string) (string, sitegen.WARCStats) {
	return writeSiteRange(t, site, name, 0, site.Pages())
}

func writeSiteRange(t *testing.T, site *sitegen.Site, name string, from, to int) (string, sitegen.WARCStats) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := site.WriteWARC(f, from, to, 0.3)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path, st
}

type backfillEnv struct {
	// recordSeen makes the backfillers write the seen bucket.
	recordSeen bool
	conn       *bus.Conn
	seen       jetstream.KeyValue
	kv         jetstream.KeyValue
	cons       jetstream.Consumer
}

func newBackfillEnv(t *testing.T) *backfillEnv {
	t.Helper()
	_, conn := bustest.Start(t)
	ctx := context.Background()
	seen, err := bus.SeenBucket(ctx, conn.JS, bus.DefaultStreams())
	if err != nil {
		t.Fatal(err)
	}
	cons, kv, err := bus.EnsureBackfill(ctx, conn.JS, bus.DefaultStreams())
	if err != nil {
		t.Fatal(err)
	}
	return &backfillEnv{conn: conn, seen: seen, kv: kv, cons: cons}
}

func (e *backfillEnv) backfiller(t *testing.T, sources []fetch.Source) *fetch.Backfiller {
	return e.backfillerMany(t, sources, bus.BucketSeen)
}

// backfillerMany reads the seen bucket in batches from bucket, a record
// at a time when bucket is "" (or when the batched read fails).
func (e *backfillEnv) backfillerMany(t *testing.T, sources []fetch.Source, bucket string) *fetch.Backfiller {
	f := fetch.New(fetch.Config{}, e.conn, e.seen, bustest.Logger(t), nil)
	b := fetch.NewBackfiller(f, fetch.BackfillConfig{Sources: sources, Workers: 2, SaveEvery: 20 * time.Millisecond, RecordSeen: e.recordSeen}, e.kv, nil)
	if bucket != "" {
		b.SetSeenMany(e.conn, bucket)
	}
	return b
}

// pages returns the pages on PAGES by id, failing on any id published twice.
func (e *backfillEnv) pages(t *testing.T) map[string]*article.Page {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s, err := e.conn.JS.Stream(ctx, bus.StreamPages)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*article.Page{}
	if info.State.Msgs == 0 {
		return out
	}
	c, err := s.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	for n := uint64(0); n < info.State.Msgs; n++ {
		m, err := c.Next(jetstream.FetchMaxWait(5 * time.Second))
		if err != nil {
			t.Fatal(err)
		}
		var p article.Page
		if err := json.Unmarshal(m.Data(), &p); err != nil {
			t.Fatal(err)
		}
		if out[p.ID] != nil {
			t.Errorf("page %s (%s) published twice", p.ID, p.URL)
		}
		out[p.ID] = &p
	}
	return out
}

func TestBackfillFile(t *testing.T) {
	tests := []struct {
		name   string
		bucket string // where the seen state is read in batches; "" a record at a time
		record bool   // RecordSeen
	}{
		{"seen read in batches", bus.BucketSeen, true},
		{"seen read a record at a time", "", true},
		// The batched read fails (as on a server older than 2.11): the
		// records are looked up one by one instead.
		{"batched read refused", "no_such_bucket", true},
		// The default: the seen state is read, never written; a rerun
		// publishes again, and the Msg-Id drops every page.
		{"seen not recorded", bus.BucketSeen, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { testBackfillFile(t, tt.bucket, tt.record) })
	}
}

func testBackfillFile(t *testing.T, bucket string, record bool) {
	site := sitegen.New(sitegen.Config{Pages: 60, Seed: 7})
	path, st := writeSite(t, site, "news.warc.gz")
	e := newBackfillEnv(t)
	e.recordSeen = record
	b := e.backfillerMany(t, site.ArchiveSources(), bucket)
	ctx := context.Background()
	p, err := b.File(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if p.Published != int64(st.Pages) || p.Skipped["host"] != int64(st.Foreign) || !p.Done {
		t.Errorf("progress %+v, want %d published and %d skipped for their host", p, st.Pages, st.Foreign)
	}
	pages := e.pages(t)
	if len(pages) != st.Pages {
		t.Fatalf("%d pages on PAGES, want %d", len(pages), st.Pages)
	}
	for _, pg := range pages {
		if !pg.Backfill || pg.FetchedAt.Year() != 2026 || len(pg.Blocks) == 0 || pg.Title == "" {
			t.Errorf("page %s: backfill %v, fetched_at %v, %d blocks, title %q", pg.URL, pg.Backfill, pg.FetchedAt, len(pg.Blocks), pg.Title)
			break
		}
	}
	// The file is done: a second run reads nothing.
	if _, err := b.File(ctx, path); !errors.Is(err, fetch.ErrBackfillDone) {
		t.Errorf("second run: %v, want ErrBackfillDone", err)
	}
	keys, err := e.seen.ListKeys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	written := 0
	for range keys.Keys() {
		written++
	}
	if want := map[bool]int{true: st.Pages, false: 0}[record]; written != want {
		t.Errorf("%d keys in the seen bucket, want %d", written, want)
	}
	// With its progress gone, every URL is known already when it was
	// recorded: nothing new. When it was not, every page goes out again
	// under the same Msg-Id, and PAGES drops it.
	if err := e.kv.Purge(ctx, "f."+article.IDFor(path)); err != nil {
		t.Fatal(err)
	}
	p, err = b.File(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case record && (p.Published != 0 || p.Unchanged != int64(st.Pages)):
		t.Errorf("rerun without progress: %d published, %d unchanged; want 0 and %d", p.Published, p.Unchanged, st.Pages)
	case !record && (p.Published != int64(st.Pages) || p.Unchanged != 0):
		t.Errorf("rerun without progress: %d published, %d unchanged; want %d and 0", p.Published, p.Unchanged, st.Pages)
	}
	if n := len(e.pages(t)); n != st.Pages {
		t.Errorf("%d pages after the rerun, want %d", n, st.Pages)
	}
}

// A backfill stopped mid-file resumes where it stopped, and every page
// is published exactly once.
func TestBackfillResume(t *testing.T) {
	site := sitegen.New(sitegen.Config{Pages: 400, Seed: 11})
	path, st := writeSite(t, site, "resume.warc.gz")
	e := newBackfillEnv(t)
	for _, stopAt := range []int64{37, 190} {
		b := e.backfiller(t, site.ArchiveSources())
		ctx, cancel := context.WithCancel(context.Background())
		b.OnProgress = func(p fetch.BackfillProgress) {
			if p.Records >= stopAt {
				cancel()
			}
		}
		_, err := b.File(ctx, path)
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("stopped at %d: %v, want context.Canceled", stopAt, err)
		}
		saved, err := b.Progress(context.Background(), path)
		if err != nil || saved == nil || saved.Offset == 0 || saved.Done {
			t.Fatalf("progress after the stop: %+v, %v", saved, err)
		}
	}
	b := e.backfiller(t, site.ArchiveSources())
	p, err := b.File(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if p.Records != int64(st.Pages+st.Foreign+1) {
		t.Errorf("%d records counted over three runs, want %d (the file's)", p.Records, st.Pages+st.Foreign+1)
	}
	if n := len(e.pages(t)); n != st.Pages {
		t.Errorf("%d pages, want %d", n, st.Pages)
	}
}

// Two fetchers share a work queue of files: each file is read by one of
// them, once, and every page is published once.
func TestBackfillQueue(t *testing.T) {
	e := newBackfillEnv(t)
	var files []string
	var want int
	site := sitegen.New(sitegen.Config{Pages: 160, Seed: 100})
	for i := range 4 {
		path, st := writeSiteRange(t, site, "q"+string(rune('a'+i))+".warc.gz", i*40, (i+1)*40)
		files = append(files, path)
		want += st.Pages
	}
	sources := site.ArchiveSources()
	ctx := context.Background()
	if err := fetch.EnqueueBackfill(ctx, e.conn, files); err != nil {
		t.Fatal(err)
	}
	// Queued again: JetStream drops the duplicates.
	if err := fetch.EnqueueBackfill(ctx, e.conn, files); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	readBy := map[string][]int{}
	var wg sync.WaitGroup
	for w := range 2 {
		b := e.backfiller(t, sources)
		b.OnProgress = func(p fetch.BackfillProgress) {
			if p.Done {
				mu.Lock()
				readBy[p.File] = append(readBy[p.File], w)
				mu.Unlock()
			}
		}
		wg.Go(func() {
			if err := b.Work(ctx, e.cons, true); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for _, f := range files {
		if len(readBy[f]) != 1 {
			t.Errorf("%s read by fetchers %v, want exactly one", filepath.Base(f), readBy[f])
		}
	}
	if n := len(e.pages(t)); n != want {
		t.Errorf("%d pages, want %d", n, want)
	}
}

// A fetcher that dies mid-file, without a word to the queue, leaves its
// file to another after the AckWait; the other resumes from the saved
// progress, and every page is published once.
func TestBackfillQueueTakeover(t *testing.T) {
	e := newBackfillEnv(t)
	ctx := context.Background()
	// The deployment's AckWait is a minute; the test's is short.
	cons, err := e.conn.JS.CreateOrUpdateConsumer(ctx, bus.StreamBackfill, jetstream.ConsumerConfig{
		Durable: bus.ConsumerBackfill, AckPolicy: jetstream.AckExplicitPolicy, AckWait: 2 * time.Second, MaxDeliver: 10,
	})
	if err != nil {
		t.Fatal(err)
	}
	site := sitegen.New(sitegen.Config{Pages: 200, Seed: 13})
	path, st := writeSite(t, site, "takeover.warc.gz")
	if err := fetch.EnqueueBackfill(ctx, e.conn, []string{path}); err != nil {
		t.Fatal(err)
	}
	// The first fetcher takes the file, reads part of it, and dies: no
	// ack, no nak, no more keepalives.
	batch, err := cons.Fetch(1, jetstream.FetchMaxWait(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	var took jetstream.Msg
	for m := range batch.Messages() {
		took = m
	}
	if took == nil || string(took.Data()) != path {
		t.Fatalf("the first fetcher got %v, want the file", took)
	}
	dying := e.backfiller(t, site.ArchiveSources())
	dctx, die := context.WithCancel(ctx)
	dying.OnProgress = func(p fetch.BackfillProgress) {
		if p.Records >= 60 {
			die()
		}
	}
	if _, err := dying.File(dctx, path); !errors.Is(err, context.Canceled) {
		t.Fatalf("the dying fetcher: %v", err)
	}
	saved, err := dying.Progress(ctx, path)
	if err != nil || saved == nil || saved.Offset == 0 {
		t.Fatalf("progress at the death: %+v, %v", saved, err)
	}
	// The second fetcher gets the file once the AckWait is over, and
	// resumes where the first stopped.
	second := e.backfiller(t, site.ArchiveSources())
	var final fetch.BackfillProgress
	second.OnProgress = func(p fetch.BackfillProgress) {
		if p.Done {
			final = p
		}
	}
	deadline := time.Now().Add(20 * time.Second)
	for !final.Done && time.Now().Before(deadline) {
		if err := second.Work(ctx, cons, true); err != nil {
			t.Fatal(err)
		}
	}
	if !final.Done {
		t.Fatal("the second fetcher never finished the file")
	}
	if final.Records != int64(st.Pages+st.Foreign+1) {
		t.Errorf("%d records counted, want %d: the file was read again from the start", final.Records, st.Pages+st.Foreign+1)
	}
	if n := len(e.pages(t)); n != st.Pages {
		t.Errorf("%d pages, want %d", n, st.Pages)
	}
}

package fetch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wiredesk/wiredesk/pkg/archive"
	"github.com/wiredesk/wiredesk/pkg/article"
)

// BackfillConfig says which records of an archive become pages, and how
// hard to work.
type BackfillConfig struct {
	// Sources are the configured sources: a record whose host one of them
	// allows becomes a page of that source.
	Sources []Source
	// Hosts are more hosts to take, and All takes every host; their pages
	// go to source Default.
	Hosts []string
	All   bool
	// Default is the source id of pages no configured source claims.
	// The default is "archive".
	Default string
	// Limits bound one record.
	Limits archive.Limits
	// Workers extract and publish pages in parallel; the default is 8 a
	// CPU, because a page waits on two round trips to NATS (the
	// publish's ack and the seen bucket's) for every millisecond of
	// extraction. The seen state is read before, for a batch of records
	// at once.
	Workers int
	// RecordSeen writes each published page's state to the seen bucket,
	// as a live fetch does. Off by default: an archive's pages are
	// deduplicated by their Msg-Id and the file's saved progress, and
	// the put (a message and its ack a page) was an eighth of a
	// backfill's messages. The bucket is still read, so that an archive
	// never overwrites what the live crawl published; turn it on when
	// archives that overlap are read one after another, or before a
	// live crawl of the same URLs, to skip them from the bucket.
	RecordSeen bool
	// SaveEvery is how often a file's progress is saved; the default is
	// one second. A killed backfill repeats at most this much work, and
	// repeats it without duplicates.
	SaveEvery time.Duration
}

// Backfiller reads WARC files and publishes their pages on
// news.raw.<source>, marked as backfill, through the same extraction,
// validation and publish as a live fetch. What a file has given is kept
// in a progress bucket, so that a killed backfill resumes where it
// stopped. The seen bucket, wiredesk_seen, is read so that an archive
// never publishes a URL the live crawl has; it is written only with
// RecordSeen.
type Backfiller struct {
	f        *Fetcher
	cfg      BackfillConfig
	route    map[string]*Source
	fallback *Source
	progress KV
	m        *BackfillMetrics
	// OnProgress, when set, is called about once a second while a file
	// is read, and when it ends.
	OnProgress func(BackfillProgress)
	// many, when set, reads the seen state of a batch of records at
	// once, from bucket seenBucket; manyOff is set once it has failed.
	many       SeenMany
	seenBucket string
	manyOff    atomic.Bool
}

// SetSeenMany makes the backfiller read the seen state of records in
// batches, from bucket (wiredesk_seen), through m.
func (b *Backfiller) SetSeenMany(m SeenMany, bucket string) {
	b.many, b.seenBucket = m, bucket
}

// NewBackfiller returns a backfiller that publishes through f (its
// publisher, seen bucket, logger and metrics) and keeps file progress in
// progress (the wiredesk_backfill bucket; nil keeps none).
// m may be nil.
func NewBackfiller(f *Fetcher, cfg BackfillConfig, progress KV, m *BackfillMetrics) *Backfiller {
	if cfg.Default == "" {
		cfg.Default = "archive"
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 8 * runtime.GOMAXPROCS(0)
	}
	if cfg.SaveEvery <= 0 {
		cfg.SaveEvery = time.Second
	}
	b := &Backfiller{f: f, cfg: cfg, route: map[string]*Source{}, progress: progress, m: m}
	for i := range cfg.Sources {
		for h := range cfg.Sources[i].hosts() {
			if b.route[h] == nil {
				b.route[h] = &cfg.Sources[i]
			}
		}
	}
	if len(cfg.Hosts) > 0 || cfg.All {
		b.fallback = &Source{ID: cfg.Default}
		for _, h := range cfg.Hosts {
			h = strings.ToLower(h)
			if b.route[h] == nil {
				b.route[h] = b.fallback
			}
		}
	}
	return b
}

// source returns the source a record's URL belongs to, or nil when the
// backfill does not take it.
func (b *Backfiller) source(u *url.URL) *Source {
	if s := b.route[strings.ToLower(u.Host)]; s != nil {
		return s
	}
	if b.cfg.All {
		return b.fallback
	}
	return nil
}

// Filter is the host filter: it runs on a record's WARC header, before
// any of the record is parsed.
func (b *Backfiller) Filter() archive.Filter {
	return func(u *url.URL) bool { return b.source(u) != nil }
}

// ErrBackfillDone is returned by File for a file whose progress says it
// was read to its end.
var ErrBackfillDone = errors.New("file already backfilled")

// File backfills one WARC file from where its saved progress stopped. It
// returns the file's progress; on a cancelled ctx, the progress saved so
// far and the context's error.
func (b *Backfiller) File(ctx context.Context, path string) (BackfillProgress, error) {
	prev, err := b.Progress(ctx, path)
	if err != nil {
		return BackfillProgress{}, err
	}
	p := BackfillProgress{File: path, Started: time.Now().UTC()}
	if prev != nil {
		if prev.Done {
			return *prev, ErrBackfillDone
		}
		p = *prev
		p.Error = ""
	}
	if p.Skipped == nil {
		p.Skipped = map[string]int64{}
	}
	fh, err := os.Open(path)
	if err != nil {
		return p, fmt.Errorf("backfill %s: %w", path, err)
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil {
		p.Size = st.Size()
	}
	r, err := archive.NewReader(fh, p.Offset, b.Filter(), b.cfg.Limits)
	if err != nil {
		return p, fmt.Errorf("backfill %s: %w", path, err)
	}
	if p.Offset > 0 {
		b.f.log.Info("backfill resuming", "file", path, "offset", p.Offset, "records", p.Records)
	} else {
		b.f.log.Info("backfill starting", "file", path, "size", p.Size)
	}
	err = b.run(ctx, r, &p)
	p.Updated = time.Now().UTC()
	if err != nil {
		p.Error = err.Error()
		if serr := b.save(context.WithoutCancel(ctx), p); serr != nil {
			b.f.log.Warn("backfill progress not saved", "file", path, "err", serr)
		}
		return p, err
	}
	p.Done = true
	if err := b.save(ctx, p); err != nil {
		return p, err
	}
	b.m.file("done")
	b.f.log.Info("backfill done", "file", path, "records", p.Records, "published", p.Published,
		"unchanged", p.Unchanged, "skipped", p.SkippedTotal(), "errors", p.Errors)
	if b.OnProgress != nil {
		b.OnProgress(p)
	}
	return p, nil
}

// job is one record on its way through the workers; done is closed when
// it has been handled, in whatever order the workers finish.
type job struct {
	rec     archive.Record
	outcome string // published, unchanged, error, or the skip reason
	done    chan struct{}

	// What the reader works out before the workers, for the batched
	// seen lookup: the record's URL, source and seen key, or why it is
	// skipped.
	u        *url.URL
	src      *Source
	fetchKey string
	key      string
	skip     string
	// looked is set when the seen bucket was read for the whole batch;
	// seen says the URL is there.
	looked, seen bool
}

// SeenMany reads many keys of the seen bucket at once; bus.Conn's
// GetMany does, with one request where Get would take one a key.
type SeenMany interface {
	GetMany(ctx context.Context, bucket string, keys []string) (map[string][]byte, error)
}

// seenBatch is how many records' seen keys the reader asks for at once.
// For a fresh archive almost none are there, and the answer to the whole
// batch is one "no results": two messages where a Get a record made two
// a record (a request and its "not found").
const seenBatch = 128

// prepare works out a record's URL, source and seen key.
func (b *Backfiller) prepare(j *job) {
	u, err := url.Parse(j.rec.URI)
	if err != nil {
		j.skip = archive.SkipBadURI
		return
	}
	j.u = u
	if j.src = b.source(u); j.src == nil {
		j.skip = archive.SkipHost
		return
	}
	if j.fetchKey, err = canonical(u); err != nil {
		j.skip = archive.SkipBadURI
		return
	}
	j.key = seenKey(j.fetchKey)
}

// lookup reads the seen state of a batch of records in one request. When
// it cannot, the workers read it a record at a time as before; a server
// too old for the batched get is told once and not asked again.
func (b *Backfiller) lookup(ctx context.Context, batch []*job) {
	if b.many == nil || b.manyOff.Load() {
		return
	}
	var keys []string
	for _, j := range batch {
		if j.skip == "" {
			keys = append(keys, j.key)
		}
	}
	if len(keys) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	got, err := b.many.GetMany(ctx, b.seenBucket, keys)
	if err != nil {
		if ctx.Err() == nil && b.manyOff.CompareAndSwap(false, true) {
			b.f.log.Warn("backfill: the seen bucket cannot be read in batches; reading it a record at a time", "err", err)
		}
		return
	}
	for _, j := range batch {
		if j.skip != "" {
			continue
		}
		j.looked = true
		if data, ok := got[j.key]; ok {
			var st seenState
			// A damaged entry only costs a full extraction, as in loadSeen.
			j.seen = json.Unmarshal(data, &st) == nil
		}
	}
}

// run reads the file's records in order, hands them to the workers, and
// advances the saved offset over records in file order as they finish:
// the offset never passes a record whose page is not yet published.
func (b *Backfiller) run(ctx context.Context, r *archive.Reader, p *BackfillProgress) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan *job, b.cfg.Workers*4)
	order := make(chan *job, b.cfg.Workers*16)
	var readErr error
	var wg sync.WaitGroup
	for range b.cfg.Workers {
		wg.Go(func() {
			for j := range work {
				j.outcome = b.record(ctx, j)
				close(j.done)
			}
		})
	}
	go func() {
		defer close(order)
		defer close(work)
		// The kept records go to the workers a batch at a time, once
		// their seen state is read for the whole batch.
		var batch []*job
		flush := func() bool {
			b.lookup(ctx, batch)
			for _, j := range batch {
				select {
				case work <- j:
				case <-ctx.Done():
					return false
				}
			}
			batch = batch[:0]
			return true
		}
		for {
			rec, err := r.Next()
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr = err
				}
				flush()
				return
			}
			j := &job{rec: rec, done: make(chan struct{})}
			select {
			case order <- j:
			default:
				// The oldest records wait for their workers: hand
				// out what is batched before waiting with them.
				if !flush() {
					return
				}
				select {
				case order <- j:
				case <-ctx.Done():
					return
				}
			}
			if rec.Skip != "" {
				j.outcome = rec.Skip
				close(j.done)
				continue
			}
			b.prepare(j)
			batch = append(batch, j)
			if len(batch) == seenBatch && !flush() {
				return
			}
		}
	}()
	start, startOffset := time.Now(), p.Offset
	startRecords := p.Records
	lastSave := time.Now()
	report := func() {
		el := time.Since(start)
		if el > 0 {
			p.Rate = float64(p.Records-startRecords) / el.Seconds()
		}
		if done := p.Offset - startOffset; done > 0 && p.Size > p.Offset {
			p.ETA = time.Duration(float64(el) * float64(p.Size-p.Offset) / float64(done))
		}
		if b.OnProgress != nil {
			b.OnProgress(*p)
		}
	}
	var err error
	// After a record fails to publish, the offset stays before it, so
	// that a rerun retries it (the records after it come back as
	// unchanged).
	failed := false
	for j := range order {
		select {
		case <-j.done:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			err = ctx.Err()
			break
		}
		p.Records++
		switch j.outcome {
		case "published":
			p.Published++
		case "unchanged":
			p.Unchanged++
		case "error":
			p.Errors++
		default:
			p.Skipped[j.outcome]++
		}
		b.m.record(j.outcome, j.rec.End-j.rec.Offset)
		if j.outcome == "error" {
			failed = true
		}
		if !failed {
			p.Offset = j.rec.End
		}
		if time.Since(lastSave) >= b.cfg.SaveEvery {
			p.Updated = time.Now().UTC()
			if serr := b.save(ctx, *p); serr != nil {
				b.f.log.Warn("backfill progress not saved", "file", p.File, "err", serr)
			}
			lastSave = time.Now()
			report()
		}
	}
	cancel()
	wg.Wait()
	report()
	if err != nil {
		return err
	}
	if readErr != nil {
		return fmt.Errorf("backfill %s: %w", p.File, readErr)
	}
	if p.Errors > 0 {
		// Records that failed to publish are before the saved offset
		// now; the file is not done until they are out.
		return fmt.Errorf("backfill %s: %d records failed; run it again to retry them", p.File, p.Errors)
	}
	return nil
}

// record turns one kept record into a page and publishes it, unless its
// URL is in the seen bucket (published live, or by a backfill that
// records it).
func (b *Backfiller) record(ctx context.Context, j *job) string {
	if j.skip != "" {
		return j.skip
	}
	rec, u, src, fetchKey, key := j.rec, j.u, j.src, j.fetchKey, j.key
	if !j.looked {
		prev, err := loadSeen(ctx, b.f.seen, key)
		if err != nil {
			if ctx.Err() == nil {
				b.f.log.Warn("backfill: seen bucket", "url", rec.URI, "err", err)
			}
			return "error"
		}
		j.seen = prev != nil
	}
	if j.seen {
		return "unchanged"
	}
	resp := rec.Response
	h := article.HTTP{Status: resp.Status, ETag: resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"), ContentType: resp.ContentType()}
	when := rec.Date
	if when.IsZero() {
		when = b.f.now()
	}
	p, err := buildPage(resp.Body, u, src, h, when)
	if err != nil {
		var bad *badContent
		if errors.As(err, &bad) {
			return bad.reason
		}
		b.f.log.Debug("backfill: no page", "url", rec.URI, "err", err)
		return "extract"
	}
	p.Backfill = true
	if err := b.f.publish(ctx, src, p); err != nil {
		if ctx.Err() == nil {
			b.f.log.Warn("backfill: publish failed", "url", rec.URI, "err", err)
		}
		return "error"
	}
	if !b.cfg.RecordSeen {
		return "published"
	}
	next := &seenState{URL: fetchKey, CanonicalURL: p.CanonicalURL, ETag: h.ETag,
		LastModified: h.LastModified, ContentHash: p.ContentHash, FetchedAt: p.FetchedAt}
	if err := saveSeen(ctx, b.f.seen, key, next); err != nil {
		// The page is out; a rerun publishes it again with the same
		// Msg-Id, and JetStream or the sink deduplicates it.
		b.f.log.Warn("backfill: seen bucket", "url", rec.URI, "err", err)
	}
	return "published"
}

package main

import (
	"testing"
	"time"
)

// One benchmark op is one pass over the whole page set, so that both
// extractors see the same mix of page sizes in the same proportions.

func benchWiredesk(pages []page) func(*testing.B) {
	return func(b *testing.B) {
		b.SetBytes(totalBytes(pages))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				if _, err := runWiredesk(p); err != nil {
					b.Fatalf("%s: %v", p.name, err)
				}
			}
		}
		reportPages(b, len(pages))
	}
}

func benchTrafilatura(pages []page) func(*testing.B) {
	return func(b *testing.B) {
		b.SetBytes(totalBytes(pages))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				// Errors are "not enough text" verdicts on fully processed
				// pages; the work is done either way.
				_, _ = runTrafilatura(p)
			}
		}
		reportPages(b, len(pages))
	}
}

func reportPages(b *testing.B, perOp int) {
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(b.N*perOp)/s, "pages/s")
	}
}

// perPage is a benchmark result divided down to one page.
type perPage struct {
	dur    time.Duration
	bytes  int64
	allocs int64
}

func resultPerPage(r testing.BenchmarkResult, n int) perPage {
	pages := int64(r.N) * int64(n)
	if pages == 0 {
		return perPage{}
	}
	return perPage{
		dur:    r.T / time.Duration(pages),
		bytes:  int64(r.MemBytes) / pages,
		allocs: int64(r.MemAllocs) / pages,
	}
}

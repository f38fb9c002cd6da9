package classify

import (
	"sync"

	"github.com/wiredesk/wiredesk/pkg/byline"
)

// maxBylines bounds the byline splits a classifier remembers. A source's
// pages credit the same few writers again and again, so most pages ask
// for a split already made; when the memory is full it starts again.
const maxBylines = 4096

// bylineSplits remembers byline.Split's answers for a credit line and a
// host. byline.Split is a pure function of the two, and the most
// expensive step of settling an article's metadata (some twenty passes
// over the line); the answer remembered is the answer computed.
type bylineSplits struct {
	mu sync.Mutex
	m  map[bylineKey]bylineSplit
}

type bylineKey struct{ line, host string }

type bylineSplit struct{ persons, orgs string }

func newBylineSplits() *bylineSplits {
	return &bylineSplits{m: make(map[bylineKey]bylineSplit)}
}

// split is byline.Split(line, host).
func (b *bylineSplits) split(line, host string) (persons, orgs string) {
	if line == "" {
		return "", ""
	}
	k := bylineKey{line, host}
	b.mu.Lock()
	r, ok := b.m[k]
	b.mu.Unlock()
	if ok {
		return r.persons, r.orgs
	}
	persons, orgs = byline.Split(line, host)
	b.mu.Lock()
	if len(b.m) >= maxBylines {
		clear(b.m)
	}
	b.m[k] = bylineSplit{persons, orgs}
	b.mu.Unlock()
	return persons, orgs
}

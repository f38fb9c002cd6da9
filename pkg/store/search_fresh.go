package store

import (
	"slices"
	"sync"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// fresh holds what the SQLite indexer needs of the articles Put has just
// committed, so that it can tokenise them without reading their documents
// back and decoding the JSON, which was a sixth of the cost of indexing.
// It is only a cache: an entry is used only for the revision (content
// hash) pending, and whatever is missing is read from the database.
type fresh struct {
	mu sync.Mutex
	m  map[string]freshEntry
}

type freshEntry struct {
	hash string
	a    *article.Article // the fields tokenize reads, copied
}

// maxFresh bounds fresh: beyond it, Put adds nothing and the indexer reads
// the documents, as it does after a restart.
const maxFresh = 4096

func newFresh() *fresh { return &fresh{m: map[string]freshEntry{}} }

// add records the committed revisions of batch.
func (f *fresh) add(batch []*article.Article, outcomes []Outcome) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, a := range batch {
		if outcomes[i] == Unchanged || len(f.m) >= maxFresh {
			continue
		}
		// A copy of what tokenize reads: the caller owns a.
		f.m[a.ID] = freshEntry{hash: a.ContentHash, a: &article.Article{
			ID: a.ID, Lang: a.Lang, Title: a.Title, Standfirst: a.Standfirst, Body: a.Body, Countries: slices.Clone(a.Countries),
		}}
	}
}

// take returns and forgets the article of id at revision hash, or nil.
func (f *fresh) take(id, hash string) *article.Article {
	f.mu.Lock()
	defer f.mu.Unlock()
	e, ok := f.m[id]
	if !ok {
		return nil
	}
	if e.hash != hash {
		// An older revision than the one pending, or a newer one whose
		// pending entry the indexer has not read yet: leave the newer.
		return nil
	}
	delete(f.m, id)
	return e.a
}

// reset forgets everything: called when nothing is pending, so that entries
// whose pending row went away (pruned articles) do not fill the cache.
func (f *fresh) reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	clear(f.m)
}

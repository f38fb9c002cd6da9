package storetest

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// testPutEncoded: a store that takes the caller's documents keeps them as
// they are (the sink hands it the classifier's message, not encoded
// again), encodes the articles that come without one, and refuses
// documents that do not pair with the batch.
func testPutEncoded(t *testing.T, open func(testing.TB) store.Store) {
	st := open(t)
	e, ok := st.(store.Encoded)
	if !ok {
		t.Skip("the store does not take documents")
	}
	ctx := context.Background()
	withDoc, without := NewArticle(1), NewArticle(2)
	// A document that says something the article does not, to tell
	// which of the two the store kept.
	marked := clone(withDoc)
	marked.Byline = "Belgeden Gelen"
	doc, err := json.Marshal(marked)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.PutEncoded(ctx, []*article.Article{withDoc, without}, [][]byte{doc}); err == nil {
		t.Error("PutEncoded took one document for two articles")
	}
	out, err := e.PutEncoded(ctx, []*article.Article{withDoc, without}, [][]byte{doc, nil})
	if err != nil {
		t.Fatalf("PutEncoded: %v", err)
	}
	if out[0] != store.Inserted || out[1] != store.Inserted {
		t.Errorf("outcomes %v, want inserted twice", out)
	}
	if got := get(t, st, withDoc.ID).Article.Byline; got != marked.Byline {
		t.Errorf("byline %q, want the document's %q", got, marked.Byline)
	}
	if got := get(t, st, without.ID).Article; got.Byline != without.Byline || got.Title != without.Title {
		t.Errorf("an article without a document came back as %q by %q, want %q by %q", got.Title, got.Byline, without.Title, without.Byline)
	}
	if out, err := e.PutEncoded(ctx, []*article.Article{withDoc}, nil); err != nil || out[0] != store.Unchanged {
		t.Errorf("the same article again: %v, %v; want unchanged", out, err)
	}
}

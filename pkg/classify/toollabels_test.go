package classify_test

import (
	"context"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/extract"
)

// An English classifier for the pages written in English, loaded once.
var (
	enOnce sync.Once
	enCl   *classify.Classifier
	enErr  error
)

func englishClassifier(t testing.TB) *classify.Classifier {
	t.Helper()
	enOnce.Do(func() {
		enCl, enErr = classify.New(classify.Config{Languages: []string{"en"}, NoMemory: true}, slog.New(slog.DiscardHandler))
	})
	if enErr != nil {
		t.Fatal(enErr)
	}
	return enCl
}

// TestToolLabelsGolden runs a club sports page written for the test from
// HTML to article: the labels of the page's tools ("Text size"), of a
// video player's embed button, of an ad slot between the
// paragraphs ("Advertisements") and of a reuse link under the text, each
// alone on its line inside the article's container, are no paragraphs.
func TestToolLabelsGolden(t *testing.T) {
	const name = "en_tool_labels"
	f, err := os.Open(filepath.Join("testdata", name+".html"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	u, _ := url.Parse("https://quayside.example/rowing/" + name)
	res, err := extract.Extract(f, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := &article.Page{
		Schema: article.SchemaPage, ID: article.IDFor(u.String()), URL: u.String(), CanonicalURL: u.String(),
		Source: "quayside", FetchedAt: now, HTTP: article.HTTP{Status: 200},
		Title: res.Title, Byline: res.Byline, Blocks: res.Blocks, ContentHash: article.HashBlocks(res.Blocks),
	}
	r, err := englishClassifier(t).Classify(context.Background(), p, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Article == nil {
		t.Fatalf("dropped: %+v", r.Drop)
	}
	for _, para := range r.Article.Paragraphs {
		for _, label := range []string{"Text size", "Embed", "Advertisements", "Reuse this content"} {
			if strings.Contains(para, label) {
				t.Errorf("paragraph %q is a tool's label", para)
			}
		}
	}
	checkGolden(t, name+".result.json", encode(t, r))
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/fetch"
)

// evalNow is the clock every page is judged by, so that runs compare.
func evalNow() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }

// newClassifier is the classifier the paragraph figures use: languages
// widened to the benchmarks' and no memory, as each site gives one page.
func newClassifier() (*classify.Classifier, error) {
	return classify.New(classify.Config{Languages: languages, NoMemory: true}, slog.New(slog.DiscardHandler))
}

// pipelinePage runs one page as the pipeline would: the fetcher's
// BuildPage, then the classifier. With canonical, the page's canonical URL
// stands in for u when it gives one (a held-out page has no URL of its
// own). pg is nil when the page does not build; an error is the
// classifier's.
func pipelinePage(cl *classify.Classifier, src []byte, u *url.URL, source string, canonical bool) (*article.Page, classify.Result, error) {
	pg, err := fetch.BuildPage(bytes.NewReader(src), u, nil, article.HTTP{Status: 200, ContentType: "text/html; charset=utf-8"}, evalNow())
	if err != nil {
		return nil, classify.Result{}, nil
	}
	pg.Source = source
	if canonical && pg.CanonicalURL != "" {
		pg.URL = pg.CanonicalURL
	}
	res, err := cl.Classify(context.Background(), pg, evalNow())
	if err != nil {
		return pg, res, fmt.Errorf("classify: %w", err)
	}
	return pg, res, nil
}

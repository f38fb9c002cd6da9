package classify_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/relevance"
)

// BenchmarkRelevanceShare measures what relevance scoring costs within the
// classification of a page: on the benchmark pages that are articles, it
// times the whole Classify and the scoring of the article it yields (the
// built-in model and profile, as Classify calls them), alternately in one
// run so that both see the same machine, and reports scoring's share of the
// page's time. The bar is 10% or less. The old weighted-term profile's
// share is measured in the same loop, as the baseline.
//
//	go test -run '^$' -bench RelevanceShare ./pkg/classify/
func BenchmarkRelevanceShare(b *testing.B) {
	relevanceShare(b, classifier(b), benchPages(b), nil)
}

// BenchmarkRelevanceShareRealPages is BenchmarkRelevanceShare on the real
// Turkish and Russian pages the repository has (the demo site's and the
// extractor's golden pages), so that the scoring the model does only for
// some texts (Russian's second, longer lead, read when the first is
// unsure) is in the share as often as such pages make it. The classifier
// has no per-source memory here, so that every round does the same work.
//
//	go test -run '^$' -bench RelevanceShareRealPages ./pkg/classify/
func BenchmarkRelevanceShareRealPages(b *testing.B) {
	c, err := classify.New(classify.Config{NoMemory: true}, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	wire := func(lang string) bool { return lang == "tr" || lang == "ru" }
	relevanceShare(b, c, realPages(b), wire)
}

// relevanceShare times Classify and the scoring of the article it yields
// on each page that is an article (in a language keep accepts, when keep
// is not nil), alternately, and reports scoring's share of the page's time.
func relevanceShare(b *testing.B, c *classify.Classifier, all []*article.Page, keep func(lang string) bool) {
	s, err := relevance.DefaultScorer()
	if err != nil {
		b.Fatal(err)
	}
	p, err := relevance.Default()
	if err != nil {
		b.Fatal(err)
	}
	old := relevance.NewScorer(p, nil)
	ctx := context.Background()
	type scored struct {
		lang, title string
		paras       []string
	}
	var pages []int
	var arts []scored
	for i, p := range all {
		res, err := c.Classify(ctx, p, now)
		if err != nil {
			b.Fatal(err)
		}
		if a := res.Article; a != nil && (keep == nil || keep(a.Lang)) {
			pages = append(pages, i)
			arts = append(arts, scored{a.Lang, a.Title, a.Paragraphs})
		}
	}
	if len(arts) == 0 {
		b.Fatal("no benchmark page is an article")
	}
	var classifyTime, scoreTime, oldTime time.Duration
	for i := 0; b.Loop(); i++ {
		k := i % len(arts)
		t0 := time.Now()
		if _, err := c.Classify(ctx, all[pages[k]], now); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		a := arts[k]
		s.Score(a.lang, a.title, a.paras, 0)
		t2 := time.Now()
		old.Score(a.lang, a.title, a.paras, 0)
		oldTime += time.Since(t2)
		scoreTime += t2.Sub(t1)
		classifyTime += t1.Sub(t0)
	}
	b.ReportMetric(float64(classifyTime.Microseconds())/float64(b.N), "classify-µs/page")
	b.ReportMetric(float64(scoreTime.Microseconds())/float64(b.N), "score-µs/page")
	b.ReportMetric(100*float64(scoreTime)/float64(classifyTime), "score-%")
	b.ReportMetric(100*float64(oldTime)/float64(classifyTime), "profile-score-%")
	b.ReportMetric(float64(len(arts)), "articles")
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/fetch"
)

// evalNow is the clock every page is judged by, so that runs compare.
func evalNow() time.Time { return time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) }

// newClassifier is the classifier the paragraph figures use: the
// languages given (languages, or everyLanguage) in scope and no memory,
// as each site gives one page.
func newClassifier(langs []string) (*classify.Classifier, error) {
	return classify.New(classify.Config{Languages: langs, NoMemory: true}, slog.New(slog.DiscardHandler))
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

// outcome is what wiredesk made of one page, as the paragraph figures
// read it.
type outcome struct {
	pg                                  *article.Page
	res                                 classify.Result
	paras                               []string
	standfirst, dateline, credit, title string
	dropped                             []article.Dropped
	// noArticle is why the page gave no article ("" when it gave one):
	// the drop's reason, with the language or the kind of page.
	noArticle string
}

// runPage runs one page through the pipeline (pipelinePage) and reads the
// article's parts the figures score.
func runPage(cl *classify.Classifier, src []byte, u *url.URL, source string, canonical bool) (outcome, error) {
	pg, res, err := pipelinePage(cl, src, u, source, canonical)
	if err != nil {
		return outcome{}, err
	}
	o := outcome{pg: pg, res: res}
	switch {
	case pg == nil:
		o.noArticle = "fetch"
	case res.Article == nil:
		o.noArticle = res.Drop.Reason
		switch {
		case o.noArticle == article.DropLang:
			o.noArticle += " " + res.Drop.Lang
		case strings.HasPrefix(res.Drop.Detail, "listing"), strings.HasPrefix(res.Drop.Detail, "no prose"):
			o.noArticle += " (" + strings.SplitN(res.Drop.Detail, ":", 2)[0] + ")"
		}
	default:
		a := res.Article
		o.paras, o.dropped = a.Paragraphs, a.Dropped
		o.standfirst, o.dateline, o.credit, o.title = a.Standfirst, printedDateline(a), a.Credit, a.Title
	}
	return o, nil
}

// lostToLanguage reports a page dropped for its language.
func (o outcome) lostToLanguage() bool {
	return o.res.Drop != nil && o.res.Drop.Reason == article.DropLang
}

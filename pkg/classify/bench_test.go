package classify_test

import (
	"context"
	"strings"
	"testing"

	"github.com/pemistahl/lingua-go"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// benchPages are the seeds and a Russian page of the same shape.
func benchPages(b *testing.B) []*article.Page {
	b.Helper()
	ru := []article.Block{{Text: "МОСКВА, 12 января. /ТАСС/. " + ruPara, Zone: article.ZoneBody}}
	for range 6 {
		ru = append(ru, body(ruPara))
	}
	ru = append(ru, body("Источник: ТАСС"), teaser("«Единая Россия» организует наблюдение на избирательных участках"))
	return []*article.Page{readPage(b, "seed000.page.json"), readPage(b, "seed002.page.json"), mkPage(b, ru...)}
}

// BenchmarkClassify is the whole classification of a page: detection,
// cleaning and relevance.
func BenchmarkClassify(b *testing.B) {
	c := classifier(b)
	pages := benchPages(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := c.Classify(ctx, pages[i%len(pages)], now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLinguaEveryBlock is the naive baseline on the same pages: lingua's
// DetectLanguageOf on every block, with the same seven languages.
func BenchmarkLinguaEveryBlock(b *testing.B) {
	classifier(b) // the models are loaded once per process, as in Classify
	d := lingua.NewLanguageDetectorBuilder().
		FromIsoCodes639_1(lingua.TR, lingua.RU, lingua.EN, lingua.AZ, lingua.UK, lingua.KK, lingua.BG).
		WithPreloadedLanguageModels().
		Build()
	pages := benchPages(b)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		for _, bl := range pages[i%len(pages)].Blocks {
			d.DetectLanguageOf(strings.TrimSpace(bl.Text))
		}
	}
}

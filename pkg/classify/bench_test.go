package classify_test

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/pemistahl/lingua-go"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// benchPages are the seeds, a Russian page of the same shape, and pages in
// the neighbours (az, uk) that must be dropped: those take lingua's path.
func benchPages(tb testing.TB) []*article.Page {
	tb.Helper()
	ru := []article.Block{{Text: "МОСКВА, 12 января. /ТАСС/. " + ruPara, Zone: article.ZoneBody}}
	for range 6 {
		ru = append(ru, body(ruPara))
	}
	ru = append(ru, body("Источник: ТАСС"), teaser("«Единая Россия» организует наблюдение на избирательных участках"))
	az := []article.Block{body(azPara), body(azPara + " " + azPara), teaser("Bakan Çavuşoğlu Moskova'ya gitti")}
	uk := []article.Block{body(ukPara), body(ukPara + " " + ukPara), teaser("Лавров прибыл в Анкару")}
	return []*article.Page{readPage(tb, "seed000.page.json"), readPage(tb, "seed002.page.json"), mkPage(tb, ru...), mkPage(tb, az...), mkPage(tb, uk...)}
}

// naiveDetector is the baseline the classifier is measured against:
// lingua-go with the same seven languages, asked about every block.
func naiveDetector() lingua.LanguageDetector {
	return lingua.NewLanguageDetectorBuilder().
		FromIsoCodes639_1(lingua.TR, lingua.RU, lingua.EN, lingua.AZ, lingua.UK, lingua.KK, lingua.BG).
		WithPreloadedLanguageModels().
		Build()
}

// naivePageLang is the baseline's page language: lingua on every block,
// each verdict weighted by the block's letters.
func naivePageLang(d lingua.LanguageDetector, p *article.Page) string {
	votes := make(map[string]int)
	best := ""
	for _, b := range p.Blocks {
		l, ok := d.DetectLanguageOf(strings.TrimSpace(b.Text))
		if !ok {
			continue
		}
		code := strings.ToLower(l.IsoCode639_1().String())
		votes[code] += letterCount(b.Text)
		if votes[code] > votes[best] {
			best = code
		}
	}
	return best
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func pageBytes(pages []*article.Page) int {
	n := 0
	for _, p := range pages {
		for _, b := range p.Blocks {
			n += len(b.Text)
		}
	}
	return n
}

// TestSameLanguageAsLingua is the accuracy side of the speed bar: on the
// benchmark pages the classifier reaches the page language that lingua,
// asked about every block, reaches.
func TestSameLanguageAsLingua(t *testing.T) {
	c := classifier(t)
	d := naiveDetector()
	for _, p := range benchPages(t) {
		res, err := c.Classify(context.Background(), p, now)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		switch {
		case res.Article != nil:
			got = res.Article.Lang
		case res.Drop != nil:
			got = res.Drop.Lang
		}
		if want := naivePageLang(d, p); got != want {
			t.Errorf("%s: classifier says %q, lingua on every block %q", p.URL, got, want)
		}
	}
}

// BenchmarkClassify is the whole classification of a page: detection,
// cleaning and relevance.
func BenchmarkClassify(b *testing.B) {
	c := classifier(b)
	pages := benchPages(b)
	ctx := context.Background()
	b.SetBytes(int64(pageBytes(pages) / len(pages)))
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
	d := naiveDetector()
	pages := benchPages(b)
	b.SetBytes(int64(pageBytes(pages) / len(pages)))
	for i := 0; b.Loop(); i++ {
		for _, bl := range pages[i%len(pages)].Blocks {
			d.DetectLanguageOf(strings.TrimSpace(bl.Text))
		}
	}
}

// BenchmarkSpeedup runs the classifier and the baseline on the same pages,
// alternately, in one run, so both see the same machine state, and reports
// each one's article bytes per second and their ratio. The bar is a
// speedup of 5 or more; TestSameLanguageAsLingua holds the accuracy.
//
//	go test -run '^$' -bench Speedup ./pkg/classify/
func BenchmarkSpeedup(b *testing.B) {
	c := classifier(b)
	d := naiveDetector()
	pages := benchPages(b)
	perRound := pageBytes(pages)
	ctx := context.Background()
	var tc, tl time.Duration
	rounds := 0
	for b.Loop() {
		start := time.Now()
		for _, p := range pages {
			if _, err := c.Classify(ctx, p, now); err != nil {
				b.Fatal(err)
			}
		}
		mid := time.Now()
		for _, p := range pages {
			for _, bl := range p.Blocks {
				d.DetectLanguageOf(strings.TrimSpace(bl.Text))
			}
		}
		tc += mid.Sub(start)
		tl += time.Since(mid)
		rounds++
	}
	total := float64(perRound * rounds)
	b.ReportMetric(total/tc.Seconds()/1e6, "classify-MB/s")
	b.ReportMetric(total/tl.Seconds()/1e6, "lingua-MB/s")
	b.ReportMetric(tl.Seconds()/tc.Seconds(), "speedup")
}

package classify_test

import (
	"context"
	"fmt"
	"log/slog"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/classify"
)

// TestRecurringBlocks classifies pages of one source that share a promo
// line: it is kept beside the first two stories (nothing in its text gives
// it away) and dropped as boilerplate from the third on. A classifier
// without memory keeps it throughout, and so does one that sees the same
// story again and again, under new URLs.
func TestRecurringBlocks(t *testing.T) {
	const promo = "Haftanın öne çıkan dosyaları her pazartesi sabahı bu sayfada, sakın kaçırmayın."
	cities := []string{"Ankara", "Bursa", "Konya", "Samsun"}
	mk := func(n int) *article.Page {
		p := mkPage(t, body(trPara+" Görüşme "+cities[n]+" kentinde yapıldı."), body(promo))
		p.Source = "memtest"
		p.URL = fmt.Sprintf("https://www.example.org/haber/%d", n)
		p.CanonicalURL, p.ID = p.URL, article.IDFor(p.URL)
		return p
	}
	off, err := classify.New(classify.Config{NoMemory: true}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	// A classifier of its own: the shared one keeps what it saw, and a
	// second run of this test (-count=2) would find the promo already
	// known.
	on, err := classify.New(classify.Config{}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	republished := func(n int) *article.Page {
		p := mk(0)
		p.Source = "memtest-again"
		p.URL = fmt.Sprintf("https://www.example.org/haber/kopya-%d", n)
		p.CanonicalURL, p.ID = p.URL, article.IDFor(p.URL)
		return p
	}
	for _, tc := range []struct {
		name string
		c    *classify.Classifier
		page func(n int) *article.Page
		want []string // reason of the promo on pages 0..3, "" when kept
	}{
		{"memory", on, mk, []string{"", "", article.ReasonBoilerplate, article.ReasonBoilerplate}},
		{"no memory", off, mk, []string{"", "", "", ""}},
		{"one story under four URLs", on, republished, []string{"", "", "", ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for n, want := range tc.want {
				res, err := tc.c.Classify(context.Background(), tc.page(n), now)
				if err != nil {
					t.Fatal(err)
				}
				if res.Article == nil {
					t.Fatalf("page %d dropped: %+v", n, res.Drop)
				}
				got := ""
				for _, d := range res.Article.Dropped {
					if d.I == 1 {
						got = d.Reason
					}
				}
				if got != want {
					t.Errorf("page %d: promo reason %q, want %q", n, got, want)
				}
			}
		})
	}
	if st := on.Stats(); st.Memory.Sources == 0 || st.Memory.Blocks == 0 {
		t.Errorf("stats %+v, want sources with blocks", st)
	}
}

// TestModelMemory reports what the language models take, as the issue asks.
func TestModelMemory(t *testing.T) {
	st := classifier(t).Stats()
	t.Logf("language models: %d MiB of heap", st.ModelBytes>>20)
	if st.ModelBytes == 0 {
		t.Log("models were already loaded in this process")
	}
}

package classify_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/internal/golden"
	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/classify"
)

var update = flag.Bool("update", false, "rewrite golden files")

// The language models take seconds to load: one classifier per test binary.
var (
	clOnce sync.Once
	cl     *classify.Classifier
	clErr  error
)

func classifier(t testing.TB) *classify.Classifier {
	t.Helper()
	clOnce.Do(func() {
		cl, clErr = classify.New(classify.Config{}, slog.New(slog.DiscardHandler))
	})
	if clErr != nil {
		t.Fatal(clErr)
	}
	return cl
}

var now = time.Date(2020, 1, 14, 12, 0, 0, 0, time.UTC)

func readPage(t testing.TB, name string) *article.Page {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	p, err := article.DecodePage(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return p
}

func checkGolden(t testing.TB, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got, *update)
}

func encode(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSeedsGolden(t *testing.T) {
	c := classifier(t)
	for _, name := range []string{"seed000", "seed002"} {
		t.Run(name, func(t *testing.T) {
			p := readPage(t, name+".page.json")
			res, err := c.Classify(context.Background(), p, now)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name+".result.json", encode(t, res))
			a := res.Article
			if a == nil {
				t.Fatalf("dropped: %+v", res.Drop)
			}
			if err := a.Validate(); err != nil {
				t.Fatal(err)
			}
			if a.Lang != "tr" || !a.Relevance.Relevant {
				t.Errorf("lang %q relevant %v, want tr and relevant", a.Lang, a.Relevance.Relevant)
			}
			for _, furniture := range []string{"Kamera", "DHADış", "date 2020", "KAYNAK", "Единая", "Birleşik Rusya", "Washington"} {
				if strings.Contains(a.Body, furniture) {
					t.Errorf("body still holds %q", furniture)
				}
			}
		})
	}
}

func TestSeed000Furniture(t *testing.T) {
	res, err := classifier(t).Classify(context.Background(), readPage(t, "seed000.page.json"), now)
	if err != nil {
		t.Fatal(err)
	}
	a := res.Article
	if a == nil {
		t.Fatalf("dropped: %+v", res.Drop)
	}
	checks := []struct{ field, got, want string }{
		{"credit", a.Credit, "Kamera: Güven USTA"},
		{"dateline", a.Dateline, "İstanbul"},
		{"attribution", a.Attribution, "DHA"},
		{"first paragraph", a.Paragraphs[0][:len("Dışişleri Bakanı")], "Dışişleri Bakanı"},
		{"heading kept", a.Paragraphs[3], "İKİLİ İLİŞKİLERİMİZİN DEVAMI VE PEKİŞTİRİLMESİ İÇİN HER TÜRLÜ ADIMI ATAMAYA HAZIR OLDUKLARINI BEYAN ETTİLER"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if a.PublishedAt.IsZero() {
		t.Log("published_at stays empty: the glued date has month precision only")
	}
}

func TestSeed002Sidebar(t *testing.T) {
	res, err := classifier(t).Classify(context.Background(), readPage(t, "seed002.page.json"), now)
	if err != nil {
		t.Fatal(err)
	}
	a := res.Article
	if a == nil {
		t.Fatalf("dropped: %+v", res.Drop)
	}
	if a.Attribution != "TRT HABER" {
		t.Errorf("attribution %q, want TRT HABER", a.Attribution)
	}
	reasons := make(map[int]string)
	for _, d := range a.Dropped {
		reasons[d.I] = d.Reason
	}
	want := map[int]string{
		10: article.ReasonSourceLine,
		11: article.ReasonOtherLanguage,
		12: article.ReasonOtherLanguage,
		13: article.ReasonSidebar,
		14: article.ReasonSidebar,
		15: article.ReasonUnrelated,
		16: article.ReasonUnrelated,
	}
	for i, r := range want {
		if reasons[i] != r {
			t.Errorf("block %d: reason %q, want %q", i, reasons[i], r)
		}
	}
	if len(a.Paragraphs) != 10 {
		t.Errorf("%d paragraphs, want 10 (lead, body, heading, four list items)", len(a.Paragraphs))
	}
}

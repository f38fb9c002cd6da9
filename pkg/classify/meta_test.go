package classify_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/extract"
)

// TestMetaGolden runs two pages written in styles of their own (a Turkish
// live report, a Russian agency story) from HTML to article: the metadata
// an analyst reads (byline, attribution, credit, dateline, published and
// updated times with their precision) and every paragraph of the text,
// sub-headings marked. The pages are the extractor's golden pages, read
// in place. The third, a Turkish page whose markup names no language,
// writes its times without an offset: the extractor keeps them local and
// the classifier reads them in Istanbul once the text says Turkish.
func TestMetaGolden(t *testing.T) {
	for _, name := range []string{"tr_meta_liveblog", "ru_meta_updated", "tr_trt_divsoup"} {
		t.Run(name, func(t *testing.T) {
			r := classifyHTML(t, filepath.Join("..", "extract", "testdata", name+".html"), "https://haber.example/"+name, "yeni")
			checkGolden(t, name+".result.json", encode(t, r))
		})
	}
}

// TestStandfirstGolden runs pages written in styles of their own from
// HTML to article: the summary the template prints under the headline is
// the article's standfirst, not the first of its paragraphs, and
// relevance reads it with the body. A Turkish spot sits between the
// headline and the byline and date; a Russian лид, in a "lid" box, and a
// Turkish spot printed in bold come after the byline, the date and the
// photo, where only the markup tells them from the first paragraph; a
// Russian summary of two points is a list in a "points" box.
func TestStandfirstGolden(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"tr_spot_standfirst", "Bakanlık, stokları korumak için hamsi avının bu sezon 1 Şubat yerine 15 Ocak'ta sona ereceğini duyurdu."},
		{"ru_lid_after_byline", "Терминал будет принимать суда из Японии и Южной Кореи и рассчитан на полмиллиона пассажиров в год."},
		{"tr_bold_spot_after_date", "Emniyet ekipleri, kent genelinde kış lastiği takılmayan ticari araçlara 4 bin 500 lira para cezası uygulamaya başladı."},
		{"ru_summary_points", "С января на пяти пунктах пропуска заработают электронные очереди для легковых машин.\nВремя досмотра туристических автобусов обещают сократить вдвое."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := classifyHTML(t, filepath.Join("testdata", tc.name+".html"), "https://kiyi.example/ekonomi/"+tc.name, "kiyi")
			if r.Article.Standfirst != tc.want {
				t.Errorf("standfirst %q, want %q", r.Article.Standfirst, tc.want)
			}
			checkGolden(t, tc.name+".result.json", encode(t, r))
		})
	}
}

// classifyHTML extracts the page at path as if fetched from rawURL for
// source, classifies it and fails the test unless it is kept.
func classifyHTML(t *testing.T, path, rawURL, source string) classify.Result {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	u, _ := url.Parse(rawURL)
	res, err := extract.Extract(f, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := &article.Page{
		Schema: article.SchemaPage, ID: article.IDFor(u.String()), URL: u.String(), CanonicalURL: u.String(),
		Source: source, FetchedAt: now, HTTP: article.HTTP{Status: 200},
		Title: res.Title, PublishedAt: res.PublishedAt, PublishedPrecision: res.PublishedPrecision,
		PublishedLocal: res.PublishedLocal, UpdatedAt: res.UpdatedAt, UpdatedLocal: res.UpdatedLocal, Byline: res.Byline, Attribution: res.Attribution,
		Dateline: res.Dateline, LangHint: res.LangHint, Blocks: res.Blocks,
		ContentHash: article.HashBlocks(res.Blocks),
	}
	r, err := classifier(t).Classify(context.Background(), p, now)
	if err != nil {
		t.Fatal(err)
	}
	if r.Article == nil {
		t.Fatalf("dropped: %+v", r.Drop)
	}
	return r
}

package reader_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/reader"
	"github.com/wiredesk/wiredesk/pkg/store"
)

// chromiumPath is Debian's chromium, which CI installs.
const chromiumPath = "/usr/bin/chromium"

// wire is the browser test's archive: short Turkish and Russian diplomatic
// wire stories from two agencies (AA also runs a Russian service), with
// inflected forms that a search must find from their stems.
type wire struct {
	ceasefire, blackSea, astana, athens *article.Article // tr, aa
	phoneCall, kremlin, osce            *article.Article // ru, tass
	istanbul                            *article.Article // ru, aa
	evil                                *article.Article // tr, aa: markup in title and body
}

func (w *wire) all() []*article.Article {
	return []*article.Article{w.ceasefire, w.blackSea, w.astana, w.athens, w.phoneCall, w.kremlin, w.osce, w.istanbul, w.evil}
}

// label names the stories behind ids, so that a failure reads as stories
// rather than hex.
func (w *wire) label(ids []string) []string {
	names := map[string]string{
		w.ceasefire.ID: "ceasefire", w.blackSea.ID: "blackSea", w.astana.ID: "astana", w.athens.ID: "athens",
		w.phoneCall.ID: "phoneCall", w.kremlin.ID: "kremlin", w.osce.ID: "osce", w.istanbul.ID: "istanbul", w.evil.ID: "evil",
	}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if n, ok := names[id]; ok {
			id = n
		}
		out = append(out, id)
	}
	return out
}

// wireStory is the part of an article that differs between the stories.
type wireStory struct {
	source, lang, path string
	published          string // RFC 3339
	title              string
	paragraphs         []string
	countries, orgs    []string
	terms              []string
	score              float64
}

func (s wireStory) article(tb testing.TB) *article.Article {
	tb.Helper()
	published, err := time.Parse(time.RFC3339, s.published)
	if err != nil {
		tb.Fatal(err)
	}
	u := "https://" + s.source + ".example" + s.path
	body := strings.Join(s.paragraphs, "\n\n")
	sum := sha256.Sum256([]byte(body))
	a := &article.Article{
		Schema: article.SchemaArticle, ID: article.IDFor(u), URL: u, Source: s.source,
		Lang: s.lang, LangConfidence: 0.98, Title: s.title, PublishedAt: published,
		Paragraphs: s.paragraphs, Body: body, ContentHash: hex.EncodeToString(sum[:16]),
		Relevance: article.Relevance{Topic: "diplomacy", Score: s.score, Relevant: s.score >= 0.5, Terms: s.terms},
		Countries: s.countries, Organizations: s.orgs, Dropped: []article.Dropped{},
		FetchedAt: published.Add(3 * time.Minute), ClassifiedAt: published.Add(3*time.Minute + time.Second),
	}
	if s.lang == "tr" {
		a.Dateline, a.Attribution = "ANKARA", "AA"
	} else {
		a.Dateline, a.Attribution = "МОСКВА", "ТАСС"
	}
	if err := a.Validate(); err != nil {
		tb.Fatalf("fixture %s: %v", u, err)
	}
	return a
}

func newWire(tb testing.TB) *wire {
	tb.Helper()
	return &wire{
		ceasefire: wireStory{
			source: "aa", lang: "tr", path: "/tr/dunya/idlib-ateskes-temas/3481201", published: "2025-03-14T09:30:00Z",
			title: "Dışişleri Bakanı: İdlib'de ateşkesin kalıcı hale gelmesi için Moskova ile temaslarımız sürüyor",
			paragraphs: []string{
				"Dışişleri Bakanı, Rus mevkidaşıyla yaptığı telefon görüşmesinin ardından Ankara'da gazetecilerin sorularını yanıtladı.",
				"Bakan, İdlib'deki ateşkesin kalıcı hale gelmesi için Türkiye ile Rusya arasında varılan mutabakatın eksiksiz uygulanması gerektiğini vurguladı.",
				"Suriye'de siyasi çözüm sürecine Birleşmiş Milletler gözetiminde destek vermeyi sürdüreceklerini belirten Bakan, sivillerin korunmasının öncelik olduğunu söyledi.",
			},
			countries: []string{"TR", "RU", "SY"}, orgs: []string{"UN"}, terms: []string{"dışişleri", "ateşkes", "mutabakat"}, score: 0.93,
		}.article(tb),
		blackSea: wireStory{
			source: "aa", lang: "tr", path: "/tr/dunya/karadeniz-arabuluculuk/3480577", published: "2025-03-13T14:05:00Z",
			title: "Türkiye, Karadeniz'de seyrüsefer güvenliği için Kiev ve Moskova'ya arabuluculuk önerisi sundu",
			paragraphs: []string{
				"Ankara, Karadeniz'de ticari gemilerin güvenli geçişini sağlamak amacıyla Kiev ve Moskova'ya yeni bir arabuluculuk önerisi iletti.",
				"Diplomatik kaynaklar, önerinin limanlara yönelik saldırıların durdurulmasını ve ateşkes görüşmelerine zemin hazırlayacak teknik bir mekanizmayı öngördüğünü belirtti.",
				"Öneri, İstanbul'daki ortak koordinasyon merkezinin yeniden faaliyete geçirilmesini de içeriyor.",
			},
			countries: []string{"TR", "UA", "RU"}, orgs: []string{"UN"}, terms: []string{"arabuluculuk", "ateşkes"}, score: 0.88,
		}.article(tb),
		astana: wireStory{
			source: "aa", lang: "tr", path: "/tr/dunya/astana-uclu-zirve/3479902", published: "2025-03-12T11:40:00Z",
			title: "Astana formatında üçlü toplantı: Ankara, Moskova ve Tahran Suriye'yi görüşecek",
			paragraphs: []string{
				"Türkiye, Rusya ve İran dışişleri bakanları Astana formatı çerçevesinde gelecek ay Ankara'da bir araya gelecek.",
				"Toplantıda Suriye'nin kuzeyindeki ateşkesin korunması, insani yardımların ulaştırılması ve anayasa komitesinin çalışmaları ele alınacak.",
			},
			countries: []string{"TR", "RU", "IR", "SY"}, terms: []string{"dışişleri", "zirve"}, score: 0.81,
		}.article(tb),
		athens: wireStory{
			source: "aa", lang: "tr", path: "/tr/dunya/turkiye-yunanistan-siyasi-diyalog/3478815", published: "2025-03-11T08:15:00Z",
			title: "Türkiye ile Yunanistan arasında siyasi diyalog toplantısının yeni turu Atina'da yapıldı",
			paragraphs: []string{
				"Dışişleri Bakan Yardımcısı başkanlığındaki heyet, Atina'da Yunan mevkidaşlarıyla siyasi diyalog toplantısının yeni turunu gerçekleştirdi.",
				"Görüşmede ikili ticaretin artırılması, göç alanında işbirliği ve Ege'de güven artırıcı önlemler ele alındı.",
			},
			countries: []string{"TR", "GR"}, terms: []string{"dışişleri", "diyalog"}, score: 0.74,
		}.article(tb),
		phoneCall: wireStory{
			source: "tass", lang: "ru", path: "/politika/23411457", published: "2025-03-14T12:15:00Z",
			title: "Главы МИД России и Турции провели телефонные переговоры по ситуации в Сирии",
			paragraphs: []string{
				"Министр иностранных дел России провёл телефонные переговоры с турецким коллегой, сообщили в МИД РФ.",
				"Стороны обсудили ситуацию в Сирии и подтвердили приверженность договорённостям о прекращении огня в Идлибе.",
				"На переговорах также затронули подготовку очередной встречи в астанинском формате.",
			},
			countries: []string{"RU", "TR", "SY"}, terms: []string{"мид", "переговоры"}, score: 0.9,
		}.article(tb),
		kremlin: wireStory{
			source: "tass", lang: "ru", path: "/politika/23409981", published: "2025-03-13T16:50:00Z",
			title: "В Кремле заявили о готовности к переговорам о безопасности судоходства в Черном море",
			paragraphs: []string{
				"Москва готова к переговорам о безопасности судоходства в Черном море, в том числе при посредничестве Турции, заявили в Кремле.",
				"По словам официального представителя, любые договорённости должны учитывать интересы российских экспортёров.",
			},
			countries: []string{"RU", "UA", "TR"}, terms: []string{"переговоры", "посредничество"}, score: 0.84,
		}.article(tb),
		osce: wireStory{
			source: "tass", lang: "ru", path: "/politika/23405120", published: "2025-03-10T10:00:00Z",
			title: "Постпред России при ОБСЕ призвал организацию вернуться к принципу консенсуса",
			paragraphs: []string{
				"Постоянный представитель России при ОБСЕ выступил на заседании Постоянного совета организации в Вене.",
				"Дипломат призвал государства-участники вернуться к принципу консенсуса при утверждении бюджета.",
			},
			countries: []string{"RU", "AT"}, orgs: []string{"OSCE"}, terms: []string{"обсе", "постпред"}, score: 0.77,
		}.article(tb),
		istanbul: wireStory{
			source: "aa", lang: "ru", path: "/ru/mir/stambul-peregovory/3480012", published: "2025-03-12T15:20:00Z",
			title: "Анкара предложила провести в Стамбуле новый раунд переговоров между Россией и Украиной",
			paragraphs: []string{
				"Турция готова принять в Стамбуле делегации России и Украины, заявил официальный представитель МИД Турции.",
				"По его словам, на переговорах может быть рассмотрен обмен пленными и вопросы безопасности судоходства.",
			},
			countries: []string{"TR", "RU", "UA"}, terms: []string{"переговоры", "мид"}, score: 0.86,
		}.article(tb),
		evil: wireStory{
			source: "aa", lang: "tr", path: "/tr/dunya/evil", published: "2025-03-14T08:00:00Z",
			title: "Ateşkes " + xss,
			paragraphs: []string{
				"Ateşkes görüşmeleri sürüyor. <img src=x onerror=alert(3)> <script>alert(4)</script>",
				"<svg onload=alert(5)></svg> Dışişleri açıklama yapmadı.",
			},
			countries: []string{"TR"}, terms: []string{"ateşkes"}, score: 0.6,
		}.article(tb),
	}
}

// newWireServer serves the reader over a real SQLite store holding w.
func newWireServer(tb testing.TB, w *wire) *httptest.Server {
	tb.Helper()
	log := slog.New(slog.DiscardHandler)
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(tb.TempDir(), "wire.db"), log)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	if _, err := st.Put(context.Background(), w.all()); err != nil {
		tb.Fatal(err)
	}
	h, err := reader.New(reader.Config{}, st, log)
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return srv
}

// newBrowser starts a headless Chromium that lives until the test ends or
// timeout passes, whichever is first. Without Chromium it skips, except on
// CI, where a skip would hide a browser test that never runs.
func newBrowser(tb testing.TB, timeout time.Duration) context.Context {
	tb.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("CI is set but Chromium is missing: %v", err)
		}
		tb.Skipf("skipping the browser test: %v (install Debian's chromium package to run it)", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	tb.Cleanup(cancel)
	// The defaults carry --headless and --disable-background-networking
	// too; they are repeated so that every flag the test relies on is
	// here. Root in a container needs --no-sandbox.
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox,
		chromedp.Flag("headless", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	tb.Cleanup(acancel) // waits for the browser process to exit
	bctx, bcancel := chromedp.NewContext(actx)
	tb.Cleanup(bcancel)
	if err := chromedp.Do(bctx); err != nil {
		tb.Fatalf("start %s: %v", chromiumPath, err)
	}
	return bctx
}

// dialogWatch records every JavaScript dialog the tab opens and dismisses
// it, so that a page that manages to run alert() fails the test instead of
// stalling it until the timeout.
type dialogWatch struct {
	mu      sync.Mutex
	msgs    []string
	opened  chan struct{} // a ping per recorded dialog
	dismiss chan struct{}
}

func watchDialogs(tb testing.TB, ctx context.Context) *dialogWatch {
	tb.Helper()
	w := &dialogWatch{opened: make(chan struct{}, 16), dismiss: make(chan struct{}, 16)}
	err := chromedp.Listen(ctx, func(ev any) {
		// This runs in the tab's read loop: record and hand over, never
		// send a command from here.
		if ev, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			w.mu.Lock()
			w.msgs = append(w.msgs, string(ev.Type)+": "+ev.Message)
			w.mu.Unlock()
			select {
			case w.dismiss <- struct{}{}:
			default:
			}
			select {
			case w.opened <- struct{}{}:
			default:
			}
		}
	})
	if err != nil {
		tb.Fatalf("listen for dialogs: %v", err)
	}
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-w.dismiss:
				// An error here means the tab is gone; the test's next
				// action reports that.
				chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			}
		}
	}()
	return w
}

func (w *dialogWatch) messages() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.msgs)
}

// ids returns the ids of the articles, sorted, to compare with hitIDs.
func ids(as ...*article.Article) []string {
	out := make([]string, 0, len(as))
	for _, a := range as {
		out = append(out, a.ID)
	}
	slices.Sort(out)
	return out
}

// hitIDs returns the ids of the articles in the result list, sorted.
func hitIDs(tb testing.TB, ctx context.Context) []string {
	tb.Helper()
	hrefs := evalStrings(tb, ctx, `Array.from(document.querySelectorAll("ol.results li.hit a.title"), a => a.getAttribute("href"))`)
	out := make([]string, 0, len(hrefs))
	for _, h := range hrefs {
		id, ok := strings.CutPrefix(h, "/articles/")
		id, _, _ = strings.Cut(id, "?") // the search the link carries
		if !ok {
			tb.Fatalf("hit links to %q, not to an article page", h)
		}
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// evalStrings evaluates a JavaScript expression that yields an array of
// strings.
func evalStrings(tb testing.TB, ctx context.Context, expr string) []string {
	tb.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](expr))
	if err != nil {
		tb.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// textsOf returns the text content of every element matching a CSS
// selector, in document order.
func textsOf(tb testing.TB, ctx context.Context, css string) []string {
	tb.Helper()
	return evalStrings(tb, ctx, `Array.from(document.querySelectorAll(`+jsString(css)+`), e => e.textContent.trim())`)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// navigateBy runs an action that makes the tab load a page (a click, a
// submit), waits for the load and fails unless the page answered 200.
func navigateBy(tb testing.TB, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.Helper()
	resp, err := chromedp.RunResponse(ctx, steps...)
	if err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
	if resp == nil || resp.Status != 200 {
		tb.Fatalf("%s: response %+v, want status 200", what, resp)
	}
}

// chartBars returns the tooltips the chart draws for articles: one bar
// segment per day and language, "day lang: n", days ascending, then
// languages.
func chartBars(as ...*article.Article) []string {
	n := map[string]int{}
	for _, a := range as {
		n[a.PublishedAt.UTC().Format(time.DateOnly)+" "+a.Lang]++
	}
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		out = append(out, k+": "+strconv.Itoa(n[k]))
	}
	return out
}

// idsInOrder returns the ids of the articles in the order given.
func idsInOrder(as ...*article.Article) []string {
	out := make([]string, 0, len(as))
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

// hitOrder returns the ids of the articles in the result list, in order.
func hitOrder(tb testing.TB, ctx context.Context) []string {
	tb.Helper()
	hrefs := evalStrings(tb, ctx, `Array.from(document.querySelectorAll("ol.results li.hit a.title"), a => a.getAttribute("href"))`)
	out := make([]string, 0, len(hrefs))
	for _, h := range hrefs {
		id, _ := strings.CutPrefix(h, "/articles/")
		id, _, _ = strings.Cut(id, "?")
		out = append(out, id)
	}
	return out
}

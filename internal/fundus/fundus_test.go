package fundus

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// gitMirror commits the fixture under tests/resources/parser/test_data in
// a fresh repository and returns its git directory, which Load reads as
// it reads a bare mirror.
func gitMirror(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git binary")
	}
	work := t.TempDir()
	dst := filepath.Join(work, filepath.FromSlash(testData))
	if err := os.CopyFS(dst, os.DirFS("testdata/test_data")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "."},
		{"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "fixture"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = work
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v: %s", args, err, out)
		}
	}
	return filepath.Join(work, ".git")
}

func TestLoad(t *testing.T) {
	sources := []struct {
		name string
		dir  func(t *testing.T) string
	}{
		{"test_data directory", func(*testing.T) string { return "testdata/test_data" }},
		{"git directory", gitMirror},
	}
	for _, src := range sources {
		t.Run(src.name, func(t *testing.T) {
			set, err := Load(src.dir(t))
			if err != nil {
				t.Fatal(err)
			}
			if want := []string{"xx/Gazete V3"}; !slices.Equal(set.Unmatched, want) {
				t.Errorf("unmatched %q, want %q", set.Unmatched, want)
			}
			if want := []string{"xx/Gazete_2026_05_06.html"}; !slices.Equal(set.Unused, want) {
				t.Errorf("unused %q, want %q", set.Unused, want)
			}
			// Pages come sorted by file: "GazetePlus_" before "Gazete_".
			tests := []struct {
				file, publisher, version, url, title, date string
				authors                                    []string
				body, full                                 string
				html                                       string // in the UTF-8 page
			}{
				{
					// A publisher whose name extends another's; the page is windows-1251.
					file: "xx/GazetePlus_2024_01_02.html", publisher: "GazetePlus", version: "V1",
					url: "https://plus.example/news/1", title: "Переговоры в Стамбуле",
					date: "2024-01-02 12:00:00+03:00", authors: []string{"Иван Петров"},
					body: "Делегации встретились во дворце и обсудили обмен пленными.",
					full: "Делегации встретились во дворце и обсудили обмен пленными.",
					html: "<h1>Переговоры в Стамбуле</h1>",
				},
				{
					// The title is the only evidence; another file names it in a link.
					file: "xx/Gazete_2024_01_02.html", publisher: "Gazete", version: "V1",
					url: "https://gazete.example/bakan-ankarada-konustu", title: "Bakan Ankara'da konuştu",
					date: "2024-01-02 08:00:00+03:00",
					body: "Bakan, Ankara'daki toplantıda komşu ülkelerle ilişkileri değerlendirdi.",
					full: "Bakan, Ankara'daki toplantıda komşu ülkelerle ilişkileri değerlendirdi.",
				},
				{
					// Three files hold the title; only this one holds the opening too.
					file: "xx/Gazete_2025_03_04.html.gz", publisher: "Gazete", version: "V2",
					url: "https://gazete.example/son-dakika-liman", title: "Son dakika: Liman açıldı",
					date: "2025-03-04 09:30:00+03:00", authors: []string{"Ayşe Kaya"},
					body: "Liman, üç yıllık inşaatın ardından sabah saatlerinde ilk gemiyi kabul etti.\nKapasite\nYıllık kapasite iki milyon konteyner olarak açıklandı.",
					full: "Yeni liman bugün hizmete girdi.\nLiman, üç yıllık inşaatın ardından sabah saatlerinde ilk gemiyi kabul etti.\nKapasite\nYıllık kapasite iki milyon konteyner olarak açıklandı.",
					html: "<em>dakika</em>",
				},
			}
			if len(set.Pages) != len(tests) {
				t.Fatalf("%d pages, want %d", len(set.Pages), len(tests))
			}
			for i, tt := range tests {
				t.Run(tt.file, func(t *testing.T) {
					p := set.Pages[i]
					if p.File != tt.file || p.Country != "xx" || p.Publisher != tt.publisher || p.Version != tt.version {
						t.Fatalf("page %s/%s %s %s, want xx/%s %s %s", p.Country, p.Publisher, p.Version, p.File, tt.publisher, tt.version, tt.file)
					}
					if p.URL != tt.url || p.Title != tt.title || p.Date != tt.date || p.CrawlDate == "" {
						t.Errorf("url %q title %q date %q crawled %q", p.URL, p.Title, p.Date, p.CrawlDate)
					}
					if !slices.Equal(p.Authors, tt.authors) && len(p.Authors)+len(tt.authors) > 0 {
						t.Errorf("authors %q, want %q", p.Authors, tt.authors)
					}
					if got := p.Body(); got != tt.body {
						t.Errorf("body %q, want %q", got, tt.body)
					}
					if got := p.Full(); got != tt.full {
						t.Errorf("full %q, want %q", got, tt.full)
					}
					if !strings.Contains(string(p.HTML), tt.html) {
						t.Errorf("html lacks %q: %.200s", tt.html, p.HTML)
					}
				})
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, dir, want string
	}{
		{"missing directory", "testdata/none", "no such file"},
		{"empty", t.TempDir(), "no <cc>/*.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(tt.dir)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("error %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v, want one saying %q", err, tt.want)
			}
		})
	}
}

func TestCompareVersions(t *testing.T) {
	got := []string{"V10", "V2", "beta", "V1", "V1_1"}
	slices.SortFunc(got, compareVersions)
	if want := []string{"V1", "V2", "V10", "V1_1", "beta"}; !slices.Equal(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}

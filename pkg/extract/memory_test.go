package extract

import (
	"bufio"
	"bytes"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

// megabytePage is a wire article page of about size bytes: a real page's
// head, body paragraphs and a sidebar of related items, repeated until the
// page is large. Turkish and Russian text alternate.
func megabytePage(size int) []byte {
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html lang="tr"><head><meta charset="utf-8">
<title>Dışişleri Bakanı Moskova'da - Haber Ajansı</title>
<meta property="og:title" content="Dışişleri Bakanı Moskova'da">
<meta property="article:published_time" content="2026-11-20T09:30:00+03:00">
</head><body><header><nav><ul><li><a href="/">Ana Sayfa</a></li><li><a href="/dunya">Dünya</a></li></ul></nav></header>
<main><article><h1>Dışişleri Bakanı Moskova'da</h1><div class="byline">Ankara / Haber Merkezi</div><div class="body">`)
	paras := []string{
		"Dışişleri Bakanı, Rus mevkidaşıyla Moskova'da bir araya gelerek bölgesel gelişmeleri, ateşkesin korunmasını ve insani yardım koridorlarını ele aldı.",
		"Министр иностранных дел провёл переговоры с турецким коллегой; стороны обсудили прекращение огня и подготовку новой встречи в Стамбуле.",
	}
	for i := 0; b.Len() < size*3/4; i++ {
		fmt.Fprintf(&b, "<p>%s (%d)</p>\n", paras[i%2], i)
	}
	b.WriteString(`</div></article><aside class="related"><h2>İlgili Haberler</h2><ul>`)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `<li><a href="/haber/%d"><img src="/i/%d.jpg" alt="">Ekonomi haberi %d: piyasalarda gün sonu</a></li>`+"\n", i, i, i)
	}
	b.WriteString(`</ul></aside></main><footer>© Haber Ajansı</footer></body></html>`)
	return b.Bytes()
}

// TestLargePageMemory extracts a 1 MB page in a process of its own and
// reads that process's peak RSS: the fetcher extracts pages of this size,
// and the bar is 50 MB. It runs in a child so that nothing else the tests
// allocate counts.
func TestLargePageMemory(t *testing.T) {
	if os.Getenv("WIREDESK_TEST_EXTRACT_CHILD") == "1" {
		extractLargeAndReport()
		return
	}
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc: peak RSS is read from /proc/self/status")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLargePageMemory$", "-test.count=1")
	cmd.Env = append(os.Environ(), "WIREDESK_TEST_EXTRACT_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var hwm int
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "peak-rss-kib "); ok {
			hwm, _ = strconv.Atoi(v)
		}
	}
	if hwm == 0 {
		t.Fatalf("child printed no peak RSS:\n%s", out)
	}
	t.Logf("extracting a 1 MB page: peak RSS %.1f MiB", float64(hwm)/1024)
	if hwm > 50*1000 {
		t.Errorf("peak RSS %d KiB, want under 50 MB", hwm)
	}
}

func extractLargeAndReport() {
	page := megabytePage(1 << 20)
	u, _ := url.Parse("https://aa.example/dunya/disisleri-bakani-moskovada")
	debug.FreeOSMemory()
	res, err := Extract(bytes.NewReader(page), u, nil)
	if err != nil || len(res.Blocks) == 0 {
		fmt.Println("extract failed:", err)
		os.Exit(1)
	}
	f, err := os.Open("/proc/self/status")
	if err != nil {
		os.Exit(1)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			fmt.Println("peak-rss-kib", strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
	}
}

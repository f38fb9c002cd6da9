package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"
	"text/tabwriter"
)

// minRatio is the bar: wiredesk at least twice trafilatura's pages/s.
const minRatio = 2.0

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	procs := fs.Int("procs", 1, "GOMAXPROCS while benchmarking (1: single-threaded, as the bar is stated)")
	verbose := fs.Bool("v", false, "list the trafilatura paragraphs missing from wiredesk's body text")
	skipCoverage := fs.Bool("nocoverage", false, "skip the coverage table")
	zyteDir := fs.String("zyte", "", "evaluate on the Zyte benchmark in this directory (../zyte) instead: F1, precision, recall and pages/s of both extractors")
	heldout := fs.String("heldout", "", "score both extractors on a held-out set in the CleanEval layout (DIR/input/*.html, DIR/GoldStandard/*.txt); not in the repository, see README")
	fundusDir := fs.String("fundus", "", "score both extractors on the fundus parser test pages: a bare git mirror of flairNLP/fundus or a checkout; not in the repository, see README")
	disagree := fs.Bool("disagree", false, "list the pages of each set named after the flags (directories or bare git repositories, DIR:PREFIX for part of one) where one extractor finds under a quarter of the other's text: sets of article pages with no body reference")
	share := fs.Float64("share", 0.25, "with -disagree: a page is lost under this share of the other extractor's letters")
	gtCache := fs.String("gtcache", "", "with -disagree or -heldout: keep go-trafilatura's text of each page in this directory, by the page's hash")
	rounds := fs.Int("rounds", 3, "with -zyte: timed passes over the pages per extractor")
	predOut := fs.String("out", "", "with -zyte: write both extractors' predictions here, in evaluate.py's format; with -heldout or -fundus: wiredesk's text of each page")
	dump := fs.String("dump", "", "write every page's whole extraction (all Result fields, a JSON line a page) of the sets named after the flags (zyte:DIR, fundus:DIR, heldout:DIR) here, to compare two builds with cmp")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *dump != "" {
		if err := runDump(*dump, fs.Args()); err != nil {
			fmt.Fprintln(stderr, "extract-bench:", err)
			return 2
		}
		return 0
	}
	if *disagree {
		if err := runDisagree(fs.Args(), *share, *gtCache, *verbose, stdout); err != nil {
			fmt.Fprintln(stderr, "extract-bench:", err)
			return 2
		}
		return 0
	}
	if *fundusDir != "" {
		if err := runFundus(*fundusDir, *verbose, *predOut, stdout); err != nil {
			fmt.Fprintln(stderr, "extract-bench:", err)
			return 2
		}
		return 0
	}
	if *heldout != "" {
		if err := runHeldout(*heldout, *verbose, *predOut, *gtCache, stdout); err != nil {
			fmt.Fprintln(stderr, "extract-bench:", err)
			return 2
		}
		return 0
	}
	if *zyteDir != "" {
		o := zyteOptions{dir: *zyteDir, rounds: *rounds, procs: *procs, out: *predOut, verbose: *verbose}
		if err := runZyte(o, stdout); err != nil {
			fmt.Fprintln(stderr, "extract-bench:", err)
			return 2
		}
		return 0
	}
	pages, err := loadPages()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if !*skipCoverage {
		if err := printCoverage(stdout, pages, *verbose); err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		fmt.Fprintln(stdout)
	}

	prev := runtime.GOMAXPROCS(*procs)
	wd := testing.Benchmark(benchWiredesk(pages))
	tf := testing.Benchmark(benchTrafilatura(pages))
	runtime.GOMAXPROCS(prev)
	if wd.N == 0 || tf.N == 0 {
		// testing.Benchmark reports a failed benchmark as a zero result.
		fmt.Fprintln(stderr, "extract-bench: a benchmark failed (wiredesk error on a page?); run go test -bench . for details")
		return 2
	}

	w, t := resultPerPage(wd, len(pages)), resultPerPage(tf, len(pages))
	ratio := float64(t.dur) / float64(w.dur)
	fmt.Fprintf(stdout, "%d pages, %d bytes, GOMAXPROCS=%d\n", len(pages), totalBytes(pages), *procs)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "extractor\tms/page\tpages/s\tB/page\tallocs/page\t")
	for _, row := range []struct {
		name string
		p    perPage
	}{{"wiredesk", w}, {"trafilatura", t}} {
		fmt.Fprintf(tw, "%s\t%.3f\t%.0f\t%d\t%d\t\n", row.name,
			float64(row.p.dur.Nanoseconds())/1e6, 1e9/float64(row.p.dur.Nanoseconds()), row.p.bytes, row.p.allocs)
	}
	tw.Flush()
	fmt.Fprintf(stdout, "ratio (wiredesk pages/s ÷ trafilatura pages/s): %.2f (bar: %.1f)\n", ratio, minRatio)
	if ratio < minRatio {
		fmt.Fprintln(stdout, "FAIL: wiredesk is under the bar")
		return 1
	}
	fmt.Fprintln(stdout, "ok")
	return 0
}

// printCoverage is information only: trafilatura's main text is a
// reference for what wiredesk should zone as body, not a golden answer.
// wiredesk zones titles and subheads as heading and "read also" links and
// photo credits as related/caption, which trafilatura keeps in its text.
func printCoverage(out io.Writer, pages []page, verbose bool) error {
	fmt.Fprintln(out, "coverage: trafilatura paragraphs found verbatim in wiredesk's body-zone text (and in any block)")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "page\tparas\tbody\tbody chars\tany zone\tnote")
	var all coverage
	var missing strings.Builder
	for _, p := range pages {
		c, err := compare(p)
		if err != nil {
			return err
		}
		note := ""
		switch {
		case c.trafErr != nil:
			note = "trafilatura: " + c.trafErr.Error()
		case c.paras == 1 && c.inBody == 0:
			note = "trafilatura returned one block (whole-page fallback)"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\n", p.name, c.paras,
			percent(c.inBody, c.paras), percent(c.charsInBody, c.chars), percent(c.inAny, c.paras), note)
		if verbose && len(c.missing) > 0 {
			fmt.Fprintf(&missing, "%s\n", p.name)
			for _, m := range c.missing {
				fmt.Fprintf(&missing, "  %-14s %.90s\n", m.where, m.text)
			}
		}
		all.paras += c.paras
		all.inBody += c.inBody
		all.inAny += c.inAny
		all.chars += c.chars
		all.charsInBody += c.charsInBody
	}
	fmt.Fprintf(tw, "all\t%d\t%s\t%s\t%s\t\n", all.paras,
		percent(all.inBody, all.paras), percent(all.charsInBody, all.chars), percent(all.inAny, all.paras))
	if err := tw.Flush(); err != nil {
		return err
	}
	if missing.Len() > 0 {
		fmt.Fprintln(out, "\nnot in body text (where wiredesk put it):")
		_, err := io.WriteString(out, missing.String())
		return err
	}
	return nil
}

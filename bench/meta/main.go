// Command meta measures what issue 10 asks of the metadata and the body,
// for wiredesk and go-trafilatura on the same pages in the same run:
//
//   - On the Zyte benchmark (181 real pages, a human-made article body
//     each): the share of reference paragraphs wiredesk's cleaned article
//     keeps (fetcher extraction, then the classifier's cleaning), and the
//     share of the article's text that is noise (in no reference paragraph).
//   - On page sets with known metadata (-pages NAME=PATH,...: the demo
//     site, and the real test pages of newspaper4k, mozilla/readability
//     and postlight/parser read from git directories): title, publication
//     day and minute, and byline right, each over the pages whose
//     reference gives it.
//
// It lives in its own module so that trafilatura never enters wiredesk's
// go.mod. Nothing is fetched; the pages are read from the paths given.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "meta:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("meta", flag.ContinueOnError)
	fs.SetOutput(stderr)
	zyteDir := fs.String("zyte", "", "the Zyte benchmark directory (ground-truth.json, html/); \"\" skips it")
	pagesDir := fs.String("pages", "", "page sets with known metadata, NAME=PATH comma-separated (demo, newspaper4k, readability, mercury, mercury-fork, metascraper, snacktory, goose3, fundus, gtrends); \"\" skips them")
	heldout := fs.String("heldout", "", "a held-out set in the CleanEval layout (DIR/input/*.html, DIR/GoldStandard/*.txt): paragraphs kept and noise, as on the Zyte pages")
	fundusBody := fs.String("fundus-body", "", "flairNLP/fundus's git directory: the body against its parsers' sections and the standfirst against their summaries")
	verbose := fs.Bool("v", false, "list every miss")
	sources := fs.Bool("title-sources", false, "with -pages: which of the page's titles (h1, og:title, <title>) each set's reference takes where they differ, and stop")
	dump := fs.String("page", "", "print the blocks of the Zyte pages whose id starts with this (\"all\": every page; with -fundus-body, the fundus pages whose file does), with the verdicts, and stop")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *zyteDir == "" && *pagesDir == "" && *heldout == "" && *fundusBody == "" {
		return fmt.Errorf("give -zyte DIR, -pages DIR, -heldout DIR, -fundus-body DIR or several")
	}
	if *sources {
		return titleSources(*pagesDir, stdout, *verbose)
	}
	if *dump != "" && *fundusBody != "" {
		return dumpFundusPage(*fundusBody, *dump, stdout)
	}
	if *dump != "" {
		return dumpPage(*zyteDir, *dump, stdout)
	}
	if *zyteDir != "" {
		if err := runParagraphs(*zyteDir, stdout, *verbose); err != nil {
			return err
		}
	}
	if *heldout != "" {
		if err := runHeldout(*heldout, stdout, *verbose); err != nil {
			return err
		}
	}
	if *fundusBody != "" {
		if err := runFundusBody(*fundusBody, stdout, *verbose); err != nil {
			return err
		}
	}
	if *pagesDir != "" {
		if err := runMetadata(*pagesDir, stdout, *verbose); err != nil {
			return err
		}
	}
	return nil
}

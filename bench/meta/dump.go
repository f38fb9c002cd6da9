package main

import (
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/wiredesk/wiredesk/internal/fundus"
	"github.com/wiredesk/wiredesk/internal/zyte"
	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/classify"
)

// dumpPage prints every block of the Zyte pages whose id starts with
// prefix ("all": every page), to see why a page scores as it does.
func dumpPage(dir, prefix string, w io.Writer) error {
	pages, err := zyte.Load(dir)
	if err != nil {
		return err
	}
	cl, err := newClassifier(languages)
	if err != nil {
		return err
	}
	for _, p := range pages {
		if prefix != "all" && !strings.HasPrefix(p.ID, prefix) {
			continue
		}
		u, err := url.Parse(p.URL)
		if err != nil {
			return err
		}
		pg, res, err := pipelinePage(cl, p.HTML, u, "zyte", false)
		if err != nil {
			return fmt.Errorf("page %s: %w", p.ID, err)
		}
		if pg == nil {
			return fmt.Errorf("page %s: does not build", p.ID)
		}
		dumpBlocks(w, p.ID, u, pg, res, shingleSet(tokens(p.Truth)), nil)
	}
	return nil
}

// dumpFundusPage prints every block of the fundus pages whose file starts
// with prefix ("all": every page), as dumpPage does for the Zyte pages,
// the reference being the parser's summary and body; the summary's blocks
// are marked sum.
func dumpFundusPage(dir, prefix string, w io.Writer) error {
	set, err := fundus.Load(dir)
	if err != nil {
		return err
	}
	cl, err := newClassifier(languages)
	if err != nil {
		return err
	}
	for _, p := range set.Pages {
		if prefix != "all" && !strings.HasPrefix(p.File, prefix) {
			continue
		}
		u, err := url.Parse(fundusURL(&p))
		if err != nil {
			return fmt.Errorf("fundus %s: %w", p.File, err)
		}
		pg, res, err := pipelinePage(cl, p.HTML, u, "fundus", false)
		if err != nil {
			return fmt.Errorf("fundus %s: %w", p.File, err)
		}
		if pg == nil {
			return fmt.Errorf("fundus %s: does not build", p.File)
		}
		dumpBlocks(w, p.File, u, pg, res, shingleSet(tokens(p.Body())),
			shingleSet(tokens(strings.Join(p.Summary, "\n"))))
	}
	return nil
}

// dumpBlocks prints a page's blocks, one a line: its zone, tag, link
// density, the cleaner's verdict (the first reason it was dropped for,
// KEPT for a paragraph of the article, - for neither), whether the
// reference's summary (sum) or body (ref) has it or not (---), and
// whether the extractor took it for a deck.
func dumpBlocks(w io.Writer, name string, u *url.URL, pg *article.Page, res classify.Result, refSet, sumSet map[string]bool) {
	verdict := make(map[int]string)
	if res.Article != nil {
		for _, d := range res.Article.Dropped {
			if _, ok := verdict[d.I]; !ok {
				verdict[d.I] = d.Reason
			}
		}
		for _, i := range paragraphBlocks(pg.Blocks, res.Article.Paragraphs) {
			if i >= 0 {
				verdict[i] = "KEPT"
			}
		}
		fmt.Fprintf(w, "%s standfirst %q dateline %q\n", name, res.Article.Standfirst, res.Article.Dateline)
	} else {
		fmt.Fprintf(w, "page dropped: %s %s\n", res.Drop.Reason, res.Drop.Detail)
	}
	fmt.Fprintf(w, "%s %s title %q\n", name, u, pg.Title)
	for i, b := range pg.Blocks {
		v, ok := verdict[i]
		if !ok {
			v = "-"
		}
		ref := "---"
		if toks := tokens(b.Text); len(toks) > 0 {
			switch {
			case covered(toks, sumSet) >= 0.5:
				ref = "sum"
			case covered(toks, refSet) >= 0.5:
				ref = "ref"
			}
		}
		deck := ""
		if b.Deck {
			deck = " deck"
		}
		fmt.Fprintf(w, "%3d %-8s %-7s ld=%.2f %-12s %s %.150q %s%s\n", i, b.Zone, b.Tag, b.LinkDensity, v, ref, b.Text, b.Link, deck)
	}
}

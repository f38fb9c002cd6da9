package main

import (
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/wiredesk/wiredesk/internal/zyte"
)

// dumpPage prints every block of the Zyte pages whose id starts with
// prefix: its zone, tag, link density, the cleaner's verdict, and whether
// the reference has it (ref) or not (---), to see why a page scores as it
// does.
func dumpPage(dir, prefix string, w io.Writer) error {
	pages, err := zyte.Load(dir)
	if err != nil {
		return err
	}
	cl, err := newClassifier()
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
		verdict := make(map[int]string)
		if res.Article != nil {
			for _, d := range res.Article.Dropped {
				if _, ok := verdict[d.I]; !ok {
					verdict[d.I] = d.Reason
				}
			}
		} else {
			fmt.Fprintf(w, "page dropped: %s %s\n", res.Drop.Reason, res.Drop.Detail)
		}
		refSet := shingleSet(zyte.Tokens(p.Truth))
		fmt.Fprintf(w, "%s %s title %q\n", p.ID, p.URL, pg.Title)
		for i, b := range pg.Blocks {
			v, ok := verdict[i]
			if !ok {
				v = "KEPT"
			}
			ref := "---"
			if toks := zyte.Tokens(b.Text); len(toks) > 0 && covered(toks, refSet) >= 0.5 {
				ref = "ref"
			}
			fmt.Fprintf(w, "%3d %-8s %-7s ld=%.2f %-12s %s %.150q %s\n", i, b.Zone, b.Tag, b.LinkDensity, v, ref, b.Text, b.Link)
		}
	}
	return nil
}

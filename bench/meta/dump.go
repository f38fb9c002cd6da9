package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/wiredesk/wiredesk/internal/zyte"
	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/classify"
	"github.com/wiredesk/wiredesk/pkg/fetch"
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
	cl, err := classify.New(classify.Config{Languages: languages, NoMemory: true}, slog.New(slog.DiscardHandler))
	if err != nil {
		return err
	}
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range pages {
		if prefix != "all" && !strings.HasPrefix(p.ID, prefix) {
			continue
		}
		u, err := url.Parse(p.URL)
		if err != nil {
			return err
		}
		pg, err := fetch.BuildPage(bytes.NewReader(p.HTML), u, nil, article.HTTP{Status: 200, ContentType: "text/html; charset=utf-8"}, now)
		if err != nil {
			return fmt.Errorf("page %s: %w", p.ID, err)
		}
		pg.Source = "zyte"
		res, err := cl.Classify(context.Background(), pg, now)
		if err != nil {
			return err
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

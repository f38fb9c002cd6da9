package clean

import "github.com/wiredesk/wiredesk/pkg/article"

// leadParagraphs is how many body paragraphs, after the title, make the
// reference a heading or teaser is compared with.
const leadParagraphs = 2

// settlePending keeps the pending blocks that relate to the article: to its
// title and lead, or, for a heading, to the paragraph it introduces. A
// pending block after the source line stays dropped, as related or
// unrelated.
func (c *Cleaner) settlePending(in Input, vs []verdict, lc func(string) string) {
	// The reference is built on first need: most pages have no pending
	// block that is compared with it, and the stems of the two lead
	// paragraphs were most of this function's time.
	var ref map[string]bool
	for n := range vs {
		v := &vs[n]
		if !v.pending {
			continue
		}
		if v.inside && !v.after && (v.within || bodyBefore(vs, n) && nextBody(vs, n) != "") {
			// A sub-heading of the container between its paragraphs.
			v.reason = ""
			continue
		}
		if ref == nil {
			ref = leadStems(in.Title, vs, lc)
		}
		if len(ref) == 0 {
			// Nothing to compare with: trust the zones.
			if !v.after {
				v.reason = ""
			}
			continue
		}
		cand := stems(v.text, lc)
		r := ref
		if v.heading && !v.after {
			if next := nextBody(vs, n); next != "" {
				r = union(ref, stems(next, lc))
			}
		}
		ok := related(cand, r)
		switch {
		case v.after && ok:
			v.reason = article.ReasonRelated
		case v.after:
			v.reason = article.ReasonUnrelated
		case ok:
			v.reason = ""
		default:
			v.reason = article.ReasonUnrelated
		}
	}
}

// leadStems are the stems of the title and of the first leadParagraphs
// body paragraphs: what a pending block is compared with. Never nil.
func leadStems(title string, vs []verdict, lc func(string) string) map[string]bool {
	ref := stems(title, lc)
	lead := 0
	for _, v := range vs {
		if v.body && lead < leadParagraphs {
			for s := range stems(v.text, lc) {
				ref[s] = true
			}
			lead++
		}
	}
	return ref
}

// bodyBefore reports a paragraph of the article before block n.
func bodyBefore(vs []verdict, n int) bool {
	for _, v := range vs[:n] {
		if v.body {
			return true
		}
	}
	return false
}

func nextBody(vs []verdict, n int) string {
	for _, v := range vs[n+1:] {
		if v.body {
			return v.text
		}
		if v.heading {
			return ""
		}
	}
	return ""
}

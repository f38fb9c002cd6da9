package extract

import (
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// dateMetas are the <meta> keys holding a publication date, best first.
var dateMetas = []string{
	"article:published_time", "og:article:published_time", "article:published", "datepublished",
	"pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "dc.date.issued",
	"dcterms.issued", "dc.date", "dcterms.date", "citation_publication_date", "citation_date",
	"prism.publicationdate", "date", "sailthru.date", "parsely-pub-date", "datecreated",
	"dc.date.created", "dcterms.created",
}

// modifiedMetas are the <meta> keys holding a last-updated time.
var modifiedMetas = []string{"article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "lastmod"}

// dates finds the publication and the update times. Machine-readable
// dates come first; a visible date fills what they leave open, and gives
// the time of day when the machine date has only the day.
func (w *walker) dates(l *layout, ld ldInfo, blocks []article.Block, head int, z zones) (pub, upd stamp) {
	pub = w.published(l, ld, z)
	if s, ok := parseDate(ld.modified, z); ok {
		upd = s
	}
	for _, k := range modifiedMetas {
		if !upd.zero() {
			break
		}
		if s, ok := parseDate(w.metas[k], z); ok {
			upd = s
		}
	}
	vp, vu := w.visibleDates(l, blocks, head, z)
	switch {
	case pub.zero():
		pub = vp
	case pub.prec == article.PrecisionDate && !vp.zero() && vp.prec != article.PrecisionDate &&
		sameDay(pub.t, vp.t, z.loc("")):
		pub = vp
	}
	if upd.zero() {
		upd = vu
	}
	if pub.zero() {
		// An element classed as a date, in the article, then anywhere
		// outside furniture: "19.07.2022" in a meta list under the body.
		pub = w.classDate(l, z)
	}
	if pub.zero() {
		// A news URL's path often holds the day: better than nothing.
		for _, u := range []string{w.canonicalURL(), w.pageURLString()} {
			if s, ok := urlDate(u, z); ok {
				pub = s
				break
			}
		}
	}
	if !upd.zero() && !pub.zero() && !upd.t.After(pub.t) {
		upd = stamp{} // no later than the publication: not an update
	}
	return pub, upd
}

func (w *walker) pageURLString() string {
	if w.pageURL == nil {
		return ""
	}
	return w.pageURL.String()
}

func sameDay(a, b time.Time, loc *time.Location) bool {
	loc, _ = wallClock(loc)
	a, b = a.In(loc), b.In(loc)
	return a.YearDay() == b.YearDay() && a.Year() == b.Year()
}

func (w *walker) published(l *layout, ld ldInfo, z zones) stamp {
	if w.rules != nil {
		for _, n := range w.rules.date {
			for _, s := range []string{attr(n, "datetime"), attr(n, "content"), nodeText(n, 200)} {
				if t, ok := parseDate(s, z); ok {
					return t
				}
			}
		}
	}
	if t, ok := parseDate(ld.published, z); ok {
		return t
	}
	for _, k := range dateMetas {
		if t, ok := parseDate(w.metas[k], z); ok {
			return t
		}
	}
	if t, ok := w.timeElement(l, z); ok {
		return t
	}
	return stamp{}
}

// timeElement prefers a <time> in the article, then one outside furniture:
// a sidebar's <time>s date other stories.
func (w *walker) timeElement(l *layout, z zones) (stamp, bool) {
	t := w.firstRef(l, w.times, func(r ref) stamp {
		t, _ := parseDate(r.val, z)
		return t
	})
	return t, !t.zero()
}

// classDate is the written date of an element classed as a date, in the
// article, then outside furniture.
func (w *walker) classDate(l *layout, z zones) stamp {
	return w.firstRef(l, w.dated, func(r ref) stamp {
		if t := nodeText(r.node, 200); len(t) < 200 {
			p, _ := visibleDate(t, z)
			return p
		}
		return stamp{}
	})
}

// firstRef reads refs in the article first, then those outside
// furniture, and returns the first date read gives.
func (w *walker) firstRef(l *layout, refs []ref, read func(ref) stamp) stamp {
	for pass := 0; pass < 2; pass++ {
		for _, r := range refs {
			if pass == 0 && !w.within(r.elem, l.main) {
				continue
			}
			if pass == 1 && w.furniture(l, r.elem, r.marks) != "" {
				continue
			}
			if t := read(r); !t.zero() {
				return t
			}
		}
	}
	return stamp{}
}

// visibleDates looks for written dates near the headline, then at the
// top of the article, in blocks that are not furniture: the first block
// with a publication date gives it, the first with an update the update.
func (w *walker) visibleDates(l *layout, blocks []article.Block, head int, z zones) (pub, upd stamp) {
	var idx []int
	if head >= 0 {
		// The date line under the headline first, then the three
		// blocks above it (a kicker's date), then further down: a
		// masthead's date of the day just above the headline is the
		// day the page was served, and must not win over the story's
		// own line beneath it.
		for i := head; i < min(len(blocks), head+7); i++ {
			idx = append(idx, i)
		}
		for i := max(0, head-3); i < head; i++ {
			idx = append(idx, i)
		}
		for i := head + 7; i < min(len(blocks), head+12); i++ {
			idx = append(idx, i)
		}
	}
	// The first twelve blocks of the main container after them, each
	// only once: a block read again finds the same dates, which cannot
	// change what the first reading left.
	near := func(i int) bool { return head >= 0 && i >= head-3 && i < head+12 }
	n := 0
	for i := range blocks {
		if n < 12 && w.within(w.blocks[i].elem, l.main) {
			if !near(i) {
				idx = append(idx, i)
			}
			n++
		}
	}
	for _, i := range idx {
		b := &blocks[i]
		// A short line just under the headline is its date line whatever
		// zone its markup earned ("nav" for a div of links and spans).
		underHead := head >= 0 && i > head && i <= head+6 && len(b.Text) <= 80 && b.Zone == article.ZoneNav
		if len(b.Text) > 250 || !(soft(b.Zone) || b.Zone == article.ZoneHeader || underHead) {
			continue
		}
		p, u := visibleDate(b.Text, z)
		if pub.zero() {
			pub = p
		}
		if upd.zero() {
			upd = u
		}
		if !pub.zero() && !upd.zero() {
			break
		}
	}
	return pub, upd
}

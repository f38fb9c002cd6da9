package clean

import (
	"strings"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// Template labels: a template may print the same short label between the
// article's paragraphs again and again ("Article content", "Anzeige",
// "Реклама"), where an ad or a widget was cut out. The label's words are
// no evidence (any words will do); the evidence is its shape and its
// place: the same short line without sentence punctuation, verbatim, at
// least minLabelRepeats times inside the container, every time with
// running text of the article between it and the next. A list's lines
// differ from each other and stand together; a table's cells and a list's
// items (td, th, li) repeat by nature and are never labels.
const (
	minLabelRepeats = 3
	maxLabelWords   = 4
)

// templateLabels returns the keys (dedupKey) of the container's lines that
// are a template's repeated label.
func templateLabels(blocks []Block, lc func(string) string) map[string]bool {
	type seen struct {
		count int
		// prose is set when a paragraph of running text has come since
		// the last time the line was printed.
		prose bool
		// apart is cleared when two copies stand with no running text
		// between them: a list or a table, not a label.
		apart bool
	}
	var lines map[string]*seen
	for _, b := range blocks {
		if b.Zone != article.ZoneBody {
			continue
		}
		text := strings.TrimSpace(b.Text)
		if paragraphShaped(text) {
			for _, s := range lines {
				s.prose = true
			}
			continue
		}
		if !labelShaped(b, text) {
			continue
		}
		key := dedupKey(text, lc)
		if key == "" {
			continue
		}
		if lines == nil {
			lines = make(map[string]*seen)
		}
		s, ok := lines[key]
		if !ok {
			lines[key] = &seen{count: 1, apart: true}
			continue
		}
		s.count++
		if !s.prose {
			s.apart = false
		}
		s.prose = false
	}
	var out map[string]bool
	for k, s := range lines {
		if s.count >= minLabelRepeats && s.apart {
			if out == nil {
				out = make(map[string]bool)
			}
			out[k] = true
		}
	}
	return out
}

// labelShaped reports a line that could be a template's label: short, no
// sentence punctuation or digits in it (a timeline entry, a score, a date
// has them), not a table cell or a list item.
func labelShaped(b Block, text string) bool {
	switch b.Tag {
	case "td", "th", "li", "dt", "dd":
		return false
	}
	if b.LinkDensity >= 0.5 || countWordsTo(text, maxLabelWords) > maxLabelWords {
		return false
	}
	return !strings.ContainsAny(text, ".!?…:;,0123456789。！？：；、，\"“”«»")
}

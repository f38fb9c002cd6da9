package clean

import (
	"strings"

	"github.com/wiredesk/wiredesk/pkg/article"
)

// Template labels: a template may print the same short label between the
// article's paragraphs again and again ("Article content", "Продолжение
// ниже"), at the head of each section it cut the text into. The label's
// words are no evidence (any words will do); the evidence is its shape,
// its rate and its being alone: the same short line without sentence
// punctuation, verbatim, at least minLabelRepeats times inside the
// container and at least once for every two paragraphs of running text
// there, and no more than maxLabels such lines in the container. A list's
// or a menu plan's lines, a thread's poster names, repeat too, but many
// different ones do; a table's cells and a list's items (td, th, li)
// repeat by nature and are never labels.
const (
	minLabelRepeats = 3
	maxLabelWords   = 4
	maxLabels       = 2
)

// templateLabels returns the keys (dedupKey) of the container's lines that
// are a template's repeated label.
func templateLabels(blocks []Block, lc func(string) string) map[string]bool {
	var counts map[string]int
	prose := 0
	for _, b := range blocks {
		if b.Zone != article.ZoneBody {
			continue
		}
		text := strings.TrimSpace(b.Text)
		if paragraphShaped(text) {
			prose++
			continue
		}
		if !labelShaped(b, text) {
			continue
		}
		key := dedupKey(text, lc)
		if key == "" {
			continue
		}
		if counts == nil {
			counts = make(map[string]int)
		}
		counts[key]++
	}
	var out map[string]bool
	repeated := 0
	for k, n := range counts {
		if n < minLabelRepeats {
			continue
		}
		if repeated++; repeated > maxLabels {
			// Many different lines repeated: a list, a plan or a
			// thread, not a template.
			return nil
		}
		if n*2 < prose {
			continue // too rare for a template's label
		}
		if out == nil {
			out = make(map[string]bool)
		}
		out[k] = true
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

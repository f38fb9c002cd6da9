package extract

import (
	"strings"
	"unicode"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/byline"
)

// This file holds the lines a page prints its byline in among the article's
// blocks: a list line, a labelled line, a dated line, the opening and the
// closing line of names (bylines.go reads the slots in order).

// listedByline is the one short line on the page that opens with an
// author label, wherever it stands: a side list of the article's facts
// (`<li><strong>Autorin/Autor</strong> Roman Goncharenko</li>`, "Yazar:
// Ayşe Kaya" in a box beside the text). Two such lines or more naming
// different people are teasers' or comments' credits, and none is taken.
func listedByline(blocks []article.Block) string {
	found := ""
	for _, b := range blocks {
		if len(b.Text) > 80 {
			continue
		}
		f := byline.Fold(b.Text, 20)
		for _, l := range listLabels {
			rest, ok := strings.CutPrefix(f, l)
			if !ok {
				continue
			}
			if r := firstRune(rest); r != ':' && r != ' ' {
				break
			}
			s := byline.CutLabel(b.Text, l)
			if found != "" && s != found {
				return "" // a layout's copies of one line are one
			}
			found = s
			break
		}
	}
	return found
}

// labelledByline is a short line just under the headline that opens with
// a byline label, without it.
func (w *walker) labelledByline(blocks []article.Block, head int) string {
	if head < 0 {
		return ""
	}
	for i := head + 1; i < len(blocks) && i <= head+8; i++ {
		t := blocks[i].Text
		if len(t) > 160 {
			continue
		}
		f := byline.Fold(t, 20)
		for _, l := range visibleLabels {
			rest, ok := strings.CutPrefix(f, l)
			if !ok {
				continue
			}
			r := firstRune(rest)
			glued := l == "by" && strings.HasPrefix(t, "By") && unicode.IsUpper(firstRune(t[2:]))
			if strings.TrimSpace(strings.TrimLeft(rest, " :")) == "" && i+1 < len(blocks) && len(blocks[i+1].Text) <= 80 {
				// The label in a block of its own ("By", "Muhabir:"),
				// the name in the next.
				return cleanByline(blocks[i+1].Text)
			}
			if r == ':' || r == ' ' || glued {
				return cleanByline(byline.CutLabel(w.lines(i, t), l))
			}
		}
		if s := labelledSegment(t); s != "" {
			return s
		}
	}
	return ""
}

// labelledSegment is the part of a line of facts, set off by bars or
// dots, that opens with a byline label, without it: "Published
// 03.12.2026 | by Jane Roe | 4 comments", "12 Mart 2026 · Yazan: Ayşe
// Kaya". The line's first part is the whole line's, which
// labelledByline reads.
func labelledSegment(t string) string {
	for _, sep := range []string{" | ", " · ", " • "} {
		parts := strings.Split(t, sep)
		for _, p := range parts[1:] {
			p = strings.TrimSpace(p)
			f := byline.Fold(p, 20)
			for _, l := range visibleLabels {
				rest, ok := strings.CutPrefix(f, l)
				if !ok || strings.TrimSpace(strings.TrimLeft(rest, " :")) == "" {
					continue
				}
				if r := firstRune(rest); r == ':' || r == ' ' {
					return cleanByline(byline.CutLabel(p, l))
				}
			}
		}
	}
	return ""
}

// datedByline is a short line just under the headline that holds a date
// and otherwise only capitalised words: the writer and the time with no
// label ("Ayşe Kaya | 03.12.2026 14:35", "Иван Петров, 3 декабря 2026",
// "Daily Example 9/21/2016 Jane Roe"). A lead or a caption is a
// sentence, with lower-case words; a date line alone names no one.
func (w *walker) datedByline(blocks []article.Block, head int) string {
	if head < 0 {
		return ""
	}
	for i := head + 1; i < len(blocks) && i <= head+3; i++ {
		t := byline.Unglue(blocks[i].Text) // "Ayşe Kaya3 Aralık 2026": two spans run together
		if len(t) > 100 || !hasYear(t) {
			continue
		}
		if p, u := visibleDate(t, zones{}); p.zero() && u.zero() {
			continue
		}
		lower := 0
		for _, f := range strings.Fields(t) {
			r := firstRune(f)
			if unicode.IsLower(r) && !isMonthWord(f) {
				lower++
			}
		}
		if lower <= 1 {
			return t
		}
	}
	return ""
}

// openingByline is a line of names alone that opens the story right
// under the headline and its standfirst (a date line, a share bar's
// counter and a standfirst of a few short lines may come between), before
// the first paragraph of running text, with no label and no date
// ("Deniz Akpınar / ANKARA", "Мария Соколова, Дмитрий Волков"): the
// signature some papers print in bold before the first paragraph.
// Every word must be capitalised but the joining words; a heading is
// not one.
func (w *walker) openingByline(blocks []article.Block, head int) string {
	if head < 0 {
		return ""
	}
	for i := head + 1; i < len(blocks) && i <= head+6; i++ {
		b := &blocks[i]
		if b.Level > 0 || (b.Zone != article.ZoneBody && b.Zone != article.ZoneUnknown) {
			continue
		}
		t := b.Text
		if len(t) > 200 {
			break // the story has begun: a signature comes before it
		}
		words := strings.Fields(t)
		if len(t) > 80 || len(words) < 2 || len(words) > 9 || strings.ContainsAny(t, "0123456789!?.\"«»“”:") {
			continue
		}
		ok := true
		for _, f := range words {
			r := firstRune(f)
			if unicode.IsLower(r) && !joinWords[f] {
				ok = false
				break
			}
		}
		if ok {
			return t
		}
	}
	return ""
}

// isMonthWord is a month's name or abbreviation, lower-case in Turkish
// and Russian dates ("3 декабря", "3 дек").
func isMonthWord(f string) bool {
	_, ok := monthOf(strings.Trim(f, ".,"))
	return ok
}

// closingByline is the last line of the article when it is only names,
// perhaps with a place or an agency ("Zeynep Aydın", "Ahmet Kaya /
// Tiflis", "Мария Соколова, Дмитрий Волков"): no sentence, no digits.
func (w *walker) closingByline(l *layout, blocks []article.Block) string {
	seen := 0
	for i := len(blocks) - 1; i >= 0 && seen < 2; i-- {
		b := &blocks[i]
		if !w.within(w.blocks[i].elem, l.main) || !soft(b.Zone) {
			continue
		}
		seen++
		if b.Level > 0 {
			continue // a heading closing the page ("Related Links") names no one
		}
		t := b.Text
		if sourceLine(t) {
			continue // "SOURCE Example Corp", "Kaynak: …": the source, not the writer
		}
		if len(t) > 100 || len(strings.Fields(t)) > 10 || strings.ContainsAny(t, "0123456789!?\"«»“”") ||
			strings.Contains(t, ". ") || (strings.HasSuffix(t, ".") && len(lastWord(t)) > 3) {
			continue
		}
		if s := cleanByline(w.lines(i, t)); s != "" {
			return s
		}
	}
	return ""
}

// lines is block i's text t with the line breaks its element draws
// ("Muhabir: Ayşe Kaya<br>Ankara"), which byline.Split reads as field
// boundaries; t itself when the element holds more than the block.
func (w *walker) lines(i int, t string) string {
	if i >= len(w.blocks) || w.blocks[i].node == nil || w.blocks[i].text != t {
		return t
	}
	lt := lineText(w.blocks[i].node, 400)
	if !strings.Contains(lt, "\n") || clean(strings.ReplaceAll(lt, "\n", " ")) != t {
		return t
	}
	return lt
}

// bylineText is the text of the byline elements and of the lines around
// the headline, folded: where a page shows who wrote it.
func (w *walker) bylineText(blocks []article.Block, head int) string {
	var sb strings.Builder
	for _, r := range w.bylines {
		sb.WriteString(byline.Fold(nodeText(r.node, 300), 300))
		sb.WriteByte('\n')
	}
	if head >= 0 {
		for i := max(0, head-3); i < min(len(blocks), head+10); i++ {
			sb.WriteString(byline.Fold(blocks[i].Text, 300))
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

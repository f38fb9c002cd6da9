package relevance

import (
	"fmt"
	"math"
	"sort"
)

// BestThreshold returns the threshold with the best F1 of "score >=
// threshold" against the labels: among the gaps between consecutive
// scores that give the best F1, the middle of the widest, so that the
// threshold sits as far from the texts on either side as the data allows.
func BestThreshold(scores []float64, labels []bool) (threshold, f1 float64) {
	s := append([]float64(nil), scores...)
	sort.Float64s(s)
	bestWidth := -1.0
	f1 = -1
	for i := 1; i < len(s); i++ {
		lo, hi := s[i-1], s[i]
		if hi == lo {
			continue
		}
		mid := (lo + hi) / 2
		var c Counts
		for j, sc := range scores {
			c.Add(sc >= mid, labels[j])
		}
		switch v := c.F1(); {
		case v > f1+1e-9:
			f1, threshold, bestWidth = v, mid, hi-lo
		case math.Abs(v-f1) <= 1e-9 && hi-lo > bestWidth:
			threshold, bestWidth = mid, hi-lo
		}
	}
	return threshold, f1
}

// ThresholdAtPrecision returns a threshold, the middle of the gap between
// two consecutive scores, and the verdicts there: the one with the best F1
// among those whose precision is at least minP, if its F1 is within
// maxLoss of the best F1 at any threshold; otherwise the most precise of
// the thresholds within maxLoss of the best F1 (maxLoss < 0: the
// precision is kept at any cost, or the best F1 taken if no threshold
// keeps it).
func ThresholdAtPrecision(scores []float64, labels []bool, minP, maxLoss float64) (float64, Counts) {
	s := append([]float64(nil), scores...)
	sort.Float64s(s)
	type cut struct {
		th float64
		c  Counts
	}
	var cuts []cut
	top := -1.0
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1] {
			continue
		}
		mid := (s[i-1] + s[i]) / 2
		var c Counts
		for j, sc := range scores {
			c.Add(sc >= mid, labels[j])
		}
		cuts = append(cuts, cut{mid, c})
		top = math.Max(top, c.F1())
	}
	if len(cuts) == 0 {
		return 0.5, Counts{}
	}
	var kept, precise, best *cut
	for i := range cuts {
		c := &cuts[i]
		if best == nil || c.c.F1() > best.c.F1() {
			best = c
		}
		if c.c.Precision() >= minP && (kept == nil || c.c.F1() > kept.c.F1()) {
			kept = c
		}
		if c.c.F1() >= top-maxLoss && (precise == nil || c.c.Precision() > precise.c.Precision()) {
			precise = c
		}
	}
	switch {
	case kept != nil && (maxLoss < 0 || kept.c.F1() >= top-maxLoss):
		return kept.th, kept.c
	case maxLoss >= 0:
		return precise.th, precise.c
	}
	return best.th, best.c
}

// Counts are the confusion counts of a binary verdict.
type Counts struct{ TP, FP, FN, TN int }

// Add counts one verdict against its label.
func (c *Counts) Add(got, want bool) {
	switch {
	case got && want:
		c.TP++
	case got:
		c.FP++
	case want:
		c.FN++
	default:
		c.TN++
	}
}

// Precision is TP/(TP+FP).
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN).
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c Counts) String() string {
	return fmt.Sprintf("P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d tn %d)", c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN, c.TN)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

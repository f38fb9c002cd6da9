package relevance

import (
	"math"
	"sort"
	"strings"
)

// The logistic regression itself: the feature space a fold's texts
// define, the weights' penalties and the full-batch Adam fit.

// featureSpace indexes the features seen in at least minDocs documents
// (cues and shapes always), with the form each word is most often written
// in.
type featureSpace struct {
	index   map[string]int
	names   []string
	surface map[string]string
}

func newFeatureSpace(docs []doc, minDocs int, maxShare float64) *featureSpace {
	df := map[string]int{}
	forms := map[string]map[string]int{}
	for _, d := range docs {
		for f := range d.feats {
			df[f]++
			if s := d.surface[f]; s != "" {
				if forms[f] == nil {
					forms[f] = map[string]int{}
				}
				forms[f][s]++
			}
		}
	}
	fs := &featureSpace{index: map[string]int{}, surface: map[string]string{}}
	for f, n := range df {
		structural := strings.HasPrefix(f, prefixCue) || strings.HasPrefix(f, prefixShape)
		common := maxShare > 0 && float64(n) > maxShare*float64(len(docs))
		if structural || (n >= minDocs && !common) {
			fs.names = append(fs.names, f)
		}
	}
	sort.Strings(fs.names)
	for i, f := range fs.names {
		fs.index[f] = i
		best, bestN := "", 0
		for s, n := range forms[f] {
			if n > bestN || (n == bestN && s < best) {
				best, bestN = s, n
			}
		}
		fs.surface[f] = best
	}
	return fs
}

func (fs *featureSpace) active(d doc) []int {
	out := make([]int, 0, len(d.feats))
	for f := range d.feats {
		if i, ok := fs.index[f]; ok {
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out
}

// logit is the model's log-odds of a doc.
func logit(fs *featureSpace, w []float64, b float64, d doc, norm bool) float64 {
	x := fs.active(d)
	v := value(len(x), norm)
	z := b
	for _, i := range x {
		z += w[i] * v
	}
	for j, x := range d.dense {
		z += w[len(fs.names)+j] * x
	}
	return z
}

// penalties returns each weight's L2 penalty: lambda, scaled by
// shapeScale for the cue and shape features and by semScale for the dense
// ones (the lead's vector), which follow the named features.
func penalties(fs *featureSpace, docs []doc, lambda, shapeScale, semScale float64) []float64 {
	nd := 0
	if len(docs) > 0 {
		nd = len(docs[0].dense)
	}
	pen := make([]float64, len(fs.names)+nd)
	for j := range pen {
		pen[j] = lambda
		if j >= len(fs.names) {
			if semScale > 0 {
				pen[j] = lambda * semScale
			}
			continue
		}
		if f := fs.names[j]; shapeScale > 0 && (strings.HasPrefix(f, prefixCue) || strings.HasPrefix(f, prefixShape)) {
			pen[j] = lambda * shapeScale
		}
	}
	return pen
}

// activeSets returns each document's active features and the value
// each of them takes in it (value), as fit and fitJoint train on them.
func activeSets(fs *featureSpace, docs []doc, norm bool) ([][]int, []float64) {
	xs := make([][]int, len(docs))
	vs := make([]float64, len(docs))
	for i, d := range docs {
		xs[i] = fs.active(d)
		vs[i] = value(len(xs[i]), norm)
	}
	return xs, vs
}

// fit minimises the logistic loss, a diplomatic text's weighted by pos,
// plus lambda/2 ||w||^2 (the bias is not penalised) with Adam over the
// whole batch. Features are binary.
func fit(fs *featureSpace, docs []doc, ys []bool, lambda, pos, shapeScale, semScale float64, iters int, norm bool, nb float64) ([]float64, float64) {
	xs, vs := activeSets(fs, docs, norm)
	pen := penalties(fs, docs, lambda, shapeScale, semScale)
	n := len(pen)
	if nb > 0 {
		for j, r := range nbRatios(fs, xs, ys, nb) {
			pen[j] *= r
		}
	}
	dense0 := len(fs.names)
	w := make([]float64, n+1) // w[n] is the bias
	mom, vel := make([]float64, n+1), make([]float64, n+1)
	g := make([]float64, n+1)
	const lr = 0.05
	for t := 1; t <= iters; t++ {
		for j := range g {
			g[j] = 0
		}
		for i, x := range xs {
			dense := docs[i].dense
			r := residual(linearZ(w, n, dense0, x, vs[i], dense), ys[i], pos)
			addLinearGrad(g, r, n, dense0, x, vs[i], dense)
		}
		for j := 0; j < n; j++ {
			g[j] += pen[j] * w[j]
		}
		adamStep(t, lr, w, g, mom, vel)
	}
	return w[:n], w[n]
}

// linearZ is the linear part of a text's log-odds: the bias w[n], the
// sparse features x each worth v, and the dense ones from dense0 on. The
// logistic fit and the network's fit add their terms in this order, so
// that both sum alike.
func linearZ(w []float64, n, dense0 int, x []int, v float64, dense []float64) float64 {
	z := w[n]
	for _, j := range x {
		z += w[j] * v
	}
	for j, d := range dense {
		z += w[dense0+j] * d
	}
	return z
}

// residual is the log-loss gradient at log-odds z: the predicted
// probability less the label, with a positive text's weighed by pos.
func residual(z float64, y bool, pos float64) float64 {
	r := 1 / (1 + math.Exp(-z))
	if y {
		r = (r - 1) * pos
	}
	return r
}

// addLinearGrad adds residual r's gradient for the linear part (the
// features linearZ read, and the bias) to g.
func addLinearGrad(g []float64, r float64, n, dense0 int, x []int, v float64, dense []float64) {
	for _, j := range x {
		g[j] += r * v
	}
	for j, d := range dense {
		g[dense0+j] += r * d
	}
	g[n] += r
}

// adamStep is step t (from 1) of Adam (beta1 .9, beta2 .999) on the
// weights w with gradient g and moments mom and vel, every fit here
// steps the same way. It works element by element, so a fit may step
// parts of one vector at different rates.
func adamStep(t int, lr float64, w, g, mom, vel []float64) {
	const b1, b2, eps = 0.9, 0.999, 1e-8
	c1, c2 := 1-math.Pow(b1, float64(t)), 1-math.Pow(b2, float64(t))
	for j := range w {
		mom[j] = b1*mom[j] + (1-b1)*g[j]
		vel[j] = b2*vel[j] + (1-b2)*g[j]*g[j]
		w[j] -= lr * (mom[j] / c1) / (math.Sqrt(vel[j]/c2) + eps)
	}
}

// value is what each of a text's n features is worth: 1, or 1/sqrt(n)
// when the model normalises.
func value(n int, norm bool) float64 {
	if !norm || n == 0 {
		return 1
	}
	return 1 / math.Sqrt(float64(n))
}

// nbRatios returns, per feature, the factor NBSVM puts on a word's or a
// phrase's penalty: 1 / ((1-nb) + nb r^2), r its naive-Bayes log-count
// ratio over the texts xs (add-one smoothed, binarised); 1 for cues and
// shapes. Scaling a feature by r under an L2 penalty is penalising its
// weight by 1/r^2: a word that leans to one class is let weigh more.
func nbRatios(fs *featureSpace, xs [][]int, ys []bool, nb float64) []float64 {
	p, q := make([]float64, len(fs.names)), make([]float64, len(fs.names))
	for j := range p {
		p[j], q[j] = 1, 1
	}
	for i, x := range xs {
		c := q
		if ys[i] {
			c = p
		}
		for _, j := range x {
			c[j]++
		}
	}
	var sp, sq float64
	for j := range p {
		sp, sq = sp+p[j], sq+q[j]
	}
	out := make([]float64, len(fs.names))
	for j, f := range fs.names {
		out[j] = 1
		if strings.HasPrefix(f, prefixCue) || strings.HasPrefix(f, prefixShape) {
			continue
		}
		r := math.Log(p[j]/sp) - math.Log(q[j]/sq)
		out[j] = 1 / ((1 - nb) + nb*math.Max(r*r, 1e-3))
	}
	return out
}

package relevance

import (
	"math"
	"sort"

	"github.com/wiredesk/wiredesk/pkg/stem"
)

// Sentence pooling: the lead's meaning, read per sentence. The lead's
// mean folds every sentence into one number, so a war report with one
// line on talks and a text that is about the talks can read alike; the
// rubric asks for the main subject. Each sentence (the headline is one)
// gets the mean of its words' LangModel.Sem numbers, less SemCenter, and a
// second, tiny logistic stage weighs the first stage's score beside the
// most diplomatic sentence, the mean of the two most diplomatic, the
// headline's and the body's first sentence's (LangModel.Pool). Being
// linear, the second stage folds its weight of the first stage's score
// into the first stage's weights (Train), so an article's evidence stays
// one list of weighted terms.

// Pooled features, in this order.
const (
	poolMax = iota
	poolTop2
	poolHead
	poolFirst
	numPool
)

// poolKeys are the pooled features' names in LangModel.Pool, poolNames
// how they read in the evidence (the best two's mean is shown within the
// best sentence's term).
var (
	poolKeys  = [numPool]string{"max", "top2", "head", "first"}
	poolNames = [numPool]string{"[most diplomatic sentence]", "[two most diplomatic sentences]", "[meaning of the headline]", "[meaning of the first sentence]"}
)

// pooled computes the pooled features from the sentences' scores; head
// and first index scores (-1: none). With no title, the headline is the
// first sentence; with no sentence, every feature is 0.
func pooled(scores []float64, head, first int) [numPool]float64 {
	var out [numPool]float64
	if len(scores) == 0 {
		return out
	}
	a, b := math.Inf(-1), math.Inf(-1) // the two largest
	for _, s := range scores {
		switch {
		case s > a:
			a, b = s, a
		case s > b:
			b = s
		}
	}
	out[poolMax] = a
	out[poolTop2] = a
	if len(scores) > 1 {
		out[poolTop2] = (a + b) / 2
	}
	if first >= 0 {
		out[poolFirst] = scores[first]
	}
	switch {
	case head >= 0:
		out[poolHead] = scores[head]
	case first >= 0:
		out[poolHead] = scores[first]
	}
	return out
}

// sentAcc gathers the sentences' sums of one number per word (the stems'
// Sem while scoring), as pooled reads them: the title (segment 0) is one
// sentence whatever its stops; each body segment starts one, and so does
// every word that starts a sentence (token.sent). A sentence without a
// word that has a number is none.
type sentAcc struct {
	sums        []float64
	ns          []int
	head, first int
	open        bool // a sentence is open (its slot exists)
	title       bool // the open sentence is the title
}

func newSentAcc(buf []float64, nbuf []int) sentAcc {
	return sentAcc{sums: buf[:0], ns: nbuf[:0], head: -1, first: -1}
}

// segment starts segment si: the title (0) or a body paragraph.
func (a *sentAcc) segment(si int) {
	a.open = false
	a.title = si == 0
}

// sentence starts a new sentence within a body segment.
func (a *sentAcc) sentence() {
	if !a.title {
		a.open = false
	}
}

// add adds a word's number to the open sentence, opening one if need be.
func (a *sentAcc) add(v float64) {
	if !a.open {
		a.sums, a.ns = append(a.sums, 0), append(a.ns, 0)
		a.open = true
		k := len(a.sums) - 1
		switch {
		case a.title:
			a.head = k
		case a.first < 0:
			a.first = k
		}
	}
	k := len(a.sums) - 1
	a.sums[k] += v
	a.ns[k]++
}

// scores turns the sums into means, in place, and returns them.
func (a *sentAcc) scores() []float64 {
	for k := range a.sums {
		a.sums[k] /= float64(a.ns[k])
	}
	return a.sums
}

// sentenceVectors returns the mean vector of each of the lead's sentences
// that has a word with a vector, with the indexes of the title's and the
// first body sentence's (-1: none), for training: a fold's weights turn
// them into the sentences' scores.
func sentenceVectors(lang string, toks [][]token, vecs *Vectors, memo map[string]string) (sents [][]float64, head, first int) {
	var ids []int // each word's sentence, for the vectors' sums
	var rows []int32
	acc := newSentAcc(nil, nil)
	stop := stopWords[lang]
	for si, seg := range toks {
		acc.segment(si)
		for _, t := range seg {
			if t.sent {
				acc.sentence()
			}
			if !countable(t.lower) || stop[t.lower] {
				continue
			}
			s, ok := memo[t.lower]
			if !ok {
				s = stem.Word(lang, t.lower)
				memo[t.lower] = s
			}
			if i := vecs.Lookup(s); i >= 0 {
				acc.add(0)
				ids, rows = append(ids, len(acc.sums)-1), append(rows, i)
			}
		}
	}
	sents = make([][]float64, len(acc.sums))
	for k := range sents {
		sents[k] = make([]float64, vecs.Dim)
	}
	for j, k := range ids {
		for d, x := range vecs.Row(rows[j]) {
			sents[k][d] += float64(x)
		}
	}
	for k, s := range sents {
		for d := range s {
			s[d] /= float64(acc.ns[k])
		}
	}
	return sents, acc.head, acc.first
}

// poolOf is a training doc's pooled features under a fold's dense
// weights w (over standardised vectors: a sentence's score is w . its
// standardised mean vector, which is what the folded Sem numbers give
// less SemCenter).
func poolOf(d doc, w []float64) [numPool]float64 {
	scores := make([]float64, len(d.sents))
	for k, s := range d.sents {
		v := 0.0
		for j, x := range s {
			v += w[j] * x
		}
		scores[k] = v
	}
	return pooled(scores, d.sentHead, d.sentFirst)
}

// stack is the second stage: a logistic model over the first stage's
// logit and the pooled features.
type stack struct {
	a    float64          // the first stage's logit
	w    [numPool]float64 // the pooled features
	bias float64
}

func (s stack) logit(r stackRow) float64 {
	v := s.bias + s.a*r.z
	for j, x := range r.pool {
		v += s.w[j] * x
	}
	return v
}

// stackRow is one text's input to the second stage.
type stackRow struct {
	z    float64
	pool [numPool]float64
}

// fitStack fits the second stage by gradient descent on the logistic
// loss, L2 penalty lambda on the weights (not the bias); pos weighs a
// diplomatic text.
func fitStack(rows []stackRow, ys []bool, lambda, pos float64) stack {
	const n = numPool + 2 // a, w..., bias
	var w, m, v, g, x [n]float64
	const lr = 0.05
	for t := 1; t <= 400; t++ {
		g = [n]float64{}
		for i, r := range rows {
			x[0] = r.z
			copy(x[1:], r.pool[:])
			z := w[n-1]
			for j := 0; j < n-1; j++ {
				z += w[j] * x[j]
			}
			p := 1 / (1 + math.Exp(-z))
			if ys[i] {
				p = (p - 1) * pos
			}
			for j := 0; j < n-1; j++ {
				g[j] += p * x[j]
			}
			g[n-1] += p
		}
		for j := 0; j < n-1; j++ {
			g[j] += lambda * w[j]
		}
		adamStep(t, lr, w[:], g[:], m[:], v[:])
	}
	s := stack{a: w[0], bias: w[n-1]}
	copy(s.w[:], w[1:1+numPool])
	return s
}

// stackOOF scores each row by a second stage fitted on the other groups'
// rows: the second stage's out-of-fold scores, over the first stage's
// out-of-fold rows.
func stackOOF(rows []stackRow, ys []bool, gs []string, lambda, pos float64) []float64 {
	groups := map[string]bool{}
	for _, g := range gs {
		groups[g] = true
	}
	keys := make([]string, 0, len(groups))
	for g := range groups {
		keys = append(keys, g)
	}
	sort.Strings(keys)
	out := make([]float64, len(rows))
	for _, g := range keys {
		var tr []stackRow
		var ty []bool
		for i, r := range rows {
			if gs[i] != g {
				tr, ty = append(tr, r), append(ty, ys[i])
			}
		}
		s := fitStack(tr, ty, lambda, pos)
		for i, r := range rows {
			if gs[i] == g {
				out[i] = 1 / (1 + math.Exp(-s.logit(r)))
			}
		}
	}
	return out
}

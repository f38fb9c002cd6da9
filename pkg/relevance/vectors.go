package relevance

import (
	"encoding/gob"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/wiredesk/wiredesk/pkg/stem"
)

// Word vectors: what a stem means, learned from the company it keeps in
// unlabelled news (positive pointwise mutual information over a window,
// reduced by a truncated SVD), so that a word no labelled text used
// ("переговорщики", "mutabakat") still lands near the words it shares
// contexts with. The model reads a lead's average vector beside its
// stems; being linear, it keeps only each stem's projection on its
// weights (LangModel.Sem), not the vectors.

// Vectors are the word vectors of one language.
type Vectors struct {
	Lang string
	Dim  int
	// Window is the context window they were built with (0 in files
	// written before it was recorded, all built with 5).
	Window int
	// SIF is the smoothing of the rows' weights by frequency they were
	// built with (VectorConfig.SIF; 0: rows of unit length).
	SIF   float64
	Stems []string
	Vecs  []float32 // row i, Vecs[i*Dim:(i+1)*Dim], is Stems[i]'s; unit length unless SIF scaled it
	index map[string]int32
}

// VectorConfig sets how vectors are built.
type VectorConfig struct {
	// Vocab is how many of the most frequent stems get a vector, MinCount
	// how often a stem must occur to get one.
	Vocab, MinCount int
	// Dim is the vectors' length, Window how many words either side count
	// as a word's context (weighted 1/distance).
	Dim, Window int
	// Power is the randomized SVD's power iterations; Seed its random
	// start.
	Power int
	Seed  uint64
	// SIF, if above 0, scales each stem's row by SIF/(SIF+p), p the
	// stem's share of the corpus's words (smooth inverse frequency,
	// Arora, Liang and Ma 2017): a lead's mean vector then leans on its
	// rarer, more telling words, not on those every news text has.
	SIF float64
	// Stems, if set, are the stems that get a vector, in this order,
	// instead of the most frequent ones (VectorStems chooses them from
	// some of the texts): contexts are then counted over every text
	// while the words kept are those of the texts that chose them.
	Stems []string
}

// DefaultVectorConfig is what the built-in model's vectors of a
// language are built with. Russian counts contexts 25 words either side:
// its vectors come from a third of Turkish's texts, and the wider window
// lets them say what a text is about more than how its words combine
// (out of fold .838 against .827 with 5; data/relevance/README.md).
func DefaultVectorConfig(lang string) VectorConfig {
	cfg := VectorConfig{Vocab: 20000, MinCount: 5, Dim: 64, Window: 5, Power: 3, Seed: 20261204}
	if lang == "ru" {
		cfg.Window, cfg.SIF = 25, 1e-4
	}
	return cfg
}

// BuiltWindow is the window the vectors were built with (5 for files
// written before it was recorded).
func (v *Vectors) BuiltWindow() int {
	if v.Window == 0 {
		return 5
	}
	return v.Window
}

// Lookup returns the row of a stem, or -1.
func (v *Vectors) Lookup(stem string) int32 {
	if v.index == nil {
		v.index = make(map[string]int32, len(v.Stems))
		for i, s := range v.Stems {
			v.index[s] = int32(i)
		}
	}
	if i, ok := v.index[stem]; ok {
		return i
	}
	return -1
}

// Row returns the vector of row i.
func (v *Vectors) Row(i int32) []float32 { return v.Vecs[int(i)*v.Dim : (int(i)+1)*v.Dim] }

// WriteVectors writes vectors (gob).
func WriteVectors(w io.Writer, v *Vectors) error { return gob.NewEncoder(w).Encode(v) }

// ReadVectors reads vectors written by WriteVectors.
func ReadVectors(r io.Reader) (*Vectors, error) {
	var v Vectors
	if err := gob.NewDecoder(r).Decode(&v); err != nil {
		return nil, fmt.Errorf("relevance: read vectors: %w", err)
	}
	if v.Dim <= 0 || len(v.Vecs) != v.Dim*len(v.Stems) {
		return nil, fmt.Errorf("relevance: read vectors: %d stems of %d dimensions, %d values", len(v.Stems), v.Dim, len(v.Vecs))
	}
	return &v, nil
}

// vectorWords are the words of a text that have meaning of their own, as
// the model reads them: countable, no stop word, stemmed.
func vectorWords(lang string, toks []token, memo map[string]string, fn func(stem string)) {
	stop := stopWords[lang]
	for _, t := range toks {
		if !countable(t.lower) || stop[t.lower] {
			continue
		}
		s, ok := memo[t.lower]
		if !ok {
			s = stem.Word(lang, t.lower)
			memo[t.lower] = s
		}
		fn(s)
	}
}

// BuildVectors learns vectors from texts: each call of texts' yield
// gives one paragraph (a window never spans two).
func BuildVectors(lang string, texts func(yield func(paragraph string)), cfg VectorConfig) (*Vectors, error) {
	return BuildWeightedVectors(lang, func(yield func(string, float64)) {
		texts(func(para string) { yield(para, 1) })
	}, cfg)
}

// BuildWeightedVectors is BuildVectors with a weight for each
// paragraph's co-occurrences: a corpus further from the labelled texts
// can add its contexts at less than their count. Stems are chosen and
// counted (VectorConfig.SIF) by their plain counts.
func BuildWeightedVectors(lang string, texts func(yield func(paragraph string, weight float64)), cfg VectorConfig) (*Vectors, error) {
	var weights []float64 // of each paragraph
	ids, names, counts, seq := stemSequence(lang, func(yield func(string)) {
		texts(func(para string, w float64) {
			weights = append(weights, w)
			yield(para)
		})
	})
	vocab := make([]int32, len(names)) // old id → row, or -1
	for i := range vocab {
		vocab[i] = -1
	}
	stems := cfg.Stems
	if stems == nil {
		for _, id := range frequentStems(names, counts, cfg) {
			stems = append(stems, names[id])
		}
	}
	rowCounts := make([]int, len(stems))
	for row, s := range stems {
		if id, ok := ids[s]; ok {
			vocab[id] = int32(row)
			rowCounts[row] = counts[id]
		}
	}
	n := len(stems)
	if n < 2*cfg.Dim {
		return nil, fmt.Errorf("relevance: vectors %s: %d stems, too few for %d dimensions", lang, n, cfg.Dim)
	}
	// Co-occurrences within the window, weighted 1/distance: the upper
	// triangle (a <= b) of a symmetric matrix.
	co := map[uint64]float64{}
	para := 0
	for i, a := range seq {
		if a < 0 {
			para++
			continue
		}
		if vocab[a] < 0 {
			continue
		}
		w := weights[para]
		for d := 1; d <= cfg.Window && i+d < len(seq); d++ {
			b := seq[i+d]
			if b < 0 {
				break
			}
			if vocab[b] < 0 {
				continue
			}
			ra, rb := uint64(vocab[a]), uint64(vocab[b])
			if ra > rb {
				ra, rb = rb, ra
			}
			co[ra<<32|rb] += w / float64(d)
		}
	}
	m := ppmi(co, n)
	vecs := m.embed(cfg.Dim, cfg.Power, cfg.Seed)
	if cfg.SIF > 0 {
		total := 0
		for _, c := range counts {
			total += c
		}
		scaleSIF(vecs, cfg.Dim, rowCounts, total, cfg.SIF)
	}
	return &Vectors{Lang: lang, Dim: cfg.Dim, Window: cfg.Window, SIF: cfg.SIF, Stems: stems, Vecs: vecs}, nil
}

// stemSequence reads texts' paragraphs into their stems, numbered in
// order of first use, each stem's count, and the sequence of every
// paragraph's stems with -1 between paragraphs.
func stemSequence(lang string, texts func(yield func(paragraph string))) (ids map[string]int32, names []string, counts []int, seq []int32) {
	ids = map[string]int32{}
	memo := map[string]string{}
	texts(func(para string) {
		vectorWords(lang, tokenize(para, lang), memo, func(s string) {
			id, ok := ids[s]
			if !ok {
				id = int32(len(names))
				ids[s] = id
				names, counts = append(names, s), append(counts, 0)
			}
			counts[id]++
			seq = append(seq, id)
		})
		seq = append(seq, -1)
	})
	return ids, names, counts, seq
}

// frequentStems returns the ids of the cfg.Vocab most frequent stems
// that occur cfg.MinCount times or more, the most frequent first, ties
// by stem.
func frequentStems(names []string, counts []int, cfg VectorConfig) []int32 {
	order := make([]int32, len(names))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(a, b int) bool {
		ca, cb := counts[order[a]], counts[order[b]]
		if ca != cb {
			return ca > cb
		}
		return names[order[a]] < names[order[b]]
	})
	n := 0
	for n < len(order) && n < cfg.Vocab && counts[order[n]] >= cfg.MinCount {
		n++
	}
	return order[:n]
}

// VectorStems returns the stems BuildVectors would give a vector from
// texts alone, to build vectors over more texts with the same words
// (VectorConfig.Stems).
func VectorStems(lang string, texts func(yield func(paragraph string)), cfg VectorConfig) []string {
	_, names, counts, _ := stemSequence(lang, texts)
	var stems []string
	for _, id := range frequentStems(names, counts, cfg) {
		stems = append(stems, names[id])
	}
	return stems
}

// scaleSIF scales row i of vecs by a/(a+p), p = counts[i]/total.
func scaleSIF(vecs []float32, dim int, counts []int, total int, a float64) {
	for i, c := range counts {
		w := a / (a + float64(c)/float64(total))
		for d := i * dim; d < (i+1)*dim; d++ {
			vecs[d] = float32(w * float64(vecs[d]))
		}
	}
}

// symSparse is a symmetric sparse matrix by its upper triangle.
type symSparse struct {
	n    int
	a, b []int32
	v    []float64
}

// ppmi turns co-occurrence counts into positive pointwise mutual
// information, with the context distribution smoothed (counts to the
// power 0.75, on both sides so that the matrix stays symmetric): rare
// words' chance co-occurrences would otherwise weigh most.
func ppmi(co map[uint64]float64, n int) *symSparse {
	keys := make([]uint64, 0, len(co))
	for k := range co {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	row := make([]float64, n)
	total := 0.0
	for _, k := range keys {
		a, b, c := int(k>>32), int(k&(1<<32-1)), co[k]
		row[a] += c
		total += c
		if a != b {
			row[b] += c
			total += c
		}
	}
	smooth, z := make([]float64, n), 0.0
	for i, r := range row {
		smooth[i] = math.Pow(r, 0.75)
		z += smooth[i]
	}
	m := &symSparse{n: n}
	for _, k := range keys {
		a, b, c := int(k>>32), int(k&(1<<32-1)), co[k]
		pmi := math.Log(c/total) - math.Log(smooth[a]/z) - math.Log(smooth[b]/z)
		if pmi <= 0 {
			continue
		}
		m.a, m.b, m.v = append(m.a, int32(a)), append(m.b, int32(b)), append(m.v, pmi)
	}
	return m
}

// mul returns m times x, x an n by k matrix (row-major).
func (m *symSparse) mul(x []float64, k int) []float64 {
	y := make([]float64, m.n*k)
	for e, v := range m.v {
		a, b := int(m.a[e]), int(m.b[e])
		ya, xb := y[a*k:(a+1)*k], x[b*k:(b+1)*k]
		for j := range ya {
			ya[j] += v * xb[j]
		}
		if a != b {
			yb, xa := y[b*k:(b+1)*k], x[a*k:(a+1)*k]
			for j := range yb {
				yb[j] += v * xa[j]
			}
		}
	}
	return y
}

// embed returns the rows of the matrix's top dim left singular vectors,
// each scaled by the square root of its singular value and the row then
// scaled to unit length, by a randomized SVD (Halko, Martinsson and
// Tropp, 2011) with power iterations.
func (m *symSparse) embed(dim, power int, seed uint64) []float32 {
	k := dim + 16
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	q := make([]float64, m.n*k)
	for i := range q {
		q[i] = rng.NormFloat64()
	}
	q = m.mul(q, k)
	for range power {
		orthonormalize(q, m.n, k)
		q = m.mul(q, k)
	}
	orthonormalize(q, m.n, k)
	// B = Q'M; B B' = (MQ)'(MQ), whose eigenvectors W give U = QW.
	z := m.mul(q, k)
	g := make([]float64, k*k)
	for r := 0; r < m.n; r++ {
		zr := z[r*k : (r+1)*k]
		for i := range k {
			for j := i; j < k; j++ {
				g[i*k+j] += zr[i] * zr[j]
			}
		}
	}
	for i := range k {
		for j := 0; j < i; j++ {
			g[i*k+j] = g[j*k+i]
		}
	}
	vals, w := jacobiEigen(g, k)
	out := make([]float32, m.n*dim)
	for r := 0; r < m.n; r++ {
		qr := q[r*k : (r+1)*k]
		row := make([]float64, dim)
		norm := 0.0
		for c := range dim {
			s := 0.0
			for i := range k {
				s += qr[i] * w[i*k+c]
			}
			s *= math.Pow(math.Max(vals[c], 0), 0.25) // sqrt of the singular value
			row[c] = s
			norm += s * s
		}
		norm = math.Sqrt(norm)
		for c := range dim {
			if norm > 0 {
				out[r*dim+c] = float32(row[c] / norm)
			}
		}
	}
	return out
}

// orthonormalize makes the k columns of the n by k matrix x orthonormal
// (modified Gram-Schmidt, twice for accuracy).
func orthonormalize(x []float64, n, k int) {
	for range 2 {
		for c := range k {
			for p := 0; p < c; p++ {
				dot := 0.0
				for r := range n {
					dot += x[r*k+c] * x[r*k+p]
				}
				for r := range n {
					x[r*k+c] -= dot * x[r*k+p]
				}
			}
			norm := 0.0
			for r := range n {
				norm += x[r*k+c] * x[r*k+c]
			}
			norm = math.Sqrt(norm)
			if norm == 0 {
				continue
			}
			for r := range n {
				x[r*k+c] /= norm
			}
		}
	}
}

// jacobiEigen returns the eigenvalues of the symmetric k by k matrix a,
// largest first, and its eigenvectors as the columns of w in that order
// (cyclic Jacobi rotations).
func jacobiEigen(a []float64, k int) ([]float64, []float64) {
	a = append([]float64(nil), a...)
	v := make([]float64, k*k)
	for i := range k {
		v[i*k+i] = 1
	}
	for sweep := 0; sweep < 100; sweep++ {
		off := 0.0
		for i := range k {
			for j := i + 1; j < k; j++ {
				off += a[i*k+j] * a[i*k+j]
			}
		}
		if off < 1e-22 {
			break
		}
		for p := range k {
			for q := p + 1; q < k; q++ {
				apq := a[p*k+q]
				if math.Abs(apq) < 1e-300 {
					continue
				}
				theta := (a[q*k+q] - a[p*k+p]) / (2 * apq)
				t := math.Copysign(1, theta) / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				for r := range k {
					arp, arq := a[r*k+p], a[r*k+q]
					a[r*k+p], a[r*k+q] = c*arp-s*arq, s*arp+c*arq
				}
				for r := range k {
					apr, aqr := a[p*k+r], a[q*k+r]
					a[p*k+r], a[q*k+r] = c*apr-s*aqr, s*apr+c*aqr
				}
				for r := range k {
					vrp, vrq := v[r*k+p], v[r*k+q]
					v[r*k+p], v[r*k+q] = c*vrp-s*vrq, s*vrp+c*vrq
				}
			}
		}
	}
	idx := make([]int, k)
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(x, y int) bool { return a[idx[x]*k+idx[x]] > a[idx[y]*k+idx[y]] })
	vals, w := make([]float64, k), make([]float64, k*k)
	for c, i := range idx {
		vals[c] = a[i*k+i]
		for r := range k {
			w[r*k+c] = v[r*k+i]
		}
	}
	return vals, w
}

// Nearest returns the n stems nearest to word's stem by cosine, for a
// look at what the vectors learned.
func (v *Vectors) Nearest(word string, n int) []string {
	i := v.Lookup(stem.Word(v.Lang, lowerWord(v.Lang, word)))
	if i < 0 {
		return nil
	}
	q := v.Row(i)
	type hit struct {
		s   string
		cos float32
	}
	var hits []hit
	for j := range v.Stems {
		if int32(j) == i {
			continue
		}
		var c, norm float32
		for d, x := range v.Row(int32(j)) {
			c += x * q[d]
			norm += x * x
		}
		if norm > 0 {
			c /= float32(math.Sqrt(float64(norm))) // q's own length orders nothing
		}
		hits = append(hits, hit{v.Stems[j], c})
	}
	sort.Slice(hits, func(a, b int) bool { return hits[a].cos > hits[b].cos })
	var out []string
	for _, h := range hits[:min(n, len(hits))] {
		out = append(out, h.s)
	}
	return out
}

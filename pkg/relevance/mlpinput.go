package relevance

import (
	"fmt"
	"math"
	"strings"
)

// The network experiment's inputs (mlp.go): the headline's mean vector
// and the per-dimension maximum of the lead's sentences', beside the
// lead's mean vector, standardised.

// docVectors are a lead's headline mean vector and the per-dimension
// maximum of its sentences' mean vectors (zero where none has a vector).
func docVectors(lang string, toks [][]token, vecs *Vectors, memo map[string]string) (head, maxp []float64) {
	head, maxp = make([]float64, vecs.Dim), make([]float64, vecs.Dim)
	add := func(dst []float64, s string) bool {
		i := vecs.Lookup(s)
		if i < 0 {
			return false
		}
		for d, x := range vecs.Row(i) {
			dst[d] += float64(x)
		}
		return true
	}
	mean := func(dst []float64, n int) {
		if n > 0 {
			for d := range dst {
				dst[d] /= float64(n)
			}
		}
	}
	// The headline, or for a text without one its first words (walk).
	if len(toks) > 0 {
		seg := toks[0]
		if len(seg) == 0 && len(toks) > 1 {
			seg = toks[1][:min(len(toks[1]), headWords)]
		}
		n := 0
		vectorWords(lang, seg, memo, func(s string) {
			if add(head, s) {
				n++
			}
		})
		mean(head, n)
	}
	// The body's sentences: a segment, cut where a token starts one.
	first := true
	sent := make([]float64, vecs.Dim)
	flush := func(n int) {
		if n == 0 {
			return
		}
		mean(sent, n)
		for d, x := range sent {
			if first || x > maxp[d] {
				maxp[d] = x
			}
		}
		first = false
	}
	for si := 1; si < len(toks); si++ {
		seg := toks[si]
		start := 0
		for ti := 0; ti <= len(seg); ti++ {
			if ti < len(seg) && (ti == start || !seg[ti].sent) {
				continue
			}
			clear(sent)
			n := 0
			vectorWords(lang, seg[start:ti], memo, func(s string) {
				if add(sent, s) {
					n++
				}
			})
			flush(n)
			start = ti
		}
	}
	return head, maxp
}

// mlpInput builds each doc's network input from its standardised
// vectors, as cfg.Inputs names them.
func mlpInput(docs []doc, inputs string) error {
	for i := range docs {
		d := &docs[i]
		d.net = d.net[:0]
		for _, in := range strings.Split(inputs, ",") {
			switch strings.TrimSpace(in) {
			case "lead":
				d.net = append(d.net, d.dense...)
			case "head":
				d.net = append(d.net, d.head...)
			case "max":
				d.net = append(d.net, d.maxp...)
			default:
				return fmt.Errorf("relevance: network input %q: want lead, head or max", in)
			}
		}
	}
	return nil
}

// standardizeField scales one dense field of the docs to mean 0 and
// variance 1 per dimension.
func standardizeField(docs []doc, field func(*doc) []float64) {
	if len(docs) == 0 || field(&docs[0]) == nil {
		return
	}
	k := len(field(&docs[0]))
	mu, sd := make([]float64, k), make([]float64, k)
	for i := range docs {
		for j, x := range field(&docs[i]) {
			mu[j] += x
		}
	}
	for j := range mu {
		mu[j] /= float64(len(docs))
	}
	for i := range docs {
		for j, x := range field(&docs[i]) {
			sd[j] += (x - mu[j]) * (x - mu[j])
		}
	}
	for j := range sd {
		sd[j] = math.Sqrt(sd[j] / float64(len(docs)))
		if sd[j] == 0 {
			sd[j] = 1
		}
	}
	for i := range docs {
		v := field(&docs[i])
		for j := range v {
			v[j] = (v[j] - mu[j]) / sd[j]
		}
	}
}

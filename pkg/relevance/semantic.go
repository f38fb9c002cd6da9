package relevance

import "math"

// The model's reading of meaning: a lead's average word vector
// (vectors.go), standardised, beside its stems. The model is linear, so
// the weights of the vector's dimensions fold into one number per stem,
// LangModel.Sem: a lead's contribution is the mean of its words' numbers,
// less SemCenter (what the average training lead scores), and reads in
// the evidence as one term.

// semName is how the lead's meaning reads in the evidence.
const semName = "[meaning of the lead]"

// leadVector is the mean vector of the lead's words that have one (a
// zero vector when none has).
func leadVector(lang string, toks [][]token, vecs *Vectors, memo map[string]string) []float64 {
	out := make([]float64, vecs.Dim)
	n := 0
	for _, seg := range toks {
		vectorWords(lang, seg, memo, func(s string) {
			if i := vecs.Lookup(s); i >= 0 {
				for d, x := range vecs.Row(i) {
					out[d] += float64(x)
				}
				n++
			}
		})
	}
	if n > 0 {
		for d := range out {
			out[d] /= float64(n)
		}
	}
	return out
}

// denseScale is the mean and standard deviation of each dimension of the
// training leads' vectors.
type denseScale struct{ mu, sd []float64 }

// standardize scales the docs' dense features to mean 0 and variance 1,
// so that one penalty suits them and the binary features, and returns
// the scale.
func standardize(docs []doc) denseScale {
	if len(docs) == 0 || docs[0].dense == nil {
		return denseScale{}
	}
	k := len(docs[0].dense)
	sc := denseScale{mu: make([]float64, k), sd: make([]float64, k)}
	for _, d := range docs {
		for j, x := range d.dense {
			sc.mu[j] += x
		}
	}
	for j := range sc.mu {
		sc.mu[j] /= float64(len(docs))
	}
	for _, d := range docs {
		for j, x := range d.dense {
			sc.sd[j] += (x - sc.mu[j]) * (x - sc.mu[j])
		}
	}
	for j := range sc.sd {
		sc.sd[j] = math.Sqrt(sc.sd[j] / float64(len(docs)))
		if sc.sd[j] == 0 {
			sc.sd[j] = 1
		}
	}
	for _, d := range docs {
		for j := range d.dense {
			d.dense[j] = (d.dense[j] - sc.mu[j]) / sc.sd[j]
		}
		for _, s := range d.sents {
			for j := range s {
				s[j] = (s[j] - sc.mu[j]) / sc.sd[j]
			}
		}
	}
	return sc
}

// setSem folds the dense weights w into each stem's number and the
// centre: sum_d w_d (x_d - mu_d) / sd_d, x the mean of the lead's
// vectors, is the mean of the words' sum_d w_d v_d / sd_d less
// sum_d w_d mu_d / sd_d.
func (lm *LangModel) setSem(vecs *Vectors, sc denseScale, w []float64) {
	if vecs == nil || len(w) == 0 {
		return
	}
	lm.Sem = make(map[string]float64, len(vecs.Stems))
	for i, s := range vecs.Stems {
		v := 0.0
		for d, x := range vecs.Row(int32(i)) {
			v += w[d] * float64(x) / sc.sd[d]
		}
		lm.Sem[s] = math.Round(v*100) / 100 // a lead averages tens of them
	}
	c := 0.0
	for d := range w {
		c += w[d] * sc.mu[d] / sc.sd[d]
	}
	lm.SemCenter = round4(c)
}

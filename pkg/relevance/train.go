package relevance

import (
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Labelled is one training example.
type Labelled struct {
	Lang       string
	Title      string
	Paragraphs []string
	Diplomatic bool
	// ID names the text in LangReport.OOF (optional).
	ID string
	// Group is the cross-validation fold the text belongs to: a source
	// and a stretch of time, so that a fold is scored by a model that
	// never saw its outlet's neighbouring days (see Train).
	Group string
	// Thin says the text may be left out of the folds' training texts
	// when TrainConfig.Fraction is below 1 (the learning curve).
	Thin bool
}

// TrainConfig sets how a model is fitted.
type TrainConfig struct {
	// MinDocs is how many training texts a word or phrase must appear in
	// to become a feature; MaxShare the share of them it may appear in at
	// most (function words say nothing about the topic, and their weights
	// would be noise).
	MinDocs  int
	MaxShare float64
	// Lambdas are the L2 penalties tried, Leads the numbers of body words
	// (LangModel.Lead), PosWeights the weights of a diplomatic text in the
	// loss (1: as many as a negative). The combination with the best
	// cross-validated F1 wins; near-ties (within Tie) go to the larger
	// penalty, then the smaller weight: the simpler model, which carries
	// to another outlet better.
	Lambdas    []float64
	Leads      []int
	PosWeights []float64
	Tie        float64
	// MinPrecision is the precision the threshold should keep on the
	// pooled out-of-fold scores, where recall allows: the threshold is the
	// one with the best F1 among those that keep it, if that F1 is within
	// MaxF1Loss of the best; otherwise the most precise threshold within
	// MaxF1Loss of the best F1. Held-out outlets score diplomatic texts
	// lower than the training outlets do, and a threshold pushed up the
	// flat end of the precision curve gives up most of their recall.
	MinPrecision float64
	MaxF1Loss    float64
	// Norm scales a text's features to unit length (1/sqrt(n) each), so
	// that a long lead does not outvote a short one by its word count.
	Norm bool
	// Iterations of the optimiser.
	Iterations int
	// ShapeScale scales the penalty of the cues and shapes (1 when 0): a
	// handful of structural features that hold across outlets may weigh
	// more than any one of thousands of words.
	ShapeScale float64
	// Fraction, when in (0, 1), keeps only that share of the thinnable
	// examples (Labelled.Thin) among each fold's training texts: a fixed
	// pseudo-random choice by ID, nested (the texts kept at 0.25 are kept
	// at 0.5), while every held-out text is still scored. The learning
	// curve: would more labelled texts like them help?
	Fraction float64
	// Vectors, by language, are word vectors (BuildVectors): where a
	// language has them, the model reads its lead's average vector too,
	// its weights penalised SemScale times the words' (1 when 0).
	Vectors  map[string]*Vectors
	SemScale float64
	// Pool adds the second stage of sentence pooling (pool.go) where a
	// language has vectors, its weights penalised PoolLambda; the choice
	// is then made on the second stage's out-of-fold F1.
	Pool       bool
	PoolLambda float64
	// NB, in (0, 1], weighs each word and phrase by its naive-Bayes
	// log-count ratio r in the fold's training texts (NBSVM, Wang and
	// Manning 2012): its penalty is divided by (1-NB) + NB r^2, the same
	// as scaling the feature by r at NB 1. 0: off.
	NB float64
	// PoolLangs and NBLangs are the languages Pool and NB apply to (nil:
	// every language); each language's model is its own.
	PoolLangs, NBLangs []string
	// LongLead, when one of Leads, adds a second model over that lead,
	// read where the first (chosen among the other leads) is unsure:
	// its log-odds within LongMargin of 0 (LangModel.Long). LongLangs
	// are the languages it applies to (nil: every language).
	LongLead   int
	LongMargin float64
	LongLangs  []string
	// MLP, when set, adds a network over the lead's vectors to the
	// linear model in the folds (mlp.go; an experiment: the written
	// model stays linear).
	MLP *MLPConfig
}

// DefaultTrainConfig is what the built-in model was trained with. Leads
// stop at 150 words: with the word vectors a Turkish lead of 300 scored
// .865 out of fold against .861 at 150, within the folds' noise, and
// reading twice the words costs the classifier what the bar of 10% of a
// page's time does not leave.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{
		MinDocs: 3, MaxShare: 0.3,
		Lambdas: []float64{2, 4, 8, 16, 32}, Leads: []int{60, 150}, PosWeights: []float64{1, 2},
		Tie: 0.005, MinPrecision: 0.88, MaxF1Loss: 0.02, Iterations: 600,
		// Turkish reads its sentences and weighs words by their naive-Bayes
		// ratios: out of fold .872 against .861; Russian lost with them
		// (.807 against .814) and keeps the plain model.
		Pool: true, PoolLangs: []string{"tr"}, PoolLambda: 1,
		NB: 1, NBLangs: []string{"tr"},
		// Russian reads its 150-word lead too where the 60-word one is
		// unsure: out of fold .856 against .847 (the two leads err on
		// different texts), reading the long lead for about a third of
		// the labelled texts. Turkish's two leads together lose.
		LongLead: 150, LongMargin: 1.5, LongLangs: []string{"ru"},
	}
}

// LangReport is what training chose for one language, by cross-validation.
type LangReport struct {
	Lead      int
	Lambda    float64
	PosWeight float64
	Threshold float64
	// CV is the pooled out-of-fold verdicts at Threshold; BestF1 the
	// best out-of-fold F1 at any threshold, which chose the model.
	CV     Counts
	BestF1 float64
	// Stage1F1 is the first stage's best out-of-fold F1 when the model
	// pools sentences (BestF1 is then the second stage's).
	Stage1F1 float64
	// NB is the naive-Bayes scaling the language was trained with.
	NB float64
	// With a long model (TrainConfig.LongLead), its lead, penalty,
	// weight and best out-of-fold F1, and the short model's alone
	// (BestF1 and CV are then the two's together).
	LongLead                  int
	LongLambda, LongPosWeight float64
	LongF1, ShortF1           float64
	Folds                     int
	Features                  int
	// OOF is each example's out-of-fold score at the chosen setting, by
	// ID: what error analysis reads (never the test split's).
	OOF map[string]float64
}

// Train fits a model per language on the examples. It chooses the lead,
// the penalty and the positive weight by cross-validation over the
// examples' groups (each group held out in turn, its texts scored by a
// model fitted on the others), and the threshold on those pooled
// out-of-fold scores; then it fits the chosen model on every example. A
// group is a source and a stretch of time, so the held-out scores are
// what a model reads on days, or an outlet, it was not trained on. The
// profile finds the countries and organisations the shape features count.
func Train(p *Profile, examples []Labelled, cfg TrainConfig, log io.Writer) (*Model, map[string]LangReport, error) {
	m := &Model{Topic: "diplomacy", Langs: make(map[string]*LangModel)}
	reports := make(map[string]LangReport)
	langs := map[string]bool{}
	for _, e := range examples {
		langs[e.Lang] = true
	}
	for lang := range langs {
		cfg := cfg.forLang(lang)
		lx := compileCues(lang)
		var groups []string
		seen := map[string]bool{}
		for _, e := range examples {
			if e.Lang == lang && !seen[e.Group] {
				seen[e.Group] = true
				groups = append(groups, e.Group)
			}
		}
		if len(groups) < 2 {
			return nil, nil, fmt.Errorf("relevance: train: %s has %d cross-validation group(s), need 2 or more", lang, len(groups))
		}
		type cand struct {
			r    LangReport
			docs []doc
			ys   []bool
			oof  []float64
			ids  []string
			sem  denseScale
			rows []stackRow
		}
		var cands []cand
		for _, lead := range cfg.Leads {
			pool := cfg.Pool && cfg.Vectors[lang] != nil
			docs, ys, gs, ids := docsOf(p, lang, lx, examples, lead, cfg.Vectors[lang], pool, cfg.MLP != nil)
			center := standardize(docs)
			if cfg.MLP != nil {
				standardizeField(docs, func(d *doc) []float64 { return d.head })
				standardizeField(docs, func(d *doc) []float64 { return d.maxp })
				if err := mlpInput(docs, cfg.MLP.Inputs); err != nil {
					return nil, nil, err
				}
			}
			thinned := thinOut(examples, lang, cfg.Fraction)
			// One feature space and one held-out set per fold, shared by
			// every penalty and weight.
			folds := make([]cvFold, len(groups))
			for k, g := range groups {
				f := &folds[k]
				for i, d := range docs {
					if gs[i] == g {
						f.teD, f.teIdx = append(f.teD, d), append(f.teIdx, i)
					} else if !thinned[i] {
						f.trD, f.trY, f.trG = append(f.trD, d), append(f.trY, ys[i]), append(f.trG, gs[i])
					}
				}
				f.fs = newFeatureSpace(f.trD, cfg.MinDocs, cfg.MaxShare)
			}
			// Each penalty and weight on its own goroutine, as many at a
			// time as there are processors; reported in the grid's order.
			type job struct{ pw, lambda float64 }
			var jobs []job
			for _, pw := range cfg.PosWeights {
				for _, lambda := range cfg.Lambdas {
					jobs = append(jobs, job{pw, lambda})
				}
			}
			res := make([]cand, len(jobs))
			sem := make(chan struct{}, runtime.GOMAXPROCS(0))
			var wg sync.WaitGroup
			for k, jb := range jobs {
				wg.Add(1)
				sem <- struct{}{}
				go func() {
					defer func() { <-sem; wg.Done() }()
					oof := make([]float64, len(docs))
					var rows []stackRow
					if pool {
						rows = make([]stackRow, len(docs))
					}
					for _, f := range folds {
						if cfg.MLP != nil {
							f.scoreMLP(oof, jb.lambda, jb.pw, cfg)
							continue
						}
						w, b := fit(f.fs, f.trD, f.trY, jb.lambda, jb.pw, cfg.ShapeScale, cfg.SemScale, cfg.Iterations, cfg.Norm, cfg.NB)
						for j, d := range f.teD {
							z := logit(f.fs, w, b, d, cfg.Norm)
							oof[f.teIdx[j]] = 1 / (1 + math.Exp(-z))
							if pool {
								rows[f.teIdx[j]] = stackRow{z, poolOf(d, w[len(f.fs.names):])}
							}
						}
					}
					_, f1 := BestThreshold(oof, ys)
					stage1 := 0.0
					if pool {
						stage1 = f1
						oof = stackOOF(rows, ys, gs, cfg.PoolLambda, jb.pw)
						_, f1 = BestThreshold(oof, ys)
					}
					th, c := ThresholdAtPrecision(oof, ys, cfg.MinPrecision, cfg.MaxF1Loss)
					res[k] = cand{LangReport{Lead: lead, Lambda: jb.lambda, PosWeight: jb.pw, Threshold: th, CV: c, BestF1: f1, Stage1F1: stage1, Folds: len(groups)}, docs, ys, oof, ids, center, rows}
				}()
			}
			wg.Wait()
			for _, c := range res {
				r := c.r
				stage1 := ""
				if r.Stage1F1 > 0 {
					stage1 = fmt.Sprintf(" (first stage %.3f)", r.Stage1F1)
				}
				fmt.Fprintf(log, "%s: lead %3d lambda %-3g pos %g  CV best F1 %.3f%s; threshold %.3f %v\n", lang, r.Lead, r.Lambda, r.PosWeight, r.BestF1, stage1, r.Threshold, r.CV)
				cands = append(cands, c)
			}
		}
		// The best F1, or within Tie of it the largest penalty, then the
		// smallest weight, then the shortest lead; with a long model, the
		// short one among the other leads and the long one at its lead.
		longLead := cfg.LongLead
		if !slices.Contains(cfg.Leads, longLead) {
			longLead = 0
		}
		pickAmong := func(ok func(lead int) bool) *cand {
			top := -1.0
			for _, c := range cands {
				if ok(c.r.Lead) {
					top = math.Max(top, c.r.BestF1)
				}
			}
			var pick *cand
			for i := range cands {
				c := &cands[i]
				if !ok(c.r.Lead) || c.r.BestF1 < top-cfg.Tie {
					continue
				}
				if pick == nil || c.r.Lambda > pick.r.Lambda ||
					(c.r.Lambda == pick.r.Lambda && (c.r.PosWeight < pick.r.PosWeight || (c.r.PosWeight == pick.r.PosWeight && c.r.Lead < pick.r.Lead))) {
					pick = c
				}
			}
			return pick
		}
		pick := pickAmong(func(lead int) bool { return lead != longLead })
		var long *cand
		if longLead > 0 {
			long = pickAmong(func(lead int) bool { return lead == longLead })
			if pick == nil || pick.rows != nil || long.rows != nil {
				return nil, nil, fmt.Errorf("relevance: train: %s: a long model needs another lead beside it and no pooled sentences", lang)
			}
			// The cascade's out-of-fold scores: the long model's mean
			// with the short one's log-odds where they are unsure.
			oof := make([]float64, len(pick.oof))
			for i, p := range pick.oof {
				z := logOdds(p)
				if math.Abs(z) < cfg.LongMargin {
					z = (z + logOdds(long.oof[i])) / 2
				}
				oof[i] = 1 / (1 + math.Exp(-z))
			}
			r := pick.r
			_, r.BestF1 = BestThreshold(oof, pick.ys)
			r.Threshold, r.CV = ThresholdAtPrecision(oof, pick.ys, cfg.MinPrecision, cfg.MaxF1Loss)
			r.ShortF1, r.LongLead, r.LongLambda, r.LongPosWeight, r.LongF1 = pick.r.BestF1, long.r.Lead, long.r.Lambda, long.r.PosWeight, long.r.BestF1
			fmt.Fprintf(log, "%s: lead %d (F1 %.3f) with lead %d (lambda %g, pos %g, F1 %.3f) where unsure by %g: CV best F1 %.3f; threshold %.3f %v\n", lang, pick.r.Lead, pick.r.BestF1, long.r.Lead, long.r.Lambda, long.r.PosWeight, long.r.BestF1, cfg.LongMargin, r.BestF1, r.Threshold, r.CV)
			pick = &cand{r, pick.docs, pick.ys, oof, pick.ids, pick.sem, nil}
		}
		best, bestDocs, bestY := pick.r, pick.docs, pick.ys
		fs := newFeatureSpace(bestDocs, cfg.MinDocs, cfg.MaxShare)
		w, b := fit(fs, bestDocs, bestY, best.Lambda, best.PosWeight, cfg.ShapeScale, cfg.SemScale, cfg.Iterations, cfg.Norm, cfg.NB)
		// The second stage, fitted on the first stage's out-of-fold rows,
		// folds its weight of the first stage's logit into the first
		// stage's weights (and so into the stems' Sem numbers, from which
		// the sentences' scores come: the pooled features' weights are
		// divided by it).
		var st stack
		if pick.rows != nil {
			st = fitStack(pick.rows, bestY, cfg.PoolLambda, best.PosWeight)
			if st.a <= 0 {
				return nil, nil, fmt.Errorf("relevance: train: %s: the second stage weighs the first stage's score %.3f, not above 0", lang, st.a)
			}
			for i := range w {
				w[i] *= st.a
			}
			b = st.a*b + st.bias
		}
		lm := newLangModel(fs, w, b, best.Lead, cfg.Norm, round4(best.Threshold), cfg.Vectors[lang], pick.sem)
		if pick.rows != nil {
			lm.Pool = make(map[string]float64, numPool)
			for j, k := range poolKeys {
				lm.Pool[k] = round4(st.w[j] / st.a)
			}
		}
		if long != nil {
			lfs := newFeatureSpace(long.docs, cfg.MinDocs, cfg.MaxShare)
			lw, lb := fit(lfs, long.docs, long.ys, long.r.Lambda, long.r.PosWeight, cfg.ShapeScale, cfg.SemScale, cfg.Iterations, cfg.Norm, cfg.NB)
			lm.Long, lm.LongMargin = newLangModel(lfs, lw, lb, long.r.Lead, cfg.Norm, lm.Threshold, cfg.Vectors[lang], long.sem), cfg.LongMargin
		}
		best.Features = len(lm.Weights)
		best.NB = cfg.NB
		best.OOF = make(map[string]float64, len(pick.ids))
		for i, id := range pick.ids {
			best.OOF[id] = pick.oof[i]
		}
		m.Langs[lang] = lm
		reports[lang] = best
	}
	m.compile()
	return m, reports, nil
}

// cvFold is one cross-validation fold: its training texts (with their
// labels and groups) and feature space, and its held-out texts with their
// places among the language's.
type cvFold struct {
	fs       *featureSpace
	trD, teD []doc
	trY      []bool
	trG      []string
	teIdx    []int
}

// forLang is the configuration of one language: Pool and NB where
// PoolLangs and NBLangs let them apply.
func (cfg TrainConfig) forLang(lang string) TrainConfig {
	if cfg.PoolLangs != nil && !slices.Contains(cfg.PoolLangs, lang) {
		cfg.Pool = false
	}
	if cfg.NBLangs != nil && !slices.Contains(cfg.NBLangs, lang) {
		cfg.NB = 0
	}
	if cfg.LongLangs != nil && !slices.Contains(cfg.LongLangs, lang) {
		cfg.LongLead = 0
	}
	return cfg
}

// thinOut says, for each example of lang in order, whether
// TrainConfig.Fraction leaves it out of the folds' training texts.
func thinOut(es []Labelled, lang string, fraction float64) []bool {
	var out []bool
	for _, e := range es {
		if e.Lang != lang {
			continue
		}
		drop := false
		if e.Thin && fraction > 0 && fraction < 1 {
			h := fnv.New64a()
			h.Write([]byte(e.ID))
			drop = float64(h.Sum64()>>11)/(1<<53) >= fraction
		}
		out = append(out, drop)
	}
	return out
}

// newLangModel is the model of fitted weights w and bias b over the
// features fs, its weights rounded, the surface forms of its words and
// phrases kept for its explanations, and the stems' meaning numbers set
// from the dense weights that follow the named ones.
func newLangModel(fs *featureSpace, w []float64, b float64, lead int, norm bool, threshold float64, vecs *Vectors, sem denseScale) *LangModel {
	lm := &LangModel{Bias: round4(b), Lead: lead, Norm: norm, Threshold: threshold, Weights: map[string]float64{}, Names: map[string]string{}}
	for i, f := range fs.names {
		lm.Weights[f] = round4(w[i])
		if strings.HasPrefix(f, prefixWord) || strings.HasPrefix(f, prefixPhrase) || strings.HasPrefix(f, prefixTitle) {
			lm.Names[f] = fs.surface[f]
		}
	}
	lm.setSem(vecs, sem, w[len(fs.names):])
	return lm
}

// logOdds is the log-odds of a probability, kept finite.
func logOdds(p float64) float64 {
	p = math.Min(math.Max(p, 1e-9), 1-1e-9)
	return math.Log(p / (1 - p))
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func docsOf(p *Profile, lang string, lx lexicon, es []Labelled, lead int, vecs *Vectors, pool, mlp bool) (docs []doc, ys []bool, gs, ids []string) {
	for _, e := range es {
		if e.Lang != lang {
			continue
		}
		memo := make(map[string]string)
		res, toks, lex := p.entities(lang, e.Title, e.Paragraphs, lead, memo, nil)
		d := extract(lang, toks, lx, len(res.Countries), len(res.Organizations), lex, memo)
		if vecs != nil {
			d.dense = leadVector(lang, toks, vecs, memo)
			if pool {
				d.sents, d.sentHead, d.sentFirst = sentenceVectors(lang, toks, vecs, memo)
			}
			if mlp {
				d.head, d.maxp = docVectors(lang, toks, vecs, memo)
			}
		}
		docs = append(docs, d)
		ys = append(ys, e.Diplomatic)
		gs = append(gs, e.Group)
		ids = append(ids, e.ID)
	}
	return docs, ys, gs, ids
}

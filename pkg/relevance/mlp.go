package relevance

import (
	"math"
	"math/rand/v2"
)

// An experiment (issue #11): a small nonlinear layer over the lead's
// meaning beside the linear model. The linear model folds the word
// vectors into one number per stem, so it can only say "the average word
// of this lead leans diplomatic"; a hidden layer over the lead's mean
// vector, the headline's and the per-dimension maximum over the lead's
// sentences could say "a sentence about talks in a lead about markets".
// Training only: Train reads the out-of-fold F1 with it (TrainConfig.MLP);
// the scorer does not run it.

// MLPConfig sets the network.
type MLPConfig struct {
	// Hidden is the number of hidden units (tanh or ReLU, Act).
	Hidden int
	Act    string
	// Lambda is the L2 penalty of the network's weights (0: the linear
	// model's).
	Lambda float64
	// Inputs are the network's inputs, comma-separated: "lead" (the
	// lead's mean vector), "head" (the headline's), "max" (per dimension,
	// the maximum over the lead's sentences' mean vectors).
	Inputs string
	// LR is the network's Adam step (0.01 when 0); Seed its random start.
	LR   float64
	Seed uint64
	// Stack fits the network on held-out logits of the linear model,
	// which it reads as one more input, and takes its output as the
	// score (otherwise the two are fitted together and the network's
	// output is added to the linear logit).
	Stack bool
	// EarlyStop chooses the number of iterations of the joint fit on a
	// fifth of the fold's training texts held out (stopAt).
	EarlyStop bool
}

// mlpNet is one hidden layer: out = sum_h V_h act(U_h . x + C_h).
type mlpNet struct {
	in, hidden int
	relu       bool
	U, C, V    []float64
}

func newMLP(in int, cfg MLPConfig) *mlpNet {
	n := &mlpNet{in: in, hidden: cfg.Hidden, relu: cfg.Act == "relu",
		U: make([]float64, cfg.Hidden*in), C: make([]float64, cfg.Hidden), V: make([]float64, cfg.Hidden)}
	r := rand.New(rand.NewPCG(cfg.Seed, 0x6d6c70))
	s := 1 / math.Sqrt(float64(in))
	for i := range n.U {
		n.U[i] = r.NormFloat64() * s
	}
	// V starts at zero: the joint model starts as the linear one.
	return n
}

// forward returns the network's output, with the hidden activations in h.
func (n *mlpNet) forward(x, h []float64) float64 {
	out := 0.0
	for k := 0; k < n.hidden; k++ {
		a := n.C[k]
		row := n.U[k*n.in : (k+1)*n.in]
		for j, v := range x {
			a += row[j] * v
		}
		if n.relu {
			a = max(a, 0)
		} else {
			a = math.Tanh(a)
		}
		h[k] = a
		out += n.V[k] * a
	}
	return out
}

// fitJoint fits the linear model and the network together: the logit is
// the linear model's plus the network's correction.
// check, if not nil, is called every checkEvery iterations with the
// parameters so far.
func fitJoint(fs *featureSpace, docs []doc, ys []bool, lambda, pos, shapeScale, semScale float64, iters int, norm bool, mc MLPConfig, check func(t int, w []float64, b float64, net *mlpNet)) ([]float64, float64, *mlpNet) {
	xs, vs := activeSets(fs, docs, norm)
	pen := penalties(fs, docs, lambda, shapeScale, semScale)
	n := len(pen)
	dense0 := len(fs.names)
	net := newMLP(len(docs[0].net), mc)
	netLambda := mc.Lambda
	if netLambda == 0 {
		netLambda = lambda
	}
	netLR := mc.LR
	if netLR == 0 {
		netLR = 0.01
	}
	// One parameter vector for Adam: the linear weights, the bias, then
	// the network's U, C and V.
	nu, nc := len(net.U), len(net.C)
	total := n + 1 + nu + 2*nc
	w := make([]float64, total)
	for i, u := range net.U {
		w[n+1+i] = u
	}
	mom, vel, g := make([]float64, total), make([]float64, total), make([]float64, total)
	h := make([]float64, net.hidden)
	const lr = 0.05
	for t := 1; t <= iters; t++ {
		clear(g)
		net.U, net.C, net.V = w[n+1:n+1+nu], w[n+1+nu:n+1+nu+nc], w[n+1+nu+nc:]
		gU, gC, gV := g[n+1:n+1+nu], g[n+1+nu:n+1+nu+nc], g[n+1+nu+nc:]
		for i, x := range xs {
			dense := docs[i].dense
			z := linearZ(w, n, dense0, x, vs[i], dense) + net.forward(docs[i].net, h)
			r := residual(z, ys[i], pos)
			addLinearGrad(g, r, n, dense0, x, vs[i], dense)
			for k, a := range h {
				gV[k] += r * a
				var da float64
				if net.relu {
					if a > 0 {
						da = r * net.V[k]
					}
				} else {
					da = r * net.V[k] * (1 - a*a)
				}
				if da == 0 {
					continue
				}
				gC[k] += da
				row := gU[k*net.in : (k+1)*net.in]
				for j, v := range docs[i].net {
					row[j] += da * v
				}
			}
		}
		for j := 0; j < n; j++ {
			g[j] += pen[j] * w[j]
		}
		for j := range gU {
			gU[j] += netLambda * net.U[j]
		}
		for j := range gV {
			gV[j] += netLambda * net.V[j]
		}
		adamStep(t, lr, w[:n+1], g[:n+1], mom[:n+1], vel[:n+1])
		adamStep(t, netLR, w[n+1:], g[n+1:], mom[n+1:], vel[n+1:])
		if check != nil && t%checkEvery == 0 {
			check(t, w[:n], w[n], net)
		}
	}
	net.U, net.C, net.V = w[n+1:n+1+nu], w[n+1+nu:n+1+nu+nc], w[n+1+nu+nc:]
	return w[:n], w[n], net
}

// checkEvery is how often early stopping reads the held-out loss.
const checkEvery = 25

// stopAt is how many iterations early stopping chooses: the joint model
// fitted on four in five of the training texts, the iteration count with
// the least log-loss on the fifth.
func stopAt(f *cvFold, lambda, pw float64, cfg TrainConfig) int {
	var inD, outD []doc
	var inY, outY []bool
	for i, d := range f.trD {
		if i%5 == 4 {
			outD, outY = append(outD, d), append(outY, f.trY[i])
		} else {
			inD, inY = append(inD, d), append(inY, f.trY[i])
		}
	}
	fs := newFeatureSpace(inD, cfg.MinDocs, cfg.MaxShare)
	best, bestLoss := cfg.Iterations, math.Inf(1)
	fitJoint(fs, inD, inY, lambda, pw, cfg.ShapeScale, cfg.SemScale, cfg.Iterations, cfg.Norm, *cfg.MLP, func(t int, w []float64, b float64, net *mlpNet) {
		loss := 0.0
		for i, d := range outD {
			p := predictJoint(fs, w, b, net, d, cfg.Norm)
			if !outY[i] {
				p = 1 - p
			}
			loss -= math.Log(max(p, 1e-12))
		}
		if loss < bestLoss {
			best, bestLoss = t, loss
		}
	})
	return best
}

// predictJoint is predict with the network's correction.
func predictJoint(fs *featureSpace, w []float64, b float64, net *mlpNet, d doc, norm bool) float64 {
	z := logit(fs, w, b, d, norm) + net.forward(d.net, make([]float64, net.hidden))
	return 1 / (1 + math.Exp(-z))
}

// mlpStackNet is the stacked variant: the network reads the linear model's
// logit beside the vectors, and its output is the score:
// z = A L + B + sum_h V_h act(U_h . [x, L/4] + C_h).
type mlpStackNet struct {
	A, B float64
	net  *mlpNet
}

func (s *mlpStackNet) forward(x []float64, l float64, h []float64) float64 {
	in := append(x[:len(x):len(x)], l/4)
	return s.A*l + s.B + s.net.forward(in, h)
}

// fitMLPStack fits the stacked network on held-out linear logits ls (each
// training text's logit from a linear model that did not see it).
func fitMLPStack(docs []doc, ls []float64, ys []bool, pos float64, iters int, mc MLPConfig) *mlpStackNet {
	in := len(docs[0].net) + 1
	net := newMLP(in, mc)
	lambda := mc.Lambda
	lr := mc.LR
	if lr == 0 {
		lr = 0.01
	}
	nu, nc := len(net.U), len(net.C)
	total := 2 + nu + 2*nc
	w := make([]float64, total)
	w[0] = 1 // A: start from the linear model
	copy(w[2:], net.U)
	mom, vel, g := make([]float64, total), make([]float64, total), make([]float64, total)
	h := make([]float64, net.hidden)
	xs := make([][]float64, len(docs))
	for i, d := range docs {
		xs[i] = append(append([]float64(nil), d.net...), ls[i]/4)
	}
	for t := 1; t <= iters; t++ {
		clear(g)
		net.U, net.C, net.V = w[2:2+nu], w[2+nu:2+nu+nc], w[2+nu+nc:]
		gU, gC, gV := g[2:2+nu], g[2+nu:2+nu+nc], g[2+nu+nc:]
		for i, x := range xs {
			z := w[0]*ls[i] + w[1] + net.forward(x, h)
			r := 1 / (1 + math.Exp(-z))
			if ys[i] {
				r = (r - 1) * pos
			}
			g[0] += r * ls[i]
			g[1] += r
			for k, a := range h {
				gV[k] += r * a
				var da float64
				if net.relu {
					if a > 0 {
						da = r * net.V[k]
					}
				} else {
					da = r * net.V[k] * (1 - a*a)
				}
				if da == 0 {
					continue
				}
				gC[k] += da
				row := gU[k*net.in : (k+1)*net.in]
				for j, v := range x {
					row[j] += da * v
				}
			}
		}
		for j := range gU {
			gU[j] += lambda * net.U[j]
		}
		for j := range gV {
			gV[j] += lambda * net.V[j]
		}
		adamStep(t, lr, w, g, mom, vel)
	}
	net.U, net.C, net.V = w[2:2+nu], w[2+nu:2+nu+nc], w[2+nu+nc:]
	return &mlpStackNet{A: w[0], B: w[1], net: net}
}

// scoreMLP writes the fold's held-out scores into oof, from the linear
// model and the network (cfg.MLP) fitted on its training texts with
// penalty lambda and positive weight pw.
func (f *cvFold) scoreMLP(oof []float64, lambda, pw float64, cfg TrainConfig) {
	mc := *cfg.MLP
	if mc.Lambda == 0 {
		mc.Lambda = lambda
	}
	if !mc.Stack {
		iters := cfg.Iterations
		if mc.EarlyStop {
			iters = stopAt(f, lambda, pw, cfg)
		}
		w, b, net := fitJoint(f.fs, f.trD, f.trY, lambda, pw, cfg.ShapeScale, cfg.SemScale, iters, cfg.Norm, mc, nil)
		for j, d := range f.teD {
			oof[f.teIdx[j]] = predictJoint(f.fs, w, b, net, d, cfg.Norm)
		}
		return
	}
	// The network learns from held-out logits: each of the fold's
	// training groups scored by a linear model fitted on its others.
	ls := make([]float64, len(f.trD))
	seen := map[string]bool{}
	for _, g := range f.trG {
		if seen[g] {
			continue
		}
		seen[g] = true
		var inD, outD []doc
		var inY []bool
		var outIdx []int
		for i, d := range f.trD {
			if f.trG[i] == g {
				outD, outIdx = append(outD, d), append(outIdx, i)
			} else {
				inD, inY = append(inD, d), append(inY, f.trY[i])
			}
		}
		ifs := newFeatureSpace(inD, cfg.MinDocs, cfg.MaxShare)
		w, b := fit(ifs, inD, inY, lambda, pw, cfg.ShapeScale, cfg.SemScale, cfg.Iterations, cfg.Norm, cfg.NB)
		for j, d := range outD {
			ls[outIdx[j]] = logit(ifs, w, b, d, cfg.Norm)
		}
	}
	w, b := fit(f.fs, f.trD, f.trY, lambda, pw, cfg.ShapeScale, cfg.SemScale, cfg.Iterations, cfg.Norm, cfg.NB)
	sn := fitMLPStack(f.trD, ls, f.trY, pw, cfg.Iterations, mc)
	h := make([]float64, mc.Hidden)
	for j, d := range f.teD {
		z := sn.forward(d.net, logit(f.fs, w, b, d, cfg.Norm), h)
		oof[f.teIdx[j]] = 1 / (1 + math.Exp(-z))
	}
}

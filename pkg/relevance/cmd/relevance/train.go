package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/wiredesk/wiredesk/pkg/relevance"
	"github.com/wiredesk/wiredesk/pkg/relevance/corpus"
)

// runTrain fits the model on the train and dev splits, choosing the
// lead, the penalty, the positive weight and the threshold per language by
// cross-validation over groups of source and time, and writes the model (by default over the built-in one, which go:embed then
// carries into the binaries).
func runTrain(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	data := fs.String("data", "data/relevance", "the labelled set's directory")
	out := fs.String("out", "pkg/relevance/model.json", "where to write the model")
	minP := fs.Float64("min-precision", relevance.DefaultTrainConfig().MinPrecision, "the out-of-fold precision the threshold should keep")
	maxLoss := fs.Float64("max-f1-loss", relevance.DefaultTrainConfig().MaxF1Loss, "the most out-of-fold F1 the precision may cost (negative: any)")
	shapeScale := fs.Float64("shape-scale", relevance.DefaultTrainConfig().ShapeScale, "scale of the cues' and shapes' penalty against the words' (0: the same)")
	norm := fs.Bool("norm", relevance.DefaultTrainConfig().Norm, "scale each text's features to unit length")
	lambdas := fs.String("lambdas", "", "comma-separated L2 penalties to try (default: the built-in list)")
	leads := fs.String("leads", "", "comma-separated leads (body words) to try (default: the built-in list)")
	vecDir := fs.String("vectors", "", "read word vectors (vectors-LANG.gob, written by 'relevance vectors') from this directory (default: DATA/cache; none: train without)")
	semScale := fs.Float64("sem-scale", 0, "scale of the word vectors' penalty against the words' (0: the same)")
	pool := fs.Bool("pool", relevance.DefaultTrainConfig().Pool, "add the second stage that pools the lead's sentences' meaning (the most diplomatic sentence, the headline's, the first's)")
	poolLambda := fs.Float64("pool-lambda", relevance.DefaultTrainConfig().PoolLambda, "the second stage's L2 penalty")
	nb := fs.Float64("nb", relevance.DefaultTrainConfig().NB, "NBSVM: divide each word's and phrase's penalty by (1-NB) + NB r^2, r its naive-Bayes log-count ratio (0: off)")
	langOnly := fs.String("lang", "", "train only this language (experiments; the model written has only it)")
	pos := fs.String("pos-weights", "", "comma-separated weights of a diplomatic text to try (default: the built-in list)")
	mlpHidden := fs.Int("mlp-hidden", 0, "experiment: hidden units of a network over the lead's vectors beside the linear model, out of fold only (0: none)")
	mlpLambda := fs.Float64("mlp-lambda", 0, "experiment: the network's L2 penalty (0: the linear model's)")
	mlpInputs := fs.String("mlp-inputs", "lead,head,max", "experiment: the network's inputs (lead, head, max)")
	mlpAct := fs.String("mlp-act", "tanh", "experiment: the network's activation (tanh, relu)")
	mlpStack := fs.Bool("mlp-stack", false, "experiment: fit the network on held-out linear logits, as one more input, and take its output")
	mlpEarly := fs.Bool("mlp-early-stop", false, "experiment: choose the joint fit's iterations on a fifth of each fold's training texts")
	mlpLR := fs.Float64("mlp-lr", 0, "experiment: the network's Adam step (0: 0.01)")
	poolLangs := fs.String("pool-langs", strings.Join(relevance.DefaultTrainConfig().PoolLangs, ","), "comma-separated languages -pool applies to (empty: every language)")
	nbLangs := fs.String("nb-langs", strings.Join(relevance.DefaultTrainConfig().NBLangs, ","), "comma-separated languages -nb applies to (empty: every language)")
	longLead := fs.Int("long-lead", relevance.DefaultTrainConfig().LongLead, "a second model over this lead (one of -leads), read where the first is unsure (0: none)")
	longMargin := fs.Float64("long-margin", relevance.DefaultTrainConfig().LongMargin, "the first model is unsure where its log-odds are within this of 0")
	longLangs := fs.String("long-langs", strings.Join(relevance.DefaultTrainConfig().LongLangs, ","), "comma-separated languages -long-lead applies to (empty: every language)")
	oofPath := fs.String("oof", "", "write each train and dev text's out-of-fold score at the chosen setting here (JSON lines), for error analysis")
	if err := fs.Parse(args); err != nil {
		return err
	}
	items, err := loadItems(*data)
	if err != nil {
		return err
	}
	p, err := relevance.Default()
	if err != nil {
		return err
	}
	cfg := relevance.DefaultTrainConfig()
	cfg.MinPrecision, cfg.MaxF1Loss, cfg.Norm, cfg.ShapeScale, cfg.SemScale = *minP, *maxLoss, *norm, *shapeScale, *semScale
	cfg.Pool, cfg.PoolLambda, cfg.NB = *pool, *poolLambda, *nb
	cfg.PoolLangs, cfg.NBLangs = langList(*poolLangs), langList(*nbLangs)
	cfg.LongLead, cfg.LongMargin, cfg.LongLangs = *longLead, *longMargin, langList(*longLangs)
	strict := *vecDir == ""
	if strict {
		*vecDir = filepath.Join(*data, "cache")
	}
	if *vecDir != "none" {
		if cfg.Vectors, err = readVectors(*vecDir, strict); err != nil {
			return err
		}
	}
	if *lambdas != "" {
		if cfg.Lambdas, err = floats(*lambdas); err != nil {
			return fmt.Errorf("train: -lambdas: %w", err)
		}
	}
	if *leads != "" {
		if cfg.Leads, err = ints(*leads); err != nil {
			return fmt.Errorf("train: -leads: %w", err)
		}
	}
	if *pos != "" {
		if cfg.PosWeights, err = floats(*pos); err != nil {
			return fmt.Errorf("train: -pos-weights: %w", err)
		}
	}
	if *mlpHidden > 0 {
		cfg.MLP = &relevance.MLPConfig{Hidden: *mlpHidden, Act: *mlpAct, Lambda: *mlpLambda, Inputs: *mlpInputs, LR: *mlpLR, Stack: *mlpStack, EarlyStop: *mlpEarly, Seed: 20261204}
	}
	exs := examples(items, "train", "dev")
	if *langOnly != "" {
		exs = slices.DeleteFunc(exs, func(e relevance.Labelled) bool { return e.Lang != *langOnly })
	}
	m, reports, err := relevance.Train(p, exs, cfg, stdout)
	if err != nil {
		return err
	}
	var about []string
	for _, l := range slices.Sorted(maps.Keys(reports)) {
		r := reports[l]
		fmt.Fprintf(stdout, "%s: chose lead %d, lambda %g, positive weight %g (CV best F1 %.3f), threshold %.4f (out-of-fold %v over %d folds); %d weights\n", l, r.Lead, r.Lambda, r.PosWeight, r.BestF1, r.Threshold, r.CV, r.Folds, r.Features)
		extra := ""
		if r.NB > 0 {
			extra += fmt.Sprintf(", words' penalties scaled by naive-Bayes ratios (NB %g)", r.NB)
		}
		if r.Stage1F1 > 0 {
			extra += fmt.Sprintf(", a second stage over the sentences' meaning (first stage's best out-of-fold F1 %.3f)", r.Stage1F1)
		}
		if r.LongLead > 0 {
			extra += fmt.Sprintf(", and where its log-odds are within %g of 0 their mean with a model over a lead of %d words (lambda %g, positive weight %g; out of fold, best F1 %.3f alone, %.3f the short model alone, %.3f the two)", *longMargin, r.LongLead, r.LongLambda, r.LongPosWeight, r.LongF1, r.ShortF1, r.BestF1)
		}
		about = append(about, fmt.Sprintf("%s: lead %d words, lambda %g, positive weight %g%s, threshold %.4f chosen by %d-fold CV (out-of-fold P %.3f R %.3f F1 %.3f)", l, r.Lead, r.Lambda, r.PosWeight, extra, r.Threshold, r.Folds, r.CV.Precision(), r.CV.Recall(), r.CV.F1()))
	}
	if *oofPath != "" {
		if err := writeOOF(*oofPath, items, reports); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote out-of-fold scores to %s\n", *oofPath)
	}
	m.About = fmt.Sprintf("Logistic regression over the lead's stems, phrases, cues and shapes; trained by 'relevance train' on %s (train and dev splits, cross-validated by source and time, min docs %d, %d iterations); %s.",
		*data, cfg.MinDocs, cfg.Iterations, strings.Join(about, "; "))
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := m.Write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return nil
}

// langList parses a comma-separated list of languages; empty is nil
// (every language).
func langList(list string) []string {
	var out []string
	for _, l := range strings.Split(list, ",") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// floats parses a comma-separated list of numbers.
func floats(list string) ([]float64, error) {
	var out []float64
	for _, f := range strings.Split(list, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// ints parses a comma-separated list of whole numbers ("60,150"; "60.0"
// reads as 60).
func ints(list string) ([]int, error) {
	fs, err := floats(list)
	if err != nil {
		return nil, err
	}
	out := make([]int, len(fs))
	for i, f := range fs {
		out[i] = int(f)
	}
	return out, nil
}

// oofLine is one text's out-of-fold verdict, as -oof writes it.
type oofLine struct {
	ID         string  `json:"id"`
	Lang       string  `json:"lang"`
	Source     string  `json:"source"`
	Split      string  `json:"split"`
	Diplomatic bool    `json:"diplomatic"`
	Score      float64 `json:"score"`
	Threshold  float64 `json:"threshold"`
	Note       string  `json:"note,omitempty"`
	Title      string  `json:"title"`
	Lead       string  `json:"lead"`
}

// writeOOF writes the out-of-fold score of every text training saw.
func writeOOF(path string, items []corpus.Item, reports map[string]relevance.LangReport) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("train: -oof: %w", err)
	}
	enc := json.NewEncoder(f)
	for _, it := range items {
		r := reports[it.Lang]
		score, ok := r.OOF[it.ID]
		if !ok {
			continue
		}
		lead := []rune(it.Body)
		if len(lead) > 300 {
			lead = lead[:300]
		}
		l := oofLine{ID: it.ID, Lang: it.Lang, Source: it.Source, Split: it.Split, Diplomatic: it.Diplomatic,
			Score: score, Threshold: r.Threshold, Note: it.Note, Title: it.Title, Lead: string(lead)}
		if err := enc.Encode(l); err != nil {
			f.Close()
			return fmt.Errorf("train: -oof: %w", err)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("train: -oof: %w", err)
	}
	return nil
}

// readVectors reads each language's word vectors from dir. Those of the
// default cache must have been built as the built-in's are (a file from
// before a language's window changed would train another model); those
// of a directory given by -vectors are an experiment's, whatever they are.
func readVectors(dir string, strict bool) (map[string]*relevance.Vectors, error) {
	out := map[string]*relevance.Vectors{}
	for _, lang := range []string{"ru", "tr"} {
		f, err := os.Open(filepath.Join(dir, "vectors-"+lang+".gob"))
		if err != nil {
			return nil, fmt.Errorf("train: %w (run: relevance vectors)", err)
		}
		v, err := relevance.ReadVectors(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		if want := relevance.DefaultVectorConfig(lang).Window; strict && v.BuiltWindow() != want {
			return nil, fmt.Errorf("train: %s was built with a %d-word window, the built-in's is %d: run 'relevance vectors -lang %s'", filepath.Join(dir, "vectors-"+lang+".gob"), v.BuiltWindow(), want, lang)
		}
		if want := relevance.DefaultVectorConfig(lang).SIF; strict && v.SIF != want {
			return nil, fmt.Errorf("train: %s was built with SIF %g, the built-in's is %g: run 'relevance vectors -lang %s'", filepath.Join(dir, "vectors-"+lang+".gob"), v.SIF, want, lang)
		}
		out[lang] = v
	}
	return out, nil
}

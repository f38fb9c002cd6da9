package relevance

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/wiredesk/wiredesk/internal/golden"
	"github.com/wiredesk/wiredesk/pkg/relevance/corpus"
)

var update = flag.Bool("update", false, "rewrite testdata/scores.golden")

// scoreText is one text to score: an ID, its language, title and
// paragraphs.
type scoreText struct {
	id, lang, title string
	paras           []string
}

// writeScores scores every text with the built-in model and profile, and
// with the profile alone, and writes one line per text and scorer: the
// model's log-odds at full precision and the whole result. Each text is
// scored again as one paragraph after its title, so that the leads'
// boundaries fall elsewhere. Scoring's speed-ups must leave every line as
// it was.
func writeScores(t *testing.T, texts []scoreText) []byte {
	t.Helper()
	model, err := DefaultScorer()
	if err != nil {
		t.Fatal(err)
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	profile := NewScorer(p, nil)
	var b bytes.Buffer
	line := func(id string, s *Scorer, lang, title string, paras []string) {
		res, z := s.score(lang, title, paras, 0)
		js, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %s %s\n", id, strconv.FormatFloat(z, 'g', -1, 64), js)
	}
	for _, x := range texts {
		flat := []string{strings.Join(x.paras, " ")}
		line(x.id+" model", model, x.lang, x.title, x.paras)
		line(x.id+" model-flat", model, x.lang, "", append([]string{x.title}, flat...))
		line(x.id+" profile", profile, x.lang, x.title, x.paras)
	}
	return b.Bytes()
}

// TestScoresGolden holds the scores of the team's sample
// (testdata/labelled.jsonl, sampleTexts) at full precision.
func TestScoresGolden(t *testing.T) {
	golden.Check(t, "testdata/scores.golden", writeScores(t, sampleTexts(t)), *update)
}

// TestLeadReadsOn checks that a lead read on from a shorter one (the
// scorer's long lead) is the lead read afresh: the same tokens, and the
// same entities, terms and lexical weight found in it.
func TestLeadReadsOn(t *testing.T) {
	s, err := DefaultScorer()
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range sampleTexts(t) {
		wc := s.words[x.lang]
		// The short lead's end falls after every word of the first 30
		// in turn, and in the middle of a paragraph or at its end.
		pairs := [][2]int{{60, 150}, {7, 7}, {150, 60}}
		for n := 1; n <= 30; n++ {
			pairs = append(pairs, [2]int{n, n + 1}, [2]int{n, n + 17})
		}
		for _, leads := range pairs {
			fresh := new(scratch)
			res, lead, lex := s.profile.entitiesInto(fresh, x.lang, x.title, x.paras, leads[1], nil, wc)
			on := new(scratch)
			s.profile.entitiesInto(on, x.lang, x.title, x.paras, leads[0], nil, wc)
			on.readLead(x.lang, x.title, x.paras, leads[1], wc)
			res2, lead2, lex2 := s.profile.matchLead(on, x.lang, nil)
			if !reflect.DeepEqual(lead, lead2) || !reflect.DeepEqual(res, res2) || lex != lex2 {
				t.Errorf("%s, leads %v: read on, %v %v; afresh, %v %v", x.id, leads, res2, lex2, res, lex)
			}
		}
	}
}

// sampleTexts are the team's sample, each text alone, and the texts of
// each language four at a time as one article (a title and three
// paragraphs): long enough for a lead to stop within a paragraph, and for
// the long lead to be read where the short one is unsure.
func sampleTexts(t *testing.T) []scoreText {
	t.Helper()
	f, err := os.Open("testdata/labelled.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var texts []scoreText
	byLang := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var it struct{ ID, Lang, Text string }
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, scoreText{it.ID, it.Lang, "", []string{it.Text}})
		byLang[it.Lang] = append(byLang[it.Lang], it.Text)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"tr", "ru"} {
		ts := byLang[lang]
		for k := 0; k+4 <= len(ts); k += 4 {
			texts = append(texts, scoreText{fmt.Sprintf("%s-article-%d", lang, k/4), lang, ts[k], ts[k+1 : k+4]})
		}
	}
	return texts
}

// TestScoresDump writes the scores of every text of the labelled set
// (data/relevance, all splits; the cache rebuilt) to the file
// RELEVANCE_SCORE_DUMP names, to be compared with another tree's: the
// texts cannot be committed, nor their scores kept as a golden file
// without them.
//
//	RELEVANCE_SCORE_DUMP=/tmp/new go test -run TestScoresDump ./pkg/relevance
func TestScoresDump(t *testing.T) {
	out := os.Getenv("RELEVANCE_SCORE_DUMP")
	if out == "" {
		t.Skip("RELEVANCE_SCORE_DUMP is not set")
	}
	const data = "../../data/relevance"
	labels, err := corpus.ReadLabels(filepath.Join(data, "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	all, err := corpus.ReadTexts(filepath.Join(data, "texts"), filepath.Join(data, "cache"))
	if err != nil {
		t.Fatal(err)
	}
	items, missing, err := corpus.Join(labels, all)
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 {
		t.Fatalf("%d labelled texts are not here (the first: %s)", len(missing), missing[0].ID)
	}
	texts := make([]scoreText, 0, len(items))
	for _, it := range items {
		texts = append(texts, scoreText{it.ID, it.Lang, it.Title, strings.Split(it.Body, "\n\n")})
	}
	if err := os.WriteFile(out, writeScores(t, texts), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d texts", len(texts))
}

package relevance

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/wiredesk/wiredesk/internal/golden"
)

var update = flag.Bool("update", false, "rewrite testdata/scores.golden")

// writeScores is WriteScores's lines for texts.
func writeScores(t *testing.T, texts []ScoreText) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteScores(&b, texts); err != nil {
		t.Fatal(err)
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
		wc := s.words[x.Lang]
		// The short lead's end falls after every word of the first 30
		// in turn, and in the middle of a paragraph or at its end.
		pairs := [][2]int{{60, 150}, {7, 7}, {150, 60}}
		for n := 1; n <= 30; n++ {
			pairs = append(pairs, [2]int{n, n + 1}, [2]int{n, n + 17})
		}
		for _, leads := range pairs {
			fresh := new(scratch)
			res, lead, lex := s.profile.entitiesInto(fresh, x.Lang, x.Title, x.Paragraphs, leads[1], nil, wc)
			on := new(scratch)
			s.profile.entitiesInto(on, x.Lang, x.Title, x.Paragraphs, leads[0], nil, wc)
			on.readLead(x.Lang, x.Title, x.Paragraphs, leads[1], wc)
			res2, lead2, lex2 := s.profile.matchLead(on, x.Lang, nil)
			if !reflect.DeepEqual(lead, lead2) || !reflect.DeepEqual(res, res2) || lex != lex2 {
				t.Errorf("%s, leads %v: read on, %v %v; afresh, %v %v", x.ID, leads, res2, lex2, res, lex)
			}
		}
	}
}

// sampleTexts are the team's sample, each text alone, and the texts of
// each language four at a time as one article (a title and three
// paragraphs): long enough for a lead to stop within a paragraph, and for
// the long lead to be read where the short one is unsure.
func sampleTexts(t *testing.T) []ScoreText {
	t.Helper()
	f, err := os.Open("testdata/labelled.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var texts []ScoreText
	byLang := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var it struct{ ID, Lang, Text string }
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, ScoreText{it.ID, it.Lang, "", []string{it.Text}})
		byLang[it.Lang] = append(byLang[it.Lang], it.Text)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"tr", "ru"} {
		ts := byLang[lang]
		for k := 0; k+4 <= len(ts); k += 4 {
			texts = append(texts, ScoreText{fmt.Sprintf("%s-article-%d", lang, k/4), lang, ts[k], ts[k+1 : k+4]})
		}
	}
	return texts
}

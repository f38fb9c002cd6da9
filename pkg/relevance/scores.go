package relevance

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ScoreText is a text for WriteScores: an ID, its language, its title and
// its paragraphs.
type ScoreText struct {
	ID, Lang, Title string
	Paragraphs      []string
}

// WriteScores scores every text with the built-in model and profile, and
// with the profile alone, and writes one line per text and scorer to w:
// the text's ID and the scorer ("model", "model-flat", "profile"), the
// model's log-odds at full precision (NaN for the profile) and the whole
// Result as JSON. "model-flat" is the text scored again as one paragraph
// after its title, so that the leads' boundaries fall elsewhere.
//
// Its lines are for comparing two trees byte for byte: a change meant to
// make scoring cheaper must leave every line as it was. The labelled set's
// texts cannot be committed, nor their scores kept as a golden file
// without them, so "relevance scores" writes them for each tree.
func WriteScores(w io.Writer, texts []ScoreText) error {
	model, err := DefaultScorer()
	if err != nil {
		return err
	}
	p, err := Default()
	if err != nil {
		return err
	}
	profile := NewScorer(p, nil)
	bw := bufio.NewWriter(w)
	line := func(id string, s *Scorer, lang, title string, paras []string) error {
		res, z := s.score(lang, title, paras, 0)
		js, err := json.Marshal(res)
		if err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		_, err = fmt.Fprintf(bw, "%s %s %s\n", id, strconv.FormatFloat(z, 'g', -1, 64), js)
		return err
	}
	for _, x := range texts {
		flat := []string{x.Title, strings.Join(x.Paragraphs, " ")}
		if err := line(x.ID+" model", model, x.Lang, x.Title, x.Paragraphs); err != nil {
			return err
		}
		if err := line(x.ID+" model-flat", model, x.Lang, "", flat); err != nil {
			return err
		}
		if err := line(x.ID+" profile", profile, x.Lang, x.Title, x.Paragraphs); err != nil {
			return err
		}
	}
	return bw.Flush()
}

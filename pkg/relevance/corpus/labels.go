package corpus

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Label is one labelled text: where it comes from, how it was labelled,
// and the checksum of the exact text that was read. data/relevance/README.md
// says how the set was sampled and split.
type Label struct {
	ID         string `json:"id"`
	Lang       string `json:"lang"`
	Source     string `json:"source"`
	Section    string `json:"section"`
	Date       string `json:"date"`
	Order      int64  `json:"order"`
	Split      string `json:"split"`   // train, dev or test
	Sampled    string `json:"sampled"` // the sampling stratum (README)
	Diplomatic bool   `json:"diplomatic"`
	Note       string `json:"note"` // why, for a borderline call
	Repo       string `json:"repo"`
	Commit     string `json:"commit"`
	Path       string `json:"path"`
	Record     int    `json:"record"`
	URL        string `json:"url"`
	SHA256     string `json:"sha256"`
}

// Text is a labelled text's title and body.
type Text struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Body  string `json:"body"`
}

// Item is a label with its text.
type Item struct {
	Label
	Title string
	Body  string
}

// Corpus returns the name of the corpus a label's ID belongs to.
func (l Label) Corpus() string {
	for i, r := range l.ID {
		if r == '/' {
			return l.ID[:i]
		}
	}
	return l.ID
}

// ReadLabels reads a labels file (JSON lines).
func ReadLabels(path string) ([]Label, error) {
	var out []Label
	err := readLines(path, func(n int, b []byte) error {
		var l Label
		if err := json.Unmarshal(b, &l); err != nil {
			return err
		}
		switch {
		case l.ID == "" || l.SHA256 == "":
			return errors.New("no id or checksum")
		case l.Lang != "tr" && l.Lang != "ru":
			return fmt.Errorf("%s: language %q", l.ID, l.Lang)
		case l.Split != "train" && l.Split != "dev" && l.Split != "test":
			return fmt.Errorf("%s: split %q", l.ID, l.Split)
		}
		out = append(out, l)
		return nil
	})
	return out, err
}

// ReadTexts reads every *.jsonl file of texts in the given directories;
// a missing directory is skipped (the cache exists only after a rebuild).
func ReadTexts(dirs ...string) (map[string]Text, error) {
	texts := make(map[string]Text)
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
		if err != nil {
			return nil, err
		}
		sort.Strings(files)
		for _, f := range files {
			err := readLines(f, func(n int, b []byte) error {
				var t Text
				if err := json.Unmarshal(b, &t); err != nil {
					return err
				}
				texts[t.ID] = t
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	return texts, nil
}

// Join pairs labels with their texts and checks every checksum. Labels
// whose text is missing are returned apart, so that a caller can say
// which corpus to rebuild; a text whose checksum differs is an error.
func Join(labels []Label, texts map[string]Text) (items []Item, missing []Label, err error) {
	for _, l := range labels {
		t, ok := texts[l.ID]
		if !ok {
			missing = append(missing, l)
			continue
		}
		if got := Sum(t.Title, t.Body); got != l.SHA256 {
			return nil, nil, fmt.Errorf("corpus: %s: text checksum %s, label says %s", l.ID, got, l.SHA256)
		}
		items = append(items, Item{Label: l, Title: t.Title, Body: t.Body})
	}
	return items, missing, nil
}

// WriteTexts writes texts as JSON lines, sorted by ID, through a temporary
// file so that a failed write leaves the old file.
func WriteTexts(path string, texts []Text) error {
	sort.Slice(texts, func(i, j int) bool { return texts[i].ID < texts[j].ID })
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".texts-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, t := range texts {
		if err := enc.Encode(t); err != nil {
			tmp.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func readLines(path string, fn func(n int, b []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("corpus: %w", err)
		}
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := fn(n, sc.Bytes()); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

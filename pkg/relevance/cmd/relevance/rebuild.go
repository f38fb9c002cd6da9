package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/wiredesk/wiredesk/pkg/relevance/corpus"
)

// gitFlags is a repeated -git name=DIR flag.
type gitFlags map[string]string

func (g gitFlags) String() string { return fmt.Sprint(map[string]string(g)) }
func (g gitFlags) Set(v string) error {
	name, dir, ok := strings.Cut(v, "=")
	if !ok {
		return fmt.Errorf("want name=DIR, got %q", v)
	}
	g[name] = dir
	return nil
}

// runRebuild rebuilds the labelled texts from their public repositories:
// for each corpus it uses the given git directory or clones the repository
// into the cache, extracts the records at the pinned commit, checks every
// labelled text's checksum, and writes the texts of corpora whose licence
// keeps them out of the repository to data/relevance/cache/. Shipped texts
// are checked against the source too.
func runRebuild(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("rebuild", flag.ContinueOnError)
	var cf corpusFlags
	cf.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	labels, err := cf.labels()
	if err != nil {
		return err
	}
	shipped, err := corpus.ReadTexts(filepath.Join(cf.data, "texts"))
	if err != nil {
		return err
	}
	byCorpus := make(map[string][]corpus.Label)
	for _, l := range labels {
		byCorpus[l.Corpus()] = append(byCorpus[l.Corpus()], l)
	}
	for _, c := range corpus.Corpora {
		want := byCorpus[c.Name]
		if len(want) == 0 {
			continue
		}
		recs, err := records(ctx, c, cf.dirs, cf.clones, stdout)
		if err != nil {
			return err
		}
		byID := make(map[string]corpus.Record, len(recs))
		for _, r := range recs {
			byID[r.ID] = r
		}
		var texts []corpus.Text
		for _, l := range want {
			r, ok := byID[l.ID]
			switch {
			case !ok:
				return fmt.Errorf("rebuild: %s: no such record in %s@%s", l.ID, c.Repo, c.Commit[:12])
			case r.SHA256 != l.SHA256:
				return fmt.Errorf("rebuild: %s: text checksum %s, label says %s", l.ID, r.SHA256, l.SHA256)
			}
			if c.Ship {
				if s, ok := shipped[l.ID]; !ok || s.Title != r.Title || s.Body != r.Body {
					return fmt.Errorf("rebuild: %s: the shipped text differs from the source", l.ID)
				}
				continue
			}
			texts = append(texts, corpus.Text{ID: r.ID, Title: r.Title, Body: r.Body})
		}
		if c.Ship {
			fmt.Fprintf(stdout, "%s: %d shipped texts match %s@%s\n", c.Name, len(want), c.Repo, c.Commit[:12])
			continue
		}
		out := filepath.Join(cf.data, "cache", c.Name+".jsonl")
		if err := corpus.WriteTexts(out, texts); err != nil {
			return fmt.Errorf("rebuild: %w", err)
		}
		fmt.Fprintf(stdout, "%s: %d texts rebuilt from %s@%s, checksums verified, written to %s\n", c.Name, len(texts), c.Repo, c.Commit[:12], out)
	}
	return nil
}

// records extracts c's records from the git directory given for it with
// -git, or else from a clone under clones.
// corpusFlags are the flags of the commands that read the corpora from
// git (rebuild, draw): the labelled set's directory, where to clone, and
// clones already at hand.
type corpusFlags struct {
	data, clones string
	dirs         gitFlags
}

func (c *corpusFlags) register(fs *flag.FlagSet) {
	c.dirs = gitFlags{}
	fs.StringVar(&c.data, "data", "data/relevance", "the labelled set's directory")
	fs.StringVar(&c.clones, "clones", "", "where to clone the corpora (default: DATA/cache/git)")
	fs.Var(c.dirs, "git", "use an existing git directory for a corpus: name=DIR (repeatable)")
}

// labels reads the labelled set, once the flags are parsed, and sets the
// clones' default directory under it.
func (c *corpusFlags) labels() ([]corpus.Label, error) {
	if c.clones == "" {
		c.clones = filepath.Join(c.data, "cache", "git")
	}
	return corpus.ReadLabels(filepath.Join(c.data, "labels.jsonl"))
}

func records(ctx context.Context, c corpus.Corpus, dirs gitFlags, clones string, stdout io.Writer) ([]corpus.Record, error) {
	dir := dirs[c.Name]
	if dir == "" {
		var err error
		if dir, err = clone(ctx, clones, c, stdout); err != nil {
			return nil, err
		}
	}
	return corpus.Extract(ctx, dir, c)
}

// clone makes a bare clone of c's repository under root, or reuses one,
// and makes sure it holds the pinned commit.
func clone(ctx context.Context, root string, c corpus.Corpus, stdout io.Writer) (string, error) {
	dir := filepath.Join(root, strings.ReplaceAll(c.Repo, "/", "+")+".git")
	if _, err := os.Stat(dir); err != nil {
		fmt.Fprintf(stdout, "%s: cloning https://github.com/%s\n", c.Name, c.Repo)
		if err := os.MkdirAll(root, 0o755); err != nil {
			return "", err
		}
		cmd := exec.CommandContext(ctx, "git", "clone", "--bare", "--quiet", "https://github.com/"+c.Repo, dir)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("rebuild: clone %s: %w", c.Repo, err)
		}
	}
	if exec.CommandContext(ctx, "git", "--git-dir", dir, "cat-file", "-e", c.Commit+"^{commit}").Run() != nil {
		cmd := exec.CommandContext(ctx, "git", "--git-dir", dir, "fetch", "--quiet", "origin", c.Commit)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("rebuild: fetch %s@%s: %w", c.Repo, c.Commit, err)
		}
	}
	return dir, nil
}

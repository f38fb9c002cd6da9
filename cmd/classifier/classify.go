package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/config"
	"github.com/wiredesk/wiredesk/pkg/pipeline"
)

// runClassify is "classifier classify": page/v1 lines in, one
// {"subject", "message"} line per page out, through the same classifier
// and routing as the service.
func runClassify(ctx context.Context, args, env []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("classifier classify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	configPath := fs.String("config", "", "configuration file")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: classifier classify [-config FILE] [FILE|-]...\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // -h asked for the usage, which is printed
		}
		return err
	}
	cfg, err := config.FromEnv(*configPath, env)
	if err != nil {
		return err
	}
	cl, err := newClassifier(cfg.Classifier, slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var errs []error
	for _, name := range files {
		if err := classifyFile(ctx, name, stdin, func(p *article.Page) error {
			res, err := cl.Classify(ctx, p, time.Now().UTC())
			if err != nil {
				return err
			}
			o, err := pipeline.Route(res)
			if err != nil {
				return err
			}
			return enc.Encode(struct {
				Subject string `json:"subject"`
				Message any    `json:"message"`
			}{o.Subject, o.Message})
		}); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// classifyFile calls fn for each page/v1 line of a file. A bad line does
// not stop the others; its error, naming file and line, is returned with
// the rest at the end, so that nothing is skipped silently.
func classifyFile(ctx context.Context, name string, stdin io.Reader, fn func(*article.Page) error) error {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("classify: %w", err)
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var errs []error
	for n := 1; sc.Scan(); n++ {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		p, err := article.DecodePage(line)
		if err == nil {
			err = fn(p)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("classify %s:%d: %w", name, n, err))
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("classify %s: %w", name, err))
	}
	return errors.Join(errs...)
}

// Command consumer is the README's downstream consumer: a durable
// consumer of its own on ARTICLES that prints the relevant Turkish and
// Russian articles and resumes where it left off after a restart.
//
//	go run ./examples/consumer -nats nats://127.0.0.1:4222
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/wiredesk/wiredesk/pkg/article"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "consumer:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("consumer", flag.ContinueOnError)
	url := fs.String("nats", nats.DefaultURL, "NATS URL")
	durable := fs.String("durable", "my-analytics", "name of this consumer's durable")
	if err := fs.Parse(args); err != nil {
		return err
	}
	nc, err := nats.Connect(*url)
	if err != nil {
		return fmt.Errorf("connect %s: %w", *url, err)
	}
	defer nc.Drain()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	// A durable of its own: it sees every article from the start of the
	// stream, and after a restart resumes where it left off.
	cons, err := js.CreateOrUpdateConsumer(ctx, "ARTICLES", jetstream.ConsumerConfig{
		Durable:        *durable,
		FilterSubjects: []string{"news.clean.tr.>", "news.clean.ru.>"},
		AckPolicy:      jetstream.AckExplicitPolicy,
	})
	if err != nil {
		return fmt.Errorf("consumer %s: %w", *durable, err)
	}
	cc, err := cons.Consume(func(m jetstream.Msg) {
		a, err := article.DecodeArticle(m.Data())
		if err != nil {
			m.Term() // it will never decode: do not redeliver it
			return
		}
		if a.Relevance.Relevant {
			fmt.Fprintf(stdout, "%s [%s] %s %v\n", a.Lang, a.Source, a.Title, a.Countries)
		}
		m.Ack()
	})
	if err != nil {
		return err
	}
	defer cc.Stop()
	<-ctx.Done()
	return nil
}

package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/wiredesk/wiredesk/pkg/article"
	"github.com/wiredesk/wiredesk/pkg/bus"
	"github.com/wiredesk/wiredesk/pkg/bus/bustest"
	"github.com/wiredesk/wiredesk/pkg/service/servicetest"
	"github.com/wiredesk/wiredesk/pkg/store/storetest"
)

// TestConsumer runs the README's consumer against a real NATS server with
// wiredesk's streams: it prints the relevant article and skips the other.
func TestConsumer(t *testing.T) {
	srv, conn := bustest.Start(t)
	ctx := context.Background()
	relevant, other := storetest.NewArticle(1), storetest.NewArticle(2)
	relevant.Relevance.Relevant = true
	other.Relevance.Relevant = false
	other.Title = "Hava durumu"
	// The irrelevant one first: once the relevant one is printed, the
	// other has been seen (one consumer delivers in order).
	for _, a := range []*article.Article{other, relevant} {
		data, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		if err := conn.Publish(ctx, bus.SubjectClean(a.Lang, a.Source), "", data); err != nil {
			t.Fatal(err)
		}
	}
	var out servicetest.Buffer
	servicetest.Start(t, func(ctx context.Context) error {
		return run(ctx, []string{"-nats", srv.ClientURL()}, &out)
	})
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), relevant.Title) {
		if time.Now().After(deadline) {
			t.Fatalf("the consumer printed %q, want the relevant article's title", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if strings.Contains(out.String(), other.Title) {
		t.Errorf("the consumer printed an irrelevant article: %q", out.String())
	}
}

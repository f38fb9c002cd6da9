package store

import (
	"fmt"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
)

func TestFresh(t *testing.T) {
	f := newFresh()
	a := &article.Article{ID: "a", ContentHash: "h1", Title: "Ateşkes", Countries: []string{"TR"}}
	same := &article.Article{ID: "s", ContentHash: "h"}
	f.add([]*article.Article{a, same}, []Outcome{Inserted, Unchanged})
	a.Countries[0] = "XX" // the caller owns its article

	tests := []struct {
		name, id, hash string
		want           bool
	}{
		{"unchanged articles are not kept", "s", "h", false},
		{"another revision is not served", "a", "h0", false},
		{"the pending revision is served", "a", "h1", true},
		{"and only once", "a", "h1", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := f.take(tt.id, tt.hash)
			if (got != nil) != tt.want {
				t.Fatalf("take(%s, %s) = %v, want found %v", tt.id, tt.hash, got, tt.want)
			}
			if got != nil && (got.Title != "Ateşkes" || got.Countries[0] != "TR") {
				t.Errorf("take = %+v, want a copy of what was put", got)
			}
		})
	}

	t.Run("bounded", func(t *testing.T) {
		var batch []*article.Article
		var outcomes []Outcome
		for i := range maxFresh + 10 {
			batch = append(batch, &article.Article{ID: fmt.Sprint(i), ContentHash: "h"})
			outcomes = append(outcomes, Inserted)
		}
		f.add(batch, outcomes)
		if n := len(f.m); n != maxFresh {
			t.Errorf("%d entries, want the bound %d", n, maxFresh)
		}
		f.reset()
		if n := len(f.m); n != 0 {
			t.Errorf("%d entries after reset", n)
		}
	})
}

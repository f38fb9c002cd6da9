package pipeline_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/wiredesk/wiredesk/pkg/fetch"
	"github.com/wiredesk/wiredesk/pkg/pipeline"
)

func sources(ids ...string) []fetch.Source {
	var out []fetch.Source
	for _, id := range ids {
		out = append(out, fetch.Source{ID: id})
	}
	return out
}

func ids(ss []fetch.Source) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

// TestShard: every source is polled by exactly one of n fetchers, and
// adding a source moves no other.
func TestShard(t *testing.T) {
	var all []string
	for i := range 40 {
		all = append(all, fmt.Sprintf("source-%02d", i))
	}
	for _, n := range []int{1, 2, 3, 7} {
		t.Run(fmt.Sprintf("n=%d", n), func(t *testing.T) {
			seen := map[string]int{}
			before := make([][]string, n)
			for i := range n {
				before[i] = ids(pipeline.Shard(sources(all...), i, n))
				for _, id := range before[i] {
					seen[id]++
				}
			}
			for _, id := range all {
				if seen[id] != 1 {
					t.Errorf("%s is in %d shards, want 1", id, seen[id])
				}
			}
			grown := append(slices.Clone(all), "aa-tr-new", "tass-ru-new")
			for i := range n {
				after := ids(pipeline.Shard(sources(grown...), i, n))
				after = slices.DeleteFunc(after, func(id string) bool { return id == "aa-tr-new" || id == "tass-ru-new" })
				if !slices.Equal(after, before[i]) {
					t.Errorf("shard %d/%d changed when sources were added: %v, was %v", i, n, after, before[i])
				}
			}
		})
	}
}

package pipeline

import (
	"hash/fnv"

	"github.com/wiredesk/wiredesk/pkg/fetch"
)

// Shard returns the sources that fetcher i of n polls. A source's shard
// depends only on its id, so adding a source moves no other.
func Shard(sources []fetch.Source, i, n int) []fetch.Source {
	if n <= 1 {
		return sources
	}
	var out []fetch.Source
	for _, s := range sources {
		h := fnv.New32a()
		h.Write([]byte(s.ID))
		if int(h.Sum32()%uint32(n)) == i {
			out = append(out, s)
		}
	}
	return out
}

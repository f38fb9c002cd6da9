package store

import (
	"strings"
	"testing"
)

// BenchmarkIndexTokens tokenises a Russian and a Turkish paragraph with a
// warm cache, as the indexer does once a backfill's words are known.
func BenchmarkIndexTokens(b *testing.B) {
	ru := strings.Repeat("Министр иностранных дел России Сергей Лавров провёл переговоры в Анкаре. ", 20)
	tr := strings.Repeat("Dışişleri Bakanı İstanbul'da Irak heyetiyle görüşmeler yaptı. ", 20)
	cache := map[string]string{}
	b.ReportAllocs()
	for b.Loop() {
		indexTokens("ru", ru, cache)
		indexTokens("tr", tr, cache)
	}
}

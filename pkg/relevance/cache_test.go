package relevance

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
)

// TestWordCache looks words up from several goroutines at once, past the
// point where new words are merged into the read map, and past the bound:
// every lookup answers as working the word out afresh does, and the cache
// keeps no more than cacheWords.
func TestWordCache(t *testing.T) {
	tests := []struct {
		name, lang string
		words      []string
	}{
		{"tr", "tr", []string{"Dışişleri", "bakanı", "İSTANBUL", "görüştü", "ANKARA", "ılık"}},
		{"ru", "ru", []string{"Министр", "иностранных", "ДЕЛ", "встретился", "после", "ёлка"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newWordCache(tt.lang, nil)
			var words []string
			for i := range cacheWords + 3*minPromote {
				words = append(words, fmt.Sprintf("%s%d", tt.words[i%len(tt.words)], i))
			}
			words = append(words, tt.words...)
			var wg sync.WaitGroup
			errs := make(chan error, 4)
			for g := range 4 {
				wg.Go(func() {
					for i := g; i < len(words); i += 2 { // each word by two goroutines
						w := words[i]
						if got, want := c.lookup(w), c.work(w); !reflect.DeepEqual(got, want) {
							errs <- fmt.Errorf("lookup(%q) = %+v, want %+v", w, got, want)
							return
						}
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			c.mu.Lock()
			kept := len(*c.read.Load()) + len(c.dirty)
			c.mu.Unlock()
			if kept > cacheWords || !c.full.Load() {
				t.Errorf("kept %d words (full %v), want at most %d and full", kept, c.full.Load(), cacheWords)
			}
			// Words looked up before the cache filled are still answered
			// from it.
			if _, ok := (*c.read.Load())[words[0]]; !ok {
				t.Errorf("%q not kept", words[0])
			}
		})
	}
}

package bus

import (
	"testing"
	"time"
)

// BenchmarkKeepAlive is what every handled message pays for its
// keepalive when it is done before the first one is due.
func BenchmarkKeepAlive(b *testing.B) {
	for b.Loop() {
		stop := KeepAlive(nil, 10*time.Second)
		stop()
	}
}

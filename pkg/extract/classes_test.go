package extract

import (
	"testing"

	"github.com/wiredesk/wiredesk/pkg/article"
)

func TestClassZone(t *testing.T) {
	tests := []struct {
		class string
		zone  article.Zone
	}{
		{"sidebar", article.ZoneAside},
		{"widget most-read", article.ZoneRelated},
		{"news-ticker", article.ZoneRelated},
		// What an element lacks is no zone of its own.
		{"wrap has-no-ticker", ""},
		{"layout-without-sidebar", ""},
		{"page no-ads", ""},
		{"hasNoComments", ""},
		{"no-sidebar comments", article.ZoneComment},
		{"nonsense-widget", article.ZoneAside},
	}
	for _, tt := range tests {
		t.Run(tt.class, func(t *testing.T) {
			var b tokenBuf
			var ci classInfo
			b.scan(tt.class, &ci)
			if ci.zone != tt.zone {
				t.Errorf("zone of class %q = %q, want %q", tt.class, ci.zone, tt.zone)
			}
		})
	}
}

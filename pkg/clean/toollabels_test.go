package clean

import (
	"strings"
	"testing"
)

// TestToolLabels holds the labels of an ad slot, a video player's buttons
// and the page's tools, alone on their line, to furniture inside the
// container and out, and a sentence that uses the words to the text.
func TestToolLabels(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Advertisements", true},
		{"Advert", true},
		{"ANZEIGE", true},
		{"Embed", true},
		{"Text size", true},
		{"[ Discuss ]", true},
		{"E-mail this to a friend", true},
		{"Reuse this content", true},
		{"Go to permalink", true},
		{"Explore further", true},
		{"The club will replay the final on Sunday.", false},
		{"Reporters embed with the coast guard crews each winter.", false},
	} {
		t.Run(tc.text, func(t *testing.T) {
			lower := strings.ToLower(tc.text)
			if got := boilerplateIn(lower, countWords(tc.text)); got != tc.want {
				t.Errorf("boilerplateIn = %v, want %v", got, tc.want)
			}
		})
	}
}

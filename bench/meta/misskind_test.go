package main

import (
	"net/url"
	"slices"
	"testing"
)

func TestBylineMiss(t *testing.T) {
	u, _ := url.Parse("https://www.harbourpost.example/news/1")
	tests := []struct {
		name      string
		got, want []string
		kind      string
	}{
		{"empty", nil, []string{"Ana Lind"}, "empty vs expected"},
		{"none expected", []string{"Ana Lind"}, nil, "a name vs none expected"},
		{"case", []string{"ana lind"}, []string{"Ana Lind"}, "case/diacritics"},
		{"extra", []string{"Ana Lind", "Per Holm"}, []string{"Ana Lind"}, "extra names"},
		{"fewer", []string{"Ana Lind"}, []string{"Ana Lind", "Per Holm"}, "fewer names"},
		{"one word", []string{"Lind"}, []string{"Per Holm"}, "one-word name"},
		{"another person", []string{"Per Holm"}, []string{"Ana Lind"}, "a different person"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := bylineMiss(tt.got, tt.want, u); got != tt.kind {
				t.Errorf("bylineMiss(%q, %q) = %q, want %q", tt.got, tt.want, got, tt.kind)
			}
		})
	}
}

func TestTitleSegments(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Headline", []string{"Headline"}},
		{"Harbour Post | Ferry fares rise - Local", []string{"Harbour Post", "Ferry fares rise", "Local"}},
		{"Dredging: a guide » Portwiki", []string{"Dredging", "a guide", "Portwiki"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := titleSegments(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("titleSegments(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

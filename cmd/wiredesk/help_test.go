package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestHelpExitsZero: -h prints the usage and is not an error.
func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"-help"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var out, errb bytes.Buffer
			if err := run(context.Background(), args, nil, &out, &errb); err != nil {
				t.Fatalf("err = %v", err)
			}
			if !strings.Contains(errb.String(), "usage:") {
				t.Errorf("no usage printed:\n%s", errb.String())
			}
		})
	}
}

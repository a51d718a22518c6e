package main

import (
	"strings"
	"testing"
)

// diffLine reports the first differing line between want and got.
func diffLine(t *testing.T, want, got string) {
	t.Helper()
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			t.Fatalf("line %d differs:\nwant %q\ngot  %q", i+1, a, b)
		}
	}
}

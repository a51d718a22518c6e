package main

import (
	"os"
	"testing"
)

// TestDraft2RoundTrips checks that the hand-written 2nd draft is exactly what
// the renderer produces: numbering is continuous and every Opinion item
// carries the label and end punctuation the ITU rules compute.
func TestDraft2RoundTrips(t *testing.T) {
	src, err := os.ReadFile("../../assets/samples/draft2.md")
	if err != nil {
		t.Fatal(err)
	}
	d, err := parse(string(src))
	if err != nil {
		t.Fatal(err)
	}
	d.renumber()
	if got := d.markdown(); got != string(src) {
		diffLine(t, string(src), got)
	}
}

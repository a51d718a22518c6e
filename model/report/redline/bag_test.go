package redline

import "testing"

// Bound must never be below Similarity, or alignment would skip a real match.
func TestBoundCapsSimilarity(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkBound(t, c.old, c.new)
		})
	}
	checkBound(t, "a b c d", "d c b a")
	if b := Bound(NewBag("a b c d"), NewBag("d c b a")); b != 1 {
		t.Fatalf("same words in another order: bound %v, want 1", b)
	}
}

func checkBound(t *testing.T, old, new string) {
	t.Helper()
	s, b := Similarity(old, new), Bound(NewBag(old), NewBag(new))
	if b+1e-9 < s {
		t.Fatalf("Bound(%q, %q) = %v < Similarity %v", old, new, b, s)
	}
}

func FuzzBound(f *testing.F) {
	for _, c := range cases {
		f.Add(c.old, c.new)
	}
	f.Fuzz(func(t *testing.T, old, new string) { checkBound(t, old, new) })
}

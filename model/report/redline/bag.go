package redline

import "strings"

// Bag is the multiset of a text's words (spaces left out), the cheap side
// of Similarity: two texts cannot share more words in order than they
// share at all, so Bound caps Similarity without running a diff.
type Bag struct {
	words map[string]int
	n     int
}

// NewBag counts the words of s the way Similarity does.
func NewBag(s string) Bag {
	b := Bag{words: map[string]int{}}
	for _, t := range Tokens(s) {
		if strings.TrimSpace(t) != "" {
			b.words[t]++
			b.n++
		}
	}
	return b
}

// Bound is an upper bound of Similarity for the two texts the bags came
// from; alignment skips the diff of any pair whose bound is already below
// the best match found.
func Bound(a, b Bag) float64 {
	if a.n+b.n == 0 {
		return 1
	}
	if len(a.words) > len(b.words) {
		a, b = b, a
	}
	common := 0
	for w, k := range a.words {
		common += min(k, b.words[w])
	}
	return float64(2*common) / float64(a.n+b.n)
}

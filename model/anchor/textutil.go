package anchor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/delegate-itu/delegate/model/report/redline"
)

// mapPos maps a byte offset of the old text to the new text through a
// diff, like diffmatchpatch.DiffXIndex, which also counts bytes (the diff
// itself works on runes, so its pieces end on rune boundaries). The
// difference is the bias at an insertion: a start moves past text inserted
// right before it, an end stays before text inserted right after it, so a
// quote's span never swallows new words at its edges.
func mapPos(diffs []diffmatchpatch.Diff, loc int, end bool) int {
	o, n := 0, 0
	for _, d := range diffs {
		l := len(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			if loc < o+l || (end && loc == o+l) {
				return n + loc - o
			}
			o, n = o+l, n+l
		case diffmatchpatch.DiffDelete:
			if loc < o+l || (end && loc == o+l) {
				return n
			}
			o += l
		case diffmatchpatch.DiffInsert:
			n += l
		}
	}
	return n + loc - o
}

// nearestIndex returns the occurrence of q in t closest to hint, or -1.
func nearestIndex(t, q string, hint int) int {
	if q == "" {
		return -1
	}
	best, bestDist := -1, 0
	for from := 0; from <= len(t); {
		i := strings.Index(t[from:], q)
		if i < 0 {
			break
		}
		i += from
		if d := abs(i - hint); best < 0 || d < bestDist {
			best, bestDist = i, d
		}
		_, size := utf8.DecodeRuneInString(t[i:])
		from = i + max(size, 1)
	}
	return best
}

// countIndex counts the occurrences of q in t, up to limit.
func countIndex(t, q string, limit int) int {
	n := 0
	for from := 0; n < limit; n++ {
		i := strings.Index(t[from:], q)
		if i < 0 {
			break
		}
		from += i + len(q)
	}
	return n
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// words splits text into lower-case words (single characters for Chinese
// and Japanese, as the redline does), dropping spaces and punctuation.
func words(s string) []string {
	toks := redline.Tokens(s)
	out := toks[:0:0]
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			out = append(out, strings.ToLower(t))
		}
	}
	return out
}

// coverage is the share of a's words (counted with repetition) that occur
// in b: how much of a passage survives in a stretch of text.
func coverage(a, b []string) float64 {
	if len(a) == 0 {
		return 0
	}
	have := make(map[string]int, len(b))
	for _, w := range b {
		have[w]++
	}
	n := 0
	for _, w := range a {
		if have[w] > 0 {
			have[w]--
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// similarity is a symmetric word overlap: the smaller of the two coverages.
func similarity(a, b string) float64 {
	wa, wb := words(a), words(b)
	return min(coverage(wa, wb), coverage(wb, wa))
}

// runeCount is the length people see.
func runeCount(s string) int { return utf8.RuneCountInString(s) }

// firstRunes and lastRunes cut s to n runes from either end.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func lastRunes(s string, n int) string {
	for i := len(s); i > 0; {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if n--; n == 0 {
			return s[i:]
		}
	}
	return s
}

// window cuts t[s-pad : e+pad] on rune boundaries.
func window(t string, s, e, pad int) (int, int) {
	s, e = max(0, s-pad), min(len(t), e+pad)
	for s > 0 && !utf8.RuneStart(t[s]) {
		s--
	}
	for e < len(t) && !utf8.RuneStart(t[e]) {
		e++
	}
	return s, e
}

// round2 keeps confidences readable in JSON.
func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

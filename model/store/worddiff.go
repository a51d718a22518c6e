package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// DiffOp is one run of a word diff. Kept small on purpose: model/report
// has the rich redline; this one serves item history.
type DiffOp struct {
	Op   string `json:"op"` // "=", "+" or "-"
	Text string `json:"text"`
}

// WordDiff compares two texts word by word (each Han, kana or Hangul
// character counts as a word), so a changed word shows as one word, not
// as scattered letters or a whole changed line.
func WordDiff(a, b string) []DiffOp {
	dict := map[string]rune{}
	var words []string
	encode := func(s string) []rune {
		toks := tokens(s)
		out := make([]rune, len(toks))
		for i, t := range toks {
			r, ok := dict[t]
			if !ok {
				r = rune(len(words))
				dict[t] = r
				words = append(words, t)
			}
			out[i] = r
		}
		return out
	}
	ra, rb := encode(a), encode(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	var ops []DiffOp
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		var sb strings.Builder
		for _, r := range d.Text {
			sb.WriteString(words[r])
		}
		op := map[diffmatchpatch.Operation]string{diffmatchpatch.DiffEqual: "=", diffmatchpatch.DiffInsert: "+", diffmatchpatch.DiffDelete: "-"}[d.Type]
		if n := len(ops); n > 0 && ops[n-1].Op == op {
			ops[n-1].Text += sb.String()
			continue
		}
		ops = append(ops, DiffOp{Op: op, Text: sb.String()})
	}
	return ops
}

// tokens splits text into words, runs of spaces, and single other
// characters.
func tokens(s string) []string {
	var out []string
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		n := size
		switch {
		case ideographic(r):
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			n = runLen(s, func(r rune) bool {
				return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) && !ideographic(r)
			})
		case unicode.IsSpace(r):
			n = runLen(s, unicode.IsSpace)
		}
		out = append(out, s[:n])
		s = s[n:]
	}
	return out
}

func runLen(s string, in func(rune) bool) int {
	for i, r := range s {
		if !in(r) {
			return i
		}
	}
	return len(s)
}

func ideographic(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// FormatDiff renders a word diff for a terminal: [-deleted-]{+inserted+},
// the notation of git diff --word-diff.
func FormatDiff(ops []DiffOp) string {
	var b strings.Builder
	for _, o := range ops {
		switch o.Op {
		case "+":
			b.WriteString("{+" + o.Text + "+}")
		case "-":
			b.WriteString("[-" + o.Text + "-]")
		default:
			b.WriteString(o.Text)
		}
	}
	return b.String()
}

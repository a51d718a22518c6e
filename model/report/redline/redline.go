// Package redline computes word-level differences between two texts, the
// way a reviewer reads a redline: whole words are inserted or deleted, and
// Chinese or Japanese text, which has no spaces, is compared character by
// character. The report compare, UI previews and the .docx export share it.
package redline

import (
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Kind says what happened to a stretch of text; the JSON values are stable.
type Kind string

// The three kinds of change in a redline.
const (
	Equal  Kind = "equal"
	Insert Kind = "insert"
	Delete Kind = "delete"
)

// Op is one stretch of a redline.
type Op struct {
	Kind Kind   `json:"kind"`
	Text string `json:"text"`
}

// Tokens splits text into words, runs of spaces, single punctuation marks
// and single CJK characters; joining them gives the text back.
func Tokens(s string) []string {
	var out []string
	start := -1
	class := 0
	for i, c := range s {
		k := classOf(c)
		if start >= 0 && (k != class || k == classSingle) {
			out = append(out, s[start:i])
			start = -1
		}
		if start < 0 {
			start, class = i, k
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

const (
	classWord = iota + 1
	classSpace
	classSingle
)

func classOf(c rune) int {
	switch {
	case isCJK(c):
		return classSingle
	case unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) || c == '_':
		return classWord
	case unicode.IsSpace(c):
		return classSpace
	}
	return classSingle
}

// isCJK reports scripts written without spaces between words.
func isCJK(c rune) bool {
	return unicode.Is(unicode.Han, c) || unicode.Is(unicode.Hiragana, c) ||
		unicode.Is(unicode.Katakana, c) || unicode.Is(unicode.Thai, c) ||
		(c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)
}

// Diff returns the word-level redline from old to new.
func Diff(old, new string) []Op {
	if old == new {
		if old == "" {
			return nil
		}
		return []Op{{Equal, old}}
	}
	a, b := Tokens(old), Tokens(new)
	ra, rb, vocab := encode(a, b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	ops := make([]Op, 0, len(diffs))
	for _, d := range diffs {
		var sb strings.Builder
		for _, r := range d.Text {
			sb.WriteString(vocab[runeIndex(r)])
		}
		ops = append(ops, Op{kindOf(d.Type), sb.String()})
	}
	return tidy(ops)
}

func kindOf(t diffmatchpatch.Operation) Kind {
	switch t {
	case diffmatchpatch.DiffInsert:
		return Insert
	case diffmatchpatch.DiffDelete:
		return Delete
	}
	return Equal
}

// encode maps each distinct token to one rune (skipping the surrogate range,
// which does not survive a string round trip) so the character diff works
// on whole tokens.
func encode(a, b []string) ([]rune, []rune, []string) {
	ids := map[string]rune{}
	vocab := []string{""}
	conv := func(toks []string) []rune {
		out := make([]rune, len(toks))
		for i, t := range toks {
			r, ok := ids[t]
			if !ok {
				r = indexRune(len(vocab))
				ids[t] = r
				vocab = append(vocab, t)
			}
			out[i] = r
		}
		return out
	}
	// Sequenced on purpose: in "return conv(a), conv(b), vocab" Go leaves
	// unspecified whether vocab is read before the calls append to it.
	ra := conv(a)
	rb := conv(b)
	return ra, rb, vocab
}

func indexRune(i int) rune {
	if i >= 0xD800 {
		i += 0x800
	}
	return rune(i)
}

func runeIndex(r rune) int {
	if r >= 0xE000 {
		return int(r) - 0x800
	}
	return int(r)
}

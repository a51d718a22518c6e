package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/unicode/bidi"
)

// Fyne 2.7 shapes each right-to-left run of a line (Arabic letters join
// and read right to left) but lays a line's runs out left to right in
// logical order (its issue #90), so an Arabic sentence around a number or
// a Latin word comes out with its parts in the wrong order. For Arabic the
// lang functions pass their result through rtlLine, which puts the runs
// of each line in right-to-left visual order; Fyne then shapes each run as
// before. A line that is all Arabic is left alone.

var (
	plainL, plainN, plainX, plainXN = lang.L, lang.N, lang.X, lang.XN
)

// useRTLOrder switches the reordering on (Arabic) or off.
func useRTLOrder(on bool) {
	if !on {
		lang.L, lang.N, lang.X, lang.XN = plainL, plainN, plainX, plainXN
		return
	}
	lang.L = func(in string, data ...any) string { return rtlText(plainL(in, data...)) }
	lang.N = func(in string, n int, data ...any) string { return rtlText(plainN(in, n, data...)) }
	lang.X = func(key, fb string, data ...any) string { return rtlText(plainX(key, fb, data...)) }
	lang.XN = func(key, fb string, n int, data ...any) string { return rtlText(plainXN(key, fb, n, data...)) }
}

// rtlText reorders every line of s that holds right-to-left letters.
func rtlText(s string) string {
	if !strings.ContainsFunc(s, isRTL) || strings.ContainsRune(s, rlm) {
		return s // not Arabic, or already reordered (lang.L of lang.L)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.ContainsFunc(l, isRTL) {
			lines[i] = rtlLine(l)
		}
	}
	return strings.Join(lines, "\n")
}

func isRTL(r rune) bool {
	p, _ := bidi.LookupRune(r)
	c := p.Class()
	return c == bidi.R || c == bidi.AL
}

// ltrCore are the characters that start or end a left-to-right island:
// Latin letters and digits, and the paragraph and section signs that
// prefix Delegate's references (§1.1 ¶3).
func ltrCore(r rune) bool {
	if r == '§' || r == '¶' {
		return true
	}
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.L, bidi.EN, bidi.AN:
		return true
	}
	return false
}

// rtlLine splits a line into left-to-right islands (from a Latin letter or
// digit to the last one before an Arabic letter, with what lies between,
// a trailing % or similar included) and the right-to-left text around
// them, and returns the pieces in reverse order.
func rtlLine(l string) string {
	rs := []rune(l)
	var pieces []string
	start, i := 0, 0
	for i < len(rs) {
		if !ltrCore(rs[i]) {
			i++
			continue
		}
		end := i // last island rune so far
		for j := i; j < len(rs) && !isRTL(rs[j]); j++ {
			if ltrCore(rs[j]) || isTerminator(rs[j]) && end == j-1 {
				end = j
			}
		}
		if start < i {
			pieces = append(pieces, string(rs[start:i]))
		}
		pieces = append(pieces, string(rs[i:end+1]))
		start, i = end+1, end+1
	}
	if start < len(rs) {
		pieces = append(pieces, string(rs[start:]))
	}
	if len(pieces) < 2 {
		return l
	}
	var b strings.Builder
	b.WriteRune(rlm) // keeps the paragraph right to left when it now starts with Latin
	for k := len(pieces) - 1; k >= 0; k-- {
		b.WriteString(pieces[k])
	}
	return b.String()
}

// rlm is the invisible right-to-left mark.
const rlm = '\u200f'

// isTerminator: a % or ‰ after a number belongs to it.
func isTerminator(r rune) bool {
	p, _ := bidi.LookupRune(r)
	return p.Class() == bidi.ET
}

package main

import (
	"strings"

	"github.com/delegate-itu/delegate/model/docx"
)

// inlines converts the Markdown inline subset the samples use (**bold**,
// *italic*, [text](url), [^note]) into docx runs.
func inlines(s string, notes map[string]string) []docx.Inline {
	var out []docx.Inline
	var plain strings.Builder
	flush := func() {
		if plain.Len() > 0 {
			out = append(out, docx.Text(plain.String()))
			plain.Reset()
		}
	}
	for len(s) > 0 {
		if in, rest, ok := markup(s, notes); ok {
			flush()
			out = append(out, in)
			s = rest
			continue
		}
		plain.WriteByte(s[0])
		s = s[1:]
	}
	flush()
	return out
}

// markup recognises one inline construct at the start of s.
func markup(s string, notes map[string]string) (docx.Inline, string, bool) {
	switch {
	case strings.HasPrefix(s, "**"):
		if end := strings.Index(s[2:], "**"); end > 0 {
			return docx.Bold(s[2 : 2+end]), s[4+end:], true
		}
	case strings.HasPrefix(s, "*"):
		if end := strings.Index(s[1:], "*"); end > 0 {
			return docx.Italic(s[1 : 1+end]), s[2+end:], true
		}
	case strings.HasPrefix(s, "[^"):
		if end := strings.Index(s, "]"); end > 0 {
			return docx.Footnote{Content: inlines(notes[s[2:end]], nil)}, s[end+1:], true
		}
	case strings.HasPrefix(s, "["):
		mid := strings.Index(s, "](")
		end := strings.Index(s, ")")
		if mid > 0 && end > mid {
			return docx.Link{URL: s[mid+2 : end], Runs: []docx.Run{docx.Text(s[1:mid])}}, s[end+1:], true
		}
	}
	return nil, s, false
}

package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.7's RichText word wrap breaks an inline segment one character per
// line when the segment starts where less than one character fits on the
// line (lineBounds never widens the first row again). A highlighted quote
// in the middle of a paragraph hits that at some widths. So highlighted
// paragraphs are wrapped here, at word boundaries, into whole lines that
// the RichText never needs to wrap.

// wrapSpans lays styled stretches of text into lines no wider than width;
// every line but the last ends its paragraph (Inline false), which breaks it.
func wrapSpans(parts []*widget.TextSegment, width float32) []widget.RichTextSegment {
	size := theme.TextSize()
	var out []widget.RichTextSegment
	x := float32(0)
	for _, p := range parts {
		for _, tok := range strings.SplitAfter(p.Text, " ") {
			if tok == "" {
				continue
			}
			st := p.Style
			w := fyne.MeasureText(tok, size, st.TextStyle).Width
			if x > 0 && x+w-spaceWidth(tok, size, st.TextStyle) > width {
				endLine(out)
				x = 0
			}
			out = appendText(out, tok, st)
			x += w
		}
	}
	if len(out) == 0 {
		out = append(out, &widget.TextSegment{Style: widget.RichTextStyleInline})
	}
	return out
}

// spaceWidth is the width of tok's trailing space, which may hang past the
// end of a line.
func spaceWidth(tok string, size float32, st fyne.TextStyle) float32 {
	if !strings.HasSuffix(tok, " ") {
		return 0
	}
	return fyne.MeasureText(" ", size, st).Width
}

// endLine makes the last segment end its line.
func endLine(out []widget.RichTextSegment) {
	if n := len(out); n > 0 {
		seg := out[n-1].(*widget.TextSegment)
		seg.Text = strings.TrimRight(seg.Text, " ")
		seg.Style.Inline = false
	}
}

// appendText adds tok, merging it into the last segment when the style is
// the same and the line goes on.
func appendText(out []widget.RichTextSegment, tok string, st widget.RichTextStyle) []widget.RichTextSegment {
	if n := len(out); n > 0 {
		last := out[n-1].(*widget.TextSegment)
		if last.Style == st && last.Style.Inline {
			last.Text += tok
			return out
		}
	}
	return append(out, &widget.TextSegment{Text: tok, Style: st})
}

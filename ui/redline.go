package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/report/redline"
)

// Revision-mark styles: Fyne has no strikethrough, so deletions are red
// italics and insertions green bold, with a legend next to every preview.
var (
	styleDeleted  = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Italic: true}}
	styleInserted = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameSuccess, TextStyle: fyne.TextStyle{Bold: true}}
)

// redlineSegments renders a word-level redline as coloured rich text.
func redlineSegments(ops []redline.Op) []widget.RichTextSegment {
	segs := make([]widget.RichTextSegment, 0, len(ops))
	for _, op := range ops {
		st := widget.RichTextStyleInline
		switch op.Kind {
		case redline.Delete:
			st = styleDeleted
		case redline.Insert:
			st = styleInserted
		}
		segs = append(segs, lineSegments(op.Text, st)...)
	}
	if len(segs) == 0 {
		segs = append(segs, &widget.TextSegment{Text: "", Style: widget.RichTextStyleInline})
	}
	return segs
}

// newRedlineText is a wrapping rich text showing a redline.
func newRedlineText(ops []redline.Op) *widget.RichText {
	rt := widget.NewRichText(redlineSegments(ops)...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// setRedline replaces the redline shown in rt.
func setRedline(rt *widget.RichText, ops []redline.Op) {
	rt.Segments = redlineSegments(ops)
	rt.Refresh()
}

// lineSegments splits text at line breaks: Fyne's inline segments do not
// break lines themselves, so each line but the last ends a paragraph.
func lineSegments(text string, st widget.RichTextStyle) []widget.RichTextSegment {
	lines := strings.Split(text, "\n")
	out := make([]widget.RichTextSegment, 0, len(lines))
	for i, l := range lines {
		s := st
		if i < len(lines)-1 {
			s.Inline = false
		}
		if l == "" && i == len(lines)-1 {
			continue
		}
		out = append(out, &widget.TextSegment{Text: l, Style: s})
	}
	return out
}

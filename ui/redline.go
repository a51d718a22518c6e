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
func redlineSegments(ops []redline.Op) []*widget.TextSegment {
	segs := make([]*widget.TextSegment, 0, len(ops))
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
	return segs
}

// newRedlineText is a wrapping text showing a redline.
func newRedlineText(ops []redline.Op) *wrappedText {
	w := newWrappedText()
	w.set(redlineSegments(ops))
	return w
}

// setRedline replaces the redline shown in w.
func setRedline(w *wrappedText, ops []redline.Op) {
	w.set(redlineSegments(ops))
}

// lineSegments splits text at line breaks: Fyne's inline segments do not
// break lines themselves, so each line but the last ends a paragraph.
func lineSegments(text string, st widget.RichTextStyle) []*widget.TextSegment {
	lines := strings.Split(text, "\n")
	out := make([]*widget.TextSegment, 0, len(lines))
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

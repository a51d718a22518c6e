package ui

import (
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
		segs = append(segs, &widget.TextSegment{Text: op.Text, Style: st})
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

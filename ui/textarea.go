package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// textArea is a multi-line entry where Tab moves to the next field instead
// of typing a tab: comments are prose, and keyboard users must be able to
// leave the box (Fyne's multi-line Entry keeps the Tab key).
type textArea struct {
	widget.Entry
}

func newTextArea(rows int) *textArea {
	t := &textArea{}
	t.MultiLine = true
	t.Wrapping = fyne.TextWrapWord
	t.ExtendBaseWidget(t)
	t.SetMinRowsVisible(rows)
	return t
}

// AcceptsTab is false so that Tab and Shift+Tab move the focus.
func (t *textArea) AcceptsTab() bool { return false }

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

// TypedRune types r with the cursor kept after it (typeRune).
func (t *textArea) TypedRune(r rune) { typeRune(&t.Entry, r) }

// typeRune types r into a word-wrapped entry and makes sure the cursor
// ends up after it. Fyne 2.7.1 leaves the cursor before a space typed at
// the end of the text where a line wraps, so the next words went in before
// that space: "women and girls, Indigenous" became "women and
// girls,Indigenous … again. " in a reviewer's note.
func typeRune(e *widget.Entry, r rune) {
	want := e.CursorTextOffset() + 1
	replacing := e.SelectedText() != ""
	e.TypedRune(r)
	if replacing || e.CursorTextOffset() == want {
		return
	}
	placeCursor(e, want)
}

// placeCursor puts the cursor at rune offset pos, on the last row that
// begins at or before it.
func placeCursor(e *widget.Entry, pos int) {
	row := 0
	for r := 1; r <= len([]rune(e.Text)); r++ {
		e.CursorRow, e.CursorColumn = r, 0
		begin := e.CursorTextOffset()
		if begin == 0 || begin > pos { // past the last row, or past pos
			break
		}
		row = r
	}
	e.CursorRow, e.CursorColumn = row, 0
	e.CursorColumn = pos - e.CursorTextOffset()
	// no Refresh: it would pull the column back onto the row's last
	// visible character, before the space just typed
}

package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// note is typed at many widths, so that spaces fall where lines wrap.
const note = "Amina's proposal on this paragraph is approved. Please fold Indigenous peoples into her wording (older persons, women and girls, Indigenous peoples, persons with disabilities) and send it for review again."

// In the real window a reviewer's note typed into the Request changes box
// came out as "women and girls,Indigenous … again. ": Fyne's word wrap left
// the cursor before a space typed where the line wraps.
func TestTextAreaKeepsSpacesTypedAtAWrap(t *testing.T) {
	test.NewTempApp(t)
	for w := float32(300); w <= 520; w += 2 {
		ta := newTextArea(4)
		win := test.NewWindow(ta)
		win.Resize(fyne.NewSize(w, 200))
		test.Type(ta, note)
		if ta.Text != note || ta.CursorTextOffset() != len([]rune(note)) {
			t.Fatalf("at width %v typed %q, cursor at %d", w, ta.Text, ta.CursorTextOffset())
		}
		test.Type(ta, "!") // the cursor is where the text ends
		if ta.Text != note+"!" {
			t.Fatalf("at width %v then typed %q", w, ta.Text)
		}
		win.Close()
	}
}

// Typing into the middle of a text, and over a selection, still works as
// Fyne does it.
func TestTextAreaTypesInTheMiddleAndOverASelection(t *testing.T) {
	test.NewTempApp(t)
	ta := newTextArea(4)
	win := test.NewWindow(ta)
	defer win.Close()
	win.Resize(fyne.NewSize(320, 200))
	ta.SetText("women girls")
	ta.CursorRow, ta.CursorColumn = 0, len("women")
	test.Type(ta, " and")
	if ta.Text != "women and girls" {
		t.Fatalf("typed in the middle: %q", ta.Text)
	}
	ta.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(ta, "x")
	if ta.Text != "x" {
		t.Fatalf("typed over the selection: %q", ta.Text)
	}
}

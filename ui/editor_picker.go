package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// onPickPassage shows the paragraph in a text box where the user selects
// the passage to quote, with the mouse or Shift+arrows; the paragraph text
// cannot be changed there.
func (e *editor) onPickPassage() {
	if e.block == nil {
		return
	}
	text := e.block.Text
	box := widget.NewMultiLineEntry()
	box.Wrapping = fyne.TextWrapWord
	box.SetText(text)
	box.OnChanged = func(s string) { // read-only: typing puts the text back
		if s != text {
			box.SetText(text)
		}
	}
	hint := widget.NewLabel(lang.L("Select the words you comment on, then press Quote selection."))
	hint.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	use := widget.NewButton(lang.L("Quote selection"), func() {
		if sel := strings.TrimSpace(box.SelectedText()); sel != "" {
			e.quote.SetText(sel)
		}
		d.Hide()
	})
	use.Importance = widget.HighImportance
	body := container.NewBorder(hint, container.NewHBox(use), nil, nil, box)
	d = dialog.NewCustom(lang.L("Pick the passage in {{.Ref}}", map[string]any{"Ref": e.block.Ref}), lang.L("Cancel"), body, e.h.Window())
	d.Resize(fyne.NewSize(760, 420))
	d.Show()
	e.h.Window().Canvas().Focus(box)
}

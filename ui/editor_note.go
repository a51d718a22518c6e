package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
)

// newReviewerNote is the editor's banner for the reviewer's note, so an
// author opening a sent-back item sees at once what to change.
func newReviewerNote() *widget.Label {
	l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	l.Hide()
	return l
}

// showReviewerNote shows the note of a review that asks for changes or
// rejected the item (withdrawn with a note); other statuses hide it.
func showReviewerNote(l *widget.Label, r item.Review) {
	switch {
	case r.Note == "":
		l.Hide()
		return
	case r.Status == item.StatusChangesRequested:
		l.SetText(lang.L("Changes requested by the reviewer: {{.Note}}\nWhen done, set the status to ready-for-review and save.", map[string]any{"Note": r.Note}))
	case r.Status == item.StatusWithdrawn:
		l.SetText(lang.L("Rejected by the reviewer (withdrawn): {{.Note}}", map[string]any{"Note": r.Note}))
	default:
		l.Hide()
		return
	}
	l.Show()
}

// reviewed follows a reviewer's decision on the comment open in the
// editor: its status and note change under the form, and a later save of
// the form must not put the old status back.
func (e *editor) reviewed(c item.Comment) {
	if !e.active || e.cur.ID != c.ID {
		return
	}
	e.loading = true
	defer func() { e.loading = false }()
	e.cur.Review, e.cur.Updated = c.Review, c.Updated
	e.loadStatus(c.Review)
	showReviewerNote(e.note, c.Review)
}

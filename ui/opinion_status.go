package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
)

// opinionStatus is the Opinion editor's status, as the comment editor has
// one: without it an Opinion proposal could never be sent for review, nor
// sent back after the reviewer asked for changes. The reviewer's note
// shows above the form.
type opinionStatus struct {
	sel  *widget.Select
	note *widget.Label
}

func newOpinionStatus(ed *opinionEditor) *opinionStatus {
	st := &opinionStatus{note: newReviewerNote()}
	st.sel = widget.NewSelect(nil, func(string) { ed.changed() })
	return st
}

// row is the status field as the form shows it.
func (st *opinionStatus) row() fyne.CanvasObject {
	label := widget.NewLabelWithStyle(lang.L("Status"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel(lang.L("Set it to Ready for review and save when the coordinator may look at it."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	return container.NewVBox(container.NewBorder(nil, nil, label, nil, st.sel), hint)
}

// load offers the proposal's status and the ones it may move to.
func (st *opinionStatus) load(r item.Review) {
	if r.Status == "" { // a proposal not saved yet is saved as a draft
		r.Status = item.StatusDraft
	}
	opts := []string{statusName(r.Status)}
	for _, s := range allStatuses {
		if s != r.Status && item.CanMove(r.Status, s) {
			opts = append(opts, statusName(s))
		}
	}
	st.sel.Options = opts
	st.sel.SetSelected(statusName(r.Status))
	showReviewerNote(st.note, r)
}

// apply moves o to the chosen status, if it changed.
func (st *opinionStatus) apply(o *item.Opinion) error {
	if o.Review.Status == "" {
		o.Review.Status = item.StatusDraft
	}
	to := statusOf(st.sel.Selected)
	if to == "" || to == o.Review.Status {
		return nil
	}
	r, err := o.Review.Move(to, "")
	if err != nil {
		return err
	}
	o.Review = r
	return nil
}

// reviewed follows a reviewer's decision on a proposal: the list shows
// its new status.
func (sc *opinionScreen) reviewed(o item.Opinion) {
	sc.refresh()
	sc.ed.reviewed(o)
}

// reviewed follows a reviewer's decision on the proposal open in the
// editor, so a later save does not put the old status back.
func (ed *opinionEditor) reviewed(o item.Opinion) {
	if !ed.active || ed.cur.ID != o.ID {
		return
	}
	ed.loading = true
	defer func() { ed.loading = false }()
	ed.cur.Review, ed.cur.Updated = o.Review, o.Updated
	ed.status.load(o.Review)
}

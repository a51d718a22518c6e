package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/review"
	"github.com/delegate-itu/delegate/model/usecase"
)

// updateActions enables the decisions the status machine allows and says
// what the selected item is waiting for.
func (r *reviewScreen) updateActions(it review.Item) {
	rv := it.Review()
	enable := func(b *widget.Button, a review.Action) {
		if review.Can(a, rv) {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	enable(r.approve, review.Approve)
	enable(r.changes, review.RequestChanges)
	enable(r.reject, review.Reject)
	who := map[string]any{"Who": it.Author().Name, "Note": rv.Note}
	var s string
	switch rv.Status {
	case item.StatusReady:
		s = lang.L("{{.Who}} sent this for review. Approve it for the submission, or request changes with a note {{.Who}} will see. Reject withdraws it with your note: Delegate has no separate \"rejected\" status, and the author can bring a withdrawn item back as a draft.", who)
	case item.StatusChangesRequested:
		s = lang.L("Waiting for {{.Who}} to make the changes you asked for and send it for review again.", who)
	case item.StatusApproved:
		s = lang.L("Approved: it goes into the submission. Request changes to send it back to {{.Who}}.", who)
	case item.StatusDraft:
		s = lang.L("{{.Who}} has not sent this for review yet.", who)
	case item.StatusWithdrawn:
		s = lang.L("Withdrawn (rejected items are withdrawn with the reviewer's note): it stays out of the submission unless {{.Who}} brings it back as a draft.", who)
	default:
		s = lang.L("Already sent to the secretariat.")
	}
	r.state.SetText(s)
}

func (r *reviewScreen) onApprove() { r.decide(review.Approve, "") }

func (r *reviewScreen) onRequestChanges() {
	r.askNote(review.RequestChanges, lang.L("Request changes"), lang.L("Send back"),
		lang.L("What should {{.Who}} change? They see this note when they open the item.", r.authorOf()))
}

func (r *reviewScreen) onReject() {
	r.askNote(review.Reject, lang.L("Reject"), lang.L("Reject (withdraw)"),
		lang.L("Why is this item not going in? Rejecting withdraws it with your note; {{.Who}} sees the note and can bring the item back as a draft.", r.authorOf()))
}

func (r *reviewScreen) authorOf() map[string]any {
	it, _ := r.board.Item(r.sel)
	if it.Comment == nil && it.Opinion == nil {
		return map[string]any{"Who": ""}
	}
	return map[string]any{"Who": it.Author().Name}
}

// askNote asks for the note a decision needs, then makes it.
func (r *reviewScreen) askNote(a review.Action, title, confirm, prompt string) {
	it, ok := r.board.Item(r.sel)
	if !ok || !review.Can(a, it.Review()) {
		return
	}
	note := newTextArea(4)
	note.SetPlaceHolder(lang.L("Note for the author"))
	msg := widget.NewLabel(prompt)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, confirm, lang.L("Cancel"), container.NewVBox(msg, note), func(ok bool) {
		if ok {
			r.decide(a, note.Text)
		}
	}, r.h.Window())
	d.Resize(fyne.NewSize(520, 280))
	d.Show()
	r.h.Window().Canvas().Focus(note)
}

// decide applies a decision to the selected item and commits it off the
// UI goroutine; the selection moves on to the next item of the lane.
func (r *reviewScreen) decide(a review.Action, note string) {
	it, ok := r.board.Item(r.sel)
	if !ok || r.h.Busy() {
		return
	}
	d, err := usecase.Decide(it, a, note)
	if err != nil {
		if errors.Is(err, review.ErrNoteRequired) {
			err = errors.New(lang.L("Write a note for the author: it tells them why."))
		}
		r.h.ShowError(err)
		return
	}
	next := r.nextInLane()
	ws := r.h.Workspace()
	r.h.RunHeld(func() {
		err = d.Save(ws)
	}, func() {
		if err != nil {
			r.h.ShowError(fmt.Errorf("%s: %w", lang.L("The decision was not saved"), userError(err)))
			return
		}
		if d.Comment != nil {
			r.h.CommentReviewed(*d.Comment)
		} else {
			r.putOpinion(*d.Opinion)
			r.h.OpinionReviewed(*d.Opinion)
		}
		r.sel = next
		r.h.ItemsChanged()
		r.h.SetNews(lang.L("{{.Where}} ({{.Who}}): {{.Status}}", map[string]any{"Where": placeName(it), "Who": it.Author().Name, "Status": statusWord(d.Review.Status)}))
	})
}

// nextInLane is the item the coordinator goes on to after deciding on the
// selected one: the next of its status, else the previous.
func (r *reviewScreen) nextInLane() string {
	var lane []string
	at := -1
	for _, row := range r.rows {
		if row.header || row.lane != r.selLane() {
			continue
		}
		if row.it.ID() == r.sel {
			at = len(lane)
		}
		lane = append(lane, row.it.ID())
	}
	switch {
	case at < 0:
		return r.sel
	case at+1 < len(lane):
		return lane[at+1]
	case at > 0:
		return lane[at-1]
	}
	return r.sel
}

func (r *reviewScreen) selLane() item.Status {
	it, _ := r.board.Item(r.sel)
	if it.Comment == nil && it.Opinion == nil {
		return ""
	}
	return it.Status()
}

// putOpinion replaces a saved Opinion proposal in the screen's copy.
func (r *reviewScreen) putOpinion(o item.Opinion) {
	for i := range r.opinions {
		if r.opinions[i].ID == o.ID {
			r.opinions[i] = o
			return
		}
	}
	r.opinions = append(r.opinions, o)
}

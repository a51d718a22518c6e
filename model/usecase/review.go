package usecase

import (
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/review"
	"github.com/delegate-itu/delegate/model/store"
)

// ReviewDecision is the coordinator's decision applied to one item, not
// yet saved: a screen checks it at once and saves it off its goroutine.
type ReviewDecision struct {
	Comment *item.Comment // the decided comment (a copy), or nil
	Opinion *item.Opinion // the decided Opinion proposal (a copy), or nil
	Review  item.Review   // the item's review state after the decision
	Message string        // the commit message, naming the action and the note
}

// Decide applies action a with note to it through the review state
// machine (review.Apply): an action the item's status does not allow, or
// one without the note it needs (review.ErrNoteRequired), is refused.
func Decide(it review.Item, a review.Action, note string) (ReviewDecision, error) {
	rv, err := review.Apply(a, it.Review(), note)
	if err != nil {
		return ReviewDecision{}, err
	}
	d := ReviewDecision{Review: rv, Message: a.Message(note)}
	if it.Comment != nil {
		c := *it.Comment
		c.Review = rv
		d.Comment = &c
	} else {
		o := *it.Opinion
		o.Review = rv
		d.Opinion = &o
	}
	return d, nil
}

// Save commits the decided item (one commit); the item it holds is
// updated as saved.
func (d ReviewDecision) Save(w *store.Workspace) error {
	if d.Comment != nil {
		return w.SaveComment(d.Comment, d.Message)
	}
	return w.SaveOpinion(d.Opinion, d.Message)
}

package review

import (
	"errors"
	"fmt"
	"strings"

	"github.com/delegate-itu/delegate/model/item"
)

// ErrNoteRequired means requesting changes or rejecting needs a note that tells
// the author why.
var ErrNoteRequired = errors.New("write a note for the author")

// Action is a reviewer's decision on an item.
type Action string

// The reviewer's decisions. The status machine has no "rejected": a
// rejected item is withdrawn with the reviewer's note, so it leaves the
// submission and its author can still bring it back as a draft.
const (
	Approve        Action = "approve"
	RequestChanges Action = "request-changes"
	Reject         Action = "reject"
)

// target is the status each decision moves an item to.
func (a Action) target() item.Status {
	switch a {
	case Approve:
		return item.StatusApproved
	case RequestChanges:
		return item.StatusChangesRequested
	}
	return item.StatusWithdrawn
}

// Can reports whether the decision applies to an item in review r:
// approving needs an item ready for review; rejecting is for items not
// yet sent.
func Can(a Action, r item.Review) bool {
	if a == Reject && (r.Status == item.StatusSubmitted || r.Status == item.StatusAcknowledged) {
		return false
	}
	return item.CanMove(r.Status, a.target())
}

// Apply returns the review after the decision. Requesting changes and
// rejecting keep the note, which the author sees in the editor.
func Apply(a Action, r item.Review, note string) (item.Review, error) {
	note = strings.TrimSpace(note)
	if a != Approve && note == "" {
		return r, ErrNoteRequired
	}
	if !Can(a, r) {
		return r, fmt.Errorf("%w: cannot %s an item that is %s", item.ErrTransition, a, r.Status)
	}
	next, err := r.Move(a.target(), note)
	if err != nil {
		return r, err
	}
	if a == Reject {
		next.Note = note // Move keeps a note only for changes requested
	}
	return next, nil
}

// Message is what the commit of a decision says after the item's subject
// ("Comment on ¶11: approve").
func (a Action) Message(note string) string {
	first := strings.TrimSpace(note)
	if i := strings.IndexByte(first, '\n'); i >= 0 {
		first = strings.TrimSpace(first[:i])
	}
	if r := []rune(first); len(r) > 60 {
		first = string(r[:59]) + "…"
	}
	switch a {
	case Approve:
		return "approve for submission"
	case RequestChanges:
		return "request changes: " + first
	}
	return "reject (withdrawn by the reviewer): " + first
}

package anchor

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// Errors callers tell apart with errors.Is.
var (
	// ErrNoPlace: confirming an orphan; there is no place to confirm.
	ErrNoPlace = errors.New("this comment's passage is gone from the new draft: re-attach it to a passage or dismiss it")
	// ErrBadPlace: a re-attach names a paragraph or span the new draft
	// does not have.
	ErrBadPlace = errors.New("that place is not in the new draft")
)

// Action is what the user decided for one carried comment; the values are
// stable (they are written into the carry commit).
type Action string

// The three user actions of the carry review.
const (
	// ActionConfirm accepts the place the carrier found.
	ActionConfirm Action = "confirm"
	// ActionReattach attaches the comment to a passage the user picked.
	ActionReattach Action = "reattach"
	// ActionDismiss leaves the comment behind on the draft it was written
	// on and withdraws it, where its status allows; withdrawing can be
	// undone (withdrawn → draft) and the thread is never deleted.
	ActionDismiss Action = "dismiss"
)

// Decision is one user decision, ready for Apply and the store.
type Decision struct {
	ItemID  string      `json:"item_id"`
	Action  Action      `json:"action"`
	Outcome Outcome     `json:"outcome"`
	Anchor  item.Anchor `json:"anchor"` // the new anchor (confirm, reattach); DraftID set by Apply
	Note    string      `json:"note,omitempty"`
}

// Confirm accepts the carrier's place for r.
func Confirm(r Result) (Decision, error) {
	if !r.Placed() {
		return Decision{}, fmt.Errorf("comment %s: %w", r.ItemID, ErrNoPlace)
	}
	return Decision{ItemID: r.ItemID, Action: ActionConfirm, Outcome: r.Outcome, Anchor: r.Anchor}, nil
}

// Reattach attaches r's comment to a passage of the new draft the user
// chose: the paragraph's ID and a byte span of its text (start = end = 0
// for the whole paragraph, as is a span over all of it). The quote and its context come from the
// draft, so the new anchor is as complete as one written by hand.
func Reattach(r Result, new *report.Draft, blockID string, start, end int) (Decision, error) {
	b := new.Block(blockID)
	if b == nil {
		return Decision{}, fmt.Errorf("paragraph %s: %w", blockID, ErrBadPlace)
	}
	t := norm.NFC.String(b.Text)
	if start < 0 || end < start || end > len(t) || !utf8.ValidString(t[start:end]) || !boundary(t, start) || !boundary(t, end) {
		return Decision{}, fmt.Errorf("span %d–%d of %s: %w", start, end, b.Ref, ErrBadPlace)
	}
	a := Whole(*b)
	if end > start && end-start < len(t) {
		a = Span(*b, t, start, end)
	}
	return Decision{ItemID: r.ItemID, Action: ActionReattach, Outcome: r.Outcome, Anchor: a}, nil
}

func boundary(t string, i int) bool { return i == len(t) || utf8.RuneStart(t[i]) }

// Dismiss leaves r's comment behind; note says why (kept in the review note).
func Dismiss(r Result, note string) Decision {
	return Decision{ItemID: r.ItemID, Action: ActionDismiss, Outcome: r.Outcome, Note: strings.TrimSpace(note)}
}

// Auto confirms every result that needs no review; the others wait for
// the user (their IDs are returned in pending).
func Auto(rs []Result) (decided []Decision, pending []string) {
	for _, r := range rs {
		if r.NeedsReview() {
			pending = append(pending, r.ItemID)
			continue
		}
		d, _ := Confirm(r)
		decided = append(decided, d)
	}
	return decided, pending
}

// Apply returns c as it is after decision d on the carry to draftID. The
// old anchor is not kept in the item: it stays in the workspace history.
func Apply(c item.Comment, d Decision, draftID string, now time.Time) (item.Comment, error) {
	if d.ItemID != c.ID {
		return c, fmt.Errorf("decision for %s applied to comment %s", d.ItemID, c.ID)
	}
	switch d.Action {
	case ActionConfirm, ActionReattach:
		if d.Anchor.ParagraphID == "" {
			return c, fmt.Errorf("comment %s: %w", c.ID, ErrNoPlace)
		}
		c.Anchor = d.Anchor
		c.Anchor.DraftID = draftID
	case ActionDismiss:
		if c.Review.Status == item.StatusWithdrawn || !item.CanMove(c.Review.Status, item.StatusWithdrawn) {
			return c, nil
		}
		c.Review = item.Review{Status: item.StatusWithdrawn, Note: dismissNote(draftID, d.Note)}
	default:
		return c, fmt.Errorf("comment %s: unknown carry action %q", c.ID, d.Action)
	}
	c.Updated = now
	return c, nil
}

func dismissNote(draftID, note string) string {
	s := "dismissed when carrying to " + draftID
	if note != "" {
		s += ": " + note
	}
	return s
}

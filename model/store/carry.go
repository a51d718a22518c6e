package store

import (
	"fmt"
	"strings"

	"github.com/delegate-itu/delegate/model/item"
)

// Carried is one comment after a carry to a new draft (its anchor moved,
// or its review status changed when dismissed), with what happened to it
// in words the commit message keeps: the outcome ("moved") and the user's
// action ("confirm", "reattach", "dismiss").
type Carried struct {
	Comment item.Comment
	Outcome string
	Action  string
}

// SaveCarry records a carry to draft toDraft as ONE commit: every carried
// comment's file is rewritten with its new anchor, so its previous anchor
// stays in history as the version before. One commit per carry, not per
// item, because carrying is one user action: it is all-or-nothing if the
// machine stops half-way, one "undo" point, and 5,000 comments cost one
// tree write instead of 5,000 commits. Each item's history still lists the
// carry commit, whose message names the draft and each item's outcome.
func (w *Workspace) SaveCarry(toDraft string, items []Carried) (string, error) {
	if _, err := w.Draft(toDraft); err != nil {
		return "", fmt.Errorf("carry to %s: %w", toDraft, err)
	}
	if len(items) == 0 {
		return "", nil
	}
	changes := make([]change, 0, len(items))
	lines := make([]string, 0, len(items))
	for _, it := range items {
		c := it.Comment
		c.Normalize()
		if err := c.Validate(); err != nil {
			return "", fmt.Errorf("comment %s not carried: %w", c.ID, err)
		}
		data, err := FormatComment(c)
		if err != nil {
			return "", err
		}
		changes = append(changes, change{path: commentPath(c.ID), data: data})
		lines = append(lines, fmt.Sprintf("Item: %s\nCarried: %s %s %s %s", c.ID, c.ID, it.Outcome, it.Action, c.Anchor.Number))
	}
	msg := fmt.Sprintf("Carry %d comments to draft %s\n\nDraft: %s\n%s", len(items), toDraft, toDraft, strings.Join(lines, "\n"))
	h, err := w.commit(msg, changes)
	if err != nil {
		return "", err
	}
	return h.String(), nil
}

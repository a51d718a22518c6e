package item

import (
	"fmt"
	"strings"
)

// Status is where an item stands in the delegation's review and submission.
type Status string

// Statuses, in the order an item normally passes through them.
const (
	StatusDraft            Status = "draft"
	StatusReady            Status = "ready-for-review"
	StatusChangesRequested Status = "changes-requested"
	StatusApproved         Status = "approved"
	StatusSubmitted        Status = "submitted"
	StatusAcknowledged     Status = "acknowledged"
	StatusWithdrawn        Status = "withdrawn"
)

// transitions is the state machine: which status may follow which.
// Withdrawn items can be brought back as drafts; acknowledged is final.
var transitions = map[Status][]Status{
	StatusDraft:            {StatusReady, StatusWithdrawn},
	StatusReady:            {StatusDraft, StatusChangesRequested, StatusApproved, StatusWithdrawn},
	StatusChangesRequested: {StatusDraft, StatusReady, StatusWithdrawn},
	StatusApproved:         {StatusDraft, StatusChangesRequested, StatusSubmitted, StatusWithdrawn},
	StatusSubmitted:        {StatusAcknowledged, StatusWithdrawn},
	StatusAcknowledged:     nil,
	StatusWithdrawn:        {StatusDraft},
}

// ParseStatus accepts a status name in any case, with spaces or dashes.
func ParseStatus(s string) (Status, error) {
	norm := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), " ", "-")
	if _, ok := transitions[Status(norm)]; ok {
		return Status(norm), nil
	}
	return "", fieldErr("status", "%q is not a status (draft, ready-for-review, changes-requested, approved, submitted, acknowledged, withdrawn)", s)
}

// CanMove reports whether an item may go from one status to another.
func CanMove(from, to Status) bool {
	for _, s := range transitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// Review is an item's status with the detail each status needs: the
// reviewer's note for changes requested, the package an item went out in,
// the number the secretariat gave it.
type Review struct {
	Status            Status `toml:"status" json:"status"`
	Note              string `toml:"reviewer_note,omitempty" json:"reviewer_note,omitempty"`
	Package           string `toml:"package,omitempty" json:"package,omitempty"`
	SecretariatNumber string `toml:"secretariat_number,omitempty" json:"secretariat_number,omitempty"`
}

// Move returns the review after a status change. detail is the reviewer's
// note (changes requested), the package name (submitted) or the
// secretariat's number (acknowledged); other statuses ignore it.
func (r Review) Move(to Status, detail string) (Review, error) {
	if !CanMove(r.Status, to) {
		return r, fmt.Errorf("%w: from %s to %s", ErrTransition, r.Status, to)
	}
	next := Review{Status: to, Package: r.Package, SecretariatNumber: r.SecretariatNumber}
	switch to {
	case StatusChangesRequested:
		next.Note = detail
	case StatusSubmitted:
		next.Package = detail
	case StatusAcknowledged:
		next.SecretariatNumber = detail
	case StatusDraft:
		next.Package, next.SecretariatNumber = "", ""
	}
	return next, next.Validate()
}

// Validate checks that the status is known and carries its detail.
func (r Review) Validate() error {
	if _, ok := transitions[r.Status]; !ok {
		return fieldErr("status", "%q is not a status", r.Status)
	}
	switch {
	case r.Status == StatusChangesRequested && strings.TrimSpace(r.Note) == "":
		return fieldErr("reviewer_note", "is required when changes are requested")
	case r.Status == StatusSubmitted && r.Package == "":
		return fieldErr("package", "is required once the item is submitted")
	case r.Status == StatusAcknowledged && r.SecretariatNumber == "":
		return fieldErr("secretariat_number", "is required once the secretariat acknowledged the item")
	}
	return nil
}

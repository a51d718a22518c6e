// Package review is the coordinator's desk without the screen: every
// author's items in a queue by status, the proposals on one paragraph side
// by side with duplicates and conflicts flagged, the status changes a
// reviewer makes, and the list of exactly what will be submitted.
package review

import (
	"strconv"
	"strings"
	"time"

	"github.com/delegate-itu/delegate/model/item"
)

// Item is one comment or Opinion proposal under review; exactly one of
// Comment and Opinion is set. The review handles both alike so a
// coordinator works through one queue.
type Item struct {
	Comment *item.Comment
	Opinion *item.Opinion
}

// ID is the item's ID.
func (it Item) ID() string {
	if it.Opinion != nil {
		return it.Opinion.ID
	}
	return it.Comment.ID
}

// Author is who wrote the item.
func (it Item) Author() item.Person {
	if it.Opinion != nil {
		return it.Opinion.Author
	}
	return it.Comment.Author
}

// Review is the item's status and reviewer's note.
func (it Item) Review() item.Review {
	if it.Opinion != nil {
		return it.Opinion.Review
	}
	return it.Comment.Review
}

// Status is the item's review status.
func (it Item) Status() item.Status { return it.Review().Status }

// Created is when the item was first saved.
func (it Item) Created() time.Time {
	if it.Opinion != nil {
		return it.Opinion.Created
	}
	return it.Comment.Created
}

// Proposal reports whether the item proposes text: a comment with a text
// proposal, or any Opinion proposal.
func (it Item) Proposal() bool { return it.Opinion != nil || it.Comment.Proposal != nil }

// Place is the key of the passage the item is on: the same paragraph of
// the same draft, the same draft Opinion, or "new draft Opinions". Items
// with one Place are reviewed side by side.
func (it Item) Place() string {
	if o := it.Opinion; o != nil {
		if o.Amends > 0 {
			return "opinion/" + strconv.Itoa(o.Amends)
		}
		return "opinion/new"
	}
	a := it.Comment.Anchor
	p := a.ParagraphID
	if p == "" {
		p = "#" + a.Number
	}
	return a.DraftID + "/" + p
}

// Where says where the item applies, as people quote it: "§2.1 ¶11",
// "draft Opinion 3", "new draft Opinion".
func (it Item) Where() string {
	if o := it.Opinion; o != nil {
		if o.Amends > 0 {
			return "draft Opinion " + strconv.Itoa(o.Amends)
		}
		return "new draft Opinion"
	}
	return it.Comment.Anchor.Number
}

// Excerpt is the item's gist on one line of at most n characters: the
// comment's text (else its proposal), or the Opinion proposal's notes or
// reasons (else its title, which an amendment shares with the original).
func (it Item) Excerpt(n int) string {
	var s string
	switch {
	case it.Opinion != nil: // what the author says it does, else the title
		s = firstText(it.Opinion.Body, it.Opinion.Reasons, it.Opinion.Title)
	case strings.TrimSpace(it.Comment.Body) != "":
		s = it.Comment.Body
	case it.Comment.Proposal != nil:
		s = string(it.Comment.Proposal.Action) + ": " + it.Comment.Proposal.Proposed
	}
	s = strings.Join(strings.Fields(strings.NewReplacer("*", "", "_", "").Replace(s)), " ")
	if r := []rune(s); n > 1 && len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// Items wraps comments and Opinion proposals for the review.
func Items(cs []item.Comment, os []item.Opinion) []Item {
	out := make([]Item, 0, len(cs)+len(os))
	for i := range cs {
		out = append(out, Item{Comment: &cs[i]})
	}
	for i := range os {
		out = append(out, Item{Opinion: &os[i]})
	}
	return out
}

func firstText(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

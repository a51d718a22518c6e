package review

import (
	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
)

// Submission is exactly what an export of the approved items will send:
// the approved items in the contribution's order with its numbers
// (export.Contents), for the delegation of profile p.
func (b *Board) Submission(p item.Profile) []export.Entry {
	in := export.Input{Delegation: p, Report: b.in.Report}
	for _, c := range b.in.Comments {
		if c.Review.Status == item.StatusApproved {
			in.Comments = append(in.Comments, c)
		}
	}
	for _, o := range b.in.Opinions {
		if o.Review.Status == item.StatusApproved {
			in.Opinions = append(in.Opinions, o)
		}
	}
	return export.Contents(in)
}

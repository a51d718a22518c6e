package usecase

import (
	"fmt"
	"sort"

	"github.com/delegate-itu/delegate/model/anchor"
	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
)

// OpinionCarry is one Opinion proposal written on an earlier draft and
// where it lands in the target draft.
type OpinionCarry struct {
	Result  anchor.OpinionResult
	From    string       // the draft it was written on
	Opinion item.Opinion // the proposal as it is before the carry
}

// OpinionPlan carries every Opinion proposal written on an earlier draft
// to target (draft to), beside CarryPlan's comments: an amendment follows
// its draft Opinion however the secretariat renumbered, retitled or
// reordered it, item by item; a new Opinion the secretariat took is
// incorporated. A proposal saved before drafts were recorded on proposals
// is taken as written on fallback. Withdrawn ones stay where they are.
func OpinionPlan(load DraftLoader, to string, target *report.Draft, opinions []item.Opinion, fallback string) ([]OpinionCarry, error) {
	if target == nil {
		return nil, nil
	}
	next := make([]item.Opinion, len(target.Opinions))
	for i, o := range target.Opinions {
		next[i] = export.OpinionToAmend(o)
	}
	os := append([]item.Opinion(nil), opinions...)
	sort.SliceStable(os, func(i, j int) bool { return os[i].Created.Before(os[j].Created) })
	var plan []OpinionCarry
	for _, o := range os {
		from := o.Draft
		if from == "" {
			from = fallback
		}
		if from == "" || from == to || o.Review.Status == item.StatusWithdrawn {
			continue
		}
		var base *item.Opinion
		if o.Amends > 0 {
			old, err := load(from)
			if err != nil {
				return plan, err
			}
			if ro, ok := export.FindOpinion(old, o.Amends); ok {
				b := export.OpinionToAmend(ro)
				base = &b
			}
		}
		plan = append(plan, OpinionCarry{Result: anchor.CarryOpinion(o, base, next), From: from, Opinion: o})
	}
	return plan, nil
}

// DraftBefore is the draft imported last before draft to ("" when to is
// the first): the draft a proposal with no recorded draft was written on.
func DraftBefore(drafts []store.DraftMeta, to string) string {
	var at *store.DraftMeta
	for i := range drafts {
		if drafts[i].ID == to {
			at = &drafts[i]
		}
	}
	if at == nil {
		return ""
	}
	best := ""
	var when store.DraftMeta
	for _, d := range drafts {
		if d.ID != to && d.Imported.Before(at.Imported) && (best == "" || d.Imported.After(when.Imported)) {
			best, when = d.ID, d
		}
	}
	return best
}

// ApplyOpinionCarry records that the user accepted where an Opinion
// proposal landed: an amendment now amends the successor's number, and the
// proposal is on draft to. One commit.
func ApplyOpinionCarry(w *store.Workspace, to string, oc OpinionCarry) (item.Opinion, error) {
	if oc.Result.Outcome == anchor.OutcomeOrphaned {
		return oc.Opinion, fmt.Errorf("%s: the draft Opinion it amends is not in the new draft; edit the proposal to choose one", oc.Opinion.Title)
	}
	o := oc.Opinion
	if o.Amends > 0 && oc.Result.NewNumber > 0 {
		o.Amends = oc.Result.NewNumber
	}
	o.Draft = to
	if err := w.SaveOpinion(&o, fmt.Sprintf("carried to draft %s (%s)", to, oc.Result.Outcome)); err != nil {
		return oc.Opinion, err
	}
	return o, nil
}

package usecase_test

import (
	"strings"
	"testing"

	"github.com/delegate-itu/delegate/model/anchor"
	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/usecase"
	"github.com/delegate-itu/delegate/model/usecase/usecasetest"
)

// An amendment written on the 2nd draft follows its draft Opinion onto the
// 3rd: taken where the secretariat made the same change, unchanged where
// the lines it changes still read the same; a withdrawn one stays.
func TestOpinionPlan(t *testing.T) {
	w, _ := openCarry(t)
	old, err := usecase.Draft(w, "2nd-draft")
	if err != nil {
		t.Fatal(err)
	}
	target, err := usecase.Draft(w, usecasetest.Target)
	if err != nil {
		t.Fatal(err)
	}
	amend := func(n int, what string, edit func(*item.Opinion)) item.Opinion {
		ro, ok := export.FindOpinion(old, n)
		if !ok {
			t.Fatalf("the 2nd draft has no draft Opinion %d", n)
		}
		o := export.OpinionToAmend(ro)
		o.Draft = "2nd-draft"
		edit(&o)
		if err := w.SaveOpinion(&o, what); err != nil {
			t.Fatal(err)
		}
		return o
	}
	taken := amend(3, "software faults", func(o *item.Opinion) {
		o.Preamble[0].Items[1] = "that natural hazards, technical failures, software faults and deliberate attacks can disrupt networks and services"
	})
	kept := amend(1, "title", func(o *item.Opinion) { o.Operative[0].Items[0].Text += " and report on progress" })
	gone := amend(2, "withdrawn", func(o *item.Opinion) { o.Title += " and skills" })
	gone.Review.Status = item.StatusWithdrawn
	if err := w.SaveOpinion(&gone, "withdraw"); err != nil {
		t.Fatal(err)
	}
	ops, err := w.Opinions()
	if err != nil {
		t.Fatal(err)
	}
	plan, err := usecase.OpinionPlan(usecase.Drafts(w), usecasetest.Target, target, ops, "")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]anchor.OpinionResult{}
	for _, oc := range plan {
		got[oc.Opinion.ID] = oc.Result
	}
	if len(plan) != 2 {
		t.Fatalf("plan carries %d proposals, want the two not withdrawn: %+v", len(plan), got)
	}
	if r := got[taken.ID]; r.Outcome != anchor.OutcomeIncorporated || r.NewNumber != 3 {
		t.Errorf("amendment the 3rd draft took: %s onto %d (%s)", r.Outcome, r.NewNumber, r.Reason)
	}
	if r := got[kept.ID]; r.Outcome != anchor.OutcomeUnchanged || r.NewNumber != 1 || len(r.Lines) != 1 {
		t.Errorf("amendment of an unchanged Opinion: %s onto %d, lines %+v (%s)", r.Outcome, r.NewNumber, r.Lines, r.Reason)
	}
	for _, oc := range plan {
		if oc.Opinion.ID != kept.ID {
			continue
		}
		o, err := usecase.ApplyOpinionCarry(w, usecasetest.Target, oc)
		if err != nil {
			t.Fatal(err)
		}
		if o.Draft != usecasetest.Target || o.Amends != 1 {
			t.Errorf("applied: on draft %q amending %d", o.Draft, o.Amends)
		}
	}
	ops, _ = w.Opinions()
	again, err := usecase.OpinionPlan(usecase.Drafts(w), usecasetest.Target, target, ops, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, oc := range again {
		if oc.Opinion.ID == kept.ID {
			t.Errorf("a carried proposal is carried again")
		}
	}
	if !strings.Contains(got[taken.ID].Lines[0].Now, "software faults") {
		t.Errorf("the taken line reads now %q", got[taken.ID].Lines[0].Now)
	}
}

package ui

import (
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/delegate-itu/delegate/model/anchor"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/usecase"
)

// carryPlan is the carry screen's rows: usecase.CarryPlan on the current
// draft (withdrawn comments stay where they are).
func carryPlan(w *work) ([]carryRow, error) {
	plan, err := usecase.CarryPlan(w.parsed, w.cur.ID, w.draft, w.comments)
	var rows []carryRow
	for _, p := range plan {
		rows = append(rows, carryRow{res: p.Result, from: p.From})
	}
	if err != nil {
		return rows, err
	}
	ops, err := w.ws.Opinions()
	if err != nil {
		return rows, err
	}
	oplan, err := usecase.OpinionPlan(w.parsed, w.cur.ID, w.draft, ops, usecase.DraftBefore(w.drafts, w.cur.ID))
	for i := range oplan {
		rows = append(rows, carryRow{op: &oplan[i], from: oplan[i].From})
	}
	doubtfulFirst(rows)
	return rows, err
}

// doubtfulFirst puts the rows the user must look at first, the least sure
// (orphans) at the top, and keeps the plan's order among equals and among
// the sure ones: the expert meets the doubtful placements first.
func doubtfulFirst(rows []carryRow) {
	rank := func(r carryRow) float64 {
		review, outcome, conf := r.res.NeedsReview(), r.res.Outcome, r.res.Confidence
		if r.op != nil {
			review, outcome, conf = r.op.Result.NeedsReview(), r.op.Result.Outcome, r.op.Result.Confidence
		}
		switch {
		case !review:
			return 2
		case outcome == anchor.OutcomeOrphaned:
			return 0
		}
		return conf // below Sure, so below 1
	}
	sort.SliceStable(rows, func(i, j int) bool { return rank(rows[i]) < rank(rows[j]) })
}

// opinionWords is outcomeWords for an Opinion proposal.
func opinionWords(r anchor.OpinionResult) string {
	s := outcomeWords(anchor.Result{Outcome: r.Outcome, Confidence: 1})
	s = s[:strings.LastIndex(s, " · ")]
	if r.NeedsReview() {
		return s + " · " + lang.L("check")
	}
	return s + " · " + percent(r.Confidence)
}

// opinionRef names a draft Opinion by its number.
func opinionRef(n int) string {
	if n == 0 {
		return lang.L("New draft Opinion")
	}
	return lang.L("Draft Opinion {{.N}}", map[string]any{"N": n})
}

// outcomeWords says in plain words what became of the commented passage.
func outcomeWords(r anchor.Result) string {
	var s string
	switch r.Outcome {
	case anchor.OutcomeUnchanged:
		s = lang.L("unchanged")
	case anchor.OutcomeMoved:
		s = lang.L("moved")
	case anchor.OutcomeBaseChanged:
		s = lang.L("base text changed")
	case anchor.OutcomeIncorporated:
		s = lang.L("already incorporated")
	default:
		s = lang.L("orphaned")
	}
	if r.NeedsReview() {
		return s + " · " + lang.L("check")
	}
	return s + " · " + percent(r.Confidence)
}

// decide applies decisions and records them as one carry commit.
func (w *work) decide(ds []anchor.Decision, outcomes map[string]string) ([]item.Comment, error) {
	var decided []usecase.Decided
	for _, d := range ds {
		if c, ok := w.comment(d.ItemID); ok {
			decided = append(decided, usecase.Decided{Comment: c, Decision: d, Outcome: outcomes[d.ItemID]})
		}
	}
	out, _, err := usecase.ApplyCarry(w.ws, w.cur.ID, decided, time.Now())
	if err != nil {
		return nil, err
	}
	for _, c := range out {
		w.put(c)
	}
	return out, nil
}

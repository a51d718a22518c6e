package main

import (
	"fmt"
	"time"

	"github.com/delegate-itu/delegate/model/anchor"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
)

// carryReport is the --json output of delegatectl carry.
type carryReport struct {
	To      string          `json:"to"`
	Results []anchor.Result `json:"results"`
	// Opinions are the Opinion proposals carried beside the comments.
	Opinions []anchor.OpinionResult `json:"opinions"`
	Summary  map[anchor.Outcome]int `json:"summary"`
	Review   int                    `json:"needs_review"`
	Commit   string                 `json:"commit,omitempty"`
}

// runCarry carries every comment not yet on draft --to onto it and prints
// each outcome; --apply records the sure ones as one commit and leaves the
// others (orphans, unsure places) for review in the app.
func runCarry(e *env, args []string) error {
	cmd := newWSCommand(e, "carry")
	to := cmd.String("to", "", "the draft ID to carry comments onto (see delegatectl list)")
	asJSON := cmd.Bool("json", false, "print the results as JSON")
	apply := cmd.Bool("apply", false, "record the sure results (no review needed) as one commit")
	return cmd.run(args, func(pos []string) error {
		if len(pos) > 0 || *to == "" {
			return usagef("usage: delegatectl carry --to DRAFT [--json] [--apply]")
		}
		return nil
	}, func(w *store.Workspace, pos []string) error {
		rep, plan, err := carryAll(w, *to)
		if err != nil {
			return err
		}
		ops, err := carryOpinions(w, *to, &rep)
		if err != nil {
			return err
		}
		if *apply {
			if _, rep.Commit, err = usecase.ApplyCarry(w, *to, usecase.Sure(plan), time.Now()); err != nil {
				return err
			}
			for _, oc := range ops {
				if !oc.Result.NeedsReview() {
					if _, err := usecase.ApplyOpinionCarry(w, *to, oc); err != nil {
						return err
					}
				}
			}
		}
		if *asJSON {
			return writeJSON(e, rep)
		}
		printCarry(e, rep)
		return nil
	})
}

// carryAll is usecase.CarryPlan from the workspace's comments to draft
// to, with its summary.
func carryAll(w *store.Workspace, to string) (carryReport, []usecase.Carry, error) {
	rep := carryReport{To: to, Results: []anchor.Result{}}
	target, err := loadDraft(w, to)
	if err != nil {
		return rep, nil, err
	}
	comments, err := w.Comments()
	if err != nil {
		return rep, nil, err
	}
	plan, err := usecase.CarryPlan(usecase.Drafts(w), to, target, comments)
	if err != nil {
		return rep, nil, err
	}
	rep.Results = append(rep.Results, usecase.Results(plan)...)
	rep.Summary = anchor.Summarize(rep.Results)
	for _, r := range rep.Results {
		if r.NeedsReview() {
			rep.Review++
		}
	}
	return rep, plan, nil
}

// carryOpinions is usecase.OpinionPlan onto draft to, added to rep.
func carryOpinions(w *store.Workspace, to string, rep *carryReport) ([]usecase.OpinionCarry, error) {
	rep.Opinions = []anchor.OpinionResult{}
	target, err := usecase.Draft(w, to)
	if err != nil {
		return nil, err
	}
	ops, err := w.Opinions()
	if err != nil {
		return nil, err
	}
	drafts, err := w.Drafts()
	if err != nil {
		return nil, err
	}
	plan, err := usecase.OpinionPlan(usecase.Drafts(w), to, target, ops, usecase.DraftBefore(drafts, to))
	for _, oc := range plan {
		rep.Opinions = append(rep.Opinions, oc.Result)
		if oc.Result.NeedsReview() {
			rep.Review++
		}
	}
	return plan, err
}

// loadDraft reads draft id, refusing an unknown one as a usage error.
func loadDraft(w *store.Workspace, id string) (*report.Draft, error) {
	if _, err := pickDraft(w, id); err != nil {
		return nil, err
	}
	return usecase.Draft(w, id)
}

func printCarry(e *env, rep carryReport) {
	for _, r := range rep.Results {
		to := r.NewRef
		if r.Outcome == anchor.OutcomeOrphaned {
			to = "(no place)"
			for i, c := range r.Candidates {
				if i == 0 {
					to += "; candidates:"
				}
				to += fmt.Sprintf(" %s (%.2f)", c.Ref, c.Score)
			}
		}
		mark := ""
		if r.NeedsReview() {
			mark = "  [review]"
		}
		fmt.Fprintf(e.stdout, "%s  %-13s %.2f  %s -> %s  %s%s\n", r.ItemID, r.Outcome, r.Confidence, r.OldRef, to, r.Reason, mark)
	}
	for _, r := range rep.Opinions {
		mark := ""
		if r.NeedsReview() {
			mark = "  [review]"
		}
		fmt.Fprintf(e.stdout, "%s  %-13s %.2f  %s -> %s  %s%s\n", r.ItemID, r.Outcome, r.Confidence, opinionRef(r.OldNumber), opinionRef(r.NewNumber), r.Reason, mark)
		for _, l := range r.Lines {
			fmt.Fprintf(e.stdout, "    %-13s then %q, proposed %q, now %q\n", l.Outcome, l.Then, l.Proposed, l.Now)
		}
	}
	if len(rep.Opinions) > 0 {
		fmt.Fprintf(e.stdout, "%d Opinion proposals carried to %s\n", len(rep.Opinions), rep.To)
	}
	fmt.Fprintf(e.stdout, "%d comments carried to %s:", len(rep.Results), rep.To)
	for _, o := range anchor.Outcomes {
		fmt.Fprintf(e.stdout, " %s %d,", o, rep.Summary[o])
	}
	fmt.Fprintf(e.stdout, " %d to review\n", rep.Review)
	if rep.Commit != "" {
		fmt.Fprintf(e.stdout, "recorded the sure ones as commit %.12s\n", rep.Commit)
	}
}

func opinionRef(n int) string {
	if n == 0 {
		return "(new Opinion)"
	}
	return fmt.Sprintf("draft Opinion %d", n)
}

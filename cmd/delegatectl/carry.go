package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/delegate-itu/delegate/model/anchor"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
)

// carryReport is the --json output of delegatectl carry.
type carryReport struct {
	To      string                 `json:"to"`
	Results []anchor.Result        `json:"results"`
	Summary map[anchor.Outcome]int `json:"summary"`
	Review  int                    `json:"needs_review"`
	Commit  string                 `json:"commit,omitempty"`
}

// runCarry carries every comment not yet on draft --to onto it and prints
// each outcome; --apply records the sure ones as one commit and leaves the
// others (orphans, unsure places) for review in the app.
func runCarry(e *env, args []string) error {
	fs := newFlags(e, "carry")
	dir := workspaceFlag(fs)
	to := fs.String("to", "", "the draft ID to carry comments onto (see delegatectl list)")
	asJSON := fs.Bool("json", false, "print the results as JSON")
	apply := fs.Bool("apply", false, "record the sure results (no review needed) as one commit")
	if pos, err := parseInterleaved(fs, args); err != nil {
		return err
	} else if len(pos) > 0 || *to == "" {
		return usagef("usage: delegatectl carry --to DRAFT [--json] [--apply]")
	}
	w, err := openWorkspace(e, *dir)
	if err != nil {
		return err
	}
	defer w.Close()
	rep, comments, err := carryAll(w, *to)
	if err != nil {
		return err
	}
	if *apply {
		if rep.Commit, err = applySure(w, *to, rep.Results, comments); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(e, rep)
	}
	printCarry(e, rep)
	return nil
}

// carryAll carries each comment from the draft it is on to draft to.
func carryAll(w *store.Workspace, to string) (carryReport, map[string]item.Comment, error) {
	rep := carryReport{To: to, Results: []anchor.Result{}}
	target, err := loadDraft(w, to)
	if err != nil {
		return rep, nil, err
	}
	comments, err := w.Comments()
	if err != nil {
		return rep, nil, err
	}
	byDraft, byID := map[string][]item.Comment{}, map[string]item.Comment{}
	var order []string
	for _, c := range comments {
		if c.Anchor.DraftID == to {
			continue
		}
		if len(byDraft[c.Anchor.DraftID]) == 0 {
			order = append(order, c.Anchor.DraftID)
		}
		byDraft[c.Anchor.DraftID], byID[c.ID] = append(byDraft[c.Anchor.DraftID], c), c
	}
	for _, from := range order {
		old, err := loadDraft(w, from)
		if err != nil {
			return rep, nil, fmt.Errorf("comments on draft %s: %w", from, err)
		}
		rep.Results = append(rep.Results, anchor.Carry(old, target, byDraft[from])...)
	}
	rep.Summary = anchor.Summarize(rep.Results)
	for _, r := range rep.Results {
		if r.NeedsReview() {
			rep.Review++
		}
	}
	return rep, byID, nil
}

func loadDraft(w *store.Workspace, id string) (*report.Draft, error) {
	if _, err := pickDraft(w, id); err != nil {
		return nil, err
	}
	raw, err := w.DraftParsed(id)
	if err != nil {
		return nil, fmt.Errorf("draft %s was stored without its paragraphs: %w", id, err)
	}
	var d report.Draft
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, fmt.Errorf("draft %s: %w", id, err)
	}
	return &d, nil
}

// applySure records every result that needs no review as one commit.
func applySure(w *store.Workspace, to string, rs []anchor.Result, comments map[string]item.Comment) (string, error) {
	decided, _ := anchor.Auto(rs)
	var carried []store.Carried
	now := time.Now()
	for _, d := range decided {
		c, err := anchor.Apply(comments[d.ItemID], d, to, now)
		if err != nil {
			return "", err
		}
		carried = append(carried, store.Carried{Comment: c, Outcome: string(d.Outcome), Action: string(d.Action)})
	}
	return w.SaveCarry(to, carried)
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
	fmt.Fprintf(e.stdout, "%d comments carried to %s:", len(rep.Results), rep.To)
	for _, o := range anchor.Outcomes {
		fmt.Fprintf(e.stdout, " %s %d,", o, rep.Summary[o])
	}
	fmt.Fprintf(e.stdout, " %d to review\n", rep.Review)
	if rep.Commit != "" {
		fmt.Fprintf(e.stdout, "recorded the sure ones as commit %.12s\n", rep.Commit)
	}
}

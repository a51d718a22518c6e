package usecase

import (
	"fmt"
	"sort"
	"time"

	"github.com/delegate-itu/delegate/model/anchor"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
)

// DraftLoader returns the parsed form of a stored draft (Drafts(w), or a
// screen's own cache of them).
type DraftLoader func(id string) (*report.Draft, error)

// Carry is one comment written on an earlier draft and where the carrier
// places it in the target draft.
type Carry struct {
	Result  anchor.Result
	From    string       // the draft the comment was written on
	Comment item.Comment // the comment as it is before the carry
}

// CarryPlan carries every comment written on an earlier draft to target
// (draft to) with model/anchor, one Carrier per earlier draft (the
// comments in the order they were created, each draft's group where its
// first comment falls). A withdrawn
// comment stays where it is: it is not carried. Nothing is saved: the
// user decides on each Carry, then ApplyCarry records the decisions.
func CarryPlan(load DraftLoader, to string, target *report.Draft, comments []item.Comment) ([]Carry, error) {
	if target == nil {
		return nil, nil
	}
	cs := append([]item.Comment(nil), comments...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Created.Before(cs[j].Created) })
	byDraft := map[string][]item.Comment{}
	var order []string
	for _, c := range cs {
		if c.Anchor.DraftID == to || c.Review.Status == item.StatusWithdrawn {
			continue
		}
		if _, ok := byDraft[c.Anchor.DraftID]; !ok {
			order = append(order, c.Anchor.DraftID)
		}
		byDraft[c.Anchor.DraftID] = append(byDraft[c.Anchor.DraftID], c)
	}
	var plan []Carry
	for _, from := range order {
		old, err := load(from)
		if err != nil {
			return plan, err
		}
		for i, r := range anchor.NewCarrier(old, target).Carry(byDraft[from]) {
			plan = append(plan, Carry{Result: r, From: from, Comment: byDraft[from][i]})
		}
	}
	return plan, nil
}

// Results are the carrier's results of a plan, in its order.
func Results(plan []Carry) []anchor.Result {
	rs := make([]anchor.Result, len(plan))
	for i, c := range plan {
		rs[i] = c.Result
	}
	return rs
}

// Decided is the user's decision on one carried comment.
type Decided struct {
	Comment  item.Comment
	Decision anchor.Decision
	Outcome  string // the carrier's outcome, recorded in the carry commit
}

// Sure decides every carry that needs no review (anchor.Auto), for a
// carry without the user looking at each comment (delegatectl carry
// --apply); the others are left for review.
func Sure(plan []Carry) []Decided {
	byID := make(map[string]item.Comment, len(plan))
	for _, c := range plan {
		byID[c.Result.ItemID] = c.Comment
	}
	decided, _ := anchor.Auto(Results(plan))
	out := make([]Decided, len(decided))
	for i, d := range decided {
		out[i] = Decided{Comment: byID[d.ItemID], Decision: d, Outcome: string(d.Outcome)}
	}
	return out
}

// ApplyCarry applies the decisions to their comments and records them on
// draft to as one carry commit, so the carry is one step in the history.
// It returns the comments as saved and the commit.
func ApplyCarry(w *store.Workspace, to string, ds []Decided, now time.Time) ([]item.Comment, string, error) {
	carried := make([]store.Carried, 0, len(ds))
	out := make([]item.Comment, 0, len(ds))
	for _, d := range ds {
		nc, err := anchor.Apply(d.Comment, d.Decision, to, now)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", d.Comment.Anchor.Number, err)
		}
		carried = append(carried, store.Carried{Comment: nc, Outcome: d.Outcome, Action: string(d.Decision.Action)})
		out = append(out, nc)
	}
	commit, err := w.SaveCarry(to, carried)
	if err != nil {
		return nil, "", err
	}
	return out, commit, nil
}

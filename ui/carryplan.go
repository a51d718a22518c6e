package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/delegate-itu/delegate/model/anchor"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
)

// carryPlan carries every comment written on an earlier draft to the
// current one with model/anchor, one Carrier per earlier draft. Withdrawn
// comments stay where they are.
func carryPlan(w *work) ([]carryRow, error) {
	if w.draft == nil {
		return nil, nil
	}
	byDraft := map[string][]item.Comment{}
	var order []string
	for _, c := range w.comments {
		if c.Anchor.DraftID == w.cur.ID || c.Review.Status == item.StatusWithdrawn {
			continue
		}
		if _, ok := byDraft[c.Anchor.DraftID]; !ok {
			order = append(order, c.Anchor.DraftID)
		}
		byDraft[c.Anchor.DraftID] = append(byDraft[c.Anchor.DraftID], c)
	}
	var rows []carryRow
	for _, id := range order {
		old, err := w.parsed(id)
		if err != nil {
			return rows, err
		}
		for _, r := range anchor.NewCarrier(old, w.draft).Carry(byDraft[id]) {
			rows = append(rows, carryRow{res: r, from: id})
		}
	}
	return rows, nil
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
	var carried []store.Carried
	var out []item.Comment
	for _, d := range ds {
		c, ok := w.comment(d.ItemID)
		if !ok {
			continue
		}
		nc, err := anchor.Apply(c, d, w.cur.ID, time.Now())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.Anchor.Number, err)
		}
		carried = append(carried, store.Carried{Comment: nc, Outcome: outcomes[d.ItemID], Action: string(d.Action)})
		out = append(out, nc)
	}
	if _, err := w.ws.SaveCarry(w.cur.ID, carried); err != nil {
		return nil, err
	}
	for _, c := range out {
		w.put(c)
	}
	return out, nil
}

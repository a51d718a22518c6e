package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// carryPlan proposes where each comment on an earlier draft lands in the
// current one, from the paragraph alignment of the two drafts.
func carryPlan(w *work) []carryRow {
	var rows []carryRow
	if w.draft == nil {
		return nil
	}
	for _, c := range w.comments {
		if c.Anchor.DraftID == w.cur.ID || c.Review.Status == item.StatusWithdrawn {
			continue
		}
		rows = append(rows, planOne(w, c))
	}
	return rows
}

func planOne(w *work, c item.Comment) carryRow {
	r := carryRow{id: c.ID, oldRef: c.Anchor.Number, outcome: lang.L("orphaned")}
	pc, err := w.changeFor(c.Anchor)
	if err != nil {
		return r
	}
	r.ops = pc.ops
	_, cmp, _ := w.compared(c.Anchor.DraftID)
	for _, ch := range cmp.Changes {
		if contains(ch.Old, c.Anchor.ParagraphID) && len(ch.New) > 0 {
			r.target = ch.New[0]
		}
	}
	r.outcome = outcomeWords(pc.kind, c.Anchor, w.draft.Block(r.target))
	return r
}

// outcomeWords says in plain words what became of the commented passage.
func outcomeWords(k report.ChangeKind, a item.Anchor, nb *report.Block) string {
	switch {
	case nb == nil:
		return lang.L("orphaned: paragraph removed")
	case k == report.ChangeUnchanged:
		return lang.L("same place")
	case k == report.ChangeRenumbered:
		return lang.L("renumbered")
	case a.Quote != "" && !containsText(nb.Text, a.Quote):
		return lang.L("base text changed: quote no longer found")
	}
	return lang.L("{{.Kind}}, quote still there", map[string]any{"Kind": string(k)})
}

func containsText(text, q string) bool { return strings.Contains(text, q) }

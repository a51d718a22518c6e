package ui

import (
	"encoding/json"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
)

// onSave checks the proposal in the author's terms, then commits it off
// the UI goroutine: one save, one commit.
func (ed *opinionEditor) onSave() {
	h := ed.sc.h
	if !ed.active || h.Busy() {
		return
	}
	o := ed.cur
	o.Title, o.Reasons = ed.title.Text, ed.reasons.Text
	tidy(&o)
	if o.Draft == "" {
		o.Draft = h.CurrentDraft().ID // the draft whose Opinion it amends, for the next carry
	}
	if err := ed.status.apply(&o); err != nil {
		h.ShowError(userError(err))
		return
	}
	if msg, at, bad := opinionProblem(o); bad {
		ed.state.SetText(msg)
		ed.state.Importance = widget.DangerImportance
		ed.state.Refresh()
		ed.focus(at)
		return
	}
	what := lang.L("edit")
	if o.ID == "" {
		what = lang.L("new proposal")
	}
	var err error
	ws := h.Workspace()
	h.RunHeld(func() { err = ws.SaveOpinion(&o, what) }, func() {
		if err != nil {
			h.ShowError(fmt.Errorf("%s: %w", lang.L("The Opinion proposal was not saved"), userError(err)))
			return
		}
		ed.clearAutosave()
		ed.sc.sel = o.ID
		ed.sc.refresh()
		h.ReviewChanged() // the queue shows the proposal as saved
		ed.load(o, ed.base)
		ed.sc.selectRow(o.ID)
		ed.say(lang.L("Saved {{.When}}", map[string]any{"When": o.Updated.Local().Format("15:04:05")}))
	})
}

// tidy drops the labels and end punctuation typed into items: the
// layout computes them.
func tidy(o *item.Opinion) {
	for i := range o.Preamble {
		for j, s := range o.Preamble[i].Items {
			o.Preamble[i].Items[j] = bareItem(s)
		}
	}
	for i := range o.Operative {
		for j := range o.Operative[i].Items {
			it := &o.Operative[i].Items[j]
			it.Text = strings.TrimRight(bareItem(it.Text), ":")
			for k, s := range it.SubItems {
				it.SubItems[k] = bareItem(s)
			}
		}
	}
}

// opinionProblem finds what stops the proposal from being saved, said
// the way the author sees the form, and the field to fix.
func opinionProblem(o item.Opinion) (string, opPos, bool) {
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	labels := computedLabels(o)
	if blank(o.Title) {
		return lang.L("Give the Opinion a title."), opPos{part: partTitle}, true
	}
	for b, blk := range o.Preamble {
		kp := opPos{part: partPreKeyword, b: b}
		if blank(blk.Keyword) {
			return lang.L("Preambular block {{.N}} needs a keyword, such as considering or recognizing.", map[string]any{"N": b + 1}), kp, true
		}
		if len(blk.Items) == 0 {
			return lang.L("“{{.Keyword}}” has no item: add one (Enter in the keyword) or remove the block ({{.Key}}).", map[string]any{"Key": keyName(actRemove), "Keyword": blk.Keyword}), kp, true
		}
		for i, s := range blk.Items {
			if p := (opPos{part: partPreItem, b: b, i: i}); blank(s) {
				return lang.L("Item {{.Label}} under “{{.Keyword}}” is empty: write it or remove it ({{.Key}}).", map[string]any{"Key": keyName(actRemove), "Label": labels[p], "Keyword": blk.Keyword}), p, true
			}
		}
	}
	if len(o.Operative) == 0 {
		return lang.L("An Opinion needs at least one operative block, such as “is of the view”."), opPos{part: partTitle}, true
	}
	for b, blk := range o.Operative {
		if msg, p, bad := operativeProblem(b, blk, labels); bad {
			return msg, p, true
		}
	}
	return "", opPos{}, false
}

func operativeProblem(b int, blk item.OperativeBlock, labels map[opPos]string) (string, opPos, bool) {
	hp := opPos{part: partOpHeading, b: b}
	head := strings.TrimSpace(blk.Heading + " " + blk.Addressee)
	if strings.TrimSpace(blk.Heading) == "" {
		return lang.L("Operative block {{.N}} needs a heading, such as is of the view or invites.", map[string]any{"N": b + 1}), hp, true
	}
	if len(blk.Items) == 0 {
		return lang.L("“{{.Keyword}}” has no item: add one (Enter in the heading) or remove the block ({{.Key}}).", map[string]any{"Key": keyName(actRemove), "Keyword": head}), hp, true
	}
	for i, it := range blk.Items {
		p := opPos{part: partOpItem, b: b, i: i}
		if strings.TrimSpace(it.Text) == "" {
			return lang.L("Item {{.Label}} under “{{.Keyword}}” is empty: write it or remove it ({{.Key}}).", map[string]any{"Key": keyName(actRemove), "Label": labels[p], "Keyword": head}), p, true
		}
		for s, sub := range it.SubItems {
			sp := opPos{part: partOpSub, b: b, i: i, s: s}
			if strings.TrimSpace(sub) == "" {
				return lang.L("Sub-item {{.Sub}} of item {{.Label}} under “{{.Keyword}}” is empty: write it or remove it ({{.Key}}).",
					map[string]any{"Key": keyName(actRemove), "Sub": labels[sp], "Label": labels[p], "Keyword": head}), sp, true
			}
		}
	}
	return "", opPos{}, false
}

// onClose leaves the proposal, asking first if edits are unsaved.
func (ed *opinionEditor) onClose() {
	done := func() {
		ed.clearAutosave()
		ed.close()
		ed.sc.sel = ""
		ed.sc.list.UnselectAll()
	}
	if !ed.dirty {
		done()
		return
	}
	dialog.ShowConfirm(lang.L("Discard changes?"), lang.L("Your unsaved changes to this Opinion proposal will be lost."), func(ok bool) {
		if ok {
			done()
		}
	}, ed.sc.h.Window())
}

// opinionAutosave is the editor's unsaved state, kept by the store beside
// the workspace (never committed) so a crash loses nothing.
type opinionAutosave struct {
	Opinion item.Opinion `json:"opinion"`
}

// opinionSlot names the store's slot for the Opinion form's unsaved edits.
const opinionSlot = "unsaved-opinion"

// autosaveNow writes the unsaved proposal, if any.
func (ed *opinionEditor) autosaveNow() {
	ws := ed.sc.h.Workspace()
	if !ed.active || !ed.dirty || ws == nil {
		return
	}
	b, err := json.Marshal(opinionAutosave{Opinion: ed.cur})
	if err != nil {
		return
	}
	_ = ws.Unsaved(opinionSlot).Save(b)
}

func (ed *opinionEditor) clearAutosave() {
	if ws := ed.sc.h.Workspace(); ws != nil {
		_ = ws.Unsaved(opinionSlot).Discard()
	}
}

// recover reopens a proposal left unsaved by a crash.
func (sc *opinionScreen) recover() {
	b, err := sc.h.Workspace().Unsaved(opinionSlot).Load()
	if err != nil {
		return
	}
	var a opinionAutosave
	if json.Unmarshal(b, &a) != nil {
		return
	}
	sc.sel = a.Opinion.ID
	sc.ed.load(a.Opinion, sc.baseOf(a.Opinion.Amends))
	sc.ed.dirty = true
	sc.ed.say(lang.L("Recovered unsaved changes from your last session. Save them, or Close."))
}

package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/unicode/norm"

	"github.com/delegate-itu/delegate/model/item"
)

// collect reads the form into a comment, starting from the one loaded.
func (e *editor) collect() (item.Comment, error) {
	c := e.cur
	c.Kind = kindOf(e.kind.Selected)
	c.Body = e.body.Text
	c.Reasons = e.reasons.Text
	c.SubThemes = nil
	for i, o := range e.themes.Options {
		for _, s := range e.themes.Selected {
			if s == o {
				c.SubThemes = append(c.SubThemes, i+1)
			}
		}
	}
	c.Proposal = nil
	if e.propose.Checked {
		c.Proposal = &item.Proposal{Action: item.Action(e.action.Selected), Existing: e.existing.Text, Proposed: e.proposed.Text}
	}
	if err := e.reanchor(&c); err != nil {
		return c, err
	}
	if to := statusOf(e.status.Selected); to != "" && to != c.Review.Status {
		r, err := c.Review.Move(to, e.detail.Text)
		if err != nil {
			return c, err
		}
		c.Review = r
	}
	return c, nil
}

// reanchor follows an edited quote: it must be found in the paragraph, so
// the comment can be carried to the next draft.
func (e *editor) reanchor(c *item.Comment) error {
	q := norm.NFC.String(strings.TrimSpace(e.quote.Text))
	if q == c.Anchor.Quote {
		return nil
	}
	cur := e.h.CurrentDraft()
	b := e.h.Draft().Block(c.Anchor.ParagraphID)
	if c.Anchor.DraftID != cur.ID || b == nil {
		return errors.New(lang.L("This comment is on an earlier draft; carry it to the current draft before changing its quote."))
	}
	if q != "" && !strings.Contains(norm.NFC.String(b.Text), q) {
		return errors.New(lang.L("The quoted passage is not in {{.Ref}} as written. Copy it from the paragraph, or press Whole paragraph.", map[string]any{"Ref": b.Ref}))
	}
	c.Anchor = anchorFor(cur.ID, *b, q)
	return nil
}

// onSave commits the comment: one save, one commit.
func (e *editor) onSave() {
	if !e.active || e.h.Busy() { // an import holds the workspace
		return
	}
	c, err := e.collect()
	if err != nil {
		e.h.ShowError(err)
		return
	}
	what := lang.L("edit")
	if c.ID == "" {
		what = lang.L("new comment")
	}
	if err := e.h.Workspace().SaveComment(&c, what); err != nil {
		e.h.ShowError(fmt.Errorf("%s: %w", lang.L("The comment was not saved"), userError(err)))
		return
	}
	e.clearAutosave()
	e.h.PutComment(c)
	e.edit(c)
	e.h.ItemsChanged()
	if e.block != nil {
		e.showParagraph(e.block)
	}
	e.state.SetText(lang.L("Saved {{.When}}", map[string]any{"When": c.Updated.Local().Format("15:04:05")}))
}

// onDiscard drops unsaved edits after asking.
func (e *editor) onDiscard() {
	if !e.dirty {
		e.close()
		e.clearAutosave()
		return
	}
	dialog.ShowConfirm(lang.L("Discard changes?"), lang.L("Your unsaved changes to this comment will be lost."), func(ok bool) {
		if ok {
			e.clearAutosave()
			e.close()
		}
	}, e.h.Window())
}

// autosave is the form's unsaved state, kept by the store beside the
// workspace (never committed), so a crash or power cut loses nothing.
type autosave struct {
	Comment item.Comment `json:"comment"`
	Quote   string       `json:"quote"`
	Status  string       `json:"status"`
	Detail  string       `json:"detail,omitempty"`
}

// commentSlot names the store's slot for the comment form's unsaved edits.
const commentSlot = "unsaved"

// autosaveNow writes the unsaved form, if any.
func (e *editor) autosaveNow() {
	if !e.active || !e.dirty || e.h.Workspace() == nil {
		return
	}
	c := e.cur
	c.Kind, c.Body, c.Reasons = kindOf(e.kind.Selected), e.body.Text, e.reasons.Text
	c.Proposal = nil
	if e.propose.Checked {
		c.Proposal = &item.Proposal{Action: item.Action(e.action.Selected), Existing: e.existing.Text, Proposed: e.proposed.Text}
	}
	b, err := json.Marshal(autosave{Comment: c, Quote: e.quote.Text, Status: string(statusOf(e.status.Selected)), Detail: e.detail.Text})
	if err != nil {
		return
	}
	_ = e.h.Workspace().Unsaved(commentSlot).Save(b)
}

func (e *editor) clearAutosave() {
	if ws := e.h.Workspace(); ws != nil {
		_ = ws.Unsaved(commentSlot).Discard()
	}
}

// recover reopens edits left unsaved by a crash.
func (e *editor) recover() {
	b, err := e.h.Workspace().Unsaved(commentSlot).Load()
	if err != nil {
		return
	}
	var a autosave
	if json.Unmarshal(b, &a) != nil {
		return
	}
	d := e.h.Draft()
	if d == nil {
		return
	}
	if b := d.Block(a.Comment.Anchor.ParagraphID); b != nil && a.Comment.Anchor.DraftID == e.h.CurrentDraft().ID {
		e.block = b
	}
	e.load(a.Comment)
	e.loading = true
	e.quote.SetText(a.Quote)
	e.status.SetSelected(statusName(statusOf(a.Status)))
	e.detail.SetText(a.Detail)
	e.loading = false
	e.dirty = true
	e.state.SetText(lang.L("Recovered unsaved changes from your last session. Save them, or Discard."))
}

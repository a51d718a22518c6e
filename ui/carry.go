package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/report/redline"
)

// carryRow is one comment written on an earlier draft and where it lands
// in the current one.
type carryRow struct {
	id      string // comment ID
	oldRef  string
	outcome string // in words: same, renumbered, text changed, orphaned...
	target  string // proposed paragraph ID in the current draft; "" orphaned
	ops     []redline.Op
	done    string // what the user decided, once decided
}

// carryScreen is the review after importing a new draft: every comment on
// an earlier draft with its outcome, confirmed, re-attached or dismissed
// one by one. Nothing is moved without the user seeing it.
type carryScreen struct {
	m     *mainScreen
	rows  []carryRow
	tab   *container.TabItem
	list  *widget.List
	sel   int
	title *widget.Label
	quote *widget.Label
	diff  *widget.RichText
	where *widget.Select
	acts  *fyne.Container
	note  *widget.Label
}

func newCarryScreen(m *mainScreen) *carryScreen {
	c := &carryScreen{m: m, sel: -1}
	c.list = widget.NewList(func() int { return len(c.rows) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(c.line(i)) })
	c.list.OnSelected = c.show
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.title.Wrapping = fyne.TextWrapWord
	c.quote = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	c.quote.Wrapping = fyne.TextWrapWord
	c.diff = newRedlineText(nil)
	c.where = widget.NewSelect(nil, nil)
	c.note = widget.NewLabel("")
	c.note.Wrapping = fyne.TextWrapWord
	return c
}

func (c *carryScreen) line(i int) string {
	r := c.rows[i]
	mark := "○"
	if r.done != "" {
		mark = "✓ " + r.done
	}
	cm, _ := c.m.s.work.comment(r.id)
	return fmt.Sprintf("%s · %s · %s · %s", mark, r.oldRef, r.outcome, oneLine(cm.Body, 60))
}

// open computes the plan and shows the carry review tab.
func (c *carryScreen) open() {
	c.rows = carryPlan(c.m.s.work)
	if c.tab == nil {
		c.tab = container.NewTabItemWithIcon(lang.L("Carry review"), theme.MailForwardIcon(), c.buildUI())
		c.m.tabs.Append(c.tab)
	}
	c.list.Refresh()
	c.m.tabs.Select(c.tab)
	if len(c.rows) > 0 {
		c.list.Select(0)
	}
}

// demo imports nothing: it opens the review when comments wait for it.
func (c *carryScreen) demo() {
	if len(carryPlan(c.m.s.work)) > 0 {
		c.open()
	}
}

func (c *carryScreen) buildUI() fyne.CanvasObject {
	confirm := widget.NewButtonWithIcon(lang.L("Confirm"), theme.ConfirmIcon(), c.onConfirm)
	confirm.Importance = widget.HighImportance
	reattach := widget.NewButtonWithIcon(lang.L("Re-attach here"), theme.ContentRedoIcon(), c.onReattach)
	dismiss := widget.NewButtonWithIcon(lang.L("Dismiss (withdraw)"), theme.DeleteIcon(), c.onDismiss)
	c.acts = container.NewVBox(
		container.NewHBox(confirm, dismiss),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Or attach to")), reattach, c.where),
	)
	intro := widget.NewLabel(lang.L("Comments written on an earlier draft, and where they land in this one. Confirm each, re-attach it to another paragraph, or dismiss it."))
	intro.Wrapping = fyne.TextWrapWord
	right := container.NewVBox(c.title, c.quote, widget.NewCard("", lang.L("The paragraph then → now"), c.diff), c.acts, c.note)
	split := container.NewHSplit(c.list, container.NewVScroll(container.NewPadded(right)))
	split.Offset = 0.45
	return container.NewBorder(intro, nil, nil, nil, split)
}

func (c *carryScreen) show(i widget.ListItemID) {
	c.sel = i
	r := c.rows[i]
	w := c.m.s.work
	cm, _ := w.comment(r.id)
	newRef := lang.L("no matching paragraph")
	if b := w.draft.Block(r.target); b != nil {
		newRef = b.Ref
	}
	c.title.SetText(lang.L("{{.Old}} ({{.From}}) → {{.New}} ({{.To}}): {{.Outcome}}", map[string]any{
		"Old": r.oldRef, "From": w.draftLabel(cm.Anchor.DraftID), "New": newRef, "To": w.cur.Label, "Outcome": r.outcome}))
	c.quote.SetText("“" + cm.Anchor.Quote + "”")
	setRedline(c.diff, r.ops)
	c.where.Options = c.refs()
	c.where.SetSelected(newRef)
	c.note.SetText(r.done)
}

// refs lists the current draft's paragraphs a comment can attach to.
func (c *carryScreen) refs() []string {
	var out []string
	for _, b := range c.m.s.work.draft.Blocks {
		if b.Kind != report.KindHeading && b.Ref != "" {
			out = append(out, b.Ref)
		}
	}
	return out
}

func (c *carryScreen) blockByRef(ref string) *report.Block {
	for i, b := range c.m.s.work.draft.Blocks {
		if b.Ref == ref && b.Kind != report.KindHeading {
			return &c.m.s.work.draft.Blocks[i]
		}
	}
	return nil
}

func (c *carryScreen) onConfirm() {
	if c.sel < 0 {
		return
	}
	b := c.m.s.work.draft.Block(c.rows[c.sel].target)
	if b == nil {
		c.m.s.showInfo(lang.L("No place to carry to"), lang.L("This paragraph is gone from the new draft. Choose a paragraph under Or attach to, or dismiss the comment."))
		return
	}
	c.attach(b, lang.L("confirmed"))
}

func (c *carryScreen) onReattach() {
	if c.sel < 0 {
		return
	}
	if b := c.blockByRef(c.where.Selected); b != nil {
		c.attach(b, lang.L("re-attached"))
	}
}

// attach moves the comment's anchor to block b of the current draft and
// saves it (one commit, so the move is in the history).
func (c *carryScreen) attach(b *report.Block, done string) {
	w := c.m.s.work
	cm, ok := w.comment(c.rows[c.sel].id)
	if !ok {
		return
	}
	from := cm.Anchor.Number
	cm.Anchor = anchorFor(w.cur.ID, *b, cm.Anchor.Quote)
	what := lang.L("carried from {{.From}} to {{.To}} ({{.Draft}})", map[string]any{"From": from, "To": b.Ref, "Draft": w.cur.Label})
	c.save(&cm, what, done)
}

func (c *carryScreen) onDismiss() {
	if c.sel < 0 {
		return
	}
	w := c.m.s.work
	cm, ok := w.comment(c.rows[c.sel].id)
	if !ok {
		return
	}
	r, err := cm.Review.Move(item.StatusWithdrawn, "")
	if err != nil {
		c.m.s.showError(err)
		return
	}
	cm.Review = r
	c.save(&cm, lang.L("dismissed when carrying to the {{.Draft}}", map[string]any{"Draft": w.cur.Label}), lang.L("dismissed"))
}

func (c *carryScreen) save(cm *item.Comment, what, done string) {
	w := c.m.s.work
	if err := w.ws.SaveComment(cm, what); err != nil {
		c.m.s.showError(err)
		return
	}
	w.put(*cm)
	c.rows[c.sel].done = done
	c.list.RefreshItem(c.sel)
	c.note.SetText(done)
	c.m.refresh()
	if c.sel+1 < len(c.rows) {
		c.list.Select(c.sel + 1)
	}
}

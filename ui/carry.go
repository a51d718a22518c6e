package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/anchor"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/report/redline"
	"github.com/delegate-itu/delegate/ui/screen"
)

// carryRow is one comment written on an earlier draft and where the
// carrier places it in the current one.
type carryRow struct {
	res  anchor.Result
	from string // the draft it was written on
	done string // what the user decided, once decided
}

// carryScreen is the review after importing a new draft: every comment on
// an earlier draft with its outcome, confirmed, re-attached or dismissed
// one by one. Nothing is moved without the user seeing it.
type carryScreen struct {
	m        *mainScreen // the carry plan and its decisions go through the session's work
	h        screen.Host
	rows     []carryRow
	tab      *container.TabItem
	list     *widget.List
	sel      int
	title    *widget.Label
	quote    *widget.Label
	diff     *wrappedText
	where    *widget.Select
	placeIDs []string // block IDs behind where's options
	summary  *widget.Label
	right    *fyne.Container // the detail column, laid out again when its texts change
	proposal *fyne.Container
	propText *wrappedText
	acts     *fyne.Container
	confirm  *widget.Button // disabled for an orphan: it has no place to confirm
	note     *widget.Label
}

func newCarryScreen(m *mainScreen) *carryScreen {
	c := &carryScreen{m: m, h: shellHost{m}, sel: -1}
	c.list = widget.NewList(func() int { return len(c.rows) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(c.line(i)) })
	c.list.OnSelected = c.showRow
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.title.Wrapping = fyne.TextWrapWord
	c.quote = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	c.quote.Wrapping = fyne.TextWrapWord
	c.diff = newRedlineText(nil)
	c.propText = newRedlineText(nil)
	c.proposal = container.NewVBox(widget.NewLabelWithStyle(lang.L("Your proposal"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), c.propText)
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
	cm, _ := c.m.s.work.comment(r.res.ItemID)
	return lang.L("{{.Mark}} · {{.Old}} → {{.New}} · {{.Outcome}} · {{.Comment}}", map[string]any{
		"Mark": mark, "Old": r.res.OldRef, "New": orNone(r.res.NewRef), "Outcome": outcomeWords(r.res), "Comment": oneLine(cm.Body, 50)})
}

// open carries the comments and shows the review tab.
func (c *carryScreen) open() {
	rows, err := carryPlan(c.m.s.work)
	if err != nil {
		c.h.ShowError(err)
	}
	c.show(rows)
}

// show puts carried rows in the review tab and selects it.
func (c *carryScreen) show(rows []carryRow) {
	c.rows = rows
	if c.tab == nil {
		c.tab = container.NewTabItemWithIcon(lang.L("Carry review"), theme.MailForwardIcon(), c.buildUI())
		c.m.tabs.Append(c.tab)
	}
	c.summary.SetText(c.summaryText())
	c.list.Refresh()
	c.h.ShowTab(c.tab)
	if len(c.rows) > 0 {
		c.list.Select(0)
	}
}

// demo opens the review when comments wait for it.
func (c *carryScreen) demo() {
	if rows, _ := carryPlan(c.m.s.work); len(rows) > 0 {
		c.open()
	}
}

func (c *carryScreen) summaryText() string {
	rs := make([]anchor.Result, len(c.rows))
	for i, r := range c.rows {
		rs[i] = r.res
	}
	n := anchor.Summarize(rs)
	return lang.N("{{.All}} comments from earlier drafts (unchanged: {{.U}}, moved: {{.M}}, base text changed: {{.B}}, incorporated: {{.I}}, orphaned: {{.O}}). Confirm each, re-attach it to another paragraph, or dismiss it.", len(rs), map[string]any{
		"All": num(len(rs)), "U": num(n[anchor.OutcomeUnchanged]), "M": num(n[anchor.OutcomeMoved]), "B": num(n[anchor.OutcomeBaseChanged]),
		"I": num(n[anchor.OutcomeIncorporated]), "O": num(n[anchor.OutcomeOrphaned])})
}

func (c *carryScreen) buildUI() fyne.CanvasObject {
	confirm := widget.NewButtonWithIcon(lang.L("Confirm"), theme.ConfirmIcon(), c.onConfirm)
	confirm.Importance = widget.HighImportance
	c.confirm = confirm
	reattach := widget.NewButtonWithIcon(lang.L("Re-attach"), theme.ContentRedoIcon(), c.onReattach)
	dismiss := widget.NewButtonWithIcon(lang.L("Dismiss"), theme.DeleteIcon(), c.onDismiss)
	auto := widget.NewButtonWithIcon(lang.L("Confirm all sure placements"), theme.ConfirmIcon(), c.onAuto)
	c.acts = container.NewVBox(
		container.NewHBox(confirm, dismiss),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Or attach to")), reattach, c.where),
	)
	c.summary = widget.NewLabel("")
	c.summary.Wrapping = fyne.TextWrapWord
	then := widget.NewCard("", lang.L("The passage then → now"), c.diff)
	c.right = container.NewVBox(c.title, c.quote, then, c.proposal, c.acts, c.note)
	right := c.right
	split := container.NewHSplit(c.list, container.NewVScroll(container.NewPadded(right)))
	split.Offset = 0.45
	return container.NewBorder(container.NewBorder(nil, nil, nil, auto, c.summary), nil, nil, nil, split)
}

func (c *carryScreen) showRow(i widget.ListItemID) {
	c.sel = i
	r := c.rows[i].res
	cm, _ := c.m.s.work.comment(r.ItemID)
	c.title.SetText(lang.L("{{.Old}} ({{.From}}) → {{.New}} ({{.To}}): {{.Outcome}}", map[string]any{
		"Old": r.OldRef, "From": c.h.DraftLabel(c.rows[i].from), "New": orNone(r.NewRef), "To": labelText(c.h.CurrentDraft().Label), "Outcome": outcomeWords(r)}))
	c.quote.SetText(lang.L("Quoted: “{{.Q}}”\nWhy: {{.Why}}", map[string]any{"Q": cm.Anchor.Quote, "Why": reasonText(r.Reason)}))
	setRedline(c.diff, redline.Diff(r.TextThen, r.TextNow))
	c.proposal.Hide()
	if cm.Proposal != nil {
		setRedline(c.propText, redline.Diff(cm.Proposal.Existing, cm.Proposal.Proposed))
		c.proposal.Show()
	}
	c.right.Refresh() // the redlines' heights changed
	c.where.Options = c.places(r)
	c.where.SetSelectedIndex(0)
	if r.Placed() {
		c.confirm.Enable()
	} else {
		c.confirm.Disable()
	}
	c.note.SetText(c.rows[i].done)
}

// places offers the candidates first, then every paragraph.
func (c *carryScreen) places(r anchor.Result) []string {
	var out []string
	c.placeIDs = nil
	if r.NewBlockID != "" {
		out, c.placeIDs = append(out, r.NewRef), append(c.placeIDs, r.NewBlockID)
	}
	for _, p := range r.Candidates {
		out = append(out, fmt.Sprintf("%s (%.0f%%)", p.Ref, p.Score*100))
		c.placeIDs = append(c.placeIDs, p.BlockID)
	}
	for _, b := range c.h.Draft().Blocks {
		if b.Kind != report.KindHeading && b.Ref != "" {
			out, c.placeIDs = append(out, b.Ref), append(c.placeIDs, b.ID)
		}
	}
	return out
}

func (c *carryScreen) onConfirm() {
	if c.sel < 0 {
		return
	}
	d, err := anchor.Confirm(c.rows[c.sel].res)
	if err != nil {
		c.h.ShowError(err)
		return
	}
	c.apply([]anchor.Decision{d}, lang.L("confirmed"))
}

func (c *carryScreen) onReattach() {
	i := c.where.SelectedIndex()
	if c.sel < 0 || i < 0 || i >= len(c.placeIDs) {
		return
	}
	d, err := anchor.Reattach(c.rows[c.sel].res, c.h.Draft(), c.placeIDs[i], 0, 0)
	if err != nil {
		c.h.ShowError(err)
		return
	}
	c.apply([]anchor.Decision{d}, lang.L("re-attached"))
}

func (c *carryScreen) onDismiss() {
	if c.sel < 0 {
		return
	}
	d := anchor.Dismiss(c.rows[c.sel].res, lang.L("dismissed in the carry review"))
	c.apply([]anchor.Decision{d}, lang.L("dismissed"))
}

// onAuto confirms every placement the carrier is sure of, in one commit.
func (c *carryScreen) onAuto() {
	var rs []anchor.Result
	for _, r := range c.rows {
		if r.done == "" {
			rs = append(rs, r.res)
		}
	}
	ds, _ := anchor.Auto(rs)
	if len(ds) == 0 {
		c.h.ShowInfo(lang.L("Carry review"), lang.L("Every remaining comment needs your eye: check them one by one."))
		return
	}
	c.apply(ds, lang.L("confirmed"))
}

// apply records decisions (one commit) and marks their rows done.
func (c *carryScreen) apply(ds []anchor.Decision, done string) {
	outcomes := map[string]string{}
	for _, r := range c.rows {
		outcomes[r.res.ItemID] = string(r.res.Outcome)
	}
	if _, err := c.m.s.work.decide(ds, outcomes); err != nil {
		c.h.ShowError(err)
		return
	}
	decided := map[string]bool{}
	for _, d := range ds {
		decided[d.ItemID] = true
	}
	next := -1
	for i := range c.rows {
		if decided[c.rows[i].res.ItemID] {
			c.rows[i].done = done
		} else if c.rows[i].done == "" && next < 0 {
			next = i
		}
	}
	c.list.Refresh()
	c.h.ItemsChanged()
	c.note.SetText(done)
	switch {
	case next == c.sel:
		c.showRow(next) // still selected: show its own state again
	case next >= 0:
		c.list.Select(next)
	}
}

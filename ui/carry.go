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
	"github.com/delegate-itu/delegate/model/usecase"
	"github.com/delegate-itu/delegate/ui/screen"
)

// carryRow is one comment written on an earlier draft and where the
// carrier places it in the current one.
type carryRow struct {
	res  anchor.Result
	op   *usecase.OpinionCarry // an Opinion proposal instead of a comment
	from string                // the draft it was written on
	done string                // what the user decided, once decided
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
	reattach *widget.Button // disabled for an Opinion proposal: it follows its draft Opinion
	best     *widget.Button // an orphan's first candidate, in one key (Ctrl+Shift+A)
	cands    *widget.Label  // an orphan's candidate places with their text, best first
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
	c.cands = widget.NewLabel("")
	c.cands.Wrapping = fyne.TextWrapWord
	return c
}

func (c *carryScreen) line(i int) string {
	r := c.rows[i]
	mark := "○"
	if r.done != "" {
		mark = "✓ " + r.done
	}
	if r.op != nil {
		return lang.L("{{.Mark}} · {{.Old}} → {{.New}} · {{.Outcome}} · {{.Comment}}", map[string]any{
			"Mark": mark, "Old": opinionRef(r.op.Result.OldNumber), "New": opinionRef(r.op.Result.NewNumber), "Outcome": opinionWords(r.op.Result), "Comment": oneLine(r.op.Opinion.Title, 50)})
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

// demoSelect selects the first Opinion proposal ("carry-opinion") or the
// first orphan ("carry-orphan") for the screenshots.
func (c *carryScreen) demoSelect(name string) {
	for i, r := range c.rows {
		if (name == "carry-opinion" && r.op != nil) || (name == "carry-orphan" && r.op == nil && !r.res.Placed()) {
			c.list.Select(i)
			c.list.ScrollTo(i)
			return
		}
	}
}

func (c *carryScreen) summaryText() string {
	var rs []anchor.Result
	ops := 0
	for _, r := range c.rows {
		if r.op == nil {
			rs = append(rs, r.res)
		} else {
			ops++
		}
	}
	n := anchor.Summarize(rs)
	s := lang.N("{{.All}} comments from earlier drafts (unchanged: {{.U}}, moved: {{.M}}, base text changed: {{.B}}, incorporated: {{.I}}, orphaned: {{.O}}). Confirm each, re-attach it to another paragraph, or dismiss it.", len(rs), map[string]any{
		"All": num(len(rs)), "U": num(n[anchor.OutcomeUnchanged]), "M": num(n[anchor.OutcomeMoved]), "B": num(n[anchor.OutcomeBaseChanged]),
		"I": num(n[anchor.OutcomeIncorporated]), "O": num(n[anchor.OutcomeOrphaned])})
	if ops > 0 {
		s += " " + lang.L("Opinion proposals") + ": " + num(ops) + "."
	}
	return s
}

func (c *carryScreen) buildUI() fyne.CanvasObject {
	confirm := widget.NewButtonWithIcon(lang.L("Confirm"), theme.ConfirmIcon(), c.onConfirm)
	confirm.Importance = widget.HighImportance
	c.confirm = confirm
	reattach := widget.NewButtonWithIcon(lang.L("Re-attach"), theme.ContentRedoIcon(), c.onReattach)
	c.reattach = reattach
	dismiss := widget.NewButtonWithIcon(lang.L("Dismiss"), theme.DeleteIcon(), c.onDismiss)
	auto := widget.NewButtonWithIcon(lang.L("Confirm all sure placements"), theme.ConfirmIcon(), c.onAuto)
	c.best = widget.NewButtonWithIcon(lang.L("Re-attach to the first candidate"), theme.ContentRedoIcon(), c.onAttachBest)
	c.acts = container.NewVBox(
		container.NewHBox(confirm, c.best, dismiss),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Or attach to")), reattach, c.where),
	)
	c.summary = widget.NewLabel("")
	c.summary.Wrapping = fyne.TextWrapWord
	then := widget.NewCard("", lang.L("The passage then → now"), c.diff)
	c.right = container.NewVBox(c.title, c.quote, then, c.cands, c.proposal, c.acts, c.note)
	right := c.right
	split := container.NewHSplit(c.list, container.NewVScroll(container.NewPadded(right)))
	split.Offset = 0.45
	return container.NewBorder(container.NewBorder(nil, nil, nil, auto, c.summary), nil, nil, nil, split)
}

func (c *carryScreen) showRow(i widget.ListItemID) {
	c.sel = i
	if c.rows[i].op != nil {
		c.showOpinion(c.rows[i])
		return
	}
	c.reattach.Enable()
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
	if r.Outcome == anchor.OutcomeOrphaned && len(r.Candidates) > 0 {
		c.best.Show()
		c.cands.SetText(candidatesText(r.Candidates))
		c.cands.Show()
	} else {
		c.best.Hide()
		c.cands.Hide()
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
		out = append(out, fmt.Sprintf("%s (%.0f%%) · %s", p.Ref, p.Score*100, oneLine(p.Text, 70)))
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
	if c.rows[c.sel].op != nil {
		c.confirmOpinions([]int{c.sel})
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
	if c.sel < 0 || i < 0 || i >= len(c.placeIDs) || c.rows[c.sel].op != nil {
		return
	}
	d, err := anchor.Reattach(c.rows[c.sel].res, c.h.Draft(), c.placeIDs[i], 0, 0)
	if err != nil {
		c.h.ShowError(err)
		return
	}
	c.apply([]anchor.Decision{d}, lang.L("re-attached"))
}

// onAttachBest re-attaches the selected orphan to its first candidate,
// the place the carrier ranks best: one key for the common case.
func (c *carryScreen) onAttachBest() {
	if c.tab == nil || c.m.tabs.Selected() != c.tab || c.sel < 0 || c.rows[c.sel].op != nil || c.rows[c.sel].done != "" {
		return
	}
	r := c.rows[c.sel].res
	if r.Outcome != anchor.OutcomeOrphaned || len(r.Candidates) == 0 {
		return
	}
	p := r.Candidates[0]
	d, err := anchor.Reattach(r, c.h.Draft(), p.BlockID, p.Start, p.End)
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
	if c.rows[c.sel].op != nil {
		c.markDone(map[int]bool{c.sel: true}, lang.L("unchanged"))
		return
	}
	d := anchor.Dismiss(c.rows[c.sel].res, lang.L("dismissed in the carry review"))
	c.apply([]anchor.Decision{d}, lang.L("dismissed"))
}

// onAuto confirms every placement the carrier is sure of, in one commit.
func (c *carryScreen) onAuto() {
	var rs []anchor.Result
	var ops []int
	for i, r := range c.rows {
		switch {
		case r.done != "":
		case r.op == nil:
			rs = append(rs, r.res)
		case !r.op.Result.NeedsReview():
			ops = append(ops, i)
		}
	}
	if len(ops) > 0 {
		c.confirmOpinions(ops)
	}
	ds, _ := anchor.Auto(rs)
	if len(ds) == 0 && len(ops) > 0 {
		return
	}
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
	rows := map[int]bool{}
	for i := range c.rows {
		if c.rows[i].op == nil && decided[c.rows[i].res.ItemID] {
			rows[i] = true
		}
	}
	c.markDone(rows, done)
}

// markDone marks rows decided, with done, and moves to the next one open.
func (c *carryScreen) markDone(rows map[int]bool, done string) {
	next := -1
	for i := range c.rows {
		if rows[i] {
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

// showOpinion shows an Opinion proposal's carry: the draft Opinion it now
// amends and, line by line, then → now beside what it proposes.
func (c *carryScreen) showOpinion(row carryRow) {
	r := row.op.Result
	c.title.SetText(lang.L("{{.Old}} ({{.From}}) → {{.New}} ({{.To}}): {{.Outcome}}", map[string]any{
		"Old": opinionRef(r.OldNumber), "From": c.h.DraftLabel(row.from), "New": opinionRef(r.NewNumber), "To": labelText(c.h.CurrentDraft().Label), "Outcome": opinionWords(r)}))
	title := row.op.Opinion.Title
	if r.NewTitle != "" && r.NewTitle != title {
		title += " → " + r.NewTitle
	}
	c.quote.SetText(lang.L("Opinion proposal: {{.Title}}", map[string]any{"Title": title}) + "\n" + reasonText(r.Reason))
	var then, prop []redline.Op
	for _, l := range r.Lines {
		then = append(then, redline.Diff(l.Then, l.Now)...)
		then = append(then, redline.Op{Kind: redline.Equal, Text: "\n"})
		prop = append(prop, redline.Diff(l.Then, l.Proposed)...)
		prop = append(prop, redline.Op{Kind: redline.Equal, Text: "\n"})
	}
	setRedline(c.diff, then)
	setRedline(c.propText, prop)
	c.proposal.Show()
	c.right.Refresh()
	c.where.Options, c.placeIDs = nil, nil
	c.where.ClearSelected()
	c.reattach.Disable()
	c.best.Hide()
	c.cands.Hide()
	if r.Outcome == anchor.OutcomeOrphaned {
		c.confirm.Disable()
	} else {
		c.confirm.Enable()
	}
	c.note.SetText(row.done)
}

// confirmOpinions records the carry of the Opinion proposals in rows
// (their draft Opinion's new number, and the draft they are now on), one
// commit each, off the UI goroutine.
func (c *carryScreen) confirmOpinions(rows []int) {
	ocs := make([]usecase.OpinionCarry, len(rows))
	for k, i := range rows {
		ocs[k] = *c.rows[i].op
	}
	ws, to := c.m.s.work.ws, c.m.s.work.cur.ID
	var err error
	c.h.RunHeld(func() {
		for _, oc := range ocs {
			if _, err = usecase.ApplyOpinionCarry(ws, to, oc); err != nil {
				return
			}
		}
	}, func() {
		if err != nil {
			c.h.ShowError(err)
			return
		}
		done := map[int]bool{}
		for _, i := range rows {
			done[i] = true
		}
		c.h.ReviewChanged()
		c.markDone(done, lang.L("confirmed"))
	})
}

// candidatesText lists an orphan's candidate places, best first, each
// with the start of its text, so the user can judge them without opening
// each one.
func candidatesText(ps []anchor.Place) string {
	s := lang.L("Candidates, best first:")
	for i, p := range ps {
		s += fmt.Sprintf("\n%d. %s (%s): %s", i+1, p.Ref, percent(p.Score), oneLine(p.Text, 160))
	}
	return s
}

package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/review"
	"github.com/delegate-itu/delegate/ui/screen"
)

// reviewScreen is the coordinator's desk: every author's items in a queue
// by status, the proposals on the selected item's paragraph side by side
// with duplicates and conflicts flagged, the decisions (approve, request
// changes, reject) and, at a toggle, exactly what will be submitted.
type reviewScreen struct {
	h        screen.Host
	tab      *container.TabItem // the Review tab, set by the shell
	board    *review.Board
	opinions []item.Opinion
	rows     []reviewRow
	sel      string // selected item ID

	queue        *queueList
	count        *widget.Label
	consolidated *widget.Check

	heading   *widget.Label
	paragraph *widget.Label
	cards     *fyne.Container
	state     *widget.Label
	approve   *widget.Button
	changes   *widget.Button
	reject    *widget.Button
	detail    *fyne.Container
	empty     *widget.Label
	panel     *container.Scroll
	sub       *fyne.Container // the consolidated view
	subScroll *container.Scroll
}

// reviewRow is a line of the queue: a status heading, or an item under it.
type reviewRow struct {
	lane   item.Status
	n      int // items in the lane (headings)
	it     review.Item
	header bool
}

func newReviewScreen(h screen.Host) *reviewScreen {
	r := &reviewScreen{h: h}
	r.count = widget.NewLabel("")
	r.count.Wrapping = fyne.TextWrapWord
	r.consolidated = widget.NewCheck(lang.L("Consolidated view: what will be submitted"), func(bool) { r.showBody() })
	r.queue = newQueueList(r)
	r.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.heading.Wrapping = fyne.TextWrapWord
	r.paragraph = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	r.paragraph.Wrapping = fyne.TextWrapWord
	r.cards = container.NewGridWithColumns(1)
	r.state = widget.NewLabel("")
	r.state.Wrapping = fyne.TextWrapWord
	r.approve = widget.NewButtonWithIcon(lang.L("Approve (Ctrl+Enter)"), theme.ConfirmIcon(), r.onApprove)
	r.approve.Importance = widget.HighImportance
	r.changes = widget.NewButtonWithIcon(lang.L("Request changes… (Ctrl+R)"), theme.MailReplyIcon(), r.onRequestChanges)
	r.reject = widget.NewButtonWithIcon(lang.L("Reject…"), theme.CancelIcon(), r.onReject)
	r.empty = widget.NewLabel(lang.L("Nothing to review yet: experts' comments appear here when they save them."))
	r.empty.Wrapping = fyne.TextWrapWord
	r.sub = container.NewVBox()
	return r
}

func (r *reviewScreen) buildUI() fyne.CanvasObject {
	legend := widget.NewRichText(
		&widget.TextSegment{Text: lang.L("Revision marks: "), Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: lang.L("deleted"), Style: styleDeleted},
		&widget.TextSegment{Text: " · ", Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: lang.L("inserted"), Style: styleInserted},
	)
	actions := container.NewHBox(r.approve, r.changes, layout.NewSpacer(), r.reject)
	r.detail = container.NewVBox(r.heading, r.paragraph, legend, r.cards, widget.NewSeparator(), r.state, actions)
	r.detail.Hide()
	r.panel = container.NewVScroll(container.NewPadded(container.NewVBox(r.empty, r.detail)))
	r.subScroll = container.NewVScroll(container.NewPadded(r.sub))
	r.subScroll.Hide()
	top := container.NewVBox(r.consolidated, r.count)
	left := container.NewBorder(top, nil, nil, nil, r.queue)
	split := container.NewHSplit(left, container.NewStack(r.panel, r.subScroll))
	split.Offset = 0.42
	return split
}

// refresh rebuilds the queue from the workspace's items, keeping the
// selection when the item is still there.
func (r *reviewScreen) refresh() {
	comments := r.h.Comments()
	var damaged error
	r.opinions, damaged = r.h.Workspace().Opinions() // with a damaged file, the good ones still come back
	r.board = review.New(review.Input{Comments: comments, Opinions: r.opinions, Report: r.h.Draft(), DraftID: r.h.CurrentDraft().ID})
	r.rows = r.rows[:0]
	ready := 0
	for _, l := range r.board.Queue() {
		r.rows = append(r.rows, reviewRow{lane: l.Status, n: len(l.Items), header: true})
		for _, it := range l.Items {
			r.rows = append(r.rows, reviewRow{lane: l.Status, it: it})
		}
		if l.Status == item.StatusReady {
			ready = len(l.Items)
		}
	}
	r.count.SetText(lang.L("Waiting for review: {{.Ready}} · all items: {{.All}}", map[string]any{"Ready": num(ready), "All": num(len(comments) + len(r.opinions))}))
	if damaged != nil {
		r.count.SetText(lang.L("Some Opinion proposals cannot be read and are not in the queue: {{.Err}}", map[string]any{"Err": damaged.Error()}))
	}
	r.queue.Refresh()
	if r.selectID(r.sel) {
		r.showGroup() // the list does not call back for the same row
		r.showBody()
		return
	}
	r.sel = ""
	r.queue.UnselectAll()
	r.detail.Hide()
	r.empty.Show()
	r.step(1)
	r.showBody()
}

// selectID selects an item's row; false when it is not in the queue.
func (r *reviewScreen) selectID(id string) bool {
	for i, row := range r.rows {
		if !row.header && id != "" && row.it.ID() == id {
			r.queue.Select(i)
			r.reveal(i)
			return true
		}
	}
	return false
}

// step moves the selection to the next (1) or previous (-1) item, over
// the status headings.
func (r *reviewScreen) step(dir int) {
	cur := r.selectedRow()
	if cur < 0 && dir < 0 {
		cur = len(r.rows)
	}
	for i := cur + dir; i >= 0 && i < len(r.rows); i += dir {
		if !r.rows[i].header {
			r.queue.Select(i)
			r.reveal(i)
			return
		}
	}
}

// reveal scrolls row i into view, with the status heading above the
// first item. The list scrolls on Select even while its tab is hidden and
// has no height, which would leave the top rows out of view: then it goes
// back to the top.
func (r *reviewScreen) reveal(i int) {
	if i <= 1 || !r.h.Showing(r.tab) || r.queue.Size().Height <= 0 {
		r.queue.ScrollToTop()
		return
	}
	r.queue.ScrollTo(i)
}

// selectedRow is the queue row of the selected item, or -1.
func (r *reviewScreen) selectedRow() int {
	for i, row := range r.rows {
		if !row.header && row.it.ID() == r.sel {
			return i
		}
	}
	return -1
}

func (r *reviewScreen) onSelected(i widget.ListItemID) {
	if i < 0 || i >= len(r.rows) {
		return
	}
	if r.rows[i].header { // headings are not items: go on to the first below
		r.queue.Unselect(i)
		if i+1 < len(r.rows) {
			r.queue.Select(i + 1)
		}
		return
	}
	r.sel = r.rows[i].it.ID()
	r.showGroup()
}

// showBody shows the side-by-side panel or the consolidated view.
func (r *reviewScreen) showBody() {
	if r.consolidated.Checked {
		r.fillSubmission()
		r.panel.Hide()
		r.subScroll.Show()
		return
	}
	r.subScroll.Hide()
	r.panel.Show()
}

// queueList is the queue: a list whose arrow keys move the selection, so
// the coordinator walks the items without the mouse.
type queueList struct {
	widget.List
	r *reviewScreen
}

func newQueueList(r *reviewScreen) *queueList {
	q := &queueList{r: r}
	q.Length = func() int { return len(r.rows) }
	q.CreateItem = r.createRow
	q.UpdateItem = r.updateRow
	q.OnSelected = r.onSelected
	q.ExtendBaseWidget(q)
	return q
}

// TypedKey moves the selection with the arrows.
func (q *queueList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyDown:
		q.r.step(1)
	case fyne.KeyUp:
		q.r.step(-1)
	default:
		q.List.TypedKey(ev)
	}
}

func (r *reviewScreen) createRow() fyne.CanvasObject {
	head := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	where := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	who := widget.NewLabel("")
	badge := widget.NewLabel("")
	badge.Importance = widget.WarningImportance
	excerpt := widget.NewLabel("")
	excerpt.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, container.NewHBox(where, who), badge)
	line := container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), top, excerpt)
	return container.NewStack(container.NewVBox(layout.NewSpacer(), head), line)
}

func (r *reviewScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(r.rows) {
		return
	}
	row := r.rows[i]
	st := o.(*fyne.Container)
	headBox, line := st.Objects[0].(*fyne.Container), st.Objects[1].(*fyne.Container)
	head := headBox.Objects[1].(*widget.Label)
	if row.header {
		head.SetText(lang.L("{{.Status}} ({{.N}})", map[string]any{"Status": laneName(row.lane), "N": row.n}))
		headBox.Show()
		line.Hide()
		return
	}
	headBox.Hide()
	line.Show()
	it := row.it
	top, excerpt := line.Objects[0].(*fyne.Container), line.Objects[1].(*widget.Label)
	cols := top.Objects[0].(*fyne.Container).Objects
	cols[0].(*widget.Label).SetText(placeName(it))
	cols[1].(*widget.Label).SetText(it.Author().Name)
	top.Objects[1].(*widget.Label).SetText(badgeText(r.board.Flags(it.ID())))
	excerpt.SetText(it.Excerpt(200))
}

// placeName is where an item applies, as the screen says it.
func placeName(it review.Item) string {
	switch o := it.Opinion; {
	case o == nil:
		return it.Where()
	case o.Amends > 0:
		return lang.L("Draft Opinion {{.N}}", map[string]any{"N": o.Amends})
	}
	return lang.L("New draft Opinion")
}

// statusWord is a status as a sentence reads it.
func statusWord(s item.Status) string {
	switch s {
	case item.StatusReady:
		return lang.L("ready for review")
	case item.StatusChangesRequested:
		return lang.L("changes requested")
	case item.StatusApproved:
		return lang.L("approved")
	case item.StatusDraft:
		return lang.L("draft")
	case item.StatusSubmitted:
		return lang.L("submitted")
	case item.StatusAcknowledged:
		return lang.L("acknowledged")
	case item.StatusWithdrawn:
		return lang.L("withdrawn")
	}
	return string(s)
}

// laneName is a status as a queue heading reads it.
func laneName(s item.Status) string {
	switch s {
	case item.StatusReady:
		return lang.L("Ready for review")
	case item.StatusChangesRequested:
		return lang.L("Changes requested")
	case item.StatusApproved:
		return lang.L("Approved")
	case item.StatusDraft:
		return lang.L("Drafts (not sent for review)")
	case item.StatusSubmitted:
		return lang.L("Submitted")
	case item.StatusAcknowledged:
		return lang.L("Acknowledged")
	case item.StatusWithdrawn:
		return lang.L("Withdrawn or rejected")
	}
	return string(s)
}

// badgeText is the short mark a row carries: conflict before duplicate.
func badgeText(fs []review.Flag) string {
	conflict, dup := false, false
	for _, f := range fs {
		conflict = conflict || f.Kind == review.Conflict
		dup = dup || f.Kind == review.Duplicate
	}
	switch {
	case conflict && dup:
		return lang.L("⚠ conflict · duplicate")
	case conflict:
		return lang.L("⚠ conflict")
	case dup:
		return lang.L("≈ duplicate")
	}
	return ""
}

// show opens the Review tab with the keyboard in the queue.
func (r *reviewScreen) show() {
	r.h.ShowTab(r.tab)
	r.reveal(r.selectedRow())
	r.h.Window().Canvas().Focus(r.queue)
}

// onApproveKey and onRequestChangesKey are the window's shortcuts: they
// act only while the Review tab is shown.
func (r *reviewScreen) onApproveKey() {
	if r.h.Showing(r.tab) && !r.consolidated.Checked && !r.approve.Disabled() {
		r.onApprove()
	}
}

func (r *reviewScreen) onRequestChangesKey() {
	if r.h.Showing(r.tab) && !r.consolidated.Checked && !r.changes.Disabled() {
		r.onRequestChanges()
	}
}

// demo opens the Review tab for a screenshot: the first item ready for
// review that has a conflict (else the first item), or the consolidated
// view.
func (r *reviewScreen) demo(consolidated bool) {
	r.show()
	r.consolidated.SetChecked(consolidated)
	for _, row := range r.rows {
		if !row.header && row.lane == item.StatusReady && badgeText(r.board.Flags(row.it.ID())) == badgeText([]review.Flag{{Kind: review.Conflict}}) {
			r.selectID(row.it.ID())
			break
		}
	}
	// after the window's first layout, so the queue shows from its top
	r.h.Run(func() { time.Sleep(time.Second) }, r.show)
}

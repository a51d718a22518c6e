package ui

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/ui/screen"
)

// opinionScreen is the Opinions place: the workspace's Opinion proposals,
// the structured editor and the live preview in ITU layout.
type opinionScreen struct {
	h      screen.Host    // the shell: window, runner, workspace, navigation
	props  []item.Opinion // oldest first
	sel    string
	list   *widget.List
	newBtn *widget.Button
	closed *widget.Label // why new draft Opinions are closed, if they are
	ed     *opinionEditor
	tab    *container.TabItem
}

func newOpinionScreen(h screen.Host) *opinionScreen {
	sc := &opinionScreen{h: h}
	sc.ed = newOpinionEditor(sc)
	sc.newBtn = widget.NewButtonWithIcon(lang.L("New draft Opinion…"), theme.ContentAddIcon(), sc.onNew)
	sc.closed = widget.NewLabel("")
	sc.closed.Wrapping = fyne.TextWrapWord
	sc.closed.Importance = widget.WarningImportance
	sc.list = widget.NewList(func() int { return len(sc.props) },
		func() fyne.CanvasObject {
			title, sub := widget.NewLabel(""), widget.NewLabel("")
			title.Truncation, sub.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
			title.TextStyle.Bold = true
			return container.NewVBox(title, sub)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			head, sub := proposalLines(sc.props[i])
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(head)
			c.Objects[1].(*widget.Label).SetText(sub)
		})
	sc.list.OnSelected = func(i widget.ListItemID) { sc.open(sc.props[i]) }
	return sc
}

func (sc *opinionScreen) buildUI() fyne.CanvasObject {
	amend := widget.NewButtonWithIcon(lang.L("Amend a draft Opinion…"), theme.DocumentCreateIcon(), sc.onAmend)
	top := container.NewVBox(sc.newBtn, amend, sc.closed, widget.NewSeparator())
	left := container.NewBorder(top, nil, nil, nil, sc.list)
	preview := container.NewVScroll(container.NewPadded(sc.ed.preview.box))
	sc.ed.preview.scroll = preview
	right := container.NewHSplit(sc.ed.buildUI(), preview)
	right.Offset = 0.55
	split := container.NewHSplit(left, right)
	split.Offset = 0.2
	sc.refresh()
	return split
}

// proposalLines sum a proposal up for the list: what it is, then its
// status and author.
func proposalLines(o item.Opinion) (string, string) {
	what := lang.L("New: {{.Title}}", map[string]any{"Title": o.Title})
	if o.Amends > 0 {
		what = lang.L("Draft Opinion {{.N}}: {{.Title}}", map[string]any{"N": o.Amends, "Title": o.Title})
	}
	return what, lang.L("{{.Status}} · {{.Who}}", map[string]any{"Status": statusName(o.Review.Status), "Who": o.Author.Name})
}

// refresh reads the proposals again and says whether new draft Opinions
// are still accepted (Resolution 2).
func (sc *opinionScreen) refresh() {
	ops, err := sc.h.Workspace().Opinions()
	if err != nil {
		sc.h.SetStatus(userError(err).Error())
	}
	sort.SliceStable(ops, func(i, j int) bool { return ops[i].Created.Before(ops[j].Created) })
	sc.props = ops
	sc.list.Refresh()
	if why := sc.newClosed(); why != "" {
		sc.newBtn.Disable()
		sc.closed.SetText(why)
		sc.closed.Show()
	} else {
		sc.newBtn.Enable()
		sc.closed.Hide()
	}
}

// newClosed explains why a new draft Opinion can no longer be proposed,
// or is "" while it can.
func (sc *opinionScreen) newClosed() string {
	st := sc.h.Profile().State(sc.h.Now())
	if st.NewOpinionsAccepted {
		return ""
	}
	return lang.L("New draft Opinions closed after {{.Date}} (Resolution 2): a draft Opinion not presented during the preparatory period is not considered. You can still amend the draft Opinions of the report.",
		map[string]any{"Date": st.OpinionCutoff.Human()})
}

// show brings the Opinions place to the front.
func (sc *opinionScreen) show() {
	sc.h.ShowTab(sc.tab)
}

// open shows a saved proposal in the editor.
func (sc *opinionScreen) open(o item.Opinion) {
	if sc.ed.active && sc.ed.cur.ID == o.ID && o.ID != "" {
		return
	}
	sc.whenLeft(func() {
		sc.sel = o.ID
		sc.ed.load(o, sc.baseOf(o.Amends))
		sc.selectRow(o.ID)
		sc.ed.say(lang.L("Saved · last change {{.When}} by {{.Who}}", map[string]any{"When": o.Updated.Local().Format("2 Jan 2006 15:04"), "Who": o.Author.Name}))
		sc.show()
	})
}

// selectRow highlights proposal id in the list.
func (sc *opinionScreen) selectRow(id string) {
	for i, p := range sc.props {
		if p.ID == id {
			sc.list.Select(i)
			return
		}
	}
}

// whenLeft runs next once unsaved edits are saved or given up.
func (sc *opinionScreen) whenLeft(next func()) {
	if !sc.ed.active || !sc.ed.dirty {
		next()
		return
	}
	dialog.ShowConfirm(lang.L("Discard changes?"), lang.L("Your unsaved changes to this Opinion proposal will be lost."), func(ok bool) {
		if !ok { // the list shows the proposal still open
			sc.list.UnselectAll()
			sc.selectRow(sc.sel)
			return
		}
		sc.ed.clearAutosave()
		next()
	}, sc.h.Window())
}

// baseOf is the report's draft Opinion n, from the draft being read.
func (sc *opinionScreen) baseOf(n int) *report.Opinion {
	if n <= 0 {
		return nil
	}
	if old, ok := export.FindOpinion(sc.h.Draft(), n); ok {
		return &old
	}
	return nil
}

// onNew starts a new draft Opinion, unless Resolution 2 has closed them.
func (sc *opinionScreen) onNew() {
	if why := sc.newClosed(); why != "" {
		sc.h.ShowInfo(lang.L("New draft Opinions are closed"), why)
		return
	}
	sc.whenLeft(func() {
		sc.sel = ""
		sc.list.UnselectAll()
		sc.ed.load(blankOpinion(), nil)
		sc.ed.say(lang.L("New draft Opinion, not saved yet"))
		sc.show()
		sc.ed.focus(opPos{part: partTitle})
	})
}

// onAmend asks which draft Opinion of the report to amend.
func (sc *opinionScreen) onAmend() {
	d := sc.h.Draft()
	if d == nil || len(d.Opinions) == 0 {
		sc.h.ShowInfo(lang.L("No draft Opinions"), lang.L("The draft you are reading has no draft Opinions. Import a draft whose annex contains them (File > Import a new draft…)."))
		return
	}
	names := make([]string, len(d.Opinions))
	for i, o := range d.Opinions {
		names[i] = lang.L("Draft Opinion {{.N}}: {{.Title}}", map[string]any{"N": o.Number, "Title": oneLine(o.Title, 60)})
	}
	var dlg dialog.Dialog
	list := widget.NewList(func() int { return len(names) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(names[i]) })
	list.OnSelected = func(i widget.ListItemID) {
		dlg.Hide()
		sc.amend(d.Opinions[i].Number)
	}
	label := widget.NewLabel(lang.L("Which draft Opinion of the {{.Draft}} do you want to amend?", map[string]any{"Draft": labelText(sc.h.CurrentDraft().Label)}))
	dlg = dialog.NewCustom(lang.L("Amend a draft Opinion"), lang.L("Cancel"), container.NewBorder(label, nil, nil, nil, list), sc.h.Window())
	dlg.Resize(fyne.NewSize(620, 360))
	dlg.Show()
}

// amend opens the delegation's proposal on draft Opinion n, or starts one
// prefilled with the report's text.
func (sc *opinionScreen) amend(n int) {
	for _, o := range sc.props {
		if o.Amends == n && o.Review.Status != item.StatusWithdrawn {
			sc.open(o)
			sc.ed.say(lang.L("Your delegation already has a proposal on draft Opinion {{.N}}: it is open here.", map[string]any{"N": n}))
			return
		}
	}
	base := sc.baseOf(n)
	if base == nil {
		return
	}
	sc.whenLeft(func() {
		sc.sel = ""
		sc.list.UnselectAll()
		sc.ed.load(export.OpinionToAmend(*base), base)
		sc.ed.say(lang.L("Amendment not saved yet: edit the text, the preview shows your changes as revision marks."))
		sc.show()
	})
}

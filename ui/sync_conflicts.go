package ui

import (
	"strings"

	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/ui/screen"
)

// conflictsView shows the items two people changed differently: the
// version in place and the other one side by side, with their authors,
// and lets the user keep one or write a combination. Nothing is lost:
// the versions not chosen stay in the history.
type conflictsView struct {
	h      screen.Host
	d      *dialog.CustomDialog
	list   *widget.List
	cs     []store.Conflict
	cur    int
	detail *fyne.Container
}

// conflictRowTemplate sizes the conflict list's rows: an item file path.
const conflictRowTemplate = "items/comments/xx-000000-xxxxx.md"

// showConflicts opens the conflicts view (after a sync, or DELEGATE_SHOW=conflicts).
func (m *mainScreen) showConflicts() {
	v := &conflictsView{h: shellHost{m}}
	if v.load() {
		m.openConflicts(v.cs)
	}
}

// openConflicts shows the view on the conflicts cs.
func (m *mainScreen) openConflicts(cs []store.Conflict) {
	v := &conflictsView{h: shellHost{m}, cs: cs, detail: container.NewStack()}
	v.list = widget.NewList(func() int { return len(v.cs) },
		func() fyne.CanvasObject { return widget.NewLabel(conflictRowTemplate) },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(conflictName(v.cs[i])) })
	v.list.OnSelected = func(i widget.ListItemID) { v.show(i) }
	split := container.NewHSplit(v.list, v.detail)
	split.Offset = 0.22
	v.d = dialog.NewCustom(lang.L("Conflicts to resolve"), lang.L("Close"), split, m.s.win)
	v.d.Resize(fyne.NewSize(1160, 660))
	v.d.Show()
	v.list.Select(0)
}

// load reads the open conflicts; false (with a note) when there are none.
func (v *conflictsView) load() bool {
	cs, err := v.h.Workspace().Conflicts()
	if err != nil {
		v.h.ShowError(err)
		return false
	}
	v.cs = cs
	if len(cs) == 0 {
		v.h.ShowInfo(lang.L("No conflicts"), lang.L("Every item has one version: nothing to resolve."))
		return false
	}
	return true
}

func conflictName(c store.Conflict) string {
	data := c.Mine
	if data == nil && len(c.Theirs) > 0 {
		data = c.Theirs[0].Data
	}
	if cm, err := store.ParseComment(data); err == nil && cm.Anchor.Number != "" {
		return lang.L("Comment on {{.Where}} ({{.Kind}})", map[string]any{"Where": paraRef(cm.Anchor.Number), "Kind": kindName(cm.Kind)})
	}
	if o, err := store.ParseOpinion(data); err == nil {
		return lang.L("Opinion proposal: {{.Title}}", map[string]any{"Title": o.Title})
	}
	if c.ItemID != "" {
		return c.ItemID
	}
	return c.Path
}

// paraRef writes a bare paragraph number as people cite it ("¶14"); a
// full reference ("§2.1 ¶14") stays as it is.
func paraRef(n string) string {
	if n != "" && strings.Trim(n, "0123456789") == "" {
		return "¶" + n
	}
	return n
}

// conflictAuthor names the colleague a version came from: the contact of
// the delegation profile whose branch it is, else the branch's name.
func (v *conflictsView) conflictAuthor(t store.ConflictCopy) string {
	p, err := v.h.Workspace().Profile()
	if err != nil {
		return t.From
	}
	for _, c := range p.Contacts {
		if store.PersonID(item.Person{Name: c.Name, Email: c.Email}) == t.From {
			return c.Name
		}
	}
	return t.From
}

// show puts conflict i side by side: yours, then each other version.
func (v *conflictsView) show(i int) {
	v.cur = i
	c := v.cs[i]
	me := v.h.Workspace().User().Name
	cols := []fyne.CanvasObject{v.version(lang.L("Yours ({{.Name}})", map[string]any{"Name": me}), c.Mine,
		widget.NewButton(lang.L("Keep mine"), func() { v.resolve(c.Mine) }))}
	for _, t := range c.Theirs {
		cols = append(cols, v.version(lang.L("From {{.Person}}", map[string]any{"Person": v.conflictAuthor(t)}), t.Data,
			widget.NewButton(lang.L("Keep this version"), func() { v.resolve(t.Data) })))
	}
	combine := widget.NewButton(lang.L("Combine…"), func() { v.combine(c) })
	head := widget.NewLabel(lang.L("{{.Item}} was changed here and elsewhere. Keep one version or write a combination; the others stay in the history.", map[string]any{"Item": conflictName(c)}))
	head.Wrapping = fyne.TextWrapWord
	v.detail.Objects = []fyne.CanvasObject{container.NewBorder(head, container.NewHBox(combine), nil, nil, container.NewGridWithColumns(len(cols), cols...))}
	v.detail.Refresh()
}

// version is one column: who, the text, the button that keeps it.
func (v *conflictsView) version(who string, data []byte, keep *widget.Button) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(who, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(conflictText(data))
	text.Wrapping = fyne.TextWrapWord
	return container.NewBorder(title, container.NewHBox(keep), nil, nil, container.NewVScroll(text))
}

// conflictText is what a reader compares: a comment's kind, text and
// proposal, not its file's front matter; other files as they are.
func conflictText(data []byte) string {
	if data == nil {
		return lang.L("(deleted here)")
	}
	c, err := store.ParseComment(data)
	if err != nil {
		return string(data)
	}
	out := c.Body
	if c.Proposal != nil && c.Proposal.Proposed != "" {
		out += "\n\n" + lang.L("Proposed text: {{.Text}}", map[string]any{"Text": c.Proposal.Proposed})
	}
	return out
}

// combine lets the user write the text that replaces both versions.
func (v *conflictsView) combine(c store.Conflict) {
	mine, err := store.ParseComment(c.Mine)
	edit := widget.NewMultiLineEntry()
	edit.Wrapping = fyne.TextWrapWord
	if err == nil {
		edit.SetText(mine.Body)
	} else {
		edit.SetText(string(c.Mine))
	}
	d := dialog.NewCustomConfirm(lang.L("Combine the versions"), lang.L("Keep this text"), lang.L("Cancel"), edit, func(ok bool) {
		if !ok {
			return
		}
		if err != nil { // not a comment: the file's text as written
			v.resolve([]byte(edit.Text))
			return
		}
		mine.Body = edit.Text
		data, ferr := store.FormatComment(mine)
		if ferr != nil {
			v.h.ShowError(ferr)
			return
		}
		v.resolve(data)
	}, v.h.Window())
	d.Resize(fyne.NewSize(760, 420))
	d.Show()
	v.h.Window().Canvas().Focus(edit)
}

// resolve keeps data for the current conflict, reloads the screens and
// moves to the next conflict (closing the view after the last).
func (v *conflictsView) resolve(data []byte) {
	c := v.cs[v.cur]
	if data == nil {
		v.h.ShowError(errors.New(lang.L("This version was deleted; keep another one or combine.")))
		return
	}
	ws := v.h.Workspace()
	if err := ws.ResolveConflict(c.Path, data); err != nil {
		v.h.ShowError(errors.New(lang.L("The conflict was not resolved: {{.Why}}", map[string]any{"Why": errText(err)})))
		return
	}
	v.h.ReloadItems()
	v.h.SetStatus(lang.L("Resolved the conflict on {{.Item}}.", map[string]any{"Item": conflictName(c)}))
	cs, err := ws.Conflicts()
	if err != nil || len(cs) == 0 {
		v.d.Hide()
		return
	}
	v.cs = cs
	v.list.Refresh()
	v.list.UnselectAll()
	v.list.Select(0)
}

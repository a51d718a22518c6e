package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// opinionEditor edits one Opinion proposal as structured blocks; the
// labels shown beside the fields and the preview are computed from it.
type opinionEditor struct {
	sc      *opinionScreen
	cur     item.Opinion
	base    *report.Opinion // the report's draft Opinion an amendment changes
	active  bool
	dirty   bool
	loading bool

	heading *widget.Label
	title   *opEntry
	theme   *widget.Select
	reasons *textArea
	status  *opinionStatus
	blocks  *fyne.Container
	state   *widget.Label
	save    *widget.Button
	form    *fyne.Container
	top     *fyne.Container // heading, state and buttons, outside the scroll
	empty   *widget.Label
	scroll  *container.Scroll
	preview *opinionPreview

	fields map[fyne.Focusable]opPos
	at     map[opPos]fyne.Focusable
	labels map[opPos]string // computed labels, as shown
}

func newOpinionEditor(sc *opinionScreen) *opinionEditor {
	ed := &opinionEditor{sc: sc, preview: newOpinionPreview()}
	ed.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ed.heading.Wrapping = fyne.TextWrapWord
	ed.title = newOpEntry(ed, opPos{part: partTitle}, "", false)
	ed.title.SetPlaceHolder(lang.L("Title of the Opinion"))
	themes := []string{lang.L("(none)")}
	for i := range item.SubThemes {
		themes = append(themes, fmt.Sprintf("%d %s", i+1, oneLine(subThemeName(i+1), 48)))
	}
	ed.theme = widget.NewSelect(themes, func(string) { ed.changed() })
	ed.reasons = newTextArea(3)
	ed.reasons.SetPlaceHolder(lang.L("Why the delegation proposes this"))
	ed.reasons.OnChanged = func(string) { ed.changed() }
	ed.status = newOpinionStatus(ed)
	ed.blocks = container.NewVBox()
	ed.state = widget.NewLabel("")
	ed.state.Wrapping = fyne.TextWrapWord
	ed.save = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), ed.onSave)
	ed.save.Importance = widget.HighImportance
	ed.empty = widget.NewLabel(lang.L("Open an Opinion proposal from the list, or start one: New draft Opinion… or Amend a draft Opinion…"))
	ed.empty.Wrapping = fyne.TextWrapWord
	return ed
}

func (ed *opinionEditor) buildUI() fyne.CanvasObject {
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	help := widget.NewLabel(lang.L("Letters, numbers and end punctuation are computed. Keys: Enter adds an item · {{.Up}} / {{.Down}} move the item or block · {{.Right}} makes an item a sub-item, {{.Left}} an item again · {{.Delete}} removes it. “+ i)” adds a sub-item.",
		map[string]any{"Up": keyName(actUp), "Down": keyName(actDown), "Right": keyName(actIndent), "Left": keyName(actOutdent), "Delete": keyName(actRemove)}))
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	buttons := container.NewHBox(ed.save, widget.NewButtonWithIcon(lang.L("Close"), theme.CancelIcon(), ed.onClose))
	ed.top = container.NewVBox(container.NewBorder(nil, nil, nil, buttons, ed.heading), ed.state, widget.NewSeparator())
	ed.top.Hide()
	ed.form = container.NewVBox(ed.status.note,
		bold(lang.L("Title")), ed.title,
		container.NewBorder(nil, nil, bold(lang.L("Sub-theme")), nil, ed.theme),
		help, ed.blocks,
		bold(lang.L("Reasons")), ed.reasons, ed.status.row())
	ed.form.Hide()
	ed.scroll = container.NewVScroll(container.NewVBox(ed.empty, ed.form))
	return container.NewBorder(ed.top, nil, nil, nil, ed.scroll)
}

// load puts o into the form; base is the report's text it amends, if any.
func (ed *opinionEditor) load(o item.Opinion, base *report.Opinion) {
	ed.loading = true
	defer func() { ed.loading = false }()
	ed.cur, ed.base, ed.active, ed.dirty = o, base, true, false
	ed.heading.SetText(ed.headingText())
	ed.title.SetText(o.Title)
	ed.theme.SetSelectedIndex(max(0, min(o.SubTheme, len(item.SubThemes))))
	ed.reasons.SetText(o.Reasons)
	ed.status.load(o.Review)
	ed.rebuild()
	ed.empty.Hide()
	ed.form.Show()
	ed.top.Show()
	ed.scroll.Refresh() // the form was hidden and never laid out: wrapped labels need their width now
}

func (ed *opinionEditor) headingText() string {
	switch {
	case ed.cur.Amends > 0 && ed.base != nil:
		return lang.L("Amendment to draft Opinion {{.N}} of the {{.Draft}}", map[string]any{"N": ed.cur.Amends, "Draft": labelText(ed.sc.h.CurrentDraft().Label)})
	case ed.cur.Amends > 0:
		return lang.L("Amendment to draft Opinion {{.N}} (not in the draft you have imported: no revision marks)", map[string]any{"N": ed.cur.Amends})
	}
	return lang.L("New draft Opinion")
}

// say puts a plain message in the state line.
func (ed *opinionEditor) say(msg string) {
	ed.state.Importance = widget.MediumImportance
	ed.state.SetText(msg)
}

// close empties the editor.
func (ed *opinionEditor) close() {
	ed.active, ed.dirty = false, false
	ed.form.Hide()
	ed.top.Hide()
	ed.empty.Show()
	ed.preview.box.Objects = nil
	ed.preview.box.Refresh()
}

// changed follows a field edit: the preview and the autosave.
func (ed *opinionEditor) changed() {
	if ed.loading || !ed.active {
		return
	}
	ed.cur.Title = ed.title.Text
	ed.cur.SubTheme = max(ed.theme.SelectedIndex(), 0)
	ed.cur.Reasons = ed.reasons.Text
	ed.dirty = true
	ed.say(lang.L("Unsaved changes (kept safe if Delegate closes)"))
	ed.preview.show(ed.cur, ed.base)
	ed.autosaveNow()
}

// onText stores what was typed into field p.
func (ed *opinionEditor) onText(p opPos, s string) {
	if ed.loading || !ed.active {
		return
	}
	s = strings.ReplaceAll(s, "\n", " ")
	o := &ed.cur
	switch p.part {
	case partPreKeyword:
		o.Preamble[p.b].Keyword = s
	case partPreItem:
		o.Preamble[p.b].Items[p.i] = s
	case partOpHeading:
		o.Operative[p.b].Heading = s
	case partOpAddressee:
		o.Operative[p.b].Addressee = s
	case partOpItem:
		o.Operative[p.b].Items[p.i].Text = s
	case partOpSub:
		o.Operative[p.b].Items[p.i].SubItems[p.s] = s
	}
	ed.changed()
	ed.follow(p)
}

// follow shows the line of field p in the preview.
func (ed *opinionEditor) follow(p opPos) {
	if n, ok := lineIndex(ed.cur)[p]; ok {
		ed.preview.follow(n)
	}
}

// act applies a structural edit at p, then puts the focus where the
// edited thing now is.
func (ed *opinionEditor) act(p opPos, a opAction) {
	if !ed.active {
		return
	}
	var to opPos
	ok := false
	switch a {
	case actUp, actDown:
		d := 1
		if a == actUp {
			d = -1
		}
		to, ok = moveAt(&ed.cur, p, d)
	case actAdd:
		to, ok = addAfter(&ed.cur, p)
	case actRemove:
		to, ok = removeAt(&ed.cur, p)
	case actIndent:
		to, ok = indentAt(&ed.cur, p)
	case actOutdent:
		to, ok = outdentAt(&ed.cur, p)
	case actSub:
		to, ok = addSub(&ed.cur, p), p.part == partOpItem
	}
	if !ok {
		return
	}
	if (a == actUp || a == actDown) && ed.swapFields(p, to) {
		ed.changed()
	} else {
		ed.rebuild()
		ed.changed()
	}
	ed.focus(to)
	ed.follow(to)
}

// swapFields shows a move of one item past another without building the
// form again, when both are plain text fields with nothing nested: the
// labels stay where they are and the texts change places.
func (ed *opinionEditor) swapFields(from, to opPos) bool {
	a, okA := ed.at[from].(*opEntry)
	b, okB := ed.at[to].(*opEntry)
	if !okA || !okB || from.part != to.part || nested(ed.cur, from) || nested(ed.cur, to) {
		return false
	}
	ed.loading = true
	a.SetText(textAt(ed.cur, from))
	b.SetText(textAt(ed.cur, to))
	ed.loading = false
	return true
}

// nested says whether an operative item has sub-items.
func nested(o item.Opinion, p opPos) bool {
	return p.part == partOpItem && len(o.Operative[p.b].Items[p.i].SubItems) > 0
}

// textAt is the text of the item or sub-item at p.
func textAt(o item.Opinion, p opPos) string {
	switch p.part {
	case partPreItem:
		return o.Preamble[p.b].Items[p.i]
	case partOpItem:
		return o.Operative[p.b].Items[p.i].Text
	case partOpSub:
		return o.Operative[p.b].Items[p.i].SubItems[p.s]
	}
	return ""
}

// focused acts on the field that has the keyboard focus (menu items).
func (ed *opinionEditor) focused(a opAction) {
	f := ed.sc.h.Window().Canvas().Focused()
	if p, ok := ed.fields[f]; ok {
		ed.act(p, a)
	}
}

// focus puts the keyboard in field p, the cursor at the end of its text.
func (ed *opinionEditor) focus(p opPos) {
	f, ok := ed.at[p]
	if !ok {
		return
	}
	ed.sc.h.Window().Canvas().Focus(f)
	if e, ok := f.(*opEntry); ok {
		e.CursorRow, e.CursorColumn = 0, len([]rune(e.Text))
		e.Refresh()
	}
}

// reveal scrolls the form so that field o is in view.
func (ed *opinionEditor) reveal(o fyne.CanvasObject) {
	if ed.scroll == nil || ed.scroll.Content == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(ed.scroll.Content).Y
	off, h, pad := ed.scroll.Offset.Y, ed.scroll.Size().Height, theme.Padding()
	switch {
	case y < off:
		ed.scroll.ScrollToOffset(fyne.NewPos(0, max(y-pad, 0)))
	case y+o.Size().Height > off+h:
		ed.scroll.ScrollToOffset(fyne.NewPos(0, y+o.Size().Height-h+pad))
	}
}

package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report/redline"
	"github.com/delegate-itu/delegate/model/store"
)

// historyView lists an item's saved versions (who, when, what), shows the
// word-level difference each made, and restores an old one as a new save.
type historyView struct {
	m        *mainScreen
	id       string
	versions []store.Version
	list     *widget.List
	diff     *wrappedText
	title    *widget.Label
	restore  *widget.Button
	sel      int
	dlg      dialog.Dialog
}

// onHistory shows the history of the comment in the editor.
func (e *editor) onHistory() {
	if !e.active || e.cur.ID == "" {
		e.h.ShowInfo(lang.L("History"), lang.L("This comment has not been saved yet, so it has no history."))
		return
	}
	e.h.ShowHistory(e.cur.ID)
}

// showHistory opens the history of item id in a dialog.
func (m *mainScreen) showHistory(id string) *historyView {
	h := &historyView{m: m, id: id, sel: -1}
	vs, err := m.s.work.ws.History(id)
	if err != nil {
		m.s.showError(err)
		return nil
	}
	h.versions = vs
	h.list = widget.NewList(func() int { return len(h.versions) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(versionLine(h.versions[len(h.versions)-1-i]))
	})
	h.list.OnSelected = func(i widget.ListItemID) { h.show(len(h.versions) - 1 - i) }
	h.diff = newRedlineText(nil)
	h.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.title.Wrapping = fyne.TextWrapWord
	h.restore = widget.NewButtonWithIcon(lang.L("Restore this version"), theme.HistoryIcon(), h.onRestore)
	h.restore.Disable()
	right := container.NewBorder(h.title, h.restore, nil, nil, container.NewVScroll(h.diff))
	split := container.NewHSplit(h.list, right)
	split.Offset = 0.38
	h.dlg = dialog.NewCustom(lang.L("History of {{.ID}}", map[string]any{"ID": id}), lang.L("Close"), split, m.s.win)
	h.dlg.Resize(fyne.NewSize(980, 600))
	h.dlg.Show()
	if len(vs) > 0 {
		h.list.Select(0)
	}
	return h
}

// text is version n of the comment as a person reads it.
func (h *historyView) text(n int) (string, error) {
	b, err := h.m.s.work.ws.VersionBytes(h.id, n)
	if err != nil {
		return "", err
	}
	c, err := store.ParseComment(b)
	if err != nil {
		return "", err
	}
	return readable(&c), nil
}

// readable lays a comment out as labelled lines, so a version's diff shows
// what a person changed rather than file syntax.
func readable(c *item.Comment) string {
	var b strings.Builder
	line := func(label, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s: %s\n", label, v)
		}
	}
	line(lang.L("Paragraph"), c.Anchor.Number)
	line(lang.L("Quote"), c.Anchor.Quote)
	line(lang.L("Kind"), kindName(c.Kind))
	line(lang.L("Status"), statusName(c.Review.Status))
	line(lang.L("Comment"), c.Body)
	if p := c.Proposal; p != nil {
		line(lang.L("Proposal"), string(p.Action))
		line(lang.L("Existing text"), p.Existing)
		line(lang.L("Proposed text"), p.Proposed)
	}
	line(lang.L("Reasons"), c.Reasons)
	if len(c.SubThemes) > 0 {
		line(lang.L("Sub-themes"), fmt.Sprint(c.SubThemes))
	}
	return b.String()
}

func versionLine(v store.Version) string {
	msg := v.Message
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return fmt.Sprintf("v%d · %s · %s · %s", v.N, timeText(v.When), v.Author.Name, msg)
}

// show displays version n (index into versions) and what it changed.
func (h *historyView) show(idx int) {
	h.sel = idx
	v := h.versions[idx]
	h.title.SetText(lang.L("Version {{.N}}: {{.Msg}}", map[string]any{"N": num(v.N), "Msg": v.Message}))
	now, err := h.text(v.N)
	if err != nil {
		h.m.s.showError(err)
		return
	}
	before := now
	if v.N > 1 {
		if before, err = h.text(v.N - 1); err != nil {
			h.m.s.showError(err)
			return
		}
	}
	setRedline(h.diff, redline.Diff(before, now))
	if idx == len(h.versions)-1 || v.Deleted {
		h.restore.Disable()
	} else {
		h.restore.Enable()
	}
}

// onRestore makes the selected version current again, as a new commit.
func (h *historyView) onRestore() {
	if h.sel < 0 {
		return
	}
	n := h.versions[h.sel].N
	w := h.m.s.work
	if err := w.ws.Restore(h.id, n); err != nil {
		h.m.s.showError(err)
		return
	}
	c, err := w.ws.Comment(h.id)
	if err != nil {
		h.m.s.showError(err)
		return
	}
	w.put(c)
	h.m.editRestored(c)
	h.m.refresh()
	vs, err := w.ws.History(h.id)
	if err == nil {
		h.versions = vs
		h.list.Refresh()
		h.list.Select(0)
	}
}

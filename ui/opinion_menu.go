package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// fileItems are the File menu's Opinion actions. After the Resolution 2
// cut-off "New draft Opinion" is disabled and its label says since when.
func (sc *opinionScreen) fileItems() []*fyne.MenuItem {
	newItem := fyne.NewMenuItem(lang.L("New draft Opinion…"), sc.onNew)
	if st := sc.h.Profile().State(sc.h.Now()); !st.NewOpinionsAccepted {
		newItem.Label = lang.L("New draft Opinion… (closed since {{.Date}}, Resolution 2)", map[string]any{"Date": st.OpinionCutoff.Human()})
		newItem.Disabled = true
	}
	return []*fyne.MenuItem{newItem, fyne.NewMenuItem(lang.L("Amend a draft Opinion…"), sc.onAmend), fyne.NewMenuItemSeparator()}
}

// editItems are the Edit menu's Opinion editing actions with their keys;
// they act on the Opinion field that has the focus.
func (sc *opinionScreen) editItems() []*fyne.MenuItem {
	mk := func(label string, a opAction) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() { sc.ed.focused(a) })
		it.Shortcut = opShortcuts[a]
		return it
	}
	return []*fyne.MenuItem{fyne.NewMenuItemSeparator(),
		mk(lang.L("Move Opinion item up"), actUp),
		mk(lang.L("Move Opinion item down"), actDown),
		mk(lang.L("Make it a sub-item"), actIndent),
		mk(lang.L("Make it an item again"), actOutdent),
		mk(lang.L("Remove Opinion item"), actRemove),
	}
}

// onSave saves what the shown place edits: the Opinion proposal on the
// Opinions tab, else the comment.
func (m *mainScreen) onSave() {
	if m.tabs != nil && m.tabs.Selected() == m.opinions.tab {
		m.opinions.ed.onSave()
		return
	}
	m.editor.onSave()
}

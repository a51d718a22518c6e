package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// buildMenu is the main menu; with a workspace open it carries every main
// action with its keyboard shortcut.
func (s *Session) buildMenu() *fyne.MainMenu {
	about := fyne.NewMenuItem(lang.L("About Delegate"), s.onAbout)
	open := fyne.NewMenuItem(lang.L("Open another workspace…"), s.showChooser)
	help := fyne.NewMenu(lang.L("Help"), about)
	if s.main == nil {
		return fyne.NewMainMenu(fyne.NewMenu(lang.L("File"), open), help)
	}
	m := s.main
	sc := s.shortcuts()
	file := fyne.NewMenu(lang.L("File"), sc.importDraft, fyne.NewMenuItem(lang.L("Import a sample draft"), m.onImportSample), fyne.NewMenuItemSeparator(), sc.sync, fyne.NewMenuItemSeparator(), open)
	file.Items = append(file.Items, s.deskMenuItems()...)
	file.Items = append(file.Items[:2], append(m.opinions.fileItems(), file.Items[2:]...)...)
	undo := fyne.NewMenuItem(lang.L("Undo typing"), func() { s.undo(false) })
	undo.Shortcut = &fyne.ShortcutUndo{}
	redo := fyne.NewMenuItem(lang.L("Redo typing"), func() { s.undo(true) })
	redo.Shortcut = &fyne.ShortcutRedo{}
	edit := fyne.NewMenu(lang.L("Edit"), undo, redo, fyne.NewMenuItemSeparator(), sc.newComment, sc.save, fyne.NewMenuItemSeparator(), sc.find, sc.history, fyne.NewMenuItemSeparator(), sc.approve, sc.request, sc.attachBest)
	edit.Items = append(edit.Items, m.opinions.editItems()...)
	view := fyne.NewMenu(lang.L("View"), sc.next, sc.prev, fyne.NewMenuItemSeparator(), sc.draft, sc.items, sc.timeline, sc.review, sc.opinions)
	return fyne.NewMainMenu(file, edit, view, help)
}

// undo undoes (or redoes) typing in the focused text field. The menu item
// carries Ctrl+Z, which the window gives the menu first, so it must do
// what the field itself would.
func (s *Session) undo(redo bool) {
	type undoer interface {
		Undo()
		Redo()
	}
	u, ok := s.win.Canvas().Focused().(undoer)
	switch {
	case !ok:
	case redo:
		u.Redo()
	default:
		u.Undo()
	}
}

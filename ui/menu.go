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
	sc := s.shortcutItems()
	file := fyne.NewMenu(lang.L("File"), sc[8], fyne.NewMenuItem(lang.L("Import a sample draft"), m.onImportSample), fyne.NewMenuItemSeparator(), open)
	file.Items = append(file.Items[:2], append(m.opinions.fileItems(), file.Items[2:]...)...)
	undo := fyne.NewMenuItem(lang.L("Undo typing"), func() { s.undo(false) })
	undo.Shortcut = &fyne.ShortcutUndo{}
	redo := fyne.NewMenuItem(lang.L("Redo typing"), func() { s.undo(true) })
	redo.Shortcut = &fyne.ShortcutRedo{}
	edit := fyne.NewMenu(lang.L("Edit"), undo, redo, fyne.NewMenuItemSeparator(), sc[0], sc[1], fyne.NewMenuItemSeparator(), sc[2], sc[9])
	edit.Items = append(edit.Items, m.opinions.editItems()...)
	view := fyne.NewMenu(lang.L("View"), sc[3], sc[4], fyne.NewMenuItemSeparator(), sc[5], sc[6], sc[7], sc[10])
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

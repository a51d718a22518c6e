package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/delegate-itu/delegate/model/item"
)

// deskMenuItems are the File menu's coordinator's-desk entries: export,
// nomination, settings. Their shortcuts are bound on the canvas too, so
// they work with the test driver, which has no main menu.
func (s *Session) deskMenuItems() []*fyne.MenuItem {
	exp := fyne.NewMenuItem(lang.L("Export submission package…"), func() { s.showExport() })
	exp.Shortcut = ctrl(fyne.KeyE)
	nominate := fyne.NewMenuItem(lang.L("Nominate an expert…"), func() { s.showNomination() })
	receive := fyne.NewMenuItem(lang.L("Import an expert's package…"), func() {
		if s.main != nil {
			s.main.onImportPackage()
		}
	})
	settings := fyne.NewMenuItem(lang.L("Settings…"), func() { s.showSettings() })
	settings.Shortcut = ctrl(fyne.KeyComma)
	for _, it := range []*fyne.MenuItem{exp, settings} {
		act := it.Action
		s.win.Canvas().AddShortcut(it.Shortcut, func(fyne.Shortcut) { act() })
	}
	return []*fyne.MenuItem{fyne.NewMenuItemSeparator(), exp, receive, nominate, fyne.NewMenuItemSeparator(), settings}
}

// showDesk opens the export wizard or Settings at start (DELEGATE_SHOW),
// for demonstrations and screenshots. On the sample workspace with nothing
// approved, the export demonstration first approves the sample comments,
// as a coordinator would, so that there is something to send.
func (s *Session) showDesk(name string) {
	if name == "settings" {
		s.showSettings()
		return
	}
	if s.app.Preferences().String(prefLastWorkspace) == targetSample {
		if err := approveSample(s.work); err != nil {
			s.showError(err)
		}
		s.main.refresh()
	}
	s.showExport()
}

// approveSample moves the sample's comments through review when none is
// approved yet: the question stays ready for review, the last one a
// draft, the others are approved.
func approveSample(w *work) error {
	for _, c := range w.comments {
		if c.Review.Status == item.StatusApproved {
			return nil
		}
	}
	for _, c := range w.comments {
		steps := []item.Status{item.StatusReady, item.StatusApproved}
		switch {
		case c.Kind == item.KindQuestion:
			steps = steps[:1]
		case c.Anchor.ParagraphID == sampleComments[len(sampleComments)-1].para:
			steps = nil
		}
		for _, st := range steps {
			next, err := c.Review.Move(st, "")
			if err != nil {
				break
			}
			c.Review = next
			if err := w.ws.SaveComment(&c, "review: "+string(st)); err != nil {
				return err
			}
		}
	}
	return w.loadComments()
}

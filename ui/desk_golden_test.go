package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Markup goldens of the export wizard's steps and of Settings
// (ui/testdata/export-*.xml, settings-*.xml).
func TestGoldenDesk(t *testing.T) {
	t.Run("export", func(t *testing.T) {
		s := newSampleSession(t, "")
		s.win.Resize(fyne.NewSize(1000, 700))
		approveFirst(t, s, 2)
		x, _ := openWizard(t, s)
		test.AssertRendersToMarkup(t, "export-items.xml", s.win.Canvas())
		test.Tap(x.next)
		fillCover(x)
		test.AssertRendersToMarkup(t, "export-cover.xml", s.win.Canvas())
		test.Tap(x.next)
		test.AssertRendersToMarkup(t, "export-checks.xml", s.win.Canvas())
	})
	t.Run("settings", func(t *testing.T) {
		s := newSampleSession(t, "")
		s.win.Resize(fyne.NewSize(1000, 700))
		st := s.showSettings()
		test.AssertRendersToMarkup(t, "settings-delegation.xml", s.win.Canvas())
		st.tabs.SelectIndex(4)
		test.AssertRendersToMarkup(t, "settings-dates.xml", s.win.Canvas())
	})
}

package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/delegate-itu/delegate/model/process"
)

// Markup goldens of the main screens (ui/testdata/*.xml). After an
// intended change, copy ui/testdata/failed/*.xml over the goldens.
func TestGoldenScreens(t *testing.T) {
	t.Run("chooser", func(t *testing.T) {
		a := test.NewTempApp(t)
		d, _ := process.ParseDate("2025-06-01")
		at := d.Start(time.UTC).Add(12 * time.Hour)
		s := NewSession(a, testProfile(t), Options{Now: func() time.Time { return at }, Run: syncRun, SampleDir: t.TempDir()})
		t.Cleanup(s.win.Close)
		s.win.Resize(fyne.NewSize(1000, 700))
		test.AssertRendersToMarkup(t, "chooser.xml", s.win.Canvas())
	})
	for _, screen := range []string{"reader", "items", "review"} {
		t.Run(screen, func(t *testing.T) {
			s := newSampleSession(t, screen)
			s.win.Resize(fyne.NewSize(1000, 700))
			test.AssertRendersToMarkup(t, screen+".xml", s.win.Canvas())
		})
	}
}

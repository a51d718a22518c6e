package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"golang.org/x/text/language"

	"github.com/delegate-itu/delegate/model/process"
)

// TestEditorFitsEveryLanguage: at the default window size the editor gets
// about 480 px, as in English; a longer translation that widened it would
// squeeze the draft being read (Russian once did).
func TestEditorFitsEveryLanguage(t *testing.T) {
	t.Cleanup(func() { SetLanguage(language.English) })
	d, _ := process.ParseDate("2025-06-01")
	at := d.Start(time.UTC).Add(12 * time.Hour)
	for _, l := range Languages {
		a := test.NewTempApp(t)
		s := NewSession(a, testProfile(t), Options{Now: func() time.Time { return at }, Run: syncRun,
			Open: targetSample, SampleDir: t.TempDir() + "/sample", Show: "proposal", Language: l.String()})
		s.win.Resize(fyne.NewSize(1240, 780))
		if w := s.main.editor.form.MinSize().Width; w > 480 {
			t.Errorf("%s: the editor needs %.0f px, more than the 480 it gets", l, w)
		}
		s.closeWork()
		s.win.Close()
	}
}

package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/delegate-itu/delegate/model/process"
)

// syncRun makes background work synchronous so a flow can be asserted.
func syncRun(work func(), done func()) { work(); done() }

// newSampleSession opens a fresh sample workspace in a temp folder, as a
// new user's first run does.
func newSampleSession(t testing.TB, show string) *Session {
	t.Helper()
	a := test.NewTempApp(t)
	d, _ := process.ParseDate("2025-06-01")
	at := d.Start(time.UTC).Add(12 * time.Hour)
	s := NewSession(a, testProfile(t), Options{Now: func() time.Time { return at }, Run: syncRun,
		Open: targetSample, SampleDir: freshSampleDir(t), Show: show})
	s.win.Resize(fyne.NewSize(1240, 780))
	t.Cleanup(func() { s.closeWork(); s.win.Close() })
	if s.main == nil {
		t.Fatal("the sample workspace did not open")
	}
	return s
}

package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/process"
)

// TestSecondInstanceIsTold: two app instances on one workspace. The
// first opens it; the second, started on the same folder (as the last
// workspace it remembers), lands on the chooser with a dialog naming who
// has it open, instead of opening it too or falling back silently. Once
// the first closes, the second opens it.
func TestSecondInstanceIsTold(t *testing.T) {
	dir := t.TempDir() + "/sample"
	first := lockSession(t, Options{Open: targetSample, SampleDir: dir})
	if first.main == nil {
		t.Fatal("the first instance did not open the workspace")
	}
	second := lockSession(t, Options{Open: dir})
	if second.main != nil || second.work != nil {
		t.Fatal("the second instance opened a workspace the first one holds")
	}
	msg := overlayText(second.win.Canvas())
	for _, want := range []string{"This workspace is open in another Delegate window", "Close it there first"} {
		if !strings.Contains(msg, want) {
			t.Fatalf("the second instance says %q, want %q", msg, want)
		}
	}
	if first.work == nil || first.work.ws.Dir() != dir {
		t.Fatal("the first instance lost its workspace")
	}
	first.closeWork()
	second.onOpen(dir)
	if second.main == nil {
		t.Fatal("after the first instance closed, the second could not open the workspace")
	}
}

func lockSession(t *testing.T, opt Options) *Session {
	t.Helper()
	a := test.NewTempApp(t)
	d, _ := process.ParseDate("2025-06-01")
	at := d.Start(time.UTC).Add(12 * time.Hour)
	opt.Now, opt.Run = func() time.Time { return at }, syncRun
	s := NewSession(a, testProfile(t), opt)
	s.win.Resize(fyne.NewSize(1240, 780))
	t.Cleanup(func() { s.closeWork(); s.win.Close() })
	return s
}

// overlayText gathers the text of the labels in the top overlay (a dialog).
func overlayText(c fyne.Canvas) string {
	top := c.Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, child := range test.WidgetRenderer(wd).Objects() {
				walk(child)
			}
		} else if ct, ok := o.(*fyne.Container); ok {
			for _, child := range ct.Objects {
				walk(child)
			}
		}
	}
	walk(top)
	return b.String()
}

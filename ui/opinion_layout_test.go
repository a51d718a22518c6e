package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The editor's key help wraps over three lines; the form, hidden until a
// proposal is opened, was never laid out, and in the real window the first
// amendment showed the "Preambular part" heading over the help's last line:
// load lays the form out at once.
func TestOpinionHelpDoesNotOverlapTheBlocks(t *testing.T) {
	s := newSampleSession(t, "")
	sc := s.main.opinions
	sc.show()
	ed := sc.ed
	var help *widget.Label
	walk(t, ed.form, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && help == nil && strings.HasPrefix(l.Text, "Letters, numbers") {
			help = l
		}
	})
	if help == nil {
		t.Fatal("the editor has no key help")
	}
	help.Resize(fyne.NewSize(0, 0)) // the hidden form was never laid out
	sc.amend(3)
	if help.Size().Height < help.MinSize().Height {
		t.Fatalf("the help is %v high but needs %v at its width %v", help.Size().Height, help.MinSize().Height, help.Size().Width)
	}
	if end := help.Position().Y + help.Size().Height; end > ed.blocks.Position().Y {
		t.Fatalf("the help ends at %v, below the blocks' top %v", end, ed.blocks.Position().Y)
	}
}

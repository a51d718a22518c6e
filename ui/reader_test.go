package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestReaderRowsFitTheirText(t *testing.T) {
	s := newSampleSession(t, "proposal")
	r := s.main.reader
	for _, id := range []string{"s1.2-p6", "s2.1-p11"} {
		row := s.work.row[id]
		rt := widget.NewRichText(r.segments(&s.work.draft.Blocks[row])...)
		rt.Wrapping = fyne.TextWrapWord
		test.NewTempWindow(t, rt)
		rt.Resize(fyne.NewSize(r.textWidth(), 50))
		t.Logf("%s width=%v textw=%v height=%v fitted=%v min=%v", id, r.width, r.textWidth(), r.heights[row], r.fitted[row], rt.MinSize())
	}
}

package ui

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestReaderRowsFitTheirText(t *testing.T) {
	s := newSampleSession(t, "")
	r := s.main.reader
	row := s.work.row["s1.1-p1"]
	if r.fitted[row] != r.width || r.width == 0 {
		t.Fatalf("the selected row was not measured (width %v, fitted at %v)", r.width, r.fitted[row])
	}
	probe := widget.NewRichText(r.segments(&s.work.draft.Blocks[row])...)
	probe.Wrapping = fyne.TextWrapWord
	probe.Resize(fyne.NewSize(r.textWidth(), 10))
	if want := probe.MinSize().Height + 2; math.Abs(float64(r.heights[row]-want)) > 1 {
		t.Fatalf("row height %v, text needs %v", r.heights[row], want)
	}
}

func TestWrapSpansKeepsTextWithinWidth(t *testing.T) {
	newSampleSession(t, "") // a test app for text measuring
	text := "The divide is no longer only a question of coverage. In many countries, mobile broadband networks now reach most of the population."
	parts := []*widget.TextSegment{
		{Text: text[:53], Style: widget.RichTextStyleInline},
		{Text: text[53:71], Style: styleInserted},
		{Text: text[71:], Style: widget.RichTextStyleInline},
	}
	for _, width := range []float32{80, 200, 333, 1000} {
		segs := wrapSpans(parts, width)
		var all, line strings.Builder
		lines := 0
		lineW := float32(0)
		for _, sg := range segs {
			ts := sg.(*widget.TextSegment)
			all.WriteString(ts.Text)
			line.WriteString(ts.Text)
			lineW += fyne.MeasureText(ts.Text, theme.TextSize(), ts.Style.TextStyle).Width
			if !ts.Style.Inline {
				all.WriteString(" ")
				checkLine(t, line.String(), lineW, width)
				line.Reset()
				lineW = 0
				lines++
			}
		}
		checkLine(t, line.String(), lineW, width)
		if got := strings.Join(strings.Fields(all.String()), " "); got != text {
			t.Fatalf("width %v: text changed:\n%s", width, got)
		}
		if width == 1000 && lines != 0 {
			t.Fatalf("a wide row must stay one line, got %d breaks", lines)
		}
	}
}

// checkLine fails when a line of several words is wider than the limit
// (a single long word may overflow: there is nowhere to break it).
func checkLine(t *testing.T, line string, w, width float32) {
	t.Helper()
	if len(strings.Fields(line)) > 1 && w-fyne.MeasureText(" ", theme.TextSize(), fyne.TextStyle{}).Width > width {
		t.Fatalf("line %q is %v wide, limit %v", line, w, width)
	}
}

package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/report/redline"
)

// forumLine opens every Opinion of the forum.
const forumLine = "The seventh World Telecommunication/ICT Policy Forum (Geneva, 2026),"

// previewLine is one laid-out line of the preview: its label and its
// text as styled parts (plain, or revision marks against the report).
type previewLine struct {
	level   int
	deleted bool // only the report has it
	label   []*widget.TextSegment
	text    []*widget.TextSegment
}

// opinionPreview shows an Opinion in ITU layout: centred heading and
// bold title, the forum line, italic keywords, hanging labels.
type opinionPreview struct {
	box    *fyne.Container
	legend *widget.RichText
	scroll *container.Scroll
	lines  []previewLine // what is shown, for tests
	row    []int         // line n of the Opinion's Lines is lines[row[n]]
}

func newOpinionPreview() *opinionPreview {
	p := &opinionPreview{box: container.NewVBox()}
	p.legend = widget.NewRichText(
		&widget.TextSegment{Text: lang.L("Revision marks against the report: "), Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: lang.L("deleted"), Style: styleDeleted},
		&widget.TextSegment{Text: " · ", Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: lang.L("inserted"), Style: styleInserted},
	)
	return p
}

// show lays out o; with base (the report's draft Opinion o amends) the
// changes are revision marks, paired line by line as the export pairs them.
func (p *opinionPreview) show(o item.Opinion, base *report.Opinion) {
	var head []previewLine
	var body []previewLine
	if base != nil {
		p.legend.Show()
		head = []previewLine{
			{level: -1, text: plain("DRAFT OPINION " + strconv.Itoa(base.Number))},
			{level: -2, text: redlineSegments(redline.Diff(strings.TrimSpace(base.Title), strings.TrimSpace(o.Title)))},
			{level: -3, text: plain(firstNonBlank(base.Forum, forumLine))},
		}
		body = amendedPreview(export.AmendedLines(*base, o))
		p.row = p.row[:0]
		for i, l := range body {
			if l.level >= 0 && !l.deleted {
				p.row = append(p.row, len(head)+i)
			}
		}
	} else {
		p.legend.Hide()
		title := "DRAFT OPINION (new)"
		if o.Amends > 0 {
			title = "DRAFT OPINION " + strconv.Itoa(o.Amends)
		}
		head = []previewLine{
			{level: -1, text: plain(title)},
			{level: -2, text: plain(strings.TrimSpace(o.Title))},
			{level: -3, text: plain(forumLine)},
		}
		p.row = p.row[:0]
		for _, l := range o.Lines() {
			p.row = append(p.row, len(head)+len(body))
			if l.Level > 0 && strings.Trim(l.Text, ";,.:") == "" {
				l.Text = "…" + l.Text // an item not written yet
			}
			body = append(body, previewLine{level: l.Level, label: plain(l.Label), text: plain(l.Text)})
		}
	}
	p.lines = append(head, body...)
	objs := make([]fyne.CanvasObject, 0, len(p.lines)+1)
	objs = append(objs, p.legend)
	for _, l := range p.lines {
		objs = append(objs, lineObject(l))
	}
	p.box.Objects = objs
	p.box.Refresh()
}

func plain(s string) []*widget.TextSegment {
	if s == "" {
		return nil
	}
	return []*widget.TextSegment{{Text: s, Style: widget.RichTextStyleInline}}
}

func firstNonBlank(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return strings.TrimSpace(a)
	}
	return b
}

// amendedPreview writes each pair of lines: a line only the proposal has
// is inserted, one only the report has is deleted, and a line both have
// shows its word-level changes.
func amendedPreview(lines []export.AmendedLine) []previewLine {
	out := make([]previewLine, 0, len(lines))
	for _, l := range lines {
		switch {
		case l.Old == nil:
			out = append(out, previewLine{level: l.New.Level, label: marked(l.New.Label, styleInserted), text: marked(l.New.Text, styleInserted)})
		case l.New == nil:
			out = append(out, previewLine{level: l.Old.Level, deleted: true, label: marked(l.Old.Label, styleDeleted), text: marked(l.Old.Text, styleDeleted)})
		default:
			pl := previewLine{level: l.New.Level, text: redlineSegments(redline.Diff(l.Old.Text, l.New.Text))}
			if l.Old.Label == l.New.Label {
				pl.label = plain(l.New.Label)
			} else {
				pl.label = append(marked(l.Old.Label, styleDeleted), marked(l.New.Label, styleInserted)...)
			}
			out = append(out, pl)
		}
	}
	return out
}

func marked(s string, st widget.RichTextStyle) []*widget.TextSegment {
	if s == "" {
		return nil
	}
	return []*widget.TextSegment{{Text: s, Style: st}}
}

// lineObject draws one line: headings centred, keywords italic and
// indented, items with their label hanging in a column of its own.
func lineObject(l previewLine) fyne.CanvasObject {
	text := styled(l.text, func(st *widget.RichTextStyle) {
		switch l.level {
		case -1, -2:
			st.Alignment = fyne.TextAlignCenter
			st.TextStyle.Bold = st.TextStyle.Bold || l.level == -2
		case 0:
			st.TextStyle.Italic = true
		}
	})
	w := newWrappedText()
	w.set(text)
	if l.level < 0 {
		return w
	}
	lab := widget.NewRichText(styledLabel(l.label)...)
	return container.New(&hangingLayout{level: l.level}, lab, w)
}

// styled copies segments with a style change applied.
func styled(segs []*widget.TextSegment, f func(*widget.RichTextStyle)) []*widget.TextSegment {
	out := make([]*widget.TextSegment, len(segs))
	for i, s := range segs {
		st := s.Style
		f(&st)
		out[i] = &widget.TextSegment{Text: s.Text, Style: st}
	}
	return out
}

func styledLabel(segs []*widget.TextSegment) []widget.RichTextSegment {
	out := make([]widget.RichTextSegment, len(segs))
	for i, s := range segs {
		out[i] = s
	}
	return out
}

// hangingLayout places a label and its text: the text starts at the same
// place on every line, the label hangs to its left. Level 0 (keywords)
// has no label and is indented like the items' text.
type hangingLayout struct{ level int }

func (h *hangingLayout) offsets() (label, text float32) {
	step := 3 * theme.TextSize()
	switch h.level {
	case 0:
		return 0, step
	case 1:
		return 0, step
	}
	return step, 2 * step
}

// Layout puts the label at its indent and the text after it.
func (h *hangingLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	lx, tx := h.offsets()
	lab, text := objs[0], objs[1]
	lab.Move(fyne.NewPos(lx, 0))
	lab.Resize(fyne.NewSize(tx-lx, lab.MinSize().Height))
	text.Move(fyne.NewPos(tx, 0))
	text.Resize(fyne.NewSize(max(size.Width-tx, 1), text.MinSize().Height))
}

// MinSize is the taller of label and text.
func (h *hangingLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	_, tx := h.offsets()
	return fyne.NewSize(tx+objs[1].MinSize().Width, max(objs[0].MinSize().Height, objs[1].MinSize().Height))
}

// follow scrolls the preview to line n of the Opinion's Lines, the one
// being edited, when it is out of view.
func (p *opinionPreview) follow(n int) {
	if p.scroll == nil || n < 0 || n >= len(p.row) || p.row[n]+1 >= len(p.box.Objects) {
		return
	}
	o := p.box.Objects[p.row[n]+1] // after the legend
	y, h := o.Position().Y, p.scroll.Size().Height
	off := p.scroll.Offset.Y
	switch {
	case y < off:
		p.scroll.ScrollToOffset(fyne.NewPos(0, max(y-theme.Padding(), 0)))
	case y+o.Size().Height > off+h:
		p.scroll.ScrollToOffset(fyne.NewPos(0, y+o.Size().Height-h/2))
	}
}

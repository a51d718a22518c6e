package ui

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/ui/screen"
)

// numberWidth is the reader's left column, where ¶ numbers stand.
const numberWidth = 64

// reader shows the current draft as a list of paragraphs (one row each, so
// a 300-page draft lays out in milliseconds), with their displayed numbers,
// the commented passages highlighted and a count of comments per row.
type reader struct {
	m       *mainScreen // the filter and the Draft tab's neighbours
	h       screen.Host
	list    *widget.List
	header  *widget.Label
	current int // selected row, -1 when none
	width   float32
	fitted  map[int]float32 // row -> the width its height was measured at
	heights map[int]float32
	queued  bool            // a relayout is pending
	charW   float32         // average character width of body text
	box     *fyne.Container // the stack holding the resize watcher and the list
}

func newReader(m *mainScreen) *reader {
	r := &reader{m: m, h: shellHost{m}, current: -1, fitted: map[int]float32{}, heights: map[int]float32{}}
	r.list = r.newList()
	r.header = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.header.Truncation = fyne.TextTruncateEllipsis
	r.charW = fyne.MeasureText("the quick brown fox jumps over a lazy dog", theme.TextSize(), fyne.TextStyle{}).Width / 41
	return r
}

func (r *reader) newList() *widget.List {
	l := widget.NewList(r.length, r.create, r.update)
	l.OnSelected = r.onSelected
	return l
}

func (r *reader) buildUI() fyne.CanvasObject {
	sizer := &resizeWatcher{onWidth: r.onWidth}
	sizer.ExtendBaseWidget(sizer)
	r.box = container.NewStack(sizer, r.list)
	if d := r.h.Draft(); d != nil {
		cur := r.h.CurrentDraft()
		r.header.SetText(lang.N("{{.Label}} · {{.Source}} · {{.N}} numbered paragraphs", d.Paragraphs(), map[string]any{
			"Label": labelText(cur.Label), "Source": cur.Source, "N": num(d.Paragraphs())}))
	} else {
		return r.emptyUI()
	}
	return container.NewBorder(r.header, nil, nil, nil, r.box)
}

func (r *reader) blocks() []report.Block {
	if d := r.h.Draft(); d != nil {
		return d.Blocks
	}
	return nil
}

func (r *reader) length() int { return len(r.blocks()) }

func (r *reader) create() fyne.CanvasObject {
	num := widget.NewLabel("")
	num.Alignment = fyne.TextAlignTrailing
	num.Truncation = fyne.TextTruncateClip
	text := widget.NewRichText()
	text.Wrapping = fyne.TextWrapWord
	badge := canvas.NewText("", theme.Color(theme.ColorNamePrimary))
	badge.TextStyle = fyne.TextStyle{Bold: true}
	left := container.NewGridWrap(fyne.NewSize(numberWidth, 10), num)
	return container.NewBorder(nil, nil, left, container.NewGridWrap(fyne.NewSize(28, 10), badge), text)
}

func (r *reader) update(id widget.ListItemID, o fyne.CanvasObject) {
	bs := r.blocks()
	if id >= len(bs) {
		return
	}
	b := &bs[id]
	row := o.(*fyne.Container)
	text := row.Objects[0].(*widget.RichText)
	num := row.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	badge := row.Objects[2].(*fyne.Container).Objects[0].(*canvas.Text)
	num.SetText(displayNumber(b))
	text.Segments = r.segments(b)
	text.Refresh()
	r.fit(id, text)
	badge.Text = ""
	if n := r.m.countAt(b.ID); n > 0 {
		badge.Text = "●" + itoa(n)
	}
	badge.Color = theme.Color(theme.ColorNamePrimary)
	badge.Refresh()
}

// displayNumber is what the left column shows: "¶14", "a)", "2.1".
func displayNumber(b *report.Block) string {
	switch {
	case b.Number == "":
		return ""
	case b.Kind == report.KindParagraph:
		return "¶" + b.Number
	}
	return b.Number
}

// segments renders a block: headings bold, tables as lines, and the
// passages quoted by the visible comments highlighted.
func (r *reader) segments(b *report.Block) []widget.RichTextSegment {
	switch b.Kind {
	case report.KindHeading:
		size := theme.SizeNameSubHeadingText
		if b.Level > 1 {
			size = theme.SizeNameText
		}
		return []widget.RichTextSegment{&widget.TextSegment{Text: b.Text, Style: widget.RichTextStyle{SizeName: size, TextStyle: fyne.TextStyle{Bold: true}}}}
	case report.KindTable:
		return []widget.RichTextSegment{&widget.TextSegment{Text: tableText(b), Style: widget.RichTextStyleCodeBlock}}
	}
	segs := highlight(b.Text, r.m.quotesAt(b))
	if r.width == 0 {
		return segs
	}
	// Every body row is wrapped here, highlighted or not, so all rows
	// share one line spacing (see wrap.go for why).
	parts := make([]*widget.TextSegment, len(segs))
	for i, sg := range segs {
		parts[i] = sg.(*widget.TextSegment)
	}
	return wrapSpans(parts, (r.textWidth()-2*theme.InnerPadding())*0.97)
}

func tableText(b *report.Block) string {
	if b.Table == nil {
		return b.Text
	}
	lines := make([]string, len(b.Table.Rows))
	for i, row := range b.Table.Rows {
		lines[i] = strings.Join(row, "  |  ")
	}
	return strings.Join(lines, "\n")
}

// highlight splits text into plain and highlighted stretches.
func highlight(text string, spans [][2]int) []widget.RichTextSegment {
	plain := widget.RichTextStyleInline
	marked := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	var segs []widget.RichTextSegment
	at := 0
	for _, sp := range spans {
		if sp[0] < at || sp[1] > len(text) || sp[0] >= sp[1] {
			continue
		}
		if sp[0] > at {
			segs = append(segs, &widget.TextSegment{Text: text[at:sp[0]], Style: plain})
		}
		segs = append(segs, &widget.TextSegment{Text: text[sp[0]:sp[1]], Style: marked})
		at = sp[1]
	}
	if at < len(text) || len(segs) == 0 {
		segs = append(segs, &widget.TextSegment{Text: text[at:], Style: plain})
	}
	return segs
}

func (r *reader) onSelected(id widget.ListItemID) {
	r.current = id
	bs := r.blocks()
	if id < 0 || id >= len(bs) {
		return
	}
	r.m.onParagraph(&bs[id])
}

// step moves the selection to the next (+1) or previous (-1) paragraph.
func (r *reader) step(delta int) {
	n := r.length()
	if n == 0 {
		return
	}
	id := r.current + delta
	if r.current < 0 {
		id = 0
	}
	id = max(0, min(n-1, id))
	r.list.Select(id)
	r.list.ScrollTo(id)
}

// show selects the block with the given ID.
func (r *reader) show(blockID string) {
	if i, ok := r.h.BlockRow(blockID); ok {
		r.list.Select(i)
		r.list.ScrollTo(i)
	}
}

// onWidth recomputes every row's height when the reader's width changes:
// an estimate from the average character width, generous so text is never
// cut, cheap enough for thousands of rows. The heights go into a new list
// before it is shown: on a shown list each SetItemHeight costs a pass over
// all rows, which made this quadratic (0.35 s at 3,000 rows).
func (r *reader) onWidth(w float32) {
	if math.Abs(float64(w-r.width)) < 1 {
		return
	}
	r.width = w
	avail := r.textWidth()
	line := fyne.MeasureText("Hg", theme.TextSize(), fyne.TextStyle{}).Height + theme.LineSpacing()
	r.heights = make(map[int]float32, r.length())
	nl := widget.NewList(r.length, r.create, r.update)
	for i := range r.blocks() {
		h := r.estimate(&r.blocks()[i], avail, line)
		r.heights[i] = h
		nl.SetItemHeight(i, h)
	}
	if r.current >= 0 {
		nl.Select(r.current) // before OnSelected: the editor keeps its state
	}
	nl.OnSelected = r.onSelected
	r.list = nl
	if r.box != nil {
		r.box.Objects[1] = nl
		r.box.Refresh()
	}
	if r.current >= 0 {
		nl.ScrollTo(r.current)
	}
}

// fit measures a row's text at the reader's width the first time it is
// shown and corrects the estimated height, so no row is cut or padded.
func (r *reader) fit(id int, text *widget.RichText) {
	if r.width == 0 || r.fitted[id] == r.width {
		return
	}
	r.fitted[id] = r.width
	probe := widget.NewRichText(text.Segments...)
	probe.Wrapping = fyne.TextWrapWord
	probe.Resize(fyne.NewSize(r.textWidth(), 10))
	h := probe.MinSize().Height + 2
	if old, ok := r.heights[id]; !ok || math.Abs(float64(old-h)) > 1 {
		r.heights[id] = h
		r.list.SetItemHeight(id, h)
		r.relayout()
	}
}

// relayout refreshes the list once after height corrections, outside the
// update pass that found them (a row's new height needs a new layout).
func (r *reader) relayout() {
	if r.queued {
		return
	}
	r.queued = true
	fyne.Do(func() {
		r.queued = false
		r.list.Refresh()
	})
}

// textWidth is the width left for a row's text.
func (r *reader) textWidth() float32 {
	return max(100, r.width-numberWidth-28-2*theme.Padding())
}

func (r *reader) estimate(b *report.Block, avail, line float32) float32 {
	pad := 2*theme.InnerPadding() + 2
	switch b.Kind {
	case report.KindHeading:
		sz := theme.TextSubHeadingSize()
		return fyne.MeasureText("Hg", sz, fyne.TextStyle{Bold: true}).Height*float32(lines(b.Text, avail, r.charW*sz/theme.TextSize()*1.1)) + pad
	case report.KindTable:
		n := 1
		if b.Table != nil {
			n = len(b.Table.Rows)
		}
		return line*float32(n)*1.25 + pad + 2*theme.InnerPadding()
	}
	return line*float32(lines(b.Text, avail, r.charW)) + pad
}

// lines estimates how many lines text wraps to; word wrapping wastes the
// end of each line, hence the margin.
func lines(text string, avail, charW float32) int {
	perLine := int(avail/charW*0.9) - 2
	if perLine < 10 {
		perLine = 10
	}
	n := utf8.RuneCountInString(text)
	return max(1, (n+perLine-1)/perLine)
}

func itoa(n int) string { return strconv.Itoa(n) }

// resizeWatcher is an invisible object that reports its width, so the
// reader can size its rows when the window or a split changes.
type resizeWatcher struct {
	widget.BaseWidget
	onWidth func(float32)
}

func (w *resizeWatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(theme.Color(theme.ColorNameBackground)))
}

func (w *resizeWatcher) Resize(s fyne.Size) {
	w.BaseWidget.Resize(s)
	if w.onWidth != nil {
		w.onWidth(s.Width)
	}
}

// first selects the first numbered paragraph (past the front matter).
func (r *reader) first() {
	for i, b := range r.blocks() {
		if b.Kind == report.KindParagraph && b.Number != "" {
			r.list.Select(i)
			r.list.ScrollTo(max(0, i-2))
			return
		}
	}
	r.step(0)
}

// emptyUI is the reader of a workspace with no draft yet: the two ways to
// get one, in plain sight.
func (r *reader) emptyUI() fyne.CanvasObject {
	msg := widget.NewLabelWithStyle(lang.L("No report draft in this workspace yet."), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	imp := widget.NewButtonWithIcon(lang.L("Import the report draft (.docx)…"), theme.FolderOpenIcon(), r.m.onImport)
	imp.Importance = widget.HighImportance
	sample := widget.NewButton(lang.L("Import the sample 2nd draft"), r.m.onImportSample)
	return container.NewCenter(container.NewVBox(msg, imp, sample))
}

package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
)

// subItemMark is the sub-item button's label: the Opinion's own numbering,
// the same in every UI language.
const subItemMark = "i)"

// rebuild lays the blocks of the Opinion out as fields again, after a
// structural edit: every field knows its place, and every item shows
// the label the layout computes for it.
func (ed *opinionEditor) rebuild() {
	ed.loading = true
	defer func() { ed.loading = false }()
	ed.fields = map[fyne.Focusable]opPos{ed.title: {part: partTitle}}
	ed.at = map[opPos]fyne.Focusable{{part: partTitle}: ed.title}
	ed.labels = computedLabels(ed.cur)
	o := ed.cur
	objs := []fyne.CanvasObject{ed.partHeader(lang.L("Preambular part"), lang.L("Preambular block"), false)}
	for b, blk := range o.Preamble {
		objs = append(objs, ed.preBlock(b, blk))
	}
	objs = append(objs, ed.partHeader(lang.L("Operative part"), lang.L("Operative block"), true))
	for b, blk := range o.Operative {
		objs = append(objs, ed.opBlock(b, blk))
	}
	ed.blocks.Objects = objs
	ed.blocks.Refresh()
	ed.preview.show(ed.cur, ed.base)
}

func (ed *opinionEditor) partHeader(title, add string, operative bool) fyne.CanvasObject {
	btn := widget.NewButtonWithIcon(add, theme.ContentAddIcon(), func() {
		p := addBlock(&ed.cur, operative)
		ed.rebuild()
		ed.changed()
		ed.focus(p)
	})
	h := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(widget.NewSeparator(), nil, nil, btn, h)
}

func (ed *opinionEditor) register(f fyne.Focusable, p opPos) {
	ed.fields[f] = p
	ed.at[p] = f
}

// tools are the buttons beside a field: move up, move down, remove, and
// what else the place allows.
func (ed *opinionEditor) tools(p opPos, extra ...fyne.CanvasObject) *fyne.Container {
	btn := func(icon fyne.Resource, a opAction) *widget.Button {
		b := widget.NewButtonWithIcon("", icon, func() { ed.act(p, a) })
		b.Importance = widget.LowImportance
		return b
	}
	objs := append(extra, btn(theme.MoveUpIcon(), actUp), btn(theme.MoveDownIcon(), actDown), btn(theme.DeleteIcon(), actRemove))
	return container.NewHBox(objs...)
}

func (ed *opinionEditor) preBlock(b int, blk item.PreambularBlock) fyne.CanvasObject {
	kp := opPos{part: partPreKeyword, b: b}
	kw := newKwEntry(ed, kp, blk.Keyword, preambleKeywords)
	kw.SetPlaceHolder(lang.L("keyword, e.g. considering"))
	ed.register(kw, kp)
	rows := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, ed.tools(kp), passWheel(kw, ed.scroll))}
	for i, text := range blk.Items {
		p := opPos{part: partPreItem, b: b, i: i}
		rows = append(rows, ed.itemRow(p, text, 1))
	}
	rows = append(rows, ed.addItemButton(opPos{part: partPreItem, b: b, i: len(blk.Items) - 1}, kp, len(blk.Items)))
	return newBlockFrame(container.NewVBox(rows...))
}

func (ed *opinionEditor) opBlock(b int, blk item.OperativeBlock) fyne.CanvasObject {
	hp, ap := opPos{part: partOpHeading, b: b}, opPos{part: partOpAddressee, b: b}
	h := newKwEntry(ed, hp, blk.Heading, operativeHeadings)
	h.SetPlaceHolder(lang.L("e.g. invites"))
	a := newKwEntry(ed, ap, blk.Addressee, addressees)
	a.SetPlaceHolder(lang.L("addressee"))
	ed.register(h, hp)
	ed.register(a, ap)
	rows := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, ed.tools(hp), container.NewGridWithColumns(2, passWheel(h, ed.scroll), passWheel(a, ed.scroll)))}
	for i, it := range blk.Items {
		p := opPos{part: partOpItem, b: b, i: i}
		rows = append(rows, ed.itemRow(p, it.Text, 1))
		for s, sub := range it.SubItems {
			rows = append(rows, ed.itemRow(opPos{part: partOpSub, b: b, i: i, s: s}, sub, 2))
		}
	}
	rows = append(rows, ed.addItemButton(opPos{part: partOpItem, b: b, i: len(blk.Items) - 1}, hp, len(blk.Items)))
	return newBlockFrame(container.NewVBox(rows...))
}

// addItemButton appends an item to a block (after its last item, or at
// the top of an empty block).
func (ed *opinionEditor) addItemButton(last, head opPos, n int) fyne.CanvasObject {
	at := last
	if n == 0 {
		at = head
	}
	b := widget.NewButtonWithIcon(lang.L("Item"), theme.ContentAddIcon(), func() { ed.act(at, actAdd) })
	b.Importance = widget.LowImportance
	return container.NewHBox(b)
}

// itemRow is an item's computed label, its text field and its tools.
func (ed *opinionEditor) itemRow(p opPos, text string, level int) fyne.CanvasObject {
	e := newOpEntry(ed, p, text, true)
	e.SetPlaceHolder(lang.L("text of the item"))
	ed.register(e, p)
	lab := widget.NewLabel(ed.labels[p])
	lab.Alignment = fyne.TextAlignTrailing
	var extra []fyne.CanvasObject
	if p.part == partOpItem {
		sub := widget.NewButtonWithIcon(subItemMark, theme.ContentAddIcon(), func() { ed.act(p, actSub) })
		sub.Importance = widget.LowImportance
		extra = append(extra, sub)
	}
	indent := fyne.NewSize(float32(level)*2*theme.TextSize(), 1)
	left := container.NewGridWrap(indent, lab)
	return container.NewBorder(nil, nil, left, ed.tools(p, extra...), passWheel(e, ed.scroll))
}

// computedLabels walks the Opinion's laid-out lines in step with its
// structure, so the form shows the very labels the layout computes.
func computedLabels(o item.Opinion) map[opPos]string {
	lines := o.Lines()
	out := map[opPos]string{}
	for p, n := range lineIndex(o) {
		if n < len(lines) && lines[n].Label != "" {
			out[p] = lines[n].Label
		}
	}
	return out
}

// lineIndex gives the place of every field in o.Lines(): a keyword or
// heading (and addressee) its line, an item or sub-item its own.
func lineIndex(o item.Opinion) map[opPos]int {
	out := map[opPos]int{}
	n := 0
	for b, blk := range o.Preamble {
		out[opPos{part: partPreKeyword, b: b}] = n
		n++
		for i := range blk.Items {
			out[opPos{part: partPreItem, b: b, i: i}] = n
			n++
		}
	}
	for b, blk := range o.Operative {
		out[opPos{part: partOpHeading, b: b}] = n
		out[opPos{part: partOpAddressee, b: b}] = n
		n++
		for i, it := range blk.Items {
			out[opPos{part: partOpItem, b: b, i: i}] = n
			n++
			for s := range it.SubItems {
				out[opPos{part: partOpSub, b: b, i: i, s: s}] = n
				n++
			}
		}
	}
	return out
}

// blockFrame outlines a block of the form. A Card would do, but its
// shadow costs a tenth of a second to build for a long Opinion, and the
// form is built again after every structural edit.
type blockFrame struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

func newBlockFrame(content fyne.CanvasObject) *blockFrame {
	f := &blockFrame{content: content}
	f.ExtendBaseWidget(f)
	return f
}

// CreateRenderer draws a thin rounded outline around the padded content.
func (f *blockFrame) CreateRenderer() fyne.WidgetRenderer {
	r := &frameRenderer{f: f, box: canvas.NewRectangle(color.Transparent)}
	r.box.StrokeWidth = 1
	r.box.CornerRadius = theme.InputRadiusSize()
	r.box.StrokeColor = theme.Color(theme.ColorNameSeparator)
	return r
}

type frameRenderer struct {
	f   *blockFrame
	box *canvas.Rectangle
}

func (r *frameRenderer) Layout(s fyne.Size) {
	p := theme.Padding()
	r.box.Resize(s)
	r.f.content.Move(fyne.NewPos(p, p))
	r.f.content.Resize(s.Subtract(fyne.NewSize(2*p, 2*p)))
}

func (r *frameRenderer) MinSize() fyne.Size {
	p := theme.Padding()
	return r.f.content.MinSize().Add(fyne.NewSize(2*p, 2*p))
}

// Refresh follows a theme change; the content refreshes itself.
func (r *frameRenderer) Refresh() {
	r.box.StrokeColor = theme.Color(theme.ColorNameSeparator)
	r.box.Refresh()
}

func (r *frameRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.box, r.f.content} }

func (r *frameRenderer) Destroy() {}

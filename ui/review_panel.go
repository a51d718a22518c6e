package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report/redline"
	"github.com/delegate-itu/delegate/model/review"
)

// showGroup fills the panel with every item on the selected item's place,
// side by side, the selected one highlighted.
func (r *reviewScreen) showGroup() {
	it, ok := r.board.Item(r.sel)
	if !ok {
		r.detail.Hide()
		r.empty.Show()
		return
	}
	g := r.board.GroupOf(r.sel)
	if len(g.Items) == 1 {
		r.heading.SetText(lang.L("{{.Where}} · one item", map[string]any{"Where": placeName(it)}))
	} else {
		r.heading.SetText(lang.N("{{.Where}} · {{.N}} items side by side", len(g.Items), map[string]any{"Where": placeName(it), "N": num(len(g.Items))}))
	}
	if b, ok := r.board.Paragraph(it); ok {
		r.paragraph.SetText(b.Text)
		r.paragraph.Show()
	} else {
		r.paragraph.Hide()
	}
	cards := make([]fyne.CanvasObject, 0, len(g.Items))
	for _, x := range g.Items {
		cards = append(cards, r.card(g, x, x.ID() == r.sel))
	}
	r.cards.Objects = cards
	r.cards.Layout = layout.NewGridLayoutWithColumns(min(len(cards), 3))
	r.cards.Refresh()
	r.updateActions(it)
	r.empty.Hide()
	r.detail.Show()
	r.detail.Refresh()
}

// card is one item of the group: who, status, flags, the proposal as
// revision marks, the comment, and the reviewer's note.
func (r *reviewScreen) card(g *review.Group, it review.Item, selected bool) fyne.CanvasObject {
	id := it.ID()
	title := widget.NewButton(it.Author().Name, func() { r.selectID(id) })
	title.Alignment = widget.ButtonAlignLeading
	title.Importance = widget.LowImportance
	if selected {
		title.Importance = widget.HighImportance
	}
	parts := []fyne.CanvasObject{title, wrapLabel(kindAndStatus(it), fyne.TextStyle{Italic: true})}
	if fs := g.Flags(id); len(fs) > 0 {
		parts = append(parts, flagText(fs))
	}
	parts = append(parts, r.itemContent(it)...)
	if n := it.Review().Note; n != "" {
		parts = append(parts, wrapLabel(lang.L("Reviewer's note: {{.Note}}", map[string]any{"Note": n}), fyne.TextStyle{Bold: true}))
	}
	bg := canvas.NewRectangle(color.Transparent)
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	bg.CornerRadius = theme.InputRadiusSize()
	if selected {
		bg.FillColor = theme.Color(theme.ColorNameHover)
		bg.StrokeColor = theme.Color(theme.ColorNamePrimary)
		bg.StrokeWidth = 2
	}
	return container.NewStack(bg, container.NewPadded(container.NewVBox(parts...)))
}

func wrapLabel(text string, st fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, st)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func kindAndStatus(it review.Item) string {
	kind := lang.L("Opinion proposal")
	if c := it.Comment; c != nil {
		kind = kindWord(c.Kind)
		if c.Proposal != nil {
			kind += " · " + string(c.Proposal.Action)
		}
	}
	return lang.L("{{.Kind}} · {{.Status}}", map[string]any{"Kind": kind, "Status": statusWord(it.Status())})
}

// flagText says, in warning colours, which items this one duplicates or
// contradicts.
func flagText(fs []review.Flag) *widget.RichText {
	st := widget.RichTextStyleParagraph
	st.ColorName = theme.ColorNameWarning
	st.TextStyle = fyne.TextStyle{Bold: true}
	var segs []widget.RichTextSegment
	for _, f := range fs {
		who := map[string]any{"Who": f.With.Author().Name}
		text := lang.L("≈ Duplicate of {{.Who}}'s item: approve one of them", who)
		if f.Kind == review.Conflict {
			text = lang.L("⚠ Conflicts with {{.Who}}'s proposal: both replace the same passage differently", who)
		}
		segs = append(segs, &widget.TextSegment{Text: text, Style: st})
	}
	t := widget.NewRichText(segs...)
	t.Wrapping = fyne.TextWrapWord
	return t
}

// itemContent is what an item says: a proposal as revision marks, then the
// comment; an Opinion proposal's title and text.
func (r *reviewScreen) itemContent(it review.Item) []fyne.CanvasObject {
	if o := it.Opinion; o != nil {
		ops := review.Compact(r.board.Revision(*o), 1)
		out := []fyne.CanvasObject{newRedlineText(ops)}
		if hasElision(ops) {
			out = append(out, wrapLabel(lang.L("“…” stands for lines of the draft Opinion left unchanged."), fyne.TextStyle{Italic: true}))
		}
		if strings.TrimSpace(o.Reasons) != "" {
			out = append(out, wrapLabel(lang.L("Reasons: {{.Reasons}}", map[string]any{"Reasons": o.Reasons}), fyne.TextStyle{}))
		}
		return out
	}
	c := it.Comment
	var out []fyne.CanvasObject
	if p := c.Proposal; p != nil {
		var ops []redline.Op
		switch p.Action {
		case item.ActionAdd:
			ops = []redline.Op{{Kind: redline.Insert, Text: p.Proposed}}
		case item.ActionSup:
			ops = []redline.Op{{Kind: redline.Delete, Text: p.Existing}}
		default:
			ops = redline.Diff(p.Existing, p.Proposed)
		}
		out = append(out, newRedlineText(ops))
	}
	if strings.TrimSpace(c.Body) != "" {
		body := widget.NewRichTextFromMarkdown(c.Body)
		body.Wrapping = fyne.TextWrapWord
		out = append(out, body)
	}
	if strings.TrimSpace(c.Reasons) != "" {
		out = append(out, wrapLabel(lang.L("Reasons: {{.Reasons}}", map[string]any{"Reasons": c.Reasons}), fyne.TextStyle{}))
	}
	return out
}

// fillSubmission lists exactly what an export of the approved items will
// send, in the contribution's order and with its numbers.
func (r *reviewScreen) fillSubmission() {
	p, _ := r.h.Workspace().Profile() // without a profile the numbers use "X"
	entries := r.board.Submission(p)
	objs := []fyne.CanvasObject{wrapLabel(lang.N("What will be submitted: {{.N}} approved items, in the order and with the numbers of the contribution.", len(entries), map[string]any{"N": num(len(entries))}), fyne.TextStyle{Bold: true})}
	if len(entries) == 0 {
		objs = append(objs, wrapLabel(lang.L("Nothing is approved yet. Only approved items go into the contribution: approve them in the queue."), fyne.TextStyle{}))
	}
	var section export.Section
	for _, e := range entries {
		if e.Section != section {
			section = e.Section
			objs = append(objs, widget.NewSeparator(), wrapLabel(sectionName(section), fyne.TextStyle{Bold: true}))
		}
		objs = append(objs, r.submissionEntry(e)...)
		if f := approvedFlags(r.board, e); len(f) > 0 {
			objs = append(objs, flagText(f))
		}
	}
	r.sub.Objects = objs
	r.sub.Refresh()
}

func sectionName(s export.Section) string {
	switch s {
	case export.SectionGeneral:
		return lang.L("General comments")
	case export.SectionSpecific:
		return lang.L("Specific comments")
	}
	return lang.L("Proposals on draft Opinions")
}

func (r *reviewScreen) submissionEntry(e export.Entry) []fyne.CanvasObject {
	it := review.Item{Comment: e.Comment, Opinion: e.Opinion}
	head := lang.L("{{.Where}} · {{.Who}}", map[string]any{"Where": placeName(it), "Who": it.Author().Name})
	if e.Ref != "" {
		head = lang.L("{{.Ref}} · {{.Where}} · {{.Who}}", map[string]any{"Ref": e.Ref, "Where": placeName(it), "Who": it.Author().Name})
	}
	return append([]fyne.CanvasObject{wrapLabel(head, fyne.TextStyle{Bold: true})}, r.itemContent(it)...)
}

// approvedFlags are the conflicts and duplicates of a submitted item with
// other approved items: both would go out, which the coordinator must see.
func approvedFlags(b *review.Board, e export.Entry) []review.Flag {
	it := review.Item{Comment: e.Comment, Opinion: e.Opinion}
	var out []review.Flag
	for _, f := range b.Flags(it.ID()) {
		if f.With.Status() == item.StatusApproved {
			out = append(out, f)
		}
	}
	return out
}

func hasElision(ops []redline.Op) bool {
	for _, op := range ops {
		if op.Kind == redline.Equal && op.Text == review.Elided {
			return true
		}
	}
	return false
}

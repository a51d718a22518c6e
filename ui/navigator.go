package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/ui/screen"
)

// navigator is the outline of the current draft with the number of
// comments under each heading, and the filters that apply everywhere.
type navigator struct {
	m        *mainScreen // the filter and the reader
	h        screen.Host
	tree     *widget.Tree
	children map[string][]string // heading ID -> child heading IDs; "" is the root
	owner    []int               // block row -> row of its heading, -1 before any
	parent   map[int]int         // heading row -> parent heading row
	counts   map[int]int         // heading row -> visible comments beneath
	status   *widget.Select
	kind     *widget.Select
	theme    *widget.Select
	author   *widget.Select
	shown    *widget.Label
}

func newNavigator(m *mainScreen) *navigator {
	n := &navigator{m: m, h: shellHost{m}}
	n.outline()
	n.tree = widget.NewTree(n.childUIDs, n.isBranch, n.create, n.update)
	n.tree.OnSelected = func(uid widget.TreeNodeID) { m.reader.show(uid) }
	n.tree.OpenAllBranches()
	n.buildFilters()
	return n
}

func (n *navigator) buildUI() fyne.CanvasObject {
	form := container.New(layout.NewFormLayout(), widget.NewLabel(lang.L("Status")), n.status,
		widget.NewLabel(lang.L("Kind")), n.kind, widget.NewLabel(lang.L("Sub-theme")), n.theme,
		widget.NewLabel(lang.L("Author")), n.author)
	filters := widget.NewCard("", lang.L("Show comments"), container.NewVBox(form, n.shown))
	title := widget.NewLabelWithStyle(lang.L("Outline"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(title, filters, nil, nil, n.tree)
}

// outline builds the heading tree from the draft's blocks.
func (n *navigator) outline() {
	n.children = map[string][]string{}
	n.parent = map[int]int{}
	d := n.h.Draft()
	if d == nil {
		return
	}
	n.owner = make([]int, len(d.Blocks))
	var stack []int // open heading rows
	for i, b := range d.Blocks {
		if b.Kind == report.KindHeading {
			for len(stack) > 0 && d.Blocks[stack[len(stack)-1]].Level >= b.Level {
				stack = stack[:len(stack)-1]
			}
			parent, pid := -1, ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
				pid = d.Blocks[parent].ID
			}
			n.parent[i] = parent
			n.children[pid] = append(n.children[pid], b.ID)
			stack = append(stack, i)
		}
		n.owner[i] = -1
		if len(stack) > 0 {
			n.owner[i] = stack[len(stack)-1]
		}
	}
}

func (n *navigator) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID { return n.children[uid] }
func (n *navigator) isBranch(uid widget.TreeNodeID) bool                 { return len(n.children[uid]) > 0 }

func (n *navigator) create(bool) fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (n *navigator) update(uid widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	row, ok := n.h.BlockRow(uid)
	if !ok {
		return
	}
	b := n.h.Draft().Blocks[row]
	text := b.Number + " " + b.Text
	if c := n.counts[row]; c > 0 {
		text = fmt.Sprintf("%s (%d)", text, c)
	}
	l := o.(*widget.Label)
	l.TextStyle = fyne.TextStyle{Bold: n.counts[row] > 0}
	l.SetText(text)
}

// refresh recounts the visible comments under each heading.
func (n *navigator) refresh() {
	comments, cur := n.h.Comments(), n.h.CurrentDraft().ID
	n.counts = map[int]int{}
	vis := n.m.visible()
	for _, i := range vis {
		c := &comments[i]
		row, ok := n.h.BlockRow(c.Anchor.ParagraphID)
		if c.Anchor.DraftID != cur || !ok || row >= len(n.owner) {
			continue
		}
		for h := n.owner[row]; h >= 0; h = n.parent[h] {
			n.counts[h]++
		}
	}
	n.shown.SetText(lang.N("{{.N}} of {{.All}} comments", len(comments), map[string]any{"N": num(len(vis)), "All": num(len(comments))}))
	n.author.Options = append([]string{lang.L("All")}, n.authors()...)
	n.tree.Refresh()
}

func (n *navigator) authors() []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range n.h.Comments() {
		if !seen[c.Author.Name] {
			seen[c.Author.Name] = true
			out = append(out, c.Author.Name)
		}
	}
	sortNames(out)
	return out
}

// buildFilters makes the four filter selects; "All" clears a filter.
func (n *navigator) buildFilters() {
	all := lang.L("All")
	statuses := []string{all}
	for _, s := range allStatuses {
		statuses = append(statuses, statusName(s))
	}
	kinds := []string{all}
	for _, k := range item.Kinds {
		kinds = append(kinds, kindName(k))
	}
	themes := []string{all}
	for i := range item.SubThemes {
		themes = append(themes, fmt.Sprintf("%d %s", i+1, subThemeName(i+1)))
	}
	changed := func(string) { n.apply() }
	n.status = widget.NewSelect(statuses, changed)
	n.kind = widget.NewSelect(kinds, changed)
	n.theme = widget.NewSelect(themes, changed)
	n.author = widget.NewSelect([]string{all}, changed)
	for _, s := range []*widget.Select{n.status, n.kind, n.theme, n.author} {
		s.Selected = all
	}
	n.shown = widget.NewLabel("")
}

// apply copies the selects into the shared filter.
func (n *navigator) apply() {
	pick := func(s *widget.Select) string {
		if s.SelectedIndex() <= 0 {
			return ""
		}
		return s.Selected
	}
	f := &n.m.f
	f.status, f.kind, f.author = statusOf(pick(n.status)), kindOf(pick(n.kind)), pick(n.author)
	f.subTheme = max(0, n.theme.SelectedIndex())
	n.m.refresh()
}

package ui

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report/redline"
)

// itemsScreen lists every comment the filters let through, with a search
// that ignores case and accents, and the selected one in full.
type itemsScreen struct {
	m      *mainScreen
	search *widget.Entry
	list   *widget.List
	shown  []int // comment indexes in list order
	count  *widget.Label
	sel    string // selected comment ID

	title    *widget.Label
	quote    *widget.Label
	body     *widget.RichText
	proposal *wrappedText
	detail   *fyne.Container
}

func newItemsScreen(m *mainScreen) *itemsScreen {
	s := &itemsScreen{m: m}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(lang.L("Search comments (Ctrl+F): words, ¶ numbers, authors"))
	s.search.OnChanged = func(q string) {
		m.f.query = fold(q)
		m.refresh()
	}
	s.count = widget.NewLabel("")
	s.list = widget.NewList(func() int { return len(s.shown) }, s.create, s.update)
	s.list.OnSelected = s.onSelected
	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.title.Wrapping = fyne.TextWrapWord
	s.quote = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	s.quote.Wrapping = fyne.TextWrapWord
	s.body = widget.NewRichTextFromMarkdown("")
	s.body.Wrapping = fyne.TextWrapWord
	s.proposal = newRedlineText(nil)
	return s
}

func (s *itemsScreen) buildUI() fyne.CanvasObject {
	open := widget.NewButtonWithIcon(lang.L("Open in the draft"), theme.DocumentIcon(), s.onOpen)
	hist := widget.NewButtonWithIcon(lang.L("History"), theme.HistoryIcon(), func() {
		if s.sel != "" {
			s.m.showHistory(s.sel)
		}
	})
	s.detail = container.NewVBox(s.title, s.quote, widget.NewSeparator(), s.body, s.proposal, container.NewHBox(open, hist))
	s.detail.Hide()
	left := container.NewBorder(container.NewVBox(s.search, s.count), nil, nil, nil, s.list)
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(s.detail)))
	split.Offset = 0.5
	return split
}

func (s *itemsScreen) create() fyne.CanvasObject {
	ref := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	line := widget.NewLabel("")
	line.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(130, 10), ref), nil, line)
}

func (s *itemsScreen) update(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.shown) {
		return
	}
	c := &s.m.s.work.comments[s.shown[i]]
	row := o.(*fyne.Container)
	row.Objects[0].(*widget.Label).SetText(commentLine(c, 200))
	row.Objects[1].(*fyne.Container).Objects[0].(*widget.Label).SetText(c.Anchor.Number)
}

// refresh re-filters the list, keeping the selection when it is still shown.
func (s *itemsScreen) refresh() {
	s.shown = s.m.visible()
	s.sortByPlace()
	s.count.SetText(lang.N("{{.N}} of {{.All}} comments", len(s.m.s.work.comments), map[string]any{"N": num(len(s.shown)), "All": num(len(s.m.s.work.comments))}))
	s.list.UnselectAll()
	s.list.Refresh()
	for i, idx := range s.shown {
		if s.m.s.work.comments[idx].ID == s.sel {
			s.list.Select(i)
			return
		}
	}
	s.sel = ""
	s.detail.Hide()
	if len(s.shown) > 0 {
		s.list.Select(0)
	}
}

func (s *itemsScreen) onSelected(i widget.ListItemID) {
	if i >= len(s.shown) {
		return
	}
	c := s.m.s.work.comments[s.shown[i]]
	s.sel = c.ID
	s.showDetail(&c)
}

func (s *itemsScreen) showDetail(c *item.Comment) {
	w := s.m.s.work
	s.title.SetText(lang.L("{{.Ref}} ({{.Draft}}) · {{.Kind}} · {{.Status}} · {{.Who}}", map[string]any{
		"Ref": c.Anchor.Number, "Draft": w.draftLabel(c.Anchor.DraftID), "Kind": kindName(c.Kind), "Status": statusName(c.Review.Status), "Who": c.Author.Name}))
	s.quote.SetText("“" + c.Anchor.Quote + "”")
	s.body.ParseMarkdown(c.Body)
	if c.Proposal != nil {
		setRedline(s.proposal, redline.Diff(c.Proposal.Existing, c.Proposal.Proposed))
		s.proposal.Show()
	} else {
		s.proposal.Hide()
	}
	s.detail.Show()
	s.detail.Refresh() // the redline's height changed
}

// onOpen shows the selected comment in the draft and the editor.
func (s *itemsScreen) onOpen() {
	c, ok := s.m.s.work.comment(s.sel)
	if !ok {
		return
	}
	s.m.openComment(c)
}

// sortByPlace orders the list as the draft reads: current-draft comments
// by paragraph, then those on earlier drafts, oldest first within a place.
func (s *itemsScreen) sortByPlace() {
	w := s.m.s.work
	pos := func(i int) int {
		c := &w.comments[i]
		if r, ok := w.row[c.Anchor.ParagraphID]; ok && c.Anchor.DraftID == w.cur.ID {
			return r
		}
		return len(w.row) + 1
	}
	sort.SliceStable(s.shown, func(a, b int) bool { return pos(s.shown[a]) < pos(s.shown[b]) })
}

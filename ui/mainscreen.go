package ui

import (
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
)

// mainScreen is the window once a workspace is open: the draft (navigator,
// reader, editor), the items list, the carry review and the timeline.
type mainScreen struct {
	s      *Session
	f      filter
	nav    *navigator
	reader *reader
	editor *editor
	items  *itemsScreen
	carry  *carryScreen
	review *reviewScreen

	opinions *opinionScreen // the Opinions place (opinion.go)

	tabs                        *container.AppTabs
	draftTab, itemsTab, timeTab *container.TabItem
	status                      *widget.Label
	reviewTab                   *container.TabItem
}

// showMain builds the main screens for the open workspace.
func (s *Session) showMain() {
	m := &mainScreen{s: s}
	s.main = m
	m.status = widget.NewLabel("")
	m.status.Truncation = fyne.TextTruncateEllipsis
	m.reader = newReader(m)
	m.editor = newEditor(shellHost{m})
	m.nav = newNavigator(m)
	m.items = newItemsScreen(m)
	m.carry = newCarryScreen(m)
	m.review = newReviewScreen(shellHost{m})
	m.opinions = newOpinionScreen(shellHost{m})
	draft := container.NewHSplit(m.reader.buildUI(), m.editor.buildUI())
	draft.Offset = 0.56
	body := container.NewHSplit(m.nav.buildUI(), draft)
	body.Offset = 0.24
	_ = s.loadWorkspaceDates() // a damaged corrections file shows in Settings > Process dates
	m.draftTab = container.NewTabItemWithIcon(lang.L("Draft"), theme.DocumentIcon(), body)
	m.itemsTab = container.NewTabItemWithIcon(lang.L("Items"), theme.ListIcon(), m.items.buildUI())
	m.timeTab = container.NewTabItemWithIcon(lang.L("Timeline"), theme.HistoryIcon(), s.timeline.buildUI())
	m.reviewTab = container.NewTabItemWithIcon(lang.L("Review"), theme.ConfirmIcon(), m.review.buildUI())
	m.review.tab = m.reviewTab
	m.opinions.tab = container.NewTabItemWithIcon(lang.L("Opinions"), theme.DocumentCreateIcon(), m.opinions.buildUI())
	m.tabs = container.NewAppTabs(m.draftTab, m.itemsTab, m.timeTab, m.reviewTab, m.opinions.tab)
	s.win.SetContent(container.NewBorder(nil, m.status, nil, nil, m.tabs))
	s.win.SetMainMenu(s.buildMenu())
	s.addShortcuts()
	m.refresh()
	m.sayOpened()
	m.editor.recover()
	m.opinions.recover()
	show := s.opt.Show
	s.opt.Show = "" // only at start
	m.showFirst(show)
}

// sayOpened puts what the user should know about the workspace in the
// status line (and a damaged file or repaired save in a dialog).
func (m *mainScreen) sayOpened() {
	w := m.s.work
	dir := filepath.Base(w.ws.Dir())
	msg := lang.L("Workspace {{.Dir}}", map[string]any{"Dir": dir})
	if w.draft != nil {
		msg = lang.N("Reading the {{.Draft}} · {{.N}} comments · workspace {{.Dir}}", len(w.comments), map[string]any{"Draft": labelText(w.cur.Label), "N": num(len(w.comments)), "Dir": dir})
	}
	m.status.SetText(msg)
	if warn := m.supersededWarning(); warn != "" {
		m.status.SetText(warn)
		m.status.Importance = widget.WarningImportance
	}
	if ro := w.ws.ReadOnly(); ro != nil { // a read-only folder or a full disk: reading works, saving does not
		m.status.SetText(userError(ro).Error())
		m.status.Importance = widget.WarningImportance
	}
	notes := append([]string{}, w.ws.Recovered()...)
	if w.warning != "" {
		notes = append(notes, w.warning)
	}
	if len(notes) > 0 {
		m.s.showInfo(lang.L("Workspace repaired"), strings.Join(notes, "\n"))
	}
}

// visible lists the indexes of the comments the filter lets through.
func (m *mainScreen) visible() []int {
	var out []int
	for i := range m.s.work.comments {
		if m.f.match(&m.s.work.comments[i]) {
			out = append(out, i)
		}
	}
	return out
}

// countAt counts the visible comments on a block of the current draft.
func (m *mainScreen) countAt(blockID string) int {
	n := 0
	for _, i := range m.s.work.byPara[blockID] {
		if m.f.match(&m.s.work.comments[i]) {
			n++
		}
	}
	return n
}

// quotesAt gives the byte spans of the visible comments' quotes in b.
func (m *mainScreen) quotesAt(b *report.Block) [][2]int {
	var spans [][2]int
	for _, i := range m.s.work.byPara[b.ID] {
		c := &m.s.work.comments[i]
		if !m.f.match(c) || c.Anchor.Quote == "" {
			continue
		}
		if sp, ok := quoteSpan(b.Text, c.Anchor); ok {
			spans = append(spans, sp)
		}
	}
	return spans
}

// quoteSpan finds an anchor's quote in text: at its offsets when they still
// hold, else the first occurrence.
func quoteSpan(text string, a item.Anchor) ([2]int, bool) {
	if a.End <= len(text) && a.Start < a.End && text[a.Start:a.End] == a.Quote {
		return [2]int{a.Start, a.End}, true
	}
	if i := strings.Index(text, a.Quote); i >= 0 {
		return [2]int{i, i + len(a.Quote)}, true
	}
	return [2]int{}, false
}

// onParagraph follows the reader's selection in the editor.
func (m *mainScreen) onParagraph(b *report.Block) {
	m.editor.showParagraph(b)
}

// refresh redraws what depends on the comments or the filter.
func (m *mainScreen) refresh() {
	m.nav.refresh()
	m.reader.list.Refresh()
	m.items.refresh()
	m.review.refresh()
}

// showFirst opens the screen named in Options.Show.
func (m *mainScreen) showFirst(name string) {
	switch name {
	case "items":
		m.tabs.Select(m.itemsTab)
	case "timeline":
		m.tabs.Select(m.timeTab)
	case "review", "consolidated":
		m.review.demo(name == "consolidated")
	case "opinion":
		m.opinions.demo()
	case "proposal", "history":
		m.demo(name)
	case "export", "settings":
		m.s.showDesk(name)
	case "conflicts":
		m.demoConflicts()
	case "carry", "changed", "carry-opinion", "carry-orphan":
		if len(m.s.work.drafts) == 1 {
			m.s.pendingShow = name
			m.onImportSample() // the demonstration imports the sample 3rd draft
			return
		}
		if name == "changed" {
			m.demo(name)
			return
		}
		m.carry.demo()
		m.carry.demoSelect(name)
	case "about":
		m.reader.first()
		m.s.onAbout()
	default:
		m.reader.first()
	}
}

// demo prepares the editor for a screenshot: a proposal being written, an
// item's history, or what changed under it.
func (m *mainScreen) demo(name string) {
	w := m.s.work
	if len(w.comments) == 0 {
		return
	}
	c := w.comments[len(w.comments)-1]
	for _, x := range w.comments {
		if x.Proposal != nil {
			c = x
		}
	}
	m.reader.show(m.locate(c.Anchor))
	m.editor.edit(c)
	switch name {
	case "proposal":
		// after the window's first layout
		m.s.run(func() { time.Sleep(time.Second) }, func() { m.editor.reveal(m.editor.propose) })
	case "history":
		m.editor.onHistory()
	case "changed":
		m.editor.onWhatChanged()
	}
}

// addShortcuts registers the keyboard shortcuts on the canvas too, so they
// work with the test driver, which has no main menu.
func (s *Session) addShortcuts() {
	for _, it := range s.shortcutItems() {
		act := it.Action
		s.win.Canvas().AddShortcut(it.Shortcut, func(fyne.Shortcut) { act() })
	}
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// shortcuts are the main screen's menu items that carry a keyboard
// shortcut, by name, so the menus pick them without counting positions.
type shortcuts struct {
	newComment, save, find, next, prev     *fyne.MenuItem
	draft, items, timeline, review         *fyne.MenuItem
	importDraft, history, approve, request *fyne.MenuItem
	opinions, sync, attachBest             *fyne.MenuItem
}

// list is every item, for registering the shortcuts on the canvas.
func (k *shortcuts) list() []*fyne.MenuItem {
	return []*fyne.MenuItem{k.newComment, k.save, k.find, k.next, k.prev, k.draft, k.items, k.timeline,
		k.review, k.importDraft, k.history, k.approve, k.request, k.opinions, k.sync, k.attachBest}
}

// shortcutItems lists the shortcut items; none with no workspace open.
func (s *Session) shortcutItems() []*fyne.MenuItem {
	if k := s.shortcuts(); k != nil {
		return k.list()
	}
	return nil
}

// shortcuts builds the main screen's shortcut items; nil with no workspace.
func (s *Session) shortcuts() *shortcuts {
	m := s.main
	if m == nil {
		return nil
	}
	mk := func(label string, sc fyne.Shortcut, f func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, f)
		it.Shortcut = sc
		return it
	}
	return &shortcuts{
		newComment:  mk(lang.L("New comment on this paragraph"), ctrl(fyne.KeyN), m.onNewComment),
		save:        mk(lang.L("Save"), ctrl(fyne.KeyS), m.onSave),
		find:        mk(lang.L("Find in items"), ctrl(fyne.KeyF), m.onFind),
		next:        mk(lang.L("Next paragraph"), ctrl(fyne.KeyDown), func() { m.goDraft(); m.reader.step(1) }),
		prev:        mk(lang.L("Previous paragraph"), ctrl(fyne.KeyUp), func() { m.goDraft(); m.reader.step(-1) }),
		draft:       mk(lang.L("Draft"), ctrl(fyne.Key1), func() { m.tabs.Select(m.draftTab) }),
		items:       mk(lang.L("Items"), ctrl(fyne.Key2), func() { m.tabs.Select(m.itemsTab) }),
		timeline:    mk(lang.L("Timeline"), ctrl(fyne.Key3), func() { m.tabs.Select(m.timeTab) }),
		review:      mk(lang.L("Review"), ctrl(fyne.Key4), m.showReview),
		importDraft: mk(lang.L("Import a new draft…"), ctrl(fyne.KeyI), m.onImport),
		history:     mk(lang.L("History of this comment"), ctrl(fyne.KeyH), m.onHistory),
		approve:     mk(lang.L("Approve"), ctrl(fyne.KeyReturn), m.review.onApproveKey),
		request:     mk(lang.L("Request changes…"), ctrl(fyne.KeyR), m.review.onRequestChangesKey),
		opinions:    mk(lang.L("Opinions"), ctrl(fyne.Key5), m.opinions.show),
		sync:        mk(lang.L("Sync with delegation…"), ctrlShift(fyne.KeyS), m.onSync),
		attachBest:  mk(lang.L("Re-attach to the first candidate"), ctrlShift(fyne.KeyA), m.carry.onAttachBest),
	}
}

func (m *mainScreen) goDraft() { m.tabs.Select(m.draftTab) }

// showReview opens the Review tab with the keyboard in the queue.
func (m *mainScreen) showReview() { m.review.show() }

// onNewComment starts a comment on the selected paragraph.
func (m *mainScreen) onNewComment() {
	m.goDraft()
	if m.reader.current < 0 {
		m.reader.first()
	}
	m.editor.newComment()
}

// onFind jumps to the items list's search box.
func (m *mainScreen) onFind() {
	m.tabs.Select(m.itemsTab)
	m.s.win.Canvas().Focus(m.items.search)
}

// onHistory shows the history of the comment selected in the items list,
// else of the one in the editor.
func (m *mainScreen) onHistory() {
	if m.tabs.Selected() == m.itemsTab && m.items.sel != "" {
		m.showHistory(m.items.sel)
		return
	}
	m.editor.onHistory()
}

// supersededWarning warns when the draft being read is older than the one
// the process says is current (the expert may be commenting on a
// superseded draft).
func (m *mainScreen) supersededWarning() string {
	w := m.s.work
	if w.draft == nil || w.draft.Version == 0 {
		return ""
	}
	st := m.s.profile.State(m.s.now())
	if st.CurrentDraft <= w.draft.Version {
		return ""
	}
	return lang.L("The {{.Current}} is out: you are reading the {{.Label}}. Import the new draft (File > Import a new draft…) to carry your comments to it.", map[string]any{
		"Current": labelText(st.CurrentDraftLabel), "Label": labelText(w.cur.Label)})
}

// openComment shows comment c in the draft and the editor: the way from a
// list of items to the comment's place.
func (m *mainScreen) openComment(c item.Comment) {
	m.goDraft()
	m.reader.show(m.locate(c.Anchor))
	m.editor.edit(c)
}

// editRestored puts a restored comment in the editor, dropping the
// unsaved edits of the version it replaced.
func (m *mainScreen) editRestored(c item.Comment) {
	m.editor.clearAutosave()
	m.editor.edit(c)
}

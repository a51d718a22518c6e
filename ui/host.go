package ui

import (
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/ui/screen"
)

// shellHost is the main screen seen from one of its screens through
// screen.Host: the only door a screen has to the session and its
// neighbours.
type shellHost struct{ m *mainScreen }

var _ screen.Host = shellHost{}

func (h shellHost) Window() fyne.Window          { return h.m.s.win }
func (h shellHost) Run(work, done func())        { h.m.s.run(work, done) }
func (h shellHost) Busy() bool                   { return h.m.s.busy }
func (h shellHost) ShowError(err error)          { h.m.s.showError(err) }
func (h shellHost) ShowInfo(title, msg string)   { h.m.s.showInfo(title, msg) }
func (h shellHost) SetStatus(msg string)         { h.m.status.SetText(msg) }
func (h shellHost) Now() time.Time               { return h.m.s.now() }
func (h shellHost) Profile() *process.Profile    { return h.m.s.profile }
func (h shellHost) ShowTab(t *container.TabItem) { h.m.tabs.Select(t) }
func (h shellHost) ReviewChanged()               { h.m.review.refresh() }
func (h shellHost) ItemsChanged()                { h.m.refresh() }
func (h shellHost) NewComment()                  { h.m.onNewComment() }
func (h shellHost) DraftLabel(id string) string  { return h.m.s.work.draftLabel(id) }
func (h shellHost) PutComment(c item.Comment)    { h.m.s.work.put(c) }

func (h shellHost) CommentsOn(paraID string) []item.Comment {
	w := h.m.s.work
	var cs []item.Comment
	for _, i := range w.byPara[paraID] {
		cs = append(cs, w.comments[i])
	}
	return cs
}

func (h shellHost) RunHeld(work, done func()) {
	s := h.m.s
	s.busy = true
	s.run(work, func() {
		s.busy = false
		done()
	})
}

func (h shellHost) Workspace() *store.Workspace {
	if w := h.m.s.work; w != nil {
		return w.ws
	}
	return nil
}

func (h shellHost) Draft() *report.Draft {
	if w := h.m.s.work; w != nil {
		return w.draft
	}
	return nil
}

func (h shellHost) CurrentDraft() store.DraftMeta {
	if w := h.m.s.work; w != nil {
		return w.cur
	}
	return store.DraftMeta{}
}

func (h shellHost) ShowHistory(id string) { h.m.showHistory(id) }

func (h shellHost) ShowChange(a item.Anchor) {
	pc, err := h.m.s.work.changeFor(a)
	if err != nil {
		h.m.s.showError(err)
		return
	}
	h.m.showChange(a, pc)
}

func (h shellHost) Comments() []item.Comment { return h.m.s.work.comments }

func (h shellHost) BlockRow(id string) (int, bool) {
	i, ok := h.m.s.work.row[id]
	return i, ok
}

func (h shellHost) Showing(tab *container.TabItem) bool {
	return tab != nil && h.m.tabs != nil && h.m.tabs.Selected() == tab
}

func (h shellHost) CommentReviewed(c item.Comment) {
	h.m.s.work.put(c)
	h.m.editor.reviewed(c)
}

func (h shellHost) OpinionReviewed(o item.Opinion) { h.m.opinions.reviewed(o) }

func (h shellHost) SetNews(msg string) {
	h.m.status.Importance = widget.MediumImportance // not the opening warning any more
	h.m.status.SetText(msg)
}

func (h shellHost) Preferences() fyne.Preferences { return h.m.s.app.Preferences() }
func (h shellHost) OpenURL(u *url.URL) error      { return h.m.s.app.OpenURL(u) }

func (h shellHost) ReloadItems() {
	if err := h.m.s.work.loadComments(); err != nil {
		h.m.s.showError(err)
	}
	h.m.refresh()
}

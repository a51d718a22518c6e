package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/report/redline"
)

// paragraphChange says what became of a comment's paragraph between the
// draft it was written on and the current one.
type paragraphChange struct {
	oldRef, newRef string
	kind           report.ChangeKind
	ops            []redline.Op
}

// compared caches draft comparisons by old draft ID.
func (w *work) compared(oldID string) (*report.Draft, *report.Comparison, error) {
	if w.compares == nil {
		w.compares = map[string]*report.Comparison{}
		w.olds = map[string]*report.Draft{}
	}
	if c, ok := w.compares[oldID]; ok {
		return w.olds[oldID], c, nil
	}
	old, err := w.parsed(oldID)
	if err != nil {
		return nil, nil, err
	}
	c := report.Compare(old, w.draft)
	w.compares[oldID], w.olds[oldID] = c, old
	return old, c, nil
}

// changeFor finds what happened to the paragraph a comment is anchored on.
func (w *work) changeFor(a item.Anchor) (paragraphChange, error) {
	old, cmp, err := w.compared(a.DraftID)
	if err != nil {
		return paragraphChange{}, err
	}
	ob := old.Block(a.ParagraphID)
	pc := paragraphChange{oldRef: a.Number, kind: report.ChangeDeleted}
	if ob == nil {
		return pc, nil
	}
	for _, ch := range cmp.Changes {
		if !contains(ch.Old, a.ParagraphID) {
			continue
		}
		pc.kind, pc.newRef = ch.Kind, ch.NewRef
		var news []string
		for _, id := range ch.New {
			if b := w.draft.Block(id); b != nil {
				news = append(news, b.Text)
			}
		}
		pc.ops = redline.Diff(ob.Text, strings.Join(news, "\n"))
		return pc, nil
	}
	pc.ops = redline.Diff(ob.Text, "")
	return pc, nil
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// onWhatChanged shows the redline of the comment's paragraph from the
// draft it was written on to the one being read.
func (e *editor) onWhatChanged() {
	if !e.active {
		return
	}
	a := e.cur.Anchor
	if cur := e.h.CurrentDraft(); a.DraftID == cur.ID {
		e.h.ShowInfo(lang.L("What changed"), lang.L("This comment was written on the {{.Draft}}, the draft you are reading: nothing changed under it yet.", map[string]any{"Draft": labelText(cur.Label)}))
		return
	}
	e.h.ShowChange(a)
}

// showChange opens the redline dialog.
func (m *mainScreen) showChange(a item.Anchor, pc paragraphChange) {
	w := m.s.work
	head := lang.L("{{.Old}} in the {{.From}} → {{.New}} in the {{.To}}: {{.Kind}}", map[string]any{
		"Old": pc.oldRef, "From": w.draftLabel(a.DraftID), "New": orNone(pc.newRef), "To": labelText(w.cur.Label), "Kind": changeName(pc.kind)})
	title := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(title, nil, nil, nil, container.NewVScroll(newRedlineText(pc.ops)))
	d := dialog.NewCustom(lang.L("What changed"), lang.L("Close"), body, m.s.win)
	d.Resize(fyne.NewSize(860, 460))
	d.Show()
}

func orNone(s string) string {
	if s == "" {
		return lang.L("(gone)")
	}
	return s
}

// showInfo is an information dialog.
func (s *Session) showInfo(title, msg string) {
	dialog.ShowInformation(title, msg, s.win)
}

// locate finds where an anchor's paragraph stands in the current draft:
// itself when written on it, else through the draft comparison ("" when
// the paragraph is gone). Paragraph IDs of different drafts are never
// taken to mean the same paragraph.
func (m *mainScreen) locate(a item.Anchor) string {
	w := m.s.work
	if a.DraftID == w.cur.ID {
		return a.ParagraphID
	}
	_, cmp, err := w.compared(a.DraftID)
	if err != nil {
		return ""
	}
	for _, ch := range cmp.Changes {
		if contains(ch.Old, a.ParagraphID) && len(ch.New) > 0 {
			return ch.New[0]
		}
	}
	return ""
}

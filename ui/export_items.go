package ui

import (
	"errors"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
)

// loadItems reads every item still in play and checks the approved ones,
// as `delegatectl export` picks them when none are named.
func (x *exportWizard) loadItems() error {
	ws := x.h.Workspace()
	cs, err := ws.Comments()
	if err != nil && !errors.Is(err, store.ErrFormat) {
		return err
	}
	ops, err := ws.Opinions()
	if err != nil && !errors.Is(err, store.ErrFormat) {
		return err
	}
	x.comments, x.opinions = nil, nil
	x.sortItems(cs, ops)
	for _, c := range cs {
		if exportInPlay(c.Review.Status) {
			x.comments = append(x.comments, c)
			x.picked[c.ID] = usecase.Sendable(c.Review.Status, false)
		}
	}
	for _, o := range ops {
		if exportInPlay(o.Review.Status) {
			x.opinions = append(x.opinions, o)
			x.picked[o.ID] = usecase.Sendable(o.Review.Status, false)
		}
	}
	return nil
}

// sortItems puts comments in the draft's order (those on other drafts
// after), then by creation; Opinion proposals by creation.
func (x *exportWizard) sortItems(cs []item.Comment, ops []item.Opinion) {
	row := map[string]int{} // block ID -> index in the draft being read
	if d := x.h.Draft(); d != nil {
		for i, b := range d.Blocks {
			row[b.ID] = i
		}
	}
	cur := x.h.CurrentDraft().ID
	pos := func(c item.Comment) int {
		if r, ok := row[c.Anchor.ParagraphID]; ok && c.Anchor.DraftID == cur {
			return r
		}
		return len(row)
	}
	sort.SliceStable(cs, func(i, j int) bool {
		pi, pj := pos(cs[i]), pos(cs[j])
		return pi < pj || (pi == pj && cs[i].Created.Before(cs[j].Created))
	})
	sort.SliceStable(ops, func(i, j int) bool { return ops[i].Created.Before(ops[j].Created) })
}

// exportInPlay: withdrawn and already acknowledged items are not offered.
func exportInPlay(st item.Status) bool {
	return st != item.StatusWithdrawn && st != item.StatusAcknowledged
}

func (x *exportWizard) pickedCount() int {
	n := 0
	for _, ok := range x.picked {
		if ok {
			n++
		}
	}
	return n
}

// pickedIDs are the checked items in list order.
func (x *exportWizard) pickedIDs() []string {
	var ids []string
	for _, c := range x.comments {
		if x.picked[c.ID] {
			ids = append(ids, c.ID)
		}
	}
	for _, o := range x.opinions {
		if x.picked[o.ID] {
			ids = append(ids, o.ID)
		}
	}
	return ids
}

// itemsStep lists the comments and Opinion proposals with a check each.
func (x *exportWizard) itemsStep() fyne.CanvasObject {
	count := widget.NewLabel("")
	setCount := func() {
		total := len(x.comments) + len(x.opinions)
		count.SetText(lang.N("{{.N}} of {{.Total}} items will be sent.", total, map[string]any{"N": num(x.pickedCount()), "Total": num(total)}))
		x.updateNext()
	}
	intro := widget.NewLabel(lang.L("Choose what goes into the contribution. Approved items are chosen for you; an item not yet approved can go out only if you say so at the checks."))
	intro.Wrapping = fyne.TextWrapWord
	list := container.NewVBox()
	var checks []*widget.Check
	row := func(id, line string, st item.Status) {
		ck := widget.NewCheck(line, func(on bool) { x.picked[id] = on; setCount() })
		ck.Checked = x.picked[id]
		checks = append(checks, ck)
		status := widget.NewLabel(wizStatus(st))
		if st != item.StatusApproved {
			status.Importance = widget.WarningImportance
		}
		list.Add(container.NewBorder(nil, nil, nil, status, ck))
	}
	if len(x.comments) > 0 {
		list.Add(wizHeading(lang.L("Comments")))
	}
	for _, c := range x.comments {
		row(c.ID, exportCommentLine(c), c.Review.Status)
	}
	if len(x.opinions) > 0 {
		list.Add(wizHeading(lang.L("Opinion proposals")))
	}
	for _, o := range x.opinions {
		row(o.ID, exportOpinionLine(o), o.Review.Status)
	}
	if len(checks) == 0 {
		list.Add(widget.NewLabel(lang.L("There are no comments or Opinion proposals in this workspace yet.")))
	}
	all := func(pick func(st item.Status) bool) func() {
		return func() {
			for i, id := range x.allIDs() {
				x.picked[id] = pick(x.statusOf(id))
				checks[i].SetChecked(x.picked[id])
			}
			setCount()
		}
	}
	approved := widget.NewButton(lang.L("Choose the approved ones"), all(func(st item.Status) bool { return st == item.StatusApproved }))
	none := widget.NewButton(lang.L("Choose none"), all(func(item.Status) bool { return false }))
	setCount()
	top := container.NewVBox(intro, container.NewBorder(nil, nil, nil, container.NewHBox(approved, none), count))
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(list))
}

func (x *exportWizard) allIDs() []string {
	var ids []string
	for _, c := range x.comments {
		ids = append(ids, c.ID)
	}
	for _, o := range x.opinions {
		ids = append(ids, o.ID)
	}
	return ids
}

func (x *exportWizard) statusOf(id string) item.Status {
	for _, c := range x.comments {
		if c.ID == id {
			return c.Review.Status
		}
	}
	for _, o := range x.opinions {
		if o.ID == id {
			return o.Review.Status
		}
	}
	return ""
}

func wizHeading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// exportCommentLine is one line naming a comment: place, kind, first words.
func exportCommentLine(c item.Comment) string {
	return lang.L("{{.Where}} · {{.Kind}} · {{.Text}}", map[string]any{"Where": c.Anchor.Number, "Kind": kindWord(c.Kind), "Text": wizFirstWords(c.Body, 70)})
}

func exportOpinionLine(o item.Opinion) string {
	if o.Amends > 0 {
		return lang.L("Amendment to draft Opinion {{.N}}: {{.Title}}", map[string]any{"N": o.Amends, "Title": o.Title})
	}
	return lang.L("New draft Opinion: {{.Title}}", map[string]any{"Title": o.Title})
}

// wizFirstWords shortens text to about n characters at a word boundary.
func wizFirstWords(text string, n int) string {
	text = strings.Join(strings.Fields(strings.NewReplacer("*", "", "_", "").Replace(text)), " ")
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// wizStatus is a status in the user's words; a submitted item is "already
// sent", which is what matters when choosing what to send.
func wizStatus(st item.Status) string {
	if st == item.StatusSubmitted {
		return lang.L("already sent")
	}
	return statusWord(st)
}

func findingsRefuse(fs []export.Finding) bool {
	for _, f := range fs {
		if f.Level == export.LevelRefuse {
			return true
		}
	}
	return false
}

func findingsWarn(fs []export.Finding) bool {
	for _, f := range fs {
		if f.Level == export.LevelWarn {
			return true
		}
	}
	return false
}

package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/usecase"
)

// datesEditor lists the process milestones and corrects one: the
// secretariat moves meetings and deadlines, and the timeline, the deadline
// warnings and the export checks must follow.
type datesEditor struct {
	s       *Session
	list    *fyne.Container
	picked  string // milestone ID being corrected
	what    *widget.Label
	planned *widget.Entry
	actual  *widget.Entry
	end     *widget.Entry
	note    *widget.Entry
	msg     *widget.Label
	form    *fyne.Container
}

func newDatesEditor(s *Session) *datesEditor {
	d := &datesEditor{s: s, list: container.New(layout.NewFormLayout()), what: wizHeading(""), msg: wrapLabel("", fyne.TextStyle{})}
	d.planned, d.actual, d.end, d.note = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	for _, e := range []*widget.Entry{d.planned, d.actual, d.end} {
		e.SetPlaceHolder(lang.L("YYYY-MM-DD"))
	}
	d.note.SetPlaceHolder(lang.L("Why it moved, e.g. \"Moved by Circular 123\""))
	return d
}

func (d *datesEditor) buildUI() fyne.CanvasObject {
	save := widget.NewButtonWithIcon(lang.L("Save the correction"), theme.DocumentSaveIcon(), d.onSave)
	save.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Planned"), d.planned),
		widget.NewFormItem(lang.L("Actual"), d.actual),
		widget.NewFormItem(lang.L("Last day"), d.end),
		widget.NewFormItem(lang.L("Note"), d.note),
	)
	d.form = container.NewVBox(d.what, form, container.NewBorder(nil, nil, nil, save, d.msg))
	d.form.Hide()
	d.fill()
	intro := wrapLabel(lang.L("The dates of the preparatory process as Delegate knows them. When the secretariat moves a meeting or a deadline, correct it here: the correction is saved in the workspace, with your name."), fyne.TextStyle{})
	return container.NewBorder(intro, d.form, nil, nil, container.NewVScroll(d.list))
}

// fill lists the milestones with their dates, each with a Correct button.
func (d *datesEditor) fill() {
	d.list.Objects = nil
	for _, m := range d.s.profile.Sorted() {
		m := m
		btn := widget.NewButtonWithIcon(lang.L("Correct"), theme.DocumentCreateIcon(), func() { d.pick(m) })
		btn.Importance = widget.LowImportance
		title := m.Title
		if m.Note != "" {
			title += " — " + m.Note
		}
		d.list.Add(widget.NewLabel(spanText(m)))
		d.list.Add(container.NewBorder(nil, nil, nil, btn, wrapLabel(title, fyne.TextStyle{})))
	}
	d.list.Refresh()
}

// pick puts a milestone's dates in the form.
func (d *datesEditor) pick(m process.Milestone) {
	d.picked = m.ID
	d.what.SetText(lang.L("Correct: {{.Title}}", map[string]any{"Title": m.Title}))
	show := func(e *widget.Entry, v process.Date) {
		e.SetText("")
		if !v.IsZero() {
			e.SetText(v.String())
		}
	}
	show(d.planned, m.Planned)
	show(d.actual, m.Actual)
	show(d.end, m.End)
	d.note.SetText(m.Note)
	d.msg.SetText("")
	d.form.Show()
}

// onSave validates and saves the correction, then applies it everywhere.
func (d *datesEditor) onSave() {
	fix := process.Correction{ID: d.picked, Note: strings.TrimSpace(d.note.Text)}
	for _, f := range []struct {
		name string
		e    *widget.Entry
		to   *process.Date
	}{{lang.L("Planned"), d.planned, &fix.Planned}, {lang.L("Actual"), d.actual, &fix.Actual}, {lang.L("Last day"), d.end, &fix.End}} {
		v := strings.TrimSpace(f.e.Text)
		if v == "" {
			continue
		}
		date, err := process.ParseDate(v)
		if err != nil {
			d.say(lang.L("{{.Field}}: write the date as YYYY-MM-DD (or YYYY-MM while only the month is known).", map[string]any{"Field": f.name}), widget.DangerImportance)
			return
		}
		*f.to = date
	}
	if err := d.s.saveCorrection(fix); err != nil {
		d.say(lang.L("Not saved: {{.Problem}}", map[string]any{"Problem": errText(err)}), widget.DangerImportance)
		return
	}
	d.say(lang.L("Saved. The timeline and the export checks use the corrected date."), widget.SuccessImportance)
	d.fill()
}

func (d *datesEditor) say(text string, imp widget.Importance) {
	d.msg.Importance = imp
	d.msg.SetText(text)
}

// saveCorrection adds a correction to the workspace's and applies them all
// to the session's profile.
func (s *Session) saveCorrection(fix process.Correction) error {
	ws := s.work.ws
	c, err := ws.ProcessCorrections()
	if err != nil {
		return err
	}
	c.Set(fix)
	if err := ws.SaveProcessCorrections(s.shippedProfile(), c, "correct "+fix.ID); err != nil {
		return err
	}
	return s.applyWorkspaceDates()
}

// applyWorkspaceDates puts the open workspace's date corrections on top of
// the profile as shipped, and shows the result on the timeline.
func (s *Session) applyWorkspaceDates() error {
	err := s.loadWorkspaceDates()
	if err == nil {
		s.timeline.onToday()
	}
	return err
}

// loadWorkspaceDates puts the workspace's date corrections into the
// session's profile without redrawing the timeline: the main screen calls
// it before it builds its tabs, so the timeline is laid out once.
func (s *Session) loadWorkspaceDates() error {
	if s.work == nil {
		return nil
	}
	p, err := usecase.Profile(s.work.ws, s.shippedProfile())
	if err != nil {
		return err
	}
	s.profile = p
	return nil
}

// shippedProfile is the process profile before the workspace's corrections.
func (s *Session) shippedProfile() *process.Profile {
	if s.shipped == nil {
		return s.profile
	}
	return s.shipped
}

package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/process"
)

// timelineScreen is the dashboard: where the preparatory process stands on
// a day (today by default), and every milestone around it.
type timelineScreen struct {
	s *Session

	day        *widget.Entry
	dayErr     *widget.Label
	heading    *widget.Label
	draft      *widget.Label
	deadline   *widget.Label
	opinions   *widget.Label
	ruleNotice *widget.Label
	milestones *fyne.Container

	state process.State
	root  fyne.CanvasObject // built once, shown on the chooser and in a tab
}

func newTimelineScreen(s *Session) *timelineScreen {
	t := &timelineScreen{s: s}
	t.day = widget.NewEntry()
	t.day.SetPlaceHolder(lang.L("YYYY-MM-DD"))
	t.day.OnSubmitted = func(string) { t.onShowDay() }
	t.dayErr = widget.NewLabel("")
	t.dayErr.Importance = widget.DangerImportance
	t.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.draft = bigLabel()
	t.deadline = bigLabel()
	t.opinions = bigLabel()
	t.ruleNotice = widget.NewLabel("")
	t.ruleNotice.Wrapping = fyne.TextWrapWord
	t.milestones = container.New(layout.NewFormLayout())
	return t
}

func bigLabel() *widget.Label {
	l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (t *timelineScreen) buildUI() fyne.CanvasObject {
	if t.root == nil {
		t.root = t.build()
	}
	return t.root
}

func (t *timelineScreen) build() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(profileText(t.s.profile.Name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	title.Wrapping = fyne.TextWrapWord
	show := widget.NewButton(lang.L("Show"), t.onShowDay)
	today := widget.NewButton(lang.L("Today"), t.onToday)
	picker := container.NewHBox(widget.NewLabel(lang.L("Timeline on")), container.NewGridWrap(fyne.NewSize(130, t.day.MinSize().Height), t.day), show, today, t.dayErr)
	summary := container.NewVBox(
		widget.NewCard("", lang.L("Current report draft"), t.draft),
		widget.NewCard("", lang.L("Next comment deadline"), t.deadline),
		widget.NewCard("", lang.L("Draft Opinions"), t.opinions),
		widget.NewCard("", lang.L("Resolution 2"), t.ruleNotice),
	)
	top := container.NewVBox(title, picker, t.heading)
	list := widget.NewCard("", lang.L("Milestones"), container.NewVScroll(container.NewPadded(t.milestones)))
	split := container.NewHSplit(container.NewVScroll(summary), list)
	split.Offset = 0.34
	t.onToday()
	return container.NewBorder(top, nil, nil, nil, split)
}

func (t *timelineScreen) onToday() {
	t.show(t.s.now())
	t.day.SetText("")
}

func (t *timelineScreen) onShowDay() {
	if t.day.Text == "" {
		t.onToday()
		return
	}
	d, err := process.ParseDate(t.day.Text)
	if err != nil || !d.Exact() {
		t.dayErr.SetText(lang.L("Write the day as YYYY-MM-DD"))
		return
	}
	t.show(d.Start(t.s.profile.Location()).Add(12 * time.Hour))
}

// show recomputes the state for instant at and refreshes every widget.
func (t *timelineScreen) show(at time.Time) {
	p := t.s.profile
	st := p.State(at)
	t.state = st
	t.dayErr.SetText("")
	t.heading.SetText(lang.L("Where the process stands on {{.Day}} (Geneva time)", map[string]any{"Day": dateText(st.Day)}))
	t.draft.SetText(draftText(st))
	t.deadline.SetText(deadlineText(p, st))
	t.opinions.SetText(opinionText(st))
	t.ruleNotice.SetText(profileText(st.OpinionRule))
	t.milestones.Objects = nil
	for _, m := range st.Milestones {
		t.milestones.Add(phaseCell(m))
		t.milestones.Add(milestoneText(m))
	}
	t.milestones.Refresh()
}

func draftText(st process.State) string {
	switch {
	case st.CurrentDraft == 0:
		return lang.L("None published yet")
	case st.FinalReportOut:
		return lang.L("The {{.Label}} is out", map[string]any{"Label": labelText(st.CurrentDraftLabel)})
	}
	return labelText(st.CurrentDraftLabel)
}

func deadlineText(p *process.Profile, st process.State) string {
	d := st.NextDeadline
	if d == nil {
		return lang.L("No further comment deadline")
	}
	data := map[string]any{"Date": dateText(d.When()), "Draft": labelText(p.DraftLabel(d.Draft)), "Days": num(d.DaysLeft)}
	switch {
	case d.DaysLeft == 0:
		return lang.L("{{.Date}}: closes today ({{.Draft}})", data)
	case !st.CommentWindowOpen:
		return lang.L("{{.Date}}, for the {{.Draft}} (not yet published)", data)
	}
	return lang.N("{{.Date}}: {{.Days}} days left ({{.Draft}})", d.DaysLeft, data)
}

func opinionText(st process.State) string {
	data := map[string]any{"Date": dateText(st.OpinionCutoff)}
	if st.NewOpinionsAccepted {
		return lang.L("New draft Opinions accepted until {{.Date}}", data)
	}
	return lang.L("Closed to new draft Opinions since {{.Date}}; amendments only", data)
}

// phaseCell is the left column: a coloured phase word and the date.
func phaseCell(m process.Dated) fyne.CanvasObject {
	word, c := phaseStyle(m.Phase)
	txt := canvas.NewText(word, c)
	txt.TextStyle = fyne.TextStyle{Bold: true}
	date := widget.NewLabel(spanText(m.Milestone))
	return container.NewHBox(container.NewGridWrap(fyne.NewSize(80, date.MinSize().Height), container.NewCenter(txt)), date)
}

func phaseStyle(p process.Phase) (string, color.Color) {
	switch p {
	case process.PhasePast:
		return lang.L("Past"), theme.Color(theme.ColorNameDisabled)
	case process.PhaseCurrent:
		return lang.L("Now"), theme.Color(theme.ColorNameSuccess)
	case process.PhaseNext:
		return lang.L("Next"), theme.Color(theme.ColorNamePrimary)
	}
	return lang.L("Later"), theme.Color(theme.ColorNameForeground)
}

// spanText shows a multi-day meeting as "7–8 October 2024".
func spanText(m process.Milestone) string {
	start, end := m.When(), m.End
	if end.IsZero() || end == start {
		return dateText(start)
	}
	if start.Year == end.Year && start.Month == end.Month && start.Exact() {
		return lang.L("{{.Day}}–{{.Date}}", map[string]any{"Day": digits(start.Day), "Date": dateText(end)})
	}
	return lang.L("{{.Start}} – {{.End}}", map[string]any{"Start": dateText(start), "End": dateText(end)})
}

func milestoneText(m process.Dated) fyne.CanvasObject {
	text := profileText(m.Title)
	if m.Note != "" {
		text += "\n" + profileText(m.Note)
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	if m.Phase == process.PhaseNext || m.Phase == process.PhaseCurrent {
		l.TextStyle = fyne.TextStyle{Bold: true}
	}
	return l
}

package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/store"
)

// syncSummary is the status line after a sync.
func syncSummary(rep store.SyncReport) string {
	n := 0
	for _, m := range rep.Merged {
		n += m.Changed
	}
	return lang.L("Synced with {{.Remote}}. Files received: {{.N}}. Open conflicts: {{.C}}.", map[string]any{"Remote": rep.Remote, "N": num(n), "C": num(rep.Conflicts)})
}

// syncLines says what a sync did, one line per fact.
func syncLines(rep store.SyncReport) []string {
	var out []string
	if rep.Published {
		out = append(out, lang.L("Your work was published on {{.Remote}} as {{.Me}}.", map[string]any{"Remote": rep.Remote, "Me": rep.Me}))
	} else {
		out = append(out, lang.L("{{.Remote}} already had all your work.", map[string]any{"Remote": rep.Remote}))
	}
	for _, m := range rep.Merged {
		switch {
		case m.From == rep.Me:
		case m.How == store.MergeUpToDate:
			out = append(out, lang.L("{{.From}}: nothing new.", map[string]any{"From": m.From}))
		default:
			out = append(out, lang.N("{{.From}}: {{.N}} files received.", m.Changed, map[string]any{"From": m.From, "N": num(m.Changed)}))
		}
		for _, c := range m.Conflicts {
			out = append(out, lang.L("Conflict: {{.Path}} was changed here and by {{.From}}; both versions are kept.", map[string]any{"Path": c, "From": m.From}))
		}
	}
	for _, u := range rep.Unsafe {
		out = append(out, lang.L("The work of {{.From}} was not brought in: it holds something Delegate will not put in your workspace ({{.Why}}). Nothing of it was changed here; the others' work arrived. Ask them to check their work.",
			map[string]any{"From": u.Person, "Why": u.Reason}))
	}
	for _, a := range rep.Signatures {
		if a.Clean() {
			out = append(out, lang.N("Signatures of {{.Author}}: all {{.N}} commits well signed.", a.Good, map[string]any{"Author": a.Author, "N": num(a.Good)}))
			continue
		}
		out = append(out, lang.L("Signatures of {{.Author}}. Well signed: {{.Good}}. Unsigned: {{.Unsigned}}. By an unknown key: {{.Unknown}}. Bad: {{.Bad}}.",
			map[string]any{"Author": a.Author, "Good": num(a.Good), "Unsigned": num(a.Unsigned), "Unknown": num(a.UnknownKey), "Bad": num(a.Bad)}))
	}
	for _, id := range rep.Refused {
		out = append(out, lang.L("The work of {{.From}} was refused: this workspace accepts signed work only.", map[string]any{"From": id}))
	}
	if rep.Conflicts > 0 {
		out = append(out, lang.N("{{.N}} open conflicts: choose or combine the versions.", rep.Conflicts, map[string]any{"N": num(rep.Conflicts)}))
	}
	return out
}

// showSyncReport shows what the sync did, with a way to the conflicts.
func (m *mainScreen) showSyncReport(rep store.SyncReport) {
	text := widget.NewLabel(strings.Join(syncLines(rep), "\n"))
	text.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	buttons := []fyne.CanvasObject{widget.NewButton(lang.L("Close"), func() { d.Hide() })}
	if rep.Conflicts > 0 {
		show := widget.NewButton(lang.L("Show conflicts"), func() { d.Hide(); m.showConflicts() })
		show.Importance = widget.HighImportance
		buttons = append(buttons, show)
	}
	d = dialog.NewCustomWithoutButtons(lang.L("Sync done"), container.NewVScroll(text), m.s.win)
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(620, 360))
	d.Show()
}

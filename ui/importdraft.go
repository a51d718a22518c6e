package ui

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/assets"
	"github.com/delegate-itu/delegate/model/report"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/userfile"
)

// onImport asks for a report draft file and imports it.
func (m *mainScreen) onImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			m.s.showError(err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		var data []byte
		if err = pickedFile(r.URI()); err == nil {
			data, err = userfile.ReadFrom(r, r.URI().Name(), report.DefaultMaxFileBytes)
		}
		if err != nil {
			m.s.showError(err)
			return
		}
		m.importBytes(r.URI().Name(), "", data)
	}, m.s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".docx", ".md", ".txt", ".doc", ".pdf"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// pickedFile refuses a device, a pipe or a folder picked in the file
// dialog; the read that follows stops at the draft size limit.
func pickedFile(u fyne.URI) error {
	if u.Scheme() != "file" {
		return nil
	}
	return userfile.Check(u.Path())
}

// inputFileError words the refusals of userfile for the dialog.
func inputFileError(err error) (string, bool) {
	var big *userfile.TooLargeError
	switch {
	case errors.As(err, &big):
		return lang.L("{{.File}} is larger than {{.Limit}}, too large for what it should be. Nothing was imported.",
			map[string]any{"File": filepath.Base(big.Path), "Limit": userfile.MB(big.Limit)}), true
	case errors.Is(err, userfile.ErrNotRegular):
		return lang.L("This is not a regular file (a device, a pipe or a folder). Choose a file. Nothing was imported."), true
	}
	return "", false
}

// onImportSample imports an embedded sample draft: the 2nd into an empty
// workspace, else the 3rd, to try the carry.
func (m *mainScreen) onImportSample() {
	ss := assets.SampleDrafts()
	s := ss[len(ss)-1]
	if len(m.s.work.drafts) == 0 {
		s = ss[0]
	}
	m.importBytes(s.Name, s.Label, s.Data)
}

// importBytes reads, stores and carries a draft off the UI goroutine,
// with a progress bar, then switches the reader to it.
func (m *mainScreen) importBytes(name, label string, data []byte) {
	if m.s.busy {
		return
	}
	m.s.busy = true
	bar := widget.NewProgressBar()
	step := widget.NewLabel(lang.L("Reading {{.Name}}…", map[string]any{"Name": name}))
	prog := dialog.NewCustomWithoutButtons(lang.L("Importing a new draft"), container.NewVBox(step, bar), m.s.win)
	prog.Resize(fyne.NewSize(480, 140))
	prog.Show()
	say := func(f float64, msg string) {
		fyne.Do(func() { bar.SetValue(f); step.SetText(msg) })
	}
	var err error
	var meta store.DraftMeta
	var rows []carryRow
	nw := &work{ws: m.s.work.ws}
	m.s.run(func() {
		say(0.2, lang.L("Reading paragraphs and numbers…"))
		if meta, _, err = importDraft(nw.ws, name, label, data); err != nil {
			return
		}
		say(0.6, lang.L("Carrying your comments to the new draft…"))
		if err = nw.load(); err == nil {
			rows, err = carryPlan(nw)
		}
		say(1, lang.L("Done"))
	}, func() {
		m.s.busy = false
		prog.Hide()
		m.afterImport(nw, meta, rows, err)
	})
}

// afterImport reopens the screens on the new draft and shows the carry.
func (m *mainScreen) afterImport(nw *work, meta store.DraftMeta, rows []carryRow, err error) {
	if errors.Is(err, store.ErrDraftExists) {
		m.s.showInfo(lang.L("Already imported"), lang.L("This file was already imported as the {{.Label}}.", map[string]any{"Label": labelText(meta.Label)}))
		return
	}
	if err != nil {
		m.s.showError(errors.New(lang.L("The draft was not imported: {{.Why}}", map[string]any{"Why": errText(err)})))
		return
	}
	m.s.work = nw
	m.s.showMain()
	if len(rows) == 0 {
		m.s.main.status.SetText(lang.N("Imported the {{.Label}} ({{.N}} numbered paragraphs).", meta.Paragraphs, map[string]any{"Label": labelText(meta.Label), "N": num(meta.Paragraphs)}))
		return
	}
	m.s.main.carry.show(rows)
	switch p := m.s.pendingShow; p {
	case "changed":
		m.s.pendingShow = ""
		m.s.main.goDraft()
		m.s.main.demo(p)
	case "carry-opinion", "carry-orphan":
		m.s.pendingShow = ""
		m.s.main.carry.demoSelect(p)
	}
}

package ui

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
)

// prefExportFolder is the folder packages are written under, one
// sub-folder per package.
const prefExportFolder = "export.folder"

// exportTarget is the wizard's last step: where to write, whether to
// record the package as sent, and then what was written.
type exportTarget struct {
	x       *exportWizard
	folder  *widget.Entry
	record  *widget.Check
	auto    string // the folder proposed, replaced when the package changes
	written string // the package folder once written
	note    string // what recording said (already made, failed)
}

func (x *exportWizard) newExportTarget() exportTarget {
	t := exportTarget{x: x, folder: widget.NewEntry()}
	t.folder.OnChanged = func(string) { x.updateNext() }
	t.record = widget.NewCheck(lang.L("Record it as sent: tag this version of the workspace and mark the items submitted"), nil)
	t.record.Checked = true
	return t
}

// packagesBase is where packages go unless the user chose elsewhere.
func packagesBase(prefs fyne.Preferences) string {
	if b := prefs.String(prefExportFolder); b != "" {
		return b
	}
	home, err := os.UserHomeDir()
	if err != nil {
		home = os.TempDir()
	}
	return filepath.Join(home, "Delegate packages")
}

func (t *exportTarget) build() fyne.CanvasObject {
	x := t.x
	if t.folder.Text == "" || t.folder.Text == t.auto {
		t.auto = filepath.Join(packagesBase(x.h.Preferences()), x.pkg.res.ID)
		t.folder.SetText(t.auto)
	}
	choose := widget.NewButtonWithIcon(lang.L("Choose…"), theme.FolderOpenIcon(), t.onChoose)
	intro := wrapLabel(lang.L("Delegate writes the package into a folder: contribution.docx, message.eml (the e-mail to the secretariat, ready to send from your mail program), manifest.json and the package itself as a .zip. It never sends mail."), fyne.TextStyle{})
	form := widget.NewForm(widget.NewFormItem(lang.L("Package folder"), container.NewBorder(nil, nil, nil, choose, t.folder)))
	return container.NewVBox(intro, form, t.record)
}

func (t *exportTarget) onChoose() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		t.x.h.Preferences().SetString(prefExportFolder, u.Path())
		t.folder.SetText(filepath.Join(u.Path(), t.x.pkg.res.ID))
	}, t.x.h.Window())
	d.Resize(wizardSize(t.x.h.Window()))
	d.Show()
}

// runExport writes the package folder and records the package, as
// `delegatectl export` does, off the UI goroutine.
func (x *exportWizard) runExport() {
	dir, res, in, record := x.out.folder.Text, x.pkg.res, x.in, x.out.record.Checked
	ws := x.h.Workspace()
	var werr, rerr error
	var rec store.Recorded
	x.working(true)
	x.h.RunHeld(func() {
		if werr = usecase.Write(dir, res); werr == nil && record {
			rec, rerr = usecase.Record(ws, res, in)
		}
	}, func() {
		x.working(false)
		if werr != nil {
			x.h.ShowError(wizardError(werr))
			return
		}
		x.out.written, x.out.note = dir, ""
		x.cover.remember()
		switch {
		case errors.Is(rerr, usecase.ErrAlreadyMade):
			x.out.note = lang.L("This package was already recorded as sent: the files were written again, nothing else changed.")
		case rerr != nil:
			x.out.note = lang.L("The files were written, but the package could not be recorded as sent: {{.Error}}", map[string]any{"Error": errText(rerr)})
			if errors.Is(rerr, store.ErrRecordPending) { // the statuses may be saved already
				x.reloadItems()
			}
		case record:
			if rec.Finished {
				x.out.note = lang.L("An earlier export of this package had been interrupted before it was recorded as sent; it is recorded now.")
			}
			x.reloadItems()
		}
		x.show(stepDone)
	})
}

// reloadItems shows the items' new status (submitted) in the main screens.
func (x *exportWizard) reloadItems() { x.h.ReloadItems() }

// doneStep offers the e-mail draft and the folder.
func (x *exportWizard) doneStep() fyne.CanvasObject {
	t := &x.out
	ok := findingRow(theme.ConfirmIcon(), lang.L("Package {{.ID}} is ready in {{.Folder}}", map[string]any{"ID": x.pkg.res.ID, "Folder": t.written}), widget.SuccessImportance)
	mail := widget.NewButtonWithIcon(lang.L("Open the e-mail draft"), theme.MailComposeIcon(), x.onOpenMail)
	mail.Importance = widget.HighImportance
	folder := widget.NewButtonWithIcon(lang.L("Show the package folder"), theme.FolderOpenIcon(), x.onOpenFolder)
	how := wrapLabel(lang.L("The e-mail opens in your mail program as a draft addressed to the secretariat, with the contribution attached. Check it, then send it from there."), fyne.TextStyle{})
	box := container.NewVBox(ok, how, container.NewHBox(mail, folder))
	if t.note != "" {
		n := wrapLabel(t.note, fyne.TextStyle{})
		n.Importance = widget.WarningImportance
		box.Add(n)
	}
	return box
}

func (x *exportWizard) onOpenMail() {
	x.openPath(filepath.Join(x.out.written, export.MessageFile))
}

func (x *exportWizard) onOpenFolder() { x.openPath(x.out.written) }

// openPath hands a file or folder to the system (mail program, file manager).
func (x *exportWizard) openPath(p string) {
	if err := openFile(x.open, p); err != nil {
		x.h.ShowError(err)
	}
}

// openFile opens a local path through an URL opener such as App.OpenURL.
func openFile(open func(*url.URL) error, p string) error {
	abs, err := filepath.Abs(p)
	if err != nil {
		return err
	}
	u, err := url.Parse(storage.NewFileURI(abs).String())
	if err != nil {
		return err
	}
	return open(u)
}

package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
	"github.com/delegate-itu/delegate/model/userfile"
)

// Importing an expert's package (File > Import an expert's package…):
// verify it, plan the import without writing, and when items of the
// package are already in the workspace in another version, let the user
// refuse or import them beside; nothing is ever overwritten.

// onImportPackage asks for a submission package (.zip) and imports it.
func (m *mainScreen) onImportPackage() {
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
		if err = pickedFile(r.URI()); err == nil { // a device, a pipe or a folder
			data, err = userfile.ReadFrom(r, r.URI().Name(), export.MaxPackageBytes)
		}
		if err != nil {
			m.packageRefused(err)
			return
		}
		m.checkPackage(r.URI().Name(), data)
	}, m.s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".zip"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// checkPackage verifies a package and plans its import off the UI
// goroutine, writing nothing; then imports it, or first asks about the
// items the workspace already has in another version.
func (m *mainScreen) checkPackage(name string, data []byte) {
	if m.s.busy {
		return
	}
	m.s.busy = true
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons(lang.L("Importing a package"),
		container.NewVBox(widget.NewLabel(lang.L("Checking {{.Name}}…", map[string]any{"Name": name})), bar), m.s.win)
	prog.Resize(fyne.NewSize(480, 140))
	prog.Show()
	ws := m.s.work.ws
	var in store.Received
	var plan store.ImportPlan
	var err error
	m.s.run(func() {
		var p *export.Package
		if p, err = export.Verify(data); err != nil {
			return
		}
		if in, err = usecase.Receive(p); err == nil {
			plan, err = ws.PlanImport(in)
		}
	}, func() {
		m.s.busy = false
		bar.Stop()
		prog.Hide()
		switch {
		case err != nil:
			m.packageRefused(err)
		case len(plan.Collisions) > 0:
			m.askCollisions(in, plan)
		default:
			m.runPackageImport(in, store.RefuseCollisions)
		}
	})
}

// askCollisions lists the items the workspace already has in another
// version, whose each is, and lets the user refuse the package or import
// those items beside the existing ones.
func (m *mainScreen) askCollisions(in store.Received, plan store.ImportPlan) {
	intro := wrapLabel(lang.L("Package {{.Package}}, sent by {{.Sender}}, holds items this workspace already has in another version. Importing them as they are would overwrite or undo work, so Delegate never does that.",
		map[string]any{"Package": in.Package, "Sender": in.Sender.Name}), fyne.TextStyle{})
	list := container.NewVBox()
	for _, c := range plan.Collisions {
		list.Add(wrapLabel("• "+collisionText(c), fyne.TextStyle{}))
	}
	choice := wrapLabel(lang.L("Import beside: each of these items comes in as a new item with a new ID, next to the existing one, which stays exactly as it is. Refuse: nothing from this package is imported."), fyne.TextStyle{Italic: true})
	body := container.NewBorder(intro, choice, nil, nil, container.NewVScroll(list))
	d := dialog.NewCustomConfirm(lang.L("Items already in this workspace"), lang.L("Import beside"), lang.L("Refuse"), body, func(beside bool) {
		if !beside {
			m.s.main.status.SetText(lang.L("Package {{.Package}} was not imported; nothing was changed.", map[string]any{"Package": in.Package}))
			return
		}
		m.runPackageImport(in, store.ImportBeside)
	}, m.s.win)
	d.Resize(fyne.NewSize(720, 460))
	d.Show()
}

// collisionText says one collision in the interface language.
func collisionText(c store.Collision) string {
	kind := lang.L("comment")
	if c.Kind == "opinion" {
		kind = lang.L("Opinion proposal")
	}
	owner := c.Owner.Name
	if c.Yours {
		owner = lang.L("{{.Name}} (you)", map[string]any{"Name": owner})
	}
	v := map[string]any{"ID": c.ID, "Kind": kind, "Owner": owner, "When": timeText(c.Changed), "By": c.By.Name, "V": num(c.Version), "N": num(c.Versions)}
	switch {
	case c.Clash == store.ClashDeleted:
		return lang.L("{{.ID}} ({{.Kind}}) by {{.Owner}} was deleted in this workspace (last saved {{.When}} by {{.By}}); importing it would bring it back.", v)
	case c.Clash == store.ClashOlder && c.Version > 0:
		return lang.L("{{.ID}} ({{.Kind}}) by {{.Owner}}: the package holds version {{.V}} of {{.N}}; importing it would undo the later edits (last saved {{.When}} by {{.By}}).", v)
	case c.Clash == store.ClashOlder:
		return lang.L("{{.ID}} ({{.Kind}}) by {{.Owner}}: the package holds an older version; importing it would undo the later edits (last saved {{.When}} by {{.By}}).", v)
	}
	return lang.L("{{.ID}} ({{.Kind}}) by {{.Owner}}: this workspace holds a different version (last saved {{.When}} by {{.By}}).", v)
}

// runPackageImport imports off the UI goroutine, reloads the screens and
// says what was imported.
func (m *mainScreen) runPackageImport(in store.Received, on store.OnCollision) {
	if m.s.busy {
		return
	}
	m.s.busy = true
	ws := m.s.work.ws
	nw := &work{ws: ws}
	var rep store.ImportReport
	var err error
	m.s.run(func() {
		if rep, err = ws.Import(in, on); err == nil && rep.Commit != "" {
			err = nw.load()
		}
	}, func() {
		m.s.busy = false
		if err != nil {
			m.packageRefused(err)
			return
		}
		if rep.Commit == "" {
			m.s.showInfo(lang.L("Nothing to import"), lang.L("Every item of package {{.Package}} is already in this workspace as sent. Nothing was changed.", map[string]any{"Package": in.Package}))
			return
		}
		m.s.work = nw
		m.s.showMain()
		m.s.main.status.SetText(lang.L("Items imported from package {{.Package}}, ready for review: {{.N}}.", map[string]any{"Package": in.Package, "N": num(len(rep.New) + len(rep.Beside))}))
		m.s.showInfo(lang.L("Package imported"), importText(rep))
	})
}

// importText says what an import did, and what verifying a package
// does not prove.
func importText(rep store.ImportReport) string {
	lines := []string{lang.L("Items imported from package {{.Package}}, sent by {{.Sender}}, ready for review: {{.N}}.",
		map[string]any{"Package": rep.Package, "Sender": rep.Sender.Name, "N": num(len(rep.New) + len(rep.Beside))})}
	for _, b := range rep.Beside {
		lines = append(lines, lang.L("{{.From}} was imported as {{.To}}, beside the existing {{.From}}, which is unchanged.", map[string]any{"From": b.From, "To": b.To}))
	}
	if len(rep.Same) > 0 {
		lines = append(lines, lang.L("Already in this workspace as sent, left as they are: {{.List}}.", map[string]any{"List": strings.Join(rep.Same, ", ")}))
	}
	lines = append(lines, lang.L("The package is intact. It is not signed, so this does not prove who made it."))
	return strings.Join(lines, "\n")
}

// packageRefused says why a package was not imported, and that nothing
// was changed.
func (m *mainScreen) packageRefused(err error) {
	if msg, ok := inputFileError(err); ok {
		m.s.showError(errors.New(msg))
		return
	}
	why := errText(err)
	if errors.Is(err, store.ErrSender) {
		why = lang.L("The package does not name its sender plainly (one line, a real e-mail address, no control characters or encoded text), so it cannot be recorded as the sender's work. Ask the sender to export it again from Delegate, and check where this one came from.")
	}
	m.s.showError(errors.New(lang.L("The package was not imported, nothing was changed: {{.Why}}", map[string]any{"Why": why})))
}

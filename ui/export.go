package ui

import (
	"context"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/ui/screen"
)

// The export wizard's steps, in order.
const (
	stepItems = iota
	stepCover
	stepCheck
	stepPreview
	stepExport
	stepDone
)

// pageRenderer turns a .docx into page images; nil means no renderer, and
// the preview is structured instead.
type pageRenderer func(ctx context.Context, docx []byte) ([][]byte, error)

// exportWizard walks the user from choosing items to an e-mail draft ready
// to send: items, cover, checks, preview, export, done. The package is
// built and written by model/usecase and model/export, exactly as
// `delegatectl export` builds it.
type exportWizard struct {
	h      screen.Host
	dlg    dialog.Dialog
	open   func(*url.URL) error // the system opener; tests inject one
	render pageRenderer

	step     int
	steps    *fyne.Container
	body     *fyne.Container
	back     *widget.Button
	next     *widget.Button
	busy     *widget.ProgressBarInfinite
	stopWork context.CancelFunc

	comments []item.Comment
	opinions []item.Opinion
	picked   map[string]bool

	cover      coverForm
	unapproved bool
	findings   []export.Finding
	ack        bool
	in         export.Input
	pkg        builtPackage
	out        exportTarget
}

// showExport opens the export wizard on the open workspace.
func (s *Session) showExport() *exportWizard {
	if s.main == nil || s.work == nil {
		return nil
	}
	return newExportWizard(shellHost{s.main})
}

// newExportWizard opens the export wizard on h's workspace; nil when its
// items cannot be read (the error shown).
func newExportWizard(h screen.Host) *exportWizard {
	x := &exportWizard{h: h, open: h.OpenURL, render: defaultRenderer(), picked: map[string]bool{}}
	if err := x.loadItems(); err != nil {
		h.ShowError(err)
		return nil
	}
	x.cover = x.newCoverForm()
	x.out = x.newExportTarget()
	x.back = widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), x.onBack)
	x.next = widget.NewButtonWithIcon(lang.L("Next"), theme.NavigateNextIcon(), x.onNext)
	x.next.Importance = widget.HighImportance
	x.next.IconPlacement = widget.ButtonIconTrailingText
	x.busy = widget.NewProgressBarInfinite()
	x.busy.Hide()
	cancel := widget.NewButton(lang.L("Close"), x.close)
	x.steps = container.NewHBox()
	x.body = container.NewStack()
	bottom := container.NewBorder(nil, nil, cancel, container.NewHBox(x.back, x.next), x.busy)
	content := container.NewBorder(container.NewVBox(x.steps, widget.NewSeparator()), container.NewVBox(widget.NewSeparator(), bottom), nil, nil, x.body)
	x.dlg = dialog.NewCustomWithoutButtons(lang.L("Export a submission package"), content, h.Window())
	x.dlg.Resize(wizardSize(h.Window()))
	x.show(stepItems)
	x.dlg.Show()
	return x
}

// wizardSize leaves a margin of the window around the dialog.
func wizardSize(w fyne.Window) fyne.Size {
	sz := w.Canvas().Size()
	if sz.Width < 700 || sz.Height < 500 { // not laid out yet
		sz = fyne.NewSize(1240, 780)
	}
	return fyne.NewSize(max(600, sz.Width-120), max(450, sz.Height-80))
}

func defaultRenderer() pageRenderer {
	if _, _, err := export.Renderer(); err != nil {
		return nil
	}
	return func(ctx context.Context, doc []byte) ([][]byte, error) { return export.RenderPages(ctx, doc, 80) }
}

func (x *exportWizard) close() {
	if x.stopWork != nil {
		x.stopWork()
	}
	x.dlg.Hide()
}

// show puts a step's content in the dialog.
func (x *exportWizard) show(step int) {
	x.step = step
	x.showSteps()
	var c fyne.CanvasObject
	switch step {
	case stepItems:
		c = x.itemsStep()
	case stepCover:
		c = x.cover.build()
	case stepCheck:
		c = x.checkStep()
	case stepPreview:
		c = x.previewStep()
	case stepExport:
		c = x.out.build()
	case stepDone:
		c = x.doneStep()
	}
	x.body.Objects = []fyne.CanvasObject{c}
	x.body.Refresh()
	x.back.Hidden = step == stepItems || step == stepDone
	x.next.Hidden = step == stepDone
	x.next.SetText(lang.L("Next"))
	if step == stepExport {
		x.next.SetText(lang.L("Export"))
	}
	x.back.Refresh()
	x.updateNext()
	if step == stepPreview {
		x.startRender()
	}
}

// showSteps is the row naming every step, the current one in bold.
func (x *exportWizard) showSteps() {
	names := []string{lang.L("1 Items"), lang.L("2 Cover"), lang.L("3 Checks"), lang.L("4 Preview"), lang.L("5 Export")}
	x.steps.Objects = nil
	for i, n := range names {
		if i > 0 {
			x.steps.Add(widget.NewLabel("›"))
		}
		l := widget.NewLabel(n)
		l.TextStyle.Bold = i == x.step || (i == stepExport && x.step == stepDone)
		if i > x.step {
			l.Importance = widget.LowImportance
		}
		x.steps.Add(l)
	}
	x.steps.Refresh()
}

// updateNext enables Next when the step's conditions hold.
func (x *exportWizard) updateNext() {
	ok := true
	switch x.step {
	case stepItems:
		ok = x.pickedCount() > 0
	case stepCheck:
		ok = !findingsRefuse(x.findings) && (x.ack || !findingsWarn(x.findings))
	case stepPreview:
		ok = x.pkg.res != nil
	case stepExport:
		ok = x.out.folder.Text != ""
	}
	if ok && !x.busy.Visible() {
		x.next.Enable()
	} else {
		x.next.Disable()
	}
}

func (x *exportWizard) onBack() {
	if x.stopWork != nil {
		x.stopWork()
	}
	if x.step > stepItems {
		x.show(x.step - 1)
	}
}

func (x *exportWizard) onNext() {
	switch x.step {
	case stepItems:
		x.show(stepCover)
	case stepCover:
		x.runCheck()
	case stepCheck:
		x.runBuild()
	case stepPreview:
		x.show(stepExport)
	case stepExport:
		x.runExport()
	}
}

// working shows the progress bar and holds the buttons while work runs.
func (x *exportWizard) working(on bool) {
	if on {
		x.busy.Show()
		x.busy.Start()
	} else {
		x.busy.Stop()
		x.busy.Hide()
	}
	x.updateNext()
}

package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/usecase"
)

// runCheck gathers the package's input from the workspace and runs the
// checks, off the UI goroutine, then shows the findings.
func (x *exportWizard) runCheck() {
	r := x.request()
	ws := x.h.Workspace()
	var in export.Input
	var fs []export.Finding
	var err error
	x.working(true)
	x.h.RunHeld(func() {
		if in, err = usecase.Gather(ws, r); err == nil {
			fs = export.Check(in)
		}
	}, func() {
		x.working(false)
		if err != nil {
			x.h.ShowError(wizardError(err))
			return
		}
		x.in, x.findings, x.ack, x.pkg = in, fs, false, builtPackage{}
		x.show(stepCheck)
	})
}

// wizardError says a submit error in the user's terms.
func wizardError(err error) error {
	switch {
	case errors.Is(err, usecase.ErrNoProfile):
		return errors.New(lang.L("There is no delegation profile yet: add your entity and contacts in Settings (Ctrl+,)."))
	case errors.Is(err, usecase.ErrAlreadyMade):
		return errors.New(lang.L("A package was already made from this version of the workspace."))
	case errors.Is(err, usecase.ErrFolder):
		detail := strings.TrimPrefix(err.Error(), usecase.ErrFolder.Error()+": ")
		return fmt.Errorf("%s %s", lang.L("The package folder cannot be made: choose another one."), detail)
	}
	return err
}

// checkStep shows what the checks found: refusals block, warnings must be
// acknowledged.
func (x *exportWizard) checkStep() fyne.CanvasObject {
	box := container.NewVBox()
	if len(x.findings) == 0 {
		box.Add(findingRow(theme.ConfirmIcon(), lang.L("No problems found: the package can be made."), widget.SuccessImportance))
	}
	notApproved := false
	for _, f := range x.findings {
		icon, imp := theme.WarningIcon(), widget.WarningImportance
		if f.Level == export.LevelRefuse {
			icon, imp = theme.ErrorIcon(), widget.DangerImportance
		}
		notApproved = notApproved || f.Code == "not-approved"
		box.Add(findingRow(icon, capitalise(f.Message), imp))
	}
	box.Add(widget.NewSeparator())
	if findingsRefuse(x.findings) {
		box.Add(wrapLabel(lang.L("Fix the problems marked in red first: go Back to change the cover or the items, or change the delegation profile in Settings."), fyne.TextStyle{}))
	}
	if notApproved || x.unapproved {
		un := widget.NewCheck(lang.L("Send items that are not approved yet"), nil)
		un.Checked = x.unapproved
		un.OnChanged = func(on bool) { x.unapproved = on; x.runCheck() }
		box.Add(un)
	}
	if findingsWarn(x.findings) && !findingsRefuse(x.findings) {
		ack := widget.NewCheck(lang.L("I have read the warnings and want to go on"), func(on bool) { x.ack = on; x.updateNext() })
		ack.Checked = x.ack
		box.Add(ack)
	}
	return container.NewVScroll(box)
}

func findingRow(icon fyne.Resource, text string, imp widget.Importance) fyne.CanvasObject {
	l := wrapLabel(text, fyne.TextStyle{})
	l.Importance = imp
	return container.NewBorder(nil, nil, widget.NewIcon(icon), nil, l)
}

// capitalise makes a finding's message a sentence: a capital first, a
// full stop last.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	if !strings.ContainsAny(s[len(s)-1:], ".!?") {
		s += "."
	}
	if s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// runBuild makes the package (deterministic: the same one is written at
// export) and moves to the preview.
func (x *exportWizard) runBuild() {
	in := x.in
	var res *export.Result
	var err error
	x.working(true)
	x.h.Run(func() { res, err = export.Build(in) }, func() {
		x.working(false)
		if err != nil {
			x.h.ShowError(err)
			return
		}
		x.pkg = builtPackage{res: res}
		x.show(stepPreview)
	})
}

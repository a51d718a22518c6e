package ui

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/store"
)

// The Sync action: choose a delegation remote (or add one), sync off the
// UI goroutine with progress and Cancel, reload the screens, then say
// what happened: published, received per author, conflicts, signatures.

// ctrlShift is Ctrl (Cmd on macOS) + Shift + k.
func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// onSync starts the Sync action (menu File > Sync with delegation…).
func (m *mainScreen) onSync() {
	if m.s.busy {
		return
	}
	rs, err := m.s.work.ws.Remotes()
	if err != nil {
		m.s.showError(err)
		return
	}
	if len(rs) == 0 {
		m.addRemoteForm(lang.L("This workspace has no delegation remote yet. Add the shared folder (a USB stick or shared drive) or the server address your coordinator gave you."))
		return
	}
	m.chooseRemote(rs)
}

// chooseRemote asks which remote to sync with.
func (m *mainScreen) chooseRemote(rs []store.Remote) {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Name
	}
	pick := widget.NewSelect(names, nil)
	pick.SetSelected(names[0])
	where := widget.NewLabel(rs[0].URL)
	where.Wrapping = fyne.TextWrapBreak
	pick.OnChanged = func(n string) {
		for _, r := range rs {
			if r.Name == n {
				where.SetText(r.URL)
			}
		}
	}
	var d *dialog.ConfirmDialog
	add := widget.NewButton(lang.L("Add another remote…"), func() {
		d.Hide()
		m.addRemoteForm(lang.L("Add the shared folder or server address of another delegation remote."))
	})
	body := container.NewVBox(widget.NewLabel(lang.L("Sync with")), pick, where, add)
	d = dialog.NewCustomConfirm(lang.L("Sync with delegation"), lang.L("Sync"), lang.L("Cancel"), body, func(ok bool) {
		if ok {
			m.runSync(pick.Selected)
		}
	}, m.s.win)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
}

// defaultRemoteName is what the add-remote form proposes: a remote's name
// is an identifier in the workspace, not text to translate.
const defaultRemoteName = "delegation"

// addRemoteForm is the minimal "add a remote" form; the remote is synced
// with right after.
func (m *mainScreen) addRemoteForm(why string) {
	name := widget.NewEntry()
	name.SetText(defaultRemoteName)
	addr := widget.NewEntry()
	addr.SetPlaceHolder(lang.L("/media/usb/delegation.git or https://git.example.org/delegation.git"))
	token := widget.NewPasswordEntry()
	token.SetPlaceHolder(lang.L("only for https:// servers that ask for one"))
	intro := widget.NewLabel(why)
	intro.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("", intro),
		widget.NewFormItem(lang.L("Name"), name),
		widget.NewFormItem(lang.L("Folder or address"), addr),
		widget.NewFormItem(lang.L("Access token"), token),
	}
	d := dialog.NewForm(lang.L("Add a delegation remote"), lang.L("Add and sync"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			m.addRemote(strings.TrimSpace(name.Text), strings.TrimSpace(addr.Text), token.Text)
		}
	}, m.s.win)
	d.Resize(fyne.NewSize(620, 320))
	d.Show()
	m.s.win.Canvas().Focus(addr)
}

// addRemote records a remote (and its token outside the workspace) and syncs.
func (m *mainScreen) addRemote(name, addr, token string) {
	r, inURL, err := m.s.work.ws.AddRemote(name, addr)
	if err != nil {
		m.s.showError(errors.New(lang.L("The remote was not added: {{.Why}}", map[string]any{"Why": errText(err)})))
		return
	}
	if token == "" {
		token = inURL
	}
	if token != "" {
		if err := store.SaveToken(r.URL, store.Credential{Token: token}); err != nil {
			m.s.showError(err)
			return
		}
	}
	m.runSync(r.Name)
}

// runSync syncs off the UI goroutine with a progress dialog that can
// cancel, reloads the workspace's screens and shows the report.
func (m *mainScreen) runSync(name string) {
	if m.s.busy {
		return
	}
	m.s.busy = true
	m.editor.autosaveNow()
	ctx, cancel := context.WithCancel(context.Background())
	step := widget.NewLabel(lang.L("Connecting to {{.Remote}}…", map[string]any{"Remote": name}))
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustom(lang.L("Syncing with the delegation"), lang.L("Cancel"), container.NewVBox(step, bar), m.s.win)
	prog.SetOnClosed(cancel)
	prog.Resize(fyne.NewSize(480, 160))
	prog.Show()
	var rep store.SyncReport
	var err error
	ws := m.s.work.ws
	nw := &work{ws: ws}
	m.s.run(func() {
		rep, err = ws.Sync(ctx, name, store.SyncOptions{Progress: func(s string) {
			fyne.Do(func() { step.SetText(syncStep(s)) })
		}})
		if loadErr := nw.load(); err == nil {
			err = loadErr
		}
	}, func() {
		m.s.busy = false
		bar.Stop()
		prog.Hide()
		cancel()
		m.afterSync(nw, rep, err)
	})
}

// syncStep says a sync step in the user's words.
func syncStep(s string) string {
	if x, ok := strings.CutPrefix(s, "fetching from "); ok {
		return lang.L("Fetching from {{.X}}…", map[string]any{"X": x})
	}
	if x, ok := strings.CutPrefix(s, "checking the signatures of "); ok {
		return lang.L("Checking the signatures of {{.X}}…", map[string]any{"X": x})
	}
	if x, ok := strings.CutPrefix(s, "merging the work of "); ok {
		return lang.L("Merging the work of {{.X}}…", map[string]any{"X": x})
	}
	if x, ok := strings.CutPrefix(s, "publishing as "); ok {
		return lang.L("Publishing your work as {{.X}}…", map[string]any{"X": x})
	}
	return s
}

// afterSync reloads the main screens and shows what the sync did.
func (m *mainScreen) afterSync(nw *work, rep store.SyncReport, err error) {
	if err != nil && !errors.Is(err, context.Canceled) && (errors.Is(err, store.ErrUnreachable) || rep.Remote == "") {
		m.s.showError(errors.New(lang.L("Nothing was synced: {{.Why}}", map[string]any{"Why": errText(err)})))
		return
	}
	if nw.drafts != nil || nw.comments != nil {
		m.s.work = nw
	}
	m.s.showMain()
	if err != nil {
		m.s.showError(errors.New(lang.L("The sync stopped: {{.Why}}", map[string]any{"Why": errText(err)})))
		return
	}
	m.s.main.status.SetText(syncSummary(rep))
	m.s.main.showSyncReport(rep)
}

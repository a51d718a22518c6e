package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/delegate-itu/delegate/model/item"
)

// uiLanguages are the six ITU languages the interface may be shown in, as
// BCP 47 tags.
var uiLanguages = []string{"ar", "zh-Hans", "en", "fr", "ru", "es"}

// settingsScreen is the Settings dialog: the delegation, the author, the
// app's look, the workspace and its remotes, and the process dates.
type settingsScreen struct {
	s    *Session
	dlg  dialog.Dialog
	tabs *container.AppTabs

	profile  *profileEditor
	dates    *datesEditor
	remotes  *remotesEditor
	userName *widget.Entry
	userMail *widget.Entry
	userMsg  *widget.Label
	lang     *widget.Select
	theme    *widget.RadioGroup
}

// showSettings opens the Settings dialog.
func (s *Session) showSettings() *settingsScreen {
	if s.work == nil {
		return nil
	}
	st := &settingsScreen{s: s}
	st.profile = newProfileEditor(s)
	st.dates = newDatesEditor(s)
	st.remotes = newRemotesEditor(s)
	st.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Delegation"), theme.HomeIcon(), st.profile.buildUI()),
		container.NewTabItemWithIcon(lang.L("You"), theme.AccountIcon(), st.userTab()),
		container.NewTabItemWithIcon(lang.L("Appearance"), theme.ColorPaletteIcon(), st.appearanceTab()),
		container.NewTabItemWithIcon(lang.L("Workspace"), theme.FolderIcon(), st.workspaceTab()),
		container.NewTabItemWithIcon(lang.L("Process dates"), theme.HistoryIcon(), st.dates.buildUI()),
	)
	st.tabs.SetTabLocation(container.TabLocationLeading)
	st.dlg = dialog.NewCustom(lang.L("Settings"), lang.L("Close"), st.tabs, s.win)
	st.dlg.Resize(wizardSize(s.win))
	st.dlg.Show()
	return st
}

// userTab is the author identity: who signs the commits in this workspace.
func (st *settingsScreen) userTab() fyne.CanvasObject {
	u := st.s.work.ws.User()
	st.userName, st.userMail = widget.NewEntry(), widget.NewEntry()
	st.userName.SetText(u.Name)
	st.userMail.SetText(u.Email)
	st.userMsg = wrapLabel("", fyne.TextStyle{})
	save := widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), st.onSaveUser)
	save.Importance = widget.HighImportance
	intro := wrapLabel(lang.L("Every save in this workspace is recorded under this name and e-mail, so the history shows who wrote what. Changing it affects only what you save from now on."), fyne.TextStyle{})
	form := widget.NewForm(widget.NewFormItem(lang.L("Your name"), st.userName), widget.NewFormItem(lang.L("Your e-mail"), st.userMail))
	return container.NewVBox(intro, form, container.NewHBox(save), st.userMsg)
}

func (st *settingsScreen) onSaveUser() {
	p := item.Person{Name: strings.TrimSpace(st.userName.Text), Email: strings.TrimSpace(st.userMail.Text)}
	if err := st.s.work.ws.SetUser(p); err != nil {
		st.userMsg.Importance = widget.DangerImportance
		st.userMsg.SetText(lang.L("Not saved: give your name and a valid e-mail address."))
		return
	}
	st.userMsg.Importance = widget.SuccessImportance
	st.userMsg.SetText(lang.L("Saved: your next saves are signed {{.Name}} <{{.Email}}>.", map[string]any{"Name": p.Name, "Email": p.Email}))
}

// appearanceTab holds the interface language and the theme.
func (st *settingsScreen) appearanceTab() fyne.CanvasObject {
	pr := st.s.app.Preferences()
	names := []string{lang.L("Follow the system")}
	for _, tag := range uiLanguages {
		names = append(names, languageName(tag))
	}
	st.lang = widget.NewSelect(names, nil)
	st.lang.SetSelectedIndex(0)
	for i, tag := range uiLanguages {
		if pr.String(prefLanguage) == tag {
			st.lang.SetSelectedIndex(i + 1)
		}
	}
	langNote := wrapLabel(lang.L("The interface language applies when Delegate restarts."), fyne.TextStyle{})
	langNote.TextStyle.Italic = true
	st.lang.OnChanged = func(string) {
		tag := ""
		if i := st.lang.SelectedIndex(); i > 0 {
			tag = uiLanguages[i-1]
		}
		pr.SetString(prefLanguage, tag)
		langNote.Importance = widget.WarningImportance
		langNote.SetText(lang.L("Saved: applies when Delegate restarts."))
	}
	choices := []string{lang.L("Follow the system"), lang.L("Light"), lang.L("Dark")}
	values := []string{themeSystem, themeLight, themeDark}
	st.theme = widget.NewRadioGroup(choices, nil)
	for i, v := range values {
		if pr.String(prefTheme) == v {
			st.theme.SetSelected(choices[i])
		}
	}
	st.theme.OnChanged = func(sel string) {
		for i, c := range choices {
			if c == sel {
				pr.SetString(prefTheme, values[i])
				st.s.applyTheme()
			}
		}
	}
	form := widget.NewForm(widget.NewFormItem(lang.L("Language"), container.NewVBox(st.lang, langNote)),
		widget.NewFormItem(lang.L("Theme"), st.theme))
	return container.NewVBox(form)
}

// languageName is a language in itself ("français", "العربية").
func languageName(tag string) string {
	t := language.MustParse(tag)
	if n := display.Self.Name(t); n != "" {
		return n
	}
	return tag
}

// workspaceTab shows where the workspace is and its remotes.
func (st *settingsScreen) workspaceTab() fyne.CanvasObject {
	dir := wrapLabel(st.s.work.ws.Dir(), fyne.TextStyle{})
	dir.TextStyle.Monospace = true
	other := widget.NewButtonWithIcon(lang.L("Open another workspace…"), theme.FolderOpenIcon(), func() {
		st.dlg.Hide()
		st.s.showChooser()
	})
	return container.NewVScroll(container.NewVBox(wizHeading(lang.L("Location")), dir, container.NewHBox(other),
		widget.NewSeparator(), wizHeading(lang.L("Delegation remotes")), st.remotes.buildUI()))
}

package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/store"
)

// remotesEditor lists the delegation remotes and adds one. A token is kept
// in the user's credentials file (store.SaveToken), never in the
// workspace's configuration, so it does not travel with the repository.
type remotesEditor struct {
	s     *Session
	list  *fyne.Container
	name  *widget.Entry
	url   *widget.Entry
	user  *widget.Entry
	token *widget.Entry
	msg   *widget.Label
}

func newRemotesEditor(s *Session) *remotesEditor {
	r := &remotesEditor{s: s, list: container.NewVBox(), name: widget.NewEntry(), url: widget.NewEntry(),
		user: widget.NewEntry(), token: widget.NewPasswordEntry(), msg: wrapLabel("", fyne.TextStyle{})}
	r.name.SetPlaceHolder(lang.L("A short name, e.g. delegation"))
	r.url.SetPlaceHolder(lang.L("A shared folder, https://… or ssh://…"))
	r.user.SetPlaceHolder(lang.L("Only for https:// (GitLab: oauth2)"))
	r.token.SetPlaceHolder(lang.L("Only for https://: a personal access token"))
	return r
}

func (r *remotesEditor) buildUI() fyne.CanvasObject {
	r.fill()
	add := widget.NewButtonWithIcon(lang.L("Add the remote"), theme.ContentAddIcon(), r.onAdd)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Name"), r.name),
		widget.NewFormItem(lang.L("Address"), r.url),
		widget.NewFormItem(lang.L("User name"), r.user),
		widget.NewFormItem(lang.L("Access token"), r.token),
	)
	note := wrapLabel(lang.L("The token is kept in your own settings on this computer, not in the workspace, so it never travels with it."), fyne.TextStyle{})
	note.TextStyle.Italic = true
	return container.NewVBox(r.list, wizHeading(lang.L("Add a remote")), form, note, container.NewBorder(nil, nil, nil, add, r.msg))
}

// fill lists the configured remotes.
func (r *remotesEditor) fill() {
	r.list.Objects = nil
	rs, err := r.s.work.ws.Remotes()
	if err != nil {
		r.say(errText(err), widget.DangerImportance)
	}
	if len(rs) == 0 {
		r.list.Add(wrapLabel(lang.L("No remote yet: your work stays on this computer until you add one."), fyne.TextStyle{}))
	}
	for _, rm := range rs {
		name := widget.NewLabelWithStyle(rm.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		r.list.Add(container.NewBorder(nil, nil, name, widget.NewLabel(remoteKindName(rm.Kind)), wrapLabel(rm.URL, fyne.TextStyle{})))
	}
	r.list.Refresh()
}

// onAdd records the remote and, for https, saves the token outside it.
func (r *remotesEditor) onAdd() {
	name, raw := strings.TrimSpace(r.name.Text), strings.TrimSpace(r.url.Text)
	rm, inURL, err := r.s.work.ws.AddRemote(name, raw)
	if err != nil {
		r.say(lang.L("Not added: {{.Problem}}", map[string]any{"Problem": errText(err)}), widget.DangerImportance)
		return
	}
	token := r.token.Text
	if token == "" {
		token = inURL
	}
	if token != "" && rm.Kind == store.RemoteHTTP {
		if err := store.SaveToken(rm.URL, store.Credential{Username: strings.TrimSpace(r.user.Text), Token: token}); err != nil {
			r.say(lang.L("The remote was added, but the token was not saved: {{.Problem}}", map[string]any{"Problem": errText(err)}), widget.WarningImportance)
			r.fill()
			return
		}
	}
	r.name.SetText("")
	r.url.SetText("")
	r.token.SetText("")
	r.say(lang.L("Added the remote {{.Name}}.", map[string]any{"Name": rm.Name}), widget.SuccessImportance)
	r.fill()
}

func (r *remotesEditor) say(text string, imp widget.Importance) {
	r.msg.Importance = imp
	r.msg.SetText(text)
}

// remoteKindName says what kind of place a remote is; protocol names stay
// as they are written.
func remoteKindName(k store.RemoteKind) string {
	if k == store.RemoteFolder {
		return lang.L("shared folder")
	}
	return string(k)
}

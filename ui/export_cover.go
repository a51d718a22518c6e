package ui

import (
	"encoding/json"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/assets"
	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/usecase"
)

// prefLastExport remembers the last cover per workspace, so the next
// package starts from it.
const prefLastExport = "export.last"

// lastExport is what prefLastExport holds.
type lastExport struct {
	Workspace string     `json:"workspace"`
	Cover     item.Cover `json:"cover"`
	Sender    string     `json:"sender"`
	Subject   string     `json:"subject,omitempty"`
}

// defaultAction is what most contributions ask of the IEG.
const defaultAction = "The IEG is invited to consider this contribution."

// coverForm is the wizard's second step: the contribution's first page.
type coverForm struct {
	x                   *exportWizard
	title, action, subj *widget.Entry
	summary             *textArea
	refs                *widget.Entry
	sender              *widget.Select
	clean               *widget.Check
	contacts            []item.Contact
	senderEmails        []string
	profileProblem      string
	profileEntity       string
}

func (x *exportWizard) newCoverForm() coverForm {
	f := coverForm{x: x}
	f.title = widget.NewEntry()
	f.title.SetPlaceHolder(lang.L("e.g. Comments on the 2nd draft of the Secretary-General's report"))
	f.summary = newTextArea(4) // a text area: Tab leaves it, and a space typed at a wrap stays
	f.summary.SetPlaceHolder(lang.L("Two or three sentences: what this contribution proposes and why."))
	f.action = widget.NewEntry()
	f.action.SetText(defaultAction)
	f.refs = widget.NewMultiLineEntry()
	f.refs.SetMinRowsVisible(2)
	f.refs.SetPlaceHolder(lang.L("One per line; left empty: the report draft the comments are on"))
	f.subj = widget.NewEntry()
	f.subj.SetPlaceHolder(lang.L("Default: WTPF-26 – <your entity> – <Title>"))
	f.clean = widget.NewCheck(lang.L("Add a clean copy with every change accepted"), nil)
	f.loadSenders()
	f.prefill()
	return f
}

// loadSenders offers the delegation's contacts as the sender, the user first.
func (f *coverForm) loadSenders() {
	ws := f.x.h.Workspace()
	p, err := ws.Profile()
	if err != nil {
		f.profileProblem = lang.L("There is no delegation profile yet: add your entity and contacts in Settings (Ctrl+,).")
	}
	f.contacts, f.profileEntity = p.Contacts, p.Entity
	var names []string
	for _, c := range p.Contacts {
		names = append(names, c.Name+" <"+c.Email+">")
		f.senderEmails = append(f.senderEmails, c.Email)
	}
	f.sender = widget.NewSelect(names, nil)
	me, _ := usecase.Sender(p, "", ws.User())
	f.selectSender(me.Email)
}

func (f *coverForm) selectSender(email string) {
	for i, e := range f.senderEmails {
		if strings.EqualFold(e, email) {
			f.sender.SetSelectedIndex(i)
		}
	}
}

// prefill starts from the last package made from this workspace.
func (f *coverForm) prefill() {
	var last lastExport
	raw := f.x.h.Preferences().String(prefLastExport)
	if raw == "" || json.Unmarshal([]byte(raw), &last) != nil || last.Workspace != f.x.h.Workspace().Dir() {
		return
	}
	c := last.Cover
	f.title.SetText(c.Title)
	f.summary.SetText(c.Summary)
	if c.ActionRequired != "" {
		f.action.SetText(c.ActionRequired)
	}
	f.refs.SetText(strings.Join(c.References, "\n"))
	f.subj.SetText(last.Subject)
	f.selectSender(last.Sender)
}

// remember stores the cover for the next package from this workspace.
func (f *coverForm) remember() {
	b, err := json.Marshal(lastExport{Workspace: f.x.h.Workspace().Dir(), Cover: f.value(), Sender: f.senderEmail(), Subject: f.subj.Text})
	if err == nil {
		f.x.h.Preferences().SetString(prefLastExport, string(b))
	}
}

func (f *coverForm) build() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Title"), f.title),
		widget.NewFormItem(lang.L("Summary"), f.summary),
		widget.NewFormItem(lang.L("Action required"), f.action),
		widget.NewFormItem(lang.L("References"), f.refs),
		widget.NewFormItem(lang.L("Contact and sender"), f.sender),
		widget.NewFormItem(lang.L("E-mail subject"), f.subj),
		widget.NewFormItem("", f.clean),
	)
	intro := widget.NewLabel(lang.L("The first page of the contribution. The secretariat gives it its document number; the Source is {{.Entity}}.", map[string]any{"Entity": f.profileEntity}))
	intro.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(intro)
	if f.profileProblem != "" {
		warn := widget.NewLabel(f.profileProblem)
		warn.Importance = widget.WarningImportance
		warn.Wrapping = fyne.TextWrapWord
		top.Add(warn)
	}
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(form))
}

// value is the cover as typed, references one per line.
func (f *coverForm) value() item.Cover {
	c := item.Cover{Title: strings.TrimSpace(f.title.Text), Summary: strings.TrimSpace(f.summary.Text),
		ActionRequired: strings.TrimSpace(f.action.Text)}
	for _, r := range strings.Split(f.refs.Text, "\n") {
		if r = strings.TrimSpace(r); r != "" {
			c.References = append(c.References, r)
		}
	}
	return c
}

func (f *coverForm) senderEmail() string {
	if i := f.sender.SelectedIndex(); i >= 0 && i < len(f.senderEmails) {
		return f.senderEmails[i]
	}
	return ""
}

// request is what the wizard asks usecase.Gather for.
func (x *exportWizard) request() usecase.Request {
	f := &x.cover
	return usecase.Request{Process: x.h.Profile(), Items: x.pickedIDs(), IncludeUnapproved: x.unapproved,
		Sender: f.senderEmail(), Cover: f.value(), Subject: strings.TrimSpace(f.subj.Text),
		Template: assets.ContributionTemplate(), Anchor: export.DefaultAnchor, CleanCopy: f.clean.Checked, Now: x.h.Now()}
}

package ui

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/delegate-itu/delegate/model/export"
	"github.com/delegate-itu/delegate/model/item"
	"github.com/delegate-itu/delegate/model/process"
	"github.com/delegate-itu/delegate/model/store"
	"github.com/delegate-itu/delegate/model/usecase"
	"github.com/delegate-itu/delegate/ui/screen"
)

// nominationForm writes an expert nomination e-mail for the IEG and opens
// it in the mail program, as the export wizard does with a package.
type nominationForm struct {
	h        screen.Host
	dlg      dialog.Dialog
	open     func(*url.URL) error
	name     *widget.Entry
	org      *widget.Entry
	email    *widget.Entry
	country  *widget.Entry
	phone    *widget.Entry
	category *widget.Select
	problem  *widget.Label
	written  string // the .eml once written
}

// showNomination opens the nomination form.
func (s *Session) showNomination() *nominationForm {
	if s.main == nil || s.work == nil {
		return nil
	}
	return newNominationForm(shellHost{s.main})
}

// newNominationForm opens the nomination form on h's workspace.
func newNominationForm(h screen.Host) *nominationForm {
	n := &nominationForm{h: h, open: h.OpenURL}
	n.name, n.org, n.email, n.country, n.phone = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	var cats []string
	for _, c := range item.Categories {
		cats = append(cats, string(c))
	}
	n.category = widget.NewSelect(cats, nil)
	if p, err := h.Workspace().Profile(); err == nil {
		n.org.SetText(p.Entity)
		n.country.SetText(p.Country)
		n.category.SetSelected(string(p.Category))
	}
	n.problem = wrapLabel("", fyne.TextStyle{})
	n.problem.Importance = widget.DangerImportance
	intro := wrapLabel(lang.L("Nominate an expert to the Informal Experts Group. Delegate writes the e-mail to the secretariat; you check it and send it from your mail program."), fyne.TextStyle{})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Name"), n.name),
		widget.NewFormItem(lang.L("Entity or organization"), n.org),
		widget.NewFormItem(lang.L("E-mail"), n.email),
		widget.NewFormItem(lang.L("Country"), n.country),
		widget.NewFormItem(lang.L("Phone"), n.phone),
		widget.NewFormItem(lang.L("Category"), n.category),
	)
	write := widget.NewButtonWithIcon(lang.L("Write the e-mail"), theme.MailComposeIcon(), n.onWrite)
	write.Importance = widget.HighImportance
	closeB := widget.NewButton(lang.L("Close"), func() { n.dlg.Hide() })
	content := container.NewBorder(intro, container.NewBorder(nil, nil, closeB, write), nil, nil, container.NewVBox(form, n.problem))
	n.dlg = dialog.NewCustomWithoutButtons(lang.L("Nominate an expert"), content, h.Window())
	n.dlg.Resize(fyne.NewSize(640, 520))
	n.dlg.Show()
	return n
}

func (n *nominationForm) value() item.Nomination {
	t := func(e *widget.Entry) string { return strings.TrimSpace(e.Text) }
	return item.Nomination{Name: t(n.name), Organization: t(n.org), Email: t(n.email), Country: t(n.country),
		Phone: t(n.phone), Category: item.Category(n.category.Selected)}
}

// onWrite writes the .eml next to the packages and opens it.
func (n *nominationForm) onWrite() {
	h := n.h
	expert := n.value()
	if err := expert.Validate(); err != nil {
		n.problem.SetText(lang.L("Please check this field: {{.Problem}}", map[string]any{"Problem": errText(err)}))
		return
	}
	n.problem.SetText("")
	ws, p, now := h.Workspace(), h.Profile(), h.Now()
	path := filepath.Join(packagesBase(h.Preferences()), "nominations", "nomination-"+store.PersonID(item.Person{Email: expert.Email})+"-"+now.Format("20060102")+".eml")
	var err error
	h.RunHeld(func() { err = writeNomination(ws, p, expert, now, path) }, func() {
		if err != nil {
			h.ShowError(wizardError(err))
			return
		}
		n.written = path
		n.dlg.Hide()
		n.showWritten()
	})
}

func writeNomination(ws *store.Workspace, p *process.Profile, expert item.Nomination, now time.Time, path string) error {
	in, err := usecase.NominationInput(ws, p, expert, "", now)
	if err != nil {
		return err
	}
	eml, err := export.Nomination(in)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, eml, 0o644)
}

// showWritten says where the e-mail is and opens it on request.
func (n *nominationForm) showWritten() {
	msg := wrapLabel(lang.L("The nomination of {{.Name}} is ready in {{.Path}}", map[string]any{"Name": strings.TrimSpace(n.name.Text), "Path": n.written}), fyne.TextStyle{})
	mail := widget.NewButtonWithIcon(lang.L("Open the e-mail draft"), theme.MailComposeIcon(), func() {
		if err := openFile(n.open, n.written); err != nil {
			n.h.ShowError(err)
		}
	})
	mail.Importance = widget.HighImportance
	folder := widget.NewButtonWithIcon(lang.L("Show the folder"), theme.FolderOpenIcon(), func() {
		if err := openFile(n.open, filepath.Dir(n.written)); err != nil {
			n.h.ShowError(err)
		}
	})
	d := dialog.NewCustom(lang.L("Nomination written"), lang.L("Close"), container.NewVBox(msg, container.NewHBox(mail, folder)), n.h.Window())
	d.Resize(fyne.NewSize(560, 200))
	d.Show()
}
